"""Project files with skip connections: saved and reopened bit for bit, hostile ones refused."""

import json

import numpy as np
import pytest
from test_project import trained_project
from test_project_hardening import refused, write

from nnsim.errors import ConfigError
from nnsim.io.project import Project, load_project, save_project
from nnsim.model import new_mlp
from nnsim.model.settings import Settings


def skipping_project():
    document = new_mlp((2, 3, 2, 1), name="skips")
    layers = [document.neurons_of(layer.id) for layer in document.layers]
    document.connect(layers[0][1], layers[3][0])
    document.connect(layers[1][2], layers[3][0])
    return trained_project(document)


def test_a_project_with_skips_comes_back_bit_for_bit(tmp_path):
    project = skipping_project()
    assert project.weights[2].shape == (1, 2 + 2 + 3)
    path = tmp_path / "skips.nnsim"
    save_project(path, project)
    loaded = load_project(path)
    assert loaded.document.snapshot() == project.document.snapshot()
    assert loaded.document.skip_layers() == {(3, 0), (3, 1)}
    for got, saved in zip(loaded.weights, project.weights, strict=True):
        np.testing.assert_array_equal(got, saved)
    save_project(tmp_path / "again.nnsim", loaded)  # (a reopened history has its epochs)
    save_project(tmp_path / "thrice.nnsim", load_project(tmp_path / "again.nnsim"))
    assert (tmp_path / "thrice.nnsim").read_bytes() == (tmp_path / "again.nnsim").read_bytes()


def content_with(tmp_path, change):
    path = tmp_path / "good.nnsim"
    save_project(path, skipping_project())
    content = json.loads(path.read_text())
    change(content["document"])
    return write(tmp_path, content)


def neuron_ids(document, layer):
    return [n["id"] for n in document["neurons"] if n["layer"] == document["layers"][layer]["id"]]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (  # output -> input: backward
            lambda d: d["connections"].append([neuron_ids(d, 3)[0], neuron_ids(d, 0)[0]]),
            "not in a layer after",
        ),
        (  # within the first hidden layer
            lambda d: d["connections"].append([neuron_ids(d, 1)[0], neuron_ids(d, 1)[1]]),
            "not in a layer after",
        ),
        (  # a skip to a neuron no layer holds
            lambda d: d["connections"].append([neuron_ids(d, 0)[0], "n999"]),
            "no neuron",
        ),
        (  # a skip whose target's layer is gone
            lambda d: d["neurons"][-1].update(layer="L99"),
            "belongs to no layer",
        ),
    ],
)
def test_a_hostile_skip_is_refused_in_words(tmp_path, change, reason):
    refused(content_with(tmp_path, change), reason)


def test_an_old_file_without_skips_opens_as_before(tmp_path):
    project = trained_project()
    save_project(tmp_path / "old.nnsim", project)
    loaded = load_project(tmp_path / "old.nnsim")
    assert loaded.document.skip_layers() == set()
    assert [w.shape for w in loaded.weights] == [(3, 2), (1, 3)]


def test_a_skip_between_two_wide_layers_is_refused_before_its_weights_are_made(tmp_path):
    document = new_mlp((5000, 1, 1, 5000))  # 10,001 weights; input -> output would add 25M
    save_project(tmp_path / "wide.nnsim", Project(document, Settings().values()))
    inputs = document.neurons_of(document.layers[0].id)
    output = document.neurons_of(document.layers[-1].id)
    with pytest.raises(ConfigError, match="25,010,001 weights"):
        document.connect(inputs[0], output[0])  # the editor refuses it too
    content = json.loads((tmp_path / "wide.nnsim").read_text())
    content["document"]["connections"].append([inputs[0], output[0]])
    refused(write(tmp_path, content), "25,010,001 weights")
