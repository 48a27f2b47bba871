"""The import preview gives a role chooser to the first columns and the last, not to every one.

One combo box per column made 10,000 columns take 12 s (1,000,000 ran past
2 minutes); the columns not shown keep their guessed roles, and a line says so.
"""

import time

from nnsim.gui.data.import_dialog import PREVIEW_COLUMNS, CsvImportDialog


def wide_csv(columns: int, rows: int = 4) -> str:
    header = ",".join([*(f"x{k}" for k in range(columns - 2)), "name", "label"])
    lines = [",".join([*(str(k + r) for k in range(columns - 2)), f"n{r}", "ab"[r % 2]])
             for r in range(rows)]  # fmt: skip
    return "\n".join([header, *lines])


def test_10000_columns_show_the_first_and_the_last_quickly(qtbot):
    started = time.perf_counter()
    dialog = CsvImportDialog(wide_csv(10_000), "wide")
    qtbot.addWidget(dialog)
    assert time.perf_counter() - started < 4
    assert dialog.preview.columnCount() == PREVIEW_COLUMNS
    roles = dialog.roles()
    assert len(roles) == 10_000
    assert roles[-1] == "target" and roles[-2] == "ignore" and roles.count("input") == 9_998
    last = dialog.preview.horizontalHeaderItem(PREVIEW_COLUMNS - 1).text()
    assert last == "label" and dialog.role_box(9_999).currentText() == "target"
    assert dialog.role_box(PREVIEW_COLUMNS) is None
    note = dialog.more_columns.text()
    assert f"{PREVIEW_COLUMNS} of 10,000 columns" in note and "9,800 others" in note
    assert "9,799 inputs, 1 ignored" in note  # x199 to x9997, and the names
    assert dialog.dataset is not None and dialog.dataset.n_features == 9_998


def test_roles_of_columns_not_shown_can_still_be_set(qtbot):
    dialog = CsvImportDialog(wide_csv(300), "wide")
    qtbot.addWidget(dialog)
    roles = dialog.roles()
    roles[250] = "ignore"
    roles[0] = "ignore"
    dialog.set_roles(roles)
    assert dialog.roles() == roles
    assert dialog.dataset.n_features == 300 - 2 - 2


def test_a_narrow_file_shows_every_column_and_no_note(qtbot):
    dialog = CsvImportDialog(wide_csv(5), "narrow")
    qtbot.addWidget(dialog)
    assert dialog.preview.columnCount() == 5
    assert dialog.more_columns.isHidden()
