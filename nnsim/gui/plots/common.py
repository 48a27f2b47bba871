"""What every plot of nnsim shares: a white plot widget, dark axes, a legend below.

Also :func:`drawable`, which keeps huge values from breaking pyqtgraph's ranges.
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
