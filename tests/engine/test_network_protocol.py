"""The layered networks answer to the same names: parameters, set_parameters, masks, has_bias,
activations, loss and loss_value (issue 15: the model no longer adapts each kind itself)."""

import numpy as np
import pytest

from nnsim.engine import MLP, Hopfield, Perceptron, datasets


def networks():
    return [
        MLP([2, 3, 1], rng=0),
        MLP([2, 3, 1], bias=False, rng=0),
        Perceptron(2, rule="rosenblatt", rng=0),
        Perceptron(2, rule="lms", rng=0),
        Perceptron(2, rule="nlms", bias=False, rng=0),
    ]


@pytest.mark.parametrize("net", networks(), ids=lambda net: type(net).__name__)
def test_parameters_are_layers_of_n_out_by_n_in_and_set_parameters_copies_them(net):
    weights, biases = net.parameters()
    sizes = getattr(net, "layer_sizes", (net.n_inputs, net.n_outputs))
    assert [w.shape for w in weights] == list(zip(sizes[1:], sizes[:-1], strict=True))
    assert [b.shape for b in biases] == [(n,) for n in sizes[1:]]
    assert len(net.activations) == len(weights)
    new_weights = [np.full(w.shape, 0.25) for w in weights]
    new_biases = [np.full(b.shape, 0.5 if net.has_bias else 0.0) for b in biases]
    net.set_parameters(new_weights, new_biases)
    new_weights[0][...] = 9.0  # the network took copies
    weights, biases = net.parameters()
    assert all((w == 0.25).all() for w in weights)
    assert all((b == (0.5 if net.has_bias else 0.0)).all() for b in biases)


@pytest.mark.parametrize("net", networks(), ids=lambda net: type(net).__name__)
def test_loss_value_measures_the_loss_the_network_names(net):
    data = datasets.and_gate()
    if isinstance(net, Perceptron) and net.rule != "rosenblatt":
        data = datasets.make_dataset("and01", "AND", data.X, data.T, task="regression")
    before = net.loss_value(data.X, data.T)
    if isinstance(net, MLP):
        half_sse = 0.5 * np.sum((net.forward(data.X) - data.T) ** 2)
        assert net.loss == "sse" and before == pytest.approx(half_sse / len(data.X))
    elif net.rule == "rosenblatt":
        assert before == np.count_nonzero((net.predict(data.X) != data.T).any(axis=1))
        assert net.loss == "mistakes"
    else:
        assert before == pytest.approx(np.mean((net.predict(data.X) - data.T) ** 2))
        assert net.loss == "mse"


def test_a_perceptrons_masks_are_a_list_of_one_as_an_mlps_are_one_per_layer():
    net = Perceptron(2, 2, rng=0)
    assert net.masks is None
    net.masks = [np.array([[1.0, 0.0], [1.0, 1.0]])]
    assert net.weights[0, 1] == 0.0 and len(net.masks) == 1
    np.testing.assert_array_equal(net.mask, net.masks[0])


def test_a_hopfield_net_gives_its_matrix_as_one_layer_without_biases():
    net = Hopfield(4)
    net.store(np.array([[1, -1, 1, -1]]))
    weights, biases = net.parameters()
    assert len(weights) == 1 and weights[0].shape == (4, 4) and biases == []
    assert net.has_bias is False and net.masks is None
