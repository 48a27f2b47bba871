r"""One network under training, for :func:`nnsim.engine.train`'s loop.

:class:`Runner` runs an epoch of an MLP, a perceptron or a restricted Boltzmann
machine (all answer to the same names: ``parameters()``, ``train_epoch``,
``loss_value``), keeps the weights of the last two epoch starts and of the last
report, and puts them back when an epoch goes wrong or is interrupted.

Before each epoch it sets the learning rate the schedule gives for it
(:func:`scheduled_rate`), counting epochs from the last reset
(``TrainingConfig.first_epoch`` are those before this run), so its
``settings["learning_rate"]``, which reports carry, is the rate of the latest
epoch.  A learning rate patched in while the run goes becomes the new
:math:`\eta_0` from the next epoch on, with the epoch count unchanged: the
same rates as a run started again with that setting.
"""

import math
from typing import TYPE_CHECKING

import numpy as np

from nnsim.engine._checks import as_rng
from nnsim.engine.mlp import MLP
from nnsim.engine.perceptron import Perceptron
from nnsim.engine.rbm import RBM
from nnsim.errors import ConfigError, DivergenceError, EpochInterrupted
from nnsim.text import translate

if TYPE_CHECKING:
    from nnsim.engine.training import TrainingConfig

#: What a patch sent into a running :func:`train` may change (the settings a person
#: may edit while training runs are :data:`nnsim.model.settings.LIVE_SETTINGS`).
#: ``report_interval`` 0 makes the next report come after one epoch, so a GUI can
#: step epoch by epoch.
PATCHABLE_SETTINGS = ("learning_rate", "momentum", "report_interval")


#: Learning-rate schedules: how the rate changes from epoch to epoch (:func:`scheduled_rate`).
SCHEDULES = ("constant", "step", "exponential")


def scheduled_rate(rate: float, schedule: str, decay: float, step: int, epoch: int) -> float:
    r"""The learning rate :math:`\eta_t` of epoch ``epoch`` (:math:`t`, 0 the first).

    With :math:`\eta_0` = ``rate``, :math:`\gamma` = ``decay`` and :math:`s` = ``step``:

    .. math::

        \eta_t = \begin{cases}
            \eta_0 & \text{constant} \\
            \eta_0\, \gamma^{\lfloor t / s \rfloor} & \text{step} \\
            \eta_0\, \gamma^{t} & \text{exponential}
        \end{cases}
    """
    if schedule == "step":
        return rate * decay ** (epoch // step)
    if schedule == "exponential":
        return rate * decay**epoch
    return rate


def check_schedule(schedule, decay, step) -> None:
    """Raise ConfigError unless (schedule, decay, step) can drive :func:`scheduled_rate`."""
    if schedule not in SCHEDULES:
        message = translate(
            "Runner", "The learning-rate schedule must be one of {choices}, not {value}."
        )
        raise ConfigError(message.format(choices=", ".join(SCHEDULES), value=repr(schedule)))
    if not (isinstance(decay, int | float) and 0 < decay <= 1):
        message = translate(
            "Runner", "The learning-rate decay must be above 0 and at most 1, not {value}."
        )
        raise ConfigError(message.format(value=repr(decay)))
    if not (isinstance(step, int | np.integer) and step >= 1):
        message = translate(
            "Runner",
            "The epochs per learning-rate step must be a whole number from 1, not {value}.",
        )
        raise ConfigError(message.format(value=repr(step)))


def check_learning_rate(value):
    if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
        message = translate("Runner", "The learning rate must be a positive number, not {value}.")
        raise ConfigError(message.format(value=repr(value)))


def check_momentum(value):
    if not (isinstance(value, int | float) and 0 <= value < 1):
        message = translate("Runner", "The momentum must lie in [0, 1), not {value}.")
        raise ConfigError(message.format(value=repr(value)))


class Runner:
    """One network under training: its epochs, its settings, and going back to good weights."""

    def __init__(self, net, config: "TrainingConfig", should_stop=None):
        if not isinstance(net, MLP | Perceptron | RBM):
            raise ConfigError(
                "train() can train an MLP, a Perceptron or an RBM, "  # not translated: API misuse
                f"not {type(net).__name__}."
            )
        self.net = net
        self.is_mlp = isinstance(net, MLP)
        #: A restricted Boltzmann machine: it learns its inputs alone (no targets).
        self.is_rbm = isinstance(net, RBM)
        self.rbm_settings = {"cd_steps": config.cd_steps, "persistent": config.persistent}
        self.rng = as_rng(config.seed)
        self.settings = {
            name: getattr(config, name)
            for name in ("learning_rate", "momentum", "optimizer", "batch_size", "l1", "l2")
        }
        #: The learning rate the schedule starts from (η0), the schedule, and the epochs
        #: trained before this run (where the schedule's epoch count starts).
        self.base_rate = config.learning_rate
        self.schedule = (config.lr_schedule, config.lr_decay, config.lr_step)
        self.first_epoch = config.first_epoch
        self.shuffle = config.shuffle
        self.input_noise = config.input_noise
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
        if isinstance(self.net, Perceptron) and (
            self.settings["momentum"] or self.settings["l1"] or self.settings["l2"]
        ):
            message = translate(
                "Runner",
                "A perceptron learns by its own rule: momentum and L1/L2 penalties apply "
                "to MLPs only. Set them to 0.",
            )
            raise ConfigError(message)

    def _live_parameters(self):
        weights, biases = self.net.parameters()
        return [*weights, *biases]

    def patch(self, changes: dict) -> None:
        unknown = set(changes) - set(PATCHABLE_SETTINGS)
        if unknown:
            raise ConfigError(
                f"Only {', '.join(PATCHABLE_SETTINGS)} can change "  # not translated: API misuse
                f"while training runs, not {', '.join(sorted(unknown))}."
            )
        if "learning_rate" in changes:
            check_learning_rate(changes["learning_rate"])
        if "momentum" in changes:
            check_momentum(changes["momentum"])
        if "learning_rate" in changes:  # the new η0: the schedule goes on from it
            self.base_rate = changes["learning_rate"]
        self.settings.update(
            {
                name: value
                for name, value in changes.items()
                if name not in ("report_interval", "learning_rate")
            }
        )
        self._check_settings()

    def epoch(self, X, T) -> float:
        self.snapshots = self.snapshots[::-1]  # [0]: start of this epoch, [1]: of the last
        for saved, live in zip(self.snapshots[0], self.parameters, strict=True):
            np.copyto(saved, live)
        self.settings["learning_rate"] = scheduled_rate(
            self.base_rate, *self.schedule, self.first_epoch + self.epochs_run
        )
        self.epochs_run += 1
        try:
            loss = self._train_epoch(self.noisy(X), T)
        except EpochInterrupted:
            self.epochs_run -= 1
            for saved, live in zip(self.snapshots[0], self.parameters, strict=True):
                np.copyto(live, saved)  # the epoch never happened (and the run ends)
            if not isinstance(self.net, Perceptron):  # (momentum, Adam, an RBM's chains)
                self.net.reset_optimizer()
            raise
        if not math.isfinite(loss):
            raise DivergenceError(f"The error became {loss}.", loss)
        return loss

    def noisy(self, X: np.ndarray) -> np.ndarray:
        r"""The inputs an epoch trains on: ``X`` + :math:`\sigma \varepsilon`, or ``X`` for
        :math:`\sigma` = 0 (drawing nothing, so a run without noise is as before).

        :math:`\varepsilon` (n, n_inputs) are standard normal draws from the run's
        generator, taken before the epoch's shuffle.
        """
        if not self.input_noise:
            return X
        return X + self.input_noise * self.rng.standard_normal(X.shape)

    def _train_epoch(self, X, T) -> float:
        if self.is_mlp:
            return self.net.train_epoch(
                X, T, shuffle=self.shuffle, rng=self.rng, should_stop=self.should_stop,
                **self.settings,
            )  # fmt: skip
        if self.is_rbm:
            return self.net.train_epoch(
                X, T, shuffle=self.shuffle, rng=self.rng, should_stop=self.should_stop,
                **self.settings, **self.rbm_settings,
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
        if not isinstance(self.net, Perceptron):
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
        if not isinstance(self.net, Perceptron):
            self.net.reset_optimizer()
        return epoch

    def penalties(self) -> str:
        """', or smaller L1/L2 penalties (...)' when penalties are on, else '' (translated)."""
        l1, l2 = self.settings.get("l1", 0.0), self.settings.get("l2", 0.0)
        if not (l1 or l2):
            return ""
        advice = translate("Runner", ", or smaller L1/L2 penalties (they are {l1} and {l2})")
        return advice.format(l1=f"{l1:g}", l2=f"{l2:g}")

    def error(self, X, T) -> float:
        return self.net.loss_value(X, T)

    @property
    def epoch_start_weights(self) -> list[np.ndarray]:
        """The weight matrices as they were when the latest epoch began (not the biases)."""
        return self.snapshots[0][: len(self.net.parameters()[0])]

    def weights_copy(self):
        weights, biases = self.net.parameters()
        return tuple(w.copy() for w in weights), tuple(b.copy() for b in biases)
