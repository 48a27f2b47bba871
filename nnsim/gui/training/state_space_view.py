"""The state-space view (``stateSpace``): what one layer makes of every sample, on a plane.

Simbrain's projection plot.  Each sample of the training data is a point
placed by the outputs of the chosen layer (``stateSpaceLayer``: the inputs or
a hidden layer, the last hidden one at first): for more than two neurons the
first two principal components of those outputs, for two the outputs
themselves, for one the output against the sample's number
(:mod:`nnsim.model.state_space` computes them).  Points are coloured by class
(regression data by target value), so a hidden layer that has learned to tell
the classes apart shows them as separate clusters, even where no decision
boundary can be drawn (more than two inputs).

Live, :meth:`StateSpaceView.draw` works the projection out again only when the
view is on screen and the weights it depends on (those of the layers up to the
chosen one) or the data changed since the last frame; a
:class:`~nnsim.model.state_space.Projector` keeps the axes from flipping
between frames.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnsim.gui.palette import CLASS_COLOURS, class_colour
from nnsim.gui.plain_text import escaped, plain_label
from nnsim.gui.plots.common import legend_beside, plot_widget
from nnsim.gui.plots.scatter import UniformScatter
from nnsim.model.session import Session
from nnsim.model.state_space import Projection, Projector, layer_sizes
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: A class's symbol: classes past the colours' seventh get their colour again, so their
#: symbol tells them apart (the digits' 7, 8, 9 are squares).
CLASS_SYMBOLS = ("o", "s", "t", "d")
#: Above this many samples the points are drawn smaller (6 pixels, not 8): the digits'
#: 1,438 training samples cover a small plot.
CROWDED = 500
#: Regression data: the target's value from low to high.
TARGET_COLOURS = pg.colormap.get("viridis")

#: What the picture shows, by the projection's kind and whether the layer is the inputs.
SENTENCES = {
    ("pca", True): QT_TRANSLATE_NOOP(
        "StateSpaceView",
        "Each point is a sample at the two principal components of its {count} inputs (PC 1 "
        "and PC 2: the directions in which they vary most).",
    ),
    ("pca", False): QT_TRANSLATE_NOOP(
        "StateSpaceView",
        "Each point is a sample at the two principal components of this layer's {count} "
        "outputs (PC 1 and PC 2: the directions in which they vary most).",
    ),
    ("plane", True): QT_TRANSLATE_NOOP(
        "StateSpaceView", "Each point is a sample at its two inputs."
    ),
    ("plane", False): QT_TRANSLATE_NOOP(
        "StateSpaceView", "Each point is a sample at the outputs of this layer's two neurons."
    ),
    ("line", True): QT_TRANSLATE_NOOP(
        "StateSpaceView", "One input: each sample at its value (across), one row per sample (up)."
    ),
    ("line", False): QT_TRANSLATE_NOOP(
        "StateSpaceView",
        "One neuron: each sample at its output (across), one row per sample (up).",
    ),
}

#: A scatter drawn, the indices of its points in a projection's rows, and what else its
#: ``setData`` takes at each frame (each point's brush, for regression data).
Group = tuple[pg.ScatterPlotItem, np.ndarray, dict]


#: The view setting (:mod:`nnsim.model.view_settings`) holding the layer shown.
LAYER_SETTING = "stateSpace.layer"

#: The view moves when the points fill less than this share of it along an axis ...
SNUG = 0.5
#: ... and then shows them with this share of their spread around them.
MARGIN = 0.15


class StateSpaceView(QWidget):
    """Every training sample at its place in one layer's state space, coloured by class.

    Attributes
    ----------
    plot : pg.PlotWidget
    groups : list of (pg.ScatterPlotItem, (k,) int array, dict)
        One scatter per class (or one for regression data), with the indices of its
        points in :attr:`projection`'s rows (see :data:`Group`): a scatter of one
        colour and symbol is drawn in half the time of one whose points each have their own.
    projection : Projection or None
        The frame drawn last.
    drawn : int
        How many frames were worked out (for tests and measuring).
    """

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("stateSpace")
        self.session = session
        self.projector = Projector()
        self.projection: Projection | None = None
        self.drawn = 0
        self._sizes: list[int] = []  # the layers offered, inputs first
        self._last = None  # (data, layer, copies of the weights it depends on) drawn last
        self.groups: list[Group] = []
        self._grouped = None  # (data, rows) the groups were made for
        self.layer = QComboBox()
        self.layer.setObjectName("stateSpaceLayer")
        self.layer.setToolTip(
            translate(
                "StateSpaceView",
                "Whose outputs place the samples: a hidden layer shows what the network has "
                "made of the data; the inputs show the data as they are, to compare.",
            )
        )
        self.layer.currentIndexChanged.connect(self._layer_chosen)
        self.note = plain_label(objectName="stateSpaceNote", wordWrap=True)
        self.plot = plot_widget("stateSpacePlot", "")
        self.plot.setToolTip(
            translate(
                "StateSpaceView",
                "Where each class gathers in a cluster of its own, the layer tells the classes "
                "apart. Choose the inputs to see how mixed they were to begin with.",
            )
        )
        self.legend = legend_beside(self.plot, columns=2)
        choice = QHBoxLayout()
        choice.addWidget(QLabel(translate("StateSpaceView", "Layer:")))
        choice.addWidget(self.layer, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(choice)
        layout.addWidget(self.note)
        layout.addWidget(self.plot, 1)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.draw()  # what changed while the view was hidden

    def _layer_chosen(self, index: int) -> None:
        self.session.view_settings[LAYER_SETTING] = index  # kept with the project
        self.draw()

    def draw(self) -> None:
        """Project the samples through the layer chosen, if on screen and anything changed."""
        if not self.isVisible():
            return
        session = self.session
        network, data = session.display_network, session.data
        if session.compiled is None or data is None or data.n_features != network.n_inputs:
            self._show_nothing()  # no network, or one that cannot take the data
            return
        sizes = layer_sizes(network)[:-1]  # every layer but the output
        if sizes != self._sizes:
            self._offer_layers(sizes)
        layer = self.layer.currentIndex()
        if self._unchanged(network, data, layer):
            return
        self.projection = self.projector(network, data.X, layer)
        self.drawn += 1
        self._show(self.projection, data, layer)

    def _unchanged(self, network, data, layer: int) -> bool:
        """Whether the frame drawn last holds for these; remember these as drawn.

        Each run prepares its own copies of the network and the data, so they are
        compared by value: the weights up to ``layer``, and the samples.
        """
        weights, biases = network.parameters()
        used = [*weights[:layer], *biases[:layer]]
        last, self._last = self._last, (data, layer, [np.array(a) for a in used])
        if last is None or not _same_data(last[0], data):
            self.projector.reset()  # other data: a new picture
            return False
        return last[1] == layer and all(
            np.array_equal(a, b) for a, b in zip(used, last[2], strict=True)
        )

    def _offer_layers(self, sizes: list[int]) -> None:
        """List the inputs and every hidden layer; choose the one the project was left
        showing, or the last hidden one."""
        self._sizes = sizes
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.addItem(translate("StateSpaceView", "Inputs ({count})").format(count=sizes[0]))
        for k, size in enumerate(sizes[1:], start=1):
            self.layer.addItem(_layer_name(k, size))
        saved = self.session.view_settings.get(LAYER_SETTING)
        self.layer.setCurrentIndex(
            saved if saved is not None and saved < len(sizes) else len(sizes) - 1
        )
        self.layer.blockSignals(False)

    def _show_nothing(self) -> None:
        self._last = self.projection = None
        self._group([], [])
        self.note.setText(
            translate("StateSpaceView", "A network that trains on data shows its state space here.")
        )

    def _show(self, projection: Projection, data, layer: int) -> None:
        if self._grouped is None or not (
            self._grouped[0] is data and np.array_equal(self._grouped[1], projection.rows)
        ):
            self._group(*self._groups_of(data, projection.rows))
            self._grouped = (data, projection.rows)
        x, y = projection.points.T
        for item, members, style in self.groups:
            item.setData(x=x[members], y=y[members], **style)
        self._keep_in_view(projection.points)
        bottom, left = self._axis_names(projection, data, layer)
        plot = self.plot.getPlotItem()
        for side, text in (("bottom", bottom), ("left", left)):
            if plot.getAxis(side).labelText != text:
                plot.setLabel(side, text)
        self.note.setText(self._sentence(projection, data, layer))

    def _keep_in_view(self, points: np.ndarray) -> None:
        """Move the view only when ``points`` (m, 2) leave it or fill under half of it.

        A view that followed the points at every frame had both axes drawn again
        each time: 15 of a 24 ms frame on XOR, where the rest of the window takes 9.
        """
        if not len(points):
            return
        box = self.plot.getViewBox()
        low, high = points.min(axis=0), points.max(axis=0)
        shown = np.array(box.viewRange())  # [[x0, x1], [y0, y1]]
        inside = np.all(shown[:, 0] <= low) and np.all(high <= shown[:, 1])
        if inside and np.all(high - low >= SNUG * (shown[:, 1] - shown[:, 0])):
            return
        margin = np.maximum(high - low, 1e-9) * MARGIN
        box.setRange(xRange=(low[0] - margin[0], high[0] + margin[0]),
                     yRange=(low[1] - margin[1], high[1] + margin[1]), padding=0)  # fmt: skip

    def _axis_names(self, projection: Projection, data, layer: int) -> tuple[str, str]:
        """The x and y axes' labels (HTML, as pyqtgraph's are)."""
        if projection.kind == "pca":
            name = translate("StateSpaceView", "PC {number} ({share})")
            return tuple(
                name.format(number=number, share=f"{share:.0%}")
                for number, share in zip(projection.components, projection.shares, strict=True)
            )
        if layer == 0:
            names = [escaped(name) for name in data.feature_names] or ["x1", "x2"]
        else:
            neuron = translate("StateSpaceView", "Hidden {layer}, neuron {number}")
            names = [neuron.format(layer=layer, number=k) for k in (1, 2)]
        if projection.kind == "line":
            return names[0], translate("StateSpaceView", "sample")
        return names[0], names[1]

    def _sentence(self, projection: Projection, data, layer: int) -> str:
        text = translate("StateSpaceView", SENTENCES[projection.kind, layer == 0])
        text = text.format(count=self._sizes[layer])
        if len(self._sizes) == 1:
            text = translate(
                "StateSpaceView",
                "This network has no hidden layer: only its inputs are shown. {text}",
            ).format(text=text)
        if len(projection.rows) < data.n_samples:
            text += " " + translate(
                "StateSpaceView", "{shown} of the {count} samples are shown, spread evenly."
            ).format(shown=f"{len(projection.rows):,}", count=f"{data.n_samples:,}")
        return text

    def _group(self, groups: list[Group], legend: list[tuple[pg.ScatterPlotItem, str]]) -> None:
        """Draw these scatters (with their members) and this legend, in place of the last."""
        for item, *_ in self.groups:
            self.plot.removeItem(item)
        self.legend.clear()
        self._grouped = None
        self.groups = groups
        for item, *_ in groups:
            self.plot.addItem(item)
        for item, label in legend:
            self.legend.addItem(item, label)

    def _groups_of(self, data, rows: np.ndarray) -> tuple[list[Group], list]:
        """One scatter per class, in its colour and symbol, each in the legend (regression
        data: :func:`_target_groups`)."""
        if data.task != "classification":
            return _target_groups(np.asarray(data.T)[rows, 0])
        labels = data.y[rows].astype(int)
        names = data.class_names or tuple(str(k) for k in range(data.n_classes))
        items = [
            _scatter(len(rows), brush=class_colour(k), symbol=_class_symbol(k))
            for k in range(len(names))
        ]
        groups = [(item, np.flatnonzero(labels == k), {}) for k, item in enumerate(items)]
        return groups, [(item, escaped(name)) for item, name in zip(items, names, strict=True)]

    def table(self) -> tuple[list[str], list[list]]:
        """The points drawn, for a CSV file: sample number, class (or target), x, y."""
        projection, data = self.projection, self.session.data
        if projection is None or data is None:
            return ["sample", "class", "x", "y"], []
        regression = data.task != "classification"
        header = ["sample", "target" if regression else "class", "x", "y"]  # CSV: English
        names = data.class_names or tuple(str(k) for k in range(data.n_classes))
        rows = []
        for row, (x, y) in zip(projection.rows, projection.points, strict=True):
            label = float(data.T[row, 0]) if regression else names[int(data.y[row])]
            rows.append([int(row) + 1, label, float(x), float(y)])
        return header, rows


def _same_data(one, other) -> bool:
    return one is other or (
        one.X.shape == other.X.shape
        and np.array_equal(one.X, other.X)
        and np.array_equal(one.y, other.y)
    )


def _layer_name(k: int, size: int) -> str:
    if size == 1:
        return translate("StateSpaceView", "Hidden {layer} (1 neuron)").format(layer=k)
    return translate("StateSpaceView", "Hidden {layer} ({count} neurons)").format(
        layer=k, count=size
    )


def _class_symbol(label: int) -> str:
    return CLASS_SYMBOLS[label // len(CLASS_COLOURS) % len(CLASS_SYMBOLS)]


def _target_groups(target: np.ndarray) -> tuple[list[Group], list]:
    """One scatter, each point dark (lowest ``target``) to yellow (highest); the two ends in
    the legend (as points that are not drawn)."""
    low, high = float(target.min()), float(target.max())
    share = (target - low) / (high - low) if high > low else np.zeros_like(target)
    brushes = [pg.mkBrush(c) for c in TARGET_COLOURS.mapToQColor(share)]
    label = translate("StateSpaceView", "target {value}")
    ends = [
        (_scatter(0, brush=TARGET_COLOURS.mapToQColor(end)), label.format(value=f"{value:.3g}"))
        for end, value in ((0.0, low), (1.0, high))
    ]
    return [(_scatter(len(target)), np.arange(len(target)), {"brush": brushes})], ends


def _scatter(count: int, **style) -> pg.ScatterPlotItem:
    """A scatter of the view's points, with a white rim, smaller when ``count`` samples are
    drawn in all would crowd the plot; ``style`` sets brush and symbol."""
    size = 8 if count <= CROWDED else 6
    return UniformScatter(size=size, pen=pg.mkPen("#FFFFFF", width=0.6), **style)
