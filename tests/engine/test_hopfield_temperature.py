"""Recall at a temperature (issue 19, section 1): Glauber dynamics and annealing."""

import numpy as np
import pytest

from nnsim.engine import Hopfield
from nnsim.engine.hopfield import RecallProcess
from nnsim.engine.hopfield_dense import DenseRecallProcess, Interaction
from nnsim.engine.hopfield_temperature import Anneal, glauber_thresholds, sweep_temperatures
from nnsim.errors import ConfigError


def hebb(n, count, seed):
    rng = np.random.default_rng(seed)
    patterns = rng.choice([-1.0, 1.0], size=(count, n))
    network = Hopfield(n)
    network.store(patterns)
    return network, patterns, rng


def sigma(x):
    return 1.0 / (1.0 + np.exp(-x))


def reference_sweeps(W, probe, sweeps, temperature, rng):
    """One neuron at a time, as the textbook writes it: P(+1) = sigma(2 h / T) (T = 0: sign)."""
    s, states = probe.copy(), []
    for _ in range(sweeps):
        order = rng.permutation(len(s))
        u = rng.random(len(s)) if temperature else None
        for i in order:
            h = W[i] @ s
            if temperature:
                s[i] = 1.0 if u[i] < sigma(2.0 * h / temperature) else -1.0
            elif abs(h) > 1e-10:
                s[i] = np.sign(h)
        states.append(s.copy())
    return states


@pytest.mark.parametrize("temperature", [0.0, 0.3, 1.5])
def test_each_sweep_is_that_of_one_neuron_at_a_time(temperature):
    network, patterns, rng = hebb(120, 12, 3)
    probe = patterns[0] * np.where(rng.random(120) < 0.3, -1.0, 1.0)
    expected = reference_sweeps(network.weights, probe, 6, temperature, np.random.default_rng(9))
    process = RecallProcess(network, probe, temperature=temperature, max_sweeps=6, rng=9)
    for state in expected:
        if process.done:  # T = 0 settles: every later sweep of the reference stays put
            assert np.array_equal(process.state, state)
            continue
        process.advance(120)
        assert np.array_equal(process.state, state)


def test_at_zero_temperature_recall_is_the_deterministic_one_bit_for_bit():
    network, patterns, rng = hebb(300, 30, 5)
    probe = patterns[1] * np.where(rng.random(300) < 0.25, -1.0, 1.0)
    for mode in ("async", "sync"):
        plain = RecallProcess(network, probe, mode=mode, rng=4)
        cold = RecallProcess(network, probe, mode=mode, rng=4, temperature=0.0)
        assert np.array_equal(plain.advance(10**6), cold.advance(10**6))
        assert np.array_equal(plain.state, cold.state)
        assert cold.converged and cold.temperature == 0.0


@pytest.mark.parametrize("field_sign", [1.0, -1.0])
@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.5])
def test_a_neuron_takes_plus_one_with_probability_sigma_of_2h_over_t(field_sign, temperature):
    """Two neurons, w = 0.5 (Hebb, one pattern [1, 1]): neuron 0's first field is 0.5 s_1."""
    network = Hopfield(2)
    network.store([[1.0, 1.0]])
    probe = np.array([-1.0, field_sign])
    rng, draws = np.random.default_rng(11), 4000
    ups = 0
    for _ in range(draws):
        process = RecallProcess(network, probe, order="fixed", temperature=temperature, rng=rng)
        process.advance(1)
        ups += process.state[0] == 1.0
    p = sigma(2.0 * 0.5 * field_sign / temperature)
    tolerance = 4.0 * np.sqrt(p * (1 - p) / draws)  # binomial: 4 standard deviations
    assert abs(ups / draws - p) < tolerance


def test_glauber_thresholds_are_passed_with_the_logistic_probability():
    thresholds = glauber_thresholds(np.random.default_rng(2), 200_000, 0.7)
    for delta_e in (-1.0, 0.0, 0.4, 2.0):
        p = sigma(delta_e / 0.7)
        assert abs(np.mean(delta_e > thresholds) - p) < 4.0 * np.sqrt(p * (1 - p) / 200_000)


@pytest.mark.parametrize("mode", ["async", "sync"])
def test_at_a_high_temperature_no_pattern_is_held(mode):
    """T = 10, Hebb, N = 400: 2h/T <= 0.2, so each neuron is nearly a coin.  An overlap of N
    coins has standard deviation 1/sqrt(N) (about 1.1/sqrt(N) with the weak fields), so
    |m| < 4/sqrt(N) holds for all but a few of the 5 x 200 overlaps measured."""
    n, sweeps = 400, 200
    network, patterns, _ = hebb(n, 5, 8)
    process = RecallProcess(network, patterns[0], mode=mode, temperature=10.0, max_sweeps=sweeps,
                            rng=1)  # fmt: skip
    overlaps = []
    for _ in range(sweeps):
        assert len(process.advance(n if mode == "async" else 1)) == (n if mode == "async" else 1)
        overlaps.append(network.overlaps(process.state))
    assert not len(process.advance(1)) and process.done and not process.converged
    overlaps = np.abs(np.array(overlaps))
    assert np.mean(overlaps < 4.0 / np.sqrt(n)) >= 0.99
    assert overlaps.mean() < 1.5 / np.sqrt(n)


def test_the_energy_fluctuates_at_a_temperature_and_never_rises_at_zero():
    network, patterns, _ = hebb(100, 3, 4)
    hot = RecallProcess(network, patterns[0], temperature=1.0, max_sweeps=20, rng=0)
    energies = hot.advance(10**5)
    assert len(energies) == 20 * 100 and np.any(np.diff(energies) > 0)
    assert energies[-1] == pytest.approx(network.energy(hot.state))


def test_annealing_recovers_a_pattern_from_the_spurious_mixture_of_three():
    """sign(xi1 + xi2 + xi3) is a fixed point of Hebb's rule at low load: deterministic
    recall stays there.  Annealing from T0 = 1 (geometric, 30 sweeps; the mixture melts
    near T = 0.46, the patterns only at T = 1) ends on a stored pattern.  Measured: stuck
    20 of 20 at T = 0; recovered 18 of 20 (N = 200)."""
    recovered = 0
    for trial in range(20):
        network, patterns, rng = hebb(200, 3, 100 + trial)
        mixture = np.sign(patterns.sum(axis=0))
        cold = RecallProcess(network, mixture, rng=rng)
        cold.advance(10**6)
        assert cold.converged and np.array_equal(cold.state, mixture)
        hot = RecallProcess(network, mixture, rng=rng, anneal=Anneal(1.0, 30, "geometric"))
        hot.advance(10**7)
        assert hot.converged and hot.temperature == 0.0
        recovered += bool(np.any(network.overlaps(hot.state) == 1.0))
    assert recovered >= 14


def test_annealing_schedules_fall_from_t0_towards_zero():
    geometric = Anneal(2.0, 5).temperatures()
    assert geometric == pytest.approx([2.0, 2.0 * 0.01**0.25, 0.2, 2.0 * 0.01**0.75, 0.02])
    assert Anneal(2.0, 4, "linear").temperatures() == pytest.approx([2.0, 1.5, 1.0, 0.5])
    assert sweep_temperatures(0.0, 50, None).size == 0
    assert sweep_temperatures(0.5, 3, None) == pytest.approx([0.5] * 3)


def test_an_annealed_sync_recall_draws_then_settles():
    network, patterns, _ = hebb(100, 3, 6)
    process = RecallProcess(
        network, patterns[0], mode="sync", anneal=Anneal(0.3, 10, "linear"), rng=2
    )
    temperatures = []
    while not process.done:
        process.advance(1)
        temperatures.append(process.temperature)
    assert temperatures[:10] == pytest.approx(Anneal(0.3, 10, "linear").temperatures())
    assert process.converged or process.cycle


@pytest.mark.parametrize(
    "settings",
    [{"temperature": -1.0}, {"temperature": float("nan")}, {"anneal": "fast"}],
)
def test_bad_temperatures_are_refused(settings):
    network, patterns, _ = hebb(10, 1, 0)
    with pytest.raises(ConfigError):
        RecallProcess(network, patterns[0], **settings)


def test_bad_schedules_are_refused():
    with pytest.raises(ConfigError, match="schedule"):
        Anneal(1.0, 10, "cubic")
    with pytest.raises(ConfigError, match="sweep"):
        Anneal(1.0, 0)
    with pytest.raises(ConfigError, match="temperature"):
        Anneal(-1.0, 10)


# ------------------------------------------------------------------ the dense memory
def test_a_degree_2_dense_memory_at_t_is_hebbs_network_at_t():
    """The dense gap at degree 2 is 2 h_i of Hebb's weights, and both draw the same numbers
    from the same seed: the same states, sweep after sweep."""
    network, patterns, rng = hebb(80, 6, 12)
    probe = patterns[0] * np.where(rng.random(80) < 0.3, -1.0, 1.0)
    for mode in ("async", "sync"):
        hopfield = RecallProcess(network, probe, mode=mode, temperature=0.6, max_sweeps=8, rng=5)
        dense = DenseRecallProcess(patterns, probe, Interaction("polynomial", 2), mode=mode,
                                   temperature=0.6, max_sweeps=8, rng=5)  # fmt: skip
        for _ in range(8):
            steps = 80 if mode == "async" else 1
            hopfield.advance(steps)
            dense.advance(steps)
            assert np.array_equal(hopfield.state, dense.state)
        assert dense.temperature == 0.6 and not dense.converged


def test_an_exponential_memory_takes_plus_one_with_the_boltzmann_probability():
    """P(+1) = sigma(gap / T), the gap the change of -log(-E) when neuron 0 flips."""
    patterns = np.array([[1.0, 1.0, -1.0, 1.0], [-1.0, 1.0, 1.0, 1.0]])
    probe = np.array([-1.0, 1.0, 1.0, -1.0])
    interaction, temperature = Interaction("exponential"), 0.8
    up, down = probe.copy(), probe.copy()
    up[0], down[0] = 1.0, -1.0
    gap = interaction.energy(patterns @ down) - interaction.energy(patterns @ up)
    rng, draws, ups = np.random.default_rng(4), 4000, 0
    for _ in range(draws):
        process = DenseRecallProcess(patterns, probe, interaction, order="fixed",
                                     temperature=temperature, rng=rng)  # fmt: skip
        process.advance(1)
        ups += process.state[0] == 1.0
    p = sigma(gap / temperature)
    assert abs(ups / draws - p) < 4.0 * np.sqrt(p * (1 - p) / draws)


def test_a_hot_cubic_memory_forgets_and_an_annealed_one_settles():
    n = 200
    patterns = np.random.default_rng(9).choice([-1.0, 1.0], size=(10, n))
    hot = DenseRecallProcess(patterns, patterns[0], Interaction("polynomial", 3),
                             temperature=20.0, max_sweeps=30, rng=1)  # fmt: skip
    hot.advance(30 * n)
    assert np.abs(hot.overlaps).max() < 4.0 / np.sqrt(n)
    probe = patterns[3] * np.where(np.random.default_rng(2).random(n) < 0.2, -1.0, 1.0)
    cooled = DenseRecallProcess(patterns, probe, Interaction("polynomial", 3),
                                anneal=Anneal(0.5, 10), rng=3)  # fmt: skip
    cooled.advance(10**6)
    assert cooled.converged and cooled.temperature == 0.0
    assert np.array_equal(cooled.state, patterns[3])
