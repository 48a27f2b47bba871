"""nnsim train on a Boltzmann machine's project: the window's numbers, without a window."""

import json

import numpy as np

from nnsim import cli
from nnsim.model import new_rbm
from nnsim.model.session import Session
from nnsim.model.starters import RBM_SETTINGS


def saved_machine(tmp_path, epochs=2):
    session = Session(new_rbm(64, 8), **{**RBM_SETTINGS, "max_epochs": epochs})
    list(session.train())
    path = tmp_path / "machine.nnsim"
    session.save(path)
    return path


def test_the_command_line_trains_a_machine_on_as_a_session_does(tmp_path, capsys):
    path = saved_machine(tmp_path)
    out = tmp_path / "on.nnsim"
    assert cli.main(["train", str(path), "--epochs", "3", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "64-8 restricted Boltzmann machine (reconstruction error)" in printed
    assert "from epoch 3" in printed and "Finished all 3 epochs." in printed
    assert "accuracy" not in printed  # a machine classifies nothing
    trained_on = Session.open(out)
    assert trained_on.history.count == 5
    alike = Session.open(path)
    list(alike.train(max_epochs=3))
    np.testing.assert_array_equal(trained_on.history.train, alike.history.train)
    np.testing.assert_array_equal(
        trained_on.compiled.network.weights, alike.compiled.network.weights
    )


def test_a_broken_machine_is_refused_in_one_line(tmp_path, capsys):
    path = saved_machine(tmp_path)
    content = json.loads(path.read_text())
    content["document"]["connections"].pop()
    path.write_text(json.dumps(content))
    assert cli.main(["train", str(path), "--epochs", "1"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("nnsim: ") and error.count("\n") == 1
    assert "every visible neuron to every hidden one" in error
