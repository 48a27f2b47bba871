"""The network document: defaults, each mutator and its inverse, signals."""

import pytest

from nnsim.errors import ConfigError, TopologyError
from nnsim.model import NetworkDocument, new_hopfield, new_mlp, new_perceptron
from nnsim.model.document import LAYER_SPACING


def test_new_mlp_is_the_tutorials_2_2_1_fully_connected():
    doc = new_mlp()
    assert doc.kind == "mlp" and doc.layer_sizes == (2, 2, 1)
    assert len(doc.connections) == 2 * 2 + 2 * 1
    assert [doc.role(layer.id) for layer in doc.layers] == ["input", "hidden", "output"]
    xs = [{doc.neuron(n).x for n in doc.neurons_of(layer.id)} for layer in doc.layers]
    assert xs == [{0.0}, {LAYER_SPACING}, {2 * LAYER_SPACING}], "layers drawn as columns"


def test_new_perceptron_and_hopfield_defaults():
    perceptron = new_perceptron()
    assert perceptron.layer_sizes == (2, 1) and len(perceptron.connections) == 2
    assert perceptron.layers[-1].activation == "step" and perceptron.rule == "rosenblatt"
    hopfield = new_hopfield()
    assert hopfield.grid == (10, 10) and hopfield.layer_sizes == (100,)
    assert hopfield.connections == ()
    assert {(n.x, n.y) for n in hopfield.neurons} == {
        (c * 60.0, r * 60.0) for r in range(10) for c in range(10)
    }


def hidden(doc):
    return doc.layers[1].id


MUTATIONS = {
    "add hidden layer": lambda d: d.add_layer(2, 3),
    "add input layer at 0": lambda d: d.add_layer(0, 2),
    "add neuron": lambda d: d.add_neuron(hidden(d)),
    "add neuron unconnected": lambda d: d.add_neuron(hidden(d), 10.0, 20.0, connect=False),
    "remove neuron": lambda d: d.remove(neuron_ids=[d.neurons_of(hidden(d))[0]]),
    "remove connection": lambda d: d.remove(connections=[d.connections[2]]),
    "remove layer": lambda d: d.remove(layer_ids=[hidden(d)]),
    "remove mixed": lambda d: d.remove(
        neuron_ids=[d.neurons_of(d.layers[0].id)[1]], connections=[d.connections[-1]]
    ),
    "move two": lambda d: d.move({d.neurons[0].id: (5.0, 6.0), d.neurons[3].id: (-1.0, 2.5)}),
    "rename": lambda d: d.set_property("", "name", "Mine"),
    "no biases": lambda d: d.set_property("", "bias", False),
    "activation": lambda d: d.set_property(hidden(d), "activation", "tanh"),
    "grow layer": lambda d: d.set_layer_size(hidden(d), 5),
    "shrink layer": lambda d: d.set_layer_size(hidden(d), 1),
}


@pytest.mark.parametrize("mutate", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_every_mutator_is_undone_by_its_inverse_and_redone_exactly(mutate):
    doc = new_mlp((2, 3, 1))
    before_setup = doc.snapshot()
    change = mutate(doc)
    after = doc.snapshot()
    assert change and after != before_setup
    undo = change.inverse()
    doc.apply(undo)
    once_undone = doc.snapshot()
    doc.apply(undo.inverse())
    assert doc.snapshot() == after
    doc.apply(change.inverse())
    assert doc.snapshot() == once_undone


def test_inserting_a_layer_replaces_the_connections_it_splits():
    doc = new_mlp((2, 3, 1))
    hidden_ids, output_ids = doc.neurons_of(hidden(doc)), doc.neurons_of(doc.layers[2].id)
    change = doc.add_layer(2, 2, "tanh")
    new_layer = doc.layers[2]
    assert doc.layer_sizes == (2, 3, 2, 1) and new_layer.activation == "tanh"
    assert not any(doc.has_connection(h, o) for h in hidden_ids for o in output_ids)
    assert len(doc.connections) == 2 * 3 + 3 * 2 + 2 * 1
    assert doc.neuron(output_ids[0]).x == 3 * LAYER_SPACING, "later layers move one column right"
    assert len(change.removed_connections) == 3


def test_signals_report_each_part_and_one_change():
    doc = new_mlp((2, 3, 1))
    heard = []
    for name in (
        "neuron_added",
        "connection_added",
        "neuron_moved",
        "property_changed",
        "neuron_removed",
        "connection_removed",
        "layer_added",
        "layer_removed",
    ):
        getattr(doc, name).connect(lambda *args, name=name: heard.append((name, *args)))
    doc.changed.connect(lambda change: heard.append(("changed",)))
    change = doc.add_neuron(hidden(doc))
    new_id = change.added_neurons[0][1].id
    assert heard[0] == ("neuron_added", new_id)
    assert [h[0] for h in heard[1:]] == ["connection_added"] * 3 + ["changed"]
    heard.clear()
    doc.set_property(hidden(doc), "activation", "relu")
    assert heard == [("property_changed", hidden(doc), "activation", "relu"), ("changed",)]
    heard.clear()
    doc.set_property(hidden(doc), "activation", "relu")
    assert heard == [], "setting the same value is no change"


def test_ids_stay_stable_through_undo_and_new_ids_never_clash():
    doc = new_mlp((2, 3, 1))
    victim = doc.neurons_of(hidden(doc))[1]
    removal = doc.remove(neuron_ids=[victim])
    doc.apply(removal.inverse())
    assert doc.neurons_of(hidden(doc))[1] == victim
    fresh = doc.add_neuron(hidden(doc)).added_neurons[0][1].id
    assert fresh not in {victim, *(n.id for n in doc.neurons if n.id != fresh)}


def test_connect_and_its_inverse():
    doc = new_mlp((2, 3, 1))
    link = doc.connections[0]
    doc.remove(connections=[link])
    before = doc.snapshot()
    change = doc.connect(*link)
    assert doc.has_connection(*link) and change.added_connections == (link,)
    doc.apply(change.inverse())
    assert doc.snapshot() == before


def test_connections_run_forward_to_the_next_layer_or_past_it():
    doc = new_mlp((2, 3, 1))
    source = doc.neurons_of(doc.layers[0].id)[0]
    target = doc.neurons_of(doc.layers[2].id)[0]
    change = doc.connect(source, target)
    assert change.added_connections == ((source, target),), "a skip connection"
    for backward in ((target, source), (source, doc.neurons_of(doc.layers[0].id)[1])):
        with pytest.raises(TopologyError, match="not in a layer after") as raised:
            doc.connect(*backward)
        assert raised.value.neuron_ids == backward
    existing = doc.connections[0]
    assert not doc.connect(*existing), "connecting twice changes nothing"


def test_bad_edits_are_refused_and_change_nothing():
    doc = new_mlp((2, 3, 1))
    before = doc.snapshot()
    with pytest.raises(ConfigError, match="Unknown activation"):
        doc.set_property(hidden(doc), "activation", "sigmod")
    with pytest.raises(ConfigError, match="not a valid name"):
        doc.set_property("", "name", "   ")
    with pytest.raises(ConfigError, match="no property 'colour'"):
        doc.set_property("", "colour", "red")
    with pytest.raises(TopologyError, match="no neuron 'n999'"):
        doc.remove(neuron_ids=["n999"])
    with pytest.raises(TopologyError, match="at least one neuron"):
        doc.set_layer_size(hidden(doc), 0)
    with pytest.raises(TopologyError, match="positions 0 to 3"):
        doc.add_layer(7)
    assert doc.snapshot() == before


def test_perceptrons_and_hopfield_networks_keep_their_shape():
    with pytest.raises(TopologyError, match="start a new MLP"):
        new_perceptron().add_layer(1, 2)
    hopfield = new_hopfield(3, 3)
    with pytest.raises(TopologyError, match="grid"):
        hopfield.add_neuron(hopfield.layers[0].id)
    with pytest.raises(TopologyError, match="every neuron to every other"):
        hopfield.connect(hopfield.neurons[0].id, hopfield.neurons[1].id)
    with pytest.raises(ConfigError, match="Unknown network kind"):
        NetworkDocument("som")


def test_a_grown_layer_stays_centred_and_undoes_exactly():
    doc = new_mlp((2, 2, 1))
    hidden = doc.layers[1].id
    before = doc.snapshot()
    centre = sum(doc.neuron(n).y for n in doc.neurons_of(hidden)) / 2
    change = doc.set_layer_size(hidden, 100)
    ys = [doc.neuron(n).y for n in doc.neurons_of(hidden)]
    assert sum(ys) / len(ys) == pytest.approx(centre) and len(set(ys)) == 100
    doc.apply(change.inverse())
    assert doc.snapshot() == before


def test_a_layer_grown_past_the_size_limits_is_refused_before_anything_is_made(monkeypatch):
    # Connections are objects in the document: growing the input layer beside a
    # 100,000-neuron one made 10^10 of them.  Here with a small limit, as quick to refuse.
    monkeypatch.setattr("nnsim.model.limits.MAX_WEIGHTS", 1_000)
    document = new_mlp((2, 4, 1))
    document.set_layer_size(document.layers[1].id, 300)  # 2 x 300 + 300 x 1 = 900 weights
    before = document.snapshot()
    with pytest.raises(ConfigError, match="3,300 weights; nnsim builds networks of up to 1,000"):
        document.set_layer_size(document.layers[0].id, 10)
    assert document.snapshot() == before
