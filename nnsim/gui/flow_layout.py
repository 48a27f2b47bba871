"""A layout that puts its widgets in a row and wraps them onto more rows when narrow.

Qt's toolbars hide what does not fit behind a ">>" button, and a row of
buttons in a QHBoxLayout makes its window as wide as the whole row.  A
:class:`FlowLayout` (after Qt's Flow Layout example) is as narrow as its
widest widget and as tall as the rows it needs at the width it is given, so
a side panel or a small window keeps every control in sight.
"""

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Widgets left to right at their size hints, a new row when the next does not fit.

    Parameters
    ----------
    parent : QWidget, optional
    spacing : int
        Pixels between widgets and between rows.
    stretch_last : bool
        Let the last widget of each row take the rest of the row's width when
        it can grow (a slider, say).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6, stretch_last=False):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch_last = stretch_last
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # QLayout's interface
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """All in one row."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the widest widget."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize()).expandedTo(
                QSize(item.sizeHint().width(), item.minimumSize().height())
            )
        return self._with_margins(size)

    # placing
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the widgets out in ``rect`` (only measure unless ``move``); the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows, row, width = [], [], 0
        for item in self._shown():
            wanted = item.sizeHint().width()
            if row and width + self.spacing() + wanted > area.width():
                rows.append(row)
                row, width = [], 0
            width += (self.spacing() if row else 0) + wanted
            row.append(item)
        if row:
            rows.append(row)
        y = area.y()
        for row in rows:
            height = max(item.sizeHint().height() for item in row)
            x = area.x()
            for index, item in enumerate(row):
                size = item.sizeHint()
                if self._stretch_last and index == len(row) - 1 and _can_grow(item):
                    size.setWidth(max(size.width(), area.right() + 1 - x))
                size.setWidth(min(size.width(), area.width()))
                if move:
                    top = y + (height - size.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), size))
                x += size.width() + self.spacing()
            y += height + self.spacing()
        used = y - self.spacing() - area.y() if rows else 0
        return used + margins.top() + margins.bottom()


def _can_grow(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is None:
        return False
    return widget.sizePolicy().horizontalPolicy() & QSizePolicy.PolicyFlag.GrowFlag != 0
