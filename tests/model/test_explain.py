"""The explained step: the tutorials' numbers, and the engine's arithmetic.

On one machine the explained numbers equal the engine's bit for bit; across
BLAS kernels a matrix product may round its last bit differently, so the
tests hold them to the rounding of a float64 (a relative 1e-13).
"""

# The formulas use the mathematical signs × and − on purpose.
# ruff: noqa: RUF001

import numpy as np
import pytest

from nnsim.engine import MLP, Perceptron
from nnsim.model import compile, new_mlp, new_perceptron
from nnsim.model.explain import explain_step


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def compiled_without_bias(sizes, weights, activation="sigmoid"):
    document = new_mlp(sizes, activation)
    document.set_property("", "bias", False)
    compiled = compile(document, rng=0)
    compiled.network.weights = [np.array(w, dtype=float) for w in weights]
    return compiled


def assert_same_number(got, engine):
    """``got`` equals the engine's ``engine`` to the rounding of one float64 operation chain."""
    np.testing.assert_allclose(got, engine, rtol=1e-13, atol=1e-15)


def text(stage) -> str:
    return "\n".join(stage.lines)


def test_the_hidden_layer_is_written_out_as_the_tutorial_does():
    compiled = compiled_without_bias((2, 2), [[[0.9, 0.3], [0.2, 0.8]]])
    explained = explain_step(compiled, [1.0, 0.5], [1.0, 0.0], 0.1)
    layer = text(explained.stages[1])
    assert "1 × 0.9 + 0.5 × 0.3 = 1.05" in layer
    assert "sigmoid(1.05) = 0.7408" in layer and "sigmoid(0.6) = 0.6457" in layer
    first = compiled.index  # the neuron notes name the document's neurons
    notes = explained.stages[1].neuron_notes
    hidden = [nid for nid, (layer_index, _) in first.items() if layer_index == 1]
    assert notes[hidden[0]] == "z=1.05\na=0.7408"


def test_one_update_makes_the_weight_2_into_2_00265():
    compiled = compiled_without_bias((2, 1), [[[2.0, 3.0]]])
    explained = explain_step(compiled, [0.4, 0.5], [sigmoid(2.3) + 0.8], 0.1)
    assert round(explained.new_weights[0][0, 0], 5) == 2.00265
    assert "2 + 0.00265023 = 2.00265" in text(explained.stages[-1])
    assert "Δw = −0.1 × (−0.0265) = 0.00265023" in text(explained.stages[-2])


@pytest.mark.parametrize(
    ("sizes", "activation", "output", "loss"),
    [
        ((2, 3, 1), "sigmoid", "sigmoid", "sse"),
        ((3, 4, 2, 3), "tanh", "softmax", "cce"),
        ((2, 5, 2), "relu", "linear", "mse"),
        ((2, 3, 1), "tanh", "sigmoid", "bce"),
    ],
)
def test_every_number_is_the_engines(sizes, activation, output, loss):
    document = new_mlp(sizes, activation)
    document.set_property(document.layers[-1].id, "activation", output)
    compiled = compile(document, loss=loss, rng=3)
    net = compiled.network
    net.biases = [np.random.default_rng(1).normal(size=b.shape) for b in net.biases]
    rng = np.random.default_rng(2)
    x = rng.normal(size=sizes[0])
    t = np.eye(sizes[-1])[0] if output == "softmax" else rng.uniform(size=sizes[-1])
    explained = explain_step(compiled, x, t, 0.25)
    for got, engine in zip(explained.outputs, net.forward_all(x[None, :]), strict=True):
        assert_same_number(got, engine[0])
    _, dW, _ = net.gradients(x[None, :], t[None, :])
    for got, engine in zip(explained.gradients, dW, strict=True):
        assert_same_number(got, engine)
    stepped = MLP(list(sizes), activation=activation, output_activation=output, loss=loss)
    stepped.weights, stepped.biases = net.weights, net.biases
    stepped.train_epoch(x[None, :], t[None, :], learning_rate=0.25)
    for got, engine in zip(explained.new_weights, stepped.weights, strict=True):
        assert_same_number(got, engine)
    for got, engine in zip(explained.new_biases, stepped.biases, strict=True):
        assert_same_number(got, engine)


def test_the_normalised_rule_moves_a_from_025_to_03083_as_in_the_tutorial():
    document = new_perceptron(1, 1, rule="nlms")
    document.set_property("", "bias", False)
    compiled = compile(document, rng=0)
    compiled.network.weights = [[0.25]]
    explained = explain_step(compiled, [3.0], [1.1], 0.5)
    assert round(explained.new_weights[0][0, 0], 4) == 0.3083
    assert "ΔA = L·E/x" in text(explained.stages[3])
    engine = Perceptron(1, rule="nlms", bias=False)
    engine.weights = [[0.25]]
    engine.train_epoch([[3.0]], [[1.1]], learning_rate=0.5)
    assert_same_number(explained.new_weights[0], engine.weights)


@pytest.mark.parametrize("rule", ["rosenblatt", "lms", "nlms"])
def test_each_perceptron_rule_makes_the_engines_update(rule):
    document = new_perceptron(2, 1, rule=rule)
    compiled = compile(document, rng=4)
    net = compiled.network
    x, t = np.array([0.7, -1.2]), np.array([1.0])
    explained = explain_step(compiled, x, t, 0.3)
    net.train_epoch(x[None, :], t[None, :], learning_rate=0.3)
    assert_same_number(explained.new_weights[0], net.weights)
    assert_same_number(explained.new_biases[0], net.bias)


def test_a_big_layer_is_written_out_in_part_and_noted_in_full():
    compiled = compile(new_mlp((64, 20, 10), "tanh"), rng=0)
    explained = explain_step(compiled, np.linspace(0, 1, 64), np.eye(10)[3], 0.1)
    assert "… and 12 more neurons (on the canvas)." in text(explained.stages[1])
    assert len(explained.stages[1].neuron_notes) == 20
    assert len(explained.stages[-2].connection_notes) == 64 * 20 + 20 * 10


def test_deleted_connections_are_neither_updated_nor_noted():
    document = new_mlp((2, 3, 1), "tanh")
    missing = document.connections[0]
    document.remove(connections=[missing])
    compiled = compile(document, rng=1)
    net = compiled.network
    x, t = np.array([0.5, -1.0]), np.array([0.3])
    explained = explain_step(compiled, x, t, 0.2)
    assert len(explained.stages[-1].connection_notes) == len(document.connections) == 8
    assert missing not in explained.stages[-2].connection_notes
    net.train_epoch(x[None, :], t[None, :], learning_rate=0.2)
    for got, engine in zip(explained.new_weights, net.weights, strict=True):
        assert_same_number(got, engine)


def test_a_perceptron_with_a_deleted_connection_learns_as_the_engine():
    document = new_perceptron(2, 2, rule="lms")
    missing = document.connections[1]
    document.remove(connections=[missing])
    compiled = compile(document, rng=3)
    net = compiled.network
    x, t = np.array([0.8, 0.6]), np.array([1.0, 0.0])
    explained = explain_step(compiled, x, t, 0.5)
    net.train_epoch(x[None, :], t[None, :], learning_rate=0.5)
    assert_same_number(explained.new_weights[0], net.weights)
    assert missing not in explained.stages[-1].connection_notes
    assert "the LMS rule learns from it" in text(explained.stages[2])
    assert [stage.title for stage in explained.stages] == [
        "The inputs", "The net input and the output", "The output error", "The update",
        "The new weights",
    ]  # fmt: skip
