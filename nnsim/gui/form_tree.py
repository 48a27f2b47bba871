"""A pyqtgraph ParameterTree that the keyboard walks like a form, names and values side by side.

pyqtgraph moves Tab from field to field itself (each field's editor catches
Tab), but at the last field Tab goes nowhere, so the keyboard is trapped in
the tree; and Qt's own focus chain enters the tree at whichever editor was
made first, skipping the fields above it.  In :class:`FormTree` the editors
take focus only from the tree or a click, Tab into the tree lands on its
first field (Shift+Tab on its last), and Tab past the last field (Shift+Tab
before the first) goes on to the next widget of the window.
"""

import functools

import shiboken6
from pyqtgraph.parametertree import ParameterTree
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFocusEvent, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QWidget,
)

#: The values' least width in pixels (a number, "leaky_relu" in its box); the names have
#: what they need of the rest, and at least NAME_SHARE of the width.
MIN_VALUE_WIDTH = 75
NAME_SHARE = 0.45
#: Room beside a name's text (the item's margins), in pixels.
NAME_PADDING = 14
INTO_TREE = {
    Qt.FocusReason.TabFocusReason: True,
    Qt.FocusReason.BacktabFocusReason: False,
}  # how focus came in: forward (to the first field) or back (to the last)


class FormTree(ParameterTree):
    """A ParameterTree with form-like Tab order (see the module's docstring).

    Names and values share the width: the names get what the longest needs,
    as long as the values keep :data:`MIN_VALUE_WIDTH` (a name that still does
    not fit elides; its tooltip says all), so no value hides behind a scroll
    bar however narrow the panel.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # pyqtgraph's TreeWidget keeps a Python wrapper of Qt's invisible root item, an
        # item Qt deletes with the tree without PySide hearing of it: a wrapper left
        # "valid" on freed memory, which PySide hands out for the next Qt object put at
        # that address (a spin box's line edit came back as a QTreeWidgetItem) and
        # destroys again when that object goes (a segfault in deferred deletion, the
        # abuse test's crash).  The tree says it is going before it deletes its items.
        root = QTreeWidget.invisibleRootItem(self)
        self.destroyed.connect(functools.partial(shiboken6.invalidate, root))
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabKeyNavigation(False)  # Tab leaves the tree rather than walk its rows
        # Fields come and go (a layer's activation) and are renamed: fit the names again.
        for changed in (self.model().rowsInserted, self.model().rowsRemoved):
            changed.connect(self._fit_later)
        self.model().dataChanged.connect(self._fit_later)
        self._fit_pending = False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_names()

    def names_width(self) -> int:
        """The pixels the longest name needs, its indentation included."""
        metrics, widest = self.fontMetrics(), 0
        levels = 1 if self.rootIsDecorated() else 0
        items = QTreeWidgetItemIterator(self)
        while items.value() is not None:
            item = items.value()
            depth, parent = 0, item.parent()
            while parent is not None:
                depth, parent = depth + 1, parent.parent()
            font_metrics = QFontMetrics(item.font(0)) if item.font(0) != self.font() else metrics
            text = font_metrics.horizontalAdvance(item.text(0))
            widest = max(widest, self.indentation() * (depth + levels) + text + NAME_PADDING)
            items += 1
        return widest

    def fit_names(self) -> None:
        """Give the names the width they need, the values at least MIN_VALUE_WIDTH."""
        self._fit_pending = False
        width = self.viewport().width()
        names = min(self.names_width(), width - MIN_VALUE_WIDTH)
        self.header().resizeSection(0, max(names, round(NAME_SHARE * width)))

    def _fit_later(self, *_) -> None:
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self.fit_names)

    def setItemWidget(self, item: QTreeWidgetItem, column: int, widget: QWidget) -> None:  # noqa: N802
        """Show ``widget`` in ``item``, out of Qt's Tab chain: the tree leads Tab to it."""
        super().setItemWidget(item, column, widget)
        for part in (widget, *widget.findChildren(QWidget)):
            if part.focusPolicy() & Qt.FocusPolicy.TabFocus:
                part.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        """Tab into the tree: on to its first field (Shift+Tab: its last)."""
        super().focusInEvent(event)
        forward = INTO_TREE.get(event.reason())
        if forward is not None:
            self._enter(forward)

    def focusNext(self, item: QTreeWidgetItem, forward: bool = True) -> None:  # noqa: N802
        """Focus the field after ``item`` (before it, ``forward`` False); past the end, leave."""
        field = self._field_after(item, forward)
        if field is None:
            self._leave(forward)
        else:
            self._focus(field)

    def _focus(self, field: QTreeWidgetItem) -> None:
        field.setFocus()  # shows the field's editor, with the keyboard in it
        self.setCurrentItem(field)

    def _enter(self, forward: bool) -> None:
        """Focus the first field (``forward``) or the last."""
        field = self.nextFocusableChild(self.invisibleRootItem(), forward=forward)
        if field is not None:
            self._focus(field)

    def _field_after(self, item: QTreeWidgetItem, forward: bool) -> QTreeWidgetItem | None:
        root = self.invisibleRootItem()
        while item is not root:
            parent = item.parent() or root  # a top-level item's parent() is None
            field = self.nextFocusableChild(parent, item, forward=forward)
            if field is not None:
                return field
            item = parent
        return None

    def _leave(self, forward: bool) -> None:
        """Tab on from the tree itself, in Qt's own order (the editors are out of it).

        Where the tree is the only stop (a floating panel), Tab goes round: back in.
        """
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        super().focusNextPrevChild(forward)
        if self.hasFocus():
            self._enter(forward)
