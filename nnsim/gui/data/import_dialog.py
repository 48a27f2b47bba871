"""File > Import Data: a CSV file shown as a table, each column given a role, checked live.

:class:`CsvImportDialog` starts from nnsim's guesses (delimiter, decimal
separator, header, roles: see :mod:`nnsim.io.csv_data`) and rebuilds the
preview and the summary whenever a choice changes; the roles a person picked
stay.  The summary says what the data set will be, or in red why the file
cannot become one (naming the row and column); OK stays disabled until it
can.  After ``accepted``, :attr:`dataset` holds the result.
"""

from PySide6.QtCore import Qt
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
from nnsim.gui.plain_text import plain, plain_label
from nnsim.io.csv_data import (
    DECIMALS,
    DELIMITERS,
    ROLES,
    CsvTable,
    guess_roles,
    make_csv_dataset,
    read_table,
)
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Rows shown in the preview; the summary counts them all.
PREVIEW_ROWS = 50
#: Columns shown, each with a role chooser: the first ones and the last (the usual target).
#: One chooser per column made 10,000 columns take 12 s; the others keep their guessed roles.
PREVIEW_COLUMNS = 200
#: The task box's choices (its items' data, shown translated): the task asked for.
TASKS = {
    QT_TRANSLATE_NOOP("ImportDialog", "Automatic"): None,
    QT_TRANSLATE_NOOP("ImportDialog", "Classification"): "classification",
    QT_TRANSLATE_NOOP("ImportDialog", "Regression"): "regression",
}
#: Each of :data:`~nnsim.io.csv_data.ROLES` as its box shows it (the role is the item's data).
ROLE_TITLES = {
    "input": QT_TRANSLATE_NOOP("ImportDialog", "input"),
    "target": QT_TRANSLATE_NOOP("ImportDialog", "target"),
    "ignore": QT_TRANSLATE_NOOP("ImportDialog", "ignore"),
}


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
        self.setWindowTitle(translate("CsvImportDialog", "Import {name}").format(name=name))
        self._text, self._name = text, name
        self.table: CsvTable | None = None
        self.dataset: Dataset | None = None
        self.delimiter = QComboBox(objectName="importDelimiter")
        for character, label in DELIMITERS.items():
            self.delimiter.addItem(translate("CsvData", label), character)
        self.delimiter.setToolTip(
            translate("CsvImportDialog", "What separates the columns (guessed from the file)")
        )
        self.decimal = QComboBox(objectName="importDecimal")
        for character, label in DECIMALS.items():
            self.decimal.addItem(f"{translate('CsvData', label)} (1{character}5)", character)
        self.decimal.setToolTip(
            translate(
                "CsvImportDialog",
                "What marks the decimals in the file's numbers (guessed): a point, or a comma "
                "as spreadsheets write them where fields are separated by semicolons",
            )
        )
        self.header = QCheckBox(
            translate("CsvImportDialog", "The first row names the columns"),
            objectName="importHeader",
        )
        self.task = QComboBox(objectName="importTask")
        for title in TASKS:
            self.task.addItem(translate("ImportDialog", title), title)
        self.task.setToolTip(
            translate(
                "CsvImportDialog",
                "Automatic: a target of names or a few whole numbers is a class; others are values",
            )
        )
        self.preview = QTableWidget(objectName="importPreview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = plain_label(objectName="importSummary")  # quotes the file's cells
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._chosen: dict[int, str] = {}  # the roles the person picked, by column
        self._roles: list[str] = []  # every column's role (those shown: as their boxes say)
        self._shown: list[int] = []  # the columns shown, in order
        self.more_columns = QLabel(objectName="importMoreColumns")
        self.more_columns.setTextFormat(Qt.TextFormat.PlainText)
        self.more_columns.setWordWrap(True)
        self._lay_out()
        self._split(guess=True)
        self.delimiter.currentIndexChanged.connect(lambda: self._split(new_delimiter=True))
        self.decimal.currentIndexChanged.connect(lambda: self._split())
        self.header.toggled.connect(lambda: self._split(keep_roles=True))
        self.task.currentIndexChanged.connect(self._check)
        self.resize(720, 480)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(translate("CsvImportDialog", "Delimiter"), self.delimiter)
        form.addRow(translate("CsvImportDialog", "Decimal separator"), self.decimal)
        form.addRow("", self.header)
        form.addRow(translate("CsvImportDialog", "Task"), self.task)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                translate(
                    "CsvImportDialog",
                    "Choose what each column is: an input, the target, or ignored.",
                )
            )
        )
        layout.addWidget(self.preview)
        layout.addWidget(self.more_columns)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------ choices
    def role_box(self, column: int) -> QComboBox | None:
        """The role chooser above ``column`` (None for a column not shown)."""
        if column not in self._shown:
            return None
        return self.preview.cellWidget(0, self._shown.index(column))

    def roles(self) -> list[str]:
        roles = list(self._roles)
        for place, column in enumerate(self._shown):
            roles[column] = self.preview.cellWidget(0, place).currentData()
        return roles

    def set_roles(self, roles) -> None:
        """Choose each column's role, as a person would."""
        for column, role in enumerate(roles):
            box = self.role_box(column)
            if box is None:
                self._roles[column] = role
            else:
                box.setCurrentIndex(box.findData(role))
            self._chosen[column] = role
        self._check()

    def _split(
        self, guess: bool = False, new_delimiter: bool = False, keep_roles: bool = False
    ) -> None:
        """Split the text with the chosen (or, first, guessed) delimiter, decimal and header.

        A new delimiter has its decimal separator guessed again.  The columns'
        roles are guessed again too, but the roles a person picked stay while
        the columns do; ``keep_roles`` (the header ticked or not: the same
        columns) keeps every role as it is.
        """
        delimiter = None if guess else self.delimiter.currentData()
        header = None if guess else self.header.isChecked()
        decimal = None if guess or new_delimiter else self.decimal.currentData()
        before = self.roles() if self.table is not None else []
        try:
            self.table = read_table(self._text, self._name, delimiter, header, decimal)
        except DataError as exc:
            self.table = None
            self._show_preview(None, [])
            self._say(str(exc), ok=False)
            return
        self._show_choices(self.table)
        roles = guess_roles(self.table)
        if len(roles) != len(before):
            self._chosen = {}  # other columns: the picks were for those that went
        elif keep_roles:
            roles = before
        else:
            roles = [self._chosen.get(column, role) for column, role in enumerate(roles)]
        self._show_preview(self.table, roles)
        self._check()

    def _show_choices(self, table: CsvTable) -> None:
        """Show the delimiter, decimal separator and header the table was split with."""
        choices = (self.delimiter, self.decimal, self.header)
        for widget in choices:
            widget.blockSignals(True)
        self.delimiter.setCurrentIndex(self.delimiter.findData(table.delimiter))
        self.decimal.setCurrentIndex(self.decimal.findData(table.decimal))
        self.header.setChecked(table.has_header)
        for widget in choices:
            widget.blockSignals(False)

    def _show_preview(self, table: CsvTable | None, roles: list[str]) -> None:
        self.preview.clear()
        columns = table.columns if table else ()
        rows = table.rows[:PREVIEW_ROWS] if table else ()
        self._roles = list(roles)
        self._shown = shown_columns(len(columns))
        self._say_more_columns(columns)
        self.preview.setColumnCount(len(self._shown))
        self.preview.setRowCount(1 + len(rows))
        self.preview.setHorizontalHeaderLabels([columns[k] for k in self._shown])
        self.preview.setVerticalHeaderLabels(
            [
                translate("CsvImportDialog", "role"),
                *(str(table.line_of(r)) for r in range(len(rows))),
            ]
            if table
            else []
        )
        for place, column in enumerate(self._shown):
            role = roles[column]
            box = QComboBox()
            for choice in ROLES:
                box.addItem(translate("ImportDialog", ROLE_TITLES[choice]), choice)
            box.setCurrentIndex(box.findData(role))
            tip = translate("CsvImportDialog", "What column {number} ({name}) is")
            box.setToolTip(plain(tip.format(number=column + 1, name=columns[column])))
            box.currentIndexChanged.connect(self._check)
            box.activated.connect(lambda _=0, k=column, b=box: self._pick(k, b.currentData()))
            self.preview.setCellWidget(0, place, box)
        for row, cells in enumerate(rows, start=1):
            for place, column in enumerate(self._shown):
                self.preview.setItem(row, place, QTableWidgetItem(cells[column]))
        self.preview.resizeColumnsToContents()

    def _say_more_columns(self, columns) -> None:
        """Say how many columns are not shown and what their guessed roles make them."""
        hidden = len(columns) - len(self._shown)
        self.more_columns.setVisible(hidden > 0)
        if hidden > 0:
            left = [self._roles[k] for k in range(PREVIEW_COLUMNS - 1, len(columns) - 1)]
            self.more_columns.setText(
                translate(
                    "CsvImportDialog",
                    "Showing {shown} of {columns} columns (the first {first} and the last); the "
                    "{hidden} others keep the roles guessed for them: {inputs} inputs, "
                    "{ignored} ignored.",
                ).format(
                    shown=PREVIEW_COLUMNS,
                    columns=f"{len(columns):,}",
                    first=PREVIEW_COLUMNS - 1,
                    hidden=f"{hidden:,}",
                    inputs=f"{left.count('input'):,}",
                    ignored=f"{left.count('ignore'):,}",
                )
            )

    def _pick(self, column: int, role: str) -> None:
        """A person chose ``role`` for ``column``: it stays when the file is split again."""
        self._chosen[column] = role

    def _check(self) -> None:
        """Make the data set the choices describe, and say what it is or why not."""
        if self.table is None:
            return
        try:
            self.dataset = make_csv_dataset(
                self.table, self.roles(), TASKS[self.task.currentData()]
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


def shown_columns(count: int) -> list[int]:
    """The columns the preview shows: all, or the first PREVIEW_COLUMNS - 1 and the last."""
    if count <= PREVIEW_COLUMNS:
        return list(range(count))
    return [*range(PREVIEW_COLUMNS - 1), count - 1]
