"""The BAM mode of the Hopfield workspace (``bamPanel``): pairs that recall each other.

:class:`BAMPanel` shows a :class:`~nnsim.model.bam.PairMemory`: the x grid
(a letter) beside the y grid (its code), the list of pairs with Add Pair,
Remove and Store, the Corrupt row (which side, what share), and recall from
either side, a half-step (one whole layer) at a time so a person sees the
letter call up its code and the code the letter.  The energy and the overlap
with each stored pair are drawn by the Hopfield workspace's own
:class:`~nnsim.gui.hopfield.plots.RecallPlots` (a BAM is a Hopfield network
on the joint state, see :mod:`nnsim.engine.bam`).  Recall runs on a timer in
the GUI thread: a half-step costs one (m x n) product.  Every edit, and a
finished recall, is one undo step on the window's stack.
:func:`with_bam_tab` puts the panel beside the Hopfield workspace as a tab.
"""

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSlider,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine.bam import SIDES, BAMProcess
from nnsim.errors import NnsimError
from nnsim.gui.commands import MemoryCommand
from nnsim.gui.flow_layout import FlowLayout
from nnsim.gui.hopfield.grid import PatternGrid, grid_table
from nnsim.gui.hopfield.plots import RecallPlots
from nnsim.gui.hopfield.recall import RecallFrame
from nnsim.gui.plain_text import plain_label
from nnsim.gui.project.exporting import install_exports, view_export_actions
from nnsim.model.bam import PairMemory
from nnsim.model.memory import recall_outcome
from nnsim.model.session import Session
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Milliseconds between two half-steps of an animated recall.
HALF_STEP_MS = 400
PAIR_LIST_HEIGHT = 90
#: The sides as the Corrupt box lists them (shown translated).
SIDE_TITLES = {
    "x": QT_TRANSLATE_NOOP("BAMPanel", "x (letter)"),
    "y": QT_TRANSLATE_NOOP("BAMPanel", "y (code)"),
}


class BAMPanel(QWidget):
    """The BAM mode: ``session`` hears what happened, ``undo_stack`` takes every edit.

    Attributes
    ----------
    memory : PairMemory
        Three starter pairs (T, X, O and their codes), nothing stored; the first shown.
    grids : dict of str to PatternGrid
        The x and y grids (``bamXGrid``, ``bamYGrid``).
    plots : RecallPlots
        The energy and overlap plots (``bamEnergyPlot``, ``bamOverlapPlot``).
    process : BAMProcess or None
        The recall under way.
    """

    def __init__(self, session: Session, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.setObjectName("bamPanel")
        self.session, self.undo_stack = session, undo_stack
        self.memory = PairMemory.with_starters()
        self.rng = np.random.default_rng()  # corruption, as the Hopfield workspace's
        self.process: BAMProcess | None = None
        self.probe: np.ndarray | None = None
        self.timer = QTimer(self, interval=HALF_STEP_MS)
        self.timer.timeout.connect(self.step)
        self.grids = {side: PatternGrid(grid) for side, grid in self.memory.grids.items()}
        for side, grid in self.grids.items():
            grid.setObjectName(f"bam{side.upper()}Grid")
            grid.menu_actions = view_export_actions(  # as the Hopfield grid's
                grid, f"bam-{side}", lambda g=grid: grid_table(g.memory)
            )
            grid.stroke_done.connect(lambda before, after, s=side: self._push(s, before, after))
        self.plots = RecallPlots()
        self.plots.energy_widget.setObjectName("bamEnergyPlot")
        self.plots.overlap_widget.setObjectName("bamOverlapPlot")
        self.plots.overlap_widget.setTitle(
            translate("BAMPanel", "Overlap with each stored pair"), color="#333333"
        )
        for plot in (self.plots.energy_widget, self.plots.overlap_widget):
            plot.setLabel("bottom", translate("BAMPanel", "half-steps"))
        install_exports(self.plots.energy_widget, "bam-energy", self.plots.energy_table)
        install_exports(self.plots.overlap_widget, "bam-overlaps", self.plots.overlap_table)
        self.outcome = plain_label(objectName="bamOutcome")  # names the pairs
        self.outcome.setWordWrap(True)
        self.pair_list = QListWidget(objectName="bamPairs")
        self.pair_list.setMaximumHeight(PAIR_LIST_HEIGHT)  # the grids take the room
        self.pair_list.setToolTip(translate("BAMPanel", "Double-click a pair to show it"))
        self.pair_list.itemActivated.connect(lambda item: self.show_pair(self.pair_list.row(item)))
        self._build()
        self.memory.changed.connect(self._memory_changed)
        self._memory_changed("pairs")
        self.memory.show(0)  # T and its code: something to corrupt at once

    # ------------------------------------------------------------ building
    def _button(self, text: str, tip: str, slot, name: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setToolTip(tip)
        button.clicked.connect(lambda: slot())
        return button

    def _build(self) -> None:
        grids = QGridLayout()
        for column, side in enumerate(("x", "y")):
            grids.addWidget(QLabel(translate("BAMPanel", SIDE_TITLES[side])), 0, column)
            grids.addWidget(self.grids[side], 1, column)
        grids.setColumnStretch(0, 7)  # the letter is 7 rows high, the code 5
        grids.setColumnStretch(1, 5)
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.addLayout(grids, 1)
        layout.addWidget(self._pair_row())
        layout.addWidget(self.pair_list)
        layout.addLayout(self._corrupt_row())
        layout.addWidget(self._recall_row())
        layout.addWidget(self.outcome)
        plots = QSplitter(Qt.Orientation.Vertical)
        plots.addWidget(self.plots.energy_widget)
        plots.addWidget(self.plots.overlap_widget)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(plots)
        QHBoxLayout(self).addWidget(splitter)

    def _pair_row(self) -> QWidget:
        """The pairs' buttons: a row that wraps (the workspace must fit a 1024-pixel window)."""
        buttons = QWidget()
        row = FlowLayout(buttons)
        for text, tip, slot, name in (
            (translate("BAMPanel", "Add Pair"),
             translate("BAMPanel", "Add the two grids to the pairs as one pair"),
             self.add_pair, "bamAddPair"),
            (translate("BAMPanel", "Remove"),
             translate("BAMPanel", "Take the chosen pair off the list"), self.remove_pair,
             "bamRemovePair"),
            (translate("BAMPanel", "Store"),
             translate("BAMPanel", "Store every pair: W = sum of y x^T"), self.store,
             "bamStore"),
        ):  # fmt: skip
            row.addWidget(self._button(text, tip, slot, name))
        return buttons

    def _corrupt_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.side = QComboBox(objectName="bamCorruptSide")
        for side, title in SIDE_TITLES.items():
            self.side.addItem(translate("BAMPanel", title), side)
        self.noise = QSlider(Qt.Orientation.Horizontal, objectName="bamNoise")
        self.noise.setRange(0, 50)
        self.noise.setValue(15)
        share = QLabel("15%")
        self.noise.valueChanged.connect(lambda v: share.setText(f"{v}%"))
        row.addWidget(self.side)
        row.addWidget(self.noise, 1)
        row.addWidget(share)
        row.addWidget(self._button(
            translate("BAMPanel", "Corrupt"),
            translate("BAMPanel", "Flip that share of the chosen side's cells, at random"),
            self.corrupt, "bamCorrupt",
        ))  # fmt: skip
        return row

    def _recall_row(self) -> QWidget:
        """The recall's buttons: a row that wraps, as :meth:`_pair_row`."""
        buttons = QWidget()
        row = FlowLayout(buttons)
        for text, tip, slot, name in (
            (translate("BAMPanel", "Recall from x"),
             translate("BAMPanel", "y = sign(W x) first, then back and forth until nothing "
                       "changes"), lambda: self.run("y"), "bamRecallFromX"),
            (translate("BAMPanel", "Recall from y"),
             translate("BAMPanel", "x = sign(W^T y) first, then back and forth until nothing "
                       "changes"), lambda: self.run("x"), "bamRecallFromY"),
            (translate("BAMPanel", "Step"),
             translate("BAMPanel", "One half-step: one whole side updated"), self.step,
             "bamStep"),
            (translate("BAMPanel", "Stop"),
             translate("BAMPanel", "End the recall where it is"), self.stop, "bamStop"),
        ):  # fmt: skip
            row.addWidget(self._button(text, tip, slot, name))
        return buttons

    # ------------------------------------------------------------- editing
    def edit(self, part: str, text: str, change) -> None:
        """Make ``change()`` to ``part`` of the memory as one undo step; say why if refused."""
        self.stop()
        before = self.memory.snapshot(part)
        try:
            change()
        except NnsimError as exc:
            self.session.say(str(exc))
            return
        self._push(part, before, self.memory.snapshot(part), text)

    def _push(self, part: str, before, after, text: str | None = None) -> None:
        if _unchanged(part, before, after):
            return
        text = text or translate("BAMPanel", "Paint")
        self.undo_stack.push(MemoryCommand(self.memory, part, text, before, after, self.stop))

    def add_pair(self) -> None:
        self.edit("pairs", translate("BAMPanel", "Add pair"), self.memory.add_current)

    def remove_pair(self) -> None:
        row = self.pair_list.currentRow()
        if row >= 0:
            self.edit("pairs", translate("BAMPanel", "Remove pair"),
                      lambda: self.memory.remove(row))  # fmt: skip

    def store(self) -> None:
        self.edit("stored", translate("BAMPanel", "Store pairs"), self.memory.store)

    def show_pair(self, index: int) -> None:
        """Show pair ``index`` on both grids (one undo step)."""
        self._both(translate("BAMPanel", "Show pair"), lambda: self.memory.show(index))

    def corrupt(self) -> None:
        side, share = self.side.currentData(), self.noise.value() / 100
        text = translate("BAMPanel", "Corrupt {side} {share}").format(
            side=side, share=f"{share:.0%}"
        )
        self.edit(side, text, lambda: self.memory.corrupt(side, share, self.rng))

    def _both(self, text: str, change, before=None) -> None:
        """``change()`` to both grids as one undo step (``before``: the state it started from)."""
        self.stop()
        before = self.memory.state if before is None else before
        change()
        after = self.memory.state
        if np.array_equal(before, after):
            return
        n = self.memory.network.n
        self.undo_stack.beginMacro(text)
        self._push("x", before[:n], after[:n])
        self._push("y", before[n:], after[n:])
        self.undo_stack.endMacro()

    def _memory_changed(self, part: str) -> None:
        if part == "pairs":
            self.pair_list.clear()
            self.pair_list.addItems([pair.name for pair in self.memory.pairs])  # plain text
        if self.process is None and self.outcome.text():
            self.outcome.setText("")  # it spoke of a recall the grids no longer show

    # -------------------------------------------------------------- recall
    def run(self, first: str) -> None:
        """Recall from the grids, updating side ``first`` first, animated half-step by half-step."""
        if self._begin(first):
            self.timer.start()

    def step(self) -> None:
        """One half-step of the recall under way (or of a new one, from x)."""
        if self.process is None and not self._begin("y"):
            return
        energies = self.process.advance(1)
        self.memory.set_state(self.process.state)
        self.plots.add(self.memory, _frame(self.process, energies))
        if self.process.done:
            self._finish()

    def stop(self) -> None:
        """End the recall under way where it is (the grids keep its state)."""
        if self.process is not None:
            self._finish()

    def _begin(self, first: str) -> bool:
        self.stop()
        if not self.memory.stored_names:
            self.session.say(
                translate("BAMPanel", "Nothing is stored yet: add pairs and press Store.")
            )
            return False
        self.probe = self.memory.state
        self.process = BAMProcess(self.memory.network, self.probe, start=first)
        self.outcome.setText("")
        self.plots.start(self.memory, self.probe)
        for grid in self.grids.values():
            grid.painting_enabled = False
        return True

    def _finish(self) -> None:
        self.timer.stop()
        process, probe = self.process, self.probe
        self.process = None
        for grid in self.grids.values():
            grid.painting_enabled = True
        patterns = self.memory.network.patterns
        outcome = recall_outcome(patterns, process.state, settled=process.converged)
        text = outcome.describe(self.memory.stored_names)
        steps = translate("BAMPanel", "{count} half-steps.").format(count=process.updates)
        self.outcome.setText(f"{text} {steps}")
        self.session.say(text)
        self._both(translate("BAMPanel", "Recall"), lambda: None, before=probe)


def with_bam_tab(hopfield: QWidget, panel: BAMPanel) -> QTabWidget:
    """The Hopfield workspace's middle as two tabs: its own grid, and ``panel``'s pairs."""
    tabs = QTabWidget(objectName="hopfieldModes")
    tabs.addTab(hopfield, translate("BAMPanel", "Hopfield"))
    tabs.addTab(panel, translate("BAMPanel", "Pairs (BAM)"))
    return tabs


def _frame(process: BAMProcess, energies: np.ndarray) -> RecallFrame:
    return RecallFrame(
        process.state, energies, process.updates, None, process.done, process.converged, False
    )


def _unchanged(part: str, before, after) -> bool:
    """Whether an edit left ``part`` as it was (a Store always counts: it is an act)."""
    if part in SIDES:
        return np.array_equal(before, after)
    return part == "pairs" and list(map(id, before)) == list(map(id, after))
