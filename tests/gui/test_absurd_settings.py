"""Absurd settings end in a clear message or a sensible result, never a crash or a hang."""

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from nnsim.errors import ConfigError


def run_to_the_end(window, qtbot, timeout=20_000):
    window.panel.set_value("speed", "fastest")
    window.training_actions["start"].trigger()
    qtbot.waitUntil(lambda: window.session.state in ("finished", "stopped"), timeout=timeout)


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        ("learning_rate", 1e6, "Learning rate η must be at least 1e-09 and at most 1000"),
        ("max_epochs", 0, "Epochs must be at least 1"),
        ("learning_rate", float("nan"), "Learning rate η must be a finite number"),
        ("batch_size", -5, "Batch size must be at least 0"),
    ],
)
def test_values_no_training_could_use_are_refused_at_the_field(window, name, value, reason):
    before = window.settings[name]
    window.panel.field(name).setValue(value)
    assert window.settings[name] == before
    assert reason in window.panel.reason.text()
    with pytest.raises(ConfigError, match=reason.split(" must")[0]):
        window.panel.set_value(name, value)


def test_a_batch_larger_than_the_data_trains_on_all_of_it(window, qtbot):
    window.panel.set_value("batch_size", 1000)  # XOR has 4 samples
    window.panel.set_value("max_epochs", 300)
    run_to_the_end(window, qtbot)
    assert window.session.history.count == 300
    assert np.isfinite(window.session.history.train).all()


def test_a_one_neuron_hidden_layer_trains_and_says_what_it_can(window, qtbot):
    window.editor.view.set_layer_size(window.document.layers[1].id, 1)
    window.panel.set_value("max_epochs", 2000)
    run_to_the_end(window, qtbot)
    assert window.document.layer_sizes == (2, 1, 1)
    assert np.isfinite(window.session.history.train).all()


def test_every_weight_zero_trains_and_the_diagnostics_say_why_it_stalls(window, qtbot):
    window.panel.set_value("init", "zeros")
    window.training_actions["reset"].trigger()  # new weights, from the zeros initialiser
    window.panel.set_value("max_epochs", 500)
    run_to_the_end(window, qtbot)
    window.plot_tabs.setCurrentWidget(window.diagnostics)
    assert "symmetric" in [hint.kind for hint in window.diagnostics.hints]


def test_the_largest_learning_rate_allowed_diverges_into_a_message_not_a_crash(
    window, qtbot, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "open", lambda self: None)  # the dialog is built, not shown
    window.files.open_example("iris")
    window.panel.set_value("learning_rate", 1000.0)
    window.panel.set_value("loss", "mse")
    window.editor.view.set_activation(window.document.layers[1].id, "relu")
    window.editor.view.set_activation(window.document.layers[2].id, "linear")
    run_to_the_end(window, qtbot)
    message = window.statusBar().currentMessage()
    assert message.startswith("Training diverged in epoch")
    assert "Try a smaller learning rate (it is 1000)" in message
    weights = window.session.compiled.network.weights
    assert all(np.isfinite(w).all() for w in weights)  # the last good weights stay
