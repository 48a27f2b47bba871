"""Hebbian weights kept in float32 (big memories) recall exactly as float64 weights do."""

import numpy as np
import pytest

from nnsim.engine import Hopfield
from nnsim.engine.hopfield import FLOAT32_ABOVE


def twins(seed):
    """The same Hebbian memory in float64 and float32: N not a power of two, stored in two goes."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(20, 400))
    patterns = rng.choice([-1.0, 1.0], size=(max(2, round(rng.uniform(0.02, 0.3) * n)), n))
    nets = Hopfield(n, weights_dtype=np.float64), Hopfield(n, weights_dtype=np.float32)
    for net in nets:
        net.store(patterns[:1])
        net.store(patterns[1:])  # added to the integer sums taken back from float32
    probe = patterns[0].copy() if seed % 2 else rng.choice([-1.0, 1.0], n)
    probe[rng.choice(n, round(0.3 * n), replace=False)] *= -1
    return nets, patterns, probe


@pytest.mark.parametrize("rounded", ["sums", "weights"])
@pytest.mark.parametrize("seed", range(30))
def test_float32_hebb_recalls_the_same_states_in_the_same_order(seed, rounded):
    (wide, narrow), _, probe = twins(seed)
    assert narrow.weights.dtype == np.float32 and wide.weights.dtype == np.float64
    assert 0 < narrow._spread < 2**22  # (small memories round the fields' sums)
    if rounded == "weights":  # as memories too big for that do: every weight rounded to c
        narrow._spread = 2.0**23
    for mode in ("async", "sync"):
        a = wide.recall(probe, mode=mode, rng=np.random.default_rng(seed))
        b = narrow.recall(probe, mode=mode, rng=np.random.default_rng(seed))
        np.testing.assert_array_equal(a.state, b.state)
        assert (a.sweeps, a.converged, a.cycle) == (b.sweeps, b.converged, b.cycle)
        drops = [np.flatnonzero(np.diff(r.energies) < -1e-12).tolist() for r in (a, b)]
        assert drops[0] == drops[1]  # the same flips at the same updates
        np.testing.assert_allclose(a.energies, b.energies, rtol=1e-12, atol=1e-9)
    np.testing.assert_array_equal(wide.stable(), narrow.stable())
    assert narrow.energy(probe) == pytest.approx(wide.energy(probe), rel=1e-12, abs=1e-9)


def test_float32_weights_are_the_nearest_float32_to_each_hebbian_weight():
    (wide, narrow), patterns, _ = twins(3)
    n = wide.n_neurons
    counts = patterns.T @ patterns
    np.fill_diagonal(counts, 0)
    nearest = counts.astype(np.float32) / np.float32(n)  # IEEE division: rounded once
    np.testing.assert_array_equal(narrow.weights, nearest)
    np.testing.assert_array_equal(narrow.weights, narrow.weights.T)
    np.testing.assert_allclose(narrow.weights, wide.weights, rtol=2**-23, atol=1e-15)


def test_big_hebbian_memories_choose_float32_and_the_other_rules_keep_float64():
    assert Hopfield(FLOAT32_ABOVE).weights.dtype == np.float64
    big = Hopfield(FLOAT32_ABOVE + 1)
    assert big.weights.dtype == np.float32
    patterns = np.random.default_rng(0).choice([-1.0, 1.0], size=(3, 40))
    small = Hopfield(40, weights_dtype=np.float32)
    for rule in ("pseudoinverse", "storkey"):  # their weights are no integer sums
        small.clear()
        small.store(patterns, rule=rule)
        assert small.weights.dtype == np.float64
        reference = Hopfield(40)
        reference.store(patterns, rule=rule)
        np.testing.assert_array_equal(small.weights, reference.weights)
    small.clear()
    small.store(patterns)
    assert small.weights.dtype == np.float32 and small.stable().all()


def test_clearing_and_storing_again_reuses_the_weights_in_place():
    rng = np.random.default_rng(1)
    for dtype in (np.float64, np.float32):
        net = Hopfield(50, weights_dtype=dtype)
        net.store(rng.choice([-1.0, 1.0], size=(4, 50)))
        buffer = net.weights
        net.clear()
        assert not buffer.any() and len(net.patterns) == 0 and net.rule is None
        patterns = rng.choice([-1.0, 1.0], size=(3, 50))
        net.store(patterns)
        assert net.weights is buffer
        fresh = Hopfield(50, weights_dtype=dtype)
        fresh.store(patterns)
        np.testing.assert_array_equal(net.weights, fresh.weights)
