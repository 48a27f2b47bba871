"""What every plot of nnsim shares: a white plot widget, dark axes, a legend below.

Also :func:`drawable`, which keeps huge values from breaking pyqtgraph's ranges, and
:class:`SteadyAxes`, which let a live plot's axes move seldom.
"""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy

#: The least height a plot is squeezed to, in pixels: its title, axes and a readable curve.
MIN_PLOT_HEIGHT = 120


def plot_widget(name: str, title: str) -> pg.PlotWidget:
    """A white plot with a grid and :func:`style_axes`, its objectName ``name``, titled
    ``title`` unless it is empty; docks beside it (Lessons, Explain a Step) do not squeeze
    it under :data:`MIN_PLOT_HEIGHT`."""
    widget = pg.PlotWidget(background="w")
    widget.setObjectName(name)
    widget.setMinimumHeight(MIN_PLOT_HEIGHT)
    if title:  # an empty title would still take its row's height
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


def legend_beside(widget: pg.PlotWidget, columns: int = 1) -> pg.LegendItem:
    """A legend in ``columns`` right of the plot: a bottom dock has more width than height."""
    plot = widget.getPlotItem()
    legend = pg.LegendItem(
        labelTextColor="#333333", labelTextSize="8pt", verSpacing=-6, colCount=columns
    )
    plot.layout.addItem(legend, 2, 3)  # columns: left axis, view, right axis, legend
    # As tall as its entries, at the top: not spread over the plot's height.
    legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    plot.layout.setAlignment(legend, Qt.AlignmentFlag.AlignTop)
    plot.legend = legend
    return legend


#: A log axis labels at most about this many decades.
MAJOR_TICKS = 6


def decade_ticks(low: float, high: float) -> list[list[tuple[float, str]]] | None:
    """A log axis's ticks from ``low`` to ``high`` (both > 0), for ``AxisItem.setTicks``: at 1,
    2 and 5 times each decade (only decades, every few, over many decades); pyqtgraph's own
    label every one of 1 to 9 in a decade, and in a low plot they overlap.  None (pyqtgraph's
    own ticks) when fewer than two of these fall between ``low`` and ``high``: errors from
    0.118 to 0.13 had no number on their axis."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    step = max(1, math.ceil((last - first) / MAJOR_TICKS))
    major = [(d, f"{10.0**d:g}") for d in range(first, last + 1, step)]
    minor = [] if last - first > 3 else [
        (d + math.log10(m), f"{m * 10.0**d:g}") for d in range(first, last) for m in (2, 5)
    ]  # fmt: skip
    inside = [t for t, _ in major + minor if math.log10(low) <= t <= math.log10(high)]
    return [major, minor] if len(inside) >= 2 else None


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


#: A live log axis zooms in on its curves once they fill less than this share of it.
ZOOM_IN_BELOW = 0.4


def steady_log_range(low: float, high: float, shown: tuple[float, float] | None):
    """The range, as powers of ten, a live log axis shows values from ``low`` to ``high`` on.

    ``shown`` (the range shown now) while it holds them and they fill at
    least :data:`ZOOM_IN_BELOW` of it; else from the 1, 2 or 5 times a power
    of ten at or below ``low`` to the one at or above ``high``.  A range set
    anew re-ticks the axis (a few milliseconds): auto-ranged, a plot whose
    curves moved a little did so at every frame.

    Parameters
    ----------
    low, high : float
        The least and greatest values drawn, both > 0.
    shown : (float, float) or None
        The exponents shown now, as this function returned them last.

    Returns
    -------
    (float, float)
        log10 of the range's ends.
    """
    bottom, top = math.log10(low), math.log10(high)
    holds = shown is not None and shown[0] <= bottom and top <= shown[1]
    if holds and top - bottom >= ZOOM_IN_BELOW * (shown[1] - shown[0]):
        return shown
    lower = _mark_below(bottom)
    return lower, max(_mark_above(top), _mark_above(lower + 0.1))  # (never an empty range)


#: log10 of 1, 2 and 5: the marks a log axis's range ends on, in every decade.
_MARKS = tuple(math.log10(m) for m in (1, 2, 5))


def _mark_below(exponent: float) -> float:
    """log10 of the greatest 1, 2 or 5 times a power of ten at or below 10**exponent."""
    decade = math.floor(exponent)
    return round(max(decade + m for m in _MARKS if decade + m <= exponent + 1e-12), 12)


def _mark_above(exponent: float) -> float:
    """log10 of the least 1, 2 or 5 times a power of ten at or above 10**exponent (the
    marks' logs are the same set negated, modulo 1)."""
    return -_mark_below(-exponent)


class SteadyAxes:
    """The ranges of a live plot of values over epochs, on a log axis, set only to move.

    Auto-ranged, such a plot re-ticked both its axes at every frame (about
    4 ms of the GUI thread's each, at 30 frames a second): the epoch axis
    ends at an extent that changes a few times a decade (the error plot's
    :func:`~nnsim.gui.plots.error_plot.epoch_extent`) and the values' axis
    follows :func:`steady_log_range`.
    """

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        self._extent: int | None = None
        self._exponents: tuple[float, float] | None = None

    def show(self, extent: int, values: np.ndarray | None) -> None:
        """Epochs 0 to ``extent`` and the positive finite ``values`` (any shape) in view
        (None: the values' axis left as it is)."""
        if extent != self._extent:
            self._extent = extent
            self.plot.setXRange(0, extent, padding=0.02)
        if values is None:
            return
        drawn = values[np.isfinite(values) & (values > 0)]
        if drawn.size:
            exponents = steady_log_range(float(drawn.min()), float(drawn.max()), self._exponents)
            if exponents != self._exponents:
                self._exponents = exponents
                self.plot.setYRange(*exponents, padding=0.02)
