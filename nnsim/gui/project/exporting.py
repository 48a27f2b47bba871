"""Saving a plot as PNG or SVG, and its numbers as CSV, from its right-click menu.

pyqtgraph's own "Export..." is replaced: its SVG exporter fails on Qt 6.11+
(DESIGN.md section 9).  PNG comes from ``QWidget.grab()``, SVG from
``QSvgGenerator`` painting the widget, CSV from :func:`nnsim.io.write_csv`;
each is written under a temporary name and then put in place.
"""

from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QMessageBox, QWidget

from nnsim.errors import ExportError
from nnsim.gui.plain_text import plain
from nnsim.io import replacing, write_csv
from nnsim.text import translate

#: (header, rows) of a plot's numbers.
Table = tuple[Sequence[str], Sequence[Sequence]]


def save_png(widget: QWidget, path) -> None:
    """Save what ``widget`` shows as a PNG image."""
    with replacing(path) as temporary:
        if not widget.grab().save(str(temporary), "PNG"):
            raise ExportError(
                translate("Exporting", "Qt could not write the PNG image {name}.").format(
                    name=Path(path).name
                )
            )


def save_svg(widget: QWidget, path, title: str = "nnsim plot") -> None:
    """Save what ``widget`` shows as an SVG drawing (vector lines and text); ``title`` is
    the drawing's, written in the file (not translated: the file is the same in any language)."""
    with replacing(path) as temporary:
        generator = QSvgGenerator()
        generator.setFileName(str(temporary))
        generator.setSize(widget.size())
        generator.setViewBox(widget.rect())
        generator.setResolution(widget.logicalDpiX())  # text laid out as on screen
        generator.setTitle(title)
        painter = QPainter()
        if not painter.begin(generator):
            raise ExportError(
                translate("Exporting", "Qt could not start the SVG drawing {name}.").format(
                    name=Path(path).name
                )
            )
        try:
            with _drawing_for_export(widget, painter):
                widget.render(painter)
        finally:
            painter.end()


@contextmanager
def _drawing_for_export(widget: QWidget, painter: QPainter):
    """Have a pyqtgraph scene draw vectors, not its cached pixmaps, while it is exported.

    Axes are cached as pixmaps for speed and scatter symbols come from a pixmap
    atlas; in an SVG both would be blurred pictures (or glyph soup).  pyqtgraph's
    own export mode and no item cache make them lines and text again.
    """
    scene = widget.scene() if hasattr(widget, "scene") else None
    items = list(scene.items()) if scene is not None else []
    caches = [(item, item.cacheMode()) for item in items]
    scatters = [item for item in items if isinstance(item, pg.ScatterPlotItem)]
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    for item in scatters:  # draw each symbol as a path, not from the atlas
        item.setExportMode(True, {"painter": painter, "antialias": True})
    try:
        yield
    finally:
        for item in scatters:
            item.setExportMode(False)
        for item, cache in caches:
            item.setCacheMode(cache)


def install_exports(
    widget: pg.GraphicsView, name: str, table: Callable[[], Table]
) -> list[QAction]:
    """Make a plot's right-click menu Show All, then Save as PNG, as SVG and Data as CSV.

    pyqtgraph's own menu (View All, axes, mouse mode, plot options, Export...)
    is turned off: its words cannot be translated, its SVG export fails on
    Qt 6.11+, and a learner needs only to see everything again after zooming.
    ``name`` is the file name offered; ``table()`` returns the numbers to save.
    Returns the saving actions (tests trigger them).
    """
    texts = (translate("Exporting", "Save Plot as PNG…"),
             translate("Exporting", "Save Plot as SVG…"),
             translate("Exporting", "Save Data as CSV…"))  # fmt: skip
    actions = _export_actions(widget, name, table, texts)
    views = [item for item in widget.scene().items() if isinstance(item, pg.ViewBox)]
    for item in widget.scene().items():
        if isinstance(item, (pg.ViewBox, pg.PlotItem)):
            item.setMenuEnabled(False)
    show_all = QAction(translate("Exporting", "Show All"), widget)
    show_all.setToolTip(translate("Exporting", "Show the whole plot again after zooming"))
    show_all.triggered.connect(lambda: [view.enableAutoRange() for view in views])
    separator = QAction(widget)
    separator.setSeparator(True)
    widget.addActions([show_all, separator, *actions])
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return actions


def view_export_actions(
    widget: QWidget, name: str, table: Callable[[], Table] | None = None
) -> list[QAction]:
    """Save as PNG, Save as SVG (and, with a ``table``, Save Numbers as CSV) for a view that
    is not a plot, owned by ``widget``: its right-click menu shows them (see
    :func:`install_view_exports`).  ``name`` is the file name offered."""
    texts = (translate("Exporting", "Save as PNG…"), translate("Exporting", "Save as SVG…"),
             translate("Exporting", "Save Numbers as CSV…"))  # fmt: skip
    return _export_actions(widget, name, table, texts)


def install_view_exports(
    widget: QWidget, name: str, table: Callable[[], Table] | None = None
) -> list[QAction]:
    """Make :func:`view_export_actions` ``widget``'s right-click menu; return them."""
    actions = view_export_actions(widget, name, table)
    widget.addActions(actions)
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return actions


def _export_actions(widget: QWidget, name: str, table, texts: Sequence[str]) -> list[QAction]:
    """The PNG, SVG and (with a ``table``) CSV actions, with ``texts`` in that order."""
    exports = [
        (translate("Exporting", "PNG image (*.png)"), ".png", lambda path: save_png(widget, path)),
        (
            translate("Exporting", "SVG drawing (*.svg)"),
            ".svg",
            lambda path: save_svg(widget, path),
        ),
    ]
    if table is not None:
        exports.append(
            (
                translate("Exporting", "CSV table (*.csv)"),
                ".csv",
                lambda path: write_csv(path, *table()),
            )
        )
    actions = []
    for text, (kind, suffix, save) in zip(texts, exports, strict=False):
        action = QAction(text, widget)
        action.triggered.connect(
            lambda _=False, k=kind, s=suffix, f=save: ask_and_save(widget, name + s, k, f)
        )
        actions.append(action)
    return actions


def ask_and_save(widget: QWidget, suggested: str, kind: str, save) -> None:
    """Ask where to save (``suggested``, of ``kind``), then ``save(path)``; say if it fails.

    ``kind`` is the file dialog's filter as shown, translated ("PNG image (*.png)")."""
    path, _ = QFileDialog.getSaveFileName(widget, translate("Exporting", "Save"), suggested, kind)
    if not path:
        return
    suffix = Path(suggested).suffix
    if Path(path).suffix.lower() != suffix:
        path += suffix  # "error" saved as CSV becomes error.csv
    try:
        save(path)
    except ExportError as exc:
        QMessageBox.warning(widget, translate("Exporting", "Could not save"), plain(str(exc)))
