"""The NumPy training script applies dropout with nnsim's masks: the same weights bit for bit
(see test_training_export's docstring)."""

import runpy

import numpy as np
import pytest
from test_training_export import FakePyplot, assert_same, run_notebook, trained

from nnsim.io.training_export import write_notebook, write_torch_script, write_training_script
from nnsim.model.session import Session
from nnsim.model.starters import new_mlp


def dropping_session(skip: bool, **settings) -> Session:
    """2-6-4-1 on moons, dropout 0.5 and 0.2 in the hidden layers (and a skip if ``skip``)."""
    document = new_mlp((2, 6, 4, 1), "tanh")
    document.set_property(document.layers[1].id, "dropout", 0.5)
    document.set_property(document.layers[2].id, "dropout", 0.2)
    if skip:
        inputs, *_, (output,) = (document.neurons_of(layer.id) for layer in document.layers)
        document.connect(inputs[0], output)
    return Session(document, dataset="moons", samples=30, **settings)


@pytest.mark.parametrize(
    ("skip", "settings"),
    [
        (False, {"learning_rate": 0.3}),  # full batch
        (False, {"batch_size": 4, "momentum": 0.5, "learning_rate": 0.2}),
        (True, {"batch_size": 7, "optimizer": "adam", "learning_rate": 0.01}),
    ],
)
def test_the_script_drops_the_units_nnsim_drops(tmp_path, skip, settings):
    session = trained(dropping_session(skip, **settings), 15)
    assert session.compiled.network.dropout == (0.5, 0.2, 0.0)
    path = tmp_path / "train.py"
    write_training_script(path, session.project())
    script = runpy.run_path(str(path))
    assert script["DROPOUT"] == [0.5, 0.2, 0.0]
    X, T, X_val, T_val = script["prepare_data"]()
    weights, biases, errors, _, _ = script["train"](session.history.count, X, T, X_val, T_val)
    assert_same(weights, biases, session)
    assert np.array_equal(errors, session.history.train)
    whole = script["forward_all"](X, weights, biases)[-1]  # no masks: the whole network
    np.testing.assert_array_equal(whole, session.compiled.network.forward(X))


def test_the_torch_script_drops_in_training_only(tmp_path):
    pytest.importorskip("torch")
    session = dropping_session(False, learning_rate=0.3)
    write_torch_script(tmp_path / "torch_train.py", session.project())
    script = runpy.run_path(str(tmp_path / "torch_train.py"))
    network = script["build_network"]()
    dropouts = [m for m in network if type(m).__name__ == "Dropout"]
    assert [m.p for m in dropouts] == [0.5, 0.2]
    X = script["torch"].tensor(np.random.default_rng(0).normal(size=(5, 2)))
    first, second = script["outputs_of"](network, X), script["outputs_of"](network, X)
    assert script["torch"].equal(first, second), "predictions use the whole network"


def test_the_notebook_trains_a_network_with_skips_and_dropout_to_nnsims_weights(
    tmp_path, monkeypatch, capsys
):
    session = trained(dropping_session(True, batch_size=5, learning_rate=0.2), 12)
    path = tmp_path / "dropping.ipynb"
    write_notebook(path, session.project())
    namespace = run_notebook(path, monkeypatch, FakePyplot())
    assert_same(namespace["weights"], namespace["biases"], session)
    assert "The weights are nnsim's after epoch 12, bit for bit." in capsys.readouterr().out
