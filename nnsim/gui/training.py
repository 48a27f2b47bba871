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
import time

import numpy as np
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, Signal, Slot
from superqt.utils import GeneratorWorker

from nnsim.engine import Perceptron
from nnsim.errors import DivergenceError, NnsimError
from nnsim.gui.training_run import REPORT_INTERVAL, TrainingRun, drive
from nnsim.model import CompiledNetwork, NetworkDocument, parameters_of, set_parameters
from nnsim.model.compiler import has_bias
from nnsim.model.history import LossHistory
from nnsim.model.session import prepare_training
from nnsim.model.settings import LIVE_SETTINGS, Settings, epochs_per_second
from nnsim.model.snapshots import WeightSnapshots


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
    failed(str)
        Training stopped on an error (divergence, bad data); the weights are the last good ones.
    network_changed(object)
        A new :class:`CompiledNetwork` (after a reset or a topology change).
    sample_stepped(int)
        :meth:`step_sample` showed the perceptron this sample (a row of the data).
    weights_changed()
        The weights or the history changed (training, a step, a reset, going back to
        an earlier epoch): work the undo stack does not hold, unsaved until saved.
    """

    state_changed = Signal(str)
    reported = Signal(object)
    message = Signal(str)
    failed = Signal(str)
    network_changed = Signal(object)
    sample_stepped = Signal(int)
    weights_changed = Signal()

    def __init__(self, document: NetworkDocument, settings: Settings, parent=None):
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.history = LossHistory()
        #: The weights every few epochs of this network's training, to rewind to.
        self.snapshots = WeightSnapshots()
        self._snapshot_structure = None
        self.prepared_for = None
        self.compiled: CompiledNetwork | None = None
        self.display_network = None  # a copy the GUI thread may evaluate freely
        self.data = self.validation = None
        self.latest = None
        self.state = "ready"
        self._run: TrainingRun | None = None
        self._worker: GeneratorWorker | None = None
        self._retired: list[GeneratorWorker] = []  # finished, the pool not yet done with them
        self._epoch_offset = 0
        self._next_sample = 0  # the sample step_sample shows next
        #: Why training could not start last time (None once it could).
        self.problem: str | None = None
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
        previous = self.compiled
        try:
            compiled, data, validation = prepare_training(self.document, self.settings, previous)
        except NnsimError as exc:
            self._refuse(str(exc))
            return False
        self.problem = None
        self.data, self.validation = data, validation
        self.prepared_for = self._what_it_depends_on()
        if previous is not None and compiled.initialised and compiled.kept:
            self.message.emit(
                f"The network changed: {compiled.kept} trained weights kept, "
                f"{compiled.initialised} new ones initialised."
            )
        self._use(compiled)
        return True

    def _what_it_depends_on(self) -> tuple:
        """What a compiled network and its data were made from: the document and the settings."""
        return (self.document.snapshot(), tuple(sorted(self.settings.values().items())),
                id(self.settings.custom_data))  # fmt: skip

    @property
    def network_up_to_date(self) -> bool:
        """Whether the network prepared last is the one the document draws now."""
        return self.compiled is not None and self.prepared_for[0] == self.document.snapshot()

    def catch_up(self) -> bool:
        """Compile an edited document now, keeping the trained weights that fit (not while a
        run holds the network); True when the compiled network is the document's."""
        if not (self.busy or self.network_up_to_date):
            self.prepare()
        return self.network_up_to_date

    @property
    def up_to_date(self) -> bool:
        """Whether the network and data prepared last are what the document and settings say now."""
        return self.compiled is not None and self.prepared_for == self._what_it_depends_on()

    def restore(self, weights, biases, history: dict) -> None:
        """Put saved weights, biases and error history back (after opening a project).

        ``weights`` None leaves the freshly initialised network; ``history``
        holds "train", "validation" and "accuracy" arrays, one value per epoch.
        """
        self.shutdown()
        self.history.clear()
        if weights is not None and self.compiled is not None:
            set_parameters(self.compiled.network, weights, biases)
            self._use(self.compiled)
        train = history.get("train")
        if train is not None and len(train):
            self.history.restore(
                train, history.get("validation"), history.get("accuracy"), history.get("epochs")
            )
        self.snapshots.clear()
        if self.compiled is not None:
            self.snapshots.offer(self.history.count, *parameters_of(self.compiled.network))
        self._set_state("ready")

    def _refuse(self, reason: str) -> None:
        """Training cannot start: keep the reason in ``problem`` and say it."""
        self.problem = reason
        self.message.emit(reason)

    def _use(self, compiled: CompiledNetwork) -> None:
        self.compiled = compiled
        self.display_network = copy.deepcopy(compiled.network)
        weights, biases = parameters_of(compiled.network)
        structure = _structure(compiled)
        if structure != self._snapshot_structure:
            self.snapshots.clear()  # another network (or biases off): its past is not this one's
            self._snapshot_structure = structure
        self.snapshots.offer(self.history.count, weights, biases)
        self.network_changed.emit(compiled)

    # ---------------------------------------------------------------- runs
    def _new_run(self) -> bool:
        """A run for the epochs still to go of the Epochs setting (a total since reset)."""
        if not self.prepare():
            return False
        remaining = self.settings["max_epochs"] - self.history.count
        if remaining < 1:
            self._refuse(
                f"All {self.settings['max_epochs']:,} epochs set are trained: raise Epochs to "
                "train on, or reset the weights to start again."
            )
            return False
        config = self.settings.training_config(
            max_epochs=remaining, report_interval=REPORT_INTERVAL, include_weights=True
        )
        self._run = TrainingRun(self.compiled.network, self.data, self.validation, config)
        self._run.set_speed(epochs_per_second(self.settings["speed"]))
        self._epoch_offset = self.history.count
        return True

    def start(self) -> bool:
        """Start training, or resume it when paused; False (see ``problem``) if it cannot."""
        if self.state in ("training", "pausing"):
            return True
        if self._run is None and not self._new_run():
            return False
        self._run.restart_pace()
        if self._worker is not None:
            self._worker.resume()
        else:
            self._start_worker()
        self._set_state("training")
        return True

    def _start_worker(self) -> None:
        worker = GeneratorWorker(drive, self._run)
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
            self._interrupt_wait()
            self._worker.pause()

    def _interrupt_wait(self) -> None:
        """Cut the worker's speed-limit wait short (its run may have ended already)."""
        if self._run is not None:
            self._run.interrupt()

    def _ask_run_to_stop(self) -> None:
        """End the run at its next mini-batch, even in the middle of a long epoch."""
        if self._run is not None:
            self._run.ask_to_stop()

    def step(self) -> bool:
        """Train exactly one epoch, in this thread, then stay paused; False if it cannot."""
        if self.state in ("training", "pausing"):
            return True
        if self._run is None and not self._new_run():
            return False
        self._run.patch(report_interval=0.0)
        try:
            report = self._run.advance()
        except NnsimError as exc:
            self._fail(exc)
            return True
        self._run.set_speed(epochs_per_second(self.settings["speed"]))  # and its interval
        if report is not None:
            self._on_report(report)
        if report is None or report.stop_reason:  # the run's last epoch is done
            if report is not None:
                self._run.advance()
            self._finish(self._run.summary)
        else:
            self._set_state("paused")
        return True

    def step_sample(self) -> None:
        """Show a perceptron the next training sample (in order), as its rule learns online.

        Emits ``message`` saying which sample it was and whether it changed
        the weights (a Rosenblatt perceptron learns only from a mistake).
        """
        if self.state in ("training", "pausing"):
            return
        if self._run is None and not self.up_to_date and not self.prepare():
            return  # (preparing afresh each time would clear the plot's trail of lines)
        network = self.compiled.network
        if not isinstance(network, Perceptron):
            self.message.emit("One sample at a time is for perceptrons; an MLP steps by epochs.")
            return
        row = self._next_sample % self.data.n_samples
        self._next_sample += 1
        X, T = self.data.X[row : row + 1], self.data.T[row : row + 1]
        output = network.predict(X)[0]
        before = (network.weights.copy(), network.bias.copy())
        with np.errstate(over="ignore", invalid="ignore"):  # checked just below
            network.train_epoch(X, T, learning_rate=self.settings["learning_rate"])
        if not (np.isfinite(network.weights).all() and np.isfinite(network.bias).all()):
            network.weights, network.bias = before
            self.failed.emit(
                f"Sample {row + 1} made the weights too large to hold (infinite): they are "
                f"back to where they were. Try a smaller learning rate (it is "
                f"{self.settings['learning_rate']:g})."
            )
            return
        self.display_network.weights = network.weights.copy()
        self.display_network.bias = network.bias.copy()
        self.message.emit(
            f"Sample {row + 1} of {self.data.n_samples}: x = {_numbers(X[0])}, target "
            f"{_numbers(T[0])}, output {_numbers(output)}: "
            + _update_text(network.weights - before[0], network.bias - before[1])
        )
        self.weights_changed.emit()
        self.sample_stepped.emit(row)

    def stop(self) -> None:
        """End the run; the weights stay as trained so far (up to the last whole epoch)."""
        if self._worker is not None:
            self._ask_run_to_stop()
            self._worker.quit()  # _on_worker_finished ends the run
        elif self._run is not None:
            self._end_run("stopped")

    def reset(self) -> None:
        """Stop, then new random weights from the seed and an empty history."""
        self.shutdown()
        before = None if self.compiled is None else parameters_of(self.compiled.network)
        had_history = self.history.count > 0
        self.history.clear()
        self.snapshots.clear()
        self.latest = None
        self.compiled = None
        self._next_sample = 0
        self._set_state("ready")
        self.prepare()
        if had_history or (before is not None and not _same_parameters(before, self.compiled)):
            self.weights_changed.emit()

    def rewind(self, epoch: int) -> int:
        """Show the weights as they were at ``epoch`` (the nearest snapshot at or before it).

        Only the display network changes: training, if it goes on without
        :meth:`train_from`, goes on from where it was.  Returns the snapshot's epoch.
        """
        shown, weights, biases = self.snapshots.at_or_before(epoch)
        set_parameters(self.display_network, weights, biases)
        return shown

    def train_from(self, epoch: int) -> int:
        """Go back to the snapshot at or before ``epoch``: its weights, the history up to it.

        A run under way ends; the next Train goes on from there.  Returns the
        snapshot's epoch.
        """
        self.shutdown()
        shown, weights, biases = self.snapshots.at_or_before(epoch)
        set_parameters(self.compiled.network, weights, biases)
        set_parameters(self.display_network, weights, biases)
        self.history.truncate(shown)
        self.snapshots.truncate(shown)
        self.latest = None
        self.weights_changed.emit()
        self._set_state("ready")
        return shown

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Stop the worker and wait for its thread: call before the window closes.

        The run ends at its next mini-batch.  A batch still running after
        ``timeout_ms`` (one huge full batch) is left to end in its thread,
        never closed under it: the run's network stays with it, and this
        controller goes on with a copy holding the last report's weights.
        """
        worker = self._worker
        if worker is not None:
            self._ask_run_to_stop()
            worker.quit()
            done = QThreadPool.globalInstance().waitForDone(timeout_ms)
            # Deliver the reports the worker queued before it ended: their epochs
            # did happen, so the history must hold them before anything else.
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
            self._worker = None
            self._retire(worker)
            if not done:
                self._abandon_run(worker)
        if self._run is not None:
            self._end_run("stopped")
        self._let_go_of_retired()

    def _abandon_run(self, worker: GeneratorWorker) -> None:
        """Leave a run that would not stop to its thread, and go on without it."""
        for signal in (worker.yielded, worker.returned, worker.errored, worker.paused,
                       worker.finished):  # fmt: skip
            signal.disconnect()  # what it says later is not about this controller's network
        self._run = None  # its generator is still executing: it must not be closed here
        self.compiled = dataclasses.replace(
            self.compiled, network=copy.deepcopy(self.display_network)
        )
        self._set_state("stopped")
        self.message.emit(
            "Training was still inside one long batch: it is left to finish on its own, and "
            "the network keeps the weights of the last epoch shown."
        )

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
        self.history.extend(report.losses, report.validation_loss, report.accuracy)
        if report.weights is not None:
            self.display_network_weights(report)
            self.snapshots.offer(report.epoch, report.weights, report.biases)
        self.latest = report
        self.weights_changed.emit()
        self.reported.emit(report)

    def display_network_weights(self, report) -> None:
        """Copy a report's weights into the display network."""
        set_parameters(self.display_network, report.weights, report.biases)

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
        self._retire(self._worker)
        self._worker = None
        if self._run is not None:  # quit, not returned nor failed
            self._end_run("stopped")

    def _retire(self, worker: GeneratorWorker | None) -> None:
        """Hold a finished worker until its pool thread has let it go.

        The pool deletes the runnable in its own thread just after the worker's
        ``finished``: were that the last reference, Python would free the worker
        there, and its signals' QObject with it, outside the thread it lives in
        (tests/gui/test_worker_threads.py).  Workers the pool has deleted are no
        longer valid: those are let go here, in the GUI thread.
        """
        if worker is not None and not any(kept is worker for kept in self._retired):
            self._retired.append(worker)
        self._retired = [kept for kept in self._retired if shiboken6.isValid(kept)]

    def _let_go_of_retired(self, timeout_s: float = 0.1) -> None:
        """Let go of the finished workers before this controller may go: their pool threads
        are at most moments from letting go of them first."""
        deadline = time.monotonic() + timeout_s
        self._retire(None)
        while self._retired and time.monotonic() < deadline:
            time.sleep(0.001)  # (the GIL too)
            self._retire(None)

    def _finish(self, summary) -> None:
        self.message.emit(summary.message)
        self._end_run("finished")

    def _fail(self, exc) -> None:
        if isinstance(exc, DivergenceError) and exc.epoch is not None:
            # The weights went back to epoch exc.epoch: the history and display follow.
            self.history.extend(exc.losses)
            self.history.truncate(self._epoch_offset + exc.epoch)
            self.display_network = copy.deepcopy(self.compiled.network)
            self.network_changed.emit(self.compiled)
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


def _numbers(values) -> str:
    """A short vector as a person writes it: [1, 0.5]."""
    return "[" + ", ".join(f"{v:.4g}" for v in np.ravel(values)) + "]"


def _update_text(weight_change: np.ndarray, bias_change: np.ndarray) -> str:
    """What one sample did to a perceptron, with the numbers."""
    if not (weight_change.any() or bias_change.any()):
        return "no change (no mistake to learn from)."
    return f"Δw = {_numbers(weight_change)}, Δb = {_numbers(bias_change)}; the line moves."


def _same_parameters(parameters, compiled: CompiledNetwork | None) -> bool:
    """Whether ``compiled``'s network has exactly ``parameters`` (weights, biases)."""
    if compiled is None:
        return False
    now = parameters_of(compiled.network)
    return all(
        len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
        for a, b in zip(parameters, now, strict=True)
    )


def _structure(compiled: CompiledNetwork) -> tuple:
    """What makes weights of one compile fit another: neurons, layers, biases, connections."""
    masks = compiled.mask_matrices()
    return (
        compiled.layer_ids,
        tuple(sorted(compiled.index.items())),
        has_bias(compiled.network),
        None if masks is None else tuple(m.tobytes() for m in masks),
    )
