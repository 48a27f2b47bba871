"""Basins of attraction (issue 19, section 2), measured on cases whose answer is known."""

import numpy as np
import pytest

from nnsim.engine.hopfield_dense import Interaction
from nnsim.errors import DataError
from nnsim.model.basins import BASIN_FRACTIONS, basin_points, path_distances


def test_one_stored_pattern_comes_back_below_half_and_its_inverse_above():
    """With one pattern, h_i = xi_i (N - 2k - xi_i s_i) / N after k flips: its sign is xi_i
    while k < N/2 - 1/2, so every probe comes back; past N/2 every probe falls to -xi."""
    pattern = np.where(np.random.default_rng(0).random(51) < 0.5, -1.0, 1.0)
    fractions = (0.0, 0.1, 0.3, 0.45, 0.55, 0.7, 1.0)
    points = list(basin_points(pattern, ("hebb",), fractions, trials=5, rng=1))
    assert [p.fraction for p in points] == list(fractions)
    for point in points:
        below = point.fraction < 0.5
        assert point.success == (1.0 if below else 0.0)
        assert point.overlap == (1.0 if below else -1.0)


def test_hebb_at_low_load_recalls_every_pattern_from_ten_percent_flipped():
    patterns = np.random.default_rng(3).choice([-1.0, 1.0], size=(3, 100))
    points = [p for p in basin_points(patterns, ("hebb", "storkey"), trials=10, rng=2)
              if p.fraction == 0.1]  # fmt: skip
    assert [(p.rule, p.pattern) for p in points] == [
        (rule, k) for rule in ("hebb", "storkey") for k in range(3)
    ]
    assert all(p.success == 1.0 and p.overlap == 1.0 for p in points)


def test_points_come_rule_by_rule_fraction_by_fraction_and_stop_when_asked():
    patterns = np.random.default_rng(4).choice([-1.0, 1.0], size=(2, 40))
    points = list(basin_points(patterns, ("hebb", "pseudoinverse"), trials=2, rng=0))
    assert len(points) == 2 * len(BASIN_FRACTIONS) * 2
    assert [p.rule for p in points[:22]] == ["hebb"] * 22
    assert points[0].fraction == 0.0 and points[0].success == 1.0  # a stored pattern is fixed
    assert all(0.0 <= p.success <= 1.0 and -1.0 <= p.overlap <= 1.0 for p in points)
    made = []
    for point in basin_points(patterns, ("hebb",), rng=0, should_stop=lambda: len(made) >= 3):
        made.append(point)
    assert len(made) == 3


def test_success_falls_as_more_bits_are_flipped_at_high_load():
    """Hebb at P = 0.12 N: small noise comes back, 40% flipped mostly does not."""
    patterns = np.random.default_rng(5).choice([-1.0, 1.0], size=(12, 100))
    points = list(basin_points(patterns, ("hebb",), (0.05, 0.4), trials=5, rng=6))
    near = np.mean([p.overlap for p in points if p.fraction == 0.05])
    far = np.mean([p.success for p in points if p.fraction == 0.4])
    assert near > 0.9 and far < 0.5


def test_path_distances_are_hamming_distances_to_each_pattern_and_inverse():
    patterns = np.array([[1.0, 1.0, 1.0, 1.0], [1.0, -1.0, 1.0, -1.0]])
    state = np.array([1.0, 1.0, 1.0, -1.0])
    assert path_distances(patterns, state).tolist() == [[1.0, 1.0], [3.0, 3.0]]


@pytest.mark.parametrize("patterns", [np.zeros((0, 5)), [[0.0, 1.0, 1.0]]])
def test_bad_patterns_are_refused(patterns):
    with pytest.raises(DataError, match="-1 and \\+1"):
        next(basin_points(patterns))


def test_the_dense_rule_measures_with_the_interaction_given():
    """At degree 2 the dense memory flips what Hebb's network flips: the same points."""
    patterns = np.random.default_rng(7).choice([-1.0, 1.0], size=(8, 60))
    hebb = list(basin_points(patterns, ("hebb",), (0.1, 0.3), trials=3, rng=4))
    dense = list(basin_points(patterns, ("dense",), (0.1, 0.3), trials=3, rng=4,
                              interaction=Interaction("polynomial", 2)))  # fmt: skip
    assert [(p.success, p.overlap) for p in dense] == [(p.success, p.overlap) for p in hebb]
    assert {p.rule for p in dense} == {"dense"}
