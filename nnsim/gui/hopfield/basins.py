"""The basins of attraction (``basinsPlot``): recall against the share of flipped bits.

:class:`BasinsView` runs :func:`~nnsim.model.basins.basin_points` on the
memory's stored patterns, by one rule or by every rule the engine registers
(:data:`~nnsim.engine.hopfield_rules.STORAGE_RULES`), in a worker thread
with a progress bar and Cancel (a :class:`~nnsim.gui.hopfield.measuring.Measurement`,
as the capacity experiment does).  It draws, against the share of bits
flipped (0 to 0.5), the share of recalls that came back exactly (solid) and
the mean final overlap (dashed): the mean over the patterns, one colour per
rule, or each pattern's success, one colour per pattern and one line style
per rule.
"""

from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine.hopfield_rules import STORAGE_RULES
from nnsim.gui.flow_layout import FlowLayout
from nnsim.gui.hopfield.measuring import Measurement, start_and_cancel
from nnsim.gui.palette import CLASS_COLOURS
from nnsim.gui.plain_text import escaped, plain_label
from nnsim.gui.plots import legend_below, style_axes
from nnsim.gui.project.exporting import install_exports
from nnsim.model.basins import BASIN_FRACTIONS, BasinPoint, basin_points
from nnsim.model.memory import PatternMemory
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: What the plot shows (the box's data; shown translated).
SHOWN = {
    "mean": QT_TRANSLATE_NOOP("BasinsView", "Mean over the patterns"),
    "each": QT_TRANSLATE_NOOP("BasinsView", "Each pattern"),
}
#: Each rule's line style when every pattern has its own colour.
STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
          Qt.PenStyle.DashDotLine)  # fmt: skip
#: Patterns beyond this many share one grey, unnamed curve style.
NAMED_PATTERNS = 10


class BasinsView(QWidget):
    """The basins of ``memory``'s stored patterns (``basinsView``; its plot ``basinsPlot``).

    Attributes
    ----------
    points : list of BasinPoint
        What the last measurement has measured so far.
    rules : tuple of str
        The rules it measured.
    names : tuple of str
        The stored patterns' names it measured.
    """

    def __init__(self, memory: PatternMemory, parent=None):
        super().__init__(parent)
        self.setObjectName("basinsView")
        self.memory = memory
        self.points: list[BasinPoint] = []
        self.rules: tuple[str, ...] = ()
        self.names: tuple[str, ...] = ()
        self.measurement = Measurement(self)
        self.measurement.measured.connect(self._point_done)
        self.measurement.completed.connect(self._finished)
        self.rule = QComboBox(objectName="basinsRules")
        self.rule.addItem(translate("BasinsView", "Every rule"), "")  # (its data: no one rule)
        for storage in STORAGE_RULES.values():
            self.rule.addItem(translate("HopfieldRules", storage.title), storage.name)
        self.rule.setToolTip(translate("BasinsView", "Store the patterns by this rule, or by each"))
        self.shown = QComboBox(objectName="basinsShown")
        for key, title in SHOWN.items():
            self.shown.addItem(translate("BasinsView", title), key)
        self.shown.currentIndexChanged.connect(self._draw)
        self.trials = QSpinBox(objectName="basinsTrials", minimum=1, maximum=200, value=10)
        self.trials.setToolTip(
            translate("BasinsView", "Noisy copies recalled per pattern and share of flipped bits")
        )
        self.start_button, self.cancel_button = start_and_cancel(
            self, "basins", translate("BasinsView", "Measure"), translate("BasinsView", "Cancel")
        )
        self.progress = QProgressBar(objectName="basinsProgress")
        self.note = plain_label(objectName="basinsNote")  # names the patterns
        self.note.setWordWrap(True)
        self.plot = self._make_plot()
        self.exports = install_exports(self.plot, "basins", self.table)
        self._lay_out()
        self.measurement.attach(
            idle=(self.start_button, self.rule, self.trials), busy=(self.cancel_button,),
            note=self.note,
            cancelled=translate("BasinsView", "Cancelled: the curves show what was measured."),
        )  # fmt: skip

    def _make_plot(self) -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w")
        plot.setObjectName("basinsPlot")
        style_axes(plot.getPlotItem())
        title = translate("BasinsView", "Recalled exactly (solid) and mean overlap (dashed)")
        plot.setTitle(title, color="#333333")
        plot.setLabel("bottom", translate("BasinsView", "share of bits flipped"))
        plot.setLabel("left", translate("BasinsView", "share recalled, overlap m"))
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setXRange(0, max(BASIN_FRACTIONS), padding=0.03)
        plot.setYRange(-0.05, 1.05)
        self.legend = legend_below(plot, columns=3)
        return plot

    def _lay_out(self) -> None:
        choices = QWidget()  # a row that wraps: the Recall dock must fit a 1024-pixel window
        row = FlowLayout(choices)
        for widget in (QLabel(translate("BasinsView", "Rule")), self.rule, self.shown,
                       QLabel(translate("BasinsView", "Trials")), self.trials):  # fmt: skip
            row.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(choices)
        layout.addWidget(self.plot, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)

    # ------------------------------------------------------------ measuring
    @property
    def running(self) -> bool:
        return self.measurement.running

    def set_memory(self, memory: PatternMemory) -> None:
        """Show another memory: a measurement under way is cancelled, the plot kept."""
        self.cancel()
        self.memory = memory

    def start(self) -> bool:
        """Measure the stored patterns' basins in a worker thread; False if nothing is stored."""
        if self.running:
            return False
        patterns = self.memory.network.patterns
        if not len(self.memory.stored_names):
            self.note.setText(
                translate("BasinsView", "Nothing is stored yet: add patterns and press Store.")
            )
            return False
        chosen = self.rule.currentData()
        self.rules = (chosen,) if chosen else tuple(STORAGE_RULES)
        self.names = self.memory.stored_names
        self.points = []
        self.progress.setRange(0, len(self.rules) * len(BASIN_FRACTIONS) * len(patterns))
        self.progress.setValue(0)
        self.note.setText("")
        self._draw()
        self.measurement.start(partial(basin_points, patterns, self.rules,
                                       trials=self.trials.value(),
                                       interaction=self.memory.interaction))  # fmt: skip
        return True

    def cancel(self) -> None:
        """Stop within one point, waiting for the worker; what was measured stays plotted."""
        self.measurement.cancel()

    @Slot(object)
    def _point_done(self, point: BasinPoint) -> None:
        self.points.append(point)
        self.progress.setValue(len(self.points))
        self._draw()

    @Slot()
    def _finished(self) -> None:
        self.note.setText(self._summary())

    # -------------------------------------------------------------- drawing
    def curves(self, rule: str) -> tuple[np.ndarray, np.ndarray]:
        """``rule``'s measurements so far: success and overlap, each (P, fractions), NaN where
        not yet measured."""
        shape = (len(self.names), len(BASIN_FRACTIONS))
        success, overlap = np.full(shape, np.nan), np.full(shape, np.nan)
        for point in self.points:
            if point.rule == rule:
                column = BASIN_FRACTIONS.index(point.fraction)
                success[point.pattern, column] = point.success
                overlap[point.pattern, column] = point.overlap
        return success, overlap

    def _draw(self) -> None:
        self.plot.clear()
        self.legend.clear()
        each = self.shown.currentData() == "each"
        lowest = min((p.overlap for p in self.points), default=0.0)  # below 0: inverses
        self.plot.setYRange(min(0.0, lowest) - 0.05, 1.05)
        for r, rule in enumerate(self.rules):
            success, overlap = self.curves(rule)
            title = translate("HopfieldRules", STORAGE_RULES[rule].title)
            if each:
                for k, name in enumerate(self.names):
                    shown = f"{title}: {escaped(name)}" if k < NAMED_PATTERNS else None
                    self._curve(success[k], _pattern_colour(k), STYLES[r % len(STYLES)], 2, shown)
                continue
            colour = CLASS_COLOURS[list(STORAGE_RULES).index(rule) % len(CLASS_COLOURS)]
            # (NaN where a pattern is still to be measured at that share)
            self._curve(success.mean(axis=0), colour, Qt.PenStyle.SolidLine, 2, title, True)
            self._curve(overlap.mean(axis=0), colour, Qt.PenStyle.DashLine, 2, None)

    def _curve(self, values, colour, style, width, name, symbol=False) -> None:
        keep = ~np.isnan(values)
        if not keep.any():
            return
        options = {"symbol": "o", "symbolSize": 6, "symbolBrush": colour, "symbolPen": colour}
        self.plot.plot(np.array(BASIN_FRACTIONS)[keep], values[keep],
                       pen=pg.mkPen(colour, width=width, style=style), name=name,
                       **(options if symbol else {}))  # fmt: skip

    def table(self) -> tuple[tuple[str, ...], list[list]]:
        """The points measured: rule, pattern, share flipped, share recalled, mean overlap."""
        header = ("rule", "pattern", "share flipped", "share recalled exactly", "mean overlap")
        rows = [[p.rule, self.names[p.pattern], p.fraction, p.success, p.overlap]
                for p in self.points]  # fmt: skip
        return header, rows

    def _summary(self) -> str:
        """For each rule, up to which share of flipped bits every trial came back exactly."""
        lines = [translate("BasinsView", "Done. How far every trial still came back exactly:")]
        line = translate("BasinsView", "{rule}: up to {share} of the bits flipped")
        never = translate("BasinsView", "{rule}: nowhere: some patterns are not even fixed points")
        for rule in self.rules:
            title = translate("HopfieldRules", STORAGE_RULES[rule].title)
            whole = (self.curves(rule)[0] == 1.0).all(axis=0)
            if not whole[0]:
                lines.append(never.format(rule=title))
                continue
            last = len(whole) - 1 if whole.all() else int(whole.argmin()) - 1
            lines.append(line.format(rule=title, share=f"{BASIN_FRACTIONS[last]:.0%}"))
        return "\n".join(lines)

    def shutdown(self) -> None:
        """Cancel a measurement and wait for it (the window is closing)."""
        self.cancel()


def _pattern_colour(k: int) -> str:
    return CLASS_COLOURS[k % len(CLASS_COLOURS)] if k < NAMED_PATTERNS else "#BBBBBB"
