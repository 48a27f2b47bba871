"""Help > User Guide, Help > Keyboard Shortcuts and Help > About."""

import platform
import re

import numpy
import pyqtgraph
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from nnsim import __version__
from nnsim.gui.keyboard import LISTED_AS
from nnsim.resource_files import guide_path

#: Width the guide's screenshots are shown at, in pixels.
GUIDE_PICTURE_WIDTH = 740


def about_text() -> str:
    """Help > About: what nnsim is, its version and licence, and the versions it runs on
    (for a bug report)."""
    return f"""<h3>nnsim {__version__}</h3>
<p>A neural-network simulator for learning and teaching: Rosenblatt perceptrons,
ADALINE and its normalised rule, multi-layer perceptrons trained by backpropagation,
and Hopfield memories. Every number a network computes can be seen.</p>
<p>Copyright (c) 2026 the nnsim developers. MIT licence (the LICENSE file).<br>
Built on NumPy, Qt (PySide6), pyqtgraph, superqt and psygnal.</p>
<p><small>Running on Python {platform.python_version()}, Qt {qVersion()},
PySide6 {pyside_version}, NumPy {numpy.__version__}, pyqtgraph {pyqtgraph.__version__}
({platform.system()} {platform.machine()}).</small></p>"""


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(shortcut, action, what it does) for every action of ``window`` that has a shortcut."""
    rows, seen = [], set()
    for action in window.findChildren(type(window.quit_action)):
        keys = action.shortcut().toString()
        if keys and action.objectName() not in seen:
            seen.add(action.objectName())
            name = action.property(LISTED_AS) or action.text().replace("&", "")
            rows.append((keys, name, action.toolTip()))
    return sorted(rows, key=lambda row: row[1].lower())


def shortcuts_dialog(window) -> QDialog:
    """A dialog listing every keyboard shortcut of the window (not yet shown)."""
    dialog = QDialog(window)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle("Keyboard Shortcuts")
    rows = shortcut_rows(window)
    table = QTableWidget(len(rows), 3, dialog)
    table.setHorizontalHeaderLabels(["Keys", "Action", "What it does"])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.resizeColumnsToContents()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(720, 520)
    return dialog


def show_about(window) -> None:
    QMessageBox.about(window, "About nnsim", about_text())


def guide_dialog(parent) -> QDialog:
    """The user guide, read from the copy shipped with nnsim (no network needed)."""
    dialog = QDialog(parent)
    dialog.setObjectName("userGuideDialog")
    dialog.setWindowTitle("nnsim user guide")
    browser = QTextBrowser(objectName="userGuide")
    browser.setOpenExternalLinks(True)
    try:
        path = guide_path()
        browser.setSearchPaths([str(path.parent)])  # the pictures sit beside the guide
        browser.setHtml(_guide_html(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError) as exc:
        browser.setPlainText(f"The user guide could not be read ({exc}). Reinstall nnsim.")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(820, 760)
    return dialog


def _guide_html(markdown: str) -> str:
    """The guide as HTML, its pictures scaled to the dialog (they are screenshots of the window)."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    return re.sub(r"<img src=", f'<img width="{GUIDE_PICTURE_WIDTH}" src=', document.toHtml())
