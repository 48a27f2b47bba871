"""The training half of :class:`~nnsim.model.session.Session`: runs, reports, steps and rewinds.

:class:`SessionTraining` holds what training makes (the compiled network, its
data, the history, the snapshots, the weights shown) and the run state.  A
run is a :class:`~nnsim.model.training_run.TrainingRun`; whoever advances it
(:meth:`SessionTraining.train` in a script, a worker thread in the window)
hands each report to :meth:`SessionTraining.take_report` in the thread the
views live in.  Run, pause, step and resume go on with one generator (same
shuffling, same optimiser state): a run paused and stepped gives the same
numbers as one left alone.
"""

import copy
import dataclasses

import numpy as np

from nnsim.errors import ConfigError, DivergenceError, NnsimError
from nnsim.model.blas_threads import blas_threads, limit_blas
from nnsim.model.compiler import CompiledNetwork
from nnsim.model.one_sample import describe, learn_one_sample
from nnsim.model.settings import LIVE_SETTINGS, epochs_per_second
from nnsim.model.training_process import ProcessRun, TrainingProcessError
from nnsim.model.training_run import (
    REPORT_INTERVAL,
    RunPacing,
    TrainingRun,
    drive,
    prepare_training,
)
from nnsim.text import translate


class SessionTraining:
    """Training state and actions; the attributes are described on :class:`Session`.

    Subclasses provide ``events``, ``document``, ``settings``, ``history``,
    ``insight``, ``snapshots`` and ``is_hopfield``.
    """

    def __init__(self):
        self.compiled: CompiledNetwork | None = None
        self.display_network = None  # a copy the views may evaluate freely
        self.data = self.validation = None
        self.latest = None
        self.state = "ready"
        self.problem: str | None = None
        self.shown_epoch: int | None = None
        #: The run under way (training, paused or pausing), or None.
        self.run: RunPacing | None = None
        #: Whether runs train in a separate process (the window's, so drawing costs them
        #: nothing; see :mod:`nnsim.model.training_process`).
        self.train_in_process = False
        self._thread_stoppers: list = []
        self._paced = False
        self._prepared_for = None
        self._snapshot_structure = None
        self._epoch_offset = 0
        self._next_sample = 0  # the sample step_sample shows next
        #: Whether a window draws beside the runs: they then leave it a core.
        self.window_open = False
        self._blas_limit = None  # threadpoolctl's hold on the BLAS threads during a run

    # ---------------------------------------------------------------- state
    @property
    def busy(self) -> bool:
        """True while a run exists (training, paused or pausing): the network is in use."""
        return self.run is not None

    def set_state(self, state: str) -> None:
        """Change the run state, telling the views ("pausing" comes from the window's worker)."""
        if state != self.state:
            self.state = state
            self.events.state_changed.emit(state)

    def forget_training(self) -> None:
        """No network, history, snapshots or report: what a newly opened document starts with."""
        self.end_run_now("ready")
        self.history.clear()
        self.insight.clear()
        self.snapshots.clear()
        self.compiled = self.display_network = self.latest = self.problem = None
        self.data = self.validation = None
        self.shown_epoch = None
        self._next_sample = 0
        self.set_state("ready")

    # ------------------------------------------------------------ preparing
    def prepare(self) -> bool:
        """Compile the document and load the data, keeping trained weights that still fit.

        Returns False (and emits ``message``, keeping the reason in ``problem``)
        when that is impossible.
        """
        previous = self.compiled
        try:
            compiled, data, validation = prepare_training(self.document, self.settings, previous)
        except NnsimError as exc:
            self._refuse(str(exc))
            return False
        self.problem = None
        self.data, self.validation = data, validation
        self._prepared_for = self._what_it_depends_on()
        if previous is not None and compiled.initialised and compiled.kept:
            self.events.message.emit(
                translate(
                    "SessionTraining",
                    "The network changed: {kept} trained weights kept, "
                    "{initialised} new ones initialised.",
                ).format(kept=compiled.kept, initialised=compiled.initialised)
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
        return self.compiled is not None and self._prepared_for[0] == self.document.snapshot()

    @property
    def up_to_date(self) -> bool:
        """Whether the network and data prepared last are what the document and settings say now."""
        return self.compiled is not None and self._prepared_for == self._what_it_depends_on()

    def catch_up(self) -> bool:
        """Compile an edited document now, keeping the trained weights that fit (not while a
        run holds the network); True when the compiled network is the document's."""
        if not (self.busy or self.network_up_to_date):
            self.prepare()
        return self.network_up_to_date

    def restore(self, weights, biases, history: dict) -> None:
        """Put saved weights, biases and error history back (after opening a project).

        ``weights`` None leaves the freshly initialised network; ``history``
        holds "train", "validation", "accuracy" and "epochs" arrays, one value per kept epoch.
        """
        self.end_run_now("ready")
        self.history.clear()
        self.insight.clear()
        train = history.get("train")
        if train is not None and len(train):
            self.history.restore(
                train, history.get("validation"), history.get("accuracy"), history.get("epochs")
            )
        self.snapshots.clear()
        if self.compiled is not None:  # the views hear of it with everything in place
            if weights is not None:
                self.compiled.network.set_parameters(weights, biases)
            self._use(self.compiled)
        self.set_state("ready")

    def _refuse(self, reason: str) -> None:
        """Training cannot start: keep the reason in ``problem`` and say it."""
        self.problem = reason
        self.events.message.emit(reason)

    def _use(self, compiled: CompiledNetwork) -> None:
        self.compiled = compiled
        self.display_network = copy.deepcopy(compiled.network)
        self._show_latest_epoch()
        structure = _structure(compiled)
        if structure != self._snapshot_structure:
            self.snapshots.clear()  # another network (or biases off): its past is not this one's
            self.insight.clear()
            self._snapshot_structure = structure
        self.snapshots.offer(self.history.count, *compiled.network.parameters())
        self.events.network_changed.emit(compiled)

    # ---------------------------------------------------------------- runs
    def start_run(self, max_epochs: int | None = None, paced: bool = False) -> bool:
        """Begin a run (not yet advanced); False, saying why, if there cannot be one.

        ``max_epochs`` None trains the epochs still to go of the Epochs setting
        (a total since the last reset).  ``paced`` runs keep to the Speed setting
        (the window's, so that training can be watched) and report every epoch.
        """
        if not self.prepare():
            return False
        remaining = self.settings["max_epochs"] - self.history.count
        epochs = remaining if max_epochs is None else max_epochs
        if epochs < 1:
            self._refuse(
                translate(
                    "SessionTraining",
                    "All {epochs} epochs set are trained: raise Epochs to "
                    "train on, or reset the weights to start again.",
                ).format(epochs=f"{self.settings['max_epochs']:,}")
            )
            return False
        config = self.settings.training_config(
            max_epochs=epochs,
            report_interval=REPORT_INTERVAL,
            include_weights=True,
            include_insight=True,
            first_epoch=self.history.count,  # a schedule goes on where the last run stopped
        )
        threads = self._limit_blas(config.batch_size)
        self.run = self._new_run(config, threads)
        self._paced = paced
        self.run.set_speed(self._speed())
        self._epoch_offset = self.history.count
        return True

    def _new_run(self, config, threads: int) -> RunPacing:
        """A run of ``config`` on the compiled network: in a training process when
        ``train_in_process`` (and one can start), else in this process."""
        arguments = (self.compiled.network, self.data, self.validation, config)
        if self.train_in_process:
            try:
                return ProcessRun(*arguments, threads=threads)
            except TrainingProcessError:
                pass  # (no process can start here: this one trains, as before)
        return TrainingRun(*arguments)

    def _limit_blas(self, batch_size: int | None) -> int:
        """Hold BLAS to the threads this run's network and batch want, until it ends (set
        and put back in this thread: threadpoolctl lets one thread set OpenBLAS's count);
        returns that count."""
        self._release_blas()
        network, rows = self.compiled.network, len(self.data.X)
        sizes = getattr(network, "layer_sizes", (network.n_inputs, network.n_outputs))
        threads = blas_threads(sizes, min(batch_size or rows, rows), self.window_open)
        self._blas_limit = limit_blas(threads)
        return threads

    def _release_blas(self) -> None:
        if self._blas_limit is not None:
            self._blas_limit.restore_original_limits()
            self._blas_limit = None

    def _speed(self) -> float | None:
        """Epochs a second a run keeps to (None: as fast as it can)."""
        return epochs_per_second(self.settings["speed"]) if self._paced else None

    def train(self, max_epochs: int | None = None):
        """Train in this thread: a generator of reports (epochs counted since the last reset).

        Trains ``max_epochs`` more epochs (None: those still to go of the Epochs
        setting), keeping the history, snapshots and weights shown as the window
        does, and returns the run's :class:`~nnsim.engine.training.TrainingSummary`.
        Stopping the loop early (``break``) ends the run with the weights of the
        last whole epoch.

        Raises
        ------
        NnsimError
            When training cannot start (see ``problem``) or stops on an error
            (divergence: the weights are the last good ones).
        """
        if self.busy:
            raise ConfigError(
                translate(
                    "SessionTraining", "This session is already training; stop that run first."
                )
            )
        if not self.start_run(max_epochs):
            raise ConfigError(self.problem)
        run = self.run
        self.set_state("training")
        try:
            for report in drive(run):
                yield self.take_report(report)
        except NnsimError as exc:
            self.fail(exc)
            raise
        finally:
            if self.run is run and run.summary is None:  # the loop was left early
                self.end_run("stopped")
        self.finish(run.summary)
        return run.summary

    def take_report(self, report):
        """Keep a run's report: history, snapshot, weights shown; returns it, epochs since reset."""
        offset = self._epoch_offset
        report = dataclasses.replace(
            report, epoch=report.epoch + offset, max_epochs=report.max_epochs + offset
        )
        self.history.extend(report.losses, report.validation_loss, report.accuracy)
        self.insight.take(report)
        if report.weights is not None:
            self.display_network.set_parameters(report.weights, report.biases)
            self.snapshots.offer(report.epoch, report.weights, report.biases)
        self.latest = report
        self._show_latest_epoch()
        self.events.weights_changed.emit()
        self.events.reported.emit(report)
        return report

    def step(self) -> bool:
        """Train exactly one epoch, in this thread, then stay paused; False if it cannot.

        Only while no worker advances the run (not started, or paused).
        """
        if self.state in ("training", "pausing"):
            return True
        if self.run is None and not self.start_run(paced=True):
            return False
        while self.run.asked_ahead:  # (it paused just as its process was asked on: those first)
            if not self._advance_and_show():
                return True
        self.run.patch(report_interval=0.0)
        if self._advance_and_show():
            self.set_state("paused")
        return True

    def _advance_and_show(self) -> bool:
        """Advance the run once, in this thread, and take its report; False if the run ended."""
        try:
            report = self.run.advance()
        except NnsimError as exc:
            self.fail(exc)
            return False
        self.run.set_speed(self._speed())  # and its report interval
        if report is not None:
            self.take_report(report)
        if report is None or report.stop_reason:  # the run's last epoch is done
            if report is not None:
                self.run.advance()
            self.finish(self.run.summary)
            return False
        return True

    def set_live(self, name: str, value) -> None:
        """Send a learning rate, momentum or speed into the run (from its next epoch)."""
        if self.run is None or name not in LIVE_SETTINGS:
            return
        if name == "speed":
            if self._paced:
                self.run.set_speed(epochs_per_second(value))
        else:
            self.run.patch(**{name: value})

    def finish(self, summary) -> None:
        """The run ended by itself (its epochs done, its target reached): say how."""
        self.events.message.emit(summary.message)
        self.end_run("finished")

    def fail(self, exc: NnsimError) -> None:
        """The run stopped on an error; after a divergence the weights are the last good ones."""
        if isinstance(exc, DivergenceError) and exc.epoch is not None:
            # The weights went back to epoch exc.epoch: the history and display follow.
            self.history.extend(exc.losses)
            self.history.truncate(self._epoch_offset + exc.epoch)
            self.insight.truncate(self._epoch_offset + exc.epoch)
            self.display_network = copy.deepcopy(self.compiled.network)
            self.events.network_changed.emit(self.compiled)
        self.events.failed.emit(str(exc))
        self.end_run("stopped")

    def end_run(self, state: str, close: bool = True) -> None:
        """Forget the run and take ``state``.  ``close`` False: a worker still holds it."""
        if self.run is not None and close:
            self.run.close()
        self.run = None
        self._release_blas()
        self.set_state(state)

    def add_thread_stopper(self, stop) -> None:
        """``stop()`` stops a thread working on this session's network or memory, and waits.

        The window's training worker and Hopfield recall add theirs; a script works
        in its own thread and needs none.  They are called before the network or
        memory is taken away (a reset, another document).
        """
        self._thread_stoppers.append(stop)

    def stop_threads(self) -> None:
        """Stop every thread working on this session's network or memory, and wait for them."""
        for stop in self._thread_stoppers:
            stop()

    def end_run_now(self, state: str) -> None:
        """Stop the run wherever it is advanced (a worker thread too), then :meth:`end_run`."""
        self.stop_threads()
        self.end_run(state)

    def abandon_run(self) -> None:
        """Go on without a run still executing in another thread, which will not stop.

        Its network stays with it (a training process is killed); the session goes
        on with a copy holding the weights shown (the last report's).
        """
        self.run.abandon()  # its generator is still executing: it must not be closed here
        self.run = None
        self._release_blas()
        self.compiled = dataclasses.replace(
            self.compiled, network=copy.deepcopy(self.display_network)
        )
        self.set_state("stopped")
        self.events.message.emit(
            translate(
                "SessionTraining",
                "Training was still inside one long batch: the run was left there, and the "
                "network keeps the weights of the last epoch shown.",
            )
        )

    def _show_latest_epoch(self) -> None:
        """The weights shown are the latest again (a report, a step, going back to the end)."""
        if self.shown_epoch is not None:
            self.shown_epoch = None
            self.events.rewound.emit(None)

    # ------------------------------------------------------------- changes
    def reset(self) -> None:
        """End any run, then new random weights from the seed and an empty history."""
        self.end_run_now("ready")
        before = None if self.compiled is None else self.compiled.network.parameters()
        had_history = self.history.count > 0
        self.history.clear()
        self.insight.clear()
        self.snapshots.clear()
        self.latest = self.compiled = None
        self._next_sample = 0
        self.prepare()
        if had_history or (before is not None and not _same_parameters(before, self.compiled)):
            self.events.weights_changed.emit()

    def step_sample(self) -> None:
        """Show the network the next training sample (in order) and make its update.

        A perceptron learns by its rule (a Rosenblatt perceptron only from a
        mistake); an MLP takes one backpropagation step on that sample alone.
        Emits ``message`` saying which sample it was and what changed, then
        ``sample_stepped`` with its row.
        """
        if self.state in ("training", "pausing"):
            return
        if self.run is None and not self.up_to_date and not self.prepare():
            return  # (preparing afresh each time would clear the plot's trail of lines)
        row = self._next_sample % self.data.n_samples
        x, t = self.data.X[row], self.data.T[row]
        settings = self.settings
        options = {name: settings[name] for name in ("learning_rate", "momentum", "optimizer")}
        try:
            step = learn_one_sample(
                self.compiled.network, x, t, **options, l1=settings["l1"], l2=settings["l2"]
            )
        except DivergenceError as exc:
            self._next_sample += 1
            failed = translate("SessionTraining", "Sample {number} {problem}")
            self.events.failed.emit(failed.format(number=row + 1, problem=exc))
            return
        self._next_sample += 1
        self.display_network.set_parameters(*self.compiled.network.parameters())
        self._show_latest_epoch()
        self.events.message.emit(describe(step, row, self.data.n_samples))
        self.events.weights_changed.emit()
        self.events.sample_stepped.emit(row)


def _same_parameters(parameters, compiled: CompiledNetwork | None) -> bool:
    """Whether ``compiled``'s network has exactly ``parameters`` (weights, biases)."""
    if compiled is None:
        return False
    now = compiled.network.parameters()
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
        compiled.network.has_bias,
        None if masks is None else tuple(m.tobytes() for m in masks),
    )
