"""File > Open Example: the example projects, each with its one-line description."""

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from nnsim.gui.plain_text import plain
from nnsim.io.examples import Example, examples
from nnsim.text import translate

#: Width the rows are laid out for (the dialog's width less its margins).
ROW_WIDTH = 520


class ExamplePicker(QDialog):
    """A list of the examples; Open (or a double-click) emits ``accepted`` with one chosen.

    Attributes
    ----------
    choices : QListWidget
        One row per example, its title over its description.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("examplePicker")
        self.setWindowTitle(translate("ExamplePicker", "Open Example"))
        self._examples = examples()
        self.choices = QListWidget(objectName="exampleList")
        self.choices.setAlternatingRowColors(True)
        for example in self._examples:
            self._add_row(example)
        self.choices.setCurrentRow(0)
        self.choices.itemDoubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate("ExamplePicker", "Ready networks that follow the tutorials' worked examples.")
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        layout.addWidget(self.choices)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _add_row(self, example: Example) -> None:
        """A row showing the title in bold over the description, wrapped to the list's width."""
        title, description = html.escape(example.title), html.escape(example.description)
        label = QLabel(f"<b>{title}</b><br>{description}")  # not translated: markup (examples()'s)
        label.setWordWrap(True)
        label.setContentsMargins(6, 4, 6, 4)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        item = QListWidgetItem()
        item.setToolTip(plain(example.description))
        item.setSizeHint(QSize(ROW_WIDTH, label.heightForWidth(ROW_WIDTH)))
        self.choices.addItem(item)
        self.choices.setItemWidget(item, label)

    def chosen(self) -> Example:
        """The highlighted example."""
        return self._examples[self.choices.currentRow()]

    def choose(self, name: str) -> None:
        """Highlight the example called ``name`` (a file stem, e.g. "xor_2_4_1")."""
        names = [example.name for example in self._examples]
        self.choices.setCurrentRow(names.index(name))
