"""The training generator: reports, live settings, stop rules and divergence."""

import numpy as np
import pytest

from nnsim.engine import MLP, Perceptron, TrainingConfig, datasets, train
from nnsim.errors import ConfigError, DivergenceError


def run_to_end(generator):
    reports = []
    while True:
        try:
            reports.append(next(generator))
        except StopIteration as finished:
            return reports, finished.value


def test_reports_are_throttled_but_every_epoch_loss_arrives():
    net = MLP([2, 4, 1], rng=0)
    config = TrainingConfig(learning_rate=0.5, max_epochs=6000)
    reports, summary = run_to_end(train(net, datasets.xor(), config))
    assert reports[0].epoch == 1 and reports[-1].epoch == 6000 == summary.epochs
    assert sum(len(r.losses) for r in reports) == 6000
    assert len(reports) <= 2 + 30 * summary.elapsed * 1.5
    gaps = np.diff([r.elapsed for r in reports[1:-1]])
    assert np.all(gaps >= 1 / 30 * 0.9)
    assert summary.stop_reason == "max_epochs" and summary.accuracy == reports[-1].accuracy


def test_losses_in_reports_are_the_epoch_losses_in_order():
    data = datasets.xor()
    net, twin = MLP([2, 3, 1], rng=4), MLP([2, 3, 1], rng=4)
    reports, _ = run_to_end(train(net, data, TrainingConfig(learning_rate=0.5, max_epochs=50)))
    expected = [twin.train_epoch(data.X, data.T, learning_rate=0.5) for _ in range(50)]
    assert np.concatenate([r.losses for r in reports]).tolist() == expected


def test_a_settings_patch_applies_from_the_next_epoch():
    data = datasets.xor()
    config = TrainingConfig(learning_rate=0.5, max_epochs=3, report_interval=0.0)
    net, twin = MLP([2, 3, 1], rng=1), MLP([2, 3, 1], rng=1)
    run = train(net, data, config)
    first = next(run)
    second = run.send({"learning_rate": 0.05, "momentum": 0.5})
    assert (first.learning_rate, second.learning_rate, second.momentum) == (0.5, 0.05, 0.5)
    twin.train_epoch(data.X, data.T, learning_rate=0.5)
    twin.train_epoch(data.X, data.T, learning_rate=0.05, momentum=0.5)
    for w, expected in zip(net.weights, twin.weights, strict=True):
        np.testing.assert_array_equal(w, expected)
    with pytest.raises(
        ConfigError, match="Only learning_rate, momentum, report_interval can change"
    ):
        run.send({"batch_size": 2})


def test_a_zero_report_interval_sent_in_makes_every_epoch_a_report():
    # A GUI steps one epoch at a time this way, between runs at full speed.
    config = TrainingConfig(max_epochs=100_000, report_interval=3600.0)
    run = train(MLP([2, 3, 1], rng=1), datasets.xor(), config)
    assert next(run).epoch == 1  # the first epoch is always reported
    epochs = [run.send({"report_interval": 0.0}).epoch, next(run).epoch, next(run).epoch]
    assert epochs == [2, 3, 4]
    with pytest.raises(ConfigError, match="report interval must be 0 s or more"):
        run.send({"report_interval": -1.0})


def test_a_bad_patch_is_refused():
    run = train(MLP([2, 3, 1], rng=1), datasets.xor(), TrainingConfig(max_epochs=5))
    next(run)
    with pytest.raises(ConfigError, match="learning rate must be a positive number"):
        run.send({"learning_rate": float("nan")})


def test_stops_at_the_target_error():
    net = Perceptron(2, rule="rosenblatt", rng=0)
    config = TrainingConfig(learning_rate=0.1, max_epochs=500, target_error=0.0)
    reports, summary = run_to_end(train(net, datasets.and_gate(), config))
    assert summary.stop_reason == "target_error" and summary.epochs < 500
    assert reports[-1].train_loss == 0 and summary.accuracy == 1.0
    assert "target error 0" in summary.message


def test_stops_when_validation_stops_improving():
    train_set, validation = datasets.moons(n=60, noise=0.3, rng=3).split(0.5, rng=0)
    net = MLP([2, 30, 1], activation="tanh", output_activation="sigmoid", loss="bce", rng=0)
    config = TrainingConfig(learning_rate=0.5, max_epochs=20000, patience=50)
    reports, summary = run_to_end(train(net, train_set, config, validation=validation))
    assert summary.stop_reason == "no_improvement" and summary.epochs < 20000
    assert reports[-1].validation_loss is not None


def test_divergence_raises_and_keeps_the_weights_from_before_the_bad_epoch():
    data = (np.array([[1.0], [2.0]]), np.array([[1.0], [2.0]]))
    net = MLP([1, 1], activation="linear", loss="sse", rng=0)
    config = TrainingConfig(
        learning_rate=10.0, max_epochs=10_000, report_interval=0.0, include_weights=True
    )
    run = train(net, data, config)
    reports = []
    with pytest.raises(DivergenceError, match=r"diverged in epoch \d+.*smaller learning rate") as e:
        reports.extend(run)
    failed = len(reports) + 1
    assert e.value.epoch == failed - 2, "the error of epoch k is measured before its update"
    assert np.isfinite(net.weights[0]).all()
    kept = next(r for r in reports if r.epoch == e.value.epoch)
    np.testing.assert_array_equal(net.weights[0], kept.weights[0])
    assert len(e.value.losses) == 0, "every kept epoch was reported already"


def test_divergence_from_penalties_keeps_finite_weights_and_every_kept_epochs_loss():
    net = MLP([2, 4, 1], rng=0)
    config = TrainingConfig(l1=10.0, l2=10.0, max_epochs=100_000, report_interval=3600.0)
    run = train(net, datasets.xor(), config)
    first = next(run)
    with pytest.raises(DivergenceError, match="or smaller L1/L2 penalties") as e:
        next(run)
    assert all(np.isfinite(w).all() for w in [*net.weights, *net.biases])
    assert first.epoch + len(e.value.losses) == e.value.epoch, "no kept epoch's loss is lost"
    assert np.isfinite(e.value.losses).all()


def test_a_last_update_that_overflows_the_weights_is_caught_and_undone():
    # A perceptron's error counts mistakes, so it stays finite whatever the weights are.
    X = np.array([[1e306, -1e306], [-1e306, 1e306]])
    data = (X, np.array([[0.0], [1.0]]))  # both wrong at the start
    net = Perceptron(2, rng=0)
    before = (net.weights.copy(), net.bias.copy())
    config = TrainingConfig(learning_rate=1000.0, max_epochs=1, target_error=None)
    with pytest.raises(DivergenceError, match="weights became too large") as e:
        run_to_end(train(net, data, config))
    assert e.value.epoch == 0
    np.testing.assert_array_equal(net.weights, before[0])
    np.testing.assert_array_equal(net.bias, before[1])


def test_an_mlp_whose_one_epoch_overflows_keeps_its_first_weights():
    net = MLP([1, 10, 1], activation="tanh", output_activation="linear", loss="mse", rng=0)
    first = [w.copy() for w in net.weights]
    config = TrainingConfig(learning_rate=1e308, max_epochs=1)
    with pytest.raises(DivergenceError, match="diverged in epoch 1") as e:
        run_to_end(train(net, datasets.sine(), config))
    assert e.value.epoch == 0
    for kept, now in zip(first, net.weights, strict=True):
        np.testing.assert_array_equal(kept, now)


def test_an_infinite_weight_behind_a_saturated_output_goes_back_to_the_last_report():
    net = MLP([2, 2, 1], activation="sigmoid", rng=0)
    config = TrainingConfig(learning_rate=0.5, max_epochs=10_000, report_interval=3600.0)
    run = train(net, datasets.xor(), config)
    first = next(run)  # the first epoch is always reported
    at_first = [w.copy() for w in net.weights]
    net.biases[0][:] = np.inf  # the hidden layer saturates: the error stays finite
    assert np.isfinite(net.loss_value(datasets.xor().X, datasets.xor().T))
    with pytest.raises(DivergenceError, match="weights became too large") as e:
        run.send({"report_interval": 0.0})  # the next epoch is reported
    assert e.value.epoch == first.epoch
    for kept, now in zip(at_first, net.weights, strict=True):
        np.testing.assert_array_equal(kept, now)
    assert np.isfinite(net.biases[0]).all()


def test_report_weights_are_copies():
    net = MLP([2, 3, 1], rng=0)
    config = TrainingConfig(max_epochs=2, report_interval=0.0, include_weights=True)
    first = next(train(net, datasets.xor(), config))
    first.weights[0][:] = 123.0
    assert not np.any(net.weights[0] == 123.0)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"learning_rate": 0.0}, "learning rate must be a positive number"),
        ({"learning_rate": float("inf")}, "learning rate must be a positive number"),
        ({"momentum": 1.0}, "momentum must lie in"),
        ({"max_epochs": 0}, "at least 1"),
        ({"batch_size": 0}, "batch size must be at least 1"),
        ({"target_error": -1.0}, "target error"),
    ],
)
def test_bad_settings_are_refused(settings, message):
    with pytest.raises(ConfigError, match=message):
        TrainingConfig(**settings)


def test_perceptrons_refuse_momentum_and_patience_needs_validation():
    with pytest.raises(ConfigError, match="momentum and L1/L2"):
        next(train(Perceptron(2), datasets.and_gate(), TrainingConfig(momentum=0.5)))
    with pytest.raises(ConfigError, match="needs validation data"):
        next(train(MLP([2, 2, 1]), datasets.xor(), TrainingConfig(patience=5)))


def test_same_seed_same_run():
    def losses(seed):
        net = MLP([2, 8, 1], activation="tanh", output_activation="sigmoid", loss="bce", rng=seed)
        config = TrainingConfig(learning_rate=0.3, batch_size=10, max_epochs=30, seed=seed)
        reports, _ = run_to_end(train(net, datasets.moons(n=100), config))
        return np.concatenate([r.losses for r in reports]), net.weights

    (a, wa), (b, wb) = losses(2), losses(2)
    assert np.array_equal(a, b) and all(np.array_equal(x, y) for x, y in zip(wa, wb, strict=True))


@pytest.mark.parametrize("kind", ["mlp", "perceptron"])
def test_a_stop_asked_for_mid_epoch_ends_it_between_batches_and_undoes_it(kind):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(5000, 2))
    T = (X[:, :1] > 0).astype(float)
    if kind == "mlp":
        net = MLP([2, 3, 1], rng=0)
        config = TrainingConfig(batch_size=10, max_epochs=5, report_interval=0.0)
    else:
        net = Perceptron(2, rng=0)
        config = TrainingConfig(learning_rate=0.1, max_epochs=5, report_interval=0.0)
    asked = []

    def should_stop():  # yes on the fifth question: in the second epoch, partway
        asked.append(True)
        return len(asked) >= 5 + (499 if kind == "mlp" else 19)

    run = train(net, (X, T), config, should_stop=should_stop)
    first = next(run)
    after_first = [p.copy() for p in (net.weights if kind == "mlp" else [net.weights])]
    reports, summary = run_to_end(run)
    assert first.epoch == 1 and [r.epoch for r in reports] == [1]
    assert reports[-1].stop_reason == summary.stop_reason == "stopped"
    assert summary.epochs == 1 and summary.message == "Stopped, as asked, after epoch 1."
    now = net.weights if kind == "mlp" else [net.weights]
    for kept, weights in zip(after_first, now, strict=True):
        np.testing.assert_array_equal(kept, weights)
