"""What a review of the teaching views found, each pinned by a test."""

import numpy as np
from PySide6.QtWidgets import QMessageBox

from nnsim.io.project import load_project
from nnsim.model.classroom import FIXED, Classroom


def step(window, count):
    for _ in range(count):
        window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()


def test_switching_biases_off_drops_the_snapshots_it_no_longer_fits(window):
    step(window, 10)
    window.editor.view.set_biases(False)
    step(window, 1)
    bar = window.rewind
    assert bar.slider.minimum() >= 10  # nothing from before the biases went to rewind to
    bar.slider.setValue(bar.slider.minimum())
    weights = window.session.display_network.weights
    assert all(np.isfinite(w).all() for w in weights)


def test_a_step_after_rewinding_shows_the_latest_again(window):
    step(window, 10)
    window.rewind.slider.setValue(3)
    assert window.rewind.shown is not None
    step(window, 1)
    assert window.rewind.shown is None and window.rewind.label.text() == "epoch 11 (latest)"
    assert not window.rewind.button.isEnabled()


def test_an_opened_project_rewinds_no_earlier_than_its_first_snapshot(window, choose, tmp_path):
    step(window, 20)
    choose(tmp_path / "twenty.nnsim")
    window.files.save_action.trigger()
    window.files.open(tmp_path / "twenty.nnsim")
    slider = window.rewind.slider
    assert slider.value() == slider.maximum() == 20 and not slider.isEnabled()
    slider.setValue(slider.minimum())  # nothing before the first snapshot to go back to
    assert window.rewind.shown is None and window.rewind.label.text() == "epoch 20 (latest)"


def test_saving_while_rewound_keeps_the_trained_weights(window, choose, tmp_path):
    step(window, 12)
    trained = [w.copy() for w in window.session.compiled.network.weights]
    window.rewind.slider.setValue(2)
    choose(tmp_path / "rewound.nnsim")
    window.files.save_action.trigger()
    saved = load_project(tmp_path / "rewound.nnsim")
    for got, expected in zip(saved.weights, trained, strict=True):
        np.testing.assert_array_equal(got, expected)


def test_explain_asks_for_a_step_after_the_network_is_edited(window):
    window.explainer.action.trigger()
    window.editor.view.set_activation(window.document.layers[1].id, "tanh")
    assert "was edited since it was last built" in window.explainer.view.text.toPlainText()
    window.training_actions["step"].trigger()
    window.explainer.view.go(1)
    assert "then applies tanh" in window.explainer.view.text.toPlainText()
    window.training_actions["stop"].trigger()


def test_the_trail_keeps_growing_before_any_training(window):
    window.new_actions["perceptron"].trigger()
    window.panel.set_value("seed", 5)
    window.trail_action.setChecked(True)
    lines = []
    for _ in range(8):
        window.training_actions["sample"].trigger()
        lines.append(len(window.decision_plot.trail))
    assert lines == sorted(lines) and lines[-1] >= 2


def test_a_fixed_data_set_refuses_an_import_and_a_frozen_network_one_that_needs_resizing(
    window, tmp_path, monkeypatch
):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    path = tmp_path / "three.csv"
    path.write_text("a,b,c,t\n1,2,3,0\n3,4,5,1\n")
    window.session.set_classroom(Classroom(frozen=frozenset({"dataset"})))
    assert not window.importer.import_file(path) and said[-1] == FIXED
    window.session.set_classroom(Classroom(network_frozen=True))
    window.importer.ask_to_resize = lambda question: QMessageBox.StandardButton.Yes
    window.importer.import_file(path)
    window.importer.dialog.accept()
    assert "does not fit the network" in said[-1]
    assert window.settings["dataset"] == "xor" and window.document.layer_sizes == (2, 4, 1)


def test_randomise_says_the_exercise_fixes_the_seed(window):
    window.session.set_classroom(Classroom(frozen=frozenset({"learning_rate"})))
    seed = window.settings["seed"]
    window.randomise_action.trigger()
    assert window.settings["seed"] == seed and window.statusBar().currentMessage() == FIXED


def test_frozen_network_fields_are_read_only_and_refused_without_asking(window):
    window.session.set_classroom(Classroom(network_frozen=True))
    field = window.panel.field("bias")
    assert field.readonly()
    field.setValue(False)
    assert window.document.bias and FIXED in window.panel.reason.text()


def test_check_gradients_on_a_step_layer_says_there_is_none(window):
    window.editor.view.set_activation(window.document.layers[1].id, "step")
    window.training_actions["reset"].trigger()
    window.gradient_check_action.trigger()
    box = window.findChild(QMessageBox, "gradientCheckDialog")
    assert box.text().startswith("No gradient to check")
    box.close()


def test_a_hopfield_exercise_keeps_its_classroom(window, choose, tmp_path):
    window.ask_grid_size = lambda: (10, 10)
    window.new_actions["hopfield"].trigger()
    window.classroom_action.trigger()
    window.classroom_dialog.data.setChecked(True)
    window.classroom_dialog.accept()
    choose(tmp_path / "memory.nnsim")
    window.files.save_action.trigger()
    window.new_actions["mlp"].trigger()
    window.files.open(tmp_path / "memory.nnsim")
    assert window.classroom == Classroom(data_frozen=True)
