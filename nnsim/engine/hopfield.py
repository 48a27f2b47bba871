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

Storage rules, for patterns :math:`\xi^\mu` (rows of :math:`\Xi`, shape (P, N)):

* ``hebb``: :math:`w_{ij} = \tfrac1N \sum_\mu \xi^\mu_i \xi^\mu_j`;
* ``pseudoinverse`` (projection): :math:`W = \Xi^T (\Xi \Xi^T)^{-1} \Xi`;
* ``storkey``: for each new pattern,
  :math:`\Delta w_{ij} = \tfrac1N (\xi_i \xi_j - \xi_i h_{ji} - h_{ij} \xi_j)`
  with :math:`h_{ij} = \sum_{k \ne i,j} w_{ik} \xi_k`.

Every rule then sets the diagonal to zero.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from nnsim.engine._checks import as_rng
from nnsim.errors import ConfigError, DataError

RULES = ("hebb", "pseudoinverse", "storkey")
#: Fields closer to 0 than this count as 0 (the neuron keeps its state): Hebbian
#: fields are often exactly 0, and rounding must not make a neuron flip on noise.
FIELD_TOLERANCE = 1e-10
STATES = ("bipolar", "binary")
MODES = ("async", "sync")


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
            raise ConfigError(f"A Hopfield network needs at least one neuron, not {n_neurons}.")
        if states not in STATES:
            raise ConfigError(f"Unknown state kind {states!r}: choose bipolar or binary.")
        self.n_neurons = int(n_neurons)
        self.states = states
        self.rule = None
        self._weights = np.zeros((self.n_neurons, self.n_neurons))
        self._patterns = np.zeros((0, self.n_neurons))  # bipolar

    # ------------------------------------------------------------ conversions
    def _to_bipolar(self, values, name="The state") -> np.ndarray:
        array = np.array(values, dtype=np.float64)
        allowed = (-1.0, 1.0) if self.states == "bipolar" else (0.0, 1.0)
        if array.shape[-1:] != (self.n_neurons,) or array.ndim > 2:
            raise DataError(
                f"{name} has shape {array.shape}; this network has {self.n_neurons} neurons, "
                f"so it needs {self.n_neurons} values per pattern."
            )
        if not np.isin(array, allowed).all():
            raise DataError(
                f"{name} may hold only {allowed[0]:g} and {allowed[1]:g} "
                f"(the network's states are {self.states})."
            )
        return array if self.states == "bipolar" else 2.0 * array - 1.0

    def _from_bipolar(self, s: np.ndarray) -> np.ndarray:
        return s.copy() if self.states == "bipolar" else (s + 1.0) / 2.0

    # ---------------------------------------------------------------- storage
    @property
    def weights(self) -> np.ndarray:
        """Weight matrix, shape (N, N), symmetric with a zero diagonal."""
        return self._weights

    @property
    def patterns(self) -> np.ndarray:
        """Stored patterns, shape (P, N), in the network's state convention."""
        return self._from_bipolar(self._patterns)

    def store(self, patterns, rule="hebb") -> None:
        """Add ``patterns`` (shape (P, N) or (N,)) to the memory with ``rule``.

        Hebb and Storkey add the new patterns to the weights; the
        pseudo-inverse rule, or a change of rule, recomputes the weights from
        every stored pattern.
        """
        if rule not in RULES:
            raise ConfigError(f"Unknown storage rule {rule!r}: choose one of {', '.join(RULES)}.")
        new = np.atleast_2d(self._to_bipolar(patterns, "The patterns"))
        self._patterns = np.vstack([self._patterns, new])
        if rule != self.rule or rule == "pseudoinverse":
            new = self._patterns
            if rule == "storkey":
                self._weights = np.zeros((self.n_neurons, self.n_neurons))
        self.rule = rule
        if rule == "hebb":
            hebbian = (new.T / self.n_neurons) @ new
            if len(new) == len(self._patterns):  # nothing stored before these
                self._weights = hebbian
            else:
                self._weights += hebbian
        elif rule == "storkey":
            for pattern in new:
                self._storkey_add(pattern)
        else:
            self._weights = self._projection(self._patterns)
        np.fill_diagonal(self._weights, 0.0)

    def _storkey_add(self, xi: np.ndarray) -> None:
        # With a zero diagonal, h_ij = h_i - w_ij xi_j, which turns the rule into
        # dW = (xi xi^T - xi h^T - h xi^T + 2 W) / N.
        n = self.n_neurons
        W = self._weights
        h = W @ xi
        W *= 1.0 + 2.0 / n
        W += np.outer(xi, (xi - h) / n)
        W -= np.outer(h / n, xi)
        np.fill_diagonal(W, 0.0)

    @staticmethod
    def _projection(patterns: np.ndarray) -> np.ndarray:
        overlap = patterns @ patterns.T
        return patterns.T @ (np.linalg.pinv(overlap, hermitian=True) @ patterns)

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

    # ----------------------------------------------------------------- recall
    def recall(self, probe, *, mode="async", max_sweeps=100, rng=None) -> RecallResult:
        """Let the network settle from ``probe`` (shape (N,)) and return the result.

        ``async`` visits the neurons one by one in a new random order each
        sweep (drawn from ``rng``); only flips touch the local fields, so a
        sweep costs O(N) per flip rather than O(N^2).  ``sync`` updates all
        neurons at once per step.
        """
        s = self._to_bipolar(probe).copy()
        if mode == "sync":
            return self._recall_sync(s, max_sweeps)
        if mode != "async":
            raise ConfigError(f"Unknown recall mode {mode!r}: choose async or sync.")
        return self._recall_async(s, max_sweeps, as_rng(rng))

    def _recall_async(self, s, max_sweeps, rng) -> RecallResult:
        W, n = self._weights, self.n_neurons
        h = W @ s
        energies = [np.array([-0.5 * s @ h])]
        converged = False
        sweeps = 0
        while sweeps < max_sweeps and not converged:
            sweeps += 1
            order = rng.permutation(n)
            changes = np.zeros(n)
            position = 0
            while position < n:
                visit = order[position:]
                unstable = s[visit] * h[visit] < -FIELD_TOLERANCE
                offset = int(unstable.argmax())
                if not unstable[offset]:
                    break
                position += offset
                i = order[position]
                changes[position] = 2.0 * s[i] * h[i]  # the energy change of this flip
                s[i] = -s[i]
                h += (2.0 * s[i]) * W[i]
                position += 1
            converged = not changes.any()
            energies.append(energies[-1][-1] + np.cumsum(changes))
        return RecallResult(self._from_bipolar(s), converged, sweeps, np.concatenate(energies))

    def _recall_sync(self, s, max_sweeps) -> RecallResult:
        W = self._weights
        h = W @ s
        energies = [-0.5 * s @ h]
        previous = None
        converged = cycle = False
        steps = 0
        while steps < max_sweeps:
            new = _sign_keeping_zero(h, s)
            if np.array_equal(new, s):
                converged = True
                break
            steps += 1
            cycle = previous is not None and np.array_equal(new, previous)
            previous, s = s, new
            h = W @ s
            energies.append(-0.5 * s @ h)
            if cycle:
                break
        return RecallResult(self._from_bipolar(s), converged, steps, np.array(energies), cycle)

    def recall_steps(
        self, probe, *, mode="async", max_sweeps=100, rng=None
    ) -> Iterator[RecallStep]:
        """Yield every single update of :meth:`recall`, for animation.

        With the same ``rng`` seed it visits the neurons in the same order as
        :meth:`recall` and so ends in the same state.
        """
        s = self._to_bipolar(probe).copy()
        W, n = self._weights, self.n_neurons
        if mode == "sync":
            yield from self._sync_steps(s, max_sweeps)
            return
        if mode != "async":
            raise ConfigError(f"Unknown recall mode {mode!r}: choose async or sync.")
        rng = as_rng(rng)
        energy = float(-0.5 * s @ W @ s)
        for sweep in range(1, max_sweeps + 1):
            flips = 0
            for i in rng.permutation(n):
                h_i = W[i] @ s
                flipped = int(s[i] * h_i < -FIELD_TOLERANCE)
                if flipped:
                    energy += 2.0 * s[i] * h_i
                    s[i] = -s[i]
                    flips += 1
                yield RecallStep(sweep, int(i), flipped, self._from_bipolar(s), energy)
            if not flips:
                return

    def _sync_steps(self, s, max_sweeps) -> Iterator[RecallStep]:
        W = self._weights
        previous = None
        for step in range(1, max_sweeps + 1):
            new = _sign_keeping_zero(W @ s, s)
            flipped = int(np.count_nonzero(new != s))
            if not flipped:
                return
            yield RecallStep(
                step, None, flipped, self._from_bipolar(new), float(-0.5 * new @ W @ new)
            )
            if previous is not None and np.array_equal(new, previous):
                return  # a 2-cycle: it would repeat forever
            previous, s = s, new


def _sign_keeping_zero(h: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Return sign(h), keeping the state of ``s`` where the field ``h`` is 0."""
    return np.where(h > FIELD_TOLERANCE, 1.0, np.where(h < -FIELD_TOLERANCE, -1.0, s))
