r"""Basins of attraction: how far from a stored pattern recall still brings it back.

:func:`basin_points` stores the patterns by each rule asked for and recalls
each pattern from copies with a share :math:`f` of its bits flipped, for
:math:`f = 0, 0.05, \dots, 0.5` (:data:`BASIN_FRACTIONS`).  A pattern's basin
is wide when success stays at 1 far along :math:`f`.  At :math:`f > 0.5` a
probe is nearer the pattern's inverse :math:`-\xi`, which is an attractor
too (the energy is the same), so the curves stop at 0.5.  The measurements
come one point at a time, so a window's worker can show its progress and
stop between two points.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from nnsim.engine import Hopfield
from nnsim.engine._checks import as_rng
from nnsim.engine.hopfield_dense import Interaction
from nnsim.errors import DataError
from nnsim.text import translate

#: The shares of flipped bits measured: 0, 0.05, ..., 0.5.
BASIN_FRACTIONS = tuple(round(0.05 * k, 2) for k in range(11))


@dataclass(frozen=True)
class BasinPoint:
    r"""Recall of one stored pattern from one share of flipped bits, by one rule.

    Attributes
    ----------
    rule : str
        The storage rule.
    pattern : int
        The stored pattern's index.
    fraction : float
        The share :math:`f` of its bits flipped in each probe (round(f N) bits).
    success : float
        The share of the trials that ended exactly on the pattern.
    overlap : float
        The mean final overlap :math:`m = \xi \cdot s / N` with the pattern, -1 to 1.
    """

    rule: str
    pattern: int
    fraction: float
    success: float
    overlap: float


def basin_points(
    patterns,
    rules: Sequence[str] = ("hebb",),
    fractions: Sequence[float] = BASIN_FRACTIONS,
    trials: int = 10,
    rng=None,
    should_stop=None,
    interaction: Interaction | None = None,
) -> Iterator[BasinPoint]:
    """Measure the basins of ``patterns`` (P, N) of -1 and +1, one point at a time.

    For each rule of ``rules`` (in order) the patterns are stored in a fresh
    network of N neurons; then for each fraction and each pattern, ``trials``
    probes, each the pattern with round(fraction * N) bits flipped (chosen by
    ``rng``), are recalled asynchronously in random order (drawn from ``rng``).
    Ends early, between two points, once ``should_stop()`` is true.  The dense
    rule stores with ``interaction`` (a cubic when None).

    Yields
    ------
    BasinPoint
        ``len(rules) * len(fractions) * P`` of them, rule by rule, then fraction by fraction.
    """
    patterns = np.atleast_2d(np.asarray(patterns, dtype=np.float64))
    if not patterns.size or not np.isin(patterns, (-1.0, 1.0)).all():
        raise DataError(translate("Basins", "Basins need stored patterns of -1 and +1."))
    rng = as_rng(rng)
    n = patterns.shape[1]
    for rule in rules:
        network = Hopfield(n)
        network.store(patterns, rule=rule, interaction=interaction)
        for fraction in fractions:
            flips = round(fraction * n)
            for index, pattern in enumerate(patterns):
                if should_stop is not None and should_stop():
                    return
                overlaps = np.empty(trials)
                for trial in range(trials):
                    probe = pattern.copy()
                    probe[rng.choice(n, flips, replace=False)] *= -1.0
                    overlaps[trial] = network.recall(probe, rng=rng).state @ pattern / n
                yield BasinPoint(
                    rule, index, fraction, float(np.mean(overlaps == 1.0)), float(overlaps.mean())
                )


def path_distances(patterns: np.ndarray, state: np.ndarray) -> np.ndarray:
    r"""Hamming distances from ``state`` (N,) to each pattern and each one's inverse, shape (2, P).

    Row 0: :math:`d(s, \xi^\mu) = N (1 - m_\mu) / 2`; row 1: :math:`d(s, -\xi^\mu) =
    N (1 + m_\mu) / 2`, for ``patterns`` (P, N) and ``state`` of -1 and +1.
    """
    n = state.shape[-1]
    agreement = patterns @ state  # N m
    return np.stack([(n - agreement) / 2.0, (n + agreement) / 2.0])
