"""The BAM mode's state: two grids to draw on, a list of pairs, the bidirectional memory.

:class:`PairMemory` holds the x grid (a letter, say) and the y grid (its code),
each a :class:`~nnsim.model.memory.PatternMemory` used for its drawing alone
(painting, clearing, corrupting, undo), the pairs of patterns named and kept,
and the :class:`~nnsim.engine.bam.BAM` with the pairs stored in it.  Every
change emits ``changed`` with the part that changed ("x", "y", "pairs" or
"stored"); :meth:`PairMemory.snapshot` and :meth:`PairMemory.restore` let the
window undo any of them, as it does a pattern memory's.

A BAM is not saved in project files: the pairs live as long as the window.
"""

from dataclasses import dataclass

import numpy as np
from psygnal import Signal

from nnsim.engine.bam import BAM, SIDES
from nnsim.errors import ConfigError
from nnsim.model.memory import PatternMemory
from nnsim.text import translate

PARTS = ("x", "y", "pairs", "stored")
#: The starter pairs: three 7 x 5 letters, each with a 5 x 5 code of stripes or squares.
#: T, X and O (rather than A, B, C, whose shared strokes make Hebb's W mix A and B up) each
#: come back from every 5 flipped cells of the letter tried (300 tries, seed 0).
STARTER_PAIRS = (
    ("T", "#####..#....#....#....#....#....#..", "#####.....#####.....#####"),
    ("X", "#...##...#.#.#...#...#.#.#...##...#", "#.#.##.#.##.#.##.#.##.#.#"),
    ("O", ".###.#...##...##...##...##...#.###.", "#.#.#.#.#.#.#.#.#.#.#.#.#"),
)
X_SHAPE, Y_SHAPE = (7, 5), (5, 5)


@dataclass(frozen=True)
class PatternPair:
    """A named pair: ``x`` (n,) and ``y`` (m,), each -1 or +1 per cell (read-only)."""

    name: str
    x: np.ndarray
    y: np.ndarray


def cells_from_text(text: str) -> np.ndarray:
    """Cells from ``#`` (black, +1) and ``.`` (white, -1), row by row."""
    return np.array([1.0 if c == "#" else -1.0 for c in text])


class PairMemory:
    """Pairs of an x grid of ``x_shape`` (rows, columns) and a y grid of ``y_shape``.

    Signals
    -------
    changed(str)
        "x", "y", "pairs" or "stored": which part just changed.
    """

    changed = Signal(str)

    def __init__(self, x_shape=X_SHAPE, y_shape=Y_SHAPE):
        self.grids = {"x": PatternMemory(*x_shape), "y": PatternMemory(*y_shape)}
        for side, grid in self.grids.items():
            grid.changed.connect(lambda part, side=side: self._grid_changed(side, part))
        self.pairs: list[PatternPair] = []
        self.network = BAM(self.grids["x"].n, self.grids["y"].n)
        self.stored_names: tuple[str, ...] = ()

    @classmethod
    def with_starters(cls) -> "PairMemory":
        """The letters T, X and O with their codes, in the pairs' list (nothing stored)."""
        memory = cls()
        for name, x, y in STARTER_PAIRS:
            memory.add_pair(cells_from_text(x), cells_from_text(y), name)
        return memory

    def _grid_changed(self, side: str, part: str) -> None:
        if part == "current":
            self.changed.emit(side)

    # ------------------------------------------------------------ the grids
    @property
    def state(self) -> np.ndarray:
        """The two grids as one joint state (x, y), shape (n + m,)."""
        return np.concatenate([self.grids["x"].current, self.grids["y"].current])

    def set_state(self, state) -> None:
        """Show a joint state (n + m,) on the two grids."""
        x, y = self.network.split(state)
        self.grids["x"].set_current(x)
        self.grids["y"].set_current(y)

    def corrupt(self, side: str, fraction: float, rng=None) -> int:
        """Flip ``fraction`` of the cells of grid ``side`` ("x" or "y"); return how many."""
        return self.grids[_side(side)].corrupt(fraction, rng)

    def show(self, index: int) -> None:
        """Show pair ``index`` on the two grids."""
        pair = self.pairs[index]
        self.set_state(np.concatenate([pair.x, pair.y]))

    # ------------------------------------------------------------ the pairs
    def add_pair(self, x, y, name: str | None = None) -> PatternPair:
        """Add the pair (x, y) (cells of ±1) named ``name`` (or "pair k") to the list."""
        x, y = self.network.split(np.concatenate([np.ravel(x), np.ravel(y)]))
        names = {p.name for p in self.pairs}
        if name is None:
            numbered = translate("PairMemory", "pair {number}")
            name = next(numbered.format(number=k) for k in range(1, len(names) + 2)
                        if numbered.format(number=k) not in names)  # fmt: skip
        elif name in names:
            message = translate("PairMemory", "There is a pair called {name} already.")
            raise ConfigError(message.format(name=repr(name)))
        pair = PatternPair(name, _read_only(x), _read_only(y))
        self.pairs = [*self.pairs, pair]
        self.changed.emit("pairs")
        return pair

    def add_current(self) -> PatternPair:
        """Add the two grids' patterns as a new pair."""
        return self.add_pair(self.grids["x"].current, self.grids["y"].current)

    def remove(self, index: int) -> None:
        self.pairs = [p for k, p in enumerate(self.pairs) if k != index]
        self.changed.emit("pairs")

    # ---------------------------------------------------------- the network
    def store(self) -> None:
        """Store every pair in the list (W made again from them alone)."""
        if not self.pairs:
            message = translate("PairMemory", "There are no pairs: add the two grids as a pair.")
            raise ConfigError(message)
        self.store_pairs([(p.name, p.x, p.y) for p in self.pairs])

    def store_pairs(self, pairs) -> None:
        """Store (name, x, y) triples, and nothing else."""
        if pairs:
            names, X, Y = zip(*pairs, strict=True)
            self.network.store(np.array(X), np.array(Y))
        else:
            names = ()
            self.network = BAM(self.network.n, self.network.m)
        self.stored_names = tuple(names)
        self.changed.emit("stored")

    # ----------------------------------------------------------------- undo
    def snapshot(self, part: str):
        """What :meth:`restore` needs to bring ``part`` back as it is now."""
        if part in SIDES:
            return self.grids[part].snapshot("current")
        if part == "pairs":
            return tuple(self.pairs)
        X, Y = self.network.pairs
        return tuple(zip(self.stored_names, X.copy(), Y.copy(), strict=True))

    def restore(self, part: str, saved) -> None:
        """Bring ``part`` back to a :meth:`snapshot` of it."""
        if part in SIDES:
            self.grids[part].restore("current", saved)
        elif part == "pairs":
            self.pairs = list(saved)
            self.changed.emit(part)
        else:
            self.store_pairs(list(saved))


def _side(side: str) -> str:
    if side not in SIDES:
        message = translate("PairMemory", "A BAM has the sides x and y, not {name}.")
        raise ConfigError(message.format(name=repr(side)))
    return side


def _read_only(cells: np.ndarray) -> np.ndarray:
    cells = cells.copy()
    cells.flags.writeable = False
    return cells
