"""The BAM mode of the Hopfield workspace, driven as a person would: store, corrupt, recall."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QPushButton, QTabWidget

from nnsim.gui.hopfield.bam import BAMPanel
from nnsim.gui.project import exporting
from nnsim.model.bam import STARTER_PAIRS, cells_from_text
from nnsim.model.session import Session

LETTER = {name: cells_from_text(x) for name, x, _ in STARTER_PAIRS}
CODE = {name: cells_from_text(y) for name, _, y in STARTER_PAIRS}


@pytest.fixture
def panel(make_workspace):
    workspace = make_workspace(10, (1000, 650))
    tabs = workspace.widget
    assert isinstance(tabs, QTabWidget) and tabs.objectName() == "hopfieldModes"
    assert tabs.widget(1) is workspace.bam
    tabs.setCurrentIndex(1)
    return workspace.bam


def click(panel, name):
    panel.findChild(QPushButton, name).click()


def test_a_corrupted_letter_comes_back_with_its_code_step_by_step(panel):
    assert [panel.pair_list.item(k).text() for k in range(3)] == ["T", "X", "O"]
    click(panel, "bamStore")
    assert panel.memory.stored_names == ("T", "X", "O")
    panel.show_pair(1)
    panel.rng = np.random.default_rng(2)
    panel.side.setCurrentIndex(panel.side.findData("x"))
    panel.noise.setValue(20)
    click(panel, "bamCorrupt")
    probe = panel.memory.state
    assert np.sum(probe[:35] != LETTER["X"]) == 7 and np.array_equal(probe[35:], CODE["X"])
    expected = panel.memory.network.recall(probe, start="y")
    while True:
        click(panel, "bamStep")
        if panel.process is None:
            break
    np.testing.assert_array_equal(panel.memory.state, np.concatenate([LETTER["X"], CODE["X"]]))
    energies = panel.plots.energy_curve.getData()[1]
    np.testing.assert_array_equal(energies, expected.energies)
    assert np.all(np.diff(energies) <= 0)
    assert (
        panel.plots.overlaps[-1][1] == 1.0
        and abs(panel.plots.overlaps[0][1] - (21 + 25) / 60) < 1e-12
    )
    assert (
        "'X'" in panel.outcome.text() and f"{expected.updates} half-steps" in panel.outcome.text()
    )
    assert panel.undo_stack.undoText() == "Recall"
    panel.undo_stack.undo()
    np.testing.assert_array_equal(panel.memory.state, probe)
    panel.undo_stack.undo()  # the corruption
    np.testing.assert_array_equal(panel.memory.state[:35], LETTER["X"])


def test_a_code_alone_calls_up_its_letter(panel, qtbot):
    click(panel, "bamStore")
    panel.memory.grids["x"].clear()
    panel.memory.grids["y"].set_current(CODE["O"])
    panel.timer.setInterval(1)
    click(panel, "bamRecallFromY")
    assert panel.process is not None and not panel.grids["x"].painting_enabled
    qtbot.waitUntil(lambda: panel.process is None, timeout=5000)
    np.testing.assert_array_equal(panel.memory.grids["x"].current, LETTER["O"])
    assert panel.grids["x"].painting_enabled


def test_painting_adding_and_removing_pairs_are_undo_steps(panel, qtbot):
    grid = panel.grids["y"]
    np.testing.assert_array_equal(panel.memory.state, np.concatenate([LETTER["T"], CODE["T"]]))
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_centre(7))  # a white stripe
    assert panel.memory.grids["y"].current[7] == 1.0
    assert panel.undo_stack.undoText() == "Paint"
    click(panel, "bamAddPair")
    assert panel.pair_list.count() == 4 and panel.pair_list.item(3).text() == "pair 1"
    panel.pair_list.setCurrentRow(0)
    click(panel, "bamRemovePair")
    assert [panel.pair_list.item(k).text() for k in range(3)] == ["X", "O", "pair 1"]
    panel.undo_stack.undo()
    panel.undo_stack.undo()
    assert panel.pair_list.count() == 3 and panel.pair_list.item(0).text() == "T"
    panel.undo_stack.undo()
    assert panel.memory.grids["y"].current[7] == -1.0


def test_recall_with_nothing_stored_says_so(panel):
    said = []
    panel.session.events.message.connect(said.append)
    click(panel, "bamRecallFromX")
    assert panel.process is None and said == ["Nothing is stored yet: add pairs and press Store."]


def test_the_panel_stands_alone(qtbot):
    panel = BAMPanel(Session(), QUndoStack())
    qtbot.addWidget(panel)
    assert panel.findChild(object, "bamEnergyPlot") is panel.plots.energy_widget


def test_the_grids_and_plots_save_their_numbers(panel, tmp_path, monkeypatch):
    saved = tmp_path / "code.csv"
    monkeypatch.setattr(exporting.QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    csv_action = panel.grids["y"].menu_actions[-1]
    csv_action.trigger()
    rows = saved.read_text().splitlines()
    assert rows[0].startswith("row,column 1") and len(rows) == 6
    assert rows[1] == "1,1,1,1,1,1" and rows[2] == "2,-1,-1,-1,-1,-1"  # T's code: stripes
