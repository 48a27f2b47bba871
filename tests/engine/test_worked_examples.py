"""The tutorials' worked examples, to the digit they print (seeds 001 and 002)."""

import numpy as np
import pytest

from nnsim.engine import MLP, Perceptron, datasets


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def test_sigmoid_layer_in_matrix_form_gives_07408_and_06457():
    # Tutorial 001: W = [[0.9, 0.3], [0.2, 0.8]] (rows are destination neurons), I = [1.0, 0.5].
    net = MLP([2, 2], activation="sigmoid", bias=False)
    net.weights = [np.array([[0.9, 0.3], [0.2, 0.8]])]
    output = net.forward([[1.0, 0.5]])
    np.testing.assert_array_equal(np.round(output, 4), [[0.7408, 0.6457]])


def test_one_backprop_step_makes_weight_2_into_2_00265():
    # Output neuron fed by hidden outputs [0.4, 0.5] with weights [2.0, 3.0]; error 0.8.
    net = MLP([2, 1], activation="sigmoid", loss="sse", bias=False)
    net.weights = [np.array([[2.0, 3.0]])]
    target = sigmoid(2.3) + 0.8
    net.train_epoch([[0.4, 0.5]], [[target]], learning_rate=0.1)
    assert round(net.weights[0][0, 0], 5) == 2.00265
    # By hand: dw = 0.1 * 0.8 * o (1 - o) * 0.4 with o = sigmoid(2.3).
    o = sigmoid(2.3)
    assert net.weights[0][0, 0] == pytest.approx(2.0 + 0.1 * 0.8 * o * (1 - o) * 0.4, abs=1e-15)


def test_slope_classifier_with_the_normalised_rule():
    # dA = L E / x with L = 0.5: A = 0.25 -> 0.3083 -> 1.6042.
    net = Perceptron(1, rule="nlms", bias=False)
    net.weights = [[0.25]]
    net.train_epoch([[3.0]], [[1.1]], learning_rate=0.5)
    assert round(net.weights[0, 0], 4) == 0.3083
    net.train_epoch([[1.0]], [[2.9]], learning_rate=0.5)
    assert round(net.weights[0, 0], 4) == 1.6042


def test_slope_classifier_both_samples_in_one_pass():
    net = Perceptron(1, rule="nlms", bias=False)
    net.weights = [[0.25]]
    mse = net.train_epoch([[3.0], [1.0]], [[1.1], [2.9]], learning_rate=0.5)
    assert round(net.weights[0, 0], 4) == 1.6042
    # The pass reports the errors seen before each update: 0.35 and 2.5917.
    assert mse == pytest.approx((0.35**2 + (2.9 - 0.925 / 3) ** 2) / 2)


@pytest.mark.parametrize("learning_rate", [1.0, 4.0])
def test_single_sigmoid_neuron_learns_the_three_input_table(learning_rate):
    # Tutorial 002's 9-line network adds the summed gradient (learning rate 1 on the sum,
    # which is 4 on the mean of 4 samples); plain learning rate 1 on the mean also works.
    data = datasets.three_input_table()
    net = MLP([3, 1], activation="sigmoid", loss="sse", bias=False, rng=1)
    for _ in range(10_000):
        net.train_epoch(data.X, data.T, learning_rate=learning_rate)
    assert net.forward([[1, 0, 0]])[0, 0] > 0.99
    assert net.forward([[0, 1, 0]])[0, 0] < 0.5


def test_km_to_miles_data_and_a_linear_neuron_learn_the_factor():
    data = datasets.km_to_miles()
    assert data.y[data.X[:, 0] == 100.0][0] == 62.137
    net = Perceptron(1, rule="nlms", bias=False, rng=0)
    for _ in range(20):
        net.train_epoch(data.X, data.T, learning_rate=0.5)
    assert net.weights[0, 0] == pytest.approx(0.621371, abs=1e-3)
