"""The capacity experiment: how many patterns N neurons recall, measured, against theory.

:class:`CapacityDialog` runs :func:`~nnsim.model.memory.capacity_trials`
for the workspace's N and a chosen rule in a worker thread, with a progress
bar and Cancel, and plots the mean fraction of patterns recalled from 10%
noise against the load P / N, the chosen rule's critical load marked (its
first capacity limit over N: 0.138 for Hebb's rule; the pseudo-inverse's
(N - 1) / N and Storkey's 1 / sqrt(2 ln N) lie past the loads tried on
small grids).  The rules offered are those of
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
from nnsim.gui.palette import TRAIN, WRONG
from nnsim.gui.plots import style_axes
from nnsim.model.memory import CAPACITY_LOADS, capacity_trials

#: The longest the GUI thread waits for a cancelled sweep (it ends within one recall).
WORKER_WAIT_S = 5.0


class _Run:
    """One sweep's flags: ``cancel`` asks it to end (between two recalls); ``ended`` says it did."""

    def __init__(self):
        self.cancel = threading.Event()
        self.ended = threading.Event()


def _trials(run: _Run, n, rule, trials):
    """The worker's generator: (run, load index, fraction) per trial, letting the GIL go between."""
    try:
        for index, fraction in capacity_trials(
            n, rule, trials=trials, should_stop=run.cancel.is_set
        ):
            yield run, index, fraction
            time.sleep(0)  # the window answers between trials
    finally:
        run.ended.set()


class CapacityDialog(QDialog):
    """The experiment for ``n`` neurons (``capacityDialog``).

    Attributes
    ----------
    fractions : np.ndarray, shape (len(CAPACITY_LOADS),)
        The mean fraction recalled at each load so far (NaN before its first trial).
    """

    def __init__(self, n: int, rule: str = "hebb", parent=None):
        super().__init__(parent)
        self.setObjectName("capacityDialog")
        self.setWindowTitle("Capacity experiment")
        self.n = n
        self.rule = QComboBox(objectName="capacityRule")
        for storage in STORAGE_RULES.values():
            self.rule.addItem(storage.title, storage.name)
        self.rule.setCurrentIndex(self.rule.findData(rule))
        self.trials = QSpinBox(objectName="capacityTrials")
        self.trials.setRange(1, 200)
        self.trials.setValue(10)
        self.trials.setToolTip("Random pattern sets tried at each load")
        self.progress = QProgressBar(objectName="capacityProgress")
        self.start_button = QPushButton("Start", objectName="capacityStart")
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Cancel", objectName="capacityCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("capacityPlot")
        self._make_plot()
        self.note = QLabel(objectName="capacityNote")
        self.note.setWordWrap(True)
        self._run: _Run | None = None
        self._sums = np.zeros(len(CAPACITY_LOADS))
        self._counts = np.zeros(len(CAPACITY_LOADS))
        self._lay_out()
        self.rule.currentIndexChanged.connect(self._show_critical_load)
        self._show_critical_load()
        self.resize(560, 520)

    @property
    def fractions(self) -> np.ndarray:
        with np.errstate(invalid="ignore"):
            return np.where(self._counts > 0, self._sums / np.maximum(self._counts, 1), np.nan)

    @property
    def running(self) -> bool:
        return self._run is not None

    @property
    def critical_load(self) -> float:
        """The chosen rule's first capacity limit for N neurons, over N (0.138 for Hebb)."""
        return STORAGE_RULES[self.rule.currentData()].limit(self.n) / self.n

    def _make_plot(self) -> None:
        plot = self.plot
        style_axes(plot.getPlotItem())
        plot.setTitle(f"Recalled from 10% noise, N = {self.n}", color="#333333")
        plot.setLabel("bottom", "load P / N")
        plot.setLabel("left", "fraction recalled")
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setXRange(0, max(CAPACITY_LOADS) + 0.01)
        plot.setYRange(0, 1.05)
        self.curve = plot.plot(pen=pg.mkPen(TRAIN, width=2), symbol="o", symbolSize=6,
                               symbolBrush=TRAIN)  # fmt: skip
        self.critical = pg.InfiniteLine(
            0.0, angle=90, pen=pg.mkPen(WRONG, style=Qt.PenStyle.DashLine),
            label="", labelOpts={"position": 0.9, "color": WRONG},
        )  # fmt: skip
        plot.addItem(self.critical)

    def _show_critical_load(self) -> None:
        """The dashed line at the chosen rule's critical load, labelled with its value."""
        self.critical.setValue(self.critical_load)
        self.critical.label.setFormat(f"{self.critical_load:.3g}")

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Neurons", QLabel(str(self.n)))
        form.addRow("Rule", self.rule)
        form.addRow("Trials per load", self.trials)
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

    def start(self) -> None:
        """Run the sweep (a new one) in a worker thread."""
        if self.running:
            return
        self._sums[:] = 0
        self._counts[:] = 0
        self.curve.setData([], [])
        total = len(CAPACITY_LOADS) * self.trials.value()
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.note.setText("")
        self._run = _Run()
        worker = GeneratorWorker(
            _trials, self._run, self.n, self.rule.currentData(), self.trials.value()
        )
        worker.yielded.connect(self._trial_done)
        worker.returned.connect(self._finished)
        worker.start()
        self.start_button.setEnabled(False)
        self.rule.setEnabled(False)  # the line and the note stay the measured rule's
        self.cancel_button.setEnabled(True)

    def cancel(self) -> None:
        """Stop within one recall, waiting for the worker; what was measured stays plotted."""
        run, self._run = self._run, None
        if run is not None:
            run.cancel.set()
            run.ended.wait(WORKER_WAIT_S)
            self.note.setText("Cancelled: the points show the trials made.")
            self._idle()

    @Slot(object)
    def _trial_done(self, result) -> None:
        run, index, fraction = result
        if run is not self._run:
            return  # a cancelled sweep's last trial, arriving late
        self._sums[index] += fraction
        self._counts[index] += 1
        self.progress.setValue(self.progress.value() + 1)
        measured = self._counts > 0
        self.curve.setData(np.array(CAPACITY_LOADS)[measured], self.fractions[measured])

    @Slot(object)
    def _finished(self, _result) -> None:
        if self._run is None or not self._run.ended.is_set():
            return  # a cancelled sweep ending
        self._run = None
        self.note.setText(self._summary())
        self._idle()

    def _summary(self) -> str:
        """What the finished sweep shows beyond the critical load (loads past it to 2 places)."""
        critical = self.critical_load
        past = [f for load, f in zip(CAPACITY_LOADS, self.fractions, strict=True)
                if load > round(critical, 2)]  # fmt: skip
        if past:
            return (
                f"Done. Past the critical load {critical:.3g} the fraction recalled falls to "
                f"{min(past):.0%}."
            )
        return (
            f"Done. Every load tried is below the critical load {critical:.3g}; the fraction "
            f"recalled is at least {np.nanmin(self.fractions):.0%}."
        )

    def _idle(self) -> None:
        self.start_button.setEnabled(True)
        self.rule.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def done(self, result: int) -> None:
        """Closing the dialog cancels a run."""
        self.cancel()
        super().done(result)
