"""Recall, animated: a :class:`~nnsim.engine.hopfield.RecallProcess` run in a worker thread.

:func:`drive_recall` is the worker's generator: it makes as many updates as
the speed allows (all it can at "fastest") and yields a :class:`RecallFrame`
at most about 30 times a second (after every update when the speed is
slower than that), so the window draws no more often than it can.
:class:`RecallController` starts, pauses, steps (one update, in the GUI
thread, while the worker is paused or not started) and stops it, following
DESIGN.md section 5: the worker touches no widget, frames carry
copies, and every signal reaches the GUI thread.
"""

import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from superqt.utils import GeneratorWorker

from nnsim.engine.hopfield import RecallProcess
from nnsim.model.memory import PatternMemory, recall_outcome

#: Updates per second a person can choose ("fastest": no limit).
RECALL_SPEEDS = ("fastest", "3000", "1000", "300", "100", "30", "10", "3", "1")
FRAME_INTERVAL = 1.0 / 30.0
#: Updates made at once at full speed between looks at the clock.
CHUNK = 512


@dataclass(frozen=True)
class RecallFrame:
    """What recall has done since the last frame.

    ``state`` is a copy of the state; ``energies`` the energy after each new
    update; ``updates`` the updates made in all; ``neuron`` the last one
    updated (None in sync mode); ``done``, ``converged``, ``cycle`` as the
    process says.
    """

    state: np.ndarray
    energies: np.ndarray
    updates: int
    neuron: int | None
    done: bool
    converged: bool
    cycle: bool


def frame_of(process: RecallProcess, energies: np.ndarray) -> RecallFrame:
    return RecallFrame(
        process.state, energies, process.updates, process.neuron,
        process.done, process.converged, process.cycle,
    )  # fmt: skip


class RecallPace:
    """How many updates a worker may make by now, at ``speed`` updates a second (None: all)."""

    def __init__(self, speed: float | None):
        self.speed = speed
        self.restart()
        self._wake = threading.Event()

    def restart(self, made: int = 0) -> None:
        """Count from now, ``made`` updates being already done."""
        self._start, self._made_at_start = time.perf_counter(), made

    def allowed(self, made: int) -> int:
        """Updates that may be made now (at least 1 at full speed)."""
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


def drive_recall(process: RecallProcess, pace: RecallPace):
    """The worker's generator: frames of ``process`` until recall ends."""
    pending, last_frame = [], time.perf_counter()
    while not process.done:
        allowed = pace.allowed(process.updates)
        if allowed:
            pending.append(process.advance(allowed))
        now = time.perf_counter()
        if pending and (process.done or now - last_frame >= FRAME_INTERVAL):
            yield frame_of(process, np.concatenate(pending))
            pending, last_frame = [], now
        if not process.done:
            pace.wait(process.updates)
            time.sleep(0)  # let the GUI thread have the GIL
    if pending:
        yield frame_of(process, np.concatenate(pending))


class RecallController(QObject):
    """Run, step, pause and stop recall of the memory's current pattern.

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
        self.seed = None  # the random order's seed (None: a new one each recall)
        self.state = "ready"
        self.process: RecallProcess | None = None
        self.probe: np.ndarray | None = None
        self._pace: RecallPace | None = None
        self._worker: GeneratorWorker | None = None

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
        self.process = RecallProcess(
            self.memory.network, self.probe, mode=self.mode, order=self.order, rng=self.seed
        )
        self._pace = RecallPace(_per_second(self.speed))
        self.started.emit(self.probe)

    def run(self) -> None:
        """Start recall from the grid's pattern, or go on after a pause."""
        if self.state == "running":
            return
        if self.process is None:
            self._begin()
        self._pace.speed = _per_second(self.speed)
        self._pace.restart(self.process.updates)
        if self._worker is None:
            self._worker = GeneratorWorker(drive_recall, self.process, self._pace)
            self._worker.yielded.connect(self._on_frame)
            self._worker.errored.connect(self._on_error)
            self._worker.start()
        else:
            self._worker.resume()
        self._set_state("running")

    def pause(self) -> None:
        if self.state == "running" and self._worker is not None:
            self._worker.pause()
            self._pace.wake()
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
        if self._pace is not None:
            self._pace.speed = _per_second(speed)
            self._pace.restart(self.process.updates if self.process else 0)
            self._pace.wake()

    def stop(self) -> None:
        """End recall where it is; the grid keeps the state reached."""
        if self.process is None:
            return
        self.shutdown()
        self._finish()

    def shutdown(self) -> None:
        """Stop the worker and wait for it (before the window closes)."""
        worker = self._worker
        if worker is not None:
            worker.quit()
            self._pace.wake()
            worker.resume()  # a paused worker must run to see the quit
            QThreadPool.globalInstance().waitForDone(10_000)
            self._worker = None

    @Slot(object)
    def _on_frame(self, frame: RecallFrame) -> None:
        if self.process is None:
            return  # stopped meanwhile
        self._show(frame)
        if frame.done:  # the worker's generator ends with this frame
            self._worker = None
            self._finish()

    @Slot(object)
    def _on_error(self, error: Exception) -> None:
        self._worker = None
        self.process = self._pace = None
        self._set_state("finished")
        self.failed.emit(f"Recall stopped on an error: {error}")

    def _show(self, frame: RecallFrame) -> None:
        self.memory.set_current(frame.state)
        self.frame.emit(frame)

    def _finish(self) -> None:
        process, probe = self.process, self.probe
        self.process = self._pace = None
        settled = process.converged or process.cycle
        outcome = recall_outcome(
            self.memory.network.patterns, process.state, process.cycle, settled=settled
        )
        self._set_state("finished")
        self.finished.emit(outcome, probe)


def _per_second(speed: str) -> float | None:
    return None if speed == "fastest" else float(speed)
