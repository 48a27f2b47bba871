"""Hopfield storage, recall, energy and capacity."""

import numpy as np
import pytest

from nnsim.engine import Hopfield
from nnsim.engine.hopfield import RecallProcess, pattern_overlaps
from nnsim.errors import ConfigError, DataError


def random_patterns(rng, count, size):
    return rng.choice([-1.0, 1.0], size=(count, size))


def corrupt(pattern, fraction, rng):
    probe = pattern.copy()
    flip = rng.choice(pattern.size, round(fraction * pattern.size), replace=False)
    probe[flip] *= -1
    return probe


@pytest.mark.parametrize("mode", ["async", "sync"])
def test_three_patterns_come_back_from_ten_percent_flipped_bits(mode):
    rng = np.random.default_rng(11)
    patterns = random_patterns(rng, 3, 100)
    net = Hopfield(100)
    net.store(patterns)
    for pattern in patterns:
        result = net.recall(corrupt(pattern, 0.1, rng), mode=mode, rng=rng)
        np.testing.assert_array_equal(result.state, pattern)
        assert result.converged and not result.cycle


def test_weights_are_symmetric_with_zero_diagonal_and_hebbian():
    rng = np.random.default_rng(0)
    patterns = random_patterns(rng, 4, 30)
    net = Hopfield(30)
    net.store(patterns[:2])
    net.store(patterns[2:])  # storing adds to the memory
    W = net.weights
    np.testing.assert_array_equal(W, W.T)
    assert not np.diag(W).any()
    expected = patterns.T @ patterns / 30
    np.fill_diagonal(expected, 0)
    np.testing.assert_allclose(W, expected, atol=1e-15)
    np.testing.assert_array_equal(net.patterns, patterns)


def test_energy_never_rises_across_asynchronous_updates():
    rng = np.random.default_rng(1)
    net = Hopfield(120)
    net.store(random_patterns(rng, 12, 120))  # loaded enough to need many flips
    result = net.recall(rng.choice([-1.0, 1.0], 120), mode="async", rng=rng)
    assert len(result.energies) == 1 + result.sweeps * 120
    assert np.all(np.diff(result.energies) <= 1e-12)
    assert result.energies[-1] < result.energies[0]
    assert result.energies[-1] == pytest.approx(net.energy(result.state))


def test_recall_steps_replays_recall_update_by_update():
    rng = np.random.default_rng(2)
    patterns = random_patterns(rng, 5, 64)
    net = Hopfield(64)
    net.store(patterns)
    probe = corrupt(patterns[0], 0.2, rng)
    result = net.recall(probe, rng=np.random.default_rng(9))
    steps = list(net.recall_steps(probe, rng=np.random.default_rng(9)))
    np.testing.assert_array_equal(steps[-1].state, result.state)
    np.testing.assert_allclose([s.energy for s in steps], result.energies[1:], atol=1e-12)
    assert sum(s.flipped for s in steps) == np.count_nonzero(probe != result.state)
    assert {s.neuron for s in steps[:64]} == set(range(64))


def test_synchronous_recall_reports_a_two_cycle():
    # Two neurons joined by a negative weight, both +1: a sync update flips both, forever.
    net = Hopfield(2)
    net.store([1.0, -1.0])
    result = net.recall([1.0, 1.0], mode="sync")
    assert result.cycle and not result.converged
    np.testing.assert_array_equal(result.state, [1.0, 1.0])
    steps = list(net.recall_steps([1.0, 1.0], mode="sync"))
    assert len(steps) == 2 and steps[0].flipped == 2
    # Asynchronous updates settle instead.
    assert net.recall([1.0, 1.0], mode="async", rng=0).converged


def fraction_of_fixed_points(n, load, rule, trials, seed=0):
    rng = np.random.default_rng(seed)
    fixed = []
    for _ in range(trials):
        patterns = random_patterns(rng, round(load * n), n)
        net = Hopfield(n)
        net.store(patterns, rule=rule)
        fields = patterns @ net.weights  # W is symmetric
        fixed.extend(np.all(fields * patterns > 0, axis=1))
    return np.mean(fixed)


def test_hebbian_capacity_n400():
    assert fraction_of_fixed_points(400, 0.05, "hebb", trials=10) >= 0.98
    assert fraction_of_fixed_points(400, 0.14, "hebb", trials=10) <= 0.70


def test_pseudoinverse_keeps_half_n_patterns_as_fixed_points():
    assert fraction_of_fixed_points(200, 0.5, "pseudoinverse", trials=3) == 1.0


def test_storkey_stores_more_than_hebb_at_the_same_load():
    storkey = fraction_of_fixed_points(100, 0.2, "storkey", trials=10)
    hebb = fraction_of_fixed_points(100, 0.2, "hebb", trials=10)
    assert storkey >= 0.95 and hebb <= 0.6


def test_storkey_rule_matches_its_definition_for_one_small_case():
    rng = np.random.default_rng(4)
    patterns = random_patterns(rng, 3, 6)
    net = Hopfield(6)
    net.store(patterns, rule="storkey")
    W = np.zeros((6, 6))
    for xi in patterns:  # the rule written out with explicit sums over k != i, j
        new = W.copy()
        for i in range(6):
            for j in range(6):
                if i == j:
                    continue
                h_ij = sum(W[i, k] * xi[k] for k in range(6) if k not in (i, j))
                h_ji = sum(W[j, k] * xi[k] for k in range(6) if k not in (i, j))
                new[i, j] += (xi[i] * xi[j] - xi[i] * h_ji - h_ij * xi[j]) / 6
        W = new
    np.testing.assert_allclose(net.weights, W, atol=1e-14)


def test_binary_states_are_the_zero_one_view_of_the_same_network():
    rng = np.random.default_rng(5)
    bipolar = random_patterns(rng, 3, 50)
    binary = (bipolar + 1) / 2
    a, b = Hopfield(50), Hopfield(50, states="binary")
    a.store(bipolar)
    b.store(binary)
    np.testing.assert_array_equal(a.weights, b.weights)
    probe = corrupt(bipolar[1], 0.1, rng)
    result = b.recall((probe + 1) / 2, rng=0)
    np.testing.assert_array_equal(result.state, binary[1])
    assert b.energy(binary[1]) == a.energy(bipolar[1])
    np.testing.assert_allclose(b.overlaps(binary[1]), a.overlaps(bipolar[1]))


def test_overlaps_are_one_for_the_stored_pattern_and_minus_one_for_its_inverse():
    rng = np.random.default_rng(6)
    patterns = random_patterns(rng, 2, 40)
    net = Hopfield(40)
    net.store(patterns)
    assert net.overlaps(patterns[0])[0] == 1.0
    assert net.overlaps(-patterns[0])[0] == -1.0


def test_bad_patterns_and_settings_are_refused():
    net = Hopfield(4)
    with pytest.raises(DataError, match="only -1 and 1"):
        net.store([[1, 0, 1, -1]])
    with pytest.raises(DataError, match="4 values per pattern"):
        net.store([[1, 1, 1]])
    with pytest.raises(DataError, match="only 0 and 1"):
        Hopfield(4, states="binary").recall([1, -1, 1, 1])
    with pytest.raises(ConfigError, match="Unknown storage rule"):
        net.store([[1, 1, 1, 1]], rule="oja")
    with pytest.raises(ConfigError, match="Unknown recall mode"):
        net.recall([1, 1, 1, 1], mode="random")
    assert len(net.patterns) == 0, "a refused store keeps the memory as it was"


def test_a_recall_process_made_in_any_chunks_is_the_same_recall():
    rng = np.random.default_rng(4)
    patterns = random_patterns(rng, 6, 80)
    net = Hopfield(80)
    net.store(patterns)
    probe = corrupt(patterns[2], 0.25, rng)
    whole = net.recall(probe, rng=np.random.default_rng(3))
    process = RecallProcess(net, probe, rng=np.random.default_rng(3))
    chunks = []
    for size in [1, 7, 80, 3] * 100:
        chunks.append(process.advance(size))
        if process.done:
            break
    np.testing.assert_array_equal(np.concatenate(chunks), whole.energies[1:])
    np.testing.assert_array_equal(process.state, whole.state)
    assert process.converged and process.sweep == whole.sweeps
    assert process.updates == whole.sweeps * 80
    assert process.advance(5).size == 0  # ended: nothing more happens


def test_fixed_order_visits_the_neurons_by_index():
    net = Hopfield(6)
    net.store([1.0, -1, 1, -1, 1, -1])
    process = RecallProcess(net, [1.0, 1, 1, -1, 1, -1], order="fixed")  # bit 1 wrong
    visited = []
    while not process.done:
        if process.advance(1).size:
            visited.append(process.neuron)
    assert visited[:6] == [0, 1, 2, 3, 4, 5]
    np.testing.assert_array_equal(process.state, [1.0, -1, 1, -1, 1, -1])
    with pytest.raises(ConfigError, match="Unknown update order 'backwards'"):
        RecallProcess(net, [1.0] * 6, order="backwards")


def test_a_synchronous_process_ends_in_the_two_cycle():
    net = Hopfield(2)
    net.store([1.0, -1.0])
    process = RecallProcess(net, [1.0, 1.0], mode="sync")
    assert process.advance(10).size == 2
    assert process.done and process.cycle and not process.converged


#: Three alike patterns of 5 cells: b and c each differ from a in one cell.
ALIKE = np.array([[1.0, 1, 1, 1, 1], [1, 1, 1, 1, -1], [1, 1, 1, -1, 1]])


def test_pattern_overlaps_are_the_dot_products_over_n():
    # a.b = 4 - 1 = 3, a.c = 3, b.c = 3 - 1 - 1 = 1; over 5 cells.
    np.testing.assert_allclose(
        pattern_overlaps(ALIKE), [[1.0, 0.6, 0.6], [0.6, 1.0, 0.2], [0.6, 0.2, 1.0]]
    )
    np.testing.assert_array_equal(pattern_overlaps([ALIKE[0], -ALIKE[0]]), [[1, -1], [-1, 1]])


def test_stable_says_which_stored_patterns_are_fixed_points():
    net = Hopfield(5)
    net.store(ALIKE)
    # b's last cell: a pulls it up by 4/5, c by 2/5, b down by 4/5: a field of +2/5 flips it;
    # c's fourth cell likewise.  a, the pattern both lean on, stays.
    np.testing.assert_array_equal(net.stable(), [True, False, False])
    projection = Hopfield(5)
    projection.store(ALIKE, rule="pseudoinverse")
    np.testing.assert_array_equal(projection.stable(), [True] * 3)
    random = np.random.default_rng(0).choice([-1.0, 1.0], size=(5, 100))
    spread = Hopfield(100)
    spread.store(random)
    np.testing.assert_array_equal(spread.stable(), [True] * 5)
