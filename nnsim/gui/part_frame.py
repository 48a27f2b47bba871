"""A frame drawn round a part of the window, on top of it, without touching the part itself.

The Lessons panel points a student at the part of the window a step is about.
A style sheet border on the part itself changed it: a push button lost its
native look and shrank (the button beside it moved under the student's
click), a plain widget drew no border at all, and one without an object name
passed the border on to every cell inside it.  :class:`PartFrame` is a
transparent widget of its own, laid over the part, that clicks pass through.
"""

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

#: The frame's colour (orange, told apart from the plots' blue and red) and width.
COLOUR, WIDTH = QColor("#D55E00"), 3
#: How often the frame follows its part (a dock resized, a splitter dragged), in ms.
FOLLOW_MS = 200


class PartFrame(QWidget):
    """An orange frame round :attr:`part`, drawn over ``window``, where the part is."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("lessonFrame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.part: QWidget | None = None
        self._timer = QTimer(self, interval=FOLLOW_MS)
        self._timer.timeout.connect(self.follow)
        self.hide()

    def frame(self, part: QWidget | None) -> None:
        """Frame ``part`` (a widget of this window) from now on (None: nothing)."""
        self.part = part
        if part is None:
            self._timer.stop()
            self.hide()
            return
        self._timer.start()
        self.follow()

    def follow(self) -> None:
        """Lie over the part where it is now; hidden while it is."""
        part = self.part
        if part is None or not isValid(part) or not part.isVisible():
            self.hide()
            return
        corner = part.mapTo(part.window(), QPoint(0, 0))
        self.setGeometry(QRect(corner, part.size()).adjusted(-WIDTH, -WIDTH, WIDTH, WIDTH))
        self.show()
        self.raise_()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setPen(QPen(COLOUR, WIDTH))
        half = WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - 1, -half - 1))
