"""File > Import Data: a CSV file shown as a table, each column given a role, checked live.

:class:`CsvImportDialog` starts from nnsim's guesses (delimiter, header,
roles: see :mod:`nnsim.io.csv_data`) and rebuilds the preview and the
summary whenever a choice changes.  The summary says what the data set will
be, or in red why the file cannot become one (naming the row and column);
OK stays disabled until it can.  After ``accepted``, :attr:`dataset` holds
the result.
"""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from nnsim.engine.datasets import Dataset
from nnsim.errors import DataError
from nnsim.io.csv_data import (
    DELIMITERS,
    ROLES,
    CsvTable,
    guess_roles,
    make_csv_dataset,
    read_table,
)

#: Rows shown in the preview; the summary counts them all.
PREVIEW_ROWS = 50
TASKS = {"Automatic": None, "Classification": "classification", "Regression": "regression"}


class CsvImportDialog(QDialog):
    """Preview of a CSV file's ``text`` with a role for each column.

    Attributes
    ----------
    table : CsvTable or None
        The file as now split (None when it cannot be split).
    dataset : Dataset or None
        What the current choices make (None while they make nothing).
    """

    def __init__(self, text: str, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self.setWindowTitle(f"Import {name}")
        self._text, self._name = text, name
        self.table: CsvTable | None = None
        self.dataset: Dataset | None = None
        self.delimiter = QComboBox(objectName="importDelimiter")
        for character, label in DELIMITERS.items():
            self.delimiter.addItem(label, character)
        self.delimiter.setToolTip("What separates the columns (guessed from the file)")
        self.header = QCheckBox("The first row names the columns", objectName="importHeader")
        self.task = QComboBox(objectName="importTask")
        self.task.addItems(list(TASKS))
        self.task.setToolTip(
            "Automatic: a target of names or a few whole numbers is a class; others are values"
        )
        self.preview = QTableWidget(objectName="importPreview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._split(guess=True)
        self.delimiter.currentIndexChanged.connect(lambda: self._split(guess=False))
        self.header.toggled.connect(lambda: self._split(guess=False))
        self.task.currentIndexChanged.connect(self._check)
        self.resize(720, 480)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Delimiter", self.delimiter)
        form.addRow("", self.header)
        form.addRow("Task", self.task)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Choose what each column is: an input, the target, or ignored."))
        layout.addWidget(self.preview)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------ choices
    def role_box(self, column: int) -> QComboBox:
        """The role chooser above ``column``."""
        return self.preview.cellWidget(0, column)

    def roles(self) -> list[str]:
        return [self.role_box(k).currentText() for k in range(self.preview.columnCount())]

    def set_roles(self, roles) -> None:
        for column, role in enumerate(roles):
            self.role_box(column).setCurrentText(role)

    def _split(self, guess: bool) -> None:
        """Split the text with the chosen (or, first, guessed) delimiter and header."""
        delimiter = None if guess else self.delimiter.currentData()
        header = None if guess else self.header.isChecked()
        try:
            self.table = read_table(self._text, self._name, delimiter, header)
        except DataError as exc:
            self.table = None
            self._show_preview(None, [])
            self._say(str(exc), ok=False)
            return
        if guess:  # show the guesses without splitting again
            for widget in (self.delimiter, self.header):
                widget.blockSignals(True)
            self.delimiter.setCurrentIndex(self.delimiter.findData(self.table.delimiter))
            self.header.setChecked(self.table.has_header)
            for widget in (self.delimiter, self.header):
                widget.blockSignals(False)
        self._show_preview(self.table, guess_roles(self.table))
        self._check()

    def _show_preview(self, table: CsvTable | None, roles: list[str]) -> None:
        self.preview.clear()
        columns = table.columns if table else ()
        rows = table.rows[:PREVIEW_ROWS] if table else ()
        self.preview.setColumnCount(len(columns))
        self.preview.setRowCount(1 + len(rows))
        self.preview.setHorizontalHeaderLabels(list(columns))
        self.preview.setVerticalHeaderLabels(
            ["role", *(str(table.line_of(r)) for r in range(len(rows)))] if table else []
        )
        for column, role in enumerate(roles):
            box = QComboBox()
            box.addItems(list(ROLES))
            box.setCurrentText(role)
            box.setToolTip(f"What column {column + 1} ({columns[column]}) is")
            box.currentIndexChanged.connect(self._check)
            self.preview.setCellWidget(0, column, box)
        for row, cells in enumerate(rows, start=1):
            for column, cell in enumerate(cells):
                self.preview.setItem(row, column, QTableWidgetItem(cell))
        self.preview.resizeColumnsToContents()

    def _check(self) -> None:
        """Make the data set the choices describe, and say what it is or why not."""
        if self.table is None:
            return
        try:
            self.dataset = make_csv_dataset(
                self.table, self.roles(), TASKS[self.task.currentText()]
            )
        except DataError as exc:
            self.dataset = None
            self._say(str(exc), ok=False)
            return
        classes = self.dataset.class_names
        named = f" ({', '.join(classes[:6])}{', ...' * (len(classes) > 6)})" if classes else ""
        self._say(self.dataset.description + named, ok=True)

    def _say(self, text: str, ok: bool) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("" if ok else "color: #b00020;")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if not ok:
            self.dataset = None
