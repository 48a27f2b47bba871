"""The capacity experiment: how many patterns N neurons recall, measured, against theory.

:class:`CapacityDialog` runs :func:`~nnsim.model.memory.capacity_trials` for
the workspace's N (or for N = 64, 100 and 256 as well, to show the effect of
N) and a chosen rule in a worker thread, with a progress bar and Cancel.  It
plots two shares of the patterns recalled from 10% noise against the load
P / N: those that come back exactly, and those that come back with few errors
(overlap at least :data:`~nnsim.model.memory.FEW_ERRORS_OVERLAP`).  Each of
the rule's capacity limits at the workspace's N is a dashed line in the
colour of the measure it is for: for Hebb's rule 0.138 (few errors), and
1 / (2 ln N) and 1 / (4 ln N) (exact recall of almost every pattern, and of
every one at once).  The rules offered, and their limits, are those of
:data:`~nnsim.engine.hopfield_rules.STORAGE_RULES`.
"""

import threading
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)
from superqt.utils import GeneratorWorker

from nnsim.engine.hopfield_rules import STORAGE_RULES
from nnsim.gui.palette import CLASS_COLOURS
from nnsim.gui.plots import legend_below, style_axes
from nnsim.gui.project.exporting import install_exports
from nnsim.model.memory import CAPACITY_LOADS, FEW_ERRORS_OVERLAP, capacity_trials
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: The longest the GUI thread waits for a cancelled sweep (it ends within one recall).
WORKER_WAIT_S = 5.0
#: The grids the effect of N is shown on: 8 x 8, 10 x 10 and 16 x 16 neurons.
COMPARED_SIZES = (64, 100, 256)
#: The two measures, in the order :func:`capacity_trials` yields them (keys, shown translated).
MEASURES = (QT_TRANSLATE_NOOP("Capacity", "exact"), QT_TRANSLATE_NOOP("Capacity", "few errors"))
#: Exact recall in vermilion, recall with few errors in blue (curves and limit lines).
COLOURS = {True: CLASS_COLOURS[5], False: CLASS_COLOURS[0]}
#: One symbol per N measured, smallest first.
SYMBOLS = ("o", "t", "s", "d")


class _Run:
    """One sweep's flags: ``cancel`` asks it to end (between two recalls); ``ended`` says it did."""

    def __init__(self):
        self.cancel = threading.Event()
        self.ended = threading.Event()


def _trials(run: _Run, sizes, rule, trials):
    """The worker's generator: (run, size index, load index, exact, few errors) per trial."""
    try:
        for size, n in enumerate(sizes):
            for index, exact, few in capacity_trials(
                n, rule, trials=trials, should_stop=run.cancel.is_set
            ):
                yield run, size, index, exact, few
                time.sleep(0)  # the window answers between trials
    finally:
        run.ended.set()


class CapacityDialog(QDialog):
    """The experiment for ``n`` neurons (``capacityDialog``).

    Attributes
    ----------
    sizes : tuple of int
        The numbers of neurons the last sweep measured, smallest first.
    shares : np.ndarray, shape (len(sizes), 2, len(CAPACITY_LOADS))
        For each size, the mean share of patterns recalled exactly (``[:, 0]``)
        and with few errors (``[:, 1]``) at each load so far (NaN before its
        first trial).
    limit_lines : list of pg.InfiniteLine
        The chosen rule's capacity limits at ``n``, over ``n``, one line each.
    """

    def __init__(self, n: int, rule: str = "hebb", parent=None):
        super().__init__(parent)
        self.setObjectName("capacityDialog")
        self.setWindowTitle(translate("CapacityDialog", "Capacity experiment"))
        self.n = n
        self.rule = QComboBox(objectName="capacityRule")
        for storage in STORAGE_RULES.values():
            self.rule.addItem(translate("HopfieldRules", storage.title), storage.name)
        self.rule.setCurrentIndex(self.rule.findData(rule))
        self.grid_sizes = QComboBox(objectName="capacitySizes")
        only = translate("CapacityDialog", "This grid only (N = {n})").format(n=n)
        self.grid_sizes.addItem(only, (n,))
        compared = tuple(sorted({*COMPARED_SIZES, n}))
        self.grid_sizes.addItem(f"N = {_joined(compared)}", compared)
        self.grid_sizes.setToolTip(
            translate("CapacityDialog", "Run the experiment on more grids to see the effect of N")
        )
        self.trials = QSpinBox(objectName="capacityTrials")
        self.trials.setRange(1, 200)
        self.trials.setValue(10)
        self.trials.setToolTip(
            translate("CapacityDialog", "Random pattern sets tried at each load")
        )
        self.progress = QProgressBar(objectName="capacityProgress")
        self.start_button = QPushButton(
            translate("CapacityDialog", "Start"), objectName="capacityStart"
        )
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(
            translate("CapacityDialog", "Cancel"), objectName="capacityCancel"
        )
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("capacityPlot")
        self._make_plot()
        self.exports = install_exports(self.plot, "capacity", self.table)
        self.note = QLabel(objectName="capacityNote")
        self.note.setWordWrap(True)
        self.note.setMinimumHeight(5 * self.note.fontMetrics().lineSpacing())
        self._run: _Run | None = None
        self.sizes: tuple[int, ...] = ()
        self.curves: dict[tuple[int, str], pg.PlotDataItem] = {}
        self._sums = self._counts = np.zeros((0, len(CAPACITY_LOADS)))
        self.limit_lines: list[pg.InfiniteLine] = []
        self._lay_out()
        self.rule.currentIndexChanged.connect(self._show_limits)
        self._show_limits()
        self.resize(620, 720)

    @property
    def shares(self) -> np.ndarray:
        counts = self._counts[:, None, :]
        with np.errstate(invalid="ignore"):
            return np.where(counts > 0, self._sums / np.maximum(counts, 1), np.nan)

    def table(self) -> tuple[tuple[str, ...], list[list[float]]]:
        """The curves' numbers: one row per load, the share recalled for each N and measure
        (empty where not measured)."""
        header = ("load P/N", *(f"N={n} {m}" for n in self.sizes for m in MEASURES))
        shares = self.shares
        rows = [[load, *shares[:, :, k].ravel().tolist()] for k, load in enumerate(CAPACITY_LOADS)]
        return header, rows

    @property
    def running(self) -> bool:
        return self._run is not None

    def _make_plot(self) -> None:
        plot = self.plot
        style_axes(plot.getPlotItem())
        title = translate(
            "CapacityDialog", "Recalled from 10% noise; dashed: the rule's limits for N = {n}"
        )
        plot.setTitle(title.format(n=self.n), color="#333333")
        plot.setLabel("bottom", translate("CapacityDialog", "load P / N (patterns per neuron)"))
        plot.setLabel("left", translate("CapacityDialog", "share of patterns recalled"))
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setYRange(0, 1.3)  # the limits' labels above the curves, which end at 1
        self.legend = legend_below(plot, columns=2)

    def _show_limits(self) -> None:
        """A dashed line at each of the chosen rule's limits for N, labelled with its formula."""
        for line in self.limit_lines:
            self.plot.removeItem(line)
        rule = STORAGE_RULES[self.rule.currentData()]
        self.limit_lines = []
        for k, limit in enumerate(rule.capacity):
            load = limit.patterns(self.n) / self.n
            colour = COLOURS[limit.exact]
            right = load > 0.5  # a label left of a line near the right edge, else right of it
            line = pg.InfiniteLine(
                load, angle=90,
                pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
                label=f"{limit.formula} ({load:.3g})",
                labelOpts={"position": 0.96 - 0.07 * k, "color": colour,
                           "fill": pg.mkBrush(255, 255, 255, 220),
                           "anchors": [(float(right), 0.5)] * 2},
            )  # fmt: skip
            self.plot.addItem(line)
            self.limit_lines.append(line)
        farthest = max(line.value() for line in self.limit_lines)
        self.plot.setXRange(0, max(max(CAPACITY_LOADS), farthest) + 0.03)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(translate("CapacityDialog", "Rule"), self.rule)
        form.addRow(translate("CapacityDialog", "Grid sizes"), self.grid_sizes)
        form.addRow(translate("CapacityDialog", "Trials per load"), self.trials)
        few = translate("CapacityDialog", "overlap with the pattern at least {overlap}")
        form.addRow(
            translate("CapacityDialog", "Few errors"),
            QLabel(few.format(overlap=FEW_ERRORS_OVERLAP)),
        )
        buttons = QDialogButtonBox()
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def _make_curves(self) -> None:
        """Two empty curves per size measured, exact recall and few errors, in the legend."""
        for curve in self.curves.values():
            self.plot.removeItem(curve)
        self.legend.clear()
        self.curves = {}
        for size, n in enumerate(self.sizes):
            for measure in MEASURES:
                colour = COLOURS[measure == "exact"]
                shown = translate("Capacity", measure)
                name = (
                    shown
                    if len(self.sizes) == 1
                    else translate("CapacityDialog", "{measure}, N = {n}").format(
                        measure=shown, n=n
                    )
                )
                self.curves[n, measure] = self.plot.plot(
                    pen=pg.mkPen(colour, width=2), symbol=SYMBOLS[size % len(SYMBOLS)],
                    symbolSize=7, symbolBrush=colour, symbolPen=colour, name=name,
                )  # fmt: skip

    def start(self) -> None:
        """Run the sweep (a new one) in a worker thread, on every grid size chosen."""
        if self.running:
            return
        self.sizes = self.grid_sizes.currentData()
        self._sums = np.zeros((len(self.sizes), len(MEASURES), len(CAPACITY_LOADS)))
        self._counts = np.zeros((len(self.sizes), len(CAPACITY_LOADS)))
        self._make_curves()
        self.progress.setRange(0, len(self.sizes) * len(CAPACITY_LOADS) * self.trials.value())
        self.progress.setValue(0)
        self.note.setText("")
        self._run = _Run()
        worker = GeneratorWorker(
            _trials, self._run, self.sizes, self.rule.currentData(), self.trials.value()
        )
        worker.yielded.connect(self._trial_done)
        worker.returned.connect(self._finished)
        worker.start()
        self._enable(running=True)  # the lines and the note stay the measured rule's

    def cancel(self) -> None:
        """Stop within one recall, waiting for the worker; what was measured stays plotted."""
        run, self._run = self._run, None
        if run is not None:
            run.cancel.set()
            run.ended.wait(WORKER_WAIT_S)
            self.note.setText(
                translate("CapacityDialog", "Cancelled: the points show the trials made.")
            )
            self._enable(running=False)

    @Slot(object)
    def _trial_done(self, result) -> None:
        run, size, index, exact, few = result
        if run is not self._run:
            return  # a cancelled sweep's last trial, arriving late
        self._sums[size, :, index] += exact, few
        self._counts[size, index] += 1
        self.progress.setValue(self.progress.value() + 1)
        measured = self._counts[size] > 0
        loads = np.array(CAPACITY_LOADS)[measured]
        n = self.sizes[size]
        for measure, shares in zip(MEASURES, self.shares[size], strict=True):
            self.curves[n, measure].setData(loads, shares[measured])

    @Slot(object)
    def _finished(self, _result) -> None:
        if self._run is None or not self._run.ended.is_set():
            return  # a cancelled sweep ending
        self._run = None
        self.note.setText(self._summary())
        self._enable(running=False)

    def _summary(self) -> str:
        """Where each measure first falls to half or less, for each size measured."""
        lines = [
            translate(
                "CapacityDialog", "Done. The load where half the patterns or fewer come back:"
            )
        ]
        line = translate("CapacityDialog", "N = {n}: exactly, {exact}; with few errors, {few}.")
        for n, (exact, few) in zip(self.sizes, self.shares, strict=True):
            lines.append(line.format(n=n, exact=_half_load(exact), few=_half_load(few)))
        return "\n".join(lines)

    def _enable(self, running: bool) -> None:
        for widget in (self.start_button, self.rule, self.grid_sizes, self.trials):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def done(self, result: int) -> None:
        """Closing the dialog cancels a run."""
        self.cancel()
        super().done(result)


def _half_load(shares: np.ndarray) -> str:
    """The first load whose share is 0.5 or less, e.g. "0.16", or "none up to 0.30"."""
    for load, share in zip(CAPACITY_LOADS, shares, strict=True):
        if share <= 0.5:
            return f"{load:.2f}"
    return translate("Capacity", "none up to {load}").format(load=f"{max(CAPACITY_LOADS):.2f}")


def _joined(sizes) -> str:
    """64, 100 and 256."""
    words = [str(n) for n in sizes]
    return translate("Capacity", "{first} and {last}").format(
        first=translate("Capacity", ", ").join(words[:-1]), last=words[-1]
    )
