"""The Hopfield workspace follows its session: the memory it edits, what it says, and
the recall the session stops before it replaces the memory.  No main window is built."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from nnsim.model import new_hopfield, new_mlp
from nnsim.model.memory import PatternMemory

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def workspace(make_workspace):
    """The workspace of ``Session.new_hopfield(8)``, on screen; the session's words in ``said``."""
    workspace = make_workspace(8, (600, 700))
    workspace.said, workspace.withdrawn = [], []
    workspace.session.events.message.connect(workspace.said.append)
    workspace.session.events.message_withdrawn.connect(workspace.withdrawn.append)
    return workspace


def stroke(qtbot, grid, first, last):
    """Paint black from cell ``first`` to cell ``last`` (and the cells between) in one drag."""
    qtbot.mousePress(grid, LEFT, pos=grid.cell_centre(first))
    qtbot.mouseMove(grid, grid.cell_centre(last))
    qtbot.mouseRelease(grid, LEFT, pos=grid.cell_centre(last))


def click(qtbot, workspace, name):
    qtbot.mouseClick(workspace.widget.findChild(QPushButton, name), LEFT)


def recall_fast(qtbot, workspace):
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    click(qtbot, workspace, "runRecallButton")
    qtbot.waitUntil(lambda: workspace.recall.state == "finished", timeout=10_000)


def test_drawn_patterns_are_stored_in_the_sessions_memory_undone_and_recalled(workspace, qtbot):
    memory, library, stack = workspace.session.memory, workspace.library, workspace.undo_stack
    left = np.repeat([[1.0] * 4 + [-1.0] * 4], 8, axis=0).ravel()  # the left half black
    top = np.array([1.0] * 32 + [-1.0] * 32)  # the top half: orthogonal to the left
    for column in range(4):
        stroke(qtbot, workspace.grid, column, 7 * 8 + column)
    np.testing.assert_array_equal(memory.current, left)
    qtbot.mouseClick(library.buttons["add"], LEFT)
    click(qtbot, workspace, "clearButton")
    for row in range(4):
        stroke(qtbot, workspace.grid, row * 8, row * 8 + 7)
    qtbot.mouseClick(library.buttons["add"], LEFT)
    qtbot.mouseClick(library.buttons["store"], LEFT)  # Hebb: w = (1/N) sum of xi xi^T, w_ii = 0
    patterns = np.array([left, top])
    hebb = patterns.T @ patterns / 64
    np.fill_diagonal(hebb, 0.0)
    assert memory.stored_names == ("pattern 1", "pattern 2") and memory.rule == "hebb"
    np.testing.assert_allclose(memory.network.weights, hebb, atol=1e-15)
    steps = [stack.text(k) for k in range(stack.count())]  # a stroke is one step
    assert steps == ["Paint"] * 4 + ["Add pattern", "Clear"] + ["Paint"] * 4 + [
        "Add pattern", "Store (Hebb)"]  # fmt: skip

    stack.undo()  # the Store
    assert memory.stored_names == () and not memory.network.weights.any()
    stack.redo()
    np.testing.assert_allclose(memory.network.weights, hebb, atol=1e-15)

    library.patterns.setCurrentRow(0)
    qtbot.mouseClick(library.buttons["show"], LEFT)
    workspace.rng = np.random.default_rng(0)
    workspace.corrupt_slider.setValue(10)
    click(qtbot, workspace, "corruptButton")
    assert np.count_nonzero(memory.current != left) == 6
    recall_fast(qtbot, workspace)
    np.testing.assert_array_equal(memory.current, left)
    verdict = "Converged to the stored pattern 'pattern 1'."
    assert workspace.outcome.text() == verdict and workspace.said[-1] == verdict
    stack.undo()  # the recall: the corrupted pattern is back, and the verdict goes
    assert np.count_nonzero(memory.current != left) == 6
    assert workspace.outcome.text() == "" and workspace.withdrawn == [verdict]


def test_the_workspace_says_why_it_cannot_recall_or_store(workspace, qtbot):
    click(qtbot, workspace, "runRecallButton")
    assert workspace.said == ["Nothing is stored yet: add patterns and press Store."]
    assert workspace.recall.state == "ready"
    workspace.library.store()  # (its button is off while the library is empty)
    assert workspace.said[-1] == "The library is empty: add the pattern you drew first."
    assert workspace.undo_stack.count() == 0


def test_another_hopfield_document_shows_its_grid_library_and_weights(workspace, qtbot):
    old = workspace.session.memory
    memory = PatternMemory(12, 12)
    rng = np.random.default_rng(1)
    memory.add_patterns([(f"p{k}", rng.choice([-1.0, 1.0], 144)) for k in range(3)])
    memory.store("storkey")
    workspace.session.replace(new_hopfield(12, 12), memory)
    assert workspace.memory is memory and workspace.grid.memory is memory
    assert workspace.library.patterns.count() == 3
    assert workspace.library.rule.currentData() == "storkey"
    np.testing.assert_array_equal(workspace.weights.image.image, memory.network.weights)
    assert workspace.grid.cell_at(workspace.grid.cell_centre(143)) == 143
    click(qtbot, workspace, "invertButton")  # an edit goes to the new memory
    assert np.all(memory.current > 0) and np.all(old.current < 0)
    workspace.session.replace(new_mlp((2, 2, 1)))  # nothing to show: the grid stays
    assert workspace.memory is memory


def test_replacing_the_document_during_a_recall_stops_the_recall_thread_first(workspace, qtbot):
    memory = workspace.memory
    rng = np.random.default_rng(2)
    memory.add_patterns([(f"p{k}", rng.choice([-1.0, 1.0], 64)) for k in range(2)])
    memory.store()
    memory.set_current(rng.choice([-1.0, 1.0], 64))
    workspace.speed.setCurrentIndex(workspace.speed.findData("3"))  # 3 updates a second
    workspace.run()
    pace, steps = workspace.recall._pace, workspace.undo_stack.count()
    assert workspace.recall.state == "running" and not pace.ended.is_set()
    seen = []  # when the new document arrives: had the worker ended, was a recall left?
    workspace.session.events.document_replaced.connect(
        lambda: seen.append((pace.ended.is_set(), workspace.recall.busy))
    )
    shown = memory.current.copy()
    workspace.session.replace(new_mlp((2, 2, 1)))
    assert seen == [(True, False)]
    assert workspace.recall.state == "ready" and workspace.run_button.isEnabled()
    qtbot.wait(50)  # frames still queued are dropped: the old grid stays as it was
    np.testing.assert_array_equal(memory.current, shown)
    assert workspace.undo_stack.count() == steps and workspace.outcome.text() == ""
