"""Live plots of training: the error curve and the decision boundary (DESIGN.md section 5).

Plots never read the network a worker is training: they draw the
controller's history and evaluate its *display network*, a copy that takes
each report's weights.  The main window redraws them from a GUI-thread
timer, only when a new report came in.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor

from nnsim.engine.metrics import labels_from_outputs

#: Okabe-Ito colours: classes 0, 1, 2, ... and the curves.
CLASS_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
TRAIN_COLOUR = "#0072B2"
VALIDATION_COLOUR = "#D55E00"
MISCLASSIFIED = "#E00000"
#: Cells per side of the grid the decision plot evaluates the network on.
GRID_SIZE = 120


def _plot_widget(name: str, title: str) -> pg.PlotWidget:
    widget = pg.PlotWidget(background="w")
    widget.setObjectName(name)
    widget.setTitle(title, color="#333333")
    widget.showGrid(x=True, y=True, alpha=0.2)
    for side in ("left", "bottom"):
        axis = widget.getAxis(side)
        axis.setTextPen("#333333")
        axis.setPen("#888888")
        axis.enableAutoSIPrefix(False)  # an error of 0.002 reads 0.002, not 2 (x0.001)
    return widget


class ErrorPlot:
    """Training and validation error against epochs (objectName ``errorPlot``).

    Thousands of epochs per second for minutes make 100,000+ points: the
    curves are downsampled (peak mode keeps spikes) and clipped to the view.
    """

    def __init__(self):
        self.widget = _plot_widget("errorPlot", "Error")
        self.widget.setLabel("bottom", "epoch")
        self.widget.setLabel("left", "error E")
        self.legend = self.widget.addLegend(offset=(-10, 10), labelTextColor="#333333")
        self.widget.setDownsampling(auto=True, mode="peak")
        self.widget.setClipToView(True)
        self.train_curve = self.widget.plot(pen=pg.mkPen(TRAIN_COLOUR, width=2), name="training")
        self.validation_curve = self.widget.plot(
            pen=pg.mkPen(VALIDATION_COLOUR, width=2), name="validation"
        )
        self.target_line = pg.InfiniteLine(
            angle=0, pen=pg.mkPen("#555555", style=Qt.PenStyle.DashLine)
        )
        self.widget.addItem(self.target_line)
        self.target_line.setVisible(False)
        self._target: float | None = None

    @property
    def log_scale(self) -> bool:
        return self.widget.getPlotItem().ctrl.logYCheck.isChecked()

    def set_log_scale(self, on: bool) -> None:
        """Draw the error on a log scale (small errors stay visible)."""
        self.widget.setLogMode(y=on)
        self.set_target(self._target)

    def set_target(self, target: float | None) -> None:
        """Mark the target error with a dashed line (None hides it)."""
        self._target = target
        visible = target is not None and (target > 0 or not self.log_scale)
        self.target_line.setVisible(visible)
        if visible:
            self.target_line.setPos(np.log10(target) if self.log_scale else target)

    def show_history(self, history) -> None:
        """Draw a :class:`~nnsim.gui.training.LossHistory`."""
        epochs = history.epochs
        self.train_curve.setData(epochs, history.train)
        validation = history.validation
        measured = ~np.isnan(validation)
        self.validation_curve.setData(epochs[measured], validation[measured])
        self._show_validation_in_legend(bool(measured.any()))

    def _show_validation_in_legend(self, shown: bool) -> None:
        listed = any(sample.item is self.validation_curve for sample, _ in self.legend.items)
        if shown and not listed:
            self.legend.addItem(self.validation_curve, "validation")
        elif listed and not shown:
            self.legend.removeItem(self.validation_curve)

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The training curve's (epochs, errors), as drawn."""
        x, y = self.train_curve.getOriginalDataset()
        return (np.array([]), np.array([])) if x is None else (x, y)


class DecisionPlot:
    """The network's answer over the input plane, with the data on top (``decisionPlot``).

    For two inputs: a heat map of the output (one output) or of the winning
    class (several), the samples coloured by class, validation samples as
    triangles, misclassified samples ringed in red.  For one input: the
    network's curve over the data.  Otherwise it says why there is nothing
    to draw.
    """

    def __init__(self):
        self.widget = _plot_widget("decisionPlot", "Decision boundary")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.widget.addItem(self.image)
        self.curve = self.widget.plot(pen=pg.mkPen(TRAIN_COLOUR, width=2))
        self.points = pg.ScatterPlotItem(size=10)
        self.widget.addItem(self.points)
        self.note = pg.TextItem(color="#333333", anchor=(0.5, 0.5))
        self.widget.addItem(self.note)
        self._data = self._validation = None
        self._grid = None
        self.misclassified = 0

    def set_data(self, data, validation=None) -> None:
        """Show a new data set; the network's answer comes with :meth:`show_network`."""
        self._data, self._validation = data, validation
        self.image.clear()
        self.curve.setData([], [])
        self.note.setText("")
        if data.n_features == 2:
            self._grid = _grid_over(np.vstack([d.X for d in (data, validation) if d is not None]))
            self.widget.setLabel("bottom", _feature(data, 0))
            self.widget.setLabel("left", _feature(data, 1))
        elif data.n_features == 1:
            self._grid = None
            self.widget.setLabel("bottom", _feature(data, 0))
            self.widget.setLabel("left", "output")
        else:
            self._grid = None
            self.points.setData([], [])
            self.note.setText(
                f"The decision boundary is drawn for 1 or 2 inputs; {data.name} has "
                f"{data.n_features}."
            )
            self.note.setPos(0, 0)
            return
        self._draw_points(None)
        self.widget.autoRange()

    def show_network(self, network) -> None:
        """Evaluate ``network`` (the display copy) over the plane and redraw."""
        data = self._data
        if data is None or data.n_features > 2:
            return
        if data.n_features == 1:
            low, high = data.X.min(), data.X.max()
            xs = np.linspace(low, high, 200)[:, None]
            self.curve.setData(xs[:, 0], network.predict(xs)[:, 0])
            self._draw_points(None)
            return
        (x_axis, y_axis, plane) = self._grid
        outputs = network.predict(plane)
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
        self._draw_points(network)

    def _draw_points(self, network) -> None:
        spots = []
        self.misclassified = 0
        for part, symbol in ((self._data, "o"), (self._validation, "t")):
            if part is None:
                continue
            wrong = np.zeros(part.n_samples, dtype=bool)
            if network is not None and part.task == "classification":
                wrong = labels_from_outputs(network.predict(part.X)) != part.y
                self.misclassified += int(wrong.sum())
            ys = part.X[:, 1] if part.n_features == 2 else part.y
            for x, y, label, miss in zip(part.X[:, 0], ys, part.y, wrong, strict=True):
                colour = CLASS_COLOURS[int(label) % len(CLASS_COLOURS)]
                if part.task != "classification":
                    colour = "#333333"
                spots.append(
                    {
                        "pos": (x, y),
                        "symbol": symbol,
                        "brush": pg.mkBrush(colour),
                        "pen": pg.mkPen(MISCLASSIFIED if miss else "w", width=3 if miss else 1),
                    }
                )
        self.points.setData(spots)


def _feature(data, k: int) -> str:
    return data.feature_names[k] if data.feature_names else f"x{k + 1}"


def _grid_over(X: np.ndarray):
    """A GRID_SIZE x GRID_SIZE grid over the data's box plus a margin: (xs, ys, points)."""
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
