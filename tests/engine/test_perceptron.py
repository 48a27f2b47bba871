"""Rosenblatt, LMS and normalised LMS perceptrons."""

import numpy as np
import pytest

from nnsim.engine import Perceptron, datasets
from nnsim.engine.metrics import labels_from_outputs
from nnsim.errors import ConfigError, DataError


@pytest.mark.parametrize("make", [datasets.and_gate, datasets.or_gate, datasets.nand_gate])
def test_rosenblatt_learns_the_linearly_separable_gates(make):
    data = make()
    net = Perceptron(2, rule="rosenblatt", rng=0)
    mistakes = [net.train_epoch(data.X, data.T, learning_rate=0.1) for _ in range(100)]
    assert mistakes[-1] == 0
    np.testing.assert_array_equal(net.predict(data.X).ravel(), data.y)
    assert net.loss_value(data.X, data.T) == 0


def test_rosenblatt_never_reaches_zero_errors_on_xor():
    data = datasets.xor()
    net = Perceptron(2, rule="rosenblatt", rng=0)
    mistakes = [net.train_epoch(data.X, data.T, learning_rate=0.1) for _ in range(1000)]
    assert min(mistakes) >= 1


def test_rosenblatt_counts_only_misclassified_samples_and_updates_only_them():
    net = Perceptron(2, rule="rosenblatt")
    net.weights, net.bias = [[1.0, 1.0]], [-1.5]  # already AND
    data = datasets.and_gate()
    assert net.train_epoch(data.X, data.T, learning_rate=1.0) == 0
    np.testing.assert_array_equal(net.weights, [[1.0, 1.0]])
    # On OR's targets, (0,1) is wrong (u = -0.5): w += 0.5 [0, 1], b += 0.5. Then (1,0)
    # has u = 0, which the step counts as 1: right, so it changes nothing.
    mistakes = net.train_epoch(datasets.or_gate().X, datasets.or_gate().T, learning_rate=0.5)
    assert mistakes == 1
    np.testing.assert_array_equal(net.weights, [[1.0, 1.5]])
    assert net.bias[0] == -1.0


def test_lms_fits_a_line_and_reports_its_mean_squared_error():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (50, 2))
    T = X @ np.array([[2.0], [-1.0]]) + 0.5
    net = Perceptron(2, rule="lms", rng=1)
    errors = [net.train_epoch(X, T, learning_rate=0.1) for _ in range(200)]
    assert errors[-1] < 1e-10 < errors[0]
    np.testing.assert_allclose(net.weights, [[2.0, -1.0]], atol=1e-5)
    np.testing.assert_allclose(net.bias, [0.5], atol=1e-5)


def test_nlms_counts_the_bias_input_in_the_norm():
    net = Perceptron(1, rule="nlms", bias=True)
    net.weights, net.bias = [[0.0]], [0.0]
    net.train_epoch([[1.0]], [[1.0]], learning_rate=1.0)
    # dw = e x / (x^2 + 1) = 0.5, db = e / (x^2 + 1) = 0.5: the sample is then fitted exactly.
    assert net.weights[0, 0] == 0.5 and net.bias[0] == 0.5
    assert net.predict([[1.0]])[0, 0] == 1.0


def test_nlms_skips_a_zero_input_without_a_bias():
    net = Perceptron(2, rule="nlms", bias=False, rng=0)
    before = net.weights.copy()
    net.train_epoch([[0.0, 0.0]], [[1.0]], learning_rate=0.5)
    np.testing.assert_array_equal(net.weights, before)


def test_several_outputs_learn_independently():
    data = datasets.and_gate()
    T = np.column_stack([datasets.and_gate().y, datasets.or_gate().y])
    net = Perceptron(2, 2, rule="rosenblatt", rng=3)
    for _ in range(50):
        net.train_epoch(data.X, T, learning_rate=0.2)
    np.testing.assert_array_equal(net.predict(data.X), T)


def test_bad_input_is_refused_in_plain_words():
    net = Perceptron(2, rule="rosenblatt", rng=0)
    with pytest.raises(DataError, match="targets 0 or 1"):
        net.train_epoch([[0.0, 1.0]], [[-1.0]], learning_rate=0.1)
    with pytest.raises(DataError, match="nan"):
        net.train_epoch([[np.nan, 1.0]], [[1.0]], learning_rate=0.1)
    with pytest.raises(DataError, match="needs \\(samples, 2\\)"):
        net.predict([[1.0, 2.0, 3.0]])
    with pytest.raises(ConfigError, match="Unknown perceptron rule"):
        Perceptron(2, rule="delta")
    with pytest.raises(ConfigError, match="no bias"):
        Perceptron(2, bias=False).bias = [1.0]


def test_a_masked_connection_stays_zero_while_training():
    data = datasets.and_gate()
    net = Perceptron(2, rule="lms", rng=0)
    net.mask = [[1.0, 0.0]]
    assert net.weights[0, 1] == 0.0
    for _ in range(20):
        net.train_epoch(data.X, data.T, learning_rate=0.1)
    assert net.weights[0, 1] == 0.0 and net.weights[0, 0] != 0.0
    net.weights = [[0.3, 0.7]]
    assert net.weights[0, 1] == 0.0, "set weights respect the mask"
    with pytest.raises(ConfigError, match="0s and 1s of shape"):
        net.mask = [[0.5, 1.0]]


@pytest.mark.parametrize(("rule", "threshold"), [("rosenblatt", 0.0), ("lms", 0.5), ("nlms", 0.5)])
def test_the_decision_line_is_where_the_class_changes(rule, threshold):
    net = Perceptron(2, rule=rule)
    net.weights, net.bias = [[2.0, -1.0]], [1.0]
    # 2 x1 - x2 + (1 - threshold) = 0, worked by hand: (2, -1, 1) and (2, -1, 0.5).
    assert net.decision_line() == (2.0, -1.0, 1.0 - threshold)
    a, b, c = net.decision_line()
    x1 = np.array([-3.0, 0.0, 0.5, 4.0])
    on_line = np.column_stack([x1, -(a * x1 + c) / b])  # x2 = 2 x1 + 1 - threshold
    # On the line w.x + b is the threshold: 0 for the step, 0.5 for the linear output.
    np.testing.assert_allclose(net.net_input(on_line)[:, 0], threshold, atol=1e-12)
    # Off it, the side where a x1 + b x2 + c > 0 is class 1, the other side class 0.
    shift = np.array([0.0, 0.1])  # b < 0: a lower x2 is on the + side
    above, below = on_line - shift, on_line + shift
    np.testing.assert_array_equal(labels_from_outputs(net.predict(above)), 1)
    np.testing.assert_array_equal(labels_from_outputs(net.predict(below)), 0)


def test_without_two_inputs_one_output_and_a_weight_there_is_no_line():
    flat = Perceptron(2, rng=0)
    flat.weights, flat.bias = [[0.0, 0.0]], [0.3]
    assert flat.decision_line() is None  # the same answer everywhere
    upright = Perceptron(2, rng=0)
    upright.weights, upright.bias = [[0.0, 4.0]], [-2.0]
    assert upright.decision_line() == (0.0, 4.0, -2.0)  # x2 = 0.5, one weight is enough
    assert Perceptron(1, rng=0).decision_line() is None
    assert Perceptron(3, rng=0).decision_line() is None
    assert Perceptron(2, 2, rng=0).decision_line() is None
