"""The capacity lab's model: pattern kinds, the plan, and the known capacities at N = 100."""

import math

import numpy as np
import pytest

from nnsim.engine.hopfield_dense import Interaction
from nnsim.errors import ConfigError
from nnsim.model.capacity_lab import (
    RULE_LOADS,
    LabPlan,
    correlated_patterns,
    lab_trials,
    theory_loads,
)
from nnsim.model.memory import capacity_trials


def shares(**plan):
    """The mean (exact, few errors) of every trial of a plan, seeded."""
    points = list(lab_trials(LabPlan(**plan), rng=0))
    return tuple(np.mean([(p.exact, p.few_errors) for p in points], axis=0))


def test_correlated_patterns_overlap_c_squared_on_average():
    patterns = correlated_patterns(200, 400, 0.5, rng=1)
    m = patterns @ patterns.T / 400
    pairs = m[np.triu_indices(200, k=1)]
    assert set(np.unique(patterns)) == {-1.0, 1.0}
    assert pairs.mean() == pytest.approx(0.25, abs=0.02)
    assert correlated_patterns(3, 50, 1.0, rng=2).std(axis=0).max() == 0.0  # c = 1: copies


def test_hebb_recalls_below_its_limit_and_not_far_past_it():
    assert shares(loads=(0.05,), trials=10)[1] > 0.9
    assert shares(loads=(0.3,), trials=10)[1] < 0.3


def test_the_pseudo_inverse_holds_half_n_and_every_fixed_point_up_to_n():
    assert shares(rules=("pseudoinverse",), loads=(0.5,), noise=0.02, trials=5)[0] > 0.9
    assert shares(rules=("pseudoinverse",), loads=(0.95,), noise=0.0, trials=2)[0] == 1.0


def test_hebb_collapses_on_correlated_patterns_where_random_ones_come_back():
    random = shares(loads=(0.1,), trials=10)[1]
    correlated = shares(loads=(0.1,), kinds=("correlated",), overlap=0.5, trials=10)[1]
    assert random > 0.8 and correlated < 0.2


def test_the_dense_rule_holds_far_more_than_hebbs():
    assert shares(rules=("dense",), loads=(0.5,), trials=3)[0] > 0.9
    assert shares(rules=("dense",), loads=(2.0,), trials=2, probes=20)[1] > 0.9
    exponential = Interaction("exponential")
    assert (
        shares(rules=("dense",), loads=(3.0,), trials=2, probes=20, interaction=exponential)[1]
        > 0.9
    )


def test_storkey_holds_more_than_hebb():
    hebb = shares(loads=(0.2,), trials=10)[1]
    storkey = shares(rules=("storkey",), loads=(0.2,), trials=10)[1]
    assert hebb < 0.6 and storkey > 0.9


def test_the_library_kind_draws_the_persons_patterns_at_their_n_only():
    library = np.random.default_rng(3).choice([-1.0, 1.0], size=(7, 64))
    plan = LabPlan(kinds=("library",), sizes=(64, 100), library=library, trials=2)
    assert plan.cases() == [("hebb", "library", 64)]
    assert [count for _, _, count in plan.counts("hebb", "library", 64)] == [1, 3, 4, 5, 6]
    points = list(lab_trials(plan, rng=0))
    assert len(points) == plan.total() == 10
    assert {p.n for p in points} == {64}


def test_the_plan_orders_its_cases_and_counts_its_trials():
    plan = LabPlan(rules=("hebb", "dense"), kinds=("random", "correlated"), sizes=(64, 100))
    assert plan.cases()[:3] == [
        ("hebb", "random", 64), ("dense", "random", 64), ("hebb", "correlated", 64)
    ]  # fmt: skip
    assert plan.total() == 2 * 2 * (len(RULE_LOADS["hebb"]) + len(RULE_LOADS["dense"])) * 10
    with pytest.raises(ConfigError, match="pattern kinds"):
        LabPlan(kinds=("striped",))
    with pytest.raises(ConfigError, match="Unknown storage rule"):
        LabPlan(rules=("oja",))


def test_a_stop_ends_the_lab_between_two_recalls():
    calls = []  # two recalls a trial (load 0.02 of 100 neurons): the fifth check says stop

    def stop():
        calls.append(1)
        return len(calls) == 5

    points = list(lab_trials(LabPlan(trials=3), rng=0, should_stop=stop))
    assert len(points) == 2 and len(calls) == 5


def test_the_theory_is_the_registered_limits_as_loads():
    assert theory_loads("hebb", 100)[0] == ("0.138 N", pytest.approx(0.138), False)
    assert theory_loads("hebb", 100)[2][1] == pytest.approx(1 / (4 * math.log(100)))
    assert theory_loads("pseudoinverse", 100) == [("N - 1", pytest.approx(0.99), True)]
    dense = theory_loads("dense", 100)
    assert dense == [("N^2 / (18 ln N)", pytest.approx(100 / (18 * math.log(100))), True)]


def test_the_old_experiment_is_the_lab_on_one_rule():
    old = list(capacity_trials(64, "storkey", loads=(0.1, 0.4), trials=2, rng=5))
    new = list(lab_trials(LabPlan(rules=("storkey",), sizes=(64,), loads=(0.1, 0.4), trials=2),
                          rng=5))  # fmt: skip
    assert old == [(p.load_index, p.exact, p.few_errors) for p in new]
