"""The Hopfield workspace built from a session alone, driven as a person would: paint, store,
corrupt, recall, undo.  (How the window places and wires it: test_hopfield_window.py.)"""

import os
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox, QPushButton

from nnsim.model.memory import CAPACITY_LOADS

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton


@pytest.fixture
def workspace(make_workspace):
    """The workspace of a new, empty 10 x 10 memory."""
    return make_workspace(10)


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


def button(workspace, name):
    return workspace.widget.findChild(QPushButton, name)


def wait_for_recall(qtbot, workspace, timeout=10_000):
    qtbot.waitUntil(lambda: workspace.recall.state == "finished", timeout=timeout)


def test_paint_two_letters_store_corrupt_and_recall_the_right_one(workspace, qtbot):
    grid, memory = workspace.grid, workspace.session.memory
    assert workspace.memory is memory
    paint_t(qtbot, grid)
    t = memory.current.copy()
    assert set(np.flatnonzero(t > 0)) == set(row_cells(1, 1, 8)) | set(column_cells(4, 1, 8))
    qtbot.mouseClick(workspace.library.buttons["add"], LEFT)
    qtbot.mouseClick(button(workspace, "clearButton"), LEFT)
    paint_l(qtbot, grid)
    qtbot.mouseClick(workspace.library.buttons["add"], LEFT)
    qtbot.mouseClick(workspace.library.buttons["store"], LEFT)  # Hebb
    assert memory.stored_names == ("pattern 1", "pattern 2")

    workspace.library.patterns.setCurrentRow(0)
    qtbot.mouseClick(workspace.library.buttons["show"], LEFT)
    workspace.rng = np.random.default_rng(5)
    workspace.corrupt_slider.setValue(20)
    qtbot.mouseClick(button(workspace, "corruptButton"), LEFT)
    assert np.count_nonzero(memory.current != t) == 20
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    qtbot.mouseClick(workspace.run_button, LEFT)
    wait_for_recall(qtbot, workspace)
    np.testing.assert_array_equal(memory.current, t)
    assert workspace.outcome.text() == "Converged to the stored pattern 'pattern 1'."
    energies = np.concatenate(workspace.plots.energies)
    assert np.all(np.diff(energies) <= 1e-12) and energies[-1] < energies[0]
    assert workspace.plots.overlaps[-1][0] == 1.0

    workspace.undo_stack.undo()  # the recall: the corrupted T is back
    assert np.count_nonzero(memory.current != t) == 20


def test_the_inverse_and_a_spurious_mixture_are_named(workspace, qtbot):
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


def test_synchronous_recall_can_end_in_a_two_cycle(workspace, qtbot):
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


def test_step_updates_one_neuron_and_highlights_it(workspace):
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


def test_a_stroke_is_one_undo_step_and_a_fast_one_leaves_no_gap(make_workspace, qtbot):
    workspace = make_workspace(64)
    grid, memory = workspace.grid, workspace.session.memory
    drag(qtbot, grid, [0, 63 * 64 + 63])  # corner to corner in one jump
    diagonal = [k * 64 + k for k in range(64)]
    assert np.all(memory.current[diagonal] > 0)
    assert workspace.undo_stack.count() == 1
    drag(qtbot, grid, [0, 63 * 64 + 63], RIGHT)  # the right button paints white
    assert not np.any(memory.current > 0)
    workspace.undo_stack.undo()
    assert np.all(memory.current[diagonal] > 0)


def test_recall_on_64_by_64_at_full_speed_is_well_under_a_second(make_workspace, qtbot):
    workspace = make_workspace(64)
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


@pytest.fixture
def warned(monkeypatch):
    """The texts of the warning dialogs shown (none is shown)."""
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    return said


def test_an_image_that_cannot_be_read_says_so(workspace, tmp_path, warned):
    said = []
    workspace.session.events.message.connect(said.append)  # the window's status bar
    bad = tmp_path / "cat.png"
    bad.write_bytes(b"not a png")
    assert not workspace.load_image(bad)
    text = "cat.png could not be read as an image (PNG, JPEG, BMP or GIF)."
    assert warned == said == [text]
    assert workspace.memory.library == []


def test_a_pipe_named_like_an_image_is_refused_without_waiting(workspace, tmp_path, warned):
    """QImage(path) waited for ever for a writer on a FIFO named x.png."""
    pipe = tmp_path / "x.png"
    os.mkfifo(pipe)
    unblock = threading.Timer(5.0, lambda: open(pipe, "wb").close())  # a writer, if it waits
    unblock.start()
    start = time.perf_counter()
    loaded = workspace.load_image(pipe)
    waited = time.perf_counter() - start
    unblock.cancel()
    assert not loaded and waited < 4.0, f"waited {waited:.1f} s for a writer"
    assert warned and "not a regular file" in warned[0]
    assert workspace.memory.library == []


def test_a_readable_image_becomes_a_library_pattern(workspace, tmp_path):
    image = QImage(100, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for y in range(100):
        for x in range(50):
            image.setPixelColor(x, y, QColor("black"))  # the left half black
    image.save(str(tmp_path / "half.png"))
    assert workspace.load_image(tmp_path / "half.png")
    (pattern,) = workspace.session.memory.library
    assert pattern.name == "half"
    grid = pattern.cells.reshape(10, 10)
    assert np.all(grid[:, :5] > 0) and np.all(grid[:, 5:] < 0)


def test_a_transparent_picture_is_read_as_ink_on_white_paper(workspace, tmp_path):
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))  # transparent
    for y in range(40):
        for x in range(20, 28):
            image.setPixelColor(x, y, QColor("black"))
    image.save(str(tmp_path / "bar.png"))
    assert workspace.load_image(tmp_path / "bar.png")
    cells = workspace.memory.library[0].cells.reshape(10, 10)
    assert np.all(cells[:, 5:7] > 0) and np.all(cells[:, :4] < 0)


def test_built_in_sets_load_only_on_their_grid(workspace):
    library = workspace.library
    library.load_set("letters")
    assert len(workspace.session.memory.library) == 26
    menu = library.sets.menu()
    menu.aboutToShow.emit()
    enabled = {a.objectName(): a.isEnabled() for a in menu.actions() if a.objectName()}
    assert enabled == {"loadSet_letters": True, "loadSet_digits": True, "loadSet_shapes": False}


def test_the_capacity_curves_fall_past_the_limits(workspace, qtbot):
    dialog = workspace.open_capacity()
    assert dialog.isVisible() and dialog.n == 100
    dialog.trials.setValue(5)
    qtbot.mouseClick(dialog.start_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    loads = np.array(CAPACITY_LOADS)
    [(exact, few)] = dialog.shares
    assert dialog.progress.value() == dialog.progress.maximum() == 5 * len(loads)
    assert few[loads <= 0.06].min() >= 0.9
    assert exact[loads >= 0.2].max() <= 0.5 and few[loads >= 0.24].max() <= 0.5
    assert (exact <= few).all()
    assert "N = 100: exactly, 0." in dialog.note.text()
    dialog.reject()


def test_cancel_stops_the_experiment_promptly(make_workspace, qtbot):
    dialog = make_workspace(64).open_capacity()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=60_000)
    start = time.perf_counter()
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert QThreadPool.globalInstance().waitForDone(5_000)
    stopped_after = time.perf_counter() - start
    assert not dialog.running and dialog.start_button.isEnabled()
    assert stopped_after < 2.0, f"cancel took {stopped_after:.2f} s"
    assert dialog.progress.value() < dialog.progress.maximum()
    dialog.reject()


def test_weights_under_the_mouse_colour_the_grid_by_that_neurons_weights(workspace, qtbot):
    memory = workspace.memory
    memory.paint(range(0, 100, 2), +1)
    memory.add_current()
    memory.store()
    workspace.show_weights.setChecked(True)
    qtbot.mouseMove(workspace.grid, workspace.grid.cell_centre(7))
    np.testing.assert_array_equal(workspace.grid.weights, memory.network.weights[7])
    workspace.show_weights.setChecked(False)
    assert workspace.grid.weights is None


def stored_memory(workspace, rule="hebb"):
    """Three random 10 x 10 patterns stored; the grid shows the first, 30% flipped (undoable)."""
    memory = workspace.memory
    rng = np.random.default_rng(4)
    memory.add_patterns([(f"p{k}", rng.choice([-1.0, 1.0], 100)) for k in range(3)])
    memory.store(rule)
    memory.set_current(memory.library[0].cells)
    workspace.rng = rng
    workspace.corrupt_slider.setValue(30)
    workspace.corrupt()  # through the workspace: one undo step
    return memory


def test_pause_ends_the_worker_and_run_or_step_go_on_from_there(workspace, qtbot):
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


def test_stepping_to_the_end_after_a_pause_leaves_run_working(workspace, qtbot):
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


def test_undo_during_a_recall_stops_it_first_and_keeps_the_history(workspace):
    stored_memory(workspace)
    workspace.speed.setCurrentIndex(workspace.speed.findData("3"))
    workspace.run()
    stack = workspace.undo_stack
    count = stack.count()
    stack.undo()  # undoes the corruption while recall runs
    assert not workspace.recall.busy and workspace.recall.state == "finished"
    assert stack.count() == count  # no Recall step pushed over the redo
    assert stack.canRedo()


def test_painting_is_off_while_a_recall_is_paused(workspace):
    stored_memory(workspace)
    workspace.step()
    assert workspace.recall.state == "paused" and not workspace.grid.painting_enabled
    workspace.recall.stop()
    assert workspace.grid.painting_enabled


def test_the_chosen_rule_stays_chosen_while_the_library_changes(workspace):
    library = workspace.library
    library.rule.setCurrentIndex(library.rule.findData("pseudoinverse"))
    library.add()
    assert library.rule.currentData() == "pseudoinverse"
    library.store()
    assert workspace.session.memory.rule == "pseudoinverse"


def test_the_energy_overlap_weights_and_capacity_plots_save_their_numbers(
    make_workspace, qtbot, tmp_path, monkeypatch
):
    import csv

    from PySide6.QtWidgets import QFileDialog

    from nnsim.gui.hopfield.capacity import CapacityDialog
    from nnsim.io.project import load_project
    from nnsim.resource_files import resource_path

    workspace = make_workspace()
    session = workspace.session
    session.load(load_project(resource_path("examples", "hopfield_letters.nnsim")))
    memory = session.memory
    workspace.plots.start(memory, memory.current)
    saved = {}

    def save(name, action):
        path = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
        action.trigger()
        with open(path, newline="") as f:
            saved[name] = list(csv.reader(f))

    for name, actions in workspace.exports.items():
        assert actions[2].text() == "Save Data as CSV…", name
        assert workspace.exports[name] == actions and len(actions) == 3  # PNG, SVG, CSV
    save("energy.csv", workspace.exports["energy"][2])
    assert saved["energy.csv"] == [["update", "energy"],
                                   ["0", str(memory.network.energy(memory.current))]]  # fmt: skip
    save("overlaps.csv", workspace.exports["overlaps"][2])
    assert saved["overlaps.csv"][0] == ["update", *(f"overlap with {n}" for n in "ACHLT")]
    assert float(saved["overlaps.csv"][1][1]) == pytest.approx(0.6), "the corrupted A"
    workspace.weights.show(memory.network.weights)
    save("w.csv", workspace.exports["hopfield-weights"][2])
    assert len(saved["w.csv"]) == 1 + memory.n
    assert float(saved["w.csv"][1][2]) == pytest.approx(memory.network.weights[0, 1])
    dialog = CapacityDialog(memory.n, "hebb")
    qtbot.addWidget(dialog)
    header, rows = dialog.table()
    assert header == ("load P/N",) and [row[0] for row in rows] == list(CAPACITY_LOADS)
    assert [a.text() for a in dialog.exports][2] == "Save Data as CSV…"
    dialog.sizes = (100,)  # as a run leaves it: one grid, half of the patterns recalled
    dialog.cases, dialog.loads = [("hebb", "random", 100)], [CAPACITY_LOADS]
    dialog._sums = np.full((1, 2, len(CAPACITY_LOADS)), 5.0)
    dialog._counts = np.full((1, len(CAPACITY_LOADS)), 10.0)
    header, rows = dialog.table()
    assert header == ("load P/N", "N=100 exact", "N=100 few errors")
    assert rows[0] == [CAPACITY_LOADS[0], 0.5, 0.5]
