"""The dense rule through Hopfield: patterns kept, no weights, its recall, energy, stability."""

import math
import tracemalloc

import numpy as np
import pytest

from nnsim.engine import Hopfield
from nnsim.engine.hopfield_dense import DenseRecallProcess, Interaction, dense_capacity
from nnsim.engine.hopfield_rules import STORAGE_RULES, dense_rule
from nnsim.errors import ConfigError
from nnsim.model.memory import PatternMemory, capacity


def random_patterns(seed, count, size):
    return np.random.default_rng(seed).choice([-1.0, 1.0], size=(count, size))


def noisy(pattern, share, seed):
    probe = pattern.copy()
    rng = np.random.default_rng(seed)
    probe[rng.choice(len(probe), round(share * len(probe)), replace=False)] *= -1
    return probe


def test_storing_densely_keeps_the_patterns_and_makes_no_weights():
    patterns = random_patterns(0, 50, 100)
    net = Hopfield(100)
    net.store(patterns[:20], rule="dense")
    net.store(patterns[20:], rule="dense")
    assert net.dense and net.rule == "dense" and net.interaction == Interaction("polynomial", 3)
    np.testing.assert_array_equal(net.patterns, patterns)
    assert net.weights.shape == (0, 0)


def test_recall_runs_the_dense_process_with_the_same_steps():
    patterns = random_patterns(1, 50, 100)  # load 0.5: far past Hebb's 0.138
    net = Hopfield(100)
    net.store(patterns, rule="dense")
    probe = noisy(patterns[7], 0.1, 2)
    result = net.recall(probe, rng=3)
    direct = DenseRecallProcess(patterns, probe, Interaction(), rng=3)
    energies = direct.advance(100 * 100)
    np.testing.assert_array_equal(result.state, patterns[7])
    np.testing.assert_array_equal(result.state, direct.state)
    np.testing.assert_array_equal(result.energies[1:], energies)
    assert result.converged and isinstance(net.recall_process(probe), DenseRecallProcess)
    steps = list(net.recall_steps(probe, rng=3))
    np.testing.assert_array_equal(steps[-1].state, patterns[7])
    hebb = Hopfield(100)
    hebb.store(patterns)
    assert not np.array_equal(hebb.recall(probe, rng=3).state, patterns[7])


@pytest.mark.parametrize("interaction", [Interaction("polynomial", 4), Interaction("exponential")])
def test_the_energy_is_the_dense_energy_written_out(interaction):
    patterns = random_patterns(4, 6, 12)
    net = Hopfield(12)
    net.store(patterns, rule="dense", interaction=interaction)
    state = random_patterns(5, 1, 12)[0]
    m = patterns @ state
    expected = -math.log(np.exp(m).sum()) if interaction.kind == "exponential" else -(m**4).sum()
    assert net.energy(state) == pytest.approx(expected)


def test_degree_two_is_stable_where_hebbs_rule_is():
    patterns = random_patterns(6, 12, 40)  # load 0.3: some stable, some not
    hebb, dense = Hopfield(40), Hopfield(40)
    hebb.store(patterns)
    dense.store(patterns, rule="dense", interaction=Interaction("polynomial", 2))
    assert 0 < hebb.stable().sum() < 12
    np.testing.assert_array_equal(dense.stable(), hebb.stable())
    dense.store(np.zeros((0, 40)), rule="dense", interaction=Interaction("polynomial", 3))
    assert dense.stable().all()


def test_binary_states_come_back_as_zero_and_one():
    patterns = random_patterns(7, 5, 30)
    net = Hopfield(30, states="binary")
    net.store((patterns + 1) / 2, rule="dense")
    result = net.recall((noisy(patterns[2], 0.1, 8) + 1) / 2, rng=0)
    np.testing.assert_array_equal(result.state, (patterns[2] + 1) / 2)


def test_a_change_of_rule_makes_the_weights_again_from_every_pattern():
    patterns = random_patterns(9, 8, 30)
    net, fresh = Hopfield(30), Hopfield(30)
    net.store(patterns, rule="dense")
    net.store(patterns[:0], rule="hebb")
    fresh.store(patterns)
    np.testing.assert_array_equal(net.weights, fresh.weights)
    net.clear()
    assert not net.weights.any() and net.rule is None


def test_a_128_by_128_dense_memory_never_makes_an_n_by_n_matrix():
    memory = PatternMemory(128, 128)
    patterns = random_patterns(10, 20, memory.n)
    memory.add_patterns([(f"p{k}", cells) for k, cells in enumerate(patterns)])
    tracemalloc.start()
    try:
        memory.store("dense")
        memory.store("dense", Interaction("exponential"))
        result = memory.network.recall(noisy(patterns[3], 0.2, 11), rng=0)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    np.testing.assert_array_equal(result.state, patterns[3])
    assert memory.network.weights.shape == (0, 0)
    assert peak < 64 * 2**20, f"{peak / 2**20:.0f} MiB (an N x N float32 matrix is 1,024)"


def test_the_rule_is_registered_with_its_capacity():
    dense = STORAGE_RULES["dense"]
    assert dense.store is None and dense.add is None
    assert dense.limit(100) == pytest.approx(dense_capacity(100, 3))
    assert dense.limit(100) == pytest.approx(100**2 / (18 * math.log(100)))
    assert dense.statement(100) == "about 121 patterns without error (N^2 / (18 ln N))"
    quartic = dense_rule(Interaction("polynomial", 4))
    assert quartic.limit(100) == pytest.approx(100**3 / (8 * 5 * 3 * math.log(100)))
    exponential = dense_rule(Interaction("exponential"))
    assert exponential.limit(20) == pytest.approx(2.0**10)
    assert math.isfinite(exponential.limit(16384))
    load = capacity(200, 100, "dense", Interaction("polynomial", 4))
    assert not load.exceeded and capacity(200, 100, "dense").exceeded


def test_a_bad_interaction_is_refused():
    with pytest.raises(ConfigError, match="Interaction"):
        Hopfield(4).store([1.0, -1.0, 1.0, 1.0], rule="dense", interaction="cubic")
