r"""Hopfield recall under way: :class:`RecallProcess`, and the fields it keeps.

The fields :math:`h_i = \sum_j w_{ij} s_j` are made once and then kept up to
date: asynchronous recall guesses many flips at once and checks the guess
(:meth:`RecallProcess._visit`), a synchronous step adds only the flipped
neurons' weights.  Float32 weights (big Hebbian memories, see
:class:`~nnsim.engine.hopfield.Hopfield`) are taken back to Hebb's integer
sums, so their fields are exact.
"""

import numpy as np

from nnsim.engine._checks import as_rng
from nnsim.errors import ConfigError
from nnsim.text import translate

#: Fields closer to 0 than this count as 0 (the neuron keeps its state): Hebbian
#: fields are often exactly 0, and rounding must not make a neuron flip on noise.
FIELD_TOLERANCE = 1e-10
MODES = ("async", "sync")
ORDERS = ("random", "fixed")
#: Async recall guesses the flips of the neurons ahead at once (RecallProcess._visit): at
#: most this many pushes (guessed flips x neurons ahead) per guess.
WINDOW_ELEMENTS = 1 << 16
#: Rows of the weights copied at once when fields are brought up to date after flips.
ROW_CHUNK = 256


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
        self._W, self._unit = network.weights, network._unit
        self._spread = network._spread
        self._h = _fields(self._W, self._s, self._unit, self._spread)  # in units of 1 / _unit
        self._rng = as_rng(rng)
        self._max_sweeps = max_sweeps
        self._visits = np.arange(0)  # this sweep's order of visits
        self._position = 0
        self._flips_this_sweep = 0
        self._previous = None  # sync: the state before the last step
        self.energy = float(-0.5 * self._s @ self._h / self._unit)
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
        rows = _exact_rows(self._W, visit[candidates], self._unit)  # guessed flips' weights
        ahead = candidates[:, None] < np.arange(len(visit))  # guessed flip c comes before j
        fields += change[candidates] @ (rows.take(visit, axis=1) * ahead)
        flips = states * fields < -FIELD_TOLERANCE
        wrong = np.flatnonzero(flips != guess)
        while wrong.size:  # put the first wrong guess right, and the fields after it
            f = int(wrong[0])
            guess[f] = flips[f]
            push = change[f] if guess[f] else -change[f]
            row = _exact_rows(self._W, visit[f : f + 1], self._unit)[0]
            fields[f + 1 :] += push * row.take(visit[f + 1 :])
            flips[f + 1 :] = states[f + 1 :] * fields[f + 1 :] < -FIELD_TOLERANCE
            wrong = f + 1 + np.flatnonzero(flips[f + 1 :] != guess[f + 1 :])
        flipped = np.flatnonzero(flips)
        if not flipped.size:
            return self._keep(visit)
        steps = np.zeros(len(visit))
        steps[flipped] = -change[flipped] * fields[flipped] / self._unit  # energy changes
        steps[0] += self.energy
        energies = np.cumsum(steps)
        neurons = visit[flipped]
        s[neurons] = -states[flipped]
        h += (change[candidates] * flips[candidates]) @ rows
        extra = flipped[~unstable[flipped]]  # flips nobody guessed
        if extra.size:
            _add_rows(h, self._W, visit[extra], change[extra], self._unit)
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
            _add_rows(self._h, self._W, changed, 2.0 * new[changed], self._unit)
        else:
            self._h = _fields(self._W, new, self._unit, self._spread)
        self._previous, self._s = self._s, new
        self.energy = float(-0.5 * new @ self._h / self._unit)
        self.done = self.cycle
        return True


def _sign_keeping_zero(h: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Return sign(h), keeping the state of ``s`` where the field ``h`` is 0."""
    return np.where(h > FIELD_TOLERANCE, 1.0, np.where(h < -FIELD_TOLERANCE, -1.0, s))


def _fields(W: np.ndarray, s: np.ndarray, unit: float = 1.0, spread: float = 0.0) -> np.ndarray:
    """The local fields ``unit * (W @ s)``, shape (N,), float64 (see :func:`_exact_rows`).

    For float32 weights, ``spread`` bounds each row's sum of ``|unit * W|``: below
    2^22 the float64 sum of the float32 weights is within 1/4 of the integer field,
    so rounding the sums (rather than every weight) gives it exactly.
    """
    if W.dtype == np.float64:
        return W @ s
    h = np.empty(len(W))
    if spread < 2.0**22:
        for start in range(0, len(W), ROW_CHUNK):
            h[start : start + ROW_CHUNK] = W[start : start + ROW_CHUNK].astype(np.float64) @ s
        h *= unit
        return np.rint(h, out=h)
    counts = np.empty((min(ROW_CHUNK, len(W)), W.shape[1]), np.float32)
    for start in range(0, len(W), ROW_CHUNK):
        block = counts[: len(W) - start] if start + ROW_CHUNK > len(W) else counts
        np.multiply(W[start : start + ROW_CHUNK], np.float32(unit), out=block)
        h[start : start + ROW_CHUNK] = np.rint(block, out=block).astype(np.float64) @ s
    return h


def _exact_rows(W: np.ndarray, rows: np.ndarray, unit: float) -> np.ndarray:
    """``unit * W[rows]`` in float64: float32 weights c / N times N rounded back to c."""
    block = W.take(rows, axis=0)
    if W.dtype == np.float64:
        return block
    block *= np.float32(unit)
    return np.rint(block, out=block).astype(np.float64)


def _add_rows(h, W, rows, coefficients, unit: float = 1.0) -> None:
    """``h += coefficients @ (unit * W[rows])`` in place, ROW_CHUNK rows of W at a time."""
    for start in range(0, len(rows), ROW_CHUNK):
        chunk = slice(start, start + ROW_CHUNK)
        h += coefficients[chunk] @ _exact_rows(W, rows[chunk], unit)
