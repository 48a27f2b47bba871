"""The pattern editor (``patternEditor``): a grid of neurons to paint on and to watch recall on.

A left-drag paints cells black (+1), a right-drag white (-1).  Cells between
two mouse positions are painted too (the line between them), so a fast
stroke leaves no gaps.  A whole stroke is one undo step: ``stroke_done``
hands the grid before and after it to the workspace, which pushes the command.
During recall the grid shows each update as it happens, the neuron being
updated framed in colour; painting is then off.  With ``weights`` set it
shows numbers instead, as colours (the incoming weights of a neuron).
"""

import numpy as np
from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QImage, QPainter, QPen
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from nnsim.gui.palette import NEGATIVE, POSITIVE, WRONG
from nnsim.model.memory import PatternMemory
from nnsim.text import translate

BLACK, WHITE, LINES = QColor("#202020"), QColor("#FFFFFF"), QColor("#C8C8C8")


class PatternGrid(QWidget):
    """A view of a :class:`PatternMemory`'s current pattern that paints it.

    Signals
    -------
    stroke_done(object, object)
        The grid before and after a finished stroke (arrays of N values).
    hovered(int)
        The cell under the mouse (-1 when it leaves the grid).
    """

    stroke_done = Signal(object, object)
    hovered = Signal(int)

    def __init__(self, memory: PatternMemory, parent=None):
        super().__init__(parent)
        self.setObjectName("patternEditor")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(
            translate(
                "PatternGrid",
                "Left-drag paints black, right-drag paints white; right-click beside the grid "
                "(or press the Menu key) to save it",
            )
        )
        self.memory = memory
        self.painting_enabled = True
        self.highlighted: int | None = None
        #: Values to show instead of the pattern (shape (N,)), e.g. a neuron's weights.
        self.weights: np.ndarray | None = None
        self._stroke = None  # (value, grid before, last cell) while a mouse button is down
        #: What its menu offers (saving the grid): the right button paints on the cells, so
        #: the menu opens from beside them, or from the keyboard.
        self.menu_actions: list = []
        memory.changed.connect(self._memory_changed)

    def set_memory(self, memory: PatternMemory) -> None:
        self.memory.changed.disconnect(self._memory_changed)
        self.memory = memory
        memory.changed.connect(self._memory_changed)
        self.update()

    def _memory_changed(self, part: str) -> None:
        if part == "current":
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, 400)

    # -------------------------------------------------------------- geometry
    def _cell_size(self) -> float:
        # One pixel to spare, so the last grid line falls inside the widget.
        return min((self.width() - 1) / self.memory.columns, (self.height() - 1) / self.memory.rows)

    def _origin(self) -> tuple[float, float]:
        size = self._cell_size()
        return (
            (self.width() - size * self.memory.columns) / 2,
            (self.height() - size * self.memory.rows) / 2,
        )

    def cell_at(self, point: QPoint) -> int | None:
        """The flat index of the cell under ``point`` (widget coordinates), or None."""
        size = self._cell_size()
        left, top = self._origin()
        column, row = int((point.x() - left) // size), int((point.y() - top) // size)
        if 0 <= row < self.memory.rows and 0 <= column < self.memory.columns:
            return row * self.memory.columns + column
        return None

    def cell_centre(self, index: int) -> QPoint:
        """Where cell ``index`` is drawn (its centre, widget coordinates)."""
        size = self._cell_size()
        left, top = self._origin()
        row, column = divmod(index, self.memory.columns)
        return QPoint(int(left + (column + 0.5) * size), int(top + (row + 0.5) * size))

    # --------------------------------------------------------------- drawing
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        memory = self.memory
        painter = QPainter(self)
        size = self._cell_size()
        left, top = self._origin()
        area = QRectF(left, top, size * memory.columns, size * memory.rows)
        painter.drawImage(area, self._image())
        if size >= 6:  # grid lines while cells are big enough to tell apart
            painter.setPen(QPen(LINES, 1))
            for column in range(memory.columns + 1):
                painter.drawLine(
                    int(left + column * size),
                    int(top),
                    int(left + column * size),
                    int(area.bottom()),
                )
            for row in range(memory.rows + 1):
                painter.drawLine(
                    int(left), int(top + row * size), int(area.right()), int(top + row * size)
                )
        if self.highlighted is not None:
            row, column = divmod(self.highlighted, memory.columns)
            painter.setPen(QPen(QColor(WRONG), max(2.0, size / 6)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(left + column * size, top + row * size, size, size))
        painter.end()

    def _image(self) -> QImage:
        """The pattern (or the weights) as a small image, one pixel per cell."""
        memory = self.memory
        if self.weights is None:
            grey = np.where(memory.current > 0, BLACK.red(), WHITE.red()).astype(np.uint8)
            rgb = np.repeat(grey[:, None], 3, axis=1)
        else:
            rgb = _diverging(self.weights)
        rgb = np.ascontiguousarray(rgb.reshape(memory.rows, memory.columns, 3))
        image = QImage(rgb.data, memory.columns, memory.rows, 3 * memory.columns,
                       QImage.Format.Format_RGB888)  # fmt: skip
        return image.copy()  # own the pixels: ``rgb`` goes away

    # ------------------------------------------------------------- painting
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        button = event.button()
        if not self.painting_enabled or button not in (
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.RightButton,
        ):
            super().mousePressEvent(event)
            return
        cell = self.cell_at(event.position().toPoint())
        if cell is None:
            return
        value = 1.0 if button == Qt.MouseButton.LeftButton else -1.0
        self._stroke = (value, self.memory.current.copy(), cell)
        self.memory.paint([cell], value)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        cell = self.cell_at(event.position().toPoint())
        self.hovered.emit(-1 if cell is None else cell)
        if self._stroke is None or cell is None:
            return
        value, before, last = self._stroke
        self.memory.paint(self._line(last, cell), value)
        self._stroke = (value, before, cell)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._stroke is None:
            super().mouseReleaseEvent(event)
            return
        _value, before, _last = self._stroke
        self._stroke = None
        if not np.array_equal(before, self.memory.current):
            self.stroke_done.emit(before, self.memory.current.copy())

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        on_a_cell = self.cell_at(event.pos()) is not None
        if event.reason() == QContextMenuEvent.Reason.Mouse and on_a_cell and self.painting_enabled:
            return  # the right button painted that cell white
        if self.menu_actions:
            QMenu.exec(self.menu_actions, event.globalPos(), None, self)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.hovered.emit(-1)
        super().leaveEvent(event)

    def _line(self, start: int, end: int) -> list[int]:
        """The cells on the straight line from cell ``start`` to cell ``end``, both included."""
        columns = self.memory.columns
        (r0, c0), (r1, c1) = divmod(start, columns), divmod(end, columns)
        steps = max(abs(r1 - r0), abs(c1 - c0), 1)
        rows = np.rint(np.linspace(r0, r1, steps + 1)).astype(int)
        cols = np.rint(np.linspace(c0, c1, steps + 1)).astype(int)
        return (rows * columns + cols).tolist()

    def set_highlight(self, index: int | None) -> None:
        """Frame the neuron being updated (None: no frame)."""
        if index != self.highlighted:
            self.highlighted = index
            self.update()

    def show_weights(self, weights: np.ndarray | None) -> None:
        """Show ``weights`` (N,) as colours, or the pattern again (None)."""
        self.weights = weights
        self.update()


def _diverging(values: np.ndarray) -> np.ndarray:
    """Blue for positive, orange for negative, white for 0: (N, 3) bytes, scaled to the largest."""
    largest = float(np.abs(values).max()) or 1.0
    share = np.clip(values / largest, -1.0, 1.0)[:, None]
    white = np.array([255.0, 255.0, 255.0])
    positive, negative = _rgb(POSITIVE), _rgb(NEGATIVE)
    rgb = np.where(
        share >= 0, white + share * (positive - white), white - share * (negative - white)
    )
    return rgb.astype(np.uint8)


def _rgb(colour: str) -> np.ndarray:
    c = QColor(colour)
    return np.array([c.red(), c.green(), c.blue()], dtype=float)


def grid_table(memory: PatternMemory) -> tuple[tuple[str, ...], list[list[int]]]:
    """The pattern on the grid as a table: one row per grid row, +1 black and -1 white."""
    cells = memory.current.reshape(memory.rows, memory.columns).astype(int)
    header = ("row", *(f"column {c + 1}" for c in range(memory.columns)))
    return header, [[r + 1, *row] for r, row in enumerate(cells.tolist())]
