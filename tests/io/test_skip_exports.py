"""Exports of a network with skip connections: the NumPy training script trains it to
nnsim's weights bit for bit (see test_training_export's docstring); the network script, JSON
and NPZ carry the skips (the PyTorch script: test_torch_skip_export)."""

import json
import runpy

import numpy as np
import pytest
from test_training_export import assert_same, trained

from nnsim.io.network_export import ExportedNetwork, script_text, write_json, write_npz
from nnsim.io.training_export import write_training_script
from nnsim.model.session import Session
from nnsim.model.starters import new_mlp


def skipping_session(**settings) -> Session:
    """2-3-2-1 on moons, with skips input 1 -> the output and hidden 1 -> the output."""
    document = new_mlp((2, 3, 2, 1), "tanh")
    layers = [document.neurons_of(layer.id) for layer in document.layers]
    document.connect(layers[0][0], layers[3][0])
    document.connect(layers[1][1], layers[3][0])
    document.connect(layers[0][1], layers[2][0])
    return Session(document, dataset="moons", samples=30, **settings)


@pytest.mark.parametrize(
    "settings",
    [{"batch_size": 4, "momentum": 0.5, "learning_rate": 0.3}, {"optimizer": "adam", "l2": 0.01}],
)
def test_the_numpy_script_trains_a_skip_network_to_nnsims_weights(tmp_path, settings):
    session = trained(skipping_session(**settings), 20)
    assert session.compiled.network.skips == ((2, 0), (3, 0), (3, 1))
    path = tmp_path / "train.py"
    write_training_script(path, session.project())
    script = runpy.run_path(str(path))
    assert script["SKIPS"] == [[], [0], [0, 1]]
    X, T, X_val, T_val = script["prepare_data"]()
    weights, biases, errors, _, _ = script["train"](session.history.count, X, T, X_val, T_val)
    assert_same(weights, biases, session)
    assert np.array_equal(errors, session.history.train)


def test_the_network_script_and_files_carry_the_skips(tmp_path):
    session = trained(skipping_session(), 5)
    network = session.compiled.network
    exported = ExportedNetwork.of(network, "skips")
    assert exported.skips == ((), (0,), (0, 1))
    namespace = {}
    exec(compile(script_text(exported), "exported.py", "exec"), namespace)
    X = np.random.default_rng(0).normal(size=(7, 2))
    np.testing.assert_array_equal(namespace["outputs"](X), network.forward(X))
    write_json(tmp_path / "n.json", exported)
    layers = json.loads((tmp_path / "n.json").read_text())["layers"]
    assert [layer.get("skips", []) for layer in layers] == [[], [0], [0, 1]]
    write_npz(tmp_path / "n.npz", exported)
    with np.load(tmp_path / "n.npz") as arrays:
        assert arrays["skips3"].tolist() == [0, 1] and "skips1" not in arrays
