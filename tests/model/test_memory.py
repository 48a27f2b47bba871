"""The Hopfield workspace's model: drawing, the library, storing, outcomes and capacity."""

import math

import numpy as np
import pytest

from nnsim.errors import ConfigError, DataError
from nnsim.io.pattern_sets import built_in_set
from nnsim.model.memory import (
    PatternMemory,
    capacity,
    capacity_trials,
    pattern_from_image,
    recall_outcome,
)


def letters(memory, names):
    chosen = dict(built_in_set("letters").patterns)
    memory.add_patterns([(name, chosen[name]) for name in names])


def test_painting_inverting_shifting_and_corrupting_the_grid():
    memory = PatternMemory(5, 5)
    seen = []
    memory.changed.connect(seen.append)
    memory.paint([0, 6, 12], +1)
    assert memory.current[[0, 6, 12]].tolist() == [1, 1, 1] and memory.current.sum() == 3 - 22
    memory.shift(1, 0)  # one row down: 0 -> 5, 6 -> 11, 12 -> 17
    assert np.flatnonzero(memory.current > 0).tolist() == [5, 11, 17]
    memory.shift(-1, -1)  # wraps round: 0 -> 4
    assert np.flatnonzero(memory.current > 0).tolist() == [4, 5, 11]
    memory.invert()
    assert (memory.current > 0).sum() == 22
    before = memory.current.copy()
    assert memory.corrupt(0.2, rng=1) == 5
    assert np.count_nonzero(memory.current != before) == 5
    assert seen == ["current"] * 5
    memory.paint(np.flatnonzero(memory.current > 0)[:1], +1)  # black already: nothing said
    assert seen == ["current"] * 5


def test_store_two_letters_and_recall_them_from_noise():
    memory = PatternMemory(10, 10)
    letters(memory, ["A", "T"])
    memory.store("hebb")
    assert memory.stored_names == ("A", "T") and memory.capacity.stored == 2
    a = memory.library[0].cells
    memory.set_current(a)
    memory.corrupt(0.2, rng=3)
    result = memory.network.recall(memory.current, rng=0)
    outcome = recall_outcome(memory.network.patterns, result.state, result.cycle)
    assert (outcome.kind, outcome.index) == ("stored", 0)
    assert outcome.describe(memory.stored_names) == "Converged to the stored pattern 'A'."


def test_outcomes_name_the_inverse_the_spurious_state_and_the_cycle():
    patterns = np.array([[1.0, 1, -1, -1], [1.0, -1, 1, -1]])
    assert recall_outcome(patterns, -patterns[1]).kind == "inverse"
    inverse = recall_outcome(patterns, -patterns[1])
    assert "inverse of 'b'" in inverse.describe(["a", "b"])
    spurious = recall_outcome(patterns, np.array([1.0, 1, 1, -1]))
    assert spurious.kind == "spurious" and spurious.overlap == 0.5
    assert "spurious" in spurious.describe(["a", "b"])
    assert recall_outcome(patterns, patterns[0], cycle=True).kind == "cycle"


def test_capacity_against_hebbs_limits():
    load = capacity(14, 100, "hebb")
    assert load.load == 0.14 and load.limit == pytest.approx(13.8) and load.exceeded
    assert not capacity(13, 100, "hebb").exceeded
    assert load.statement() == (
        "100 neurons recall about 14 patterns with few errors (0.138 N), "
        "11 exactly, almost every one (N / 2 ln N), 5 exactly, every one (N / 4 ln N)."
    )


def test_capacity_against_the_limits_of_the_rule_in_force():
    pseudo = capacity(40, 100, "pseudoinverse")
    assert pseudo.limit == 99 and not pseudo.exceeded, "40 patterns in 100 neurons fit"
    assert capacity(40, 100, "hebb").exceeded and capacity(100, 100, "pseudoinverse").exceeded
    assert pseudo.statement() == (
        "100 neurons recall up to 99 linearly independent patterns, each a fixed point (N - 1)."
    )
    storkey = capacity(33, 100, "storkey")
    assert storkey.limit == pytest.approx(100 / math.sqrt(2 * math.log(100)))  # 32.95
    assert storkey.exceeded and not capacity(32, 100, "storkey").exceeded
    assert storkey.statement() == (
        "100 neurons recall about 33 patterns without error (N / sqrt(2 ln N), an approximation)."
    )


def test_a_memory_measures_its_load_by_the_rule_that_stored_it():
    memory = PatternMemory(10, 10)
    rng = np.random.default_rng(0)
    memory.add_patterns([(f"p{k}", rng.choice([-1.0, 1.0], 100)) for k in range(40)])
    assert memory.capacity.rule.name == "hebb", "nothing stored yet: Hebb's limits"
    memory.store("pseudoinverse")
    assert memory.capacity.stored == 40 and not memory.capacity.exceeded
    memory.store("hebb")
    assert memory.capacity.exceeded
    with pytest.raises(ConfigError, match="Unknown storage rule 'oja'"):
        memory.store("oja")


def test_library_names_stay_unique_and_edits_can_be_undone():
    memory = PatternMemory(10, 10)
    letters(memory, ["A", "B"])
    letters(memory, ["A"])
    assert [p.name for p in memory.library] == ["A", "B", "A (2)"]
    saved = memory.snapshot("library")
    memory.remove(0)
    memory.add_current()
    assert [p.name for p in memory.library] == ["B", "A (2)", "pattern 1"]
    memory.restore("library", saved)
    assert [p.name for p in memory.library] == ["A", "B", "A (2)"]
    with pytest.raises(ConfigError, match="already holds a pattern called 'B'"):
        memory.add_current("B")


def test_store_needs_patterns_and_a_known_rule():
    memory = PatternMemory(5, 5)
    with pytest.raises(ConfigError, match="The library is empty"):
        memory.store()
    memory.add_current()
    with pytest.raises(ConfigError, match="Unknown storage rule 'magic'"):
        memory.store("magic")
    with pytest.raises(ConfigError, match="5 to 128 rows"):
        PatternMemory(4, 10)
    with pytest.raises(DataError, match="25 cells"):
        memory.set_current(np.ones(24))


def test_an_image_becomes_a_pattern_by_its_dark_boxes():
    grey = np.full((40, 60), 255.0)
    grey[:20, :30] = 0.0  # the top-left quarter black
    cells = pattern_from_image(grey, 2, 2).tolist()
    assert cells == [1.0, -1.0, -1.0, -1.0]
    with pytest.raises(DataError, match="no pixels"):
        pattern_from_image(np.zeros((0, 5)), 2, 2)


def test_the_capacity_experiment_agrees_with_the_engines_capacity_test():
    # tests/engine/test_hopfield.py: at N = 400, 5% load keeps >= 98% of the patterns
    # as fixed points and 14% load at most 70%. Recall from 0% noise asks the same.
    exact = {0: [], 1: []}
    for index, share, _ in capacity_trials(400, loads=(0.05, 0.14), trials=10, noise=0.0, rng=0):
        exact[index].append(share)
    assert np.mean(exact[0]) >= 0.98
    assert np.mean(exact[1]) <= 0.70


def test_the_capacity_experiment_yields_every_trial_of_every_load_in_order():
    results = list(capacity_trials(50, loads=(0.02, 0.1, 0.3), trials=3, rng=1))
    assert [index for index, _, _ in results] == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert all(0.0 <= exact <= few <= 1.0 for _, exact, few in results)


def mean_shares(n, loads, trials, rng):
    """The mean exact and few-errors shares at each load, Hebb's rule, 10% noise."""
    sums = np.zeros((2, len(loads)))
    for index, exact, few in capacity_trials(n, loads=loads, trials=trials, rng=rng):
        sums[:, index] += exact, few
    return sums / trials


def test_hebb_recalls_with_few_errors_below_0_138_and_not_far_past_it():
    # 30 trials of 5 and of 25 patterns in 100 neurons (seeds 0-7: 0.99-1.00 and 0.10-0.15)
    exact, few = mean_shares(100, (0.05, 0.25), trials=30, rng=0)
    assert few[0] >= 0.97
    assert few[1] <= 0.3
    assert (exact <= few).all()


def test_exact_recall_falls_before_recall_with_few_errors_and_sooner_in_more_neurons():
    # Mean shares over loads 0.12-0.16, seeds 0-7: N = 256 recalls 0.37-0.44 exactly and
    # 0.64-0.74 with few errors; N = 64 recalls 0.78-0.85 exactly (its limit N / 2 ln N
    # is 0.120 N against 256's 0.090 N).
    loads = (0.12, 0.14, 0.16)
    exact, few = mean_shares(256, loads, trials=4, rng=2)
    assert (exact <= few).all()
    assert few.mean() - exact.mean() >= 0.15
    assert exact.mean() <= 0.6 and few.mean() >= 0.55
    exact_64, _ = mean_shares(64, loads, trials=10, rng=2)
    assert exact_64.mean() - exact.mean() >= 0.2
