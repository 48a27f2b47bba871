"""Recall, animated: a :class:`~nnsim.engine.hopfield.RecallProcess` run in a worker thread.

:func:`drive_recall` is the worker's generator: it makes as many updates as
the speed allows (all it can at "fastest") and yields a :class:`RecallFrame`
at most about 30 times a second (after every update when the speed is
slower than that), so the window draws no more often than it can.
:class:`RecallController` starts, pauses, steps (one update, in the GUI
thread, while the worker is paused or not started) and stops it, following
CONTRIBUTING.md section 5: the worker touches no widget, frames carry
copies, and every signal reaches the GUI thread.  :class:`TemperatureControls`
are the recall's temperature and annealing, beside its other controls.
"""

import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from nnsim.engine.hopfield import RecallProcess
from nnsim.engine.hopfield_temperature import SCHEDULES, Anneal
from nnsim.gui.flow_layout import FlowLayout
from nnsim.gui.workers import WORKER_WAIT_S, KeptWorkers
from nnsim.model.memory import PatternMemory, recall_outcome
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Updates per second a person can choose ("fastest": no limit).
RECALL_SPEEDS = ("fastest", "3000", "1000", "300", "100", "30", "10", "3", "1")
FRAME_INTERVAL = 1.0 / 30.0
#: Updates made at once at full speed between looks at the clock.
CHUNK = 512
#: The annealing schedules as the schedule box lists them (its items' data, shown translated).
SCHEDULE_TITLES = {
    "geometric": QT_TRANSLATE_NOOP("TemperatureControls", "geometric"),
    "linear": QT_TRANSLATE_NOOP("TemperatureControls", "linear"),
}
HIGHEST_TEMPERATURE = 20.0


@dataclass(frozen=True)
class RecallFrame:
    """What recall has done since the last frame.

    ``state`` is a copy of the state; ``energies`` the energy after each new
    update; ``updates`` the updates made in all; ``neuron`` the last one
    updated (None in sync mode); ``done``, ``converged``, ``cycle`` as the
    process says; ``temperature`` the temperature of the sweep under way.
    """

    state: np.ndarray
    energies: np.ndarray
    updates: int
    neuron: int | None
    done: bool
    converged: bool
    cycle: bool
    temperature: float = 0.0


def frame_of(process: RecallProcess, energies: np.ndarray) -> RecallFrame:
    return RecallFrame(
        process.state, energies, process.updates, process.neuron,
        process.done, process.converged, process.cycle, process.temperature,
    )  # fmt: skip


class RecallPace:
    """How many updates one worker may make by now, at ``speed`` updates a second (None: all).

    Each worker gets its own pace.  :meth:`cancel` asks the worker to end at its
    next look at the clock (at most a frame later); ``ended`` is set once its
    generator has returned, so the GUI thread can wait for exactly this worker.
    """

    def __init__(self, speed: float | None, made: int = 0):
        self.speed = speed
        self.cancelled = False
        self.ended = threading.Event()
        self._wake = threading.Event()
        self.restart(made)

    def restart(self, made: int = 0) -> None:
        """Count from now, ``made`` updates being already done."""
        self._start, self._made_at_start = time.perf_counter(), made

    def allowed(self, made: int) -> int:
        """Updates that may be made now (CHUNK at full speed)."""
        if self.speed is None:
            return CHUNK
        due = self._made_at_start + int((time.perf_counter() - self._start) * self.speed)
        return max(0, due - made)

    def wait(self, made: int) -> None:
        """Sleep until the next update is due (a frame at most), unless woken."""
        if self.speed is None:
            return
        next_due = self._start + (made + 1 - self._made_at_start) / self.speed
        delay = min(FRAME_INTERVAL, next_due - time.perf_counter())
        if delay > 0:
            self._wake.wait(delay)
            self._wake.clear()

    def wake(self) -> None:
        self._wake.set()

    def cancel(self) -> None:
        self.cancelled = True
        self.wake()


def drive_recall(process: RecallProcess, pace: RecallPace):
    """The worker's generator: (process, frame) pairs until recall ends or ``pace`` is cancelled.

    Frames name their process, so the GUI thread can drop those of a recall
    it has already left.
    """
    try:
        pending, last_frame = [], time.perf_counter()
        while not process.done and not pace.cancelled:
            allowed = pace.allowed(process.updates)
            if allowed:
                pending.append(process.advance(allowed))
            now = time.perf_counter()
            if pending and (process.done or now - last_frame >= FRAME_INTERVAL):
                yield process, frame_of(process, np.concatenate(pending))
                pending, last_frame = [], now
            if not process.done:
                pace.wait(process.updates)
                time.sleep(0)  # let the GUI thread have the GIL
        if pending:
            yield process, frame_of(process, np.concatenate(pending))
    finally:
        pace.ended.set()


class RecallController(QObject):
    """Run, step, pause and stop recall of the memory's current pattern.

    A worker runs only while the state is "running".  Pause ends the worker
    (and waits for it) but keeps the recall; Run goes on with a new worker;
    Step advances the recall in the GUI thread, which is safe because no
    worker then exists.

    Signals (GUI thread)
    --------------------
    started(object)
        A recall begins from this probe (the grid's pattern).
    frame(object)
        A :class:`RecallFrame`; the memory's current pattern already shows its state.
    state_changed(str)
        "ready", "running", "paused" or "finished".
    finished(object, object)
        The :class:`~nnsim.model.memory.Outcome`, and the probe recall started from.
    failed(str)
        The worker raised: why, in words.
    """

    started = Signal(object)
    frame = Signal(object)
    state_changed = Signal(str)
    finished = Signal(object, object)
    failed = Signal(str)

    def __init__(self, memory: PatternMemory, parent=None):
        super().__init__(parent)
        self.memory = memory
        self.mode, self.order, self.speed = "async", "random", "fastest"
        self.seed = None  # the random order's (and draws') seed (None: a new one each recall)
        #: Recall's temperature, its sweeps at T > 0 and its annealing (None: none); see
        #: :class:`~nnsim.engine.hopfield_recall.RecallProcess`.
        self.temperature, self.sweeps = 0.0, 100
        self.anneal: Anneal | None = None
        self.state = "ready"
        self.process: RecallProcess | None = None
        self.probe: np.ndarray | None = None
        self._pace: RecallPace | None = None  # the running worker's (None: no worker)
        self._workers = KeptWorkers()

    @property
    def busy(self) -> bool:
        """A recall is under way (running or paused)."""
        return self.process is not None

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def _begin(self) -> None:
        self.probe = self.memory.current.copy()
        hot = self.temperature > 0 and self.anneal is None
        self.process = self.memory.network.recall_process(  # a dense memory's too
            self.probe, mode=self.mode, order=self.order, rng=self.seed,
            temperature=self.temperature, anneal=self.anneal,
            max_sweeps=self.sweeps if hot else 100,
        )  # fmt: skip
        self.started.emit(self.probe)

    def run(self) -> None:
        """Start recall from the grid's pattern, or go on after a pause."""
        if self.state == "running":
            return
        if self.process is None:
            self._begin()
        self._pace = RecallPace(_per_second(self.speed), self.process.updates)
        self._workers.start(drive_recall, self.process, self._pace, yielded=self._on_frame,
                            errored=self._on_error)  # fmt: skip
        self._set_state("running")

    def pause(self) -> None:
        """End the worker, keeping the recall where it got to."""
        if self.state == "running":
            self._end_worker()
            self._set_state("paused")

    def step(self) -> None:
        """One update (one neuron in async mode, one step in sync), then paused."""
        if self.state == "running":
            return
        if self.process is None:
            self._begin()
        energies = self.process.advance(1)
        self._show(frame_of(self.process, energies))
        if self.process.done:
            self._finish()
        else:
            self._set_state("paused")

    def set_speed(self, speed: str) -> None:
        """Change the animation's speed, at once even while running."""
        self.speed = speed
        if self._pace is not None and self.process is not None:
            self._pace.speed = _per_second(speed)
            self._pace.restart(self.process.updates)
            self._pace.wake()

    def stop(self) -> None:
        """End recall where it is; the grid keeps the state reached."""
        if self.process is None:
            return
        self._end_worker()
        self._finish()

    def reset(self) -> None:
        """Forget any recall, without an outcome, waiting for its worker.

        The session calls it before it replaces the memory or the document
        (:meth:`~nnsim.model.session.Session.add_thread_stopper`).
        """
        self._end_worker()
        self.process = self.probe = None
        self._set_state("ready")

    def shutdown(self) -> None:
        """Stop the worker and wait for it (before the window closes)."""
        self._end_worker()

    def _end_worker(self) -> None:
        """Cancel the running worker, if any, and wait for its generator to return."""
        pace, self._pace = self._pace, None
        if pace is not None:
            pace.cancel()
            pace.ended.wait(WORKER_WAIT_S)

    @Slot(object)
    def _on_frame(self, item) -> None:
        process, frame = item
        if process is not self.process:
            return  # a recall left already
        self._show(frame)
        if frame.done:  # the worker's generator ends with this frame
            self._pace = None
            self._finish()

    @Slot(object)
    def _on_error(self, error: Exception) -> None:
        self._pace = None
        self.process = None
        self._set_state("finished")
        self.failed.emit(
            translate("RecallController", "Recall stopped on an error: {error}").format(error=error)
        )

    def _show(self, frame: RecallFrame) -> None:
        self.memory.set_current(frame.state)
        self.frame.emit(frame)

    def _finish(self) -> None:
        process, probe = self.process, self.probe
        self.process = None
        self.memory.set_current(process.state)  # frames still queued are dropped
        settled = process.converged or process.cycle
        outcome = recall_outcome(
            self.memory.network.patterns, process.state, process.cycle, settled=settled,
            temperature=process.temperature, sweeps=process.sweep,
        )  # fmt: skip
        self._set_state("finished")
        self.finished.emit(outcome, probe)


def _per_second(speed: str) -> float | None:
    return None if speed == "fastest" else float(speed)


class TemperatureControls(QWidget):
    """Recall's temperature T (``recallTemperature``) and annealing: Anneal
    (``recallAnneal``) from T0 (``annealStart``) over a number of sweeps
    (``recallSweeps``, also the sweeps made at a fixed T > 0) by a schedule
    (``annealSchedule``).  :meth:`apply` hands them to a :class:`RecallController`.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        tip = translate(
            "TemperatureControls",
            "Temperature T: 0 is deterministic recall; above 0 a neuron takes +1 with "
            "probability sigma(2h / T), so the state (and the energy) fluctuates",
        )
        self.temperature = _spin("recallTemperature", 0.0, tip)
        self.anneal = QCheckBox(
            translate("TemperatureControls", "Anneal"), objectName="recallAnneal"
        )
        self.anneal.setToolTip(
            translate(
                "TemperatureControls",
                "Let T fall from T0 towards 0 over the sweeps, then recall at T = 0: "
                "a way out of spurious states",
            )
        )
        tip = translate("TemperatureControls", "T0, where annealing starts")
        self.start = _spin("annealStart", 1.0, tip)
        self.sweeps = QSpinBox(objectName="recallSweeps", minimum=1, maximum=10_000, value=30)
        self.sweeps.setToolTip(
            translate(
                "TemperatureControls", "Sweeps made at T > 0 (over which T falls, when annealing)"
            )
        )
        self.schedule = QComboBox(objectName="annealSchedule")
        for schedule in SCHEDULES:
            shown = translate("TemperatureControls", SCHEDULE_TITLES[schedule])
            self.schedule.addItem(shown, schedule)
        self.schedule.setToolTip(
            translate(
                "TemperatureControls",
                "How T falls: by the same factor each sweep, or by the same step",
            )
        )
        row = FlowLayout(self)  # wraps: a fixed row made the window 1,261 pixels wide at least
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (
            QLabel(translate("TemperatureControls", "T")), self.temperature, self.anneal,
            QLabel(translate("TemperatureControls", "T0")), self.start,
            QLabel(translate("TemperatureControls", "sweeps")), self.sweeps, self.schedule,
        ):  # fmt: skip
            row.addWidget(widget)
        self.anneal.toggled.connect(self._annealing)
        self._annealing(False)

    def _annealing(self, on: bool) -> None:
        self.temperature.setEnabled(not on)
        self.start.setEnabled(on)
        self.schedule.setEnabled(on)

    def apply(self, controller: RecallController) -> None:
        """Give ``controller`` the temperature, or the annealing, chosen."""
        controller.sweeps = self.sweeps.value()
        if self.anneal.isChecked() and self.start.value() > 0:
            controller.temperature = 0.0
            controller.anneal = Anneal(
                self.start.value(), self.sweeps.value(), self.schedule.currentData()
            )
        else:
            controller.temperature, controller.anneal = self.temperature.value(), None


def _spin(name: str, value: float, tip: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(objectName=name, minimum=0.0, maximum=HIGHEST_TEMPERATURE)
    spin.setDecimals(2)
    spin.setSingleStep(0.05)
    spin.setValue(value)
    spin.setToolTip(tip)
    return spin
