"""What a report carries for the views inside a network: gradient sizes, update ratios,
each sample's error (nnsim.engine.insight)."""

import numpy as np
import pytest

from nnsim.engine import MLP, Perceptron, TrainingConfig, datasets, train
from nnsim.engine.insight import (
    GRADIENT_SAMPLES,
    evenly_chosen,
    gradient_sizes,
    sample_errors,
    update_ratios,
)
from nnsim.engine.losses import LOSSES, get_loss, sample_losses
from nnsim.errors import ConfigError


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_sample_losses_average_to_the_loss(name):
    rng = np.random.default_rng(3)
    O = rng.uniform(0.05, 0.95, size=(7, 3))
    O /= O.sum(axis=1, keepdims=True)  # valid softmax outputs too
    T = np.eye(3)[rng.integers(0, 3, size=7)]
    each = sample_losses(name, O, T)
    assert each.shape == (7,)
    assert np.mean(each) == pytest.approx(
        get_loss(name, LOSSES[name].required_output or "").value(O, T)
    )


def test_sse_of_one_sample_is_half_its_squared_error():
    assert sample_losses("sse", np.array([[0.5, 1.0]]), np.array([[1.0, 0.0]]))[0] == 0.625


def test_an_unknown_loss_is_refused_in_words():
    with pytest.raises(ConfigError, match="Unknown loss"):
        sample_losses("hinge", np.zeros((1, 1)), np.zeros((1, 1)))


def test_evenly_chosen_rows_spread_over_the_data():
    rows = np.arange(1000)[evenly_chosen(1000, 256)]
    assert len(rows) <= 256 and rows[0] == 0 and rows[-1] > 990
    assert len(np.arange(10)[evenly_chosen(10, 256)]) == 10


def test_gradient_sizes_are_the_rms_of_the_weight_gradients():
    data = datasets.xor()
    net = MLP([2, 3, 1], rng=2)
    _, weight_gradients, _ = net.gradients(data.X, data.T)
    expected = [np.sqrt(np.mean(g**2)) for g in weight_gradients]
    assert gradient_sizes(net, data.X, data.T) == pytest.approx(expected, rel=1e-12)


def test_gradient_sizes_use_at_most_their_share_of_the_samples():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(3 * GRADIENT_SAMPLES, 2))
    T = (X[:, :1] > 0).astype(float)
    net = MLP([2, 3, 1], rng=1)
    rows = evenly_chosen(len(X), GRADIENT_SAMPLES)
    _, chosen, _ = net.gradients(X[rows], T[rows])
    assert gradient_sizes(net, X, T)[0] == pytest.approx(np.sqrt(np.mean(chosen[0] ** 2)))


def test_update_ratio_is_the_change_over_the_new_size():
    before = [np.ones((2, 2)), np.zeros((1, 2))]
    after = [2 * np.ones((2, 2)), np.zeros((1, 2))]
    assert update_ratios(before, after) == (0.5, 0.0)


def test_a_rosenblatt_perceptrons_sample_error_marks_its_mistakes():
    net = Perceptron(2, rule="rosenblatt")
    outputs = np.array([[1.0], [0.0], [1.0]])
    T = np.array([[1.0], [1.0], [0.0]])
    assert sample_errors(net, outputs, T).tolist() == [0.0, 1.0, 1.0]


def test_reports_carry_what_the_views_need():
    data = datasets.xor()
    net = MLP([2, 4, 1], rng=1)
    config = TrainingConfig(max_epochs=30, include_insight=True, report_interval=0)
    reports = list(train(net, data, config))
    last = reports[-1]
    assert len(last.gradient_sizes) == len(last.update_ratios) == 2
    assert last.sample_errors.shape == (4,)
    # The sample errors are measured after the last update: their mean is the loss now.
    assert last.sample_errors.mean() == pytest.approx(net.loss_value(data.X, data.T))
    assert all(r > 0 for r in last.update_ratios)


def test_reports_carry_nothing_more_unless_asked():
    report = next(train(MLP([2, 2, 1], rng=0), datasets.xor(), TrainingConfig(max_epochs=2)))
    assert report.gradient_sizes is report.sample_errors is None


def test_insight_keeps_to_its_share_of_the_run_but_the_last_report_has_it(monkeypatch):
    monkeypatch.setattr("nnsim.engine.training.INSIGHT_SHARE", 1e-12)  # next due: never
    config = TrainingConfig(max_epochs=20, include_insight=True, report_interval=0)
    reports = list(train(MLP([2, 3, 1], rng=0), datasets.xor(), config))
    carrying = [r.epoch for r in reports if r.sample_errors is not None]
    assert carrying == [1, 20]
    assert reports[-1].gradient_sizes is not None
