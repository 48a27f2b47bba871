"""A graphics view that zooms about the cursor and fits its drawing, never too small to read.

:class:`ZoomingView` is the editor canvas's zoom: the wheel and Zoom In/Out
scale it, Fit to Window shows the whole drawing (and keeps it fitted as the
window resizes, until a person zooms), and scroll bars show only on an axis
where the drawing is larger than the window.
"""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontInfo, QTransform
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsView

ZOOM_STEP = 1.15
#: Fit to Window never draws the layers' names smaller than this (pixels): it scrolls instead.
LEGIBLE_TEXT_PX = 9.0


class ZoomingView(QGraphicsView):
    """Zoom and fit for a view whose scene holds a drawing with labels.

    ``auto_fit`` is True while the view refits itself on resize.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.auto_fit = True  # refit on resize until the person zooms

    def input_side_at_bottom(self) -> bool:
        """Where a drawing too large to fit starts: its left side, or its bottom (override)."""
        return False

    def wheelEvent(self, event):  # noqa: N802 - Qt's name
        steps = event.angleDelta().y() / 120
        if steps:
            self._zoom(ZOOM_STEP**steps)

    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def _zoom(self, factor: float) -> None:
        self.auto_fit = False  # the person chose a zoom: keep it
        self.scale(factor, factor)
        self._update_scroll_bars()

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit_to_window()
        else:
            self._update_scroll_bars()

    def fit_to_window(self) -> None:
        """Show the whole network; it stays fitted as the window resizes, until a zoom.

        Never smaller than :meth:`legible_scale`: a network too large for the
        window at that scale is shown from its input side, with scroll bars.
        """
        self.auto_fit = True
        rect = self._drawing_rect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        floor = self.legible_scale()
        if scale >= floor:
            self._set_scroll_bars(False, False)
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            return
        self.setTransform(QTransform.fromScale(floor, floor))
        self._update_scroll_bars()
        seen = self.mapToScene(self.viewport().rect()).boundingRect()
        centre = rect.center()
        if rect.width() > seen.width():  # the input is on the left (or at the bottom)
            centre.setX(rect.left() + seen.width() / 2)
        if rect.height() > seen.height():
            bottom = self.input_side_at_bottom()
            centre.setY(
                rect.bottom() - seen.height() / 2 if bottom else rect.top() + seen.height() / 2
            )
        self.centerOn(centre)

    def legible_scale(self) -> float:
        """The least scale at which the layers' names are still ``LEGIBLE_TEXT_PX`` high."""
        return LEGIBLE_TEXT_PX / QFontInfo(QGraphicsSimpleTextItem().font()).pixelSize()

    def _drawing_rect(self) -> QRectF:
        """The network's extent with a little room around it, in scene units."""
        return self.scene().itemsBoundingRect().adjusted(-40, -40, 40, 40)

    def _fits(self, rect: QRectF) -> bool:
        """Whether scene ``rect`` lies wholly inside the viewport as it is now."""
        return self.mapToScene(self.viewport().rect()).boundingRect().contains(rect)

    def _update_scroll_bars(self) -> None:
        """Scroll bars on an axis where the drawing is larger than the window, else none."""
        shown = self.mapFromScene(self._drawing_rect()).boundingRect()
        viewport = self.viewport().rect()
        self._set_scroll_bars(
            shown.width() > viewport.width() + 1, shown.height() > viewport.height() + 1
        )

    def _set_scroll_bars(self, horizontal: bool, vertical: bool) -> None:
        on, off = Qt.ScrollBarPolicy.ScrollBarAsNeeded, Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setHorizontalScrollBarPolicy(on if horizontal else off)
        self.setVerticalScrollBarPolicy(on if vertical else off)
