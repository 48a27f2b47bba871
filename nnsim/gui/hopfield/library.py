"""The pattern library (``patternLibrary``): thumbnails, their buttons, Store and the load meter.

Every change goes through ``edit(part, text, change)``, given by the
workspace, which makes it one undo step.  The load meter shows the stored
patterns against the limits of the rule that stored them (Hebb's: about
0.138 N for recall with few errors, N / (4 ln N) for perfect recall) and
turns red past the first.  Below it, the overlap of the two most alike
stored patterns, with a hint when Hebb's rule has mixed patterns that alike
(:func:`~nnsim.model.diagnostics.alike_hint`).  The rules offered are those of
:data:`~nnsim.engine.hopfield_rules.STORAGE_RULES`; beside them, the dense rule's
interaction :math:`F` (``storeInteraction``, :func:`interaction_box`).
"""

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine.hopfield_dense import Interaction
from nnsim.engine.hopfield_rules import STORAGE_RULES
from nnsim.gui.plain_text import plain, plain_label
from nnsim.io.pattern_sets import BUILT_IN, built_in_set
from nnsim.model.diagnostics import alike_hint, hopfield_hint, most_alike
from nnsim.model.memory import PatternMemory
from nnsim.text import translate

THUMBNAIL = 48
WARNING = "QProgressBar::chunk { background: #D55E00; }"
#: The dense rule's interactions a person may choose: F(x) = x^n, and e^x.
DEGREES = (2, 3, 4, 5, 6, 8, 10)
#: The interaction box's items' data: kind and degree.
INTERACTION_KEYS = (*(f"polynomial {degree}" for degree in DEGREES), "exponential 3")


def interaction_box(name: str) -> QComboBox:
    """A box of the dense rule's interactions (its items' data: "polynomial 3", ...,
    "exponential 3", the kind and degree), the cubic chosen; :func:`chosen_interaction`
    reads it."""
    box = QComboBox(objectName=name)
    power = translate("PatternLibrary", "F(x) = x^{degree}")
    shown = [power.format(degree=degree) for degree in DEGREES]
    for text, key in zip([*shown, translate("PatternLibrary", "F(x) = e^x")], INTERACTION_KEYS,
                         strict=True):  # fmt: skip
        box.addItem(text, key)
    box.setCurrentIndex(DEGREES.index(3))
    box.setToolTip(
        translate(
            "PatternLibrary",
            "The dense rule's interaction: its energy is minus the sum of F(overlap) over the "
            "stored patterns; degree 2 is Hebb's network, higher degrees hold far more",
        )
    )
    return box


def chosen_interaction(box: QComboBox) -> Interaction:
    """The interaction chosen in an :func:`interaction_box`."""
    kind, degree = box.currentData().split()
    return Interaction(kind, int(degree))


def thumbnail(cells: np.ndarray, rows: int, columns: int) -> QIcon:
    """A pattern as a small black-and-white icon."""
    grey = np.ascontiguousarray(
        np.where(cells > 0, 32, 255).astype(np.uint8).reshape(rows, columns)
    )
    image = QImage(grey.data, columns, rows, columns, QImage.Format.Format_Grayscale8).copy()
    scaled = image.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.FastTransformation)  # fmt: skip
    return QIcon(QPixmap.fromImage(scaled))


class PatternLibrary(QWidget):
    """The library of a :class:`PatternMemory`, with Add, Replace, Remove, Show and Store.

    Parameters
    ----------
    memory : PatternMemory
    edit : callable
        ``edit(part, text, change)`` runs ``change()`` as one undo step of ``part``.

    Signals
    -------
    image_wanted()
        Load Image was pressed (the workspace asks for the file).
    capacity_wanted()
        Capacity was pressed (the workspace opens the experiment).
    """

    image_wanted = Signal()
    capacity_wanted = Signal()

    def __init__(self, memory: PatternMemory, edit, parent=None):
        super().__init__(parent)
        self.setObjectName("patternLibrary")
        self.memory, self._edit = memory, edit
        self.patterns = QListWidget(objectName="patternList")
        self.patterns.setViewMode(QListWidget.ViewMode.IconMode)
        self.patterns.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.patterns.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.patterns.setMovement(QListWidget.Movement.Static)
        self.patterns.setToolTip(
            translate("PatternLibrary", "Double-click a pattern to draw it on the grid")
        )
        self.patterns.itemDoubleClicked.connect(self.show_chosen)
        self.buttons = {
            name: self._button(name, text, tip, slot)
            for name, text, tip, slot in (
                ("add", translate("PatternLibrary", "Add Current"),
                 translate("PatternLibrary", "Put the grid's pattern in the library"), self.add),
                ("replace", translate("PatternLibrary", "Replace"),
                 translate("PatternLibrary", "Put the grid's pattern in place of the chosen one"),
                 self.replace),
                ("remove", translate("PatternLibrary", "Remove"),
                 translate("PatternLibrary", "Take the chosen pattern out"), self.remove),
                ("show", translate("PatternLibrary", "Show"),
                 translate("PatternLibrary", "Draw the chosen pattern on the grid"),
                 self.show_chosen),
                ("store", translate("PatternLibrary", "Store"),
                 translate("PatternLibrary", "Store every pattern in the network with the rule"),
                 self.store),
            )
        }  # fmt: skip
        self.rule = QComboBox(objectName="storeRule")
        for rule in STORAGE_RULES.values():
            self.rule.addItem(translate("HopfieldRules", rule.title), rule.name)
        self.rule.setToolTip(
            translate("PatternLibrary", "How the weights are made from the patterns")
        )
        self.interaction = interaction_box("storeInteraction")
        self.rule.currentIndexChanged.connect(self._enable_interaction)
        self.sets = self._sets_button()
        self.capacity_button = QPushButton(
            translate("PatternLibrary", "Capacity…"), objectName="capacityButton"
        )
        self.capacity_button.setToolTip(
            translate("PatternLibrary", "Measure how many random patterns this grid recalls")
        )
        self.capacity_button.clicked.connect(self.capacity_wanted)
        self.meter = QProgressBar(objectName="loadMeter")
        self.meter.setTextVisible(True)
        self.meter_text = QLabel(objectName="loadText")
        self.meter_text.setWordWrap(True)
        self.overlap_text = plain_label(objectName="overlapText")  # it names patterns
        self.overlap_text.setWordWrap(True)
        self.overlap_text.setToolTip(
            translate(
                "PatternLibrary",
                "The overlap of two patterns: the share of cells they agree on minus the share "
                "they differ on. 1: the same, 0: as unlike as random patterns, -1: each the "
                "other inverted.",
            )
        )
        self._lay_out()
        memory.changed.connect(self._memory_changed)
        self.refresh()

    def _button(self, name: str, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"{name}PatternButton")
        button.setToolTip(tip)
        button.clicked.connect(lambda: slot())
        return button

    def _sets_button(self) -> QToolButton:
        button = QToolButton(objectName="loadSetButton")
        button.setText(translate("PatternLibrary", "Load Set"))
        button.setToolTip(
            translate("PatternLibrary", "Add a built-in set of patterns, or a picture")
        )
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for stem, title in BUILT_IN.items():
            action = menu.addAction(translate("PatternSets", title))
            action.setObjectName(f"loadSet_{stem}")
            action.triggered.connect(lambda _=False, s=stem: self.load_set(s))
        menu.addSeparator()
        menu.addAction(translate("PatternLibrary", "Image…")).triggered.connect(self.image_wanted)
        menu.aboutToShow.connect(lambda: self._enable_sets(menu))
        button.setMenu(menu)
        return button

    def _enable_sets(self, menu: QMenu) -> None:
        for action in menu.actions():
            stem = action.objectName().removeprefix("loadSet_")
            if stem in BUILT_IN:
                side = 32 if stem == "shapes" else 10
                fits = (self.memory.rows, self.memory.columns) == (side, side)
                action.setEnabled(fits)
                needs = translate("PatternLibrary", "Needs a {side} x {side} grid")
                action.setToolTip("" if fits else needs.format(side=side))

    def _lay_out(self) -> None:
        buttons = QGridLayout()
        for k, name in enumerate(("add", "replace", "remove", "show")):
            buttons.addWidget(self.buttons[name], k // 2, k % 2)
        store = QHBoxLayout()
        store.addWidget(self.rule, 1)
        store.addWidget(self.interaction)
        store.addWidget(self.buttons["store"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.patterns, 1)
        layout.addLayout(buttons)
        sets = QHBoxLayout()
        sets.addWidget(self.sets)
        sets.addWidget(self.capacity_button)
        layout.addLayout(sets)
        layout.addLayout(store)
        layout.addWidget(self.meter)
        layout.addWidget(self.meter_text)
        layout.addWidget(self.overlap_text)

    def set_memory(self, memory: PatternMemory) -> None:
        self.memory.changed.disconnect(self._memory_changed)
        self.memory = memory
        memory.changed.connect(self._memory_changed)
        self.refresh()

    # ------------------------------------------------------------ actions
    def chosen(self) -> int | None:
        row = self.patterns.currentRow()
        return row if 0 <= row < len(self.memory.library) else None

    def add(self) -> None:
        self._edit("library", translate("PatternLibrary", "Add pattern"), self.memory.add_current)

    def replace(self) -> None:
        if (index := self.chosen()) is not None:
            text = translate("PatternLibrary", "Replace pattern")
            self._edit("library", text, lambda: self.memory.replace(index))

    def remove(self) -> None:
        if (index := self.chosen()) is not None:
            text = translate("PatternLibrary", "Remove pattern")
            self._edit("library", text, lambda: self.memory.remove(index))

    def show_chosen(self, *_args) -> None:
        if (index := self.chosen()) is not None:
            cells = self.memory.library[index].cells
            text = translate("PatternLibrary", "Show pattern")
            self._edit("current", text, lambda: self.memory.set_current(cells))

    def store(self) -> None:
        rule, interaction = self.rule.currentData(), chosen_interaction(self.interaction)
        title = translate("HopfieldRules", STORAGE_RULES[rule].title)
        text = translate("PatternLibrary", "Store ({rule})").format(rule=title)
        self._edit("stored", text, lambda: self.memory.store(rule, interaction))

    def _enable_interaction(self) -> None:
        self.interaction.setEnabled(self.rule.currentData() == "dense")

    def load_set(self, stem: str) -> None:
        patterns = built_in_set(stem).patterns
        title = translate("PatternSets", BUILT_IN.get(stem, stem))
        text = translate("PatternLibrary", "Load {set}").format(set=title)
        self._edit("library", text, lambda: self.memory.add_patterns(patterns))

    # ------------------------------------------------------------ showing
    def _memory_changed(self, part: str) -> None:
        if part in ("library", "stored"):
            self.refresh(rule=part == "stored")

    def refresh(self, rule: bool = True) -> None:
        """Thumbnails, buttons and the load meter as the memory now is (and the rule box)."""
        memory = self.memory
        row = self.patterns.currentRow()
        self.patterns.clear()
        for pattern in memory.library:
            item = QListWidgetItem(
                thumbnail(pattern.cells, memory.rows, memory.columns), pattern.name
            )
            stored = pattern.name in memory.stored_names
            tip = (
                translate("PatternLibrary", "{name}: stored")
                if stored
                else translate("PatternLibrary", "{name}: not stored yet")
            )
            item.setToolTip(plain(tip.format(name=pattern.name)))
            self.patterns.addItem(item)
        self.patterns.setCurrentRow(min(row, len(memory.library) - 1) if row >= 0 else 0)
        has = bool(memory.library)
        for name in ("replace", "remove", "show", "store"):
            self.buttons[name].setEnabled(has)
        if rule:  # what the stored patterns were stored with; otherwise the person's choice
            self.rule.setCurrentIndex(self.rule.findData(memory.rule))
            kept = memory.interaction
            if (index := self.interaction.findData(f"{kept.kind} {kept.degree}")) >= 0:
                self.interaction.setCurrentIndex(index)
        self._enable_interaction()
        self._show_load()

    def _show_load(self) -> None:
        load = self.memory.capacity
        self.meter.setMaximum(max(1, round(load.limit), load.stored))
        self.meter.setValue(load.stored)
        self.meter.setFormat(
            translate("PatternLibrary", "{stored} stored: load {load}").format(
                stored=load.stored, load=f"{load.load:.3f}"
            )
        )
        self.meter.setStyleSheet(WARNING if load.exceeded else "")
        over = "".join(f" {hint.text} {hint.advice}" for hint in hopfield_hint(load))
        self.meter_text.setText(load.statement() + over)
        self._show_overlap()

    def _show_overlap(self) -> None:
        network, names = self.memory.network, self.memory.stored_names
        alike = most_alike(network.patterns)
        if alike is None:
            self.overlap_text.setText("")
            return
        i, j, overlap = alike
        hints = [f"{hint.text} {hint.advice}" for hint in alike_hint(network, names)]
        self.overlap_text.setText(
            hints[0]
            if hints
            else translate(
                "PatternLibrary",
                "The most alike stored patterns, {first} and {second}, overlap {overlap}.",
            ).format(first=repr(names[i]), second=repr(names[j]), overlap=f"{overlap:.2f}")
        )
