"""Whatever changes weights or data is unsaved work, and File > New starts each kind afresh."""

from PySide6.QtWidgets import QMessageBox

from nnsim.model.starters import DEFAULT_SETTINGS, NEW_SETTINGS

Button = QMessageBox.StandardButton


def cancelling(window) -> list:
    """Make the unsaved-work question answer Cancel; return the list of times it was asked."""
    asked = []
    window.files.ask_to_save = lambda: asked.append(True) or Button.Cancel
    return asked


def saved(window, path):
    assert window.files._write(path)
    assert not window.isWindowModified() and not window.files.modified()


def test_training_marks_the_project_modified_and_new_asks_before_it_goes(window, tmp_path):
    assert window.files.open_example("xor_2_2_1")
    assert not window.isWindowModified()
    window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()
    trained = [w.copy() for w in window.session.compiled.network.weights]
    assert window.isWindowModified(), "trained weights are unsaved work"
    asked = cancelling(window)
    window.new_actions["mlp"].trigger()
    assert asked, "New asks before trained weights go"
    assert window.document.layer_sizes == (2, 2, 1) and window.session.history.count == 1
    for kept, now in zip(trained, window.session.compiled.network.weights, strict=True):
        assert (kept == now).all()


def test_reset_going_back_and_a_perceptron_step_are_unsaved_work(window, tmp_path):
    assert window.files.open_example("xor_2_2_1")
    for _ in range(3):
        window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()
    saved(window, tmp_path / "a.nnsim")
    window.session.train_from(1)  # back to an earlier epoch: the later ones are gone
    assert window.isWindowModified()
    saved(window, tmp_path / "b.nnsim")
    window.reset_weights()
    assert window.isWindowModified()
    saved(window, tmp_path / "c.nnsim")
    window.reset_weights()  # the same fresh weights again: nothing new to save
    assert not window.isWindowModified()
    assert window.files.open_example("bug_perceptron")
    window.step_sample()
    assert window.isWindowModified()


def test_an_undo_back_to_the_saved_edit_still_keeps_trained_weights_unsaved(window, tmp_path):
    window.panel.set_value("learning_rate", 0.25)
    saved(window, tmp_path / "a.nnsim")
    window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()
    window.panel.set_value("learning_rate", 0.3)
    window.undo_stack.undo()  # the stack is clean again, the weights are not saved
    assert window.isWindowModified() and window.files.modified()


def test_storing_patterns_in_a_hopfield_memory_is_unsaved_work(window):
    assert window.files.open_example("hopfield_letters")
    assert not window.isWindowModified()
    library = window.hopfield.library
    library.rule.setCurrentIndex(library.rule.findData("pseudoinverse"))  # it was Hebb's
    library.store()
    assert window.hopfield.memory.rule == "pseudoinverse"
    assert window.isWindowModified()


def test_new_mlp_after_digits_starts_from_its_own_defaults(window):
    assert window.files.open_example("digits")
    assert window.settings["loss"] == "cce"
    window.files.ask_to_save = lambda: Button.Discard
    window.new_actions["mlp"].trigger()
    expected = {**DEFAULT_SETTINGS, **NEW_SETTINGS["mlp"]}
    assert window.settings.values() == expected
    assert window.settings.custom_data is None
    assert window.controller.start(), window.session.problem
    window.controller.shutdown()


def test_new_perceptron_after_an_imported_data_set_trains_on_the_and_gate(window):
    assert window.files.open_example("iris")
    window.panel.set_value("batch_size", 16)
    window.files.ask_to_save = lambda: Button.Discard
    window.new_actions["perceptron"].trigger()
    assert window.settings.values() == {**DEFAULT_SETTINGS, **NEW_SETTINGS["perceptron"]}
    assert window.session.step(), window.session.problem
    window.controller.shutdown()
