"""Finished runs kept side by side, to compare and to go back to (issue 18 section 4).

A :class:`RunLog` follows a :class:`~nnsim.model.session.Session` and keeps
the last :data:`MAX_RUNS` runs that ended (finished by themselves, stopped by
the person, or stopped by an error), each as a :class:`KeptRun`: its settings,
network, error history, final weights and, for two-input data, a small
picture of its decision boundary.  :func:`differing_settings` says which
settings the kept runs differ in; :func:`nnsim.model.run_restore.restore_run`
puts a run's weights and history back into the session's network.

What counts as one run: a run *continues* a kept one when it starts exactly
where that one ended (the same number of epochs trained and the very same
weights), so Train, Stop, Train again, or a Restore and then more training,
updates that entry; anything else (a reset, a new network, weights set by
hand, training on from an earlier epoch) makes a new entry.  Opening or
starting another network clears the log: its runs could not be restored into
the new network, and comparing another project's settings with this one's
would mislead.  The log is not saved with the project.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from psygnal import Signal

from nnsim.errors import ConfigError
from nnsim.model.neuron_maps import DecisionPicture, decision_picture
from nnsim.model.settings import SPECS
from nnsim.text import translate

#: How many runs a log keeps; at most one fewer may be pinned, so the newest has a place.
MAX_RUNS = 4
#: Settings that change how fast the window trains, not what the network learns.
UNCOMPARED = frozenset({"speed"})
#: The name of the network's shape among the settings :func:`differing_settings` names.
STRUCTURE = "structure"


@dataclass(frozen=True)
class KeptRun:
    """One finished run, as it ended.  Arrays are copies; nothing here changes.

    Attributes
    ----------
    number : int
        Counts the runs of the log (1, 2, ...); ``name`` is "Run <number>".
    settings : dict of str to value
        Every training and network setting that means something for the network
        (not the speed), as at the run's end.
    sizes : tuple of int
        Neurons per layer, inputs first.
    activations : tuple of str
        Each layer's activation after the input.
    bias : bool
        Whether the network had biases.
    masks : tuple of (n_out, n_in) arrays, or None
        The connections drawn (1) and removed (0); None when all are there.
    epochs, train, validation, accuracy : (n_kept,) arrays
        The error history (NaN where not measured), as :class:`LossHistory` keeps it.
    weights, biases : tuple of arrays
        The final ``(n_out, n_in)`` matrices and ``(n_out,)`` vectors.
    epoch_count : int
        Epochs trained, from the last reset.
    final_error : float
    final_accuracy, final_validation : float or None
        None where not measured (a regression; no validation data).
    stop_reason : str
        "max_epochs", "target_error", "no_improvement", "stopped" (by the person)
        or "failed" (an error, a divergence).
    picture : DecisionPicture or None
        For two-input data.
    data_key : str
        A digest of the training and validation data: equal keys, the same data.
    pinned : bool
        Pinned runs are never pushed out by newer ones.
    dropout : tuple of float
        Each hidden layer's dropout rate (() without hidden layers).
    """

    number: int
    name: str
    settings: dict
    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    bias: bool
    masks: tuple[np.ndarray, ...] | None
    epochs: np.ndarray
    train: np.ndarray
    validation: np.ndarray
    accuracy: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    epoch_count: int
    final_error: float
    final_accuracy: float | None
    final_validation: float | None
    stop_reason: str
    picture: DecisionPicture | None = field(repr=False)
    data_key: str
    pinned: bool = False
    dropout: tuple[float, ...] = ()

    @property
    def structure(self) -> tuple:
        """What makes two runs the same network: layer sizes, activations, biases and the
        hidden layers' dropout rates."""
        return self.sizes, self.activations, self.bias, self.dropout

    @property
    def layers_text(self) -> str:
        """The layer sizes in short: "2-4-1"."""
        return "-".join(str(size) for size in self.sizes)

    def holds(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> bool:
        """Whether ``weights`` and ``biases`` are exactly this run's final ones."""
        return _same_arrays(self.weights, weights) and _same_arrays(self.biases, biases)


def differing_settings(runs: Sequence[KeptRun]) -> set[str]:
    """The names of the settings whose values differ between ``runs``.

    A setting one run has and another lacks (an MLP's beside a perceptron's)
    differs; :data:`STRUCTURE` is named when the networks' sizes, activations
    or biases differ.
    """
    names = set().union(*(run.settings for run in runs)) if runs else set()
    differing = {name for name in names if len({_value(run, name) for run in runs}) > 1}
    if len({run.structure for run in runs}) > 1:
        differing.add(STRUCTURE)
    return differing


def _value(run: KeptRun, name: str):
    """The run's value of setting ``name``, with its type (1 and 1.0 and True differ)."""
    value = run.settings.get(name)
    return type(value), value


class RunLog:
    """The last :data:`MAX_RUNS` runs of a session that ended, oldest first (``runs``).

    Signals
    -------
    changed()
        A run was kept, updated, pinned, unpinned or removed, or the log cleared.
    """

    changed = Signal()

    def __init__(self, session, limit: int = MAX_RUNS):
        self.session = session
        self.limit = limit
        self.runs: tuple[KeptRun, ...] = ()
        self._count = 0
        self._start = (0, ((), ()))  # (epochs trained, (weights, biases)) where a run starts
        self._reported = self._failed = False
        events = session.events
        events.network_changed.connect(self._network_changed)
        events.reported.connect(self._report_arrived)
        events.failed.connect(self._run_failed)
        events.state_changed.connect(self._state_changed)
        events.document_replaced.connect(self.clear)

    # ------------------------------------------------------------ following
    def _network_changed(self, compiled) -> None:
        """Before every run the session prepares its network: note where the run starts."""
        if self.session.busy:
            return  # a divergence put the last good weights back: the run still ends
        weights, biases = compiled.network.parameters()
        self._start = (self.session.history.count, _copies(weights, biases))
        self._reported = self._failed = False

    def _report_arrived(self, _report) -> None:
        self._reported = True

    def _run_failed(self, _text: str) -> None:
        self._failed = True

    def _state_changed(self, state: str) -> None:
        if state in ("finished", "stopped") and self._reported:
            self._reported = False
            self._keep(self._ended_run())

    def _keep(self, run: KeptRun | None) -> None:
        if run is None:
            return
        started, (weights, biases) = self._start
        continued = [
            kept for kept in self.runs
            if started and kept.epoch_count == started and kept.holds(weights, biases)
        ]  # fmt: skip
        if continued:
            old = continued[-1]
            run = replace(run, number=old.number, name=old.name, pinned=old.pinned)
            self.runs = tuple(run if kept is old else kept for kept in self.runs)
        else:
            self._count += 1
            name = translate("RunLog", "Run {number}").format(number=self._count)
            self.runs = self._pushed_out((*self.runs, replace(run, number=self._count, name=name)))
        self.changed.emit()

    def _pushed_out(self, runs: tuple[KeptRun, ...]) -> tuple[KeptRun, ...]:
        """``runs`` without their oldest unpinned ones beyond the limit."""
        while len(runs) > self.limit:
            oldest = next(run for run in runs if not run.pinned)
            runs = tuple(run for run in runs if run is not oldest)
        return runs

    def _ended_run(self) -> KeptRun | None:
        """The session's run that just ended, as kept; None when it trained no epoch."""
        session = self.session
        history, started = session.history, self._start[0]
        if session.compiled is None or history.count <= started or not len(history.train):
            return None
        weights, biases = _copies(*session.trained_network.parameters())
        latest = session.latest
        reason = latest.stop_reason if latest is not None and latest.stop_reason else "stopped"
        masks = session.compiled.mask_matrices()
        return KeptRun(
            number=0,  # numbered and named when kept
            name="",
            settings=compared_settings(session),
            sizes=layer_sizes(weights),
            activations=activations(session.document),
            bias=bool(session.compiled.network.has_bias),
            masks=None if masks is None else tuple(np.array(m) for m in masks),
            epochs=history.epochs.copy(),
            train=history.train.copy(),
            validation=history.validation.copy(),
            accuracy=history.accuracy.copy(),
            weights=weights,
            biases=biases,
            epoch_count=history.count,
            final_error=float(history.train[-1]),
            final_accuracy=_last_measured(history.accuracy),
            final_validation=_last_measured(history.validation),
            stop_reason="failed" if self._failed else reason,
            picture=decision_picture(session.trained_network, session.data, session.validation),
            data_key=data_key(session.data, session.validation),
            dropout=dropout_rates(session.document),
        )

    # ------------------------------------------------------------- editing
    def pin(self, run: KeptRun, on: bool = True) -> None:
        """Keep ``run`` whatever runs come after it (``on`` False: let it go in its turn).

        Raises
        ------
        ConfigError
            When as many runs are pinned as may be: the newest run needs a place.
        """
        if on and not run.pinned and sum(kept.pinned for kept in self.runs) >= self.limit - 1:
            raise ConfigError(
                translate(
                    "RunLog",
                    "At most {count} runs can be pinned, so that the next run has a place: "
                    "unpin one first.",
                ).format(count=self.limit - 1)
            )
        self._swap(run, replace(run, pinned=on))

    def remove(self, run: KeptRun) -> None:
        """Forget ``run``."""
        self.runs = tuple(kept for kept in self.runs if kept.number != run.number)
        self.changed.emit()

    def clear(self) -> None:
        """Forget every run (another network was opened or started)."""
        if self.runs:
            self.runs = ()
            self.changed.emit()

    def _swap(self, old: KeptRun, new: KeptRun) -> None:
        self.runs = tuple(new if kept.number == old.number else kept for kept in self.runs)
        self.changed.emit()

    def holding(self) -> KeptRun | None:
        """The kept run whose final weights the session's network holds now, if any."""
        session = self.session
        if session.compiled is None:
            return None
        weights, biases = session.trained_network.parameters()
        return next((run for run in self.runs if run.holds(weights, biases)), None)


def compared_settings(session) -> dict:
    """The session's settings that mean something for its network (not the speed)."""
    kind = session.document.kind
    return {
        name: value
        for name, value in session.settings.values().items()
        if name not in UNCOMPARED and kind in SPECS[name].kinds
    }


def data_key(data, validation=None) -> str:
    """A short digest of the data's inputs and targets: equal for the very same data."""
    digest = hashlib.blake2b(digest_size=8)
    for part in (data, validation):
        if part is not None:
            for array in (part.X, part.T):
                digest.update(np.ascontiguousarray(array).tobytes())
        digest.update(b"|")
    return digest.hexdigest()


def layer_sizes(weights: Sequence[np.ndarray]) -> tuple[int, ...]:
    """Neurons per layer, inputs first, of a network with these weight matrices."""
    return (weights[0].shape[1], *(w.shape[0] for w in weights))


def activations(document) -> tuple[str, ...]:
    """Each layer's activation after the input, as the network computes it."""
    return tuple(document.activation_of(layer.id) for layer in document.layers[1:])


def dropout_rates(document) -> tuple[float, ...]:
    """Each hidden layer's dropout rate, first hidden layer first."""
    return tuple(float(layer.dropout) for layer in document.layers[1:-1])


def _last_measured(values: np.ndarray) -> float | None:
    """The last value that is not NaN (None: none measured)."""
    measured = values[~np.isnan(values)]
    return float(measured[-1]) if len(measured) else None


def _copies(weights, biases) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    return tuple(np.array(w) for w in weights), tuple(np.array(b) for b in biases)


def _same_arrays(first: Sequence[np.ndarray], second: Sequence[np.ndarray]) -> bool:
    return len(first) == len(second) and all(
        a.shape == b.shape and np.array_equal(a, b) for a, b in zip(first, second, strict=True)
    )


def same_masks(now, then) -> bool:
    """Whether two networks' connection masks (lists of arrays, or None) are the same."""
    if now is None or then is None:
        return now is None and then is None
    return _same_arrays(now, then)
