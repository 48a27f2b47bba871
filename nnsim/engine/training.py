"""The training loop, as a generator of small reports.

:func:`train` runs epochs of :meth:`MLP.train_epoch`, :meth:`Perceptron.train_epoch`
or :meth:`RBM.train_epoch` and yields a :class:`TrainingReport` at most
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

from nnsim.engine import insight
from nnsim.engine.datasets import Dataset
from nnsim.engine.metrics import accuracy, labels_from_outputs
from nnsim.engine.runner import Runner, check_learning_rate, check_momentum, check_schedule
from nnsim.errors import ConfigError, DivergenceError, EpochInterrupted
from nnsim.text import translate

#: The most of a run's time its insight (``include_insight``) may take: on digits
#: (64-100-10, 1,438 samples) one costs 1-3 ms, which at every report (30 a second) took
#: 15% of the run; a report after one costing c seconds carries none until c / share later.
INSIGHT_SHARE = 0.03


@dataclass(frozen=True)
class TrainingConfig:
    r"""Settings of one training run.

    Attributes
    ----------
    learning_rate, momentum : float
        The learning rate is :math:`\eta_0`, where the schedule starts (for
        rprop and irprop- the first step :math:`\Delta_0`, which no schedule changes).
    optimizer : {"sgd", "adam", "rprop", "irprop-"}
    lr_schedule : {"constant", "step", "exponential"}
        How the learning rate falls with the epoch :math:`t` (0 the first since
        the last reset): :math:`\eta_0`, :math:`\eta_0 \gamma^{\lfloor t/s \rfloor}`
        or :math:`\eta_0 \gamma^t` (:func:`nnsim.engine.runner.scheduled_rate`).
    lr_decay : float
        :math:`\gamma`, in (0, 1].
    lr_step : int
        :math:`s`, epochs per step of the "step" schedule (at least 1).
    first_epoch : int
        Epochs trained before this run since the last reset: the schedule's
        :math:`t` starts there, so a run continued goes on where the last stopped.
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
    cd_steps : int
        :math:`k`, the Gibbs steps of each contrastive-divergence update (RBM only).
    persistent : bool
        Persistent chains (PCD) rather than chains started at the data (RBM only).
    input_noise : float
        :math:`\sigma`: each epoch trains on :math:`x + \varepsilon`, a fresh
        :math:`\varepsilon \sim N(0, \sigma^2)` per input of each sample, drawn from the
        run's seeded generator; validation, accuracy and reports use the clean inputs
        (:meth:`nnsim.engine.runner.Runner.noisy`).
    shuffle : bool
        New random sample order every epoch.
    seed : int or None
        Seed of the shuffling.
    report_interval : float
        Seconds between reports (1/30 by default).
    include_weights : bool
        Put copies of the weights and biases into every report.
    include_insight : bool
        Put each layer's gradient size and update ratio (MLP only) and each
        training sample's error into the reports (see :mod:`nnsim.engine.insight`):
        the first and last, and the others as often as :data:`INSIGHT_SHARE` allows.
    """

    learning_rate: float = 0.5
    momentum: float = 0.0
    optimizer: str = "sgd"
    lr_schedule: str = "constant"
    lr_decay: float = 1.0
    lr_step: int = 100
    first_epoch: int = 0
    batch_size: int | None = None
    max_epochs: int = 1000
    target_error: float | None = None
    patience: int | None = None
    l1: float = 0.0
    l2: float = 0.0
    cd_steps: int = 1
    persistent: bool = False
    input_noise: float = 0.0
    shuffle: bool = True
    seed: int | None = 0
    report_interval: float = 1.0 / 30.0
    include_weights: bool = False
    include_insight: bool = False

    def __post_init__(self):
        check_learning_rate(self.learning_rate)
        check_momentum(self.momentum)
        check_schedule(self.lr_schedule, self.lr_decay, self.lr_step)
        if not (isinstance(self.first_epoch, int) and self.first_epoch >= 0):
            raise ConfigError(
                f"first_epoch must be a whole number from 0, "  # not translated: API misuse
                f"not {self.first_epoch!r}."
            )
        if self.max_epochs is None or int(self.max_epochs) < 1:
            message = translate("Training", "The number of epochs must be at least 1, not {value}.")
            raise ConfigError(message.format(value=self.max_epochs))
        if self.batch_size is not None and int(self.batch_size) < 1:
            message = translate("Training", "The batch size must be at least 1, not {value}.")
            raise ConfigError(message.format(value=self.batch_size))
        if self.patience is not None and int(self.patience) < 1:
            message = translate("Training", "The patience must be at least 1 epoch, not {value}.")
            raise ConfigError(message.format(value=self.patience))
        if self.target_error is not None and not self.target_error >= 0:
            message = translate("Training", "The target error must be 0 or more, not {value}.")
            raise ConfigError(message.format(value=self.target_error))
        if not (self.l1 >= 0 and self.l2 >= 0):
            raise ConfigError(translate("Training", "The L1 and L2 penalties must be 0 or more."))
        if not (isinstance(self.cd_steps, int) and self.cd_steps >= 1):
            message = translate(
                "Training", "The Gibbs steps per update (k) must be at least 1, not {value}."
            )
            raise ConfigError(message.format(value=self.cd_steps))
        if not (math.isfinite(self.input_noise) and self.input_noise >= 0):
            message = translate("Training", "The input noise must be 0 or more, not {value}.")
            raise ConfigError(message.format(value=self.input_noise))


@dataclass(frozen=True)
class TrainingReport:
    """Where training stands after ``epoch`` epochs.

    ``losses`` holds the training loss of every epoch since the previous
    report (so a plot misses none); ``validation_loss`` and ``accuracy``
    (training set, classification only) are None where they do not apply.
    ``weights`` and ``biases`` are copies, present when the config asks;
    so are ``gradient_sizes`` and ``update_ratios`` (one per weight layer,
    MLP only) and ``sample_errors`` (one per training sample, shape (n,)),
    described in :mod:`nnsim.engine.insight`.
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
    gradient_sizes: tuple[float, ...] | None = None
    update_ratios: tuple[float, ...] | None = None
    sample_errors: np.ndarray | None = None


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
        raise ConfigError(
            "Training data must be a Dataset or a pair (X, T)."  # not translated: API misuse
        ) from None
    T = np.asarray(T, dtype=np.float64)
    return np.asarray(X, dtype=np.float64), T, bool(T.size) and bool(np.isin(T, (0, 1)).all())


class _Loop:
    """The state of one run between reports: epochs, stop rules, pending losses."""

    def __init__(self, net, data, config: TrainingConfig, validation, should_stop=None):
        self.config = config
        self.runner = Runner(net, config, should_stop)
        self.X, self.T, self.classification = _data_arrays(data)
        self.classification &= not self.runner.is_rbm  # (an RBM reconstructs, classifying none)
        self.y_true = labels_from_outputs(self.T) if self.classification else None
        self.Xv = self.Tv = None
        if validation is not None:
            self.Xv, self.Tv, _ = _data_arrays(validation)
        if config.patience and self.Xv is None:
            raise ConfigError(
                translate("Training", "Early stopping (patience) needs validation data.")
            )
        self.report_interval = config.report_interval
        self.insight = config.include_insight
        self.insight_due = 0.0  # perf_counter() from which the next report carries insight
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
            raise ConfigError(
                f"The report interval must be 0 s or more, "  # not translated: API misuse
                f"not {interval!r}."
            )
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
            what = translate("Training", "the error became {loss}").format(loss=exc.loss)
            raise self._diverged(what, exc.loss, kept) from None
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
            what = translate("Training", "the weights became too large to hold")
            raise self._diverged(what, math.nan, kept)

    def _diverged(self, what: str, loss: float, kept: int) -> DivergenceError:
        """The error saying training diverged (``what`` happened, translated), back at epoch
        ``kept``."""
        runner = self.runner
        message = translate(
            "Training",
            "Training diverged in epoch {epoch}: {what}. The weights are back to where they were "
            "after epoch {kept}. Try a smaller learning rate (it is {rate}){penalties}.",
        )
        return DivergenceError(
            message.format(
                epoch=self.epoch,
                what=what,
                kept=kept,
                rate=f"{runner.settings['learning_rate']:g}",
                penalties=runner.penalties(),
            ),
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
        # Insight at the last report, and otherwise when due (it costs at most INSIGHT_SHARE).
        with_insight = self.insight and (now >= self.insight_due or self.stop_reason is not None)
        outputs = self.runner.net.predict(self.X) if self.classification or with_insight else None
        report = TrainingReport(
            epoch=self.epoch,
            max_epochs=self.config.max_epochs,
            train_loss=self.loss,
            losses=np.array(self.pending_losses),
            validation_loss=self.validation_loss,
            accuracy=accuracy(self.y_true, labels_from_outputs(outputs))
            if self.classification
            else None,
            elapsed=now - self.start,
            learning_rate=self.runner.settings["learning_rate"],
            momentum=self.runner.settings["momentum"],
            weights=weights,
            biases=biases,
            stop_reason=self.stop_reason,
            **(self._insight(outputs, now) if with_insight else {}),
        )
        self.pending_losses = []
        self.latest = report
        return report

    def _insight(self, outputs: np.ndarray, now: float) -> dict:
        """The gradient sizes, update ratios and sample errors of a report (``include_insight``);
        the next are due when this one's cost is :data:`INSIGHT_SHARE` of the time since."""
        runner, net = self.runner, self.runner.net
        if runner.is_rbm:  # without targets: each sample's reconstruction error
            found = {"sample_errors": np.mean((self.X - outputs) ** 2, axis=1)}
        else:
            found = {"sample_errors": insight.sample_errors(net, outputs, self.T)}
        if runner.is_mlp:
            weights = net.parameters()[0]
            found["gradient_sizes"] = insight.gradient_sizes(net, self.X, self.T)
            found["update_ratios"] = insight.update_ratios(runner.epoch_start_weights, weights)
        self.insight_due = now + (time.perf_counter() - now) / INSIGHT_SHARE
        return found

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
    net : MLP, Perceptron or RBM
    data : Dataset or (X, T)
        X of shape (n, n_inputs), T of shape (n, n_outputs).  An RBM learns X alone
        (any T, even (n, 0)); its loss is the reconstruction error, with no accuracy.
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
    """Why the run ended, in words (translated)."""
    if reason == "target_error":
        message = translate("Training", "Reached the target error {target} after {epoch} epochs.")
        return message.format(target=f"{config.target_error:g}", epoch=epoch)
    if reason == "no_improvement":
        message = translate(
            "Training", "Stopped after {epoch} epochs: no validation improvement in {patience}."
        )
        return message.format(epoch=epoch, patience=config.patience)
    if reason == "stopped":
        message = translate("Training", "Stopped, as asked, after epoch {epoch}.")
        return message.format(epoch=f"{epoch:,}")
    return translate("Training", "Finished all {epoch} epochs.").format(epoch=epoch)
