r"""Dense associative memories: Krotov and Hopfield's (2016), and the modern continuous one.

**Dense memory** (Krotov and Hopfield, 2016; the exponential one Demircigil et
al., 2017).  States and patterns are :math:`\pm 1`; there are no weights, only
the patterns :math:`\xi^\mu` (P, N) and an interaction function :math:`F`:

.. math::

    E(s) = -\sum_\mu F(m_\mu), \qquad m_\mu = \xi^\mu \cdot s,

with :math:`F(x) = x^n` ("polynomial", degree :math:`n \ge 2`) or
:math:`F(x) = e^x` ("exponential").  A neuron takes the state that gives the lower
energy, the others held (it keeps its state at a tie):

.. math::

    s_i \leftarrow \operatorname{sign} \sum_\mu \bigl[F(r^\mu_i + \xi^\mu_i)
        - F(r^\mu_i - \xi^\mu_i)\bigr], \qquad r^\mu_i = m_\mu - \xi^\mu_i s_i .

Since :math:`\xi^\mu_i = \pm 1`, the bracket is :math:`2 \xi^\mu_i g(r^\mu_i)`,
:math:`g(r) = \sum_{k\ \mathrm{odd}} \binom{n}{k} r^{n-k}` for the polynomial
(written out, no difference of huge powers is taken) and
:math:`\sinh(1)\, e^{r}` for the exponential (scaled by :math:`e^{-\max r}`, which
keeps the sign).  Degree 2 is Hopfield's 1982 network with Hebb's rule: the
bracket sums to :math:`4 N h_i`, so both flip the same neurons.  Higher
degrees store far more patterns, about :math:`N^{n-1}`
(:func:`dense_capacity`).  Asynchronous updates never raise :math:`E`.  For the
exponential, whose :math:`E` overflows a float from a few hundred neurons,
:attr:`DenseRecallProcess.energy` is :math:`-\log(-E) = -\log\sum_\mu e^{m_\mu}`,
which falls exactly when :math:`E` does.

**Modern continuous memory** (Ramsauer et al., 2020).  The state
:math:`\xi \in \mathbb{R}^N`; with the patterns as the columns of
:math:`X` (N, P) and an inverse temperature :math:`\beta`,

.. math::

    \xi^{new} = X \operatorname{softmax}(\beta X^T \xi), \qquad
    E(\xi) = -\beta^{-1} \log \sum_\mu e^{\beta x_\mu \cdot \xi} + \tfrac12 \xi \cdot \xi
             + \beta^{-1} \log P + \tfrac12 M^2,

:math:`M = \max_\mu \lVert x_\mu \rVert`.  The update is a transformer's
attention with the query :math:`\xi` and the patterns as keys and values; a
large :math:`\beta` gives one pattern back in one step, a small one a mixture.
"""

from dataclasses import dataclass
from math import comb, log
from statistics import NormalDist

import numpy as np

from nnsim.engine.hopfield_sweeps import SweepProcess
from nnsim.engine.hopfield_temperature import Anneal
from nnsim.errors import ConfigError, DataError
from nnsim.text import translate

INTERACTIONS = ("polynomial", "exponential")
#: The highest polynomial degree (a degree-30 energy of 10,000 neurons is 1e120).
MAX_DEGREE = 30
#: Async recall checks the neurons ahead in blocks, first this many ...
FIRST_BLOCK = 8
#: ... then twice as many after each block without a flip, up to this many
#: (block x patterns values at once).
BLOCK_ELEMENTS = 1 << 16


@dataclass(frozen=True)
class Interaction:
    """The interaction function :math:`F` of a dense memory.

    Attributes
    ----------
    kind : {"polynomial", "exponential"}
    degree : int
        :math:`n` of :math:`F(x) = x^n` (polynomial only; 2 up to :data:`MAX_DEGREE`).
    """

    kind: str = "polynomial"
    degree: int = 3

    def __post_init__(self):
        if self.kind not in INTERACTIONS:
            message = translate(
                "DenseMemory", "Unknown interaction {name}: choose polynomial or exponential."
            )
            raise ConfigError(message.format(name=repr(self.kind)))
        if self.kind == "polynomial" and not (
            isinstance(self.degree, int | np.integer) and 2 <= self.degree <= MAX_DEGREE
        ):
            message = translate(
                "DenseMemory", "The degree must be a whole number from 2 to {most}, not {value}."
            )
            raise ConfigError(message.format(most=MAX_DEGREE, value=self.degree))

    def energy(self, m: np.ndarray) -> float:
        r""":math:`-\sum_\mu F(m_\mu)` of overlaps ``m`` (P,); for the exponential
        :math:`-\log \sum_\mu e^{m_\mu}` (see the module)."""
        if self.kind == "exponential":
            top = float(m.max())
            return -(top + log(float(np.exp(m - top).sum())))
        return -float((m**self.degree).sum())

    def drive(self, r: np.ndarray, xi: np.ndarray) -> np.ndarray:
        r"""What decides each neuron: :math:`\sum_\mu \xi^\mu_i g(r^\mu_i)`, with the sign of
        :math:`E(s_i = -1) - E(s_i = +1)` (the positive factors dropped).

        Parameters
        ----------
        r, xi : np.ndarray, shape (B, P)
            For each of B neurons, :math:`r^\mu_i` and :math:`\xi^\mu_i`.

        Returns
        -------
        np.ndarray, shape (B,)
        """
        if self.kind == "exponential":
            return (xi * np.exp(r - r.max(axis=1, keepdims=True))).sum(axis=1)
        n, g = self.degree, np.zeros_like(r)
        for power in range(n - 1, -1, -1):  # Horner: g(r) = sum over odd k of C(n, k) r^(n-k)
            g *= r
            if (n - power) % 2:
                g += comb(n, n - power)
        return (xi * g).sum(axis=1)

    def gap(self, r: np.ndarray, xi: np.ndarray, n_neurons: int) -> np.ndarray:
        r"""Each neuron's energy gap :math:`\Delta \tilde E_i`, on the scale of Hopfield's
        :math:`\Delta E_i = 2 h_i` (for Glauber dynamics), shape (B,); ``r``, ``xi`` as
        :meth:`drive` takes them.

        Polynomial: :math:`(E(s_i = -1) - E(s_i = +1)) / (n N^{n-1})`, which is
        :math:`2 h_i` of Hebb's weights at degree 2 and about 2 at a stored pattern
        for any degree.  Exponential: the change of the energy reported,
        :math:`\log \sum_\mu e^{r^\mu_i + \xi^\mu_i} - \log \sum_\mu e^{r^\mu_i - \xi^\mu_i}`,
        between -2 and 2.
        """
        if self.kind == "exponential":
            up, down = r + xi, r - xi
            top = np.maximum(up.max(axis=1), down.max(axis=1))[:, None]
            return np.log(np.exp(up - top).sum(axis=1)) - np.log(np.exp(down - top).sum(axis=1))
        return 2.0 * self.drive(r, xi) / (self.degree * float(n_neurons) ** (self.degree - 1))


def bipolar_patterns(patterns, n_neurons: int | None = None) -> np.ndarray:
    """``patterns`` (P, N) or (N,) of -1 and +1, as a float64 (P, N) array.

    Raises
    ------
    DataError
        Saying what is wrong: values other than -1 and +1, or the wrong length.
    """
    array = np.atleast_2d(np.array(patterns, dtype=np.float64))
    if array.ndim != 2 or (n_neurons is not None and array.shape[1] != n_neurons):
        message = translate(
            "DenseMemory", "The patterns have shape {shape}; the memory needs {count} values each."
        )
        raise DataError(message.format(shape=array.shape, count=n_neurons))
    if not np.isin(array, (-1.0, 1.0)).all():
        raise DataError(translate("DenseMemory", "The patterns may hold only -1 and +1."))
    return array


class DenseRecallProcess(SweepProcess):
    r"""A dense memory's recall under way, a given number of updates at a time.

    The same interface as :class:`~nnsim.engine.hopfield_recall.RecallProcess`
    (``advance``, ``state``, ``energy``, ``sweep``, ``updates``, ``neuron``,
    ``flipped``, ``done``, ``converged``, ``cycle``): async visits the neurons
    in a new random order each sweep (``rng``) or in index order, and ends
    after a sweep without a flip; sync updates every neuron from the same
    state, and ends at a fixed point or a 2-cycle; either ends after
    ``max_sweeps``.  The overlaps :math:`m_\mu` are kept up to date flip by flip
    (O(P) each); async checks the neurons ahead in blocks, as if one at a time.

    At a ``temperature`` :math:`T > 0` (or with ``anneal``) recall runs as
    :class:`~nnsim.engine.hopfield_recall.RecallProcess` does (see
    :mod:`~nnsim.engine.hopfield_temperature`), a visited neuron taking +1 with
    probability :math:`P(s_i = +1) = \sigma(\Delta \tilde E_i / T)`,
    :math:`\Delta \tilde E_i` the energy gap of :meth:`Interaction.gap`:
    :math:`(E(s_i = -1) - E(s_i = +1)) / (n N^{n-1})` for the polynomial (at
    degree 2 exactly Hopfield's :math:`\sigma(2 h_i / T)`), the change of
    :math:`-\log(-E)` for the exponential.

    Parameters
    ----------
    patterns : np.ndarray, shape (P, N)
        The stored patterns, -1 and +1 (at least one).
    probe : np.ndarray, shape (N,)
        The starting state, -1 and +1.
    interaction : Interaction
    """

    def __init__(
        self, patterns, probe, interaction: Interaction, *, mode="async", order="random",
        max_sweeps=100, rng=None, temperature=0.0, anneal: Anneal | None = None,
    ):  # fmt: skip
        super().__init__(mode, order, max_sweeps, rng, temperature, anneal)
        xi = bipolar_patterns(patterns)
        if not len(xi):
            raise DataError(translate("DenseMemory", "A dense memory needs a stored pattern."))
        # (N, P): the neurons' rows of every pattern, so a block of neurons is a gather of rows
        self._xi_rows = np.ascontiguousarray(xi.T)
        self._s = bipolar_patterns(probe, xi.shape[1])[0].copy()
        self.interaction = interaction
        self._m = xi @ self._s
        self._block = FIRST_BLOCK
        self.energy = interaction.energy(self._m)

    @property
    def state(self) -> np.ndarray:
        """A copy of the current state, shape (N,), -1 and +1."""
        return self._s.copy()

    @property
    def overlaps(self) -> np.ndarray:
        r""":math:`m_\mu / N` for each pattern, shape (P,)."""
        return self._m / len(self._s)

    def advance(self, updates: int = 1) -> np.ndarray:
        """Make up to ``updates`` updates; return the energy after each (fewer once recall ends)."""
        energies: list[float] = []
        while len(energies) < updates and not self.done:
            if self.mode == "sync":
                if self._sync_step():
                    energies.append(self.energy)
            elif self._position < len(self._visits) or self._begin_sweep():
                energies += self._visit(updates - len(energies))
        return np.array(energies)

    def _changing(self, neurons: np.ndarray) -> np.ndarray:
        """Which of ``neurons`` would flip now, shape (B,) of bool: against their drive
        (:meth:`Interaction.drive`), or at T > 0 their energy gap against their thresholds."""
        xi = self._xi_rows[neurons]  # (B, P)
        r = self._m[None, :] - xi * self._s[neurons, None]
        if self.temperature:
            gap = self.interaction.gap(r, xi, len(self._s))
            return (gap - self._cuts[neurons]) * self._s[neurons] < 0
        return self.interaction.drive(r, xi) * self._s[neurons] < 0

    def _visit(self, budget: int) -> list[float]:
        """Visit up to ``budget`` neurons of this sweep, one block at a time; the energies.

        Every neuron of a block is judged from the same state, so the block
        ends at its first flip (the neurons after it are judged again, from
        the state after the flip): the same flips, in the same order, as one
        neuron at a time.
        """
        limit = max(FIRST_BLOCK, BLOCK_ELEMENTS // len(self._m))
        start = self._position
        block = self._visits[start : start + min(budget, self._block)]
        wrong = np.flatnonzero(self._changing(block))
        if not len(wrong):
            self._position += len(block)
            self._block = min(2 * self._block, limit)
            self._note_visits(block[-1], 0, len(block))
            return [self.energy] * len(block)
        first = int(wrong[0])
        neuron = int(block[first])
        self._flip(np.array([neuron]))
        self._flips_this_sweep += 1
        self._position += first + 1
        self._block = FIRST_BLOCK
        before = self.energy
        self.energy = self.interaction.energy(self._m)
        self._note_visits(neuron, 1, first + 1)
        return [before] * first + [self.energy]

    def _note_visits(self, neuron: int, flipped: int, count: int) -> None:
        self.neuron, self.flipped = neuron, flipped
        self.updates += count

    def _flip(self, neurons: np.ndarray) -> None:
        """Flip ``neurons`` and bring the overlaps up to date (O(P) each)."""
        self._s[neurons] = -self._s[neurons]
        self._m += 2.0 * (self._s[neurons] @ self._xi_rows[neurons])

    def _sync_step(self) -> bool:
        """One synchronous step; False (and done) if recall ends without one."""
        if self.sweep == self._max_sweeps:
            self.done = True
            return False
        neurons = np.arange(len(self._s))
        hot = self.sweep < self._hot_sweeps  # every neuron draws at once, from the same state
        self._heat(self.sweep)
        flips = np.flatnonzero(self._changing(neurons))
        if not len(flips) and not hot:
            self.done = self.converged = True
            return False
        before = self._s.copy()
        self._flip(flips)
        self.sweep += 1
        self.updates += 1
        self.neuron, self.flipped = None, len(flips)
        self.energy = self.interaction.energy(self._m)
        if not hot and self._previous is not None and np.array_equal(self._s, self._previous):
            self.done = self.cycle = True
        self._previous = None if hot else before  # no 2-cycle while hot
        return True


def dense_capacity(n_neurons: int, degree: int, bit_errors: float = 0.0) -> float:
    r"""About how many random patterns a polynomial dense memory of degree :math:`n` holds.

    From the signal and the noise in a stored pattern's drive: the pattern's own
    term is :math:`g(N) \approx n N^{n-1}`; each of the :math:`K` others adds
    :math:`\pm n r^{n-1}`, :math:`r` of variance :math:`N`, so the noise's variance is
    :math:`K n^2 (2n-3)!! N^{n-1}` and :math:`\mathrm{SNR}^2 = N^{n-1} / (K (2n-3)!!)`
    (Krotov and Hopfield, 2016).  Every pattern recalled without an error
    (``bit_errors`` 0) needs all :math:`NK` bits right,
    :math:`\mathrm{SNR}^2 > 2 \ln(NK) \approx 2 n \ln N`:

    .. math::  K = \frac{N^{n-1}}{2 n (2n-3)!! \ln N}

    (:math:`N / (4 \ln N)` at :math:`n = 2`, Hebb's exact limit).  A share ``bit_errors``
    :math:`\varepsilon` of wrong bits allowed: :math:`K = N^{n-1} / ((2n-3)!!\, z^2)`,
    :math:`z = \Phi^{-1}(1 - \varepsilon)`.  (Hebb's 0.138 N with 1.6% of bits wrong
    comes from a finer theory; this simple one gives 0.22 N there.)
    """
    double_factorial = float(np.prod(np.arange(2 * degree - 3, 0, -2)))
    scale = n_neurons ** (degree - 1) / double_factorial
    if bit_errors > 0:
        return scale / NormalDist().inv_cdf(1.0 - bit_errors) ** 2
    return scale / (2.0 * degree * log(n_neurons))


# ------------------------------------------------------------- the modern one
def modern_update(patterns, state, beta: float) -> np.ndarray:
    r"""One step :math:`\xi^{new} = X \operatorname{softmax}(\beta X^T \xi)`.

    Parameters
    ----------
    patterns : array, shape (P, N)
        The stored patterns (any real values), one per row: :math:`X^T`.
    state : array, shape (N,)
    beta : float
        The inverse temperature :math:`\beta > 0`.

    Returns
    -------
    np.ndarray, shape (N,)
    """
    return attention_weights(patterns, state, beta) @ np.asarray(patterns, dtype=np.float64)


def attention_weights(patterns, state, beta: float) -> np.ndarray:
    r""":math:`\operatorname{softmax}(\beta X^T \xi)`, shape (P,): how much of each pattern
    the next state takes."""
    _check_beta(beta)
    scores = beta * (np.asarray(patterns, dtype=np.float64) @ np.asarray(state, dtype=np.float64))
    weights = np.exp(scores - scores.max())
    return weights / weights.sum()


def modern_energy(patterns, state, beta: float) -> float:
    r""":math:`E(\xi)` of the modern Hopfield network (see the module); at least 0."""
    _check_beta(beta)
    X = np.asarray(patterns, dtype=np.float64)
    xi = np.asarray(state, dtype=np.float64)
    scores = beta * (X @ xi)
    top = float(scores.max())
    lse = (top + log(float(np.exp(scores - top).sum()))) / beta
    largest = float(np.sqrt((X * X).sum(axis=1)).max())
    return -lse + 0.5 * float(xi @ xi) + log(len(X)) / beta + 0.5 * largest**2


def modern_recall(patterns, state, beta: float, max_steps: int = 100, tolerance: float = 1e-12):
    r"""Update from ``state`` until a step moves it less than ``tolerance`` (largest change).

    Returns
    -------
    states : np.ndarray, shape (steps + 1, N)
        The state before the first step and after each.
    energies : np.ndarray, shape (steps + 1,)
        :func:`modern_energy` of each (it never rises: Ramsauer et al., theorem 1).
    """
    states = [np.asarray(state, dtype=np.float64)]
    for _ in range(max_steps):
        states.append(modern_update(patterns, states[-1], beta))
        if np.abs(states[-1] - states[-2]).max() < tolerance:
            break
    energies = np.array([modern_energy(patterns, s, beta) for s in states])
    return np.array(states), energies


def _check_beta(beta: float) -> None:
    if not (isinstance(beta, int | float | np.floating) and 0 < beta < np.inf):
        message = translate("DenseMemory", "Beta must be a number above 0, not {value}.")
        raise ConfigError(message.format(value=beta))
