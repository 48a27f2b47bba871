"""compile(): document to engine network, masks, invalid graphs, weights kept across edits."""

import numpy as np
import pytest

from nnsim.engine import MLP, Hopfield, Perceptron, datasets
from nnsim.errors import TopologyError
from nnsim.model import (
    Change,
    Layer,
    NetworkDocument,
    Neuron,
    compile,
    new_hopfield,
    new_mlp,
    new_perceptron,
)


def test_fully_connected_mlp_compiles_without_masks():
    doc = new_mlp((2, 3, 1))
    compiled = compile(doc, rng=0)
    net = compiled.network
    assert isinstance(net, MLP) and net.layer_sizes == (2, 3, 1) and net.masks is None
    for layer in range(3):
        layer_id = doc.layers[layer].id
        assert [compiled.index[n] for n in doc.neurons_of(layer_id)] == [
            (layer, row) for row in range(doc.layer_sizes[layer])
        ]
    assert compiled.initialised == 2 * 3 + 3 + 3 + 1 and compiled.kept == 0


def test_layer_activations_and_bias_setting_reach_the_engine():
    doc = new_mlp((2, 3, 1))
    doc.set_property(doc.layers[1].id, "activation", "tanh")
    doc.set_property("", "bias", False)
    net = compile(doc, rng=0).network
    assert net.activations == ("tanh", "sigmoid") and net.has_bias is False


def test_a_removed_connection_is_a_zero_in_the_mask_and_stays_zero():
    doc = new_mlp((2, 3, 1))
    source, target = doc.neurons_of(doc.layers[0].id)[1], doc.neurons_of(doc.layers[1].id)[2]
    doc.remove(connections=[(source, target)])
    compiled = compile(doc, rng=0)
    net = compiled.network
    expected = np.ones((3, 2))
    expected[compiled.index[target][1], compiled.index[source][1]] = 0
    np.testing.assert_array_equal(net.masks[0], expected)
    np.testing.assert_array_equal(net.masks[1], np.ones((1, 3)))
    data = datasets.xor()
    for _ in range(20):
        net.train_epoch(data.X, data.T, learning_rate=0.5)
    assert net.weights[0][2, 1] == 0.0
    assert compiled.initialised == 5 + 3 + 3 + 1


def test_perceptron_and_hopfield_documents():
    perceptron = new_perceptron(3, 2, rule="lms")
    perceptron.remove(connections=[perceptron.connections[0]])
    net = compile(perceptron, rng=0).network
    assert isinstance(net, Perceptron) and net.rule == "lms" and net.mask[0, 0] == 0
    hopfield = compile(new_hopfield(4, 5)).network
    assert isinstance(hopfield, Hopfield) and hopfield.n_neurons == 20


def test_empty_and_one_layer_documents_are_no_network():
    with pytest.raises(TopologyError, match="add two layers"):
        compile(NetworkDocument("mlp"))
    doc = NetworkDocument("mlp")
    doc.add_layer(0, 2)
    with pytest.raises(TopologyError, match="add an output layer") as raised:
        compile(doc)
    assert raised.value.layer_ids == (doc.layers[0].id,)


def test_an_empty_layer_is_named():
    doc = new_mlp((2, 3, 1))
    hidden = doc.layers[1].id
    doc.remove(neuron_ids=doc.neurons_of(hidden))
    with pytest.raises(TopologyError, match="empty: hidden layer 1") as raised:
        compile(doc)
    assert raised.value.layer_ids == (hidden,)


def test_neurons_without_a_path_to_the_output_are_named():
    doc = new_mlp((2, 3, 1))
    hidden = doc.neurons_of(doc.layers[1].id)
    output = doc.neurons_of(doc.layers[2].id)[0]
    doc.remove(connections=[(hidden[0], output)])
    lonely_input = doc.neurons_of(doc.layers[0].id)[1]
    doc.remove(connections=[(lonely_input, h) for h in hidden])
    with pytest.raises(TopologyError, match="2 neuron") as raised:
        compile(doc)
    assert set(raised.value.neuron_ids) == {hidden[0], lonely_input}


def test_a_perceptron_with_a_hidden_layer_is_refused():
    doc = new_perceptron()
    doc.apply(
        Change(added_layers=((1, Layer("extra")),), added_neurons=((0, Neuron("h", "extra")),))
    )
    with pytest.raises(TopologyError, match="exactly one input and one output"):
        compile(doc)


def test_softmax_below_the_output_is_refused_with_its_layer():
    doc = new_mlp((2, 3, 2))
    doc.set_property(doc.layers[1].id, "activation", "softmax")
    with pytest.raises(TopologyError, match=r"can use it.*hidden layer 1\.") as error:
        compile(doc)
    assert error.value.layer_ids == (doc.layers[1].id,), "the editor marks that layer"


def trained(doc, seed=0):
    compiled = compile(doc, rng=seed)
    data = datasets.xor()
    for _ in range(50):
        compiled.network.train_epoch(data.X, data.T, learning_rate=0.5)
    return compiled


def weight_of(compiled, source, target):
    layer, row_in = compiled.index[source]
    return compiled.weight_matrices()[layer][compiled.index[target][1], row_in]


def test_adding_a_neuron_keeps_every_trained_weight_and_initialises_only_the_new():
    doc = new_mlp((2, 3, 1))
    before = trained(doc)
    new_id = doc.add_neuron(doc.layers[1].id).added_neurons[0][1].id
    after = compile(doc, rng=1, previous=before)
    for source, target in doc.connections:
        if new_id not in (source, target):
            assert weight_of(after, source, target) == weight_of(before, source, target)
    for old_b, new_b in zip(before.bias_vectors(), after.bias_vectors(), strict=False):
        np.testing.assert_array_equal(new_b[: len(old_b)], old_b)
    assert after.kept == 2 * 3 + 3 + 3 + 1 and after.initialised == 2 + 1 + 1


def test_removing_a_neuron_or_inserting_a_layer_keeps_what_still_exists():
    doc = new_mlp((2, 3, 1))
    before = trained(doc)
    gone = doc.neurons_of(doc.layers[1].id)[0]
    doc.remove(neuron_ids=[gone])
    after = compile(doc, rng=1, previous=before)
    for source, target in doc.connections:
        assert weight_of(after, source, target) == weight_of(before, source, target)
    assert after.initialised == 0
    doc.add_layer(2, 2)  # splits hidden -> output: those weights cannot carry over
    inserted = compile(doc, rng=2, previous=after)
    assert np.array_equal(inserted.weight_matrices()[0], after.weight_matrices()[0])
    assert inserted.bias_vectors()[-1][0] == after.bias_vectors()[-1][0], "output bias kept"
    assert inserted.kept == 2 * 2 + 2 + 1


def test_a_reconnected_connection_starts_afresh_not_at_zero():
    doc = new_mlp((2, 3, 1))
    link = doc.connections[0]
    doc.remove(connections=[link])
    before = trained(doc)
    doc.connect(*link)
    after = compile(doc, rng=1, previous=before)
    assert weight_of(after, *link) != 0.0
    assert after.initialised == 1


def test_a_reused_id_in_another_layer_keeps_no_weights_from_its_namesake():
    from nnsim.model.serial import document_from_dict, document_to_dict

    first = new_mlp((2, 3, 1))
    before = compile(first, rng=0)
    # The same id on a neuron of another layer, as a reopened document's new neuron can get.
    content = document_to_dict(first)
    moved = content["neurons"][2]  # the first hidden neuron
    moved["layer"] = content["layers"][0]["id"]
    content["connections"] = [
        link for link in content["connections"] if moved["id"] not in link
    ] + [[moved["id"], n["id"]] for n in content["neurons"][3:5]]
    again = document_from_dict(content)
    after = compile(again, rng=1, previous=before)  # used to fail with an IndexError
    assert after.network.layer_sizes == (3, 2, 1)
    row = after.index[moved["id"]][1]  # the moved id, an input now
    old_inputs = [r for r in range(3) if r != row]
    kept = before.network.weights[0][1:, :]  # the two hidden neurons left, from both old inputs
    np.testing.assert_array_equal(after.network.weights[0][:, old_inputs], kept)
    # Its weights are new ones, not those of the old input that had its row number.
    assert not np.array_equal(after.network.weights[0][:, row], kept[:, 0])
    assert not np.array_equal(after.network.weights[0][:, row], kept[:, 1])
