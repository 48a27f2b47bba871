"""Training in a worker thread, controlled from the main window (DESIGN.md section 5).

A :class:`TrainingRun` wraps one engine training generator.  A superqt
``GeneratorWorker`` advances it in a pool thread and hands each report to
the GUI thread through queued signals; while the worker is paused, or
before it starts, :meth:`TrainingController.step` advances the same run by
one epoch in the GUI thread.  Run, pause, step and resume therefore go on
with one generator (same shuffling, same optimiser state): a run paused and
stepped gives the same numbers as one left alone.
"""

import copy
import dataclasses
import threading
import time

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, Signal, Slot
from superqt.utils import GeneratorWorker

from nnsim.engine import MLP, train
from nnsim.errors import ConfigError, NnsimError
from nnsim.model import CompiledNetwork, NetworkDocument, compile
from nnsim.model.settings import LIVE_SETTINGS, Settings, epochs_per_second, training_data

#: Seconds between reports while running (the engine's default, ~30 per second).
REPORT_INTERVAL = 1.0 / 30.0
#: The longest a speed limit makes the worker wait at once, in seconds.
MAX_WAIT = 0.1


class TrainingRun:
    """One engine training generator, advanced by one thread at a time.

    The worker thread advances it while running; the GUI thread advances it
    (a step) only while the worker is paused or not started.  ``patch`` may
    be called from either thread at any time: the next :meth:`advance`
    sends it in.
    """

    def __init__(self, network, data, validation, config):
        self._generator = train(network, data, config, validation=validation)
        self._started = False
        self._patch: dict = {}
        self._lock = threading.Lock()
        self.summary = None
        self._speed: float | None = None
        self._pace_origin: tuple[float, int] | None = None

    def set_speed(self, epochs_per_second: float | None) -> None:
        """Limit the worker to about this many epochs a second (None: no limit).

        With a limit every epoch is reported, so the worker can wait between
        epochs and the plots move smoothly.
        """
        self._speed = epochs_per_second
        self._pace_origin = None
        self.patch(report_interval=REPORT_INTERVAL if epochs_per_second is None else 0.0)

    @property
    def paced(self) -> bool:
        """Whether a speed limit holds the run back (it then reports every epoch)."""
        return self._speed is not None

    def keep_pace(self, epoch: int) -> None:
        """In the worker, after a report: wait until ``epoch`` is due at the chosen speed.

        A wait never lasts more than ``MAX_WAIT`` seconds, so pause and stop
        answer quickly even at one epoch a second.
        """
        speed, now = self._speed, time.perf_counter()
        if speed is None:
            return
        if self._pace_origin is None:
            self._pace_origin = (now, epoch)
            return
        start, first = self._pace_origin
        due = start + (epoch - first) / speed
        if due > now:
            time.sleep(min(due - now, MAX_WAIT))

    def restart_pace(self) -> None:
        """Count the speed from now (after a pause: the paused time is not owed)."""
        self._pace_origin = None

    def patch(self, **changes) -> None:
        with self._lock:
            self._patch.update(changes)

    def advance(self):
        """Train until the next report and return it; None when the run has ended."""
        try:
            if not self._started:
                self._started = True
                return next(self._generator)  # a patch waits for the first report
            with self._lock:
                patch, self._patch = self._patch, {}
            return self._generator.send(patch or None)
        except StopIteration as stop:
            self.summary = stop.value
            return None

    def close(self) -> None:
        self._generator.close()


def _drive(run: TrainingRun):
    """The worker's generator: the reports of ``run``, at most ~30 a second, until it ends.

    Under a speed limit the run reports every epoch (so the worker can wait
    between epochs); those reports are merged here, so the GUI thread still
    gets about 30 a second however fast the epochs come.
    """
    pending, last_yield = [], 0.0
    while (report := run.advance()) is not None:
        pending.append(report)
        now = time.perf_counter()
        if not run.paced or now - last_yield >= REPORT_INTERVAL:
            yield _merged(pending)
            pending, last_yield = [], now
        run.keep_pace(report.epoch)
    if pending:
        yield _merged(pending)
    return run.summary


def _merged(reports):
    """One report standing for several consecutive ones: the last, with every epoch's loss."""
    if len(reports) == 1:
        return reports[0]
    losses = np.concatenate([report.losses for report in reports])
    return dataclasses.replace(reports[-1], losses=losses)


class LossHistory:
    """Every epoch's training (and validation) error, in arrays that grow by doubling."""

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self.count = 0
        self._train = np.empty(1024)
        self._validation = np.full(1024, np.nan)

    def extend(self, losses: np.ndarray, validation_loss: float | None) -> None:
        """Add a report's losses; its validation loss belongs to the last of them."""
        needed = self.count + len(losses)
        if needed > len(self._train):
            size = max(needed, 2 * len(self._train))
            self._train = np.resize(self._train, size)
            grown = np.full(size, np.nan)
            grown[: self.count] = self._validation[: self.count]
            self._validation = grown
        self._train[self.count : needed] = losses
        if validation_loss is not None and needed:
            self._validation[needed - 1] = validation_loss
        self.count = needed

    @property
    def epochs(self) -> np.ndarray:
        return np.arange(1, self.count + 1)

    @property
    def train(self) -> np.ndarray:
        return self._train[: self.count]

    @property
    def validation(self) -> np.ndarray:
        return self._validation[: self.count]


class TrainingController(QObject):
    """Start, pause, step, stop and reset training of the document's network.

    Signals (all emitted in the GUI thread)
    ---------------------------------------
    state_changed(str)
        "ready", "training", "pausing", "paused", "stopped" or "finished".
    reported(object)
        A :class:`~nnsim.engine.training.TrainingReport` whose epochs count
        from the first run since the last reset.
    message(str)
        Something the person should read: why training ended, or could not start.
    network_changed(object)
        A new :class:`CompiledNetwork` (after a reset or a topology change).
    """

    state_changed = Signal(str)
    reported = Signal(object)
    message = Signal(str)
    failed = Signal(str)
    network_changed = Signal(object)

    def __init__(self, document: NetworkDocument, settings: Settings, parent=None):
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.history = LossHistory()
        self.compiled: CompiledNetwork | None = None
        self.display_network = None  # a copy the GUI thread may evaluate freely
        self.data = self.validation = None
        self.latest = None
        self.state = "ready"
        self._run: TrainingRun | None = None
        self._worker: GeneratorWorker | None = None
        self._epoch_offset = 0
        settings.changed.connect(self._setting_changed)

    # ---------------------------------------------------------------- state
    @property
    def busy(self) -> bool:
        """True while a run exists (training, paused or pausing): the network is in use."""
        return self._run is not None

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    # ------------------------------------------------------------ preparing
    def prepare(self) -> bool:
        """Compile the document and load the data, keeping trained weights that still fit.

        Returns False (and emits ``message``) when that is impossible.
        """
        try:
            data, validation = training_data(self.settings)
            previous = self.compiled
            compiled = compile(
                self.document,
                loss=self.settings["loss"],
                init=self.settings["init"],
                init_limit=self.settings["init_limit"],
                rng=self.settings["seed"],
                previous=previous,
            )
            _check_sizes(compiled, data)
        except NnsimError as exc:
            self.message.emit(str(exc))
            return False
        self.data, self.validation = data, validation
        if previous is not None and compiled.initialised and compiled.kept:
            self.message.emit(
                f"The network changed: {compiled.kept} trained weights kept, "
                f"{compiled.initialised} new ones initialised."
            )
        self._use(compiled)
        return True

    def _use(self, compiled: CompiledNetwork) -> None:
        self.compiled = compiled
        self.display_network = copy.deepcopy(compiled.network)
        self.network_changed.emit(compiled)

    # ---------------------------------------------------------------- runs
    def _new_run(self) -> bool:
        if not self.prepare():
            return False
        config = self.settings.training_config(
            report_interval=REPORT_INTERVAL, include_weights=True
        )
        self._run = TrainingRun(self.compiled.network, self.data, self.validation, config)
        self._run.set_speed(epochs_per_second(self.settings["speed"]))
        self._epoch_offset = self.history.count
        return True

    def start(self) -> None:
        """Start training, or resume it when paused."""
        if self.state in ("training", "pausing"):
            return
        if self._run is None and not self._new_run():
            return
        self._run.restart_pace()
        if self._worker is not None:
            self._worker.resume()
        else:
            self._start_worker()
        self._set_state("training")

    def _start_worker(self) -> None:
        worker = GeneratorWorker(_drive, self._run)
        worker.yielded.connect(self._on_report)
        worker.returned.connect(self._on_returned)
        worker.errored.connect(self._on_error)
        worker.paused.connect(self._on_paused)
        worker.finished.connect(self._on_worker_finished)
        self._worker = worker
        worker.start()

    def pause(self) -> None:
        """Pause after the current report; ``state_changed("paused")`` follows."""
        if self.state == "training":
            self._set_state("pausing")
            self._worker.pause()

    def step(self) -> None:
        """Train exactly one epoch, in this thread, then stay paused."""
        if self.state in ("training", "pausing"):
            return
        if self._run is None and not self._new_run():
            return
        self._run.patch(report_interval=0.0)
        try:
            report = self._run.advance()
        except NnsimError as exc:
            self._fail(exc)
            return
        self._run.set_speed(epochs_per_second(self.settings["speed"]))  # and its interval
        if report is None:
            self._finish(self._run.summary)
            return
        self._on_report(report)
        self._set_state("paused")

    def stop(self) -> None:
        """End the run; the weights stay as trained so far."""
        if self._worker is not None:
            self._worker.quit()  # _on_worker_finished ends the run
        elif self._run is not None:
            self._end_run("stopped")

    def reset(self) -> None:
        """Stop, then new random weights from the seed and an empty history."""
        self.shutdown()
        self.history.clear()
        self.latest = None
        self.compiled = None
        self._set_state("ready")
        self.prepare()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Stop the worker and wait for its thread: call before the window closes."""
        worker = self._worker
        if worker is not None:
            worker.quit()
            QThreadPool.globalInstance().waitForDone(timeout_ms)
            # Deliver the reports the worker queued before it ended: their epochs
            # did happen, so the history must hold them before anything else.
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
            self._worker = None
        if self._run is not None:
            self._end_run("stopped")

    def set_live(self, name: str, value) -> None:
        """Send a learning rate, momentum or speed into a running network (next epoch)."""
        if self._run is None or name not in LIVE_SETTINGS:
            return
        if name == "speed":
            self._run.set_speed(epochs_per_second(value))
        else:
            self._run.patch(**{name: value})

    # ------------------------------------------------------------- slots
    @Slot(object)
    def _on_report(self, report) -> None:
        offset = self._epoch_offset
        report = dataclasses.replace(
            report, epoch=report.epoch + offset, max_epochs=report.max_epochs + offset
        )
        self.history.extend(report.losses, report.validation_loss)
        if report.weights is not None:
            self.display_network_weights(report)
        self.latest = report
        self.reported.emit(report)

    def display_network_weights(self, report) -> None:
        """Copy a report's weights into the display network."""
        net = self.display_network
        if isinstance(net, MLP):
            net.weights, net.biases = list(report.weights), list(report.biases)
        else:
            net.weights, net.bias = report.weights[0], report.biases[0]

    @Slot()
    def _on_paused(self) -> None:
        if self.state == "pausing":
            self._set_state("paused")

    @Slot(object)
    def _on_returned(self, summary) -> None:
        self._finish(summary)

    @Slot(object)
    def _on_error(self, exc) -> None:
        self._fail(exc)

    @Slot()
    def _on_worker_finished(self) -> None:
        self._worker = None
        if self._run is not None:  # quit, not returned nor failed
            self._end_run("stopped")

    def _finish(self, summary) -> None:
        self.message.emit(summary.message)
        self._end_run("finished")

    def _fail(self, exc) -> None:
        self.failed.emit(str(exc))
        self._end_run("stopped")

    def _end_run(self, state: str) -> None:
        if self._worker is not None:
            self._worker.quit()  # a paused worker whose run a step ended; else a no-op
        elif self._run is not None:
            self._run.close()
        self._run = None
        self._set_state(state)

    def _setting_changed(self, name: str, value) -> None:
        self.set_live(name, value)


def _check_sizes(compiled: CompiledNetwork, data) -> None:
    """Refuse data whose inputs or targets do not fit the network's first and last layers."""
    net = compiled.network
    n_in, n_out = data.X.shape[1], data.T.shape[1]
    if (net.n_inputs, net.n_outputs) != (n_in, n_out):
        raise ConfigError(
            f"The data set {data.name!r} has {n_in} inputs and {n_out} target(s), but the "
            f"network has {net.n_inputs} input and {net.n_outputs} output neurons. Change the "
            f"layers or choose another data set."
        )
