"""The restricted Boltzmann machine against sums written out, and against scikit-learn."""

import itertools
import math

import numpy as np
import pytest

from nnsim.engine import datasets
from nnsim.engine.rbm import RBM
from nnsim.errors import ConfigError, DataError, EpochInterrupted

#: A crafted 3-visible, 2-hidden machine.
W = [[1.0, -1.0, 0.5], [0.0, 2.0, -1.0]]
B_H = [0.1, -0.2]
B_V = [0.0, 0.3, -0.3]
V_DATA = [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]


def crafted() -> RBM:
    rbm = RBM(3, 2, rng=0)
    rbm.set_parameters([W], [B_H, B_V])
    return rbm


def sig(z):
    return 1.0 / (1.0 + math.exp(-z))


def p_hidden(v):
    """p(h_j = 1 | v) for one sample, summed term by term."""
    return [sig(sum(W[j][i] * v[i] for i in range(3)) + B_H[j]) for j in range(2)]


def p_visible(h):
    return [sig(sum(W[j][i] * h[j] for j in range(2)) + B_V[i]) for i in range(3)]


def hand_gradient(data, model):
    """<v h>_data - <v h>_model, with h = p(h|v), for lists of samples; and the biases'."""
    dW = [[0.0] * 3 for _ in range(2)]
    db_h, db_v = [0.0] * 2, [0.0] * 3
    for samples, sign in ((data, 1.0), (model, -1.0)):
        for v in samples:
            h = p_hidden(v)
            for j in range(2):
                db_h[j] += sign * h[j] / len(samples)
                for i in range(3):
                    dW[j][i] += sign * h[j] * v[i] / len(samples)
            for i in range(3):
                db_v[i] += sign * v[i] / len(samples)
    return np.array(dW), np.array(db_h), np.array(db_v)


def energy(v, h):
    """E(v, h) = -v.b_v - h.b_h - h^T W v, written out."""
    return -(
        sum(v[i] * B_V[i] for i in range(3))
        + sum(h[j] * B_H[j] for j in range(2))
        + sum(h[j] * W[j][i] * v[i] for j in range(2) for i in range(3))
    )


def hand_free_energy(v):
    return -math.log(sum(math.exp(-energy(v, h)) for h in itertools.product((0, 1), repeat=2)))


def test_cd_gradients_equal_the_hand_computation():
    model = [[1.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 1.0, 1.0]]  # m = 3 chains, n = 2 samples
    dW, db_h, db_v = crafted().cd_gradients(V_DATA, model)
    expected = hand_gradient(V_DATA, model)
    for got, want in zip((dW, db_h, db_v), expected, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)
    # One number by hand: p(h_0 = 1 | v = [1, 0, 1]) = sigma(1 + 0.5 + 0.1) = 0.83202
    assert p_hidden(V_DATA[0])[0] == pytest.approx(0.832018385, abs=1e-9)


def draws(seed, *shapes):
    """The uniform draws a run seeded so makes, in order."""
    rng = np.random.default_rng(seed)
    return [rng.random(shape) for shape in shapes]


def on(uniforms, probabilities):
    """Binary units: 1.0 where the uniform draw falls below the unit's probability."""
    return [float(u < p) for u, p in zip(uniforms, probabilities, strict=True)]


def test_a_cd1_step_moves_the_weights_by_the_hand_update_with_its_samples():
    rbm, rate = crafted(), 0.3
    u_h, u_v = draws(7, (2, 2), (2, 3))  # h0 ~ p(h|v), then v1 ~ p(v|h0)
    h0 = [
        [float(u < p) for u, p in zip(u_h[n], p_hidden(V_DATA[n]), strict=True)] for n in range(2)
    ]
    v1 = [[float(u < p) for u, p in zip(u_v[n], p_visible(h0[n]), strict=True)] for n in range(2)]
    error = rbm.train_epoch(V_DATA, learning_rate=rate, shuffle=False, rng=np.random.default_rng(7))
    dW, db_h, db_v = hand_gradient(V_DATA, v1)
    np.testing.assert_allclose(rbm.weights, np.array(W) + rate * dW, rtol=1e-12)
    np.testing.assert_allclose(rbm.hidden_bias, np.array(B_H) + rate * db_h, rtol=1e-12)
    np.testing.assert_allclose(rbm.visible_bias, np.array(B_V) + rate * db_v, atol=1e-15)
    recon = [p_visible(p_hidden(v)) for v in V_DATA]  # measured before the update
    want = np.mean(
        [(v[i] - r[i]) ** 2 for v, r in zip(V_DATA, recon, strict=True) for i in range(3)]
    )
    assert error == pytest.approx(want, rel=1e-12)


def test_pcd_chains_start_at_hidden_zero_and_persist_between_updates():
    rbm, rate = crafted(), 0.1
    (u_v, u_h) = draws(3, (1, 3), (1, 2))
    v1 = on(u_v[0], [sig(b) for b in B_V])  # from h = 0
    rbm.train_epoch(
        V_DATA[:1], learning_rate=rate, persistent=True, shuffle=False,
        rng=np.random.default_rng(3),
    )  # fmt: skip
    dW, _, _ = hand_gradient(V_DATA[:1], [v1])
    np.testing.assert_allclose(rbm.weights, np.array(W) + rate * dW, rtol=1e-12)
    # The chain moved on to h ~ p(h | v1) and is kept for the next update.
    chain = on(u_h[0], p_hidden(v1))
    np.testing.assert_array_equal(rbm._chains, [chain])


def test_momentum_and_l2_follow_the_update_rule():
    rate, mu, l2 = 0.2, 0.5, 0.01
    plain, heavy = crafted(), crafted()
    rng_a, rng_b = np.random.default_rng(5), np.random.default_rng(5)
    first = plain.train_epoch(V_DATA, learning_rate=rate, shuffle=False, rng=rng_a)
    heavy.train_epoch(V_DATA, learning_rate=rate, momentum=mu, l2=l2, shuffle=False, rng=rng_b)
    step1 = heavy.weights - np.array(W)
    W1 = heavy.weights.copy()
    # The same samples without L2: the L2 term is -eta * l2 * W exactly.
    np.testing.assert_allclose(step1, plain.weights - np.array(W) - rate * l2 * np.array(W))
    assert first > 0
    v_model = heavy.gibbs(V_DATA, 1, np.random.default_rng(0))  # any fixed samples
    grad = heavy.cd_gradients(V_DATA, v_model)[0] - l2 * W1
    steps = [rate * g for g in heavy.cd_gradients(V_DATA, v_model)]
    heavy._step(steps, rate * l2, mu)
    np.testing.assert_allclose(heavy.weights - W1, mu * step1 + rate * grad, rtol=1e-12)


def test_free_energy_is_minus_log_of_the_sum_over_hidden_states():
    rbm = crafted()
    states = [list(v) for v in itertools.product((0.0, 1.0), repeat=3)]
    np.testing.assert_allclose(
        rbm.free_energy(states), [hand_free_energy(v) for v in states], rtol=1e-12
    )


def test_pseudo_likelihood_is_n_v_times_the_flipped_units_conditional_log_probability():
    rbm = crafted()
    states = [list(v) for v in itertools.product((0.0, 1.0), repeat=3)]
    units = np.random.default_rng(11).integers(0, 3, len(states))
    got = rbm.pseudo_likelihood(states, np.random.default_rng(11))
    for v, i, score in zip(states, units, got, strict=True):
        flipped = list(v)
        flipped[i] = 1.0 - flipped[i]
        joint = math.exp(-hand_free_energy(v))
        p = joint / (joint + math.exp(-hand_free_energy(flipped)))  # p(v_i | the others)
        assert score == pytest.approx(3 * math.log(p), rel=1e-10)


def test_gibbs_samples_follow_the_visible_biases_when_the_weights_are_zero():
    rbm = RBM(50, 4, init_scale=0.0, rng=0)
    rbm.set_parameters([np.zeros((4, 50))], [np.zeros(4), np.full(50, math.log(0.2 / 0.8))])
    start = np.ones((400, 50))
    means = rbm.gibbs(start, 3, np.random.default_rng(0), means=True)
    np.testing.assert_allclose(means, 0.2)
    dreams = rbm.gibbs(start, 3, np.random.default_rng(0))
    assert set(np.unique(dreams)) <= {0.0, 1.0}
    assert abs(dreams.mean() - 0.2) < 4 * math.sqrt(0.2 * 0.8 / dreams.size)  # 4 sigma


def test_bad_inputs_are_refused_in_words():
    rbm = crafted()
    with pytest.raises(DataError, match="between 0 and 1"):
        rbm.train_epoch([[0.0, 2.0, 1.0]], learning_rate=0.1)
    with pytest.raises(DataError, match="row 0"):
        rbm.reconstruct([[0.0, np.nan, 1.0]])
    with pytest.raises(DataError, match="shape"):
        rbm.free_energy([[0.0, 1.0]])
    with pytest.raises(ConfigError, match="k"):
        rbm.train_epoch(V_DATA, learning_rate=0.1, cd_steps=0)
    with pytest.raises(ConfigError, match="L1"):
        rbm.train_epoch(V_DATA, learning_rate=0.1, l1=0.1)
    with pytest.raises(DataError, match="shapes"):
        rbm.set_parameters([np.zeros((3, 2))], [B_H, B_V])
    with pytest.raises(ConfigError, match="at least one"):
        RBM(0, 3)
    np.testing.assert_array_equal(rbm.weights, W)  # nothing refused changed it


def test_should_stop_ends_the_epoch_between_batches():
    rbm = crafted()
    with pytest.raises(EpochInterrupted):
        rbm.train_epoch(V_DATA, learning_rate=0.1, batch_size=1, should_stop=lambda: True)
    assert not np.array_equal(rbm.weights, W)  # the first batch was applied


# ------------------------------------------------------------- the digits, and scikit-learn
def binary_digits() -> np.ndarray:
    X = datasets.digits().X
    return (0.5 * X.max() < X).astype(np.float64)


#: The settings both machines train with (scikit-learn's BernoulliRBM defaults, 5 epochs).
HIDDEN, RATE, BATCH, EPOCHS = 32, 0.1, 10, 5


def trained(X, seed) -> RBM:
    rbm = RBM(X.shape[1], HIDDEN, rng=seed)
    rng = np.random.default_rng(seed)
    for _ in range(EPOCHS):
        rbm.train_epoch(X, learning_rate=RATE, batch_size=BATCH, persistent=True, shuffle=False,
                        rng=rng)  # fmt: skip
    return rbm


def mean_pseudo_likelihood(rbm, X) -> float:
    """Averaged over 10 draws of the flipped units (one draw's spread is ~0.3 nats)."""
    return float(np.mean([rbm.pseudo_likelihood(X, np.random.default_rng(i)) for i in range(10)]))


def test_training_on_the_digits_lowers_the_reconstruction_error():
    X = binary_digits()
    rbm = RBM(64, HIDDEN, rng=0)
    errors = [rbm.train_epoch(X, learning_rate=RATE, batch_size=BATCH, persistent=True,
                              rng=np.random.default_rng(0)) for _ in range(3)]  # fmt: skip
    assert errors[0] < 0.25  # an untrained machine reconstructs every pixel as ~0.5
    assert errors[2] < 0.8 * errors[0]
    assert rbm.reconstruction_error(X) < errors[0]


def test_pseudo_likelihood_is_comparable_to_scikit_learns_bernoulli_rbm():
    """Same data, hidden units, learning rate, batch size and epochs; PCD-1 as scikit-learn.

    Measured over 8 seeds (this machine): nnsim -19.17 +- 0.35 and scikit-learn
    -19.02 +- 0.31 (each model scored by the same function), 0.8% apart; their
    reconstruction errors 0.0774 +- 0.0018 and 0.0765 +- 0.0019.  The mean of 4
    seeds spreads by ~0.17 nats each, so the two means differ by ~0.25 nats by
    chance: 5% (~1 nat, four of those) never fails by chance, and is 25 times
    smaller than what training gains (an untrained machine scores 64 log 1/2 = -44).
    """
    from sklearn.neural_network import BernoulliRBM

    X = binary_digits()
    ours, theirs, errors = [], [], []
    for seed in range(4):
        reference = BernoulliRBM(
            n_components=HIDDEN, learning_rate=RATE, batch_size=BATCH, n_iter=EPOCHS,
            random_state=seed,
        ).fit(X)  # fmt: skip
        as_ours = RBM(64, HIDDEN)
        as_ours.set_parameters(
            [reference.components_], [reference.intercept_hidden_, reference.intercept_visible_]
        )
        np.testing.assert_allclose(as_ours.free_energy(X), reference._free_energy(X), rtol=1e-12)
        rbm = trained(X, seed)
        ours.append(mean_pseudo_likelihood(rbm, X))
        theirs.append(mean_pseudo_likelihood(as_ours, X))
        errors.append((rbm.reconstruction_error(X), as_ours.reconstruction_error(X)))
    assert np.mean(ours) == pytest.approx(np.mean(theirs), rel=0.05)
    assert np.mean(theirs) > -30 and np.mean(ours) > -30  # both far above untrained (-44)
    mine, reference_error = np.mean(errors, axis=0)
    assert mine == pytest.approx(reference_error, rel=0.10)  # measured 1.2% apart
