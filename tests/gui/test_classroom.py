"""Classroom mode: what a teacher fixes is saved, and a student cannot change it."""

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from nnsim.gui.classroom_dialog import FREEZE, HIDE, ClassroomDialog
from nnsim.model.classroom import FIXED, Classroom


def teacher_fixes(window, frozen=(), hidden=(), network=False, data=False):
    window.classroom_action.trigger()
    dialog = window.classroom_dialog
    for name in frozen:
        dialog.set_checked(name, FREEZE, True)
    for name in hidden:
        dialog.set_checked(name, HIDE, True)
    dialog.network.setChecked(network)
    dialog.data.setChecked(data)
    dialog.accept()


def test_frozen_and_hidden_settings_and_the_seed(window):
    teacher_fixes(window, frozen=["learning_rate"], hidden=["momentum"])
    panel = window.panel
    assert panel.field("learning_rate").readonly()
    assert not panel.field("momentum").opts["visible"]
    assert panel.field("seed").readonly()  # fixed with anything else
    assert not panel.field("max_epochs").readonly()
    with pytest.raises(Exception, match="This exercise fixes it"):
        panel.set_value("learning_rate", 0.1)
    panel.field("learning_rate").setValue(0.1)  # as if typed into the field
    assert window.settings["learning_rate"] == 0.5
    assert panel.field("learning_rate").value() == 0.5 and FIXED in panel.reason.text()
    window.undo_stack.undo()  # the teacher changes their mind
    assert not panel.field("learning_rate").readonly() and panel.field("momentum").opts["visible"]


def test_a_frozen_network_refuses_edits_without_asking(window):
    teacher_fixes(window, network=True)
    sizes = window.document.layer_sizes
    window.editor.view.set_layer_size(window.document.layers[1].id, 6)
    assert window.document.layer_sizes == sizes
    assert window.statusBar().currentMessage() == FIXED


def test_frozen_data_refuses_imports_and_drawing(window, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    teacher_fixes(window, data=True)
    path = tmp_path / "mine.csv"
    path.write_text("a,b,t\n1,2,0\n3,4,1\n")
    assert not window.importer.import_file(path)
    assert said == [FIXED]
    count = window.session.data.n_samples
    window.drawing.click(0.5, 0.5, True)
    assert window.session.data.n_samples == count
    assert window.data_fields.field("dataset").readonly()


def test_the_exercise_is_saved_and_every_student_gets_the_same_numbers(
    make_window, choose, tmp_path
):
    teacher = make_window()
    teacher.panel.set_value("seed", 42)
    teacher_fixes(teacher, frozen=["learning_rate"], hidden=["l1", "l2"], network=True)
    choose(tmp_path / "exercise.nnsim")
    teacher.files.save_action.trigger()
    results = []
    for _ in range(2):
        student = make_window()
        student.files.open(tmp_path / "exercise.nnsim")
        assert student.classroom == Classroom(
            frozenset({"learning_rate"}), frozenset({"l1", "l2"}), True, False
        )
        assert student.panel.field("seed").readonly() and student.settings["seed"] == 42
        for _ in range(5):
            student.training_actions["step"].trigger()
        results.append([w.copy() for w in student.session.display_network.weights])
        student.training_actions["stop"].trigger()
    for first, second in zip(*results, strict=True):
        np.testing.assert_array_equal(first, second)


def test_a_new_network_is_no_longer_an_exercise(window):
    teacher_fixes(window, frozen=["learning_rate"])
    window.new_actions["mlp"].trigger()
    assert not window.classroom.active and not window.panel.field("learning_rate").readonly()


def test_the_dialog_shows_a_classroom_and_gives_back_what_is_ticked(qtbot):
    start = Classroom(frozen=frozenset({"learning_rate"}), network_frozen=True)
    dialog = ClassroomDialog(start, "perceptron")
    qtbot.addWidget(dialog)
    assert dialog.classroom() == start, "it opens on the classroom it was given"
    assert "momentum" not in dialog.names, "an MLP's settings are not offered for a perceptron"
    dialog.set_checked("seed", HIDE, True)
    dialog.set_checked("learning_rate", FREEZE, False)
    dialog.data.setChecked(True)
    assert dialog.classroom() == Classroom(
        frozenset(), frozenset({"seed"}), network_frozen=True, data_frozen=True
    )
