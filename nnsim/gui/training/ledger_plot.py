"""The Samples view's plot (``ledgerPlot``): the hardest samples' errors over the run.

Each of the :data:`CURVES` samples of largest error gets a curve of its own
colour, the mean over all samples a thick grey one, and the sample a person
chose last (when not among them) a dashed black one; a chosen sample among
them is drawn thicker.  Errors are drawn on a log axis (a sample learned
falls by decades while the hardest stay high), except a Rosenblatt
perceptron's, which are 0 or 1.
"""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from nnsim.gui.palette import CLASS_COLOURS
from nnsim.gui.plots.common import SteadyAxes, decade_ticks, legend_beside, plot_widget
from nnsim.text import translate

#: Samples drawn (the hardest, each its colour).
CURVES = 5
#: On a log axis, errors of exactly 0 are drawn at this.
FLOOR = 1e-12
MEAN_PEN = pg.mkPen("#888888", width=3)
CHOSEN_PEN = pg.mkPen("#000000", width=2, style=Qt.PenStyle.DashLine)


def _keep_places(places: list, samples) -> list:
    """``samples`` placed in ``places`` (as long, None where empty): those already placed
    stay where they are, the others take the free places in order."""
    staying = [p if p in samples else None for p in places]
    coming = iter(s for s in samples if s not in staying)
    return [p if p is not None else next(coming, None) for p in staying]


class LedgerPlot:
    """The plot widget (``widget``, objectName ``ledgerPlot``) and its curves."""

    def __init__(self):
        # No title: the view's sentence says what is drawn, and a bottom dock is short.
        self.widget = plot = plot_widget("ledgerPlot", "")
        plot.setTitle(None)
        plot.setLabel("bottom", translate("LedgerPlot", "epoch"))
        plot.setLabel("left", translate("LedgerPlot", "error E"))
        self.legend = legend_beside(plot)
        self.curves = [plot.plot(pen=pg.mkPen(c, width=1.5)) for c in CLASS_COLOURS[:CURVES]]
        self.mean_curve = plot.plot(pen=MEAN_PEN)
        self.chosen_curve = plot.plot(pen=CHOSEN_PEN)
        #: The epoch whose weights are shown after a rewind.
        self.shown_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#555555", width=1))
        plot.addItem(self.shown_line, ignoreBounds=True)
        self._legend: list[tuple] = []  # the legend's (curve, name)
        self._slots: list[int | None] = [None] * CURVES  # the sample each curve draws
        self._log: bool | None = None
        self.axes = SteadyAxes(plot.getPlotItem())
        self._ticks: tuple[int, int] | None = None  # the decades the log axis is ticked for

    def draw(self, epochs, rows, drawn, chosen: int | None, log: bool, shown: int | None,
             extent: int):  # fmt: skip
        """Draw the errors ``rows`` (m, n) at ``epochs`` (m,) of the samples ``drawn`` (their
        indices, at most :data:`CURVES`), their mean, and ``chosen``'s; on a log axis if
        ``log``; a line at the epoch ``shown`` (None: none); epochs 0 to ``extent`` in
        view.  A sample drawn before keeps its colour (and place in the legend) while it
        stays among those drawn."""
        if log != self._log:
            self.widget.setLogMode(y=log)
            self.widget.getAxis("left").setTicks(None)
            self._log, self._ticks = log, None
            self.axes = SteadyAxes(self.widget.getPlotItem())  # the error axis ranged anew
            self.widget.enableAutoRange(y=not log)  # (0 or 1: an auto range that stays)
        x = epochs.astype(np.float64)
        name = translate("LedgerPlot", "sample {number}")
        entries, extents = [], []

        def draw(curve, errors, label, pen=None):
            errors = np.maximum(errors, FLOOR) if log else errors
            if pen is not None:
                curve.setPen(pen)
            curve.setData(x, errors)
            entries.append((curve, label))
            extents.extend((errors.min(), errors.max()))

        self._slots = _keep_places(self._slots, drawn)
        for curve, colour, sample in zip(self.curves, CLASS_COLOURS, self._slots, strict=False):
            if sample is None:
                curve.setData([], [])
            else:
                pen = pg.mkPen(colour, width=4 if sample == chosen else 1.5)
                draw(curve, rows[:, sample], name.format(number=sample + 1), pen)
        mean = rows.mean(axis=1, dtype=np.float64)
        draw(self.mean_curve, mean, translate("LedgerPlot", "mean of all"))
        if chosen is not None and chosen not in drawn and chosen < rows.shape[1]:
            draw(self.chosen_curve, rows[:, chosen], name.format(number=chosen + 1))
        else:
            self.chosen_curve.setData([], [])
        if log:
            self._tick_log_axis(min(extents), max(extents))
        self.axes.show(extent, np.array(extents) if log else None)
        self.shown_line.setVisible(shown is not None)
        self.shown_line.setValue(shown or 0)
        self._name_curves(entries)

    def _tick_log_axis(self, low: float, high: float) -> None:
        """Ticks at 1, 2 and 5 times each decade from ``low`` to ``high`` (only decades, every
        few, over many): pyqtgraph's own label every one of 1 to 9 and they overlap."""
        decades = math.floor(math.log10(low)), math.ceil(math.log10(high))
        if decades != self._ticks:
            self._ticks = decades
            self.widget.getAxis("left").setTicks(decade_ticks(low, high))

    def _name_curves(self, entries: list) -> None:
        """The legend: ``entries`` (curve, name); laid out again only for other curves."""
        if entries == self._legend:
            return
        if [curve for curve, _ in entries] == [curve for curve, _ in self._legend]:
            for curve, name in entries:
                self.legend.getLabel(curve).setText(name)
        else:
            self.legend.clear()
            for curve, name in entries:
                self.legend.addItem(curve, name)
        self._legend = entries
