"""One training run: what it needs (made the same way everywhere), and the generator that runs it.

:func:`prepare_training` compiles the document with the settings' loss,
initialiser and seed, loads the data as the settings say, and checks that
the two fit.  A :class:`TrainingRun` wraps one engine training generator;
:func:`drive` is the generator that advances it, in a script
(:meth:`~nnsim.model.session.Session.train`) or in the window's worker thread.
"""

import dataclasses
import threading
import time

import numpy as np

from nnsim.engine import MLP, RBM, Perceptron, train
from nnsim.engine.datasets import Dataset
from nnsim.engine.features import derived_in, derived_names
from nnsim.errors import ConfigError
from nnsim.model.compiler import CompiledNetwork, compile
from nnsim.model.document import NetworkDocument
from nnsim.model.rbm_data import rbm_training_data
from nnsim.model.run_data import training_data
from nnsim.model.settings import Settings
from nnsim.text import translate

#: Seconds between reports while running (the engine's default, ~30 per second).
REPORT_INTERVAL = 1.0 / 30.0
#: The longest a speed limit makes the worker wait at once, in seconds.
MAX_WAIT = 0.1


def prepare_training(
    document: NetworkDocument, settings: Settings, previous: CompiledNetwork | None = None
) -> tuple[CompiledNetwork, Dataset, Dataset | None]:
    """(compiled network, training part, validation part or None) for ``document``.

    ``previous`` lends its trained weights to the neurons both networks have
    (see :func:`~nnsim.model.compile`).  A Boltzmann machine's data are binarised
    (:func:`~nnsim.model.rbm_data.rbm_training_data`).

    Raises
    ------
    NnsimError
        Saying why not: a topology that is no network, data that cannot be
        made, or data whose inputs or targets do not fit the network.
    """
    if document.kind == "rbm":
        data, validation = rbm_training_data(settings)
    else:
        data, validation = training_data(settings)
    compiled = compile(
        document,
        loss=settings["loss"],
        init=settings["init"],
        init_limit=settings["init_limit"],
        rng=settings["seed"],
        previous=previous,
    )
    check_sizes(compiled, data)
    return compiled, data, validation


def check_sizes(compiled: CompiledNetwork, data: Dataset) -> None:
    """Refuse data whose inputs or targets do not fit the network's first and last layers."""
    net = compiled.network
    if isinstance(net, RBM):
        if data.X.shape[1] != net.n_visible:
            raise ConfigError(
                translate(
                    "TrainingRun",
                    "The data set {name} has {inputs} values per sample, but the Boltzmann "
                    "machine has {visible} visible neurons. Make the visible layer {inputs} "
                    "neurons, or choose another data set.",
                ).format(name=repr(data.name), inputs=data.X.shape[1], visible=net.n_visible)
            )
        return
    if not isinstance(net, MLP | Perceptron):
        raise ConfigError(
            translate(
                "TrainingRun",
                "A Hopfield network stores patterns rather than training on a data set; "
                "it cannot be trained on data.",
            )
        )
    n_in, n_out = data.X.shape[1], data.T.shape[1]
    if (net.n_inputs, net.n_outputs) != (n_in, n_out):
        derived = derived_names(derived_in(data.feature_names))
        inputs = (
            translate("TrainingRun", "{count} inputs ({derived} derived from its own)").format(
                count=n_in, derived=", ".join(derived)
            )
            if derived
            else translate("TrainingRun", "{count} inputs").format(count=n_in)
        )
        raise ConfigError(
            translate(
                "TrainingRun",
                "The data set {name} has {inputs} and {targets} target(s), but the network "
                "has {input_neurons} input and {output_neurons} output neurons. Change the "
                "layers or choose another data set.",
            ).format(
                name=repr(data.name),
                inputs=inputs,
                targets=n_out,
                input_neurons=net.n_inputs,
                output_neurons=net.n_outputs,
            )
        )


class RunPacing:
    """What every run shares however it trains: its speed limit, patches and stop requests.

    The worker thread advances a run while running; the GUI thread advances it
    (a step) only while the worker is paused or not started.  ``patch`` may
    be called from either thread at any time: the next ``advance`` sends it
    in.  ``ask_to_stop`` (any thread) ends even a long epoch at its next
    mini-batch.  Subclasses provide ``advance()`` (the next report, None when
    the run has ended, ``summary`` then set), ``close()`` and ``abandon()``.
    """

    #: Whether the run trains in another process (drawing beside it then costs it nothing).
    apart = False
    #: Whether the next report was asked for before this side read the last (only apart).
    asked_ahead = False

    def __init__(self):
        self._patch: dict = {}
        self._lock = threading.Lock()
        self.summary = None
        self._speed: float | None = None
        self._pace_origin: tuple[float, int] | None = None
        self._interrupted = False

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

        The next epoch is due ``1 / speed`` seconds after this one (counted
        from the first epoch paced, so waits do not add up drift).  The wait
        goes in slices of at most ``MAX_WAIT`` seconds and ends early after
        :meth:`interrupt`, so pause and stop answer quickly even at one epoch
        a second.
        """
        speed, now = self._speed, time.perf_counter()
        if speed is None:
            return
        if self._pace_origin is None:
            self._pace_origin = (now, epoch)
        start, first = self._pace_origin
        due = start + (epoch + 1 - first) / speed
        while (left := due - time.perf_counter()) > 0 and not self._interrupted:
            time.sleep(min(left, MAX_WAIT))

    def interrupt(self) -> None:
        """Cut a speed limit's wait short: the worker is to pause or stop (any thread)."""
        self._interrupted = True

    @property
    def interrupted(self) -> bool:
        """Whether the worker was asked to pause or stop since it last started."""
        return self._interrupted

    def restart_pace(self) -> None:
        """Count the speed from now (after a pause: the paused time is not owed)."""
        self._pace_origin = None
        self._interrupted = False

    def patch(self, **changes) -> None:
        with self._lock:
            self._patch.update(changes)

    def _take_patch(self) -> dict:
        """The changes patched in since the last advance (and none after)."""
        with self._lock:
            patch, self._patch = self._patch, {}
        return patch


class TrainingRun(RunPacing):
    """One engine training generator, advanced in this process by one thread at a time."""

    def __init__(self, network, data, validation, config):
        super().__init__()
        self._stop_asked = threading.Event()
        self._generator = train(
            network, data, config, validation=validation, should_stop=self._stop_asked.is_set
        )
        self._started = False

    def ask_to_stop(self) -> None:
        """End the run at the next mini-batch, undoing the epoch it is in (any thread)."""
        self._stop_asked.set()
        self.interrupt()

    def advance(self, ahead: bool = False):
        """Train until the next report and return it; None when the run has ended.

        ``ahead`` is for a run in another process (:class:`~nnsim.model.training_process.
        ProcessRun`): one in this process trains only while it is advanced.
        """
        try:
            if not self._started:
                self._started = True
                return next(self._generator)  # a patch waits for the first report
            return self._generator.send(self._take_patch() or None)
        except StopIteration as stop:
            self.summary = stop.value
            return None

    def close(self) -> None:
        self._generator.close()

    def abandon(self) -> None:
        """Go on without this run, which is still executing in another thread (it cannot be
        closed under it, and is left to end its batch)."""


def drive(run: TrainingRun):
    """The worker's generator: the reports of ``run``, at most ~30 a second, until it ends.

    Under a speed limit the run reports every epoch (so the worker can wait
    between epochs); those reports are merged here, so the GUI thread still
    gets about 30 a second however fast the epochs come.  At full speed a run
    in another process is advanced ``ahead``: it trains the next report while
    this side hands on the last.
    """
    pending, last_yield = [], 0.0
    while (report := run.advance(ahead=not run.paced)) is not None:
        pending.append(report)
        if run.asked_ahead and run.interrupted:
            continue  # a pause came just as the next report was asked for: take it too
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
