r"""Hopfield networks: an associative memory of stored patterns.

Neurons take the states :math:`s_i = \pm 1` (``states="bipolar"``) or 0/1
(``states="binary"``, the 0/1 view of the same network: :math:`s = 2x - 1`
inside).  Weights are symmetric with a zero diagonal.  A neuron's local field
and the network's energy are

.. math::

    h_i = \sum_j w_{ij} s_j, \qquad E(s) = -\tfrac12 \sum_{i,j} w_{ij} s_i s_j,

and an update sets :math:`s_i = \operatorname{sign}(h_i)` (a neuron with
:math:`h_i = 0` keeps its state).  Updating one neuron at a time
(asynchronous) never raises the energy, so recall slides down to a stored
pattern (or a spurious minimum).  Updating all at once (synchronous) may end
in a 2-cycle instead.

The storage rules (Hebb, pseudo-inverse, Storkey, dense) and what each holds are
registered in :mod:`nnsim.engine.hopfield_rules`; every one but the dense rule leaves the
weights symmetric with a zero diagonal.  The dense rule (Krotov and Hopfield's dense
associative memory, :mod:`nnsim.engine.hopfield_dense`) makes no weights: the
patterns themselves are the memory, with an interaction :math:`F`
(:attr:`Hopfield.interaction`), :math:`E(s) = -\sum_\mu F(\xi^\mu \cdot s)`, and
recall runs a :class:`~nnsim.engine.hopfield_dense.DenseRecallProcess`.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from nnsim.engine.hopfield_dense import DenseRecallProcess, Interaction
from nnsim.engine.hopfield_recall import FIELD_TOLERANCE as FIELD_TOLERANCE  # (re-exported)
from nnsim.engine.hopfield_recall import (
    ROW_CHUNK,
    RecallProcess,
    _exact_rows,
    _fields,
    _sign_keeping_zero,
)
from nnsim.engine.hopfield_rules import get_storage_rule
from nnsim.engine.hopfield_sweeps import MODES as MODES  # (re-exported)
from nnsim.engine.hopfield_sweeps import ORDERS as ORDERS
from nnsim.errors import ConfigError, DataError
from nnsim.text import translate

#: Hebbian networks of more neurons than this keep their weights in float32 (half the
#: memory: 1 GiB rather than 2 for a 128 x 128 grid); see :class:`Hopfield`.
FLOAT32_ABOVE = 4096
STATES = ("bipolar", "binary")


@dataclass(frozen=True)
class RecallResult:
    """The outcome of :meth:`Hopfield.recall`.

    Attributes
    ----------
    state : np.ndarray, shape (N,)
        The final state, in the network's state convention.
    converged : bool
        True when a whole sweep (async) or step (sync) changed nothing.
    sweeps : int
        Sweeps (async: N single updates each) or steps (sync) performed.
    energies : np.ndarray
        The energy before the first update and after every update: length
        ``1 + sweeps * N`` for async, ``1 + sweeps`` for sync.
    cycle : bool
        Sync only: True when the state returned to the one two steps before.
    """

    state: np.ndarray
    converged: bool
    sweeps: int
    energies: np.ndarray
    cycle: bool = False


@dataclass(frozen=True)
class RecallStep:
    """One update of :meth:`Hopfield.recall_steps`, for animation.

    ``neuron`` is the neuron updated (None for a synchronous step), ``flipped``
    how many neurons changed, ``state`` a copy of the state after the update.
    """

    sweep: int
    neuron: int | None
    flipped: int
    state: np.ndarray
    energy: float


class Hopfield:
    """A fully connected Hopfield network of ``n_neurons`` neurons.

    Parameters
    ----------
    n_neurons : int
    states : {"bipolar", "binary"}
        How states and patterns are written: -1/+1 or 0/1.
    weights_dtype : None, np.float32 or np.float64
        How Hebb's rule keeps the weights: None (float32 above
        :data:`FLOAT32_ABOVE` neurons, else float64) or the type named.  In
        float32 each weight is c / N rounded once, c being the integer sum over
        the patterns of xi_i xi_j; recall takes c back (exact below 2^22
        patterns) and sums fields as float64 integers, so it flips exactly the
        neurons, in the order, that float64 weights flip.  The pseudo-inverse and
        Storkey rules,
        whose weights are no such sums, always keep float64.

    Attributes
    ----------
    rule : str or None
        The rule the patterns were stored with (None: nothing stored).
    interaction : Interaction
        The dense rule's :math:`F` (a cubic by default); set by :meth:`store`.
    """

    def __init__(self, n_neurons, *, states="bipolar", weights_dtype=None):
        if int(n_neurons) < 1:
            message = translate(
                "Hopfield", "A Hopfield network needs at least one neuron, not {count}."
            )
            raise ConfigError(message.format(count=n_neurons))
        if states not in STATES:
            message = translate("Hopfield", "Unknown state kind {name}: choose bipolar or binary.")
            raise ConfigError(message.format(name=repr(states)))
        self.n_neurons = int(n_neurons)
        self.states = states
        self.rule = None
        self.interaction = Interaction()
        if weights_dtype is None:
            weights_dtype = np.float32 if self.n_neurons > FLOAT32_ABOVE else np.float64
        self._hebb_dtype = np.dtype(weights_dtype)
        if self._hebb_dtype not in (np.float32, np.float64):
            message = "weights_dtype is float32 or float64, not {name}."  # not translated: API
            raise ConfigError(message.format(name=weights_dtype))
        self._weights = np.zeros((0, 0), self._hebb_dtype)  # made when first needed
        self._patterns = np.zeros((0, self.n_neurons))  # bipolar
        self._spread = 0.0  # float32: the largest row sum of |c| (see hopfield_recall._fields)

    # ------------------------------------------------------------ conversions
    def _to_bipolar(self, values, name=None) -> np.ndarray:
        """``values`` as ±1; ``name`` (translated; "The state" when None) names them in errors."""
        array = np.array(values, dtype=np.float64)
        allowed = (-1.0, 1.0) if self.states == "bipolar" else (0.0, 1.0)
        name = translate("Hopfield", "The state") if name is None else name
        if array.shape[-1:] != (self.n_neurons,) or array.ndim > 2:
            message = translate(
                "Hopfield",
                "{name} has shape {shape}; this network has {count} neurons, so it needs "
                "{count} values per pattern.",
            )
            raise DataError(message.format(name=name, shape=array.shape, count=self.n_neurons))
        if not np.isin(array, allowed).all():
            message = translate(
                "Hopfield",
                "{name} may hold only {low} and {high} (the network's states are {kind}).",
            )
            raise DataError(
                message.format(
                    name=name, low=f"{allowed[0]:g}", high=f"{allowed[1]:g}", kind=self.states
                )
            )
        return array if self.states == "bipolar" else 2.0 * array - 1.0

    def _from_bipolar(self, s: np.ndarray) -> np.ndarray:
        return s.copy() if self.states == "bipolar" else (s + 1.0) / 2.0

    # ---------------------------------------------------------------- storage
    @property
    def weights(self) -> np.ndarray:
        """Weight matrix, shape (N, N), symmetric with a zero diagonal (float32 or float64).

        Made (as zeros) when first asked for, so a network that only ever stores by
        the dense rule never holds an N x N matrix; shape (0, 0) while the dense rule
        stores: a dense memory has no weights.
        """
        if not self._weights.size and not self.dense:
            self._weights = np.zeros((self.n_neurons, self.n_neurons), self._hebb_dtype)
        return self._weights

    @property
    def dense(self) -> bool:
        """True when the dense rule stores the patterns (no weight matrix)."""
        return self.rule == "dense"

    @property
    def _unit(self) -> float:
        """What recall multiplies the weights by: N for float32 (integer sums), else 1."""
        return float(self.n_neurons) if self._weights.dtype == np.float32 else 1.0

    #: A Hopfield net has the layered networks' names too: one layer, no biases, no mask.
    has_bias = False
    masks = None

    def parameters(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """([weights], []): the (N, N) matrix, as a layered network gives its layers'."""
        return [self.weights], []

    @property
    def patterns(self) -> np.ndarray:
        """Stored patterns, shape (P, N), in the network's state convention."""
        return self._from_bipolar(self._patterns)

    def store(self, patterns, rule="hebb", interaction: Interaction | None = None) -> None:
        """Add ``patterns`` (shape (P, N) or (N,)) to the memory with ``rule``.

        ``rule`` names a :data:`~nnsim.engine.hopfield_rules.STORAGE_RULES`
        entry.  Hebb and Storkey add the new patterns to the weights; the
        pseudo-inverse rule, or a change of rule, makes the weights again from
        every stored pattern.  The dense rule keeps the patterns and lets the
        weights go (no N x N matrix); ``interaction`` (the dense rule's
        :math:`F`) replaces :attr:`interaction` when given.
        """
        storage = get_storage_rule(rule)
        if interaction is not None and not isinstance(interaction, Interaction):
            message = "interaction is an Interaction, not {name}."  # not translated: API
            raise ConfigError(message.format(name=type(interaction).__name__))
        new = np.atleast_2d(self._to_bipolar(patterns, translate("Hopfield", "The patterns")))
        self._patterns = np.vstack([self._patterns, new])
        self.interaction = interaction or self.interaction
        if storage.store is None:  # the dense rule: the patterns are the memory
            self._weights = np.zeros((0, 0), self._hebb_dtype)
            self._spread, self.rule = 0.0, rule
            return
        dtype = self._hebb_dtype if rule == "hebb" else np.dtype(np.float64)
        if self._weights.dtype != dtype or self._weights.size == 0:  # the old matrix goes first
            self._weights = None
            self._weights = np.zeros((self.n_neurons, self.n_neurons), dtype)
        adding = rule == self.rule and storage.add is not None
        if dtype == np.float32:
            added = new if adding else self._patterns
            self._spread = _hebb_float32(self._weights, added, adding)
        elif adding:
            storage.add(self._weights, new)
        else:
            storage.store(self._patterns, out=self._weights)
        self.rule = rule

    def clear(self) -> None:
        """Forget every stored pattern (the weights, if any, are set to 0 in place)."""
        if self.rule is not None:  # (else they are 0 already)
            self._weights.fill(0.0)
        self._patterns = np.zeros((0, self.n_neurons))
        self._spread = 0.0
        self.rule = None

    # ------------------------------------------------------------ measurement
    def energy(self, state) -> float:
        r"""Return :math:`E(s) = -\tfrac12 s^T W s` for one state of shape (N,).

        A dense memory's :math:`E(s) = -\sum_\mu F(\xi^\mu \cdot s)` instead (for the
        exponential :math:`F`, :math:`-\log \sum_\mu e^{\xi^\mu \cdot s}`: see
        :mod:`~nnsim.engine.hopfield_dense`), as its recall's energies are.
        """
        s = self._to_bipolar(state)
        if self.dense:
            return self.interaction.energy(self._patterns @ s)
        fields = _fields(self.weights, s, self._unit, self._spread)
        return float(-0.5 * s @ fields / self._unit)

    def overlaps(self, state) -> np.ndarray:
        r"""Return :math:`m_\mu = \tfrac1N \xi^\mu \cdot s` for each stored pattern, shape (P,)."""
        return self._patterns @ self._to_bipolar(state) / self.n_neurons

    def stable(self) -> np.ndarray:
        """Which stored patterns are fixed points (no neuron would flip), shape (P,) of bool."""
        if self.dense:
            return np.array([_dense_fixed(self._patterns, s, self.interaction)
                             for s in self._patterns], dtype=bool)  # fmt: skip
        fields = np.empty_like(self._patterns)  # the weights are symmetric
        for start in range(0, self.n_neurons, ROW_CHUNK):
            block = np.arange(start, min(start + ROW_CHUNK, self.n_neurons))
            fields[:, block] = self._patterns @ _exact_rows(self.weights, block, self._unit).T
        kept = _sign_keeping_zero(fields, self._patterns) == self._patterns
        return kept.all(axis=1)

    # ----------------------------------------------------------------- recall
    def recall(
        self, probe, *, mode="async", order="random", max_sweeps=100, rng=None
    ) -> RecallResult:
        """Let the network settle from ``probe`` (shape (N,)) and return the result.

        ``async`` visits the neurons one by one, in a new random order each
        sweep (drawn from ``rng``) or in index order (``order="fixed"``); only
        flips touch the local fields, so a sweep costs O(N) per flip rather
        than O(N^2).  ``sync`` updates all neurons at once per step.  See
        :class:`RecallProcess` (a dense memory's: :class:`DenseRecallProcess`).
        """
        process = self.recall_process(probe, mode=mode, order=order, max_sweeps=max_sweeps, rng=rng)
        start = process.energy
        energies = process.advance(max_sweeps * (self.n_neurons if mode == "async" else 1))
        return RecallResult(
            self._state_of(process),
            process.converged,
            process.sweep,
            np.concatenate([[start], energies]),
            process.cycle,
        )

    def recall_steps(
        self, probe, *, mode="async", order="random", max_sweeps=100, rng=None
    ) -> Iterator[RecallStep]:
        """Yield every single update of :meth:`recall`, for animation.

        With the same ``rng`` seed it visits the neurons in the same order as
        :meth:`recall` and so ends in the same state.  Each step copies the
        state: to animate a large network, advance a :class:`RecallProcess`.
        """
        process = self.recall_process(probe, mode=mode, order=order, max_sweeps=max_sweeps, rng=rng)
        while process.advance(1).size:
            yield RecallStep(
                process.sweep, process.neuron, process.flipped, self._state_of(process),
                process.energy,
            )  # fmt: skip

    def recall_process(self, probe, **options) -> RecallProcess | DenseRecallProcess:
        """A recall from ``probe`` (shape (N,)) under way, to advance a few updates at a time.

        A :class:`RecallProcess` of the weights, or for a dense memory a
        :class:`DenseRecallProcess` of the patterns (the same interface;
        its ``state`` is -1 and +1 whatever the network's states);
        ``options`` (``mode``, ``order``, ``max_sweeps``, ``rng``, ...) are passed on.
        """
        if self.dense:
            return DenseRecallProcess(
                self._patterns, self._to_bipolar(probe), self.interaction, **options
            )
        return RecallProcess(self, probe, **options)

    def _state_of(self, process) -> np.ndarray:
        """``process``'s state in the network's convention."""
        return self._from_bipolar(process.state) if self.dense else process.state


def pattern_overlaps(patterns) -> np.ndarray:
    r"""The overlaps :math:`m_{ij} = \tfrac1N \xi^i \cdot \xi^j` of patterns (P, N) of ±1.

    Shape (P, P), 1 on the diagonal; 1 for two equal patterns, -1 for a pattern and its
    inverse, about :math:`\pm 1/\sqrt N` for two random ones.
    """
    patterns = np.atleast_2d(np.asarray(patterns, dtype=np.float64))
    return patterns @ patterns.T / patterns.shape[1]


def _dense_fixed(patterns: np.ndarray, s: np.ndarray, interaction: Interaction) -> bool:
    """Whether no neuron of state ``s`` (N,) would flip in the dense memory of ``patterns``
    (P, N): every neuron's drive (:meth:`Interaction.drive`) agrees with its state or is 0."""
    xi = patterns.T  # (N, P)
    r = (patterns @ s)[None, :] - xi * s[:, None]
    return not (interaction.drive(r, xi) * s < 0).any()


def _hebb_float32(W: np.ndarray, patterns: np.ndarray, adding: bool) -> float:
    """Hebb's rule into float32 weights ``W`` in place: each weight the float32 nearest c / N.

    The integer sums c are exact in float32 up to :math:`2^{24}` patterns; new
    patterns are added to the sums taken back from W (``adding``).  Returns the
    largest row sum of ``|c|``, which says how recall may sum the fields.
    """
    n = W.shape[0]
    xi = patterns.astype(np.float32)
    spread = 0.0
    for start in range(0, n, ROW_CHUNK):
        block = slice(start, start + ROW_CHUNK)
        counts = xi[:, block].T @ xi
        if adding:
            counts += np.rint(W[block] * np.float32(n))
        np.divide(counts, np.float32(n), out=W[block])
        spread = max(spread, float(np.abs(counts).sum(axis=1, dtype=np.float64).max()))
    np.fill_diagonal(W, 0.0)
    return spread
