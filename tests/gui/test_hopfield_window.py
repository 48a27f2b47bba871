"""The Hopfield workspace in the main window: opened, saved, placed in its docks, and
wired to the window's session.  (The workspace alone: test_hopfield_workspace.py.)"""

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from nnsim.io.project import Project, save_project
from nnsim.model import new_hopfield
from nnsim.model.settings import Settings


@pytest.fixture
def hopfield(window):
    """The window on a new, empty 10 x 10 Hopfield memory."""
    window.ask_grid_size = lambda: (10, 10)
    window.new_actions["hopfield"].trigger()
    assert window.is_hopfield and window.middle.currentWidget() is window.hopfield.widget
    return window


def test_a_hopfield_project_saves_and_opens_with_its_memory(hopfield, choose, tmp_path):
    memory = hopfield.hopfield.memory
    assert memory is hopfield.session.memory
    memory.paint(range(10), +1)
    memory.add_current("bar")
    memory.store("storkey")
    choose(tmp_path / "memory.nnsim")
    hopfield.files.save_action.trigger()
    hopfield.new_actions["mlp"].trigger()
    assert not hopfield.is_hopfield and hopfield.parameters_dock.isVisible()
    hopfield.files.open(tmp_path / "memory.nnsim")
    again = hopfield.hopfield.memory
    assert again is hopfield.session.memory
    assert again.stored_names == ("bar",) and again.rule == "storkey"
    np.testing.assert_array_equal(again.network.weights, memory.network.weights)
    assert hopfield.patterns_dock.isVisible() and not hopfield.parameters_dock.isVisible()
    assert hopfield.editor.view.scene().items() == []  # the hidden editor draws no grid


def test_a_grid_too_small_to_draw_is_refused_and_the_open_network_stays(
    window, tmp_path, monkeypatch
):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    save_project(tmp_path / "tiny.nnsim", Project(new_hopfield(3, 3), Settings().values()))
    assert not window.files.open(tmp_path / "tiny.nnsim")
    assert "5 to 128 rows and columns" in said[0]
    assert window.document.layer_sizes == (2, 4, 1)


def test_each_kind_keeps_its_docks_and_a_layout_saved_beside_a_memory_reopens_well(
    make_window,
):
    window = make_window()
    window.data_dock.hide()  # the person closes a training dock
    window.ask_grid_size = lambda: (10, 10)
    window.new_actions["hopfield"].trigger()
    assert [d.isVisible() for d in window.hopfield_docks()] == [True, True]
    assert not any(d.isVisible() for d in window.docks())
    window.recall_dock.hide()
    window.new_actions["mlp"].trigger()
    assert window.parameters_dock.isVisible() and not window.data_dock.isVisible()
    window.new_actions["hopfield"].trigger()
    assert window.patterns_dock.isVisible() and not window.recall_dock.isVisible()
    window.close()  # closed beside the memory

    again = make_window()
    assert again.parameters_dock.isVisible() and again.plots_dock.isVisible()
    assert not again.data_dock.isVisible()  # as the person left it
    assert not any(d.isVisible() for d in again.hopfield_docks())
    again.reset_layout_action.trigger()
    assert all(d.isVisible() for d in again.docks())


def test_opening_another_memory_during_a_recall_leaves_it_ready(hopfield, qtbot):
    workspace = hopfield.hopfield
    memory = workspace.memory
    rng = np.random.default_rng(4)
    memory.add_patterns([(f"p{k}", rng.choice([-1.0, 1.0], 100)) for k in range(3)])
    memory.store("hebb")
    memory.corrupt(0.3, rng)
    workspace.speed.setCurrentIndex(workspace.speed.findData("3"))
    workspace.step()
    hopfield.new_actions["hopfield"].trigger()
    assert workspace.memory is hopfield.session.memory and workspace.memory is not memory
    assert workspace.recall.state == "ready" and workspace.grid.highlighted is None
    assert workspace.run_button.isEnabled() and workspace.grid.painting_enabled
