"""The import dialog keeps what a person chose (issue 14, section 6).

Ticking "The first row names the columns" used to throw every column's role
back to nnsim's guess; a decimal-comma file could not be imported at all.
"""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from nnsim.gui.data.import_dialog import CsvImportDialog

BUGS = "width,length,colour,bug\n3.0,1.0,1,ladybird\n1.0,3.0,2,caterpillar\n2.8,1.2,1,ladybird\n"
EUROPEAN = "Größe;Masse;Art\n1,52;48,5;a\n1,60;55;a\n1,83;80,25;b\n1,91;92,0;b\n"


def tick(qtbot, box):
    """Click a check box's square."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def dialog_on(qtbot, text):
    dialog = CsvImportDialog(text, "t")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def pick(qtbot, dialog, column, role):
    """Choose a role in a column's box with the keyboard, as a person would."""
    box = dialog.role_box(column)
    box.setFocus()
    while box.currentText() != role:
        qtbot.keyClick(box, Qt.Key.Key_Down)


def test_the_header_box_keeps_the_roles_a_person_chose(qtbot):
    dialog = dialog_on(qtbot, BUGS)
    assert dialog.header.isChecked()
    dialog.set_roles(["input", "ignore", "input", "target"])
    tick(qtbot, dialog.header)  # off: the names become a row
    assert not dialog.header.isChecked()
    assert dialog.roles() == ["input", "ignore", "input", "target"]
    assert "Row 1, column 1" in dialog.summary.text(), "the names are not numbers: said so"
    tick(qtbot, dialog.header)  # on again
    assert dialog.roles() == ["input", "ignore", "input", "target"]
    assert dialog.dataset is not None and dialog.dataset.n_features == 2


def test_unticking_the_header_keeps_the_guessed_roles_too(qtbot):
    dialog = dialog_on(qtbot, BUGS)
    guessed = dialog.roles()
    tick(qtbot, dialog.header)
    assert dialog.roles() == guessed


def test_a_role_picked_in_its_box_stays_when_the_decimal_separator_changes(qtbot):
    dialog = dialog_on(qtbot, EUROPEAN)
    assert dialog.delimiter.currentData() == ";" and dialog.decimal.currentData() == ","
    assert dialog.roles() == ["input", "input", "target"]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.dataset.X[0].tolist() == [1.52, 48.5]
    pick(qtbot, dialog, 1, "ignore")
    dialog.decimal.setCurrentIndex(dialog.decimal.findData("."))  # a point: 1,52 is no number
    assert dialog.roles()[1] == "ignore", "the person's pick stays"
    assert not ok.isEnabled(), "with a decimal point, 1,52 is text: no input is left"
    dialog.decimal.setCurrentIndex(dialog.decimal.findData(","))
    assert ok.isEnabled() and dialog.dataset.n_features == 1
