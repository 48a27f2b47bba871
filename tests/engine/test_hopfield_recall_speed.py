"""The fast recall against a slow reference: the same states, in the same order.

Asynchronous recall guesses many flips at once and checks the guess
(:meth:`RecallProcess._visit`); synchronous recall brings only the flipped
neurons' weights into the fields.  These references visit one neuron at a
time and recompute every field, as the rules are written.
"""

import numpy as np
import pytest

from nnsim.engine import Hopfield
from nnsim.engine.hopfield import FIELD_TOLERANCE, RecallProcess


def slow_async(net, probe, rng, order="random", max_sweeps=100):
    """(flips as (update, neuron), final state, sweeps, converged), one neuron at a time."""
    W, s, n = net.weights, np.array(probe, dtype=float), net.n_neurons
    flips, update = [], 0
    for sweep in range(1, max_sweeps + 1):
        changed = False
        for i in np.arange(n) if order == "fixed" else rng.permutation(n):
            update += 1
            if s[i] * (W[i] @ s) < -FIELD_TOLERANCE:
                s[i] = -s[i]
                flips.append((update, int(i)))
                changed = True
        if not changed:
            return flips, s, sweep, True
    return flips, s, max_sweeps, False


def slow_sync(net, probe, max_sweeps=100):
    """(final state, steps, cycle), every field recomputed from the weights each step."""
    W, s, previous = net.weights, np.array(probe, dtype=float), None
    for step in range(max_sweeps):
        h = W @ s
        new = np.where(h > FIELD_TOLERANCE, 1.0, np.where(h < -FIELD_TOLERANCE, -1.0, s))
        if np.array_equal(new, s):
            return s, step, False
        if previous is not None and np.array_equal(new, previous):
            return new, step + 1, True
        previous, s = s, new
    return s, max_sweeps, False


def random_case(seed):
    """A network of 5-300 neurons, loaded 2-40% by any rule, and a probe near a pattern or not."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 300))
    rule = ("hebb", "pseudoinverse", "storkey")[seed % 3]
    patterns = rng.choice([-1.0, 1.0], size=(max(1, round(rng.uniform(0.02, 0.4) * n)), n))
    net = Hopfield(n)
    net.store(patterns, rule=rule)
    if seed % 2:
        probe = patterns[0].copy()
        probe[rng.choice(n, round(rng.uniform(0, 0.4) * n), replace=False)] *= -1
    else:
        probe = rng.choice([-1.0, 1.0], n)
    return net, probe


@pytest.mark.parametrize("seed", range(60))
def test_async_recall_flips_the_neurons_of_the_one_at_a_time_reference(seed):
    net, probe = random_case(seed)
    order = "fixed" if seed % 5 == 0 else "random"
    expected, state, sweeps, converged = slow_async(net, probe, np.random.default_rng(seed), order)
    result = net.recall(probe, order=order, rng=np.random.default_rng(seed))
    np.testing.assert_array_equal(result.state, state)
    assert (result.sweeps, result.converged) == (sweeps, converged)
    # Every update's energy: flips lower it exactly where the reference flipped.
    drops = np.flatnonzero(np.diff(result.energies) < -1e-12) + 1
    assert [update for update, _ in expected] == drops.tolist()
    assert np.all(np.diff(result.energies) <= 1e-12)
    assert result.energies[-1] == pytest.approx(net.energy(state), abs=1e-9)
    # One update at a time, the neuron each flip visits is the reference's.
    process = RecallProcess(net, probe, order=order, rng=np.random.default_rng(seed))
    neurons = []
    while process.advance(1).size:
        if process.flipped:
            neurons.append(process.neuron)
    assert neurons == [i for _, i in expected]


@pytest.mark.parametrize("seed", range(0, 60, 7))
def test_async_recall_in_uneven_chunks_is_the_same_recall(seed):
    net, probe = random_case(seed)
    whole = net.recall(probe, rng=np.random.default_rng(seed))
    process = RecallProcess(net, probe, rng=np.random.default_rng(seed))
    chunks = []
    for size in [3, 1, 50, 17, 400] * 10**4:
        chunks.append(process.advance(size))
        if process.done:
            break
    np.testing.assert_allclose(np.concatenate(chunks), whole.energies[1:], atol=1e-9)
    np.testing.assert_array_equal(process.state, whole.state)
    assert process.updates == whole.sweeps * net.n_neurons


@pytest.mark.parametrize("seed", range(40))
def test_sync_recall_ends_where_the_reference_does(seed):
    net, probe = random_case(seed)
    state, steps, cycle = slow_sync(net, probe)
    result = net.recall(probe, mode="sync")
    np.testing.assert_array_equal(result.state, state)
    assert (result.sweeps, result.cycle) == (steps, cycle)
    assert result.energies[-1] == pytest.approx(net.energy(state), abs=1e-9)


def test_a_window_bigger_than_one_guess_is_cut_and_still_exact():
    # 2,000 neurons, half of them wrong: the flips ahead x the neurons ahead pass
    # WINDOW_ELEMENTS, so a sweep is guessed a piece at a time.
    rng = np.random.default_rng(3)
    patterns = rng.choice([-1.0, 1.0], size=(60, 2000))
    net = Hopfield(2000)
    net.store(patterns)
    probe = rng.choice([-1.0, 1.0], 2000)
    expected, state, sweeps, _ = slow_async(net, probe, np.random.default_rng(1))
    result = net.recall(probe, rng=np.random.default_rng(1))
    np.testing.assert_array_equal(result.state, state)
    assert result.sweeps == sweeps
    drops = np.flatnonzero(np.diff(result.energies) < -1e-12) + 1
    assert drops.tolist() == [update for update, _ in expected]
