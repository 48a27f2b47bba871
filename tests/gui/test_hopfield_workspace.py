"""The Hopfield workspace driven as a person would: paint, store, corrupt, recall, undo."""

import os
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from nnsim.model import new_hopfield
from nnsim.model.memory import CAPACITY_LOADS

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton


@pytest.fixture
def hopfield(window):
    """The window on a new, empty 10 x 10 Hopfield memory."""
    window.ask_grid_size = lambda: (10, 10)
    window.new_actions["hopfield"].trigger()
    assert window.is_hopfield and window.middle.currentWidget() is window.hopfield.widget
    return window


def drag(qtbot, grid, cells, button=LEFT):
    """Press on the first cell, move through the others, release on the last."""
    points = [grid.cell_centre(cell) for cell in cells]
    qtbot.mousePress(grid, button, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(grid, point)
    qtbot.mouseRelease(grid, button, pos=points[-1])


def row_cells(row, first, last):
    return [row * 10 + column for column in range(first, last + 1)]


def column_cells(column, first, last):
    return [row * 10 + column for row in range(first, last + 1)]


def paint_t(qtbot, grid):
    drag(qtbot, grid, [11, 18])  # the bar: row 1, columns 1-8 (cells between filled in)
    drag(qtbot, grid, [14, 84])  # the stem: column 4, rows 1-8


def paint_l(qtbot, grid):
    drag(qtbot, grid, [12, 82])
    drag(qtbot, grid, [82, 87])


def wait_for_recall(qtbot, workspace, timeout=10_000):
    qtbot.waitUntil(lambda: workspace.recall.state == "finished", timeout=timeout)


def test_paint_two_letters_store_corrupt_and_recall_the_right_one(hopfield, qtbot):
    workspace = hopfield.hopfield
    grid = workspace.grid
    paint_t(qtbot, grid)
    t = workspace.memory.current.copy()
    assert set(np.flatnonzero(t > 0)) == set(row_cells(1, 1, 8)) | set(column_cells(4, 1, 8))
    qtbot.mouseClick(workspace.library.buttons["add"], LEFT)
    qtbot.mouseClick(workspace.widget.findChild(type(workspace.run_button), "clearButton"), LEFT)
    paint_l(qtbot, grid)
    qtbot.mouseClick(workspace.library.buttons["add"], LEFT)
    qtbot.mouseClick(workspace.library.buttons["store"], LEFT)  # Hebb
    assert workspace.memory.stored_names == ("pattern 1", "pattern 2")

    workspace.library.patterns.setCurrentRow(0)
    qtbot.mouseClick(workspace.library.buttons["show"], LEFT)
    workspace.rng = np.random.default_rng(5)
    workspace.corrupt_slider.setValue(20)
    qtbot.mouseClick(workspace.widget.findChild(type(workspace.run_button), "corruptButton"), LEFT)
    assert np.count_nonzero(workspace.memory.current != t) == 20
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    qtbot.mouseClick(workspace.run_button, LEFT)
    wait_for_recall(qtbot, workspace)
    np.testing.assert_array_equal(workspace.memory.current, t)
    assert workspace.outcome.text() == "Converged to the stored pattern 'pattern 1'."
    energies = np.concatenate(workspace.plots.energies)
    assert np.all(np.diff(energies) <= 1e-12) and energies[-1] < energies[0]
    assert workspace.plots.overlaps[-1][0] == 1.0

    hopfield.undo_stack.undo()  # the recall: the corrupted T is back
    assert np.count_nonzero(workspace.memory.current != t) == 20


def test_the_inverse_and_a_spurious_mixture_are_named(hopfield, qtbot):
    workspace = hopfield.hopfield
    rng = np.random.default_rng(0)
    patterns = rng.choice([-1.0, 1.0], size=(3, 100))
    memory = workspace.memory
    memory.add_patterns([(name, p) for name, p in zip("xyz", patterns, strict=True)])
    memory.store("hebb")
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    probe = -patterns[1].copy()
    probe[:5] *= -1
    memory.set_current(probe)
    workspace.run()
    wait_for_recall(qtbot, workspace)
    assert workspace.outcome.text().startswith("Converged to the inverse of 'y'")
    memory.set_current(np.where(patterns.sum(axis=0) > 0, 1.0, -1.0))  # the 3-pattern mixture
    workspace.run()
    wait_for_recall(qtbot, workspace)
    assert workspace.outcome.text().startswith("Converged to a spurious state")


def test_synchronous_recall_can_end_in_a_two_cycle(hopfield, qtbot):
    workspace = hopfield.hopfield
    memory = workspace.memory
    stripes = np.tile([1.0, -1.0], 50)
    memory.add_patterns([("stripes", stripes), ("black", np.ones(100))])
    memory.store("hebb")
    found = False
    rng = np.random.default_rng(1)
    workspace.mode.setCurrentText("Synchronous")
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    for _ in range(20):  # random probes until one cycles (most do, on these two)
        memory.set_current(rng.choice([-1.0, 1.0], 100))
        workspace.run()
        wait_for_recall(qtbot, workspace)
        if "2-cycle" in workspace.outcome.text():
            found = True
            break
    assert found


def test_step_updates_one_neuron_and_highlights_it(hopfield):
    workspace = hopfield.hopfield
    memory = workspace.memory
    memory.paint(range(0, 100, 3), +1)
    memory.add_current()
    memory.store()
    workspace.mode.setCurrentText("Asynchronous, fixed order")
    workspace.step()
    assert workspace.recall.process.updates == 1
    assert workspace.grid.highlighted == 0
    workspace.step()
    assert workspace.grid.highlighted == 1 and workspace.recall.state == "paused"
    workspace.recall.stop()
    assert workspace.recall.state == "finished" and workspace.grid.highlighted is None


def test_a_stroke_is_one_undo_step_and_a_fast_one_leaves_no_gap(window, qtbot):
    window.ask_grid_size = lambda: (64, 64)
    window.new_actions["hopfield"].trigger()
    grid = window.hopfield.grid
    window.resize(1280, 800)
    QApplication.processEvents()
    drag(qtbot, grid, [0, 63 * 64 + 63])  # corner to corner in one jump
    diagonal = [k * 64 + k for k in range(64)]
    assert np.all(window.hopfield.memory.current[diagonal] > 0)
    assert window.undo_stack.count() == 1
    drag(qtbot, grid, [0, 63 * 64 + 63], RIGHT)  # the right button paints white
    assert not np.any(window.hopfield.memory.current > 0)
    window.undo_stack.undo()
    assert np.all(window.hopfield.memory.current[diagonal] > 0)


def test_recall_on_64_by_64_at_full_speed_is_well_under_a_second(window, qtbot):
    window.ask_grid_size = lambda: (64, 64)
    window.new_actions["hopfield"].trigger()
    workspace = window.hopfield
    memory = workspace.memory
    rng = np.random.default_rng(2)
    memory.add_patterns([(f"p{k}", rng.choice([-1.0, 1.0], 4096)) for k in range(10)])
    memory.store()
    memory.set_current(memory.library[3].cells)
    memory.corrupt(0.2, rng)
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    start = time.perf_counter()
    workspace.run()
    wait_for_recall(qtbot, workspace)
    elapsed = time.perf_counter() - start
    np.testing.assert_array_equal(memory.current, memory.library[3].cells)
    assert elapsed < 0.5, f"64 x 64 recall took {elapsed:.2f} s"


def test_an_image_that_cannot_be_read_says_so(hopfield, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    bad = tmp_path / "cat.png"
    bad.write_bytes(b"not a png")
    assert not hopfield.hopfield.load_image(bad)
    assert said == ["cat.png could not be read as an image (PNG, JPEG, BMP or GIF)."]
    assert hopfield.hopfield.memory.library == []


def test_a_pipe_named_like_an_image_is_refused_without_waiting(hopfield, tmp_path, monkeypatch):
    """QImage(path) waited for ever for a writer on a FIFO named x.png."""
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    pipe = tmp_path / "x.png"
    os.mkfifo(pipe)
    unblock = threading.Timer(5.0, lambda: open(pipe, "wb").close())  # a writer, if it waits
    unblock.start()
    start = time.perf_counter()
    loaded = hopfield.hopfield.load_image(pipe)
    waited = time.perf_counter() - start
    unblock.cancel()
    assert not loaded and waited < 4.0, f"waited {waited:.1f} s for a writer"
    assert said and "not a regular file" in said[0]
    assert hopfield.hopfield.memory.library == []


def test_a_readable_image_becomes_a_library_pattern(hopfield, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(100, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for y in range(100):
        for x in range(50):
            image.setPixelColor(x, y, QColor("black"))  # the left half black
    image.save(str(tmp_path / "half.png"))
    assert hopfield.hopfield.load_image(tmp_path / "half.png")
    (pattern,) = hopfield.hopfield.memory.library
    assert pattern.name == "half"
    grid = pattern.cells.reshape(10, 10)
    assert np.all(grid[:, :5] > 0) and np.all(grid[:, 5:] < 0)


def test_built_in_sets_load_only_on_their_grid(hopfield):
    library = hopfield.hopfield.library
    library.load_set("letters")
    assert len(hopfield.hopfield.memory.library) == 26
    menu = library.sets.menu()
    menu.aboutToShow.emit()
    enabled = {a.objectName(): a.isEnabled() for a in menu.actions() if a.objectName()}
    assert enabled == {"loadSet_letters": True, "loadSet_digits": True, "loadSet_shapes": False}


def test_a_hopfield_project_saves_and_opens_with_its_memory(hopfield, choose, tmp_path):
    memory = hopfield.hopfield.memory
    memory.paint(range(10), +1)
    memory.add_current("bar")
    memory.store("storkey")
    choose(tmp_path / "memory.nnsim")
    hopfield.files.save_action.trigger()
    hopfield.new_actions["mlp"].trigger()
    assert not hopfield.is_hopfield and hopfield.parameters_dock.isVisible()
    hopfield.files.open(tmp_path / "memory.nnsim")
    again = hopfield.hopfield.memory
    assert again.stored_names == ("bar",) and again.rule == "storkey"
    np.testing.assert_array_equal(again.network.weights, memory.network.weights)
    assert hopfield.patterns_dock.isVisible() and not hopfield.parameters_dock.isVisible()


def test_a_grid_too_small_to_draw_is_refused_and_the_open_network_stays(
    window, tmp_path, monkeypatch
):
    from nnsim.io.project import Project, save_project
    from nnsim.model.settings import Settings

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    save_project(tmp_path / "tiny.nnsim", Project(new_hopfield(3, 3), Settings().values()))
    assert not window.files.open(tmp_path / "tiny.nnsim")
    assert "5 to 64 rows and columns" in said[0]
    assert window.document.layer_sizes == (2, 4, 1)


def test_the_capacity_curve_falls_past_the_critical_load(hopfield, qtbot):
    dialog = hopfield.hopfield.open_capacity()
    assert dialog.isVisible() and dialog.n == 100
    dialog.trials.setValue(5)
    qtbot.mouseClick(dialog.start_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    loads = np.array(CAPACITY_LOADS)
    fractions = dialog.fractions
    assert dialog.progress.value() == dialog.progress.maximum() == 5 * len(loads)
    assert fractions[loads <= 0.06].min() >= 0.9
    assert fractions[loads >= 0.2].max() <= 0.5
    assert "falls to" in dialog.note.text()
    dialog.reject()


def test_cancel_stops_the_experiment_promptly(window, qtbot):
    window.ask_grid_size = lambda: (64, 64)
    window.new_actions["hopfield"].trigger()
    dialog = window.hopfield.open_capacity()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=60_000)
    start = time.perf_counter()
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert QThreadPool.globalInstance().waitForDone(5_000)
    stopped_after = time.perf_counter() - start
    assert not dialog.running and dialog.start_button.isEnabled()
    assert stopped_after < 2.0, f"cancel took {stopped_after:.2f} s"
    assert dialog.progress.value() < dialog.progress.maximum()


def test_weights_under_the_mouse_colour_the_grid_by_that_neurons_weights(hopfield, qtbot):
    workspace = hopfield.hopfield
    memory = workspace.memory
    memory.paint(range(0, 100, 2), +1)
    memory.add_current()
    memory.store()
    workspace.show_weights.setChecked(True)
    qtbot.mouseMove(workspace.grid, workspace.grid.cell_centre(7))
    np.testing.assert_array_equal(workspace.grid.weights, memory.network.weights[7])
    workspace.show_weights.setChecked(False)
    assert workspace.grid.weights is None


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


def stored_memory(workspace, rule="hebb"):
    """Three random 10 x 10 patterns stored; the grid shows the first, 30% flipped (undoable)."""
    memory = workspace.memory
    rng = np.random.default_rng(4)
    memory.add_patterns([(f"p{k}", rng.choice([-1.0, 1.0], 100)) for k in range(3)])
    memory.store(rule)
    memory.set_current(memory.library[0].cells)
    workspace.rng = rng
    workspace.corrupt_slider.setValue(30)
    workspace.corrupt()  # through the window: one undo step
    return memory


def test_pause_ends_the_worker_and_run_or_step_go_on_from_there(hopfield, qtbot):
    workspace = hopfield.hopfield
    stored_memory(workspace)
    workspace.speed.setCurrentIndex(workspace.speed.findData("30"))
    workspace.run()
    qtbot.wait(120)
    workspace.recall.pause()
    assert workspace.recall.state == "paused" and workspace.recall._pace is None
    made = workspace.recall.process.updates
    workspace.run()  # straight after the pause: goes on
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    wait_for_recall(qtbot, workspace)
    assert workspace.outcome.text().startswith("Converged")
    assert workspace.plots.frame_updates[-1] > made


def test_stepping_to_the_end_after_a_pause_leaves_run_working(hopfield, qtbot):
    workspace = hopfield.hopfield
    stored_memory(workspace)
    workspace.speed.setCurrentIndex(workspace.speed.findData("10"))
    workspace.run()
    workspace.recall.pause()
    while workspace.recall.state == "paused":
        workspace.step()
    assert workspace.recall.state == "finished"
    workspace.memory.corrupt(0.2, np.random.default_rng(0))
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    workspace.run()
    wait_for_recall(qtbot, workspace)
    assert workspace.outcome.text().startswith("Converged")


def test_undo_during_a_recall_stops_it_first_and_keeps_the_history(hopfield, qtbot):
    workspace = hopfield.hopfield
    stored_memory(workspace)
    workspace.speed.setCurrentIndex(workspace.speed.findData("3"))
    workspace.run()
    count = hopfield.undo_stack.count()
    hopfield.undo_stack.undo()  # undoes the corruption while recall runs
    assert not workspace.recall.busy and workspace.recall.state == "finished"
    assert hopfield.undo_stack.count() == count  # no Recall step pushed over the redo
    assert hopfield.undo_stack.canRedo()


def test_opening_another_memory_during_a_recall_leaves_it_ready(hopfield, qtbot):
    workspace = hopfield.hopfield
    stored_memory(workspace)
    workspace.speed.setCurrentIndex(workspace.speed.findData("3"))
    workspace.step()
    hopfield.new_actions["hopfield"].trigger()
    assert workspace.recall.state == "ready" and workspace.grid.highlighted is None
    assert workspace.run_button.isEnabled() and workspace.grid.painting_enabled


def test_painting_is_off_while_a_recall_is_paused(hopfield):
    workspace = hopfield.hopfield
    stored_memory(workspace)
    workspace.step()
    assert workspace.recall.state == "paused" and not workspace.grid.painting_enabled
    workspace.recall.stop()
    assert workspace.grid.painting_enabled


def test_the_chosen_rule_stays_chosen_while_the_library_changes(hopfield):
    library = hopfield.hopfield.library
    library.rule.setCurrentIndex(library.rule.findData("pseudoinverse"))
    library.add()
    assert library.rule.currentData() == "pseudoinverse"
    library.store()
    assert hopfield.hopfield.memory.rule == "pseudoinverse"


def test_a_transparent_picture_is_read_as_ink_on_white_paper(hopfield, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))  # transparent
    for y in range(40):
        for x in range(20, 28):
            image.setPixelColor(x, y, QColor("black"))
    image.save(str(tmp_path / "bar.png"))
    assert hopfield.hopfield.load_image(tmp_path / "bar.png")
    cells = hopfield.hopfield.memory.library[0].cells.reshape(10, 10)
    assert np.all(cells[:, 5:7] > 0) and np.all(cells[:, :4] < 0)
