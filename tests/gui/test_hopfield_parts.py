"""The Hopfield workspace's parts built alone on a PatternMemory: grid, recall, library."""

import numpy as np
from PySide6.QtCore import Qt

from nnsim.gui.hopfield.grid import PatternGrid
from nnsim.gui.hopfield.library import PatternLibrary
from nnsim.gui.hopfield.recall import RecallController
from nnsim.model.memory import PatternMemory

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton


def test_a_stroke_on_the_grid_paints_the_memory_and_hands_over_before_and_after(qtbot):
    memory = PatternMemory(8, 8)
    grid = PatternGrid(memory)
    qtbot.addWidget(grid)
    grid.resize(400, 400)
    grid.show()
    qtbot.waitExposed(grid)
    with qtbot.waitSignal(grid.stroke_done) as stroke:
        qtbot.mousePress(grid, LEFT, pos=grid.cell_centre(9))
        qtbot.mouseMove(grid, grid.cell_centre(14))  # row 1, columns 1 to 6
        qtbot.mouseRelease(grid, LEFT, pos=grid.cell_centre(14))
    before, after = stroke.args
    assert not np.any(before > 0)
    assert list(np.flatnonzero(after > 0)) == list(range(9, 15))
    np.testing.assert_array_equal(memory.current, after)
    grid.painting_enabled = False  # (during a recall)
    qtbot.mousePress(grid, RIGHT, pos=grid.cell_centre(9))
    qtbot.mouseRelease(grid, RIGHT, pos=grid.cell_centre(9))
    np.testing.assert_array_equal(memory.current, after)


def test_the_recall_controller_brings_a_stored_pattern_back_and_reset_forgets_it(qtbot):
    memory = PatternMemory(8, 8)
    left = np.repeat([[1.0] * 4 + [-1.0] * 4], 8, axis=0).ravel()
    top = np.array([1.0] * 32 + [-1.0] * 32)
    memory.add_patterns([("left", left), ("top", top)])
    memory.store("hebb")
    probe = left.copy()
    probe[[0, 9, 20, 43]] *= -1
    memory.set_current(probe)
    recall = RecallController(memory)
    recall.speed = "fastest"
    with qtbot.waitSignal(recall.finished, timeout=10_000) as finished:
        recall.run()
    outcome, started_from = finished.args
    np.testing.assert_array_equal(started_from, probe)
    np.testing.assert_array_equal(memory.current, left)
    assert outcome.describe(memory.stored_names) == "Converged to the stored pattern 'left'."
    memory.set_current(probe)
    recall.speed = "1"
    recall.run()  # one update a second: still running when reset
    pace = recall._pace
    recall.reset()
    assert pace.ended.is_set() and not recall.busy and recall.state == "ready"


def test_the_patterns_dock_says_how_alike_the_stored_patterns_are_and_when_hebb_mixes_them(
    qtbot,
):
    memory = PatternMemory(10, 10)
    library = PatternLibrary(memory, lambda _part, _text, change: change())
    qtbot.addWidget(library)
    assert library.overlap_text.text() == ""
    t, ell, box = (-np.ones((10, 10)) for _ in range(3))
    t[0, :] = t[:, 5] = 1
    ell[:, 0] = ell[-1, :] = 1
    box[0, :] = box[-1, :] = box[:, 0] = box[:, -1] = 1
    for drawing in (t, ell, box):  # drawn by hand, added with Add Current
        memory.set_current(drawing.ravel())
        library.add()
    library.store()  # by the rule the box offers first: Hebb's
    assert library.meter.styleSheet() == ""  # 3 of about 14: the meter sees no problem
    assert library.overlap_text.text() == (
        "'pattern 2' and 'pattern 3' overlap 0.66, and 2 of the 3 stored patterns are not "
        "stable: recall starting on them moves to a mixture. Hebb's rule mixes patterns this "
        "alike long before its 0.138 N limit, which is for patterns as unlike as random ones. "
        "Store them with the pseudo-inverse or Storkey rule, which recall alike patterns, or "
        "store fewer patterns that differ more."
    )
    library.rule.setCurrentIndex(library.rule.findData("pseudoinverse"))
    library.store()
    assert library.overlap_text.text() == (
        "The most alike stored patterns, 'pattern 2' and 'pattern 3', overlap 0.66."
    )
    memory.forget()
    assert library.overlap_text.text() == ""
