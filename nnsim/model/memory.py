"""The Hopfield workspace's state: a grid to draw on, a library of patterns, the network.

:class:`PatternMemory` holds the pattern being drawn (``current``, one
value of -1 (white) or +1 (black) per cell, row by row), the library of
named patterns, and the :class:`~nnsim.engine.Hopfield` network with the
patterns stored in it and the rule that stored them.  Every change goes
through a method that emits ``changed`` with the part that changed
("current", "library" or "stored"); :meth:`PatternMemory.snapshot` and
:meth:`PatternMemory.restore` let the window undo any of them.

The module also says how recall ended (:func:`recall_outcome`), how loaded
the memory is against the limits of the rule that stored it
(:func:`capacity`) and turns a grey image into a pattern
(:func:`pattern_from_image`).
"""

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from psygnal import Signal

from nnsim.engine import Hopfield
from nnsim.engine._checks import as_rng
from nnsim.engine.hopfield_dense import Interaction
from nnsim.engine.hopfield_rules import StorageRule, dense_rule, get_storage_rule
from nnsim.errors import ConfigError, DataError
from nnsim.model.capacity_lab import FEW_ERRORS_OVERLAP as FEW_ERRORS_OVERLAP  # (re-exported)
from nnsim.model.capacity_lab import LabPlan, lab_trials
from nnsim.text import translate

#: Grid sides a workspace may have (128 x 128 = 16,384 neurons: Hebb's float32 weights
#: take 1 GiB, the pseudo-inverse's and Storkey's float64 2 GiB).
MIN_SIDE, MAX_SIDE = 5, 128
PARTS = ("current", "library", "stored")


@dataclass(frozen=True)
class Pattern:
    """A named pattern: ``cells`` holds -1 or +1 per cell, row by row (read-only)."""

    name: str
    cells: np.ndarray


@dataclass(frozen=True)
class Capacity:
    """How full the memory is, against the limits of the rule that stores it.

    ``stored`` patterns in ``neurons`` neurons by ``rule``; ``load`` =
    stored / neurons; ``limit`` = the most patterns the rule holds in that
    many neurons before recall breaks down (Hebb's 0.138 N, the
    pseudo-inverse's N - 1, Storkey's N / sqrt(2 ln N), the dense rule's for its
    interaction); past it the memory is over capacity.
    """

    stored: int
    neurons: int
    rule: StorageRule

    @property
    def load(self) -> float:
        return self.stored / self.neurons

    @property
    def limit(self) -> float:
        return self.rule.limit(self.neurons)

    @property
    def exceeded(self) -> bool:
        return self.stored > self.limit

    def statement(self) -> str:
        """What the neurons hold by the rule, e.g. "100 neurons recall about 14 patterns ..."."""
        recall = translate("Capacity", "{neurons} neurons recall {statement}.")
        return recall.format(neurons=self.neurons, statement=self.rule.statement(self.neurons))


@dataclass(frozen=True)
class Outcome:
    """How a recall ended: "stored", "inverse", "spurious", "cycle", "stopped" (unsettled)
    or "hot" (unsettled at a temperature above 0, as a hot network stays).

    ``index`` is the stored pattern it ended on (or the mirror of), else the
    one it overlaps most; ``overlap`` that overlap, from -1 to 1.  A hot
    outcome's ``temperature`` is the last sweep's and ``sweeps`` the sweeps made.
    """

    kind: str
    index: int | None
    overlap: float
    temperature: float = 0.0
    sweeps: int = 0

    def describe(self, names) -> str:
        """The outcome in words, naming patterns by ``names``."""
        name = repr(names[self.index]) if self.index is not None else ""
        overlap = f"{self.overlap:.2f}"
        if self.kind == "stored":
            return translate("Outcome", "Converged to the stored pattern {name}.").format(name=name)
        if self.kind == "inverse":
            return translate(
                "Outcome", "Converged to the inverse of {name}, its mirror state (same energy)."
            ).format(name=name)
        if self.kind == "cycle":
            return translate(
                "Outcome", "Stuck in a 2-cycle: synchronous updates flip between two states."
            )
        if self.kind == "hot":
            return self._hot(name, overlap)
        if self.kind == "stopped":
            if not name:
                return translate("Outcome", "Stopped before the network settled.")
            return translate(
                "Outcome",
                "Stopped before the network settled (closest: {name}, overlap {overlap}).",
            ).format(name=name, overlap=overlap)
        if not name:
            return translate("Outcome", "Converged to a spurious state, a mixture of memories.")
        return translate(
            "Outcome",
            "Converged to a spurious state, a mixture of memories (closest: {name}, "
            "overlap {overlap}).",
        ).format(name=name, overlap=overlap)

    def _hot(self, name: str, overlap: str) -> str:
        """A hot outcome in words: recall at T > 0 ran its sweeps and did not settle."""
        values = {"temperature": f"{self.temperature:g}", "sweeps": self.sweeps}
        if not name:
            return translate(
                "Outcome",
                "Recall at temperature {temperature} ran {sweeps} sweeps without settling, "
                "as a hot network does.",
            ).format(**values)
        return translate(
            "Outcome",
            "Recall at temperature {temperature} ran {sweeps} sweeps without settling, "
            "as a hot network does; closest: {name}, overlap {overlap}.",
        ).format(name=name, overlap=overlap, **values)


def capacity(
    stored: int, neurons: int, rule: str, interaction: Interaction | None = None
) -> Capacity:
    """The load of ``stored`` patterns in ``neurons`` neurons, against the limits of ``rule``
    (the dense rule's for ``interaction``, a cubic when None)."""
    if rule == "dense":
        return Capacity(stored, neurons, dense_rule(interaction or Interaction()))
    return Capacity(stored, neurons, get_storage_rule(rule))


def recall_outcome(
    patterns: np.ndarray, state: np.ndarray, cycle: bool = False, settled: bool = True,
    temperature: float = 0.0, sweeps: int = 0,
) -> Outcome:  # fmt: skip
    """Say how recall ended in ``state`` (N,), given the stored ``patterns`` (P, N) of ±1.

    ``settled`` False: recall was stopped (or ran out of sweeps) before a fixed point;
    at a ``temperature`` above 0 (the last sweep's: a recall at a fixed T, or an
    anneal stopped while hot) after ``sweeps`` sweeps, the outcome is "hot".
    """
    if cycle:
        return Outcome("cycle", None, 0.0)
    overlaps = patterns @ state / state.size if len(patterns) else np.zeros(1)
    best = int(np.argmax(np.abs(overlaps)))
    unsettled = "hot" if temperature > 0 else "stopped"
    if not len(patterns):
        return Outcome("spurious" if settled else unsettled, None, 0.0, temperature, sweeps)
    if not settled:
        return Outcome(unsettled, best, float(overlaps[best]), temperature, sweeps)
    if overlaps[best] == 1.0:
        return Outcome("stored", best, 1.0)
    if overlaps[best] == -1.0:
        return Outcome("inverse", best, -1.0)
    return Outcome("spurious", best, float(overlaps[best]))


#: The loads the capacity experiment sweeps: 0.02, 0.04, ..., 0.30 patterns per neuron.
CAPACITY_LOADS = tuple(round(0.02 * k, 2) for k in range(1, 16))


def capacity_trials(
    n: int,
    rule: str = "hebb",
    loads=CAPACITY_LOADS,
    trials: int = 10,
    noise: float = 0.1,
    rng=None,
    should_stop=None,
) -> Iterator[tuple[int, float, float]]:
    """The capacity experiment, one trial at a time: the capacity lab
    (:func:`~nnsim.model.capacity_lab.lab_trials`) on one rule, random patterns and one N.

    For each load and trial, round(load * n) random patterns (at least one) are
    stored by ``rule`` in ``n`` neurons; each is corrupted by flipping
    ``noise`` of its cells and recalled asynchronously.  Loads in order,
    ``trials`` for each.  The experiment ends early, between two recalls, once
    ``should_stop()`` is true.

    Yields
    ------
    index : int
        The load's index in ``loads``.
    exact : float
        The share of the patterns that came back exactly (every cell right).
    few_errors : float
        The share that came back with few errors: overlap with the pattern at
        least :data:`FEW_ERRORS_OVERLAP` (so never less than ``exact``).
    """
    plan = LabPlan(rules=(rule,), sizes=(n,), loads=tuple(loads), trials=trials, noise=noise)
    for point in lab_trials(plan, rng, should_stop):
        yield point.load_index, point.exact, point.few_errors


def pattern_from_image(grey: np.ndarray, rows: int, columns: int) -> np.ndarray:
    """A (rows * columns,) pattern from a grey image, shape (height, width), values 0-255.

    The image is averaged over a rows x columns grid of boxes, and each box
    whose mean is darker than the image's mean becomes +1 (black).
    """
    grey = np.asarray(grey, dtype=np.float64)
    if grey.ndim != 2 or min(grey.shape) < 1:
        raise DataError(translate("Memory", "The image has no pixels."))
    row_edges = np.linspace(0, grey.shape[0], rows + 1).astype(int)
    col_edges = np.linspace(0, grey.shape[1], columns + 1).astype(int)
    boxes = np.empty((rows, columns))
    for r in range(rows):
        band = grey[row_edges[r] : max(row_edges[r + 1], row_edges[r] + 1)]
        for c in range(columns):
            boxes[r, c] = band[:, col_edges[c] : max(col_edges[c + 1], col_edges[c] + 1)].mean()
    return np.where(boxes < grey.mean(), 1.0, -1.0).ravel()


class PatternMemory:
    """A grid of ``rows`` x ``columns`` neurons, the pattern drawn on it, a library, a network.

    Signals
    -------
    changed(str)
        "current", "library" or "stored": which part just changed.
    """

    changed = Signal(str)

    def __init__(self, rows: int = 10, columns: int = 10):
        for side in (rows, columns):
            if not MIN_SIDE <= side <= MAX_SIDE:
                raise ConfigError(
                    translate(
                        "PatternMemory",
                        "A pattern grid has {fewest} to {most} rows and columns, not {side}.",
                    ).format(fewest=MIN_SIDE, most=MAX_SIDE, side=side)
                )
        self.rows, self.columns = rows, columns
        self.current = -np.ones(rows * columns)
        self.library: list[Pattern] = []
        self.network = Hopfield(rows * columns)
        self.stored_names: tuple[str, ...] = ()

    @property
    def n(self) -> int:
        return self.rows * self.columns

    @property
    def rule(self) -> str:
        return self.network.rule or "hebb"

    @property
    def interaction(self) -> Interaction:
        """The dense rule's interaction (kept whatever the rule)."""
        return self.network.interaction

    # ---------------------------------------------------------------- the grid
    def set_current(self, cells) -> None:
        """Show ``cells`` (N values of ±1) on the grid."""
        cells = self._checked(cells)
        if not np.array_equal(cells, self.current):
            self.current = cells
            self.changed.emit("current")

    def paint(self, cells, value: float) -> None:
        """Set the cells at flat indices ``cells`` to ``value`` (+1 black, -1 white)."""
        painted = self.current.copy()
        painted[np.asarray(cells, dtype=int)] = 1.0 if value > 0 else -1.0
        self.set_current(painted)

    def clear(self) -> None:
        self.set_current(-np.ones(self.n))

    def invert(self) -> None:
        self.set_current(-self.current)

    def randomise(self, rng=None) -> None:
        """Every cell black or white at random (a coin each)."""
        self.set_current(as_rng(rng).choice([-1.0, 1.0], self.n))

    def shift(self, down: int, right: int) -> None:
        """Move the drawing ``down`` rows and ``right`` columns, wrapping round the edges."""
        grid = self.current.reshape(self.rows, self.columns)
        self.set_current(np.roll(grid, (down, right), axis=(0, 1)).ravel())

    def corrupt(self, fraction: float, rng=None) -> int:
        """Flip ``fraction`` (0 to 0.5) of the cells, chosen at random; return how many."""
        if not 0.0 <= fraction <= 0.5:
            raise ConfigError(
                translate(
                    "PatternMemory", "Flip between 0% and 50% of the cells, not {share}."
                ).format(share=f"{fraction:.0%}")
            )
        count = round(fraction * self.n)
        flipped = self.current.copy()
        flipped[as_rng(rng).choice(self.n, count, replace=False)] *= -1
        self.set_current(flipped)
        return count

    # ------------------------------------------------------------- the library
    def add_current(self, name: str | None = None) -> Pattern:
        """Put the grid's pattern in the library (named ``name`` or "pattern k")."""
        names = {p.name for p in self.library}
        if name is None:
            numbered = translate("PatternMemory", "pattern {number}")
            name = next(
                numbered.format(number=k)
                for k in range(1, len(names) + 2)
                if numbered.format(number=k) not in names
            )
        elif name in names:
            raise ConfigError(
                translate(
                    "PatternMemory", "The library already holds a pattern called {name}."
                ).format(name=repr(name))
            )
        pattern = _pattern(name, self.current)
        self.library = [*self.library, pattern]
        self.changed.emit("library")
        return pattern

    def add_patterns(self, patterns) -> None:
        """Add (name, cells) pairs to the library, renaming any whose name is taken."""
        names = {p.name for p in self.library}
        added = []
        for name, cells in patterns:
            unique, k = name, 2
            while unique in names:
                unique, k = f"{name} ({k})", k + 1
            names.add(unique)
            added.append(_pattern(unique, self._checked(cells)))
        self.library = [*self.library, *added]
        self.changed.emit("library")

    def replace(self, index: int) -> None:
        """Put the grid's pattern in the library in place of pattern ``index``."""
        library = list(self.library)
        library[index] = _pattern(library[index].name, self.current)
        self.library = library
        self.changed.emit("library")

    def remove(self, index: int) -> None:
        self.library = [p for k, p in enumerate(self.library) if k != index]
        self.changed.emit("library")

    # ------------------------------------------------------------- the network
    def store(self, rule: str = "hebb", interaction: Interaction | None = None) -> None:
        """Store every library pattern in a fresh network with ``rule`` (and the dense
        rule's ``interaction``, if given)."""
        get_storage_rule(rule)  # an unknown rule is refused before anything else
        if not self.library:
            raise ConfigError(
                translate("PatternMemory", "The library is empty: add the pattern you drew first.")
            )
        self.store_patterns([(p.name, p.cells) for p in self.library], rule, interaction)

    def store_patterns(self, patterns, rule: str, interaction: Interaction | None = None) -> None:
        """Store (name, cells) pairs with ``rule`` alone (as a saved project held).

        The network's weights are made again in place: a second Store needs no
        second matrix (at N = 8,192 one float64 matrix is 512 MiB); the dense rule
        keeps the patterns and makes none.  ``interaction``, if given, becomes the
        dense rule's.
        """
        get_storage_rule(rule)
        cells = np.array([self._checked(cells) for _, cells in patterns])
        self.network.clear()
        self.network.interaction = interaction or self.network.interaction
        if len(cells):
            self.network.store(cells, rule=rule)
        self.stored_names = tuple(name for name, _ in patterns)
        self.changed.emit("stored")

    def forget(self) -> None:
        """An empty network: nothing stored."""
        self.network.clear()
        self.stored_names = ()
        self.changed.emit("stored")

    @property
    def capacity(self) -> Capacity:
        return capacity(len(self.stored_names), self.n, self.rule, self.interaction)

    # ---------------------------------------------------------------- undo
    def snapshot(self, part: str):
        """What :meth:`restore` needs to bring ``part`` back as it is now."""
        if part == "current":
            return self.current.copy()
        if part == "library":
            return tuple(self.library)
        # what was stored (as int8: at 128 x 128 a thousand patterns are 16 MiB), not the
        # weights: the network is made again, in place
        network = self.network
        return (network.patterns.astype(np.int8), network.rule, self.stored_names,
                network.interaction)  # fmt: skip

    def restore(self, part: str, saved) -> None:
        """Bring ``part`` back to a :meth:`snapshot` of it."""
        if part == "current":
            self.set_current(saved)
            return
        if part == "library":
            self.library = list(saved)
            self.changed.emit(part)
            return
        patterns, rule, names, interaction = saved
        self.store_patterns(list(zip(names, patterns, strict=True)), rule or "hebb", interaction)

    def _checked(self, cells) -> np.ndarray:
        cells = np.asarray(cells, dtype=np.float64).ravel()
        if cells.size != self.n or not np.isin(cells, (-1.0, 1.0)).all():
            raise DataError(
                translate(
                    "PatternMemory",
                    "A pattern on this {rows}x{columns} grid has {cells} cells of -1 or +1.",
                ).format(rows=self.rows, columns=self.columns, cells=self.n)
            )
        return cells.copy()


def _pattern(name: str, cells: np.ndarray) -> Pattern:
    cells = np.array(cells, dtype=np.float64)
    cells.flags.writeable = False
    return Pattern(name, cells)
