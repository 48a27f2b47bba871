r"""The capacity lab: how many patterns each storage rule recalls, measured, against theory.

A :class:`LabPlan` names the rules, the pattern kinds, the numbers of neurons N
and the loads P / N to try; :func:`lab_trials` runs it one trial at a time
(a generator, so a worker can show progress and stop between two recalls).
Each trial stores ``round(load * N)`` patterns (at least one) by a rule, flips
``noise`` of the cells of each of (up to ``probes`` of) them, recalls
asynchronously, and counts the patterns that came back exactly (every cell
right) and with few errors (overlap at least :data:`FEW_ERRORS_OVERLAP`).

The pattern kinds (:data:`PATTERN_KINDS`):

* ``random``: every cell -1 or +1 with a coin each; two patterns overlap about
  :math:`\pm 1/\sqrt N`.
* ``correlated``: one random *parent* per trial, and each pattern a copy of it
  with every cell flipped with probability :math:`(1 - c) / 2`
  (:func:`correlated_patterns`).  A pattern then overlaps the parent by
  :math:`c` on average, and two patterns overlap each other by :math:`c^2` on
  average (each cell agrees with probability :math:`(1 + c^2) / 2`).
* ``library``: patterns drawn (without repeats) from a person's own library, on
  its own N only, and only at loads it has patterns enough for.

:func:`theory_loads` gives the rule's registered limits
(:mod:`nnsim.engine.hopfield_rules`) as loads, to draw beside the measured curves.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from nnsim.engine import Hopfield
from nnsim.engine._checks import as_rng
from nnsim.engine.hopfield_dense import Interaction
from nnsim.engine.hopfield_rules import dense_rule, get_storage_rule
from nnsim.errors import ConfigError
from nnsim.text import translate

PATTERN_KINDS = ("random", "correlated", "library")
#: A recall ending at this overlap with its pattern or more counts as "with few errors":
#: at most 2% of the cells wrong.  Below Hebb's 0.138 the state recall settles in
#: overlaps its pattern by more than 0.967 (Amit, Gutfreund and Sompolinsky 1987);
#: and on an 8 x 8 grid one wrong cell (0.969) is few errors, which 0.97 would refuse.
FEW_ERRORS_OVERLAP = 0.96


def _loads(step: float, count: int) -> tuple[float, ...]:
    return tuple(round(step * k, 3) for k in range(1, count + 1))


#: The loads each rule is tried at: past its limit at N = 64 to 256, so the curves fall.
RULE_LOADS = {
    "hebb": _loads(0.02, 15),  # 0.02 ... 0.30 (0.138 N)
    "storkey": _loads(0.025, 26),  # 0.025 ... 0.65 (N / sqrt(2 ln N): 0.33 at N = 100)
    "pseudoinverse": _loads(0.05, 20),  # 0.05 ... 1.0 (N - 1)
    "dense": _loads(0.4, 20),  # 0.4 ... 8.0 (cubic: N^2 / (18 ln N), 1.2 N at N = 100)
}


@dataclass(frozen=True)
class LabPlan:
    """What the lab measures.

    Attributes
    ----------
    rules, kinds : tuple of str
        Storage rule names and :data:`PATTERN_KINDS`.
    sizes : tuple of int
        Numbers of neurons N.
    loads : tuple of float or None
        Loads P / N tried for every rule; None: each rule's :data:`RULE_LOADS`.
    trials : int
        Pattern sets tried at each load.
    noise : float
        The share of a pattern's cells flipped before recall (0 to 0.5).
    overlap : float
        The correlated kind's :math:`c`, 0 to 1 (0: as random).
    library : np.ndarray or None, shape (L, N)
        A person's patterns, -1 and +1, for the library kind.
    interaction : Interaction
        The dense rule's.
    probes : int or None
        Patterns recalled per trial, chosen at random (None: every one).
    """

    rules: tuple[str, ...] = ("hebb",)
    kinds: tuple[str, ...] = ("random",)
    sizes: tuple[int, ...] = (100,)
    loads: tuple[float, ...] | None = None
    trials: int = 10
    noise: float = 0.1
    overlap: float = 0.5
    library: np.ndarray | None = field(default=None, compare=False)
    interaction: Interaction = field(default_factory=Interaction)
    probes: int | None = None

    def __post_init__(self):
        for rule in self.rules:
            get_storage_rule(rule)
        unknown = [kind for kind in self.kinds if kind not in PATTERN_KINDS]
        if unknown or not 0.0 <= self.noise <= 0.5 or not 0.0 <= self.overlap <= 1.0:
            message = translate(
                "CapacityLab",
                "The lab needs pattern kinds among {kinds}, noise from 0 to 0.5 and an "
                "overlap from 0 to 1.",
            )
            raise ConfigError(message.format(kinds=", ".join(PATTERN_KINDS)))

    def loads_of(self, rule: str) -> tuple[float, ...]:
        """The loads ``rule`` is tried at."""
        return self.loads if self.loads is not None else RULE_LOADS.get(rule, RULE_LOADS["hebb"])

    def cases(self) -> list[tuple[str, str, int]]:
        """(rule, kind, N) of every curve, in the order measured (the library at its N only)."""
        own = None if self.library is None else self.library.shape[1]
        return [
            (rule, kind, n)
            for n in self.sizes
            for kind in self.kinds
            for rule in self.rules
            if kind != "library" or n == own
        ]

    def counts(self, rule: str, kind: str, n: int) -> list[tuple[int, float, int]]:
        """(load index, load, patterns stored) of each load a case measures."""
        most = len(self.library) if kind == "library" else None
        points = [(k, load, max(1, round(load * n))) for k, load in enumerate(self.loads_of(rule))]
        return [point for point in points if most is None or point[2] <= most]

    def total(self) -> int:
        """Trials in the whole plan (for a progress bar)."""
        return sum(len(self.counts(*case)) for case in self.cases()) * self.trials


@dataclass(frozen=True)
class LabPoint:
    """One trial's result: the shares of the recalled patterns that came back."""

    rule: str
    kind: str
    n: int
    load_index: int
    load: float
    patterns: int
    exact: float
    few_errors: float


def correlated_patterns(count: int, n: int, overlap: float, rng=None) -> np.ndarray:
    r"""``count`` patterns (count, n) of ±1, each a random parent with cells flipped.

    Every cell of every pattern is flipped from one random parent with
    probability :math:`(1 - c) / 2`, ``overlap`` being :math:`c`: each pattern
    overlaps the parent by :math:`c` and another pattern by :math:`c^2` on average.
    """
    rng = as_rng(rng)
    parent = rng.choice([-1.0, 1.0], size=n)
    flipped = rng.random((count, n)) < (1.0 - overlap) / 2.0
    return np.where(flipped, -parent, parent)


def make_patterns(plan: LabPlan, kind: str, count: int, n: int, rng) -> np.ndarray:
    """``count`` patterns (count, n) of ``kind`` for one trial."""
    if kind == "correlated":
        return correlated_patterns(count, n, plan.overlap, rng)
    if kind == "library":
        return plan.library[rng.choice(len(plan.library), count, replace=False)]
    return rng.choice([-1.0, 1.0], size=(count, n))


def trial(plan: LabPlan, rule: str, patterns: np.ndarray, rng, should_stop=None):
    """Store ``patterns`` (P, N) by ``rule``, recall (some of) them from noise.

    Returns
    -------
    (exact, few_errors) : tuple of float, or None
        The shares that came back exactly and with few errors; None if
        ``should_stop()`` became true between two recalls.
    """
    count, n = patterns.shape
    network = Hopfield(n)
    network.store(patterns, rule=rule, interaction=plan.interaction if rule == "dense" else None)
    chosen = range(count) if plan.probes is None or plan.probes >= count else (
        rng.choice(count, plan.probes, replace=False)
    )  # fmt: skip
    flips = round(plan.noise * n)
    overlaps = []
    for k in chosen:
        if should_stop is not None and should_stop():
            return None
        probe = patterns[k].copy()
        probe[rng.choice(n, flips, replace=False)] *= -1
        overlaps.append(network.recall(probe, rng=rng).state @ patterns[k] / n)
    overlaps = np.array(overlaps)
    return float(np.mean(overlaps == 1.0)), float(np.mean(overlaps >= FEW_ERRORS_OVERLAP))


def lab_trials(plan: LabPlan, rng=None, should_stop=None) -> Iterator[LabPoint]:
    """Run ``plan`` one trial at a time: its cases in :meth:`LabPlan.cases` order, each
    case's loads in order, ``plan.trials`` for each.  It ends early, between two recalls,
    once ``should_stop()`` is true."""
    rng = as_rng(rng)
    for rule, kind, n in plan.cases():
        for index, load, count in plan.counts(rule, kind, n):
            for _ in range(plan.trials):
                patterns = make_patterns(plan, kind, count, n, rng)
                shares = trial(plan, rule, patterns, rng, should_stop)
                if shares is None:
                    return
                yield LabPoint(rule, kind, n, index, load, count, *shares)


def theory_loads(rule: str, n: int, interaction: Interaction | None = None):
    """The registered limits of ``rule`` at ``n`` neurons as loads.

    Returns
    -------
    list of (formula, load, exact)
        E.g. ("0.138 N", 0.138, False) for Hebb's few-errors limit.
    """
    storage = dense_rule(interaction or Interaction()) if rule == "dense" else None
    storage = storage or get_storage_rule(rule)
    return [(limit.formula, limit.patterns(n) / n, limit.exact) for limit in storage.capacity]
