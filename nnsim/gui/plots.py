"""Live plots of training: the error curve and the decision boundary (DESIGN.md section 5).

Plots never read the network a worker is training: they draw the
controller's history and evaluate its *display network*, a copy that takes
each report's weights.  The main window redraws them from a GUI-thread
timer, only when a new report came in.
"""

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from nnsim.engine import Perceptron
from nnsim.engine.metrics import labels_from_outputs
from nnsim.gui.palette import ACCURACY, CLASS_COLOURS, TRAIN, VALIDATION, WRONG
from nnsim.gui.plain_text import escaped
from nnsim.model.settings import input_scaling

#: The Epochs limit's line on the error plot: faint, it is a bound, not data.
LIMIT = "#AAAAAA"

#: Cells per side of the grid the decision plot evaluates the network on.
GRID_SIZE = 80
#: Stretches of epochs the error curve is drawn with (two points each, low and high).
CURVE_POINTS = 1500
#: How long the perceptron's line takes to glide to where an update put it.
LINE_ANIMATION_MS = 350
#: Earlier perceptron lines kept on the plane when the trail is on.
MAX_TRAIL = 12
#: The sample a perceptron saw last; the trail of its earlier lines.
STEPPED, TRAIL = "#009E73", "#999999"


def _plot_widget(name: str, title: str) -> pg.PlotWidget:
    widget = pg.PlotWidget(background="w")
    widget.setObjectName(name)
    widget.setTitle(title, color="#333333")
    widget.showGrid(x=True, y=True, alpha=0.2)
    style_axes(widget.getPlotItem())
    return widget


def legend_below(widget: pg.PlotWidget, columns: int = 4) -> pg.LegendItem:
    """A legend in a row under the plot's x axis, never over its curves.

    Curves plotted with a ``name`` join it, as with pyqtgraph's own legend.
    """
    plot = widget.getPlotItem()
    legend = pg.LegendItem(
        labelTextColor="#333333", labelTextSize="8pt", colCount=columns, verSpacing=-8
    )
    plot.layout.addItem(legend, 4, 1)  # rows: title, top axis, view, bottom axis, legend
    plot.legend = legend
    return legend


#: The largest magnitude a plot draws at: pyqtgraph cannot set a range whose span
#: overflows (data at ±1e308 made "Cannot set range [-inf, -inf]" and broke the open).
DRAWABLE = 1e300


def drawable(values: np.ndarray) -> np.ndarray:
    """``values`` to draw: those beyond ±:data:`DRAWABLE` drawn at that edge."""
    return np.clip(values, -DRAWABLE, DRAWABLE)


def style_axes(plot: pg.PlotItem) -> None:
    """Dark text on white, numbers as they are (no SI scaling), axes cached as pixmaps."""
    for side in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(side)
        axis.setTextPen("#333333")
        axis.setPen("#888888")
        axis.enableAutoSIPrefix(False)  # an error of 0.002 reads 0.002, not 2 (x0.001)
        # Redrawn from a pixmap unless the axis itself changed: replaying its picture
        # on every frame cost more than all the rest of a redraw.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class ErrorPlot:
    """Training and validation error against epochs (objectName ``errorPlot``).

    Thousands of epochs per second for minutes make 100,000+ points: the
    curves are decimated to the lowest and highest error of each of about
    ``CURVE_POINTS`` stretches of epochs, so spikes stay visible and a redraw
    costs the same at epoch 1,000 and at epoch 1,000,000.
    """

    def __init__(self):
        self.widget = _plot_widget("errorPlot", "Error")
        self.widget.setLabel("bottom", "epoch")
        self.widget.setLabel("left", "error E")
        self.legend = legend_below(self.widget)
        self.train_curve = self.widget.plot(pen=pg.mkPen(TRAIN, width=2), name="training")
        self.validation_curve = self.widget.plot(
            pen=pg.mkPen(VALIDATION, width=2), name="validation"
        )
        self.target_line = pg.InfiniteLine(
            angle=0, pen=pg.mkPen("#555555", style=Qt.PenStyle.DashLine)
        )
        self.widget.addItem(self.target_line)
        self.target_line.setVisible(False)
        #: The Epochs setting, where training will stop: a faint line once the curve nears it.
        self.limit_line = pg.InfiniteLine(
            angle=90,
            pen=pg.mkPen(LIMIT, width=1, style=Qt.PenStyle.DashLine),
            label="limit {value:,.0f}",
            labelOpts={"position": 0.03, "color": LIMIT, "anchors": [(1, 1), (1, 1)]},
        )
        self.widget.addItem(self.limit_line, ignoreBounds=True)
        self.limit_line.setVisible(False)
        self._target: float | None = None
        self._span: int | None = None  # the epoch axis's extent
        self._error_top: float | None = None  # the error axis's top, when not log (0: empty)
        self._make_accuracy_axis()
        self._show_extent(0, None)
        self._fit_error_axis()

    def _make_accuracy_axis(self) -> None:
        """Accuracy in % on a right-hand axis of its own, sharing the epochs."""
        plot = self.widget.getPlotItem()
        self.accuracy_box = pg.ViewBox()
        plot.scene().addItem(self.accuracy_box)
        right = plot.getAxis("right")
        right.linkToView(self.accuracy_box)
        right.setLabel("accuracy %")
        self.accuracy_box.setXLink(plot)
        self.accuracy_box.setYRange(0, 100, padding=0.02)
        self.accuracy_box.setMouseEnabled(x=False, y=False)
        self.accuracy_curve = pg.PlotDataItem(
            pen=pg.mkPen(ACCURACY, width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.accuracy_box.addItem(self.accuracy_curve)
        plot.vb.sigResized.connect(self._align_accuracy_box)
        self._accuracy_shown = None
        self._show_accuracy(False)

    def _align_accuracy_box(self) -> None:
        plot = self.widget.getPlotItem()
        self.accuracy_box.setGeometry(plot.vb.sceneBoundingRect())
        self.accuracy_box.linkedViewChanged(plot.vb, self.accuracy_box.XAxis)

    def _show_accuracy(self, shown: bool) -> None:
        if shown == self._accuracy_shown:
            return  # showing an axis re-lays the plot out: only on a change
        self._accuracy_shown = shown
        self.widget.getPlotItem().showAxis("right", shown)
        self.accuracy_curve.setVisible(shown)
        listed = any(sample.item is self.accuracy_curve for sample, _ in self.legend.items)
        if shown and not listed:
            self.legend.addItem(self.accuracy_curve, "accuracy")
        elif listed and not shown:
            self.legend.removeItem(self.accuracy_curve)

    @property
    def log_scale(self) -> bool:
        return self.widget.getPlotItem().ctrl.logYCheck.isChecked()

    def set_log_scale(self, on: bool) -> None:
        """Draw the error on a log scale (small errors stay visible)."""
        self.widget.setLogMode(y=on)
        self._error_top = None
        self.set_target(self._target)

    def set_target(self, target: float | None) -> None:
        """Mark the target error with a dashed line (None hides it)."""
        self._target = target
        visible = target is not None and (target > 0 or not self.log_scale)
        self.target_line.setVisible(visible)
        if visible:
            self.target_line.setPos(np.log10(target) if self.log_scale else target)

    def show_history(self, history, max_epochs: int | None = None) -> None:
        """Draw a :class:`~nnsim.model.history.LossHistory` (decimated to ~2 x CURVE_POINTS).

        With ``max_epochs`` the epoch axis spans the whole run from the start,
        so it need not be rescaled (and its ticks redrawn) as the curve grows.
        """
        epochs = history.epochs
        self.train_curve.setData(*decimate(epochs, history.train))
        validation = history.validation
        measured = ~np.isnan(validation)
        self.validation_curve.setData(*decimate(epochs[measured], validation[measured]))
        self._show_validation_in_legend(bool(measured.any()))
        accuracy = history.accuracy
        scored = ~np.isnan(accuracy)
        self.accuracy_curve.setData(*decimate(epochs[scored], 100 * accuracy[scored]))
        if scored.any():
            self._show_accuracy(True)
        self._fit_error_axis(history.train, validation[measured])
        self._show_extent(history.count, max_epochs)

    def _show_extent(self, count: int, max_epochs: int | None) -> None:
        """Let the epoch axis follow the curve; mark the Epochs limit when it is in view.

        The axis ends at the first of 1, 2, 5, 10, 20, 50, ... epochs that holds
        the curve (at most the limit, while the curve is within it), so a
        5-epoch run fills the plot and a long one re-ticks the axis only a few
        times per decade.
        """
        span = epoch_extent(count, max_epochs)
        if span != self._span:  # a new range re-ticks the axis: only when it changes
            self._span = span
            self.widget.setXRange(0, span, padding=0.02)
        shown = bool(max_epochs) and max_epochs <= span
        if shown != self.limit_line.isVisible():
            self.limit_line.setVisible(shown)
        if shown and self.limit_line.value() != max_epochs:
            self.limit_line.setPos(max_epochs)  # after showing it: a hidden label keeps its text

    def expect_accuracy(self, expected: bool) -> None:
        """Show the accuracy axis (classification) or hide it (regression) before training."""
        self._show_accuracy(expected)

    def _fit_error_axis(self, *curves) -> None:
        """Keep the error axis from 0 to the largest error so far (auto-scaled on a log scale).

        Errors mostly fall, so the axis rarely moves: the curve can be seen
        falling, and the axis is not re-ticked on every frame.
        """
        top = max((float(np.max(c)) for c in curves if len(c)), default=0.0)
        if self.log_scale:
            if top > 0:
                self.widget.enableAutoRange(y=True)
            else:  # nothing yet: errors from 0.001 to 1, not pyqtgraph's -0.4 to 0.4
                self.widget.setYRange(-3, 0, padding=0.05)
            return
        if not np.isfinite(top):
            return
        if top <= 0:
            if self._error_top != 0.0:  # nothing trained yet: 0 to 1
                self._error_top = 0.0
                self.widget.setYRange(0, 1, padding=0.05)
            return
        if self._error_top is None or top > self._error_top or top < self._error_top / 20:
            self._error_top = top
            self.widget.setYRange(0, top, padding=0.05)

    def _show_validation_in_legend(self, shown: bool) -> None:
        listed = any(sample.item is self.validation_curve for sample, _ in self.legend.items)
        if shown and not listed:
            self.legend.addItem(self.validation_curve, "validation")
        elif listed and not shown:
            self.legend.removeItem(self.validation_curve)

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The training curve's (epochs, errors), as drawn (decimated above CURVE_POINTS)."""
        x, y = self.train_curve.getOriginalDataset()
        return (np.array([]), np.array([])) if x is None else (x, y)


@dataclass(frozen=True)
class InputScaling:
    r"""How the inputs a network sees were made from the person's: :math:`(x - o) / s`.

    Attributes
    ----------
    offset, scale : np.ndarray, shape (n_features,)
    method : str
        "z-score" or "min-max", the Input normalisation setting.
    """

    offset: np.ndarray
    scale: np.ndarray
    method: str

    @classmethod
    def of(cls, settings) -> "InputScaling | None":
        """The scaling ``settings`` (a :class:`~nnsim.model.settings.Settings`) train with."""
        found = input_scaling(settings)
        return None if found is None else cls(*found, settings["normalisation"])

    def to_raw(self, X: np.ndarray) -> np.ndarray:
        """The person's numbers that became inputs ``X`` (n_samples, n_features)."""
        return X * self.scale + self.offset

    def to_network(self, X: np.ndarray) -> np.ndarray:
        """The inputs the network sees for the person's numbers ``X``."""
        return (X - self.offset) / self.scale


class DecisionPlot:
    """The network's answer over the input plane, with the data on top (``decisionPlot``).

    For two inputs: a heat map of the output (one output) or of the winning
    class (several), the samples coloured by class, validation samples as
    triangles, misclassified samples ringed in red.  For one input: the
    network's curve over the data.  Otherwise it says why there is nothing
    to draw.  The samples are drawn once per data set; a redraw changes only
    the map (or curve) and the rings.
    """

    def __init__(self):
        self.widget = _plot_widget("decisionPlot", "Decision boundary")
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
        self._line = None  # the perceptron line drawn: (w1, w2, c)
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
        #: While set, clicks draw: ``on_click(x, y, add)`` with add False for a right-click.
        self.on_click = None
        self.widget.scene().sigMouseClicked.connect(self._clicked)

    def draw_with(self, on_click) -> None:
        """Let clicks call ``on_click(x, y, add)`` (None: clicks do nothing again).

        While drawing, the plane keeps its range as the data changes and the
        right-click menu gives way to removing points.
        """
        self.on_click = on_click
        self.widget.getPlotItem().getViewBox().setMenuEnabled(on_click is None)

    def _clicked(self, event) -> None:
        if self.on_click is None or self._grid is None:
            return
        button = event.button()
        if button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return
        view = self.widget.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return  # on an axis or the title
        point = view.mapSceneToView(event.scenePos())
        event.accept()
        x, y = self._seen(np.array([[point.x(), point.y()]]))[0]
        self.on_click(float(x), float(y), button == Qt.MouseButton.LeftButton)

    # The plane is drawn in the person's own numbers (the inputs before scaling) unless
    # show_scaled: _shown() maps the network's inputs there, _seen() back.
    def _shown(self, X: np.ndarray) -> np.ndarray:
        """Where inputs ``X`` (as the network sees them) stand on the plane."""
        return X if self.scaling is None or self.show_scaled else self.scaling.to_raw(X)

    def _seen(self, P: np.ndarray) -> np.ndarray:
        """The network's inputs at plane points ``P``."""
        return P if self.scaling is None or self.show_scaled else self.scaling.to_network(P)

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
        if data.n_features > 2:
            self.points.setData([], [])
            self.widget.setLabel("bottom", "")
            self.widget.setLabel("left", "")
            self.widget.setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)
            self.note.setText(
                f"The decision boundary is drawn for 1 or 2 inputs;\n{data.name} has "
                f"{data.n_features}."
            )
            self.note.setPos(0, 0)
            return
        if data.n_features == 2:
            self._grid = _grid_over(np.vstack([self._shown(part.X) for part in self._parts]))
            self.widget.setLabel("left", escaped(self._axis_name(data, 1)))  # labels are HTML
        else:
            self.widget.setLabel("left", "output")
        self.widget.setLabel("bottom", escaped(self._axis_name(data, 0)))
        self.points.setData(self._spots())
        if self.on_click is None:  # while drawing, the plane stays where the clicks go
            self.widget.enableAutoRange()
            self.widget.autoRange()
            self.widget.disableAutoRange()  # the plane stays put while the network learns
        elif data.n_features == 2:
            (x_low, x_high), (y_low, y_high) = self.widget.getPlotItem().getViewBox().viewRange()
            corners = np.array([[x_low, y_low], [x_high, y_high]])
            shown = (self._shown(part.X) for part in self._parts)
            self._grid = _grid_over(np.vstack([corners, *shown]))

    def _axis_name(self, data, k: int) -> str:
        """An input's name, saying when the axis shows it scaled."""
        name = _feature(data, k)
        if self.scaling is not None and self.show_scaled:
            return f"{name} ({self.scaling.method} scaled)"
        return name

    def _place(self, part) -> tuple[np.ndarray, np.ndarray]:
        """The plane's (x, y) of each sample: its inputs, or its input and target."""
        X = drawable(self._shown(part.X))
        return X[:, 0], (X[:, 1] if part.n_features == 2 else drawable(part.T[:, 0]))

    def _spots(self) -> list[dict]:
        spots = []
        for part, symbol in zip(self._parts, ("o", "t"), strict=False):
            for x, y, label in zip(*self._place(part), part.y, strict=True):
                colour = "#333333"
                if part.task == "classification":
                    colour = CLASS_COLOURS[int(label) % len(CLASS_COLOURS)]
                spots.append({"pos": (x, y), "symbol": symbol, "brush": pg.mkBrush(colour)})
        return spots

    def show_network(self, network) -> None:
        """Evaluate ``network`` (the display copy) over the plane and redraw."""
        if not self._parts or self._parts[0].n_features > 2:
            return
        if self._grid is None:  # one input: the network's curve over the data
            along = drawable(self._shown(self._parts[0].X))
            xs = np.linspace(along.min(), along.max(), 200)[:, None]
            self.curve.setData(xs[:, 0], network.predict(self._seen(xs))[:, 0])
        else:
            self._show_map(network.predict(self._seen(self._grid[2])))
            self._show_separator(network)
        self._ring_mistakes(network)

    def _show_separator(self, network) -> None:
        """Draw a perceptron's separating line (none for other networks)."""
        line = _line_of(network)
        if self.gliding and line == self._line:
            return  # the line is on its way to this network's
        self._animation.stop()  # another network than the glide's: straight there
        self._line = line
        self._draw_line(self.separator, line)

    def _draw_line(self, item, line) -> None:
        """Draw w1 x1 + w2 x2 = c, ``line`` = (w1, w2, c), across the plane (None: nothing)."""
        if line is None or self._grid is None:
            item.setData([], [])
            return
        w1, w2, level = line
        if self.scaling is not None and not self.show_scaled:
            # w . (x - o) / s = c is the line (w / s) . x = c + w . o / s on the plane.
            (o1, o2), (s1, s2) = self.scaling.offset, self.scaling.scale
            w1, w2, level = w1 / s1, w2 / s2, level + w1 * o1 / s1 + w2 * o2 / s2
        xs, ys, _ = self._grid
        if abs(w2) > 1e-12:
            x = np.array([xs[0], xs[-1]])
            item.setData(x, (level - w1 * x) / w2)
        elif abs(w1) > 1e-12:
            item.setData([level / w1] * 2, [ys[0], ys[-1]])
        else:
            item.setData([], [])  # no weights: no line

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
    """A one-output perceptron's line w1 x1 + w2 x2 = c, as (w1, w2, c); None for others.

    The output changes where w·x + b crosses the threshold: 0 for Rosenblatt's
    step, 0.5 for the linear output of the LMS rules (classes 0 and 1 meet
    half-way), so c = threshold - b.
    """
    if not isinstance(network, Perceptron) or network.n_outputs != 1 or network.n_inputs != 2:
        return None
    (w1, w2), b = network.weights[0], network.bias[0]
    threshold = 0.0 if network.rule == "rosenblatt" else 0.5
    return float(w1), float(w2), float(threshold - b)


def decimate(x: np.ndarray, y: np.ndarray, stretches: int = CURVE_POINTS):
    """Keep each stretch's lowest and highest y (in order) when there are more than enough.

    Returns (x, y) of at most ``2 * (stretches + 1)`` points (a stretch whose
    low and high are one point gives it twice); short curves come back whole.
    """
    n = len(y)
    if n <= 2 * stretches:
        return x, y
    width = -(-n // stretches)  # ceil
    whole = n // width * width
    blocks = y[:whole].reshape(-1, width)
    low, high = blocks.argmin(axis=1), blocks.argmax(axis=1)
    starts = np.arange(0, whole, width)
    first, second = starts + np.minimum(low, high), starts + np.maximum(low, high)
    if whole < n:  # the last, shorter stretch
        tail = y[whole:]
        ends = sorted({whole + int(tail.argmin()), whole + int(tail.argmax())})
        first, second = np.append(first, ends[0]), np.append(second, ends[-1])
    picks = np.column_stack([first, second]).ravel()
    return x[picks], y[picks]


def epoch_extent(count: int, limit: int | None = None) -> int:
    """Where the epoch axis ends for ``count`` epochs trained of ``limit``.

    The first of 10, 20, 50, 100, 200, ... that holds ``count``, but no further
    than ``limit`` while the run is within it; 10 (or the limit) before any.
    """
    extent = 10
    while extent < count:
        extent = extent * 5 // 2 if str(extent).startswith("2") else extent * 2
    if limit and count <= limit:
        extent = min(extent, limit)
    return max(extent, 1)


def _feature(data, k: int) -> str:
    return data.feature_names[k] if data.feature_names else f"x{k + 1}"


def _grid_over(X: np.ndarray):
    """A GRID_SIZE x GRID_SIZE grid over the data's box plus a margin: (xs, ys, points)."""
    X = drawable(X)
    low, high = X.min(axis=0), X.max(axis=0)
    margin = np.maximum((high - low) * 0.1, 0.1)
    xs = np.linspace(low[0] - margin[0], high[0] + margin[0], GRID_SIZE)
    ys = np.linspace(low[1] - margin[1], high[1] + margin[1], GRID_SIZE)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([gx.ravel(), gy.ravel()])


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
