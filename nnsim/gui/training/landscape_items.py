"""What the loss landscape view draws: the surface with its contour lines, and paths on it.

:class:`SurfaceItems` draws a grid of losses (``losses[j, i]`` at ``(a_i, b_j)``) as
an image coloured by :math:`\\log_{10} E` (a valley's floor reads as well as its
walls), with a colour bar and :data:`CONTOURS` contour lines at evenly spaced
logarithmic levels, and a + at the lowest point of the grid; rows not yet
computed are left blank.  :class:`PathItems`
draws one path as a line through its points with its start (a square) and its
end (a large dot) marked.  :func:`numbers`, :func:`racer_name` and
:func:`racer_settings` are the words the view shows for a network's numbers
and a race's runners.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QTransform

from nnsim.model import landscape
from nnsim.text import translate

#: Contour lines drawn on a finished surface.
CONTOURS = 9
#: The surface's colours, low loss to high: pale to slate, so coloured paths stand out.
SURFACE_COLOURS = ("#FFFFF0", "#D9E4C8", "#8FB5A6", "#4F7C8C", "#2C3E66")
CONTOUR_PEN = pg.mkPen("#1A1A1A", width=0.8)
#: Losses below this share of the largest are drawn as that share (see :func:`log_loss`).
FLOOR = 1e-6


def log_loss(losses: np.ndarray) -> np.ndarray:
    """:math:`\\log_{10}` of ``losses``, a loss of 0 drawn as half the least positive one (or
    :data:`FLOOR` of the largest, if more); NaN stays NaN (not yet computed) and an
    infinite loss becomes the largest finite one.

    (A perceptron's error counts mistakes: 0, 1, 2, ..., and its 0 is drawn at 0.5.)
    """
    finite = losses[np.isfinite(losses)]
    if finite.size == 0:
        return np.full(losses.shape, np.nan)
    top = float(finite.max())
    positive = finite[finite > 0]
    floor = max(top * FLOOR, float(positive.min()) / 2 if positive.size else 0.0,
                np.finfo(float).tiny)  # fmt: skip
    shown = np.where(np.isinf(losses), top, losses)
    with np.errstate(invalid="ignore"):
        return np.log10(np.maximum(shown, floor))


class SurfaceItems:
    """The surface's image, colour bar and contour lines, added to ``plot`` (a PlotItem)."""

    def __init__(self, plot: pg.PlotItem, bar_label: str):
        self.plot = plot
        colours = [pg.mkColor(c).getRgb()[:3] for c in SURFACE_COLOURS]
        self.colour_map = pg.ColorMap(np.linspace(0, 1, len(colours)), colours)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        plot.addItem(self.image)
        self.bar = pg.ColorBarItem(
            colorMap=self.colour_map, interactive=False, label=bar_label, width=12,
            pen="#888888", colorMapMenu=False,
        )  # fmt: skip
        self.bar.setImageItem(self.image, insert_in=plot)
        self.contours: list[pg.IsocurveItem] = []
        self.lowest = pg.ScatterPlotItem(symbol="+", size=14, pen=pg.mkPen("#1A1A1A", width=2))
        self.lowest.setZValue(1000)  # over the paths' points: the lowest point is often theirs
        plot.addItem(self.lowest)
        self._transform = QTransform()

    def show(self, a_values, b_values, losses: np.ndarray) -> None:
        """Draw ``losses`` (n_b, n_a; NaN where not yet computed) over the grid's axes."""
        a_values, b_values = np.asarray(a_values), np.asarray(b_values)
        da = (a_values[-1] - a_values[0]) / max(len(a_values) - 1, 1) or 1.0
        db = (b_values[-1] - b_values[0]) / max(len(b_values) - 1, 1) or 1.0
        shown = log_loss(losses)
        known = shown[np.isfinite(shown)]
        low, high = (float(known.min()), float(known.max())) if known.size else (0.0, 1.0)
        if high <= low:
            high = low + 1.0
        self.image.setImage(shown, levels=(low, high))  # NaN: transparent
        self.image.setRect(QRectF(a_values[0] - da / 2, b_values[0] - db / 2,
                                  da * len(a_values), db * len(b_values)))  # fmt: skip
        self.bar.setLevels((low, high))
        self.bar.axis.setTicks([_bar_ticks(low, high)])
        self._transform = QTransform(da, 0, 0, db, a_values[0], b_values[0])
        self.clear_contours()
        self.lowest.clear()
        if known.size == shown.size:
            self._draw_contours(shown, low, high)
            j, i = np.unravel_index(np.argmin(shown), shown.shape)
            self.lowest.setData([a_values[i]], [b_values[j]])

    def _draw_contours(self, shown: np.ndarray, low: float, high: float) -> None:
        """Lines at :data:`CONTOURS` levels between the lowest and highest (log) loss, or
        between each two of its values when it takes no more (a perceptron's count of
        mistakes: one line along each step, not a stack of them)."""
        values = np.unique(shown)
        if len(values) <= CONTOURS + 1:
            levels = (values[1:] + values[:-1]) / 2
        else:
            levels = np.linspace(low, high, CONTOURS + 2)[1:-1]
        for level in levels:
            curve = pg.IsocurveItem(shown, level, CONTOUR_PEN, axisOrder="row-major")
            curve.setTransform(self._transform)  # grid index (i, j) -> (a_i, b_j)
            curve.setZValue(-5)
            self.plot.addItem(curve)
            self.contours.append(curve)

    def clear_contours(self) -> None:
        for curve in self.contours:
            self.plot.removeItem(curve)
        self.contours = []

    def clear(self) -> None:
        self.image.clear()
        self.lowest.clear()
        self.clear_contours()


def _bar_ticks(low: float, high: float) -> list[tuple[float, str]]:
    r"""Ticks of the colour bar, which spans :math:`\log_{10} E` from ``low`` to ``high``,
    labelled with the error itself: at 1, 2 and 5 times the powers of ten inside, or (when
    fewer than two are) at four evenly spaced places."""
    ticks = [np.log10(m) + k for k in range(int(np.floor(low)), int(np.ceil(high)) + 1)
             for m in (1, 2, 5)]  # fmt: skip
    inside = [t for t in ticks if low <= t <= high]
    if len(inside) > 8:
        inside = [t for t in inside if abs(t - round(t)) < 1e-9]  # powers of ten only
    if len(inside) < 2:
        inside = list(np.linspace(low, high, 4))
    for digits in range(2, 8):  # as few digits as tell the ticks apart
        labels = [f"{10**t:.{digits}g}" for t in inside]
        if len(set(labels)) == len(labels):
            break
    return [(float(t), label) for t, label in zip(inside, labels, strict=True)]


class PathItems:
    """A path drawn in ``colour`` on ``plot``: line and points, start and end marked."""

    def __init__(self, plot: pg.PlotItem, colour, name: str | None = None, start=None):
        """``start``: the start's colour (the path's when None)."""
        self.plot = plot
        outline = pg.mkPen("#1A1A1A", width=1)
        self.line = pg.PlotDataItem(
            pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=4,
            symbolBrush=colour, symbolPen=None, name=name,
        )  # fmt: skip
        self.start = pg.ScatterPlotItem(symbol="s", size=11, brush=start or colour, pen=outline)
        self.end = pg.ScatterPlotItem(symbol="o", size=14, brush=colour, pen=outline)
        for item in (self.line, self.start, self.end):
            plot.addItem(item)

    def set_z(self, z: float) -> None:
        """Draw this path above those of lower ``z``, its start above every line."""
        for item, above in ((self.line, 0), (self.end, 0.5), (self.start, 100)):
            item.setZValue(z + above)

    def show(self, points: np.ndarray) -> None:
        """Draw the path through ``points`` (k, 2), first to last; nothing when k is 0."""
        points = np.asarray(points, dtype=float).reshape(-1, 2)
        self.line.setData(points[:, 0], points[:, 1])
        self.start.setData(points[:1, 0], points[:1, 1])
        self.end.setData(points[-1:, 0], points[-1:, 1])

    def remove(self) -> None:
        for item in (self.line, self.start, self.end):
            self.plot.removeItem(item)


def racer_name(path) -> str:
    """A race's legend entry: the optimiser, and where it finished or stopped."""
    if path.problem:
        return translate("LandscapeItems", "{name} (diverged)").format(name=path.racer.name)
    if path.finished:
        return translate("LandscapeItems", "{name} (reached the target at epoch {epoch})").format(
            name=path.racer.name, epoch=path.finished
        )
    return translate("LandscapeItems", "{name} (ran all {epoch} epochs)").format(
        name=path.racer.name, epoch=int(path.epochs[-1])
    )


def racer_settings(racer) -> str:
    """A racer's settings in symbols: "momentum η = 0.5, μ = 0.9"."""
    momentum = f", μ = {racer.momentum:g}" if racer.momentum else ""
    return f"{racer.name} η = {racer.learning_rate:g}{momentum}"


def numbers(network) -> list[tuple[int, str]]:
    """Every number of ``network`` that can move, as (position in the flattened vector, label):
    "w 1→3 (layer 1)" for the weight from neuron 1 to neuron 3 of weight layer 1, "b 3 (layer 1)"
    for neuron 3's bias."""
    weights, biases = network.parameters()
    masks = network.masks or [None] * len(weights)
    has_bias = getattr(network, "has_bias", True)
    weight_label = translate("LandscapeItems", "w {source}→{target} (layer {layer})")
    bias_label = translate("LandscapeItems", "b {target} (layer {layer})")
    numbers = []
    for layer, (W, b, mask) in enumerate(zip(weights, biases, masks, strict=True)):
        for (row, column), _ in np.ndenumerate(W):
            if mask is None or mask[row, column]:
                position = landscape.parameter_position(network, True, layer, (row, column))
                text = weight_label.format(source=column + 1, target=row + 1, layer=layer + 1)
                numbers.append((position, text))
        for row in range(len(b) if has_bias else 0):
            position = landscape.parameter_position(network, False, layer, (row,))
            numbers.append((position, bias_label.format(target=row + 1, layer=layer + 1)))
    return numbers
