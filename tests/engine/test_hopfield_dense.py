"""Dense (Krotov-Hopfield) and modern (Ramsauer) associative memories against direct sums."""

import math

import numpy as np
import pytest

from nnsim.engine import Hopfield
from nnsim.engine.hopfield_dense import (
    DenseRecallProcess,
    Interaction,
    attention_weights,
    bipolar_patterns,
    dense_capacity,
    modern_energy,
    modern_recall,
    modern_update,
)
from nnsim.errors import ConfigError, DataError


def random_patterns(p, n, seed=0):
    return np.random.default_rng(seed).choice([-1.0, 1.0], size=(p, n))


def flipped(pattern, share, seed=1):
    probe = pattern.copy()
    rng = np.random.default_rng(seed)
    probe[rng.choice(len(probe), int(share * len(probe)), replace=False)] *= -1
    return probe


def direct_energy(patterns, state, interaction):
    """E(s) = -sum_mu F(xi_mu . s), summed as written (exact for small integers)."""
    m = patterns @ state
    if interaction.kind == "exponential":
        return -sum(math.exp(v) for v in m)
    return -sum(v**interaction.degree for v in m)


def direct_async(patterns, probe, interaction, sweeps=20):
    """One neuron at a time, in index order: the state of lower energy, kept at a tie."""
    s, states = probe.copy(), []
    for _ in range(sweeps):
        changed = False
        for i in range(len(s)):
            up, down = s.copy(), s.copy()
            up[i], down[i] = 1.0, -1.0
            e_up, e_down = (direct_energy(patterns, x, interaction) for x in (up, down))
            new = s[i] if e_up == e_down else (1.0 if e_up < e_down else -1.0)
            changed |= new != s[i]
            s[i] = new
            states.append(s.copy())
        if not changed:
            break
    return states


def process_states(process, updates):
    states = []
    while not process.done and len(states) < updates:
        if len(process.advance(1)):
            states.append(process.state)
    return states


@pytest.mark.parametrize(
    "interaction", [Interaction("polynomial", 3), Interaction("polynomial", 4),
                    Interaction("exponential")], ids=["cubic", "quartic", "exponential"],
)  # fmt: skip
def test_async_recall_flips_what_the_energy_written_out_says(interaction):
    patterns = random_patterns(6, 12, seed=4)
    probe = flipped(patterns[0], 0.4)
    expected = direct_async(patterns, probe, interaction)
    process = DenseRecallProcess(patterns, probe, interaction, order="fixed")
    got = process_states(process, len(expected) + 1)
    assert len(got) == len(expected)
    assert all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))
    assert process.done and process.converged


def test_degree_two_is_hopfields_1982_network_with_hebbs_rule():
    patterns = random_patterns(9, 80, seed=2)
    probe = flipped(patterns[3], 0.3)
    hebb = Hopfield(80)
    hebb.store(patterns, rule="hebb")
    expected = [step.state for step in hebb.recall_steps(probe, rng=7)]
    dense = DenseRecallProcess(patterns, probe, Interaction("polynomial", 2), rng=7)
    got = process_states(dense, len(expected) + 1)
    assert len(got) == len(expected) and all(
        np.array_equal(a, b) for a, b in zip(got, expected, strict=True)
    )


@pytest.mark.parametrize("mode", ["async", "sync"])
def test_a_cubic_memory_holds_patterns_that_overwhelm_hebbs_rule(mode):
    n, p = 100, 50  # Hebb holds about 0.14 N = 14
    patterns = random_patterns(p, n, seed=3)
    recalled = []
    for degree in (2, 3):
        right = 0
        for k in range(p):
            process = DenseRecallProcess(
                patterns, flipped(patterns[k], 0.1, seed=k), Interaction("polynomial", degree),
                mode=mode, rng=k,
            )  # fmt: skip
            process.advance(100 * n)
            right += np.array_equal(process.state, patterns[k])
        recalled.append(right / p)
    assert recalled[1] == 1.0 and recalled[0] < 0.3


@pytest.mark.parametrize("kind", ["polynomial", "exponential"])
def test_the_energy_never_rises_in_async_recall(kind):
    patterns = random_patterns(30, 60, seed=5)
    process = DenseRecallProcess(patterns, random_patterns(1, 60, seed=6)[0], Interaction(kind))
    start = process.energy
    energies = np.concatenate([[start], process.advance(10_000)])
    assert np.all(np.diff(energies) <= 1e-9 * np.abs(energies[:-1]).max())
    assert energies[-1] < start


def test_the_exponential_memory_recalls_in_two_thousand_neurons_without_overflow():
    patterns = random_patterns(300, 2000, seed=8)
    process = DenseRecallProcess(patterns, flipped(patterns[5], 0.45), Interaction("exponential"))
    process.advance(100_000)
    assert np.array_equal(process.state, patterns[5]) and np.isfinite(process.energy)
    # -log(sum exp(m)): the stored pattern's own overlap N dominates.
    assert process.energy == pytest.approx(-2000, abs=1e-6)


def test_sync_recall_ends_in_a_fixed_point_or_a_two_cycle():
    patterns = random_patterns(40, 50, seed=9)
    process = DenseRecallProcess(
        patterns, random_patterns(1, 50, seed=10)[0], Interaction("polynomial", 2), mode="sync"
    )
    process.advance(1000)
    assert process.done and (process.converged or process.cycle)


def test_the_capacity_formula_gives_hebbs_limit_at_degree_two_and_grows_as_n_to_the_n_minus_1():
    assert dense_capacity(1000, 2) == pytest.approx(1000 / (4 * math.log(1000)))
    ratio = dense_capacity(2000, 3) / dense_capacity(1000, 3)
    assert ratio == pytest.approx(4 * math.log(1000) / math.log(2000))


def test_bad_patterns_and_interactions_are_refused_in_words():
    with pytest.raises(DataError, match="only -1 and \\+1"):
        bipolar_patterns([[0, 1, 1]])
    with pytest.raises(DataError, match="needs 3 values"):
        bipolar_patterns([1, -1], n_neurons=3)
    with pytest.raises(ConfigError, match="from 2 to"):
        Interaction("polynomial", 1)
    with pytest.raises(ConfigError, match="polynomial or exponential"):
        Interaction("cubic")


# ------------------------------------------------------------------ the modern one
def test_the_modern_update_is_softmax_attention_written_out():
    rng = np.random.default_rng(0)
    X, query = rng.normal(size=(5, 7)), rng.normal(size=7)
    scores = [2.0 * float(x @ query) for x in X]
    total = sum(math.exp(s) for s in scores)
    expected = sum(math.exp(s) / total * x for s, x in zip(scores, X, strict=True))
    np.testing.assert_allclose(modern_update(X, query, 2.0), expected, rtol=1e-12)
    assert attention_weights(X, query, 2.0).sum() == pytest.approx(1.0)


def test_a_large_beta_gives_one_pattern_back_and_a_small_one_a_mixture():
    patterns = random_patterns(10, 64, seed=11)
    probe = flipped(patterns[2], 0.3)
    one = modern_update(patterns, probe, beta=1.0)
    np.testing.assert_allclose(one, patterns[2], atol=1e-4)
    mixture = modern_update(patterns, probe, beta=1e-4)
    np.testing.assert_allclose(mixture, patterns.mean(axis=0), atol=0.01)


def test_modern_recall_never_raises_the_energy_and_stops_when_still():
    patterns = np.random.default_rng(12).normal(size=(20, 16))
    states, energies = modern_recall(patterns, np.zeros(16), beta=0.5)
    assert len(states) == len(energies) <= 101
    assert np.all(np.diff(energies) <= 1e-12) and energies.min() >= -1e-12
    assert np.abs(states[-1] - modern_update(patterns, states[-1], 0.5)).max() < 1e-10


def test_a_beta_of_zero_or_nan_is_refused():
    for beta in (0.0, float("nan"), -1.0):
        with pytest.raises(ConfigError, match="Beta must be"):
            modern_energy(np.ones((1, 2)), np.ones(2), beta)
