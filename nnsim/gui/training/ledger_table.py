"""The Samples view's table (``ledgerTable``): the hardest samples, sortable by any column.

:class:`LedgerModel` holds the samples listed (:class:`LedgerRows`) and gives
each cell's text, and under :data:`SORT_ROLE` the number it sorts by, so a
click on a column's header sorts numerically (0.009 before 0.01 before 2,
never as text); :func:`ledger_table_view` puts it behind a sorting proxy.  New
errors for the same samples change the cells in place: the sort order, the
selection and the scroll position hold while training runs.
"""

from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView

from nnsim.gui.palette import WRONG
from nnsim.gui.plain_text import plain
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: The role under which a cell gives the number it sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole
SAMPLE, INPUTS, TARGET, PREDICTED, ERROR, CHANGE = range(6)
#: Column titles (context "LedgerModel"): classification, then regression where they differ.
TITLES = (
    QT_TRANSLATE_NOOP("LedgerModel", "sample"),
    QT_TRANSLATE_NOOP("LedgerModel", "inputs"),
    QT_TRANSLATE_NOOP("LedgerModel", "class"),
    QT_TRANSLATE_NOOP("LedgerModel", "predicted"),
    QT_TRANSLATE_NOOP("LedgerModel", "error E"),
    QT_TRANSLATE_NOOP("LedgerModel", "ΔE since {epoch}"),
)
REGRESSION_TITLES = {
    TARGET: QT_TRANSLATE_NOOP("LedgerModel", "target"),
    PREDICTED: QT_TRANSLATE_NOOP("LedgerModel", "output"),
}
#: Inputs, targets or outputs listed in full up to this many; beyond, the first few and "…".
SHOWN_NUMBERS = 4
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class LedgerRows:
    """The samples the table lists (k of them) and their numbers.

    Attributes
    ----------
    samples : np.ndarray, shape (k,)
        Their training rows, 0-based.
    inputs : np.ndarray, shape (k, n_inputs)
        Their inputs in the person's own units.
    targets, predicted : np.ndarray, shape (k,) or (k, K)
        Class labels and predicted labels (classification), or targets and outputs.
    errors, change : np.ndarray, shape (k,)
        Each one's error E at the epoch shown, and its change since the earlier epoch.
    """

    samples: np.ndarray
    inputs: np.ndarray
    targets: np.ndarray
    predicted: np.ndarray
    errors: np.ndarray
    change: np.ndarray

    def __len__(self) -> int:
        return len(self.samples)

    def sort_keys(self) -> list[list[float]]:
        """What each cell sorts by, (k, 6) as Python floats: the number shown, or the first
        of several (inputs, targets, outputs); a class by its number."""
        if not len(self):
            return []
        columns = [self.samples, self.inputs, self.targets, self.predicted, self.errors,
                   self.change]  # fmt: skip
        firsts = [np.reshape(c, (len(self), -1))[:, :1] for c in columns]
        return np.hstack(firsts).astype(np.float64).tolist()

    def reordered(self, order: np.ndarray) -> "LedgerRows":
        """The same rows in the order ``order`` (indices, shape (k,))."""
        fields = ("samples", "inputs", "targets", "predicted", "errors", "change")
        return replace(self, **{name: getattr(self, name)[order] for name in fields})


EMPTY = LedgerRows(*(np.empty((0,)) for _ in range(6)))


class LedgerModel(QAbstractTableModel):
    """The table's cells, from :class:`LedgerRows`; ``pictures(sample)`` (or None) gives an
    image-data sample's picture, shown in place of its inputs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = EMPTY
        self._keys: list[list[float]] = []  # each cell's sort key (LedgerRows.sort_keys)
        self.class_names: tuple[str, ...] | None = None
        self.earlier_epoch = 0
        self.pictures = None

    def show_rows(self, rows: LedgerRows, class_names, earlier_epoch: int) -> bool:
        """List ``rows`` (``class_names`` None for regression); True when other samples
        than before are listed (the model was reset), False when cells changed in place."""
        headers_change = (class_names is None) != (self.class_names is None)
        self.class_names = class_names
        if self.earlier_epoch != earlier_epoch or headers_change:
            self.earlier_epoch = earlier_epoch
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(TITLES) - 1)
        old = self.rows.samples
        if len(old) == len(rows) and np.array_equal(np.sort(old), np.sort(rows.samples)):
            # The same samples: keep each in its row (the proxy re-sorts them in place).
            where = np.argsort(rows.samples)[np.argsort(np.argsort(old))]
            self.rows = rows.reordered(where)
            self._keys = self.rows.sort_keys()
            if len(rows):
                last = self.index(len(rows) - 1, len(TITLES) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return False
        self.beginResetModel()
        self.rows, self._keys = rows, rows.sort_keys()
        self.endResetModel()
        return True

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(TITLES)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = TITLES[section]
            if self.class_names is None:
                title = REGRESSION_TITLES.get(section, title)
            return translate("LedgerModel", title).format(epoch=self.earlier_epoch)
        if role == Qt.ItemDataRole.ToolTipRole and section == CHANGE:
            return translate(
                "LedgerModel",
                "ΔE: the error now minus the error at epoch {epoch} (above 0 it grew, below 0 it "
                "fell).",
            ).format(epoch=self.earlier_epoch)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._keys[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = column != INPUTS and (self.class_names is None or column in (0, 4, 5))
            return _RIGHT if numeric else None
        if role == Qt.ItemDataRole.ForegroundRole and column == PREDICTED and self._wrong(row):
            return QColor(WRONG)
        if role == Qt.ItemDataRole.DecorationRole and column == INPUTS and self.pictures:
            return self.pictures(int(self.rows.samples[row]))
        if role == Qt.ItemDataRole.ToolTipRole and column == INPUTS:
            return plain(_numbers(self.rows.inputs[row], most=None))
        return None

    def _wrong(self, row: int) -> bool:
        rows = self.rows
        return self.class_names is not None and rows.targets[row] != rows.predicted[row]

    def _text(self, row: int, column: int) -> str:
        rows = self.rows
        if column == SAMPLE:
            return str(int(rows.samples[row]) + 1)  # counted as the sample selector counts
        if column == INPUTS:
            return "" if self.pictures else _numbers(rows.inputs[row])
        if column in (TARGET, PREDICTED):
            value = (rows.targets if column == TARGET else rows.predicted)[row]
            if self.class_names is not None:
                return self.class_names[int(value)]
            return _numbers(value)
        if column == ERROR:
            return f"{rows.errors[row]:.3g}"
        change = rows.change[row]
        return f"{change:+.2g}" if change else "0"


def _numbers(values, most: int | None = SHOWN_NUMBERS) -> str:
    """``values`` as "0.5, 1, 2", or their first ``most`` - 1 and how many in all."""
    values = np.ravel(values)
    shown = values if most is None or values.size <= most else values[: most - 1]
    text = ", ".join(f"{v:.3g}" for v in shown)
    return text if len(shown) == values.size else f"{text}, … ({values.size})"


def ledger_table_view(model: LedgerModel) -> QTableView:
    """A read-only table (``ledgerTable``) of ``model``, one row selected at a time, sorted by
    the error, largest first; a click on a header sorts by that column."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setObjectName("ledgerTable")
    table.setModel(proxy)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setSortingEnabled(True)
    table.sortByColumn(ERROR, Qt.SortOrder.DescendingOrder)
    table.horizontalHeader().setStretchLastSection(True)
    return table
