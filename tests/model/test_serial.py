"""Documents and pattern memories as plain data and back: ids, order, positions exactly."""

import pytest

from nnsim.errors import ConfigError
from nnsim.model import new_hopfield, new_mlp
from nnsim.model.memory import PatternMemory
from nnsim.model.serial import document_from_dict, document_to_dict
from nnsim.model.serial_memory import memory_from_dict, memory_to_dict


def test_an_edited_document_comes_back_exactly_and_edits_on():
    doc = new_mlp((2, 3, 1), name="Mine")
    doc.set_property(doc.layers[1].id, "activation", "tanh")
    doc.set_property("", "bias", False)
    doc.remove(neuron_ids=[doc.neurons_of(doc.layers[1].id)[1]])
    doc.move({doc.neurons[0].id: (-12.5, 3.25)})
    copy = document_from_dict(document_to_dict(doc))
    assert copy.snapshot() == doc.snapshot()
    change = copy.add_neuron(copy.layers[1].id)
    new_id = change.added_neurons[0][1].id
    assert new_id not in {n.id for n in doc.neurons}, "new ids never clash with loaded ones"


def test_a_hopfield_grid_must_match_its_neurons():
    data = document_to_dict(new_hopfield(3, 3))
    assert document_from_dict(data).grid == (3, 3)
    data["grid"] = [3, 4]
    with pytest.raises(ConfigError, match="grid and its neurons disagree"):
        document_from_dict(data)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.update(kind="brain"), "kind 'brain'"),
        (lambda d: d.update(bias="yes"), "bias 'yes'"),
        (lambda d: d["layers"].append(d["layers"][0]), "Two layers share an id"),
        (lambda d: d["neurons"].append(d["neurons"][0]), "Two neurons share an id"),
        (lambda d: d["connections"].append(d["connections"][0]), "listed twice"),
        (lambda d: d["connections"].append(["n1"]), "not a pair"),
        (lambda d: d.update(neurons="many"), "neurons are not a list"),
    ],
)
def test_data_no_document_could_hold_is_refused(change, reason):
    data = document_to_dict(new_mlp((2, 2, 1)))
    change(data)
    with pytest.raises(ConfigError, match=reason):
        document_from_dict(data)


def test_classroom_settings_round_trip_and_nonsense_is_refused():
    import pytest

    from nnsim.errors import ConfigError
    from nnsim.model.classroom import Classroom

    classroom = Classroom(frozenset({"seed", "learning_rate"}), frozenset({"l1"}), True, False)
    assert Classroom.from_dict(classroom.to_dict()) == classroom
    assert Classroom.from_dict({}) == Classroom() and not Classroom().active
    with pytest.raises(ConfigError, match="not names of settings"):
        Classroom.from_dict({"frozen": ["warp_speed"]})
    with pytest.raises(ConfigError, match="true or false"):
        Classroom.from_dict({"data_frozen": "yes"})


def test_a_pattern_memory_whose_patterns_are_not_a_list_is_refused_by_name():
    data = memory_to_dict(PatternMemory(5, 5))
    for key in ("library", "stored"):
        with pytest.raises(ConfigError, match=rf"^The memory's {key} patterns are not a list\.$"):
            memory_from_dict({**data, key: "#."})
