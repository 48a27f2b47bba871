# The explained formulas use the multiplication sign.
# ruff: noqa: RUF001
"""A drawn skip connection through the compiler, the session's numbers, values and Explain."""

import numpy as np
import pytest

from nnsim.model import compile, new_mlp
from nnsim.model.explain import explain_step
from nnsim.model.explain_parts import num, term
from nnsim.model.pruning import Pruner
from nnsim.model.session import Session
from nnsim.model.values import connection_weights, neuron_values


def with_skip():
    """2-2-1 with one drawn skip: input 1 -> the output."""
    document = new_mlp((2, 2, 1))
    inputs, _hidden, (output,) = (document.neurons_of(layer.id) for layer in document.layers)
    document.connect(inputs[0], output)
    return document, inputs[0], output


def test_a_drawn_skip_is_a_masked_block_of_the_target_layer():
    document, source, target = with_skip()
    compiled = compile(document, rng=0)
    net = compiled.network
    assert net.skips == ((2, 0),) and net.weights[1].shape == (1, 4)
    np.testing.assert_array_equal(net.masks[1], [[1, 1, 1, 0]])  # input 2 -> output not drawn
    assert compiled.parameter_index(target, source) == (True, 1, (0, 2))
    hidden = document.neurons_of(document.layers[1].id)[1]
    assert compiled.parameter_index(target, hidden) == (True, 1, (0, 1))
    assert compiled.initialised == 2 * 2 + 3 + 3  # weights drawn, then biases
    with pytest.raises(KeyError):
        compiled.parameter_index(target, document.neurons_of(document.layers[0].id)[1])


def test_a_skip_weight_is_kept_when_the_network_is_compiled_again():
    document, source, target = with_skip()
    first = compile(document, rng=0)
    first.network.weights[1][0, 2] = 0.625
    document.add_neuron(document.layers[1].id)
    again = compile(document, rng=5, previous=first)
    assert again.network.weights[1].shape == (1, 5)
    _, layer, where = again.parameter_index(target, source)
    assert again.network.weights[layer][where] == 0.625


def test_the_session_reads_and_sets_a_skip_weight():
    document, source, target = with_skip()
    session = Session()
    session.replace(document)
    session.set_number(1.5, target, source)
    assert session.number(target, source) == 1.5
    assert session.compiled.network.weights[1][0, 2] == 1.5


def test_values_and_explain_give_the_engine_numbers_with_a_skip():
    document, source, target = with_skip()
    compiled = compile(document, rng=3)
    net = compiled.network
    x, t = np.array([0.3, -0.8]), np.array([1.0])
    outputs = net.forward_all(x[None, :])
    values = neuron_values(document, compiled, net.weights, net.biases, x)
    assert values[target].output == outputs[-1][0, 0]
    links = connection_weights(compiled, document.connections, net.weights)
    assert links[(source, target)] == net.weights[1][0, 2]
    explained = explain_step(compiled, x, t, 0.5)
    _loss, dW, _db = net.gradients(x[None, :], t[None, :])
    for got, engine in zip(explained.gradients, dW, strict=True):
        np.testing.assert_array_equal(got, engine)
    sums = next(s for s in explained.stages if "Layer 2" in s.title)
    skip_term = f"{term(x[0])} × {term(net.weights[1][0, 2])}"
    assert any(skip_term in line for line in sums.lines), sums.lines
    steps = next(s for s in explained.stages if "Gradients" in s.title)
    assert "w[2←0] 1→1" in "\n".join(steps.lines)
    assert steps.connection_notes[(source, target)] == f"Δw={num(-0.5 * dW[1][0, 2])}"


def test_explain_sends_a_skip_term_back_to_a_skipped_hidden_layer():
    document = new_mlp((1, 2, 2, 1))
    layers = [document.neurons_of(layer.id) for layer in document.layers]
    document.connect(layers[1][0], layers[3][0])  # hidden 1 -> the output, past hidden 2
    compiled = compile(document, rng=2)
    net = compiled.network
    x, t = np.array([0.7]), np.array([0.2])
    explained = explain_step(compiled, x, t, 0.1)
    _loss, _dW, db = net.gradients(x[None, :], t[None, :])
    back = next(s for s in explained.stages if "sent back" in s.title)
    delta = db[0][0]  # what the engine's δ of hidden neuron 1,1 is, skip term included
    sent = net.weights[1][:, 0] @ db[1] + net.weights[2][0, 2] * db[2][0]  # Σ w δ + s δ
    assert f"Σwδ={num(sent)}\nδ={num(delta)}" in back.neuron_notes[layers[1][0]]
    skip = net.weights[2][0, 2] * db[2][0]
    assert any(f"{term(skip)} (its skip connections)" in line for line in back.lines), back.lines


def test_pruning_names_a_skip_connection_by_its_own_source():
    document, source, target = with_skip()
    session = Session(document, dataset="xor")
    session.catch_up()
    numbers = {(t, s): 0.5 + 0.01 * k for k, (s, t) in enumerate(document.connections)}
    numbers[(target, source)] = 1e-4  # the skip: the smallest weight
    session.set_numbers(numbers)
    plan = Pruner(session).plan(1 / 9)
    assert plan.count == 1 and plan.removed == ((source, target),)
    assert plan.weights == (1e-4,)


def test_explain_says_plainly_that_it_leaves_dropout_out():
    document = new_mlp((2, 3, 1))
    document.set_property(document.layers[1].id, "dropout", 0.25)
    compiled = compile(document, rng=1)
    x, t = np.array([0.2, 0.4]), np.array([1.0])
    explained = explain_step(compiled, x, t, 0.5)
    sums = next(s for s in explained.stages if "Layer 1" in s.title)
    assert any("leaves dropout out" in line for line in sums.lines)
    assert "dropout" not in " ".join(
        next(s for s in explained.stages if "Layer 2" in s.title).lines
    )
    _loss, dW, _db = compiled.network.gradients(x[None, :], t[None, :])  # the whole network's
    for got, engine in zip(explained.gradients, dW, strict=True):
        np.testing.assert_array_equal(got, engine)
