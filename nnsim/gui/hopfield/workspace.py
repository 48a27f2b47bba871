"""The Hopfield workspace: draw patterns, store them, corrupt one, watch it come back.

:class:`HopfieldWorkspace` shows a session's pattern memory: the pattern
editor with its tools and the recall controls (:attr:`widget`, the window's
middle), and two docks' contents: the pattern library and the recall plots.
It follows the session (a newly opened Hopfield document brings its memory)
and speaks through it (``session.say``); the session stops its recall before
it takes the memory away.  Every change to the memory is one undo step on
the stack it is given (:class:`~nnsim.gui.commands.MemoryCommand`); a recall
is one too, so undo brings the corrupted pattern back to try again.
"""

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nnsim.errors import NnsimError
from nnsim.gui.commands import MemoryCommand
from nnsim.gui.flow_layout import FlowLayout
from nnsim.gui.hopfield.attention import AttentionView
from nnsim.gui.hopfield.bam import BAMPanel, with_bam_tab
from nnsim.gui.hopfield.basins import BasinsView
from nnsim.gui.hopfield.capacity import CapacityDialog
from nnsim.gui.hopfield.grid import PatternGrid, grid_table
from nnsim.gui.hopfield.library import PatternLibrary
from nnsim.gui.hopfield.plots import RecallPlots, WeightsView
from nnsim.gui.hopfield.recall import RECALL_SPEEDS, RecallController, TemperatureControls
from nnsim.gui.plain_text import complain, plain_label
from nnsim.gui.project.exporting import install_exports, view_export_actions
from nnsim.io.safe_read import read_image_bytes
from nnsim.model.memory import PatternMemory, pattern_from_image
from nnsim.model.session import Session
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Recall modes as the mode box lists them (its items' data, shown translated): (mode, order).
MODES = {
    QT_TRANSLATE_NOOP("Workspace", "Asynchronous, random order"): ("async", "random"),
    QT_TRANSLATE_NOOP("Workspace", "Asynchronous, fixed order"): ("async", "fixed"),
    QT_TRANSLATE_NOOP("Workspace", "Synchronous"): ("sync", "random"),
}
ARROW_WIDTH = 36
#: The file dialog's filter for a picture: its words translated, its patterns kept.
IMAGES = QT_TRANSLATE_NOOP("Workspace", "Images ({patterns})")
IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.bmp *.gif"


class HopfieldWorkspace(QObject):
    """The workspace of ``session``'s pattern memory, editing through ``undo_stack``.

    ``parent`` (its Qt parent) is where its dialogs stand: the capacity
    experiment, the image to load, what went wrong.

    Attributes
    ----------
    session : Session
    memory : PatternMemory
        The session's memory (an empty 10 x 10 one until a Hopfield document is open).
    widget : QTabWidget
        The middle of the window: tools, the grid, corruption and recall controls; and
        beside them, a tab of its own, the BAM mode.
    bam : BAMPanel
        The BAM mode (``bamPanel``): pairs of patterns that recall each other.
    library : PatternLibrary
    plots : RecallPlots
    weights : WeightsView
    side_tabs : QTabWidget
        The recall plots and the weights, for a dock.
    """

    def __init__(self, session: Session, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.undo_stack = session, undo_stack
        self.memory = session.memory or PatternMemory()
        self.rng = np.random.default_rng()  # corruption and random patterns
        self.grid = PatternGrid(self.memory)
        self.grid.stroke_done.connect(self._stroke_done)
        self.grid.hovered.connect(self._hovered)
        self.library = PatternLibrary(self.memory, self.edit)
        self.library.image_wanted.connect(self.load_image)
        self.library.capacity_wanted.connect(self.open_capacity)
        self.capacity_dialog: CapacityDialog | None = None
        self.recall = RecallController(self.memory, self)
        self.plots, self.weights = RecallPlots(), WeightsView()
        self.basins = BasinsView(self.memory)
        self.attention = AttentionView(self.memory)
        self.exports = {
            name: install_exports(widget, name, table)
            for name, widget, table in (
                ("energy", self.plots.energy_widget, self.plots.energy_table),
                ("overlaps", self.plots.overlap_widget, self.plots.overlap_table),
                ("recall-path", self.plots.distance_widget, self.plots.distance_table),
                ("hopfield-weights", self.weights.widget, self.weights.table),
            )
        }
        self.grid.menu_actions = view_export_actions(
            self.grid, "pattern", lambda: grid_table(self.memory)
        )
        self.outcome = plain_label(objectName="recallOutcome")  # names the patterns
        self.outcome.setWordWrap(True)
        self.bam = BAMPanel(session, undo_stack)  # the BAM mode: pairs, in a tab of its own
        self.widget = with_bam_tab(self._make_widget(), self.bam)
        self.side_tabs = self._make_side_tabs()
        self.recall.started.connect(self._recall_started)
        self.recall.frame.connect(self._frame)
        self.recall.finished.connect(self._recall_finished)
        self.recall.state_changed.connect(self._recall_state)
        self.recall.failed.connect(
            lambda text: self._complain(translate("HopfieldWorkspace", "Recall failed"), text)
        )
        self.memory.changed.connect(self._memory_changed)
        self._recording = True  # a finished recall becomes an undo step
        self._recall_state("ready")
        session.events.document_replaced.connect(self._document_replaced)
        session.add_thread_stopper(self.recall.reset)  # before the memory is taken away

    def _complain(self, title: str, text: str) -> None:
        complain(self.parent(), self.session, title, text)

    # ------------------------------------------------------------ building
    def _make_widget(self) -> QWidget:
        widget = QWidget(objectName="hopfieldWorkspace")
        layout = QVBoxLayout(widget)
        layout.addWidget(self._drawing_tools())
        layout.addWidget(self.grid, 1)
        layout.addLayout(self._corrupt_tools())
        layout.addWidget(self._recall_tools())
        # A row of its own, wrapping by itself: inside the recall row's flow it counted as one
        # item as wide as all its parts, and held the window 1,163 pixels wide at least.
        self.temperature = TemperatureControls()
        layout.addWidget(self.temperature)
        layout.addWidget(self.outcome)
        return widget

    def _tool(self, text: str, tip: str, slot, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(lambda: slot())
        return button

    def _drawing_tools(self) -> QWidget:
        """Clear, Invert, Random, the arrows and "Weights under the mouse": a row that wraps
        in a narrow window (a fixed row made the window at least 700 pixels wide)."""
        tools = QWidget()
        row = FlowLayout(tools)
        for text, tip, slot, name in (
            (translate("HopfieldWorkspace", "Clear"),
             translate("HopfieldWorkspace", "Every cell white"), self.clear, "clearButton"),
            (translate("HopfieldWorkspace", "Invert"),
             translate("HopfieldWorkspace", "Black becomes white and white black"), self.invert,
             "invertButton"),
            (translate("HopfieldWorkspace", "Random"),
             translate("HopfieldWorkspace", "Every cell black or white at random"),
             self.randomise, "randomButton"),
        ):  # fmt: skip
            row.addWidget(self._tool(text, tip, slot, name))
        for text, (down, right), name, tip in (
            ("←", (0, -1), "Left",
             translate("HopfieldWorkspace", "Shift the drawing one cell left (it wraps round)")),
            ("→", (0, 1), "Right",
             translate("HopfieldWorkspace", "Shift the drawing one cell right (it wraps round)")),
            ("↑", (-1, 0), "Up",
             translate("HopfieldWorkspace", "Shift the drawing one cell up (it wraps round)")),
            ("↓", (1, 0), "Down",
             translate("HopfieldWorkspace", "Shift the drawing one cell down (it wraps round)")),
        ):  # fmt: skip
            arrow = self._tool(
                text, tip, lambda d=down, r=right: self.shift(d, r), f"shift{name}Button"
            )
            arrow.setFixedWidth(ARROW_WIDTH)
            row.addWidget(arrow)
        self.show_weights = QCheckBox(
            translate("HopfieldWorkspace", "Weights under the mouse"), objectName="showWeights"
        )
        self.show_weights.setToolTip(
            translate(
                "HopfieldWorkspace",
                "Colour the grid by the weights into the neuron under the mouse",
            )
        )
        self.show_weights.toggled.connect(lambda on: None if on else self.grid.show_weights(None))
        row.addWidget(self.show_weights)
        return tools

    def clear(self) -> None:
        self.edit("current", translate("HopfieldWorkspace", "Clear"), self.memory.clear)

    def invert(self) -> None:
        self.edit("current", translate("HopfieldWorkspace", "Invert"), self.memory.invert)

    def shift(self, down: int, right: int) -> None:
        """Move the drawing ``down`` rows and ``right`` columns, wrapping round."""
        shift = translate("HopfieldWorkspace", "Shift")
        self.edit("current", shift, lambda: self.memory.shift(down, right))

    def _corrupt_tools(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.corrupt_slider = QSlider(Qt.Orientation.Horizontal, objectName="corruptSlider")
        self.corrupt_slider.setRange(0, 50)
        self.corrupt_slider.setValue(20)
        self.corrupt_slider.setToolTip(
            translate("HopfieldWorkspace", "The share of cells Corrupt flips")
        )
        share = QLabel("20%")
        self.corrupt_slider.valueChanged.connect(lambda v: share.setText(f"{v}%"))
        row.addWidget(QLabel(translate("HopfieldWorkspace", "Noise")))
        row.addWidget(self.corrupt_slider, 1)
        row.addWidget(share)
        tip = translate("HopfieldWorkspace", "Flip that share of the cells, chosen at random")
        corrupt = translate("HopfieldWorkspace", "Corrupt")
        row.addWidget(self._tool(corrupt, tip, self.corrupt, "corruptButton"))
        return row

    def _recall_tools(self) -> QWidget:
        """The recall's mode, speed and buttons: a row that wraps in a narrow window."""
        tools = QWidget()
        row = FlowLayout(tools)
        self.mode = QComboBox(objectName="recallMode")
        for title in MODES:
            self.mode.addItem(translate("Workspace", title), title)
        self.mode.setToolTip(
            translate(
                "HopfieldWorkspace", "One neuron at a time (the energy never rises) or all at once"
            )
        )
        self.speed = QComboBox(objectName="recallSpeed")
        for speed in RECALL_SPEEDS:
            shown = (
                translate("HopfieldWorkspace", "fastest")
                if speed == "fastest"
                else translate("HopfieldWorkspace", "{speed} updates/s").format(speed=speed)
            )
            self.speed.addItem(shown, speed)
        self.speed.setCurrentIndex(self.speed.findData("100"))
        self.speed.setToolTip(translate("HopfieldWorkspace", "How fast recall is animated"))
        self.speed.currentIndexChanged.connect(
            lambda: self.recall.set_speed(self.speed.currentData())
        )
        self.recall.set_speed("100")
        self.run_button, self.step_button, self.pause_button, self.stop_button = (
            self._tool(text, tip, slot, name)
            for text, tip, slot, name in (
                (translate("HopfieldWorkspace", "Run"),
                 translate("HopfieldWorkspace", "Let the network settle from the grid's pattern"),
                 self.run, "runRecallButton"),
                (translate("HopfieldWorkspace", "Step"),
                 translate("HopfieldWorkspace", "One update: one neuron (async) or all (sync)"),
                 self.step, "stepRecallButton"),
                (translate("HopfieldWorkspace", "Pause"),
                 translate("HopfieldWorkspace", "Pause the recall"), self.recall.pause,
                 "pauseRecallButton"),
                (translate("HopfieldWorkspace", "Stop"),
                 translate("HopfieldWorkspace", "End the recall where it is"), self.recall.stop,
                 "stopRecallButton"),
            )
        )  # fmt: skip
        for widget in (self.mode, self.speed, self.run_button, self.step_button,
                       self.pause_button, self.stop_button):  # fmt: skip
            row.addWidget(widget)
        return tools

    def _make_side_tabs(self) -> QTabWidget:
        plots = QSplitter(Qt.Orientation.Vertical)
        plots.addWidget(self.plots.energy_widget)
        plots.addWidget(self.plots.overlap_widget)
        plots.addWidget(self.plots.distance_widget)
        tabs = QTabWidget(objectName="recallTabs")
        tabs.addTab(plots, translate("HopfieldWorkspace", "Energy && overlap"))
        tabs.addTab(self.weights.widget, translate("HopfieldWorkspace", "Weights"))
        tabs.addTab(self.basins, translate("HopfieldWorkspace", "Basins"))
        tabs.addTab(self.attention, translate("HopfieldWorkspace", "Attention"))
        return tabs

    # ------------------------------------------------------------- editing
    def _document_replaced(self) -> None:
        """Work on the session's new memory, if the new document is a Hopfield network."""
        if self.session.memory is not None:
            self._show_memory(self.session.memory)

    def _show_memory(self, memory: PatternMemory) -> None:
        """Work on another memory (a new or opened Hopfield network)."""
        self.recall.reset()
        self.grid.set_highlight(None)
        self.memory.changed.disconnect(self._memory_changed)
        self.memory = self.recall.memory = memory
        memory.changed.connect(self._memory_changed)
        self.grid.set_memory(memory)
        self.library.set_memory(memory)
        self.basins.set_memory(memory)
        self.attention.set_memory(memory)
        self._show_weights()
        self.outcome.setText("")
        self._recall_state("ready")

    def edit(self, part: str, text: str, change) -> None:
        """Make ``change()`` to ``part`` of the memory as one undo step; say why if refused."""
        if self.recall.busy:
            self.recall.stop()
        before = self.memory.snapshot(part)
        try:
            change()
        except NnsimError as exc:
            self.session.say(str(exc))
            return
        after = self.memory.snapshot(part)
        if not _same(before, after):
            self._push(part, text, before, after)

    def _push(self, part: str, text: str, before, after) -> None:
        self.undo_stack.push(
            MemoryCommand(self.memory, part, text, before, after, self._interrupt_recall)
        )

    def _interrupt_recall(self) -> None:
        """End a recall before an undo or redo, recording nothing (the stack is busy)."""
        if self.recall.busy:
            self._recording = False
            try:
                self.recall.stop()
            finally:
                self._recording = True

    def _stroke_done(self, before, after) -> None:
        self._push("current", translate("HopfieldWorkspace", "Paint"), before, after)

    def randomise(self) -> None:
        text = translate("HopfieldWorkspace", "Random pattern")
        self.edit("current", text, lambda: self.memory.randomise(self.rng))

    def corrupt(self) -> None:
        share = self.corrupt_slider.value() / 100
        text = translate("HopfieldWorkspace", "Corrupt {share}").format(share=f"{share:.0%}")
        self.edit("current", text, lambda: self.memory.corrupt(share, self.rng))

    def load_image(self, path=None) -> bool:
        """Add a picture (PNG, JPEG, ...) as a pattern: resized to the grid and thresholded."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.parent(), translate("HopfieldWorkspace", "Load an image"), "",
                translate("Workspace", IMAGES).format(patterns=IMAGE_PATTERNS),
            )  # fmt: skip
            if not path:
                return False
        try:  # QImage(path) would wait for ever on a FIFO named x.png
            image = QImage.fromData(read_image_bytes(path))
        except NnsimError as exc:
            self._complain(translate("HopfieldWorkspace", "Could not load the image"), str(exc))
            return False
        if image.isNull():
            self._complain(
                translate("HopfieldWorkspace", "Could not load the image"),
                translate(
                    "HopfieldWorkspace",
                    "{name} could not be read as an image (PNG, JPEG, BMP or GIF).",
                ).format(name=Path(path).name),
            )
            return False
        grey = _on_white(image).convertToFormat(QImage.Format.Format_Grayscale8)
        pixels = np.array(grey.constBits()).reshape(grey.height(), grey.bytesPerLine())
        cells = pattern_from_image(pixels[:, : grey.width()], self.memory.rows, self.memory.columns)
        name = Path(path).stem
        self.edit("library", translate("HopfieldWorkspace", "Load image"),
                  lambda: self.memory.add_patterns([(name, cells)]))  # fmt: skip
        self.edit("current", translate("HopfieldWorkspace", "Show image"),
                  lambda: self.memory.set_current(cells))  # fmt: skip
        return True

    def open_capacity(self) -> CapacityDialog:
        """The capacity experiment for this grid's N and the chosen rule (not modal)."""
        if self.capacity_dialog is None:
            library = np.array([pattern.cells for pattern in self.memory.library])
            self.capacity_dialog = CapacityDialog(
                self.memory.n, self.library.rule.currentData(), self.parent(),
                library=library if len(library) else None,
            )  # fmt: skip
            self.capacity_dialog.finished.connect(self._capacity_closed)
        self.capacity_dialog.open()
        return self.capacity_dialog

    def shutdown(self) -> None:
        """Stop recall and the capacity experiment, waiting for their threads (window closing)."""
        self.recall.shutdown()
        self.basins.shutdown()
        if self.capacity_dialog is not None:
            self.capacity_dialog.cancel()

    def _capacity_closed(self) -> None:
        self.capacity_dialog.deleteLater()
        self.capacity_dialog = None

    def _memory_changed(self, part: str) -> None:
        if part == "stored":
            self._show_weights()
        if part in ("current", "stored") and self.outcome.text():
            # The grid (an undo, a stroke) or the memory changed: the verdict is about
            # a recall that is no longer what the window shows.
            self.session.withdraw(self.outcome.text())
            self.outcome.setText("")

    def _hovered(self, cell: int) -> None:
        if self.show_weights.isChecked():
            network = self.memory.network  # (a dense memory has no weights to show)
            self.grid.show_weights(
                network.weights[cell] if cell >= 0 and not network.dense else None
            )

    def _show_weights(self) -> None:
        """The weights, or a dense memory's stored patterns (it has no weights), said so."""
        network = self.memory.network
        self.weights.show(network.patterns if network.dense else network.weights)
        title = (
            translate("HopfieldWorkspace", "A dense memory has no weight matrix: here are its "
                      "stored patterns, a row each (pattern by neuron)")
            if network.dense
            else translate("WeightsView", "Weights w_ij")
        )  # fmt: skip
        self.weights.widget.setTitle(title, color="#333333")

    # -------------------------------------------------------------- recall
    def run(self) -> None:
        if self._can_recall():
            self._apply_mode()
            self.recall.run()

    def run_with_seed(self, seed: int) -> None:
        """Recall from the grid in the random order of ``seed`` (a lesson's Show Me); later
        recalls take their order as before."""
        before, self.recall.seed = self.recall.seed, seed
        try:
            self.run()
        finally:
            self.recall.seed = before

    def step(self) -> None:
        if self._can_recall():
            self._apply_mode()
            self.recall.step()

    def _can_recall(self) -> bool:
        if not self.memory.stored_names:
            self.session.say(
                translate(
                    "HopfieldWorkspace", "Nothing is stored yet: add patterns and press Store."
                )
            )
            return False
        return True

    def _apply_mode(self) -> None:
        if not self.recall.busy:
            self.recall.mode, self.recall.order = MODES[self.mode.currentData()]
            self.temperature.apply(self.recall)

    def _recall_started(self, probe) -> None:
        self.outcome.setText("")
        self.plots.start(self.memory, probe)

    def _frame(self, frame) -> None:
        self.plots.add(self.memory, frame)
        self.grid.set_highlight(frame.neuron if not frame.done else None)

    def _recall_finished(self, outcome, probe) -> None:
        self.grid.set_highlight(None)
        text = outcome.describe(self.memory.stored_names)
        self.outcome.setText(text)
        self.session.say(text)
        if self._recording and not np.array_equal(probe, self.memory.current):
            text = translate("HopfieldWorkspace", "Recall")
            self._push("current", text, probe, self.memory.current.copy())

    def _recall_state(self, state: str) -> None:
        running = state == "running"
        self.grid.painting_enabled = not self.recall.busy  # Stop (or Run to the end) first
        self.run_button.setEnabled(not running)
        self.step_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(state in ("running", "paused"))
        self.mode.setEnabled(not self.recall.busy)
        self.temperature.setEnabled(not self.recall.busy)


def _same(before, after) -> bool:
    """Whether two snapshots of a part are alike (arrays by value, the rest by identity)."""
    if isinstance(before, np.ndarray):
        return np.array_equal(before, after)
    return len(before) == len(after) and all(a is b for a, b in zip(before, after, strict=True))


def _on_white(image: QImage) -> QImage:
    """``image`` painted over white, so transparent parts count as paper, not ink."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat
