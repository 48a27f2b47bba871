"""Each neuron's and connection's numbers for one sample, as the editor shows them."""

import numpy as np
import pytest

from nnsim.engine import datasets
from nnsim.errors import DataError
from nnsim.model import compile, new_mlp
from nnsim.model.values import connection_weights, layer_values, neuron_values


def test_the_tutorials_hidden_layer_gives_07408_and_06457_by_neuron():
    doc = new_mlp((2, 2), name="seed 001")
    doc.set_property("", "bias", False)
    compiled = compile(doc, rng=0)
    weights = [np.array([[0.9, 0.3], [0.2, 0.8]])]
    values = neuron_values(doc, compiled, weights, None, np.array([1.0, 0.5]))
    first, second = doc.neurons_of(doc.layers[1].id)
    assert values[first].net_input == pytest.approx(1.05, abs=1e-15)
    assert round(values[first].output, 4) == 0.7408
    assert round(values[second].output, 4) == 0.6457
    inputs = doc.neurons_of(doc.layers[0].id)
    assert [values[n].net_input for n in inputs] == [None, None]
    assert [values[n].output for n in inputs] == [1.0, 0.5]


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "linear"])
def test_values_agree_with_the_engine_to_the_last_bit(activation):
    doc = new_mlp((2, 5, 3, 1), activation=activation)
    compiled = compile(doc, rng=3)
    net = compiled.network
    activations = [layer.activation for layer in doc.layers[1:]]
    for x in datasets.xor().X:
        # The engine on the same one sample: BLAS sums a batch of four in another order.
        expected = net.forward_all(x[None, :])
        _, outputs = layer_values(net.weights, net.biases, activations, x)
        for layer_output, engine_output in zip(outputs, expected, strict=True):
            np.testing.assert_array_equal(layer_output, engine_output[0])


def test_connection_weights_are_read_by_row_and_column():
    doc = new_mlp((2, 3, 1))
    compiled = compile(doc, rng=0)
    weights = compiled.network.weights
    values = connection_weights(compiled, doc.connections, weights)
    assert len(values) == len(doc.connections) == 9
    source = doc.neurons_of(doc.layers[0].id)[1]
    target = doc.neurons_of(doc.layers[1].id)[2]
    assert values[(source, target)] == weights[0][2, 1]


def test_a_sample_of_the_wrong_length_is_named():
    doc = new_mlp((2, 2, 1))
    compiled = compile(doc, rng=0)
    net = compiled.network
    with pytest.raises(DataError, match="3 values but the network has 2 inputs"):
        neuron_values(doc, compiled, net.weights, net.biases, np.zeros(3))
