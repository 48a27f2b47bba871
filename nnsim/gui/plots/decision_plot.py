"""The network's answer over the input plane, with the data on top (``decisionPlot``).

A heat map (or a curve, for one input) of what the session's display
network answers, the samples by class, mistakes ringed, and a perceptron's
separating line, which glides to its new place after each single-sample step.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor

from nnsim.engine import Perceptron
from nnsim.engine.metrics import labels_from_outputs
from nnsim.errors import NnsimError
from nnsim.gui.palette import CLASS_COLOURS, TRAIN, WRONG, class_colour
from nnsim.gui.plain_text import escaped
from nnsim.gui.plots.common import drawable, plot_widget
from nnsim.gui.plots.plane_choice import PlaneChoice, choice_panel
from nnsim.gui.plots.scaling import InputScaling
from nnsim.gui.training.live_view import SET_UP
from nnsim.gui.training.probe import probe_inputs
from nnsim.model.neuron_maps import (
    PLANE_SETTINGS,
    has_chosen_plane,
    plane_axes,
    plane_grid,
    plane_inputs,
)
from nnsim.model.session import Session
from nnsim.text import translate

#: How far beyond its data's height a one-input plot widens to show the network's curve.
MAX_STRETCH = 20.0
#: Cells per side of the grid the decision plot evaluates the network on.
GRID_SIZE = 80
#: How long the perceptron's line takes to glide to where an update put it.
LINE_ANIMATION_MS = 350
#: Earlier perceptron lines kept on the plane when the trail is on.
MAX_TRAIL = 12
#: The sample a perceptron saw last; the trail of its earlier lines.
STEPPED, TRAIL = "#009E73", "#999999"


class DecisionPlot:
    """The network's answer over the input plane, with the data on top (``decisionPlot``).

    For two inputs: a heat map of the output (one output) or of the winning
    class (several), the samples coloured by class, validation samples as
    triangles, misclassified samples ringed in red.  For more inputs (not
    images) the same over two inputs chosen above the plot (``panel``), the
    others at their training mean.  For one input: the network's curve over
    the data.  Otherwise (images) it says why there is nothing to draw.  The
    samples are drawn once per data set (each new network of ``session``
    comes with its data); :meth:`draw` changes only the map (or curve) and the
    rings, and a perceptron's single-sample step moves its line.
    """

    def __init__(self, session: Session):
        self.session = session
        self.widget = plot_widget("decisionPlot", translate("DecisionPlot", "Decision boundary"))
        self.image = pg.ImageItem(axisOrder="row-major")
        # The map covers the data (and a margin); cleared, it keeps its old extent, which
        # must not stretch the range of the next data set.
        self.widget.addItem(self.image, ignoreBounds=True)
        self.curve = self.widget.plot(pen=pg.mkPen(TRAIN, width=2.5))
        self.curve.setZValue(5)  # a regression curve stays above the samples it fits
        self.points = pg.ScatterPlotItem(size=10, pen=pg.mkPen("w"))
        self.rings = pg.ScatterPlotItem(
            size=15, brush=None, pen=pg.mkPen(WRONG, width=2.5), symbol="o"
        )
        self.widget.addItem(self.points)
        self.widget.addItem(self.rings)
        self.separator = self.widget.plot(pen=pg.mkPen("#222222", width=2.5))
        self.note = pg.TextItem(color="#333333", anchor=(0.5, 0.5))
        self.widget.addItem(self.note, ignoreBounds=True)
        #: The sample a perceptron saw last (Step One Sample), ringed.
        self.stepped = pg.ScatterPlotItem(
            size=22, brush=None, pen=pg.mkPen(STEPPED, width=3), symbol="o"
        )
        self.widget.addItem(self.stepped)
        #: The input a person probes (a left click on the plane, or typed), marked.
        self.probe_mark = pg.ScatterPlotItem(
            size=18, brush=None, pen=pg.mkPen("#000000", width=2.5), symbol="+"
        )
        self.probe_mark.setZValue(10)
        self.widget.addItem(self.probe_mark)
        self._line = None  # the perceptron line drawn: (a, b, c) of a x1 + b x2 + c = 0
        self.trail: list = []  # earlier lines, when shown
        self.show_trail = False
        self._glide = None
        self._animation = QVariantAnimation(self.widget)
        self._animation.setDuration(LINE_ANIMATION_MS)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.valueChanged.connect(self._glide_to)
        self._parts: list = []
        self._grid = None
        #: How the network's inputs were made from the person's numbers (None: as they are).
        self.scaling: InputScaling | None = None
        #: Draw the plane in the scaled inputs the network sees, not the person's own numbers.
        self.show_scaled = False
        self.misclassified = 0
        #: The inputs drawn across and up; the others' training means (None: no others).
        self.axes, self.means = (0, 1), None
        self.choice = PlaneChoice()
        self.choice.chosen.connect(self._choose_plane)
        #: The plot with the choice of its inputs above it, as the window shows it.
        self.panel = choice_panel(self.choice, self.widget)
        #: While set, clicks draw: ``on_click(x, y, add)`` with add False for a right-click.
        self.on_click = None
        self.widget.scene().sigMouseClicked.connect(self._clicked)
        events = session.events
        events.network_changed.connect(self._show_session_data, priority=SET_UP)
        events.sample_stepped.connect(self._sample_stepped, priority=SET_UP)
        events.probe_changed.connect(self._mark_probe)
        if session.compiled is not None:
            self._show_session_data()

    def _show_session_data(self, *_compiled) -> None:
        """The session's data, drawn in the person's own numbers (see ``show_scaled``)."""
        session = self.session
        self.set_data(session.data, session.validation, InputScaling.of(session.settings))

    def _sample_stepped(self, row: int) -> None:
        self.show_sample_step(self.session.display_network, row)

    def draw(self) -> None:
        """Draw the session's display network over the plane (nothing without a network, nor
        for a Boltzmann machine: it remakes its inputs, and only from 0s and 1s)."""
        if self.session.compiled is not None and self.session.document.kind != "rbm":
            self.show_network(self.session.display_network)

    def draw_with(self, on_click) -> None:
        """Let clicks call ``on_click(x, y, add)`` (None: clicks do nothing again).

        While drawing, the plane keeps its range as the data changes and the
        right-click menu gives way to removing points.
        """
        self.on_click = on_click
        self.widget.getPlotItem().getViewBox().setMenuEnabled(on_click is None)

    def _clicked(self, event) -> None:
        """A click on the plane: a point drawn or removed while drawing, else a probe there."""
        if self._grid is None:
            return
        button = event.button()
        wanted = (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton)
        if button not in (wanted if self.on_click is not None else wanted[:1]):
            return
        view = self.widget.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return  # on an axis or the title
        point = view.mapSceneToView(event.scenePos())
        event.accept()
        if self.on_click is None:
            self.probe_at(point.x(), point.y())
            return
        x, y = self._seen(np.array([[point.x(), point.y()]]))[0, :2]
        self.on_click(float(x), float(y), button == Qt.MouseButton.LeftButton)

    def probe_at(self, x: float, y: float) -> None:
        """Probe the input at plane point (``x``, ``y``): every neuron's value for it."""
        raw = self._seen(np.array([[x, y]]))
        if self.scaling is not None:
            raw = self.scaling.to_raw(raw)
        try:
            numbers = [float(f"{v:.4g}") for v in raw[0]]  # as a person would type them
            self.session.say(probe_inputs(self.session, numbers))
        except NnsimError as exc:
            self.session.say(str(exc))

    def _mark_probe(self, probe) -> None:
        """Mark the probed input on the plane (nothing when a data row is shown again)."""
        if probe is None or self._grid is None or probe.size != self._parts[0].n_features:
            self.probe_mark.setData([], [])
            return
        ((x, y),) = self._shown(probe[np.newaxis])
        self.probe_mark.setData([x], [y])

    # The plane is drawn in the person's own numbers (the inputs before scaling) unless
    # show_scaled: _shown() maps the network's inputs there, _seen() back.  Derived inputs
    # are not drawn: the plane is the data's own inputs, and _seen() makes them.
    # With more inputs, the plane is inputs self.axes and the others are at self.means.
    def _shown(self, X: np.ndarray) -> np.ndarray:
        """Where inputs ``X`` (as the network sees them) stand on the plane."""
        if self.scaling is not None:
            X = self.scaling.plane(X) if self.show_scaled else self.scaling.to_raw(X)
        return X if self.means is None else X[:, list(self.axes)]

    def _seen(self, P: np.ndarray) -> np.ndarray:
        """The network's inputs at plane points ``P``."""
        if self.means is not None:
            if self.scaling is not None and not self.show_scaled:
                axes = list(self.axes)
                P = (P - self.scaling.offset[axes]) / self.scaling.scale[axes]
            return plane_inputs(P, self.means, self.axes)
        if self.scaling is None:
            return P
        return self.scaling.with_derived(P) if self.show_scaled else self.scaling.to_network(P)

    def _offer_plane(self, data) -> None:
        """Choose the plane's inputs for ``data`` (as the project's view settings say)."""
        chosen = has_chosen_plane(data)
        self.axes = plane_axes(self.session.view_settings, data.n_features) if chosen else (0, 1)
        self.means = data.X.mean(axis=0) if chosen else None
        names = [_feature(data, k) for k in range(data.n_features)] if chosen else None
        self.choice.offer(names, self.axes)

    def _choose_plane(self, x: int, y: int) -> None:
        """The person chose the plane's inputs: kept with the project, drawn now."""
        self.session.view_settings.update(zip(PLANE_SETTINGS, (x, y), strict=True))
        if self._parts:
            self.set_data(*self._parts[:2], scaling=self.scaling)
            self.draw()

    def _plane_size(self, data) -> int:
        """How many inputs of ``data`` the plane has (the derived ones are not drawn)."""
        return self._shown(data.X[:1]).shape[1]

    def set_show_scaled(self, on: bool) -> None:
        """Draw the plane in the scaled inputs (True) or in the data's own numbers."""
        if on != self.show_scaled:
            self.show_scaled = on
            if self._parts:
                self.set_data(*self._parts[:2], scaling=self.scaling)

    def set_data(self, data, validation=None, scaling=None) -> None:
        """Show a new data set; the network's answer comes with :meth:`show_network`.

        ``data`` and ``validation`` hold the inputs as the network sees them;
        ``scaling`` (an :class:`InputScaling`) is how they were made from the
        person's own numbers, which the axes then show (see ``show_scaled``).
        """
        self._parts = [part for part in (data, validation) if part is not None]
        self.scaling = scaling
        self._animation.stop()
        self.clear_trail()
        self._line = None
        self.image.clear()
        self.curve.setData([], [])
        self.separator.setData([], [])
        self.rings.setData([], [])
        self.note.setText("")
        self._grid = None
        self._offer_plane(data)
        plane = self._plane_size(data)
        if plane > 2:
            self.points.setData([], [])
            self.widget.setLabel("bottom", "")
            self.widget.setLabel("left", "")
            self.widget.setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)
            self.note.setText(
                translate(
                    "DecisionPlot",
                    "The decision boundary is drawn for 1 or 2 inputs;\nthese data have {count}.",
                ).format(count=plane)
            )
            self.note.setPos(0, 0)
            return
        if plane == 2:
            self._grid = _grid_over(np.vstack([self._shown(part.X) for part in self._parts]))
            self.widget.setLabel("left", escaped(self._axis_name(data, 1)))  # labels are HTML
        else:
            self.widget.setLabel("left", translate("DecisionPlot", "output"))
        self.widget.setLabel("bottom", escaped(self._axis_name(data, 0)))
        self.points.setData(self._spots())
        if self.on_click is None:  # while drawing, the plane stays where the clicks go
            self.widget.enableAutoRange()
            self.widget.autoRange()
            self.widget.disableAutoRange()  # the plane stays put while the network learns
        elif plane == 2:
            (x_low, x_high), (y_low, y_high) = self.widget.getPlotItem().getViewBox().viewRange()
            corners = np.array([[x_low, y_low], [x_high, y_high]])
            shown = (self._shown(part.X) for part in self._parts)
            self._grid = _grid_over(np.vstack([corners, *shown]))

    def _axis_name(self, data, k: int) -> str:
        """An input's name, saying when the axis shows it scaled."""
        name = _feature(data, self.axes[k])
        if self.scaling is not None and self.scaling.normalised and self.show_scaled:
            return translate("DecisionPlot", "{name} ({method} scaled)").format(
                name=name, method=self.scaling.method
            )
        return name

    def _place(self, part) -> tuple[np.ndarray, np.ndarray]:
        """The plane's (x, y) of each sample: its inputs, or its input and target."""
        X = drawable(self._shown(part.X))
        return X[:, 0], (X[:, 1] if X.shape[1] == 2 else drawable(part.T[:, 0]))

    def _spots(self) -> list[dict]:
        spots = []
        for part, symbol in zip(self._parts, ("o", "t"), strict=False):
            for x, y, label in zip(*self._place(part), part.y, strict=True):
                colour = "#333333"
                if part.task == "classification":
                    colour = class_colour(label)
                spots.append({"pos": (x, y), "symbol": symbol, "brush": pg.mkBrush(colour)})
        return spots

    def show_network(self, network) -> None:
        """Evaluate ``network`` (the display copy) over the plane and redraw."""
        if not self._parts or self._plane_size(self._parts[0]) > 2:
            return
        if self._grid is None:  # one input: the network's curve over the data
            along = drawable(self._shown(self._parts[0].X))
            xs = np.linspace(along.min(), along.max(), 200)[:, None]
            ys = network.predict(self._seen(xs))[:, 0]
            self.curve.setData(xs[:, 0], ys)
            self._keep_in_view(ys)
        else:
            self._show_map(network.predict(self._seen(self._grid[2])))
            self._show_separator(network)
        self._ring_mistakes(network)

    def _keep_in_view(self, ys: np.ndarray) -> None:
        """Widen the plot's height to show the whole curve ``ys``: a line far from the data
        (a learning rate of 1 overshooting) is the lesson.  It never narrows while the
        network learns (the plot would jump), and grows at most to ``MAX_STRETCH`` times
        the data's own height (a diverging network goes off the top)."""
        view = self.widget.getPlotItem().getViewBox()
        low, high = view.viewRange()[1]
        targets = drawable(np.concatenate([part.T[:, 0] for part in self._parts]))
        reach = MAX_STRETCH * max(float(np.ptp(targets)), 1e-9)
        ys = np.clip(ys[np.isfinite(ys)], targets.min() - reach, targets.max() + reach)
        if ys.size and (ys.min() < low or ys.max() > high):
            low, high = min(low, ys.min()), max(high, ys.max())
            margin = 0.05 * (high - low)
            view.setYRange(low - margin, high + margin, padding=0)

    def _show_separator(self, network) -> None:
        """Draw a perceptron's separating line (none for other networks)."""
        line = _line_of(network)
        if self.gliding and line == self._line:
            return  # the line is on its way to this network's
        self._animation.stop()  # another network than the glide's: straight there
        self._line = line
        self._draw_line(self.separator, line)

    def _draw_line(self, item, line) -> None:
        """Draw a x1 + b x2 + c = 0, ``line`` = (a, b, c), across the plane (None: nothing)."""
        if line is None or self._grid is None:
            item.setData([], [])
            return
        a, b, c = line
        if self.scaling is not None and self.scaling.normalised and not self.show_scaled:
            # a . (x - o) / s + c = 0 is the line (a / s) . x + c - a . o / s = 0 on the plane.
            (o1, o2), (s1, s2) = self.scaling.offset, self.scaling.scale
            a, b, c = a / s1, b / s2, c - a * o1 / s1 - b * o2 / s2
        xs, ys, _ = self._grid
        if abs(b) > 1e-12:
            x = np.array([xs[0], xs[-1]])
            item.setData(x, -(a * x + c) / b)
        elif abs(a) > 1e-12:
            item.setData([-c / a] * 2, [ys[0], ys[-1]])
        else:
            item.setData([], [])  # weights too near 0 for a line

    def show_sample_step(self, network, row: int) -> None:
        """A perceptron just saw sample ``row``: ring it, and move its line there.

        The line glides from where it was to where the update put it
        (``LINE_ANIMATION_MS``); with the trail on, the old one stays, faded.
        """
        if not self._parts or self._grid is None:
            return
        x, y = self._shown(self._parts[0].X[row : row + 1])[0]
        self.stepped.setData([x], [y])
        old, new = self._line, _line_of(network)
        self._line = new
        if old is None or new is None or old == new:
            self._draw_line(self.separator, new)
            return
        if self.show_trail:
            self._add_to_trail(old)
        self._animation.stop()
        self._glide = (np.array(old), np.array(new))
        self._animation.start()

    @property
    def gliding(self) -> bool:
        """Whether the perceptron's line is still on its way to its new place."""
        return self._animation.state() == QVariantAnimation.State.Running

    def _glide_to(self, share) -> None:
        start, end = self._glide
        self._draw_line(self.separator, tuple(start + float(share) * (end - start)))

    def _add_to_trail(self, line) -> None:
        item = self.widget.plot(pen=pg.mkPen(TRAIL, width=1.5, style=Qt.PenStyle.DashLine))
        self._draw_line(item, line)
        self.trail.append(item)
        while len(self.trail) > MAX_TRAIL:
            self.widget.removeItem(self.trail.pop(0))

    def set_trail(self, on: bool) -> None:
        """Keep the perceptron's previous lines on the plane (or clear them)."""
        self.show_trail = on
        if not on:
            self.clear_trail()

    def clear_trail(self) -> None:
        for item in self.trail:
            self.widget.removeItem(item)
        self.trail = []
        self.stepped.setData([], [])

    def _show_map(self, outputs: np.ndarray) -> None:
        x_axis, y_axis, _ = self._grid
        if outputs.shape[1] == 1:
            image, levels = outputs[:, 0], (0.0, 1.0) if _bounded(outputs) else None
            self.image.setLookupTable(_two_class_lut())
        else:
            image, levels = outputs.argmax(axis=1).astype(float), (0, len(CLASS_COLOURS) - 1)
            self.image.setLookupTable(_class_lut())
        image = image.reshape(len(y_axis), len(x_axis))
        self.image.setImage(image, levels=levels, autoLevels=levels is None)
        step_x, step_y = x_axis[1] - x_axis[0], y_axis[1] - y_axis[0]
        self.image.setRect(
            QRectF(
                x_axis[0] - step_x / 2,
                y_axis[0] - step_y / 2,
                step_x * len(x_axis),
                step_y * len(y_axis),
            )
        )

    def _ring_mistakes(self, network) -> None:
        xs, ys = [], []
        for part in self._parts:
            if part.task != "classification":
                continue
            wrong = labels_from_outputs(network.predict(part.X)) != part.y
            x, y = self._place(part)
            xs.append(x[wrong])
            ys.append(y[wrong])
        self.misclassified = int(sum(len(x) for x in xs))
        if xs:
            self.rings.setData(np.concatenate(xs), np.concatenate(ys))


def _line_of(network) -> tuple[float, float, float] | None:
    """A perceptron's :meth:`~nnsim.engine.Perceptron.decision_line`; None for other networks."""
    return network.decision_line() if isinstance(network, Perceptron) else None


def _feature(data, k: int) -> str:
    return data.feature_names[k] if data.feature_names else f"x{k + 1}"


def _grid_over(X: np.ndarray):
    """A GRID_SIZE x GRID_SIZE grid over the data's box plus a margin: (xs, ys, points)."""
    return plane_grid(drawable(X), GRID_SIZE)


def _bounded(outputs: np.ndarray) -> bool:
    return bool(outputs.min() >= 0.0 and outputs.max() <= 1.0)


def _two_class_lut() -> np.ndarray:
    """Class 0's colour through white (the boundary at 0.5) to class 1's, pale."""
    colours = [QColor(CLASS_COLOURS[0]), QColor("#FFFFFF"), QColor(CLASS_COLOURS[1])]
    stops = pg.ColorMap([0.0, 0.5, 1.0], [c.getRgb()[:3] for c in colours])
    lut = stops.getLookupTable(0.0, 1.0, 256)
    return (255 - (255 - lut) * 0.55).astype(np.uint8)


def _class_lut() -> np.ndarray:
    rgb = np.array([QColor(c).getRgb()[:3] for c in CLASS_COLOURS], dtype=float)
    return (255 - (255 - rgb) * 0.45).astype(np.uint8)
