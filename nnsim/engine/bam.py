r"""Kosko's bidirectional associative memory (BAM): pairs of patterns that recall each other.

A BAM links a layer of :math:`n` units :math:`x` to a layer of :math:`m`
units :math:`y`, each :math:`\pm 1`.  Pairs :math:`(x^k, y^k)`, :math:`k = 1
\dots P`, are stored by Hebb's rule across the layers,

.. math::

    W = \sum_k y^k (x^k)^T \qquad (m \times n),

and recall goes back and forth: :math:`y = \operatorname{sign}(W x)`, then
:math:`x = \operatorname{sign}(W^T y)`, and so on (a unit whose field is 0
keeps its state), until a whole round changes neither layer.  The energy

.. math::

    E(x, y) = -y^T W x

never rises at a half-step, so recall always settles (Kosko 1988).  A BAM
is a Hopfield network on the joint state :math:`s = (x, y)` whose weights
join only units of different layers; :meth:`BAM.energy` and
:meth:`BAM.overlaps` take that joint state, shape (n + m,), so the
Hopfield workspace's plots show a BAM too.
"""

from dataclasses import dataclass

import numpy as np

from nnsim.engine.hopfield_recall import _sign_keeping_zero
from nnsim.errors import ConfigError, DataError
from nnsim.text import translate

SIDES = ("x", "y")


class BAM:
    """A bidirectional associative memory between ``n`` x-units and ``m`` y-units.

    Attributes
    ----------
    n, m : int
        The sizes of the x and y layers.
    weights : np.ndarray, shape (m, n)
        :math:`W = \\sum_k y^k (x^k)^T`.
    pairs : tuple of np.ndarray
        The stored pairs, X of shape (P, n) and Y of shape (P, m).

    ``n_neurons``, ``patterns``, :meth:`energy` and :meth:`overlaps` speak of the
    joint state, as a :class:`~nnsim.engine.hopfield.Hopfield` network's do of its
    state.
    """

    def __init__(self, n: int, m: int):
        if min(int(n), int(m)) < 1:
            message = translate(
                "BAM", "Each layer of a BAM needs a unit at least, not {n} and {m}."
            )
            raise ConfigError(message.format(n=n, m=m))
        self.n, self.m = int(n), int(m)
        self.weights = np.zeros((self.m, self.n))
        self.pairs = (np.zeros((0, self.n)), np.zeros((0, self.m)))

    def store(self, X, Y) -> None:
        """Store pairs ``X`` (P, n) and ``Y`` (P, m) of ±1 alone: W is made again from them."""
        X, Y = self._checked(X, self.n), self._checked(Y, self.m)
        if len(X) != len(Y):
            message = translate("BAM", "{x} x patterns and {y} y patterns make no pairs.")
            raise DataError(message.format(x=len(X), y=len(Y)))
        self.pairs = (X, Y)
        self.weights = Y.T @ X

    @property
    def n_neurons(self) -> int:
        """Units in all, n + m: the joint state's length."""
        return self.n + self.m

    @property
    def patterns(self) -> np.ndarray:
        """The stored pairs as joint states (x, y), shape (P, n + m)."""
        return np.hstack(self.pairs)

    def split(self, state) -> tuple[np.ndarray, np.ndarray]:
        """The x part (n,) and the y part (m,) of a joint state (n + m,) of ±1."""
        state = self._checked(state, self.n + self.m)[0]
        return state[: self.n], state[self.n :]

    def energy(self, state) -> float:
        """:math:`E = -y^T W x` of the joint state ``(x, y)``, shape (n + m,)."""
        x, y = self.split(state)
        return float(-y @ (self.weights @ x))

    def overlaps(self, state) -> np.ndarray:
        r"""The overlap with each stored pair, shape (P,).

        :math:`m_k = (x^k \cdot x + y^k \cdot y) / (n + m)`:
        1 for the pair itself, -1 for its mirror (every unit of both layers flipped).
        """
        x, y = self.split(state)
        X, Y = self.pairs
        return (X @ x + Y @ y) / (self.n + self.m)

    def recall(self, state, *, start="y", max_steps=200) -> "BAMResult":
        """Recall from the joint state ``(x, y)``; ``start`` names the layer updated first."""
        process = BAMProcess(self, state, start=start, max_steps=max_steps)
        first = process.energy
        energies = process.advance(max_steps)
        return BAMResult(
            process.state, process.converged, process.updates, np.concatenate([[first], energies])
        )

    def _checked(self, values, size: int) -> np.ndarray:
        array = np.atleast_2d(np.array(values, dtype=np.float64))
        if array.ndim != 2 or array.shape[1] != size or not np.isin(array, (-1.0, 1.0)).all():
            message = translate("BAM", "A BAM pattern here is {size} values of -1 or +1.")
            raise DataError(message.format(size=size))
        return array


@dataclass(frozen=True)
class BAMResult:
    """The end of :meth:`BAM.recall`: the joint ``state`` (n + m,), whether it ``converged``,
    the half-steps made (``updates``) and the energy before and after each, (1 + updates,)."""

    state: np.ndarray
    converged: bool
    updates: int
    energies: np.ndarray


class BAMProcess:
    """A BAM recall under way, one half-step (one layer updated) at a time, for animation.

    The interface of :class:`~nnsim.engine.hopfield_recall.RecallProcess`:
    an *update* is a half-step; recall ends (``done`` and ``converged``) when
    a whole round, both layers, changes nothing, or ``done`` alone after
    ``max_steps`` half-steps.

    Attributes
    ----------
    energy : float
        :math:`E = -y^T W x` of the current state.
    updates : int
        Half-steps made.
    side : str or None
        The layer the last half-step updated ("x" or "y"; None before any).
    flipped : int
        Units the last half-step flipped.
    done, converged : bool
    """

    def __init__(self, bam: BAM, state, *, start: str = "y", max_steps: int = 200):
        if start not in SIDES:
            message = translate("BAM", "Recall starts by updating x or y, not {name}.")
            raise ConfigError(message.format(name=repr(start)))
        self._bam, self._max_steps = bam, max_steps
        self._x, self._y = (part.copy() for part in bam.split(state))
        self._next = start
        self._unchanged = 0  # half-steps in a row that changed nothing
        self.energy = float(-self._y @ (bam.weights @ self._x))
        self.updates = self.flipped = 0
        self.side: str | None = None
        self.done = self.converged = False

    @property
    def state(self) -> np.ndarray:
        """A copy of the joint state (x, y), shape (n + m,)."""
        return np.concatenate([self._x, self._y])

    @property
    def x(self) -> np.ndarray:
        return self._x.copy()

    @property
    def y(self) -> np.ndarray:
        return self._y.copy()

    def advance(self, updates: int = 1) -> np.ndarray:
        """Make up to ``updates`` half-steps; return the energy after each (fewer once done)."""
        energies = []
        while len(energies) < updates and not self.done:
            if self.updates == self._max_steps:
                self.done = True
                break
            self._half_step()
            energies.append(self.energy)
            if self._unchanged == 2:
                self.done = self.converged = True
        return np.array(energies)

    def _half_step(self) -> None:
        W = self._bam.weights
        if self._next == "y":
            fields = W @ self._x
            new = _sign_keeping_zero(fields, self._y)
            self.flipped = int(np.count_nonzero(new != self._y))
            self._y, self.energy = new, float(-new @ fields)
        else:
            fields = self._y @ W
            new = _sign_keeping_zero(fields, self._x)
            self.flipped = int(np.count_nonzero(new != self._x))
            self._x, self.energy = new, float(-new @ fields)
        self._unchanged = 0 if self.flipped else self._unchanged + 1
        self.side, self._next = self._next, "x" if self._next == "y" else "y"
        self.updates += 1
