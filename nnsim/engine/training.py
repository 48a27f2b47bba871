"""The training loop, as a generator of small reports.

:func:`train` runs epochs of :meth:`MLP.train_epoch` or
:meth:`Perceptron.train_epoch` and yields a :class:`TrainingReport` at most
about 30 times a second (and always after the first and the last epoch), so a
test, the command line and a GUI worker can all drive it::

    run = train(net, datasets.xor(), TrainingConfig(learning_rate=0.5))
    for report in run:
        print(report.epoch, report.train_loss)

Between epochs it takes a settings patch through ``send()``, e.g.
``run.send({"learning_rate": 0.1})``; the patch applies from the next epoch.
A ``should_stop`` callable, asked between mini-batches (and every few hundred
samples of a perceptron), ends a long epoch early: its updates are undone and
the run ends "stopped", so a window can stop a run whose epochs take minutes.
It stops on the first of: ``max_epochs`` reached, training loss at or below
``target_error``, no validation improvement for ``patience`` epochs, or a NaN
or infinite loss, which raises :class:`~nnsim.errors.DivergenceError` after
putting back the weights from before the epoch that went wrong.  The weights
themselves are checked before every report and after the last epoch (an
epoch's loss, measured before its update, cannot see the last update, and a
saturated output hides an infinite weight): non-finite ones raise the same
error, with the newest finite weights put back.  The
generator's return value (``StopIteration.value``) is a
:class:`TrainingSummary`.  It prints nothing.
"""

import math
import time
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from nnsim.engine._checks import as_rng
from nnsim.engine.datasets import Dataset
from nnsim.engine.metrics import accuracy, labels_from_outputs
from nnsim.engine.mlp import MLP
from nnsim.engine.perceptron import Perceptron
from nnsim.errors import ConfigError, DivergenceError, EpochInterrupted

#: What a patch sent into a running :func:`train` may change (the settings a person
#: may edit while training runs are :data:`nnsim.model.settings.LIVE_SETTINGS`).
#: ``report_interval`` 0 makes the next report come after one epoch, so a GUI can
#: step epoch by epoch.
PATCHABLE_SETTINGS = ("learning_rate", "momentum", "report_interval")


@dataclass(frozen=True)
class TrainingConfig:
    """Settings of one training run.

    Attributes
    ----------
    learning_rate, momentum : float
    optimizer : {"sgd", "adam"}
    batch_size : int or None
        None trains on the full batch (MLP only; perceptrons go sample by sample).
    max_epochs : int
    target_error : float or None
        Stop once the training loss is at or below this (0 stops a Rosenblatt
        perceptron when it makes no mistakes).
    patience : int or None
        Stop after this many epochs without a lower validation loss.
    l1, l2 : float
        Weight penalties (MLP only).
    shuffle : bool
        New random sample order every epoch.
    seed : int or None
        Seed of the shuffling.
    report_interval : float
        Seconds between reports (1/30 by default).
    include_weights : bool
        Put copies of the weights and biases into every report.
    """

    learning_rate: float = 0.5
    momentum: float = 0.0
    optimizer: str = "sgd"
    batch_size: int | None = None
    max_epochs: int = 1000
    target_error: float | None = None
    patience: int | None = None
    l1: float = 0.0
    l2: float = 0.0
    shuffle: bool = True
    seed: int | None = 0
    report_interval: float = 1.0 / 30.0
    include_weights: bool = False

    def __post_init__(self):
        _check_learning_rate(self.learning_rate)
        _check_momentum(self.momentum)
        if self.max_epochs is None or int(self.max_epochs) < 1:
            raise ConfigError(f"The number of epochs must be at least 1, not {self.max_epochs}.")
        if self.batch_size is not None and int(self.batch_size) < 1:
            raise ConfigError(f"The batch size must be at least 1, not {self.batch_size}.")
        if self.patience is not None and int(self.patience) < 1:
            raise ConfigError(f"The patience must be at least 1 epoch, not {self.patience}.")
        if self.target_error is not None and not self.target_error >= 0:
            raise ConfigError(f"The target error must be 0 or more, not {self.target_error}.")
        if not (self.l1 >= 0 and self.l2 >= 0):
            raise ConfigError("The L1 and L2 penalties must be 0 or more.")


def _check_learning_rate(value):
    if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
        raise ConfigError(f"The learning rate must be a positive number, not {value!r}.")


def _check_momentum(value):
    if not (isinstance(value, int | float) and 0 <= value < 1):
        raise ConfigError(f"The momentum must lie in [0, 1), not {value!r}.")


@dataclass(frozen=True)
class TrainingReport:
    """Where training stands after ``epoch`` epochs.

    ``losses`` holds the training loss of every epoch since the previous
    report (so a plot misses none); ``validation_loss`` and ``accuracy``
    (training set, classification only) are None where they do not apply.
    ``weights`` and ``biases`` are copies, present when the config asks.
    ``stop_reason`` is set on the last report of a run (as in the summary).
    """

    epoch: int
    max_epochs: int
    train_loss: float
    losses: np.ndarray
    validation_loss: float | None
    accuracy: float | None
    elapsed: float
    learning_rate: float
    momentum: float
    weights: tuple[np.ndarray, ...] | None = None
    biases: tuple[np.ndarray, ...] | None = None
    stop_reason: str | None = None


@dataclass(frozen=True)
class TrainingSummary:
    """How a run ended: ``stop_reason`` is max_epochs, target_error, no_improvement or stopped."""

    epochs: int
    train_loss: float
    validation_loss: float | None
    accuracy: float | None
    elapsed: float
    stop_reason: str
    message: str


def _data_arrays(data):
    """Return (X, T, is_classification) from a Dataset or an (X, T) pair."""
    if isinstance(data, Dataset):
        return data.X, data.T, data.task == "classification"
    try:
        X, T = data
    except (TypeError, ValueError):
        raise ConfigError("Training data must be a Dataset or a pair (X, T).") from None
    T = np.asarray(T, dtype=np.float64)
    return np.asarray(X, dtype=np.float64), T, bool(T.size) and bool(np.isin(T, (0, 1)).all())


class _Runner:
    """Wraps one network so the loop can treat perceptrons and MLPs alike."""

    def __init__(self, net, config: TrainingConfig, should_stop=None):
        if not isinstance(net, MLP | Perceptron):
            raise ConfigError(
                f"train() can train an MLP or a Perceptron, not {type(net).__name__}."
            )
        self.net = net
        self.is_mlp = isinstance(net, MLP)
        self.rng = as_rng(config.seed)
        self.settings = {
            name: getattr(config, name)
            for name in ("learning_rate", "momentum", "optimizer", "batch_size", "l1", "l2")
        }
        self.shuffle = config.shuffle
        self.should_stop = should_stop
        self._check_settings()
        self.parameters = self._live_parameters()
        # The weights at the start of this epoch and of the one before: an epoch's error is
        # measured before its update, so a non-finite error in epoch k means the update of
        # epoch k-1 went wrong, and the weights to go back to are those before it.
        self.snapshots = ([p.copy() for p in self.parameters], [p.copy() for p in self.parameters])
        self.epochs_run = 0
        #: Weights last seen finite (at a report), and after how many epochs.
        self.checkpoint = [p.copy() for p in self.parameters]
        self.checkpoint_epoch = 0

    def _check_settings(self):
        if not self.is_mlp and (
            self.settings["momentum"] or self.settings["l1"] or self.settings["l2"]
        ):
            raise ConfigError(
                "A perceptron learns by its own rule: momentum and L1/L2 penalties apply "
                "to MLPs only. Set them to 0."
            )

    def _live_parameters(self):
        weights, biases = self.net.parameters()
        return [*weights, *biases]

    def patch(self, changes: dict) -> None:
        unknown = set(changes) - set(PATCHABLE_SETTINGS)
        if unknown:
            raise ConfigError(
                f"Only {', '.join(PATCHABLE_SETTINGS)} can change while training runs, "
                f"not {', '.join(sorted(unknown))}."
            )
        if "learning_rate" in changes:
            _check_learning_rate(changes["learning_rate"])
        if "momentum" in changes:
            _check_momentum(changes["momentum"])
        self.settings.update(
            {name: value for name, value in changes.items() if name != "report_interval"}
        )
        self._check_settings()

    def epoch(self, X, T) -> float:
        self.snapshots = self.snapshots[::-1]  # [0]: start of this epoch, [1]: of the last
        for saved, live in zip(self.snapshots[0], self.parameters, strict=True):
            np.copyto(saved, live)
        self.epochs_run += 1
        try:
            loss = self._train_epoch(X, T)
        except EpochInterrupted:
            self.epochs_run -= 1
            for saved, live in zip(self.snapshots[0], self.parameters, strict=True):
                np.copyto(live, saved)  # the epoch never happened (and the run ends)
            if self.is_mlp:
                self.net.reset_optimizer()
            raise
        if not math.isfinite(loss):
            raise DivergenceError(f"The error became {loss}.", loss)
        return loss

    def _train_epoch(self, X, T) -> float:
        if self.is_mlp:
            return self.net.train_epoch(
                X, T, shuffle=self.shuffle, rng=self.rng, should_stop=self.should_stop,
                **self.settings,
            )  # fmt: skip
        return self.net.train_epoch(
            X, T, learning_rate=self.settings["learning_rate"], shuffle=self.shuffle,
            rng=self.rng, should_stop=self.should_stop,
        )  # fmt: skip

    def roll_back(self) -> int:
        """After a non-finite error: back to the weights from before the previous epoch.

        Returns how many epochs were undone (2, or 1 in the very first epoch).
        """
        undone = 2 if self.epochs_run > 1 else 1
        for saved, live in zip(self.snapshots[undone - 1], self.parameters, strict=True):
            np.copyto(live, saved)
        if self.is_mlp:
            self.net.reset_optimizer()
        return undone

    def weights_finite(self) -> bool:
        """Whether every weight is finite; if so, they become the checkpoint to go back to."""
        if not all(np.isfinite(p).all() for p in self.parameters):
            return False
        for saved, live in zip(self.checkpoint, self.parameters, strict=True):
            np.copyto(saved, live)
        self.checkpoint_epoch = self.epochs_run
        return True

    def roll_back_to_finite(self) -> int:
        """After non-finite weights: back to the newest finite ones; returns their epoch.

        The candidates are the weights from before this epoch's update, from
        before the last epoch's, and the checkpoint (always finite).
        """
        candidates = (
            (self.epochs_run - 1, self.snapshots[0]),
            (self.epochs_run - 2, self.snapshots[1]),
        )
        epoch, weights = self.checkpoint_epoch, self.checkpoint
        for candidate_epoch, saved in candidates:
            if candidate_epoch > epoch and all(np.isfinite(p).all() for p in saved):
                epoch, weights = candidate_epoch, saved
                break
        for saved, live in zip(weights, self.parameters, strict=True):
            np.copyto(live, saved)
        if self.is_mlp:
            self.net.reset_optimizer()
        return epoch

    def penalties(self) -> str:
        """', or smaller L1/L2 penalties (...)' when penalties are on, else ''."""
        l1, l2 = self.settings.get("l1", 0.0), self.settings.get("l2", 0.0)
        return f", or smaller L1/L2 penalties (they are {l1:g} and {l2:g})" if l1 or l2 else ""

    def error(self, X, T) -> float:
        return self.net.loss_value(X, T)

    def accuracy(self, X, y_true) -> float:
        return accuracy(y_true, labels_from_outputs(self.net.predict(X)))

    def weights_copy(self):
        weights, biases = self.net.parameters()
        return tuple(w.copy() for w in weights), tuple(b.copy() for b in biases)


class _Loop:
    """The state of one run between reports: epochs, stop rules, pending losses."""

    def __init__(self, net, data, config: TrainingConfig, validation, should_stop=None):
        self.config = config
        self.runner = _Runner(net, config, should_stop)
        self.X, self.T, self.classification = _data_arrays(data)
        self.y_true = labels_from_outputs(self.T) if self.classification else None
        self.Xv = self.Tv = None
        if validation is not None:
            self.Xv, self.Tv, _ = _data_arrays(validation)
        if config.patience and self.Xv is None:
            raise ConfigError("Early stopping (patience) needs validation data.")
        self.report_interval = config.report_interval
        self.start = self.last_pause = time.perf_counter()
        self.epoch = 0
        self.loss = math.nan
        self.validation_loss = None
        self.best_validation, self.epochs_since_best = math.inf, 0
        self.stop_reason = None
        self.pending_losses: list[float] = []
        self.last_report = self.start
        self.latest: TrainingReport | None = None

    def patch(self, changes: dict) -> None:
        """Apply a settings patch sent into :func:`train` (see ``PATCHABLE_SETTINGS``)."""
        interval = changes.get("report_interval", self.report_interval)
        if not (isinstance(interval, int | float) and interval >= 0):
            raise ConfigError(f"The report interval must be 0 s or more, not {interval!r}.")
        self.runner.patch(changes)
        self.report_interval = interval

    def run_until_report(self) -> TrainingReport:
        """Run epochs until a report is due (or training ends) and return it."""
        # Divergence is caught explicitly, so NumPy's overflow warnings are noise here.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            while True:
                self._one_epoch()
                now = time.perf_counter()
                if now - self.last_pause > 0.002:
                    time.sleep(0)  # let a GUI thread beside us take the GIL
                    self.last_pause = now
                if (
                    self.stop_reason
                    or self.epoch == 1
                    or now - self.last_report >= self.report_interval
                ):
                    self.last_report = now
                    self._check_weights()
                    return self._report(now)

    def _one_epoch(self) -> None:
        self.epoch += 1
        try:
            self.loss = self.runner.epoch(self.X, self.T)
        except EpochInterrupted:
            self.epoch -= 1
            self.stop_reason = "stopped"
            return
        except DivergenceError as exc:
            kept = self.epoch - self.runner.roll_back()
            raise self._diverged(f"the error became {exc.loss}", exc.loss, kept) from None
        self.pending_losses.append(self.loss)
        if self.Xv is not None:
            self.validation_loss = self.runner.error(self.Xv, self.Tv)
            if self.validation_loss < self.best_validation:
                self.best_validation, self.epochs_since_best = self.validation_loss, 0
            else:
                self.epochs_since_best += 1
        config = self.config
        if config.target_error is not None and self.loss <= config.target_error:
            self.stop_reason = "target_error"
        elif config.patience and self.epochs_since_best >= config.patience:
            self.stop_reason = "no_improvement"
        elif self.epoch >= config.max_epochs:
            self.stop_reason = "max_epochs"

    def _check_weights(self) -> None:
        """Raise DivergenceError, with the newest finite weights put back, if any is not finite."""
        if not self.runner.weights_finite():
            kept = self.runner.roll_back_to_finite()
            raise self._diverged("the weights became too large to hold", math.nan, kept)

    def _diverged(self, what: str, loss: float, kept: int) -> DivergenceError:
        """The error saying training diverged (``what`` happened), back at epoch ``kept``."""
        runner = self.runner
        return DivergenceError(
            f"Training diverged in epoch {self.epoch}: {what}. The weights are back to where "
            f"they were after epoch {kept}. Try a smaller learning rate (it is "
            f"{runner.settings['learning_rate']:g}){runner.penalties()}.",
            loss,
            epoch=kept,
            losses=self._unreported_losses(kept),
        )

    def _unreported_losses(self, kept: int) -> np.ndarray:
        """The losses of epochs up to ``kept`` that no report has handed out yet."""
        first_pending = self.epoch - len(self.pending_losses)  # the epoch of pending_losses[0]
        return np.array(self.pending_losses[: max(kept - first_pending + 1, 0)])

    def _report(self, now) -> TrainingReport:
        include = self.config.include_weights
        weights, biases = self.runner.weights_copy() if include else (None, None)
        report = TrainingReport(
            epoch=self.epoch,
            max_epochs=self.config.max_epochs,
            train_loss=self.loss,
            losses=np.array(self.pending_losses),
            validation_loss=self.validation_loss,
            accuracy=self.runner.accuracy(self.X, self.y_true) if self.classification else None,
            elapsed=now - self.start,
            learning_rate=self.runner.settings["learning_rate"],
            momentum=self.runner.settings["momentum"],
            weights=weights,
            biases=biases,
            stop_reason=self.stop_reason,
        )
        self.pending_losses = []
        self.latest = report
        return report

    def summary(self) -> TrainingSummary:
        return TrainingSummary(
            epochs=self.epoch,
            train_loss=self.loss,
            validation_loss=self.validation_loss,
            accuracy=self.latest.accuracy,
            elapsed=time.perf_counter() - self.start,
            stop_reason=self.stop_reason,
            message=_stop_message(self.stop_reason, self.epoch, self.config),
        )


def train(
    net, data, config: TrainingConfig | None = None, *, validation=None, should_stop=None
) -> Generator[TrainingReport, dict | None, TrainingSummary]:
    """Train ``net`` on ``data`` and yield :class:`TrainingReport` objects.

    Parameters
    ----------
    net : MLP or Perceptron
    data : Dataset or (X, T)
        X of shape (n, n_inputs), T of shape (n, n_outputs).
    config : TrainingConfig, optional
    validation : Dataset or (X, T), optional
        Held-out samples for the validation loss and ``patience``.
    should_stop : callable, optional
        Asked between mini-batches (any thread may make it True): True ends
        the run, as "stopped", with the interrupted epoch's updates undone.

    Returns
    -------
    TrainingSummary
        As the generator's return value.

    Raises
    ------
    DivergenceError
        When the loss or a weight becomes NaN or infinite; the weights are
        those from before the failing epoch (or, for a weight hidden behind a
        saturated output, the last report's).
    """
    loop = _Loop(net, data, config or TrainingConfig(), validation, should_stop)
    while loop.stop_reason is None:
        changes = yield loop.run_until_report()
        if changes:
            loop.patch(changes)
    return loop.summary()


def _stop_message(reason: str, epoch: int, config: TrainingConfig) -> str:
    if reason == "target_error":
        return f"Reached the target error {config.target_error:g} after {epoch} epochs."
    if reason == "no_improvement":
        return f"Stopped after {epoch} epochs: no validation improvement in {config.patience}."
    if reason == "stopped":
        return f"Stopped, as asked, after epoch {epoch:,}."
    return f"Finished all {epoch} epochs."
