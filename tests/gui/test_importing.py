"""File > Import Data: the importer on a session alone, then through the window's dialog.

Bad files, data the exercise fixes and networks it freezes change nothing.
"""

from functools import partial

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from nnsim.engine.datasets import make_dataset
from nnsim.gui.commands import push_edit
from nnsim.gui.data.importing import DataImporter
from nnsim.model.classroom import FIXED, Classroom
from nnsim.model.session import Session

Button = QMessageBox.StandardButton
BUGS = """width,length,bug
3.0,1.0,ladybird
1.0,3.0,caterpillar
2.8,1.2,ladybird
0.9,2.9,caterpillar
"""


@pytest.fixture
def bugs_csv(tmp_path):
    path = tmp_path / "bugs.csv"
    path.write_text(BUGS)
    return path


class Imports:
    """A DataImporter on a fresh session (XOR's 2-4-1), what it said and the dialogs shown."""

    def __init__(self, qtbot, monkeypatch):
        self.session = Session()
        self.said, self.warned, self.asked = [], [], []
        self.session.events.message.connect(self.said.append)
        monkeypatch.setattr(QMessageBox, "warning", lambda *args: self.warned.append(args[2]))
        self.stack, self.parent = QUndoStack(), QWidget()  # the parent owns the importer
        qtbot.addWidget(self.parent)
        edit = partial(push_edit, self.stack, self.session.document)
        self.importer = DataImporter(self.session, self.stack, self.parent, edit, self.keep_on)
        self.importer.ask_to_resize = lambda question: self.asked.append(question) or Button.Yes

    def keep_on(self, what: str) -> bool:
        """Asked to stop training to ``what``: the person says no."""
        self.asked.append(what)
        return False


@pytest.fixture
def imports(qtbot, monkeypatch):
    return Imports(qtbot, monkeypatch)


#: Three inputs, one value to fit: the 2-4-1 network needs another input.
THREE_INPUTS = make_dataset(
    "three", "Three inputs and a sum.", [[1, 2, 3], [2, 3, 4], [3, 4, 5]], [[6.0], [9.0], [12.0]],
    task="regression", feature_names=("a", "b", "c"),
)  # fmt: skip


def test_use_data_resizes_the_input_layer_and_one_undo_puts_both_back(imports):
    session = imports.session
    assert imports.importer.use_data(THREE_INPUTS)
    assert "The data has 3 inputs and 1 output; the network has 2 inputs" in imports.asked[0]
    assert session.document.layer_sizes == (3, 4, 1) and session.settings["dataset"] == "custom"
    assert session.data.feature_names == ("a", "b", "c") and session.problem is None
    assert imports.said[-1] == "Training data: Three inputs and a sum."
    assert imports.stack.count() == 1 and imports.stack.undoText() == "Import three"
    imports.stack.undo()
    assert session.document.layer_sizes == (2, 4, 1) and session.settings["dataset"] == "xor"
    assert session.settings.custom_data is None
    assert session.catch_up() and session.data.n_features == 2  # (the window's undo asks too)


def test_data_that_fits_changes_no_layer_and_asks_nothing(imports):
    fits = make_dataset("two", "Two inputs.", [[0, 1], [1, 0]], [0, 1])
    assert imports.importer.use_data(fits)
    assert imports.asked == [] and imports.session.document.layer_sizes == (2, 4, 1)
    assert imports.session.data.n_samples == 2


def test_a_frozen_network_refuses_data_that_needs_resizing(imports):
    imports.session.set_classroom(Classroom(network_frozen=True))
    assert not imports.importer.use_data(THREE_INPUTS)
    assert "The data does not fit the network" in imports.warned[-1] == imports.said[-1]
    assert imports.stack.count() == 0 and imports.session.document.layer_sizes == (2, 4, 1)


def test_fixed_data_refuses_an_import_before_reading_the_file(imports, tmp_path):
    imports.session.set_classroom(Classroom(frozen=frozenset({"dataset"})))
    path = tmp_path / "mine.csv"
    path.write_text("a,b,t\n1,2,0\n3,4,1\n")
    assert not imports.importer.import_file(path)
    assert imports.importer.dialog is None and imports.warned == [FIXED] == imports.said
    assert imports.session.settings["dataset"] == "xor"


def test_training_that_will_not_stop_keeps_the_data(imports):
    session = imports.session
    assert session.start_run(max_epochs=5)  # a run holds the network until it ends
    assert not imports.importer.use_data(THREE_INPUTS)
    assert imports.asked == ["use the new data"] and session.settings["dataset"] == "xor"
    session.end_run_now("stopped")


def test_a_hopfield_memory_takes_no_data(imports, tmp_path):
    imports.session.replace(Session.new_hopfield(5).document)
    assert not imports.importer.import_file(tmp_path / "never_read.csv")
    assert imports.warned[-1].startswith("A Hopfield memory stores patterns, not a data set")


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def open_import(window, choose, path):
    choose(path)
    window.importer.action.trigger()
    return window.importer.dialog


def test_import_through_the_dialog_trains_on_the_file(window, choose, qtbot, bugs_csv):
    asked = []
    window.importer.ask_to_resize = lambda question: asked.append(question) or Button.Yes
    dialog = open_import(window, choose, bugs_csv)
    assert dialog.isVisible()
    assert dialog.roles() == ["input", "input", "target"]
    assert "4 samples, 2 inputs, 2 classes" in dialog.summary.text()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert not asked  # XOR's 2-4-1 network fits 2 inputs and 2 classes
    assert window.settings["dataset"] == "custom"
    data = window.session.data
    assert data.class_names == ("ladybird", "caterpillar")
    np.testing.assert_array_equal(data.X[:, 0], [3.0, 1.0, 2.8, 0.9])
    window.training_actions["step"].trigger()
    assert window.session.history.count == 1
    window.undo_stack.undo()
    assert window.settings["dataset"] == "xor" and window.session.data.name == "xor"


def test_a_changed_role_is_used_and_the_network_is_resized_after_asking(
    window, choose, qtbot, tmp_path
):
    path = tmp_path / "three.csv"
    path.write_text("a,b,c,t\n1,2,3,0.5\n2,3,4,1.5\n3,4,5,2.5\n")
    asked = []
    window.importer.ask_to_resize = lambda question: asked.append(question) or Button.Yes
    dialog = open_import(window, choose, path)
    dialog.role_box(1).setCurrentText("ignore")
    assert "2 inputs, 1 target" in dialog.summary.text()
    ok_button(dialog).click()
    assert asked == []  # 2 inputs and 1 target fit the 2-4-1 network
    assert window.session.data.feature_names == ("a", "c")
    assert window.session.data.task == "regression"

    dialog = open_import(window, choose, path)  # now all three are inputs
    ok_button(dialog).click()
    assert "The data has 3 inputs and 1 output; the network has 2 inputs" in asked[-1]
    assert window.document.layer_sizes == (3, 4, 1)
    assert window.session.problem is None
    window.undo_stack.undo()  # one step: the data and the resize together
    assert window.document.layer_sizes == (2, 4, 1)
    assert window.session.data.feature_names == ("a", "c")


def test_refusing_the_resize_keeps_data_and_network(window, choose, tmp_path):
    path = tmp_path / "iris_like.csv"
    path.write_text("a,b,c,s\n1,2,3,x\n2,3,4,y\n3,4,5,z\n")
    window.importer.ask_to_resize = lambda question: Button.No
    ok_button(open_import(window, choose, path)).click()
    assert window.document.layer_sizes == (2, 4, 1)
    assert window.settings["dataset"] == "xor"
    assert window.undo_stack.count() == 0


def test_a_ragged_file_is_named_in_the_dialog_and_cannot_be_accepted(window, choose, tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("a,b,t\n1,2,0\n3,4\n5,6,1\n")
    dialog = open_import(window, choose, path)
    assert "Row 3 has 2 cells, but the header has 3" in dialog.summary.text()
    assert not ok_button(dialog).isEnabled()
    dialog.reject()
    assert window.settings["dataset"] == "xor" and window.undo_stack.count() == 0


def test_text_in_an_input_is_named_and_ignoring_the_column_mends_it(window, choose, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text("a,b,t\n1,2,0\n3,oops,1\n5,6,1\n")
    dialog = open_import(window, choose, path)
    dialog.set_roles(["input", "input", "target"])
    assert "Row 3, column 2 (b) holds 'oops'" in dialog.summary.text()
    assert not ok_button(dialog).isEnabled()
    dialog.role_box(1).setCurrentText("ignore")
    assert ok_button(dialog).isEnabled()


def test_changing_the_delimiter_splits_the_file_again(window, choose, tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("a;b;t\n1,5;2;0\n3;4;1\n")
    dialog = open_import(window, choose, path)
    assert dialog.table.delimiter == ";"
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(","))
    assert dialog.table is None  # split on commas the rows differ in length
    assert "Row 2 has 2 cells" in dialog.summary.text()


def test_an_unreadable_file_says_why_and_changes_nothing(window, choose, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    path = tmp_path / "picture.csv"
    path.write_bytes(b"\x89PNG\r\n\0\0")
    choose(path)
    window.importer.action.trigger()
    assert window.importer.dialog is None
    assert warnings == ["picture.csv is not a text file, so not a CSV table."]
    assert window.settings["dataset"] == "xor"


def test_imported_data_is_saved_in_the_project_and_comes_back(window, choose, tmp_path, bugs_csv):
    ok_button(open_import(window, choose, bugs_csv)).click()
    window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()
    choose(tmp_path / "bugs.nnsim")
    window.files.save_action.trigger()
    window.new_actions["mlp"].trigger()
    assert window.settings.custom_data is None  # New starts afresh; the project holds the data
    assert window.settings["dataset"] == "xor"
    choose(tmp_path / "bugs.nnsim")
    window.files.open_action.trigger()
    data = window.session.data
    assert data.class_names == ("ladybird", "caterpillar")
    np.testing.assert_array_equal(data.X, [[3.0, 1.0], [1.0, 3.0], [2.8, 1.2], [0.9, 2.9]])
    assert window.session.history.count == 1
