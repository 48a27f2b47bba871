"""File > Save and Open through the window: everything comes back, the title follows.

What ProjectFiles does on a session alone is in test_project_files.py.
"""

import numpy as np
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from nnsim.io.examples import examples
from nnsim.model.session import Session

Button = QMessageBox.StandardButton


def test_save_then_open_restores_network_settings_weights_and_history(
    window, tmp_path, monkeypatch, choose
):
    view = window.editor.view
    view.set_activation(window.document.layers[1].id, "tanh")
    window.panel.set_value("learning_rate", 0.25)
    for _ in range(5):
        window.training_actions["step"].trigger()
    saved = {
        "document": window.document.snapshot(),
        "weights": [w.copy() for w in window.session.compiled.network.weights],
        "history": window.session.history.train.copy(),
    }
    assert window.isWindowModified()
    choose(tmp_path / "mine")  # the suffix is added
    window.files.save_action.trigger()
    assert (tmp_path / "mine.nnsim").exists() and not window.isWindowModified()
    assert window.windowTitle() == "mine[*] - nnsim"

    window.training_actions["stop"].trigger()  # else New would ask to stop the paused run
    window.new_actions["mlp"].trigger()
    assert window.document.layer_sizes == (2, 2, 1) and window.session.history.count == 0
    choose(tmp_path / "mine.nnsim")
    window.files.open_action.trigger()
    assert window.document.snapshot() == saved["document"]
    assert window.settings["learning_rate"] == 0.25
    for got, expected in zip(
        window.session.compiled.network.weights, saved["weights"], strict=True
    ):
        np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(window.session.history.train, saved["history"])
    window.training_actions["step"].trigger()
    assert window.session.latest.epoch == 6, "training goes on from the saved epoch"
    assert window.files.recent()[0] == str(tmp_path / "mine.nnsim")


def test_a_network_edited_after_training_saves_and_opens_with_its_kept_weights(
    window, tmp_path, monkeypatch, choose
):
    """Found by the abuse test: weights of the network before the edit were saved with the
    edited network, and the file could not be opened again."""
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    for _ in range(3):
        window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()
    trained = window.session.compiled.network.weights[0].copy()  # 4 x 2
    window.editor.view.add_neuron_to(window.document.layers[1].id)  # a fifth, connected
    choose(tmp_path / "edited.nnsim")
    window.files.save_action.trigger()
    edited = window.document.snapshot()
    window.new_actions["mlp"].trigger()
    assert window.files.open(tmp_path / "edited.nnsim"), warnings
    assert window.document.snapshot() == edited
    first = window.session.compiled.network.weights[0]
    assert first.shape == (5, 2)
    np.testing.assert_array_equal(first[:4], trained)  # the trained neurons' weights kept


def test_unsaved_edits_are_asked_about_and_cancel_keeps_the_window(window, qtbot, tmp_path):
    window.editor.view.add_neuron_to(window.document.layers[1].id)
    asked = []
    window.files.ask_to_save = lambda: asked.append(True) or Button.Cancel
    window.new_actions["mlp"].trigger()
    assert window.document.layer_sizes == (2, 5, 1), "Cancel keeps the network"
    window.close()
    assert window.isVisible() and len(asked) == 2, "and the window"
    window.files.ask_to_save = lambda: Button.Discard
    window.new_actions["mlp"].trigger()
    assert window.document.layer_sizes == (2, 2, 1)


def test_a_project_whose_data_does_not_fit_opens_and_says_why(window, tmp_path):
    from nnsim.io.project import Project, save_project
    from nnsim.model import new_mlp
    from nnsim.model.settings import Settings

    save_project(tmp_path / "misfit.nnsim", Project(new_mlp(), Settings(dataset="iris").values()))
    assert window.files.open(tmp_path / "misfit.nnsim")
    assert "4 inputs and 3 target(s)" in window.panel.reason.text()
    assert window.document.layer_sizes == (2, 2, 1) and window.settings["dataset"] == "iris"


def test_open_example_lists_every_example_and_opens_the_chosen_one_unsaved(window, qtbot):
    window.files.open_example_action.trigger()
    picker = window.files.picker
    assert picker.choices.count() == len(examples())
    picker.choose("xor_2_10_1")
    picker.accept()
    assert window.files.picker is None
    assert window.document.layer_sizes == (2, 10, 1)
    assert window.windowTitle() == "XOR 2-10-1[*] - nnsim"
    assert window.files.path is None  # Save asks where: the example stays as shipped
    assert window.files.recent() == []
    assert window.settings["speed"] == "1000"


def test_the_slope_example_steps_sample_by_sample_as_the_tutorial(window):
    window.files.open_example("ladybird_caterpillar")
    network = window.session.display_network
    assert network.weights[0, 0] == 0.25
    step = window.training_actions["sample"]
    step.trigger()
    assert round(window.session.display_network.weights[0, 0], 4) == 0.3083
    step.trigger()
    assert round(window.session.display_network.weights[0, 0], 4) == 1.6042


def test_open_example_asks_about_unsaved_edits_first(window):
    asked = []
    window.files.ask_to_save = lambda: asked.append(True) or Button.Cancel
    window.panel.set_value("learning_rate", 0.2)
    assert not window.files.open_example("iris")
    assert asked and window.document.layer_sizes == (2, 4, 1)
    window.files.ask_to_save = lambda: Button.Discard  # so the window may close at the end


def test_an_open_that_fails_partway_changes_nothing_and_save_keeps_the_good_file(
    window, tmp_path, monkeypatch
):
    """A project whose data a plot could not take half-applied: its settings and data came
    in, the old network and path stayed, and Ctrl+S wrote the mix over the good file."""
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    window.panel.set_value("learning_rate", 0.25)
    for _ in range(3):
        window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()
    good = tmp_path / "good.nnsim"
    assert window.files._write(good)
    before = good.read_bytes()
    assert window.files.open_example("iris")
    window.files.ask_to_save = lambda: Button.Discard
    assert window.files.open(good)
    weights = [w.copy() for w in window.session.compiled.network.weights]

    restore = Session.restore
    failures = []

    def fails_partway(*args, **kwargs):  # after the settings, data and network came in
        if not failures:
            failures.append(True)
            raise RuntimeError("Cannot set range [-inf, -inf]")
        restore(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Session, "restore", fails_partway)
        assert not window.files.open_example("digits")
    assert warnings and "nothing was changed" in warnings[-1]
    assert "Cannot set range" not in warnings[-1], "no developer's message for a person"
    assert window.files.path == good and window.windowTitle() == "good[*] - nnsim"
    assert window.settings["dataset"] == "xor" and window.settings["learning_rate"] == 0.25
    assert window.document.layer_sizes == (2, 4, 1)
    for kept, now in zip(weights, window.session.compiled.network.weights, strict=True):
        np.testing.assert_array_equal(kept, now)
    assert not window.isWindowModified()
    window.files.save_action.trigger()
    assert good.read_bytes() == before


def test_a_name_from_a_file_never_suggests_a_file_in_another_folder(window, monkeypatch):
    window.document.name = "../../etc/evil\nname: x"
    asked = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a: asked.append(a[2]) or ("", "")
    )
    window.files.save_as_action.trigger()
    window.findChild(QAction, "actionExportScript").trigger()
    assert len(asked) == 2
    for suggested in asked:
        assert "/" not in suggested and "\n" not in suggested and ":" not in suggested
        assert suggested.startswith("_.._etc_evil_name_")


def test_a_project_whose_data_reach_1e308_opens_whole(window, tmp_path, monkeypatch):
    """Its plots could not set a range ('Cannot set range [-inf, -inf]') and the open broke."""
    from nnsim.engine.datasets import make_dataset
    from nnsim.io.project import Project, save_project
    from nnsim.model import new_mlp
    from nnsim.model.settings import Settings

    X = np.array([[1e308, -1e308], [-1e308, 1e308], [0.0, 1.0], [1.0, 0.0]])
    data = make_dataset("huge", "numbers near the largest float", X, [0, 1, 0, 1])
    path = tmp_path / "huge.nnsim"
    save_project(path, Project(new_mlp((2, 3, 1)), Settings(dataset="custom").values(), data=data))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    assert window.files.open(path), warnings
    assert window.files.path == path and window.document.layer_sizes == (2, 3, 1)
    np.testing.assert_array_equal(window.session.data.X, X)
    (x_low, x_high), _ = window.decision_plot.widget.getPlotItem().getViewBox().viewRange()
    assert np.isfinite([x_low, x_high]).all() and x_high > 1e299
