"""A Boltzmann machine in a project file: back bit for bit, and hostile edits refused in words."""

import json

import numpy as np
import pytest
from test_project_hardening import refused, write

from nnsim.io.project import load_project
from nnsim.model import new_rbm
from nnsim.model.memory import PatternMemory
from nnsim.model.rbm_data import pattern_dataset
from nnsim.model.session import Session
from nnsim.model.starters import RBM_SETTINGS


def trained(tmp_path, name="machine.nnsim", **settings) -> tuple[Session, dict]:
    """A 64-8 machine trained 3 epochs with persistent CD-2 and momentum, saved;
    (session, file content)."""
    chosen = {"max_epochs": 3, "cd_steps": 2, "momentum": 0.3, "persistent": True, **settings}
    session = Session(new_rbm(64, 8), **{**RBM_SETTINGS, **chosen})
    list(session.train())
    session.save(tmp_path / name)
    return session, json.loads((tmp_path / name).read_text())


def test_a_trained_machine_comes_back_bit_for_bit_and_trains_on_alike(tmp_path):
    session, _ = trained(tmp_path)
    opened = Session.open(tmp_path / "machine.nnsim")
    assert (
        opened.document.kind == "rbm" and opened.document.snapshot() == session.document.snapshot()
    )
    assert (opened.settings["cd_steps"], opened.settings["persistent"]) == (2, True)
    for saved, loaded in zip(session.compiled.network.parameters(),
                             opened.compiled.network.parameters(), strict=True):  # fmt: skip
        for a, b in zip(saved, loaded, strict=True):
            np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(opened.history.train, session.history.train)
    opened.settings.set("max_epochs", 5)
    assert [report.epoch for report in opened.train()][-1] == 5
    assert opened.history.train[-1] < opened.history.train[0]


def test_a_pattern_library_saved_as_the_machines_data_comes_back(tmp_path):
    memory = PatternMemory(5, 5)
    memory.add_patterns([("a", np.ones(25)), ("b", -np.ones(25))])
    session = Session(new_rbm(25, 4), **{**RBM_SETTINGS, "dataset": "custom", "max_epochs": 2})
    session.settings.set_custom_data(pattern_dataset(memory.library))
    session.reset()
    list(session.train())
    session.save(tmp_path / "patterns.nnsim")
    opened = Session.open(tmp_path / "patterns.nnsim")
    np.testing.assert_array_equal(opened.data.X, [np.ones(25), np.zeros(25)])
    assert opened.problem is None and opened.history.count == 2


def hostile_edits():
    """(what is done to the saved file's content, the reason it is refused)."""

    def weights(content, value):
        content["weights"] = value

    def biases(content, value):
        content["biases"] = value

    def three_layers(content):
        document = content["document"]
        document["layers"].append({"id": "L9", "activation": "sigmoid"})
        document["neurons"].append({"id": "n999", "layer": "L9", "x": 2.0, "y": 0.0})

    def drop_connection(content):
        content["document"]["connections"].pop()

    def huge(content):
        layer = content["document"]["layers"][1]["id"]
        content["document"]["neurons"] += [
            {"id": f"z{k}", "layer": layer, "x": 1.0, "y": float(k)} for k in range(200_000)
        ]

    def setting(name, value):
        return lambda content: content["settings"].__setitem__(name, value)

    return [
        (lambda c: weights(c, [np.zeros((8, 63)).tolist()]), "weights do not fit"),
        (lambda c: weights(c, [np.zeros((64, 8)).tolist()]), "weights do not fit"),
        (lambda c: weights(c, [[[float("nan")] * 64] * 8]), "not finite"),
        (lambda c: weights(c, [[["x"] * 64] * 8]), "not tables of numbers"),
        (lambda c: biases(c, [[0.0] * 8]), "biases do not fit"),
        (lambda c: biases(c, [[0.0] * 64, [0.0] * 8]), "biases do not fit"),
        (three_layers, "one visible and one hidden layer"),
        (drop_connection, "every visible neuron to every hidden one"),
        (huge, "nnsim builds networks of up to"),
        (setting("cd_steps", 0), "at least 1"),
        (setting("cd_steps", "two"), "number|whole"),
        (setting("persistent", "yes"), "Persistent chains is true or false"),
    ]


@pytest.mark.parametrize("edit, reason", hostile_edits())
def test_hostile_edits_of_a_machine_are_refused_in_one_line(tmp_path, edit, reason):
    _, content = trained(tmp_path)
    edit(content)
    refused(write(tmp_path, json.dumps(content)), reason)


def test_a_refused_file_changes_nothing_open(tmp_path):
    session, content = trained(tmp_path)
    before = session.compiled.network.weights.copy()
    content["weights"] = [[[float("inf")] * 64] * 8]
    path = write(tmp_path, json.dumps(content))
    with pytest.raises(Exception, match="not finite"):
        session.load(load_project(path))
    np.testing.assert_array_equal(session.compiled.network.weights, before)
