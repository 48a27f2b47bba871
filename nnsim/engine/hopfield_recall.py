r"""Hopfield recall under way: :class:`RecallProcess`, and the fields it keeps.

The fields :math:`h_i = \sum_j w_{ij} s_j` are made once and then kept up to
date: asynchronous recall guesses many flips at once and checks the guess, or
looks for a few flips one after another (:meth:`RecallProcess._visit`); a
synchronous step adds only the flipped neurons' weights.  Float32 weights (big Hebbian memories, see
:class:`~nnsim.engine.hopfield.Hopfield`) are taken back to Hebb's integer
sums, so their fields are exact.
"""

import numpy as np

from nnsim.engine.hopfield_sweeps import SweepProcess
from nnsim.engine.hopfield_temperature import Anneal

#: Fields closer to 0 than this count as 0 (the neuron keeps its state): Hebbian
#: fields are often exactly 0, and rounding must not make a neuron flip on noise.
FIELD_TOLERANCE = 1e-10
#: Async recall guesses the flips of the neurons ahead at once (RecallProcess._guess): at
#: most this many pushes (guessed flips x neurons ahead) per guess.  Bigger guesses are
#: more often wrong and leave the caches (measured at N = 1,024 and 2,048).
WINDOW_ELEMENTS = 1 << 15
#: Async recall scans for the flips one at a time (RecallProcess._scan) while at most this many
#: neurons ahead are unstable, and guesses them all at once when more are.
SCAN_AT_MOST = 4
#: Rows of the weights copied at once when fields are brought up to date after flips.
ROW_CHUNK = 256


class RecallProcess(SweepProcess):
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

    At a ``temperature`` :math:`T > 0` a visited neuron takes :math:`+1` with
    probability :math:`\sigma(2 h_i / T)` (Glauber dynamics, drawn from ``rng``;
    see :mod:`~nnsim.engine.hopfield_temperature`); in sync mode every neuron
    draws at once, from the same state.  Recall then does not settle: it makes
    ``max_sweeps`` sweeps (steps) and ends.  With ``anneal`` (an
    :class:`~nnsim.engine.hopfield_temperature.Anneal`) the temperature falls
    over its sweeps, then recall goes on at :math:`T = 0` as above, for up to
    ``max_sweeps`` more.  At :math:`T = 0` without ``anneal`` nothing is drawn
    but the order of visits.

    Its attributes (``energy``, ``sweep``, ``updates``, ``neuron``, ``flipped``,
    ``done``, ``converged``, ``cycle``, ``temperature``) are those of
    :class:`~nnsim.engine.hopfield_sweeps.SweepProcess`.
    """

    def __init__(
        self, network, probe, *, mode="async", order="random", max_sweeps=100, rng=None,
        temperature=0.0, anneal: Anneal | None = None,
    ):  # fmt: skip
        super().__init__(mode, order, max_sweeps, rng, temperature, anneal)
        self._network = network
        self._s = network._to_bipolar(probe).copy()
        self._W, self._unit = network.weights, network._unit
        self._spread = network._spread
        self._cut_scale = 0.5 * self._unit  # thresholds on the fields: h_i > theta_i / 2
        self._h = _fields(self._W, self._s, self._unit, self._spread)  # in units of 1 / _unit
        # async: 0, 1, ..., N - 1 in the narrowest integers that hold them (_pushed_before)
        dtype = np.int16 if len(self._s) < 2**15 else np.int32
        self._ranks = np.arange(len(self._s), dtype=dtype) if mode == "async" else None
        self._turns = None
        self.energy = float(-0.5 * self._s @ self._h / self._unit)

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
        first, energy = self.updates, self.energy
        places, drops = [], []  # the flips' updates (counted from first) and energy changes
        while self.updates - first < updates and not self.done:
            if self._position == len(self._visits) and not self._begin_sweep():
                break
            offset = self.updates - first
            visit = self._hot_visit if self.temperature else self._visit
            flipped, dropped = visit(updates - offset)
            if len(flipped):
                places.append(flipped + offset)
                drops.append(dropped)
        energies = _energy_levels(energy, self.updates - first, places, drops)
        if energies.size:
            self.energy = float(energies[-1])
        return energies

    def _begin_sweep(self) -> bool:
        """Start the next async sweep (:meth:`SweepProcess._begin_sweep`), its turns unmade."""
        self._turns = None  # made when a guess needs them (_pushed_before)
        return super()._begin_sweep()

    def _hot_visit(self, budget: int):
        """Visit up to ``budget`` neurons of this sweep at :math:`T > 0`, one after another.

        Each neuron takes +1 where its field is above its threshold (``_cuts``),
        else -1; the first neuron ahead that changes is flipped, its row of
        weights added to the fields, and the neurons after it judged again.
        Returns the positions flipped and each flip's change of energy, as
        :meth:`_visit` does.
        """
        visit = self._visits[self._position : self._position + budget]
        states, cuts = self._s.take(visit), self._cuts.take(visit)
        s, h, unit = self._s, self._h, self._unit
        flipped, drops, f = [], [], 0
        while f < len(visit):
            changing = states[f:] * (h.take(visit[f:]) - cuts[f:]) < 0
            step = int(changing.argmax())
            if not changing[step]:
                break
            f += step
            i, state = visit[f], float(states[f])
            drops.append(state * float(h[i]) * (2.0 / unit))
            s[i] = -state
            h += (-2.0 * state) * _exact_row(self._W, i, unit)
            flipped.append(f)
            f += 1
        self._position += len(visit)
        self._flips_this_sweep += len(flipped)
        self.updates += len(visit)
        self.neuron = int(visit[-1])
        self.flipped = int(bool(flipped) and flipped[-1] == len(visit) - 1)
        return np.array(flipped, dtype=np.intp), np.array(drops)

    def _visit(self, budget: int):
        """Visit up to ``budget`` neurons of this sweep at once, exactly as one at a time.

        The neurons ahead that are unstable now are the first guess of which
        flip.  A few are looked for in turn (:meth:`_scan`); many are guessed
        at once and the guess checked (:meth:`_guess`).  Returns the
        positions flipped (in this visit) and each flip's change of energy.
        """
        visit = self._visits[self._position : self._position + budget]
        states, fields = self._s.take(visit), self._h.take(visit)
        unstable = states * fields < -FIELD_TOLERANCE
        candidates = unstable.nonzero()[0]
        if not candidates.size:  # every neuron visited keeps its state
            flipped = drops = candidates
        elif candidates.size <= SCAN_AT_MOST:
            flipped, drops = self._scan(visit, states, int(candidates[0]))
        else:
            visit, flipped, drops = self._guess(visit, states, fields, unstable, candidates)
        self._position += len(visit)
        self._flips_this_sweep += len(flipped)
        self.updates += len(visit)
        self.neuron = int(visit[-1])
        self.flipped = int(len(flipped) > 0 and flipped[-1] == len(visit) - 1)
        if self._position == len(self._visits) and not self._flips_this_sweep:
            self.done = self.converged = True  # a sweep without a flip ends recall
        return flipped, drops

    def _scan(self, visit, states, f):
        """Flip the neurons of ``visit`` in turn from position ``f``, the first unstable one.

        Each flip adds its row of the weights to the fields, and the next flip
        is the first neuron ahead then unstable: one neuron at a time, at
        O(N) a flip.  ``states`` are those of ``visit`` before.  Sets the state
        and the fields; returns the positions flipped and each flip's change
        of energy.
        """
        s, h, unit = self._s, self._h, self._unit
        flipped, drops = [], []
        while True:
            i, state = visit[f], float(states[f])
            drops.append(state * float(h[i]) * (2.0 / unit))  # as _guess reckons them
            s[i] = -state
            h += (-2.0 * state) * _exact_row(self._W, i, unit)
            flipped.append(f)
            f += 1
            if f == len(visit):
                return np.array(flipped), np.array(drops)
            unstable = states[f:] * h.take(visit[f:]) < -FIELD_TOLERANCE
            step = int(unstable.argmax())
            if not unstable[step]:
                return np.array(flipped), np.array(drops)
            f += step

    def _guess(self, visit, states, fields, unstable, candidates):
        """Guess that the ``candidates`` (positions in ``visit``, unstable now) flip, and check.

        Each neuron's field when its turn comes follows from the guessed
        flips before it.  Where the guess is wrong (a flip undone or made by
        those before), it is put right and only the fields after it are
        mended, so the states, their order and the flips are those of one
        neuron at a time; only the fields' rounding differs.  A guess covers at
        most WINDOW_ELEMENTS pushes (flips x neurons); the rest waits.  Sets
        the state and the fields; returns the neurons visited, the positions
        flipped and each flip's change of energy.
        """
        if candidates.size * len(visit) > WINDOW_ELEMENTS:  # bound one guess's work and memory
            count = max(1, WINDOW_ELEMENTS // len(visit))
            width = int(candidates[count - 1]) + 1
            visit, states, fields = visit[:width], states[:width], fields[:width]
            unstable = unstable[:width]
            candidates = candidates[:count]
        pushes = -2.0 * states[candidates]  # the guessed flips' changes of state
        rows = _exact_rows(self._W, visit[candidates], self._unit)  # and their weights
        fields += self._pushed_before(pushes, rows, visit, candidates)
        wrong = ((states * fields < -FIELD_TOLERANCE) != unstable).nonzero()[0]
        flipped, guess = (None, unstable.copy()) if wrong.size else (candidates, unstable)
        while wrong.size:  # put the first wrong guess right, and the fields after it
            f = int(wrong[0])
            guess[f] = not guess[f]
            push = 2.0 * float(states[f]) * (-1.0 if guess[f] else 1.0)
            ahead = slice(f + 1, None)
            fields[ahead] += push * _exact_row(self._W, visit[f], self._unit).take(visit[ahead])
            flips = states[ahead] * fields[ahead] < -FIELD_TOLERANCE
            wrong = f + 1 + (flips != guess[ahead]).nonzero()[0]
        if flipped is None:  # some guesses were put right
            flipped = guess.nonzero()[0]
            pushes *= guess[candidates]
            extra = flipped[~unstable[flipped]]  # flips nobody guessed
            if extra.size:
                _add_rows(self._h, self._W, visit[extra], -2.0 * states[extra], self._unit)
        self._s[visit[flipped]] = -states[flipped]
        self._h += pushes @ rows
        return visit, flipped, states[flipped] * fields[flipped] * (2.0 / self._unit)

    def _pushed_before(self, pushes, rows, visit, candidates) -> np.ndarray:
        r"""What the guessed flips before each neuron of ``visit`` add to its field.

        :math:`\sum_{c \text{ before } j} \Delta s_c w_{cj}` for each neuron j of
        ``visit``, shape (len(visit),): ``rows`` (k, N) are the weights of the k
        guessed flips at positions ``candidates`` of ``visit``, ``pushes`` (k,)
        their changes of state :math:`\Delta s_c`.  A guess over most of the
        sweep compares turns in the neurons' own order (no columns to gather);
        a short one gathers the columns of the neurons it visits.  Turns are
        int16 where N allows: comparing them makes the widest array.
        """
        ranks = self._ranks
        if 2 * len(visit) < len(ranks):
            before = candidates.astype(ranks.dtype)[:, None] < ranks[: len(visit)]
            return pushes @ (rows.take(visit, axis=1) * before)
        if self._turns is None:  # each neuron's turn in this sweep, made once a sweep
            self._turns = np.empty_like(ranks)
            self._turns[self._visits] = ranks
        turns = np.add(candidates, self._position, dtype=ranks.dtype)
        return (pushes @ (rows * (turns[:, None] < self._turns))).take(visit)

    def _sync_step(self) -> bool:
        """One synchronous step; False (and done) when it would change nothing."""
        if self.sweep == self._max_sweeps:
            self.done = True
            return False
        if self._hot_sweeps:
            self._heat(self.sweep)  # T = 0 once the hot steps are made
        if self.temperature:  # every neuron draws at once, from the same state
            new = np.where(self._h > self._cuts, 1.0, -1.0)
            self._sync_move(new, np.flatnonzero(new != self._s))
            self._previous = None  # no 2-cycle while hot
            return True
        new = _sign_keeping_zero(self._h, self._s)
        changed = np.flatnonzero(new != self._s)
        if not len(changed):
            self.flipped = 0
            self.done = self.converged = True
            return False
        self.cycle = self._previous is not None and np.array_equal(new, self._previous)
        self._sync_move(new, changed)
        self.done = self.cycle
        return True

    def _sync_move(self, new: np.ndarray, changed: np.ndarray) -> None:
        """Make ``new`` (N,) the state, the neurons ``changed`` flipped: one synchronous step."""
        self.sweep += 1
        self.updates += 1
        self.flipped = len(changed)
        if 3 * self.flipped < len(new):  # only the flipped neurons' weights change the fields
            _add_rows(self._h, self._W, changed, 2.0 * new[changed], self._unit)
        else:
            self._h = _fields(self._W, new, self._unit, self._spread)
        self._previous, self._s = self._s, new
        self.energy = float(-0.5 * new @ self._h / self._unit)


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


def _exact_row(W: np.ndarray, row: int, unit: float) -> np.ndarray:
    """``unit * W[row]`` in float64, as :func:`_exact_rows` makes it (float64 weights: a view)."""
    if W.dtype == np.float64:
        return W[row]
    values = W[row] * np.float32(unit)
    return np.rint(values, out=values).astype(np.float64)


def _energy_levels(energy: float, length: int, places: list, drops: list) -> np.ndarray:
    """The energy after each of ``length`` updates from ``energy``, shape (length,).

    ``places`` (arrays of updates that flipped, in order) and ``drops`` (their
    changes of energy) are lists of arrays; the changes are added one at a time.
    """
    levels = np.concatenate([(energy,), *drops])
    np.add.accumulate(levels, out=levels)  # (np.cumsum and np.diff cost more than they do here)
    edges = np.concatenate([(0,), *places, (length,)])
    return levels.repeat(edges[1:] - edges[:-1])


def _add_rows(h, W, rows, coefficients, unit: float = 1.0) -> None:
    """``h += coefficients @ (unit * W[rows])`` in place, ROW_CHUNK rows of W at a time."""
    for start in range(0, len(rows), ROW_CHUNK):
        chunk = slice(start, start + ROW_CHUNK)
        h += coefficients[chunk] @ _exact_rows(W, rows[chunk], unit)
