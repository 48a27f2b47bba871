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

The storage rules (Hebb, pseudo-inverse, Storkey) and what each holds are
registered in :mod:`nnsim.engine.hopfield_rules`; every one leaves the
weights symmetric with a zero diagonal.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from nnsim.engine._checks import as_rng
from nnsim.engine.hopfield_rules import get_storage_rule
from nnsim.errors import ConfigError, DataError
from nnsim.text import translate

#: Fields closer to 0 than this count as 0 (the neuron keeps its state): Hebbian
#: fields are often exactly 0, and rounding must not make a neuron flip on noise.
FIELD_TOLERANCE = 1e-10
STATES = ("bipolar", "binary")
MODES = ("async", "sync")
ORDERS = ("random", "fixed")
#: Async recall guesses the flips of the neurons ahead at once (RecallProcess._visit): at
#: most this many pushes (guessed flips x neurons ahead) per guess.
WINDOW_ELEMENTS = 1 << 16
#: Rows of the weights copied at once when fields are brought up to date after flips.
ROW_CHUNK = 256


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
    """

    def __init__(self, n_neurons, *, states="bipolar"):
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
        self._weights = np.zeros((self.n_neurons, self.n_neurons))
        self._patterns = np.zeros((0, self.n_neurons))  # bipolar

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
        """Weight matrix, shape (N, N), symmetric with a zero diagonal."""
        return self._weights

    #: A Hopfield net has the layered networks' names too: one layer, no biases, no mask.
    has_bias = False
    masks = None

    def parameters(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """([weights], []): the (N, N) matrix, as a layered network gives its layers'."""
        return [self._weights], []

    @property
    def patterns(self) -> np.ndarray:
        """Stored patterns, shape (P, N), in the network's state convention."""
        return self._from_bipolar(self._patterns)

    def store(self, patterns, rule="hebb") -> None:
        """Add ``patterns`` (shape (P, N) or (N,)) to the memory with ``rule``.

        ``rule`` names a :data:`~nnsim.engine.hopfield_rules.STORAGE_RULES`
        entry.  Hebb and Storkey add the new patterns to the weights; the
        pseudo-inverse rule, or a change of rule, makes the weights again from
        every stored pattern.
        """
        storage = get_storage_rule(rule)
        new = np.atleast_2d(self._to_bipolar(patterns, translate("Hopfield", "The patterns")))
        self._patterns = np.vstack([self._patterns, new])
        if rule == self.rule and storage.add is not None:
            storage.add(self._weights, new)
        else:
            self._weights = storage.store(self._patterns)
        self.rule = rule

    def clear(self) -> None:
        """Forget every stored pattern."""
        self.__init__(self.n_neurons, states=self.states)

    # ------------------------------------------------------------ measurement
    def energy(self, state) -> float:
        r"""Return :math:`E(s) = -\tfrac12 s^T W s` for one state of shape (N,)."""
        s = self._to_bipolar(state)
        return float(-0.5 * s @ self._weights @ s)

    def overlaps(self, state) -> np.ndarray:
        r"""Return :math:`m_\mu = \tfrac1N \xi^\mu \cdot s` for each stored pattern, shape (P,)."""
        return self._patterns @ self._to_bipolar(state) / self.n_neurons

    def stable(self) -> np.ndarray:
        """Which stored patterns are fixed points (no neuron would flip), shape (P,) of bool."""
        fields = self._patterns @ self._weights  # the weights are symmetric
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
        :class:`RecallProcess`.
        """
        process = RecallProcess(self, probe, mode=mode, order=order, max_sweeps=max_sweeps, rng=rng)
        start = process.energy
        energies = process.advance(max_sweeps * (self.n_neurons if mode == "async" else 1))
        return RecallResult(
            process.state,
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
        process = RecallProcess(self, probe, mode=mode, order=order, max_sweeps=max_sweeps, rng=rng)
        while process.advance(1).size:
            yield RecallStep(
                process.sweep, process.neuron, process.flipped, process.state, process.energy
            )


class RecallProcess:
    r"""A recall under way, made a given number of updates at a time (for animation).

    An *update* is one neuron visited in asynchronous mode (it takes the sign
    of its field :math:`h_i` and so may flip) or one synchronous step (every
    neuron at once).  Async recall visits the neurons in a new random order
    each sweep (``order="random"``, drawn from ``rng``) or in index order
    (``"fixed"``) and ends after a sweep without a flip; sync recall ends when
    a step would change nothing, or at a 2-cycle.  Either ends after
    ``max_sweeps`` sweeps (steps).  The fields are kept up to date flip by
    flip (many flips at once: see ``_visit``), and a
    synchronous step adds only the flipped neurons' weights to them.

    Attributes
    ----------
    energy : float
        :math:`E(s)` of the current state.
    sweep : int
        The sweep under way (async) or the steps made (sync).
    updates : int
        Updates made so far.
    neuron : int or None
        The neuron of the last update (None in sync mode or before any).
    flipped : int
        Neurons the last update flipped.
    done, converged, cycle : bool
        Recall has ended; it ended in a fixed point; it ended in a 2-cycle (sync).
    """

    def __init__(self, network, probe, *, mode="async", order="random", max_sweeps=100, rng=None):
        if mode not in MODES:
            message = translate("Hopfield", "Unknown recall mode {name}: choose async or sync.")
            raise ConfigError(message.format(name=repr(mode)))
        if order not in ORDERS:
            message = translate("Hopfield", "Unknown update order {name}: choose random or fixed.")
            raise ConfigError(message.format(name=repr(order)))
        self._network, self.mode, self.order = network, mode, order
        self._s = network._to_bipolar(probe).copy()
        self._W = network.weights
        self._h = _fields(self._W, self._s)
        self._rng = as_rng(rng)
        self._max_sweeps = max_sweeps
        self._visits = np.arange(0)  # this sweep's order of visits
        self._position = 0
        self._flips_this_sweep = 0
        self._previous = None  # sync: the state before the last step
        self.energy = float(-0.5 * self._s @ self._h)
        self.sweep = self.updates = self.flipped = 0
        self.neuron: int | None = None
        self.done = self.converged = self.cycle = False

    @property
    def state(self) -> np.ndarray:
        """A copy of the current state, shape (N,), in the network's state convention."""
        return self._network._from_bipolar(self._s)

    def advance(self, updates: int = 1) -> np.ndarray:
        """Make up to ``updates`` updates; return the energy after each (fewer once recall ends)."""
        if self.mode == "sync":
            energies = []
            while len(energies) < updates and not self.done:
                if self._sync_step():
                    energies.append(self.energy)
            return np.array(energies)
        chunks = []
        budget = updates
        while budget > 0 and not self.done:
            if self._position == len(self._visits) and not self._begin_sweep():
                break
            made = self._visit(budget)
            chunks.append(made)
            budget -= len(made)
        return np.concatenate(chunks) if chunks else np.array([])

    def _begin_sweep(self) -> bool:
        """Start the next async sweep; False (and done) if recall has ended instead."""
        if self.sweep and not self._flips_this_sweep:
            self.done = self.converged = True
        elif self.sweep == self._max_sweeps:
            self.done = True
        else:
            n = len(self._s)
            self._visits = np.arange(n) if self.order == "fixed" else self._rng.permutation(n)
            self._position = self._flips_this_sweep = 0
            self.sweep += 1
        return not self.done

    def _visit(self, budget: int) -> np.ndarray:
        """Visit up to ``budget`` neurons of this sweep at once, exactly as one at a time.

        The neurons ahead that are unstable now are guessed to flip, and no
        others; each one's field when its turn comes follows from the guessed
        flips before it.  Where the guess is wrong (a flip undone or made by
        those before), it is put right and only the fields after it are
        mended, so the states, their order and the flips are those of one
        neuron at a time; only the fields' rounding differs.  A guess covers at
        most WINDOW_ELEMENTS pushes (flips x neurons ahead); the rest waits.
        """
        s, h = self._s, self._h
        start = self._position
        visit = self._visits[start : start + budget]
        states, fields = s.take(visit), h.take(visit)
        unstable = states * fields < -FIELD_TOLERANCE
        candidates = np.flatnonzero(unstable)
        if not candidates.size:  # every neuron visited keeps its state
            return self._keep(visit)
        if candidates.size * len(visit) > WINDOW_ELEMENTS:  # bound one guess's work and memory
            count = max(1, WINDOW_ELEMENTS // len(visit))
            width = int(candidates[count - 1]) + 1
            visit, states, fields = visit[:width], states[:width], fields[:width]
            unstable = unstable[:width]
            candidates = candidates[:count]
        guess = unstable.copy()
        change = -2.0 * states  # a flip's change of state
        rows = self._W.take(visit[candidates], axis=0)  # the guessed flips' weights, (k, N)
        ahead = candidates[:, None] < np.arange(len(visit))  # guessed flip c comes before j
        fields += change[candidates] @ (rows.take(visit, axis=1) * ahead)
        flips = states * fields < -FIELD_TOLERANCE
        wrong = np.flatnonzero(flips != guess)
        while wrong.size:  # put the first wrong guess right, and the fields after it
            f = int(wrong[0])
            guess[f] = flips[f]
            push = change[f] if guess[f] else -change[f]
            fields[f + 1 :] += push * self._W[visit[f]].take(visit[f + 1 :])
            flips[f + 1 :] = states[f + 1 :] * fields[f + 1 :] < -FIELD_TOLERANCE
            wrong = f + 1 + np.flatnonzero(flips[f + 1 :] != guess[f + 1 :])
        flipped = np.flatnonzero(flips)
        if not flipped.size:
            return self._keep(visit)
        steps = np.zeros(len(visit))
        steps[flipped] = -change[flipped] * fields[flipped]  # each flip's energy change
        steps[0] += self.energy
        energies = np.cumsum(steps)
        neurons = visit[flipped]
        s[neurons] = -states[flipped]
        h += (change[candidates] * flips[candidates]) @ rows
        extra = flipped[~unstable[flipped]]  # flips nobody guessed
        if extra.size:
            _add_rows(h, self._W, visit[extra], change[extra])
        self.energy = float(energies[-1])
        self._position += len(visit)
        self._flips_this_sweep += flipped.size
        self.updates += len(visit)
        self.neuron, self.flipped = int(visit[-1]), int(flips[-1])
        self._end_sweep_if_last()
        return energies

    def _keep(self, visit: np.ndarray) -> np.ndarray:
        """Visit the neurons ``visit``, none of which flips; return the energies."""
        self._position += len(visit)
        self.updates += len(visit)
        self.flipped = 0
        self.neuron = int(visit[-1]) if len(visit) else self.neuron
        self._end_sweep_if_last()
        return np.full(len(visit), self.energy)

    def _end_sweep_if_last(self) -> None:
        """A sweep without a flip ends recall as soon as it is complete."""
        if self._position == len(self._visits) and not self._flips_this_sweep:
            self.done = self.converged = True

    def _sync_step(self) -> bool:
        """One synchronous step; False (and done) when it would change nothing."""
        if self.sweep == self._max_sweeps:
            self.done = True
            return False
        new = _sign_keeping_zero(self._h, self._s)
        changed = np.flatnonzero(new != self._s)
        self.flipped = len(changed)
        if not self.flipped:
            self.done = self.converged = True
            return False
        self.sweep += 1
        self.updates += 1
        self.cycle = self._previous is not None and np.array_equal(new, self._previous)
        if 3 * self.flipped < len(new):  # only the flipped neurons' weights change the fields
            _add_rows(self._h, self._W, changed, 2.0 * new[changed])
        else:
            self._h = _fields(self._W, new)
        self._previous, self._s = self._s, new
        self.energy = float(-0.5 * new @ self._h)
        self.done = self.cycle
        return True


def pattern_overlaps(patterns) -> np.ndarray:
    r"""The overlaps :math:`m_{ij} = \tfrac1N \xi^i \cdot \xi^j` of patterns (P, N) of ±1.

    Shape (P, P), 1 on the diagonal; 1 for two equal patterns, -1 for a pattern and its
    inverse, about :math:`\pm 1/\sqrt N` for two random ones.
    """
    patterns = np.atleast_2d(np.asarray(patterns, dtype=np.float64))
    return patterns @ patterns.T / patterns.shape[1]


def _sign_keeping_zero(h: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Return sign(h), keeping the state of ``s`` where the field ``h`` is 0."""
    return np.where(h > FIELD_TOLERANCE, 1.0, np.where(h < -FIELD_TOLERANCE, -1.0, s))


def _fields(W: np.ndarray, s: np.ndarray) -> np.ndarray:
    """The local fields ``W @ s`` (N,), in float64 whatever the weights' type."""
    return W @ s


def _add_rows(h: np.ndarray, W: np.ndarray, rows: np.ndarray, coefficients: np.ndarray) -> None:
    """``h += coefficients @ W[rows]`` in place, copying ROW_CHUNK rows of W at a time."""
    for start in range(0, len(rows), ROW_CHUNK):
        chunk = slice(start, start + ROW_CHUNK)
        h += coefficients[chunk] @ W[rows[chunk]]
