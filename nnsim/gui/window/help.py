"""Help > User Guide, Help > Keyboard Shortcuts and Help > About."""

import platform
import re
from pathlib import Path

import numpy
import pyqtgraph
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from nnsim import __version__
from nnsim.gui.actions import without_accelerator
from nnsim.gui.language import current_language
from nnsim.gui.window.keyboard import LISTED_AS
from nnsim.resource_files import guide_path
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Width the guide's screenshots are shown at, in pixels.
GUIDE_PICTURE_WIDTH = 740


def about_text() -> str:
    """Help > About: what nnsim is, its version and licence, and the versions it runs on
    (for a bug report)."""
    what = translate(
        "Help",
        "A neural-network simulator for learning and teaching: Rosenblatt perceptrons, "
        "ADALINE and its normalised rule, multi-layer perceptrons trained by backpropagation, "
        "and Hopfield memories. Every number a network computes can be seen.",
    )
    licence = translate(
        "Help", "Copyright (c) 2026 the nnsim developers. MIT licence (the LICENSE file)."
    )
    built_on = translate("Help", "Built on NumPy, Qt (PySide6), pyqtgraph, superqt and psygnal.")
    running_on = translate(
        "Help",
        "Running on Python {python}, Qt {qt}, PySide6 {pyside}, NumPy {numpy}, "
        "pyqtgraph {pyqtgraph} ({system} {machine}).",
    ).format(
        python=platform.python_version(), qt=qVersion(), pyside=pyside_version,
        numpy=numpy.__version__, pyqtgraph=pyqtgraph.__version__,
        system=platform.system(), machine=platform.machine(),
    )  # fmt: skip
    return f"""<h3>nnsim {__version__}</h3>
<p>{what}</p>
<p>{licence}<br>
{built_on}</p>
<p><small>{running_on}</small></p>"""


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(shortcut, action, what it does) for every action of ``window`` that has a shortcut."""
    rows, seen = [], set()
    for action in window.findChildren(type(window.quit_action)):
        keys = action.shortcut().toString()
        if keys and action.objectName() not in seen:
            seen.add(action.objectName())
            name = action.property(LISTED_AS) or without_accelerator(action.text())
            rows.append((keys, name, action.toolTip()))
    return sorted(rows, key=lambda row: row[1].lower())


def shortcuts_dialog(window) -> QDialog:
    """A dialog listing every keyboard shortcut of the window (not yet shown)."""
    dialog = QDialog(window)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(translate("Help", "Keyboard Shortcuts"))
    rows = shortcut_rows(window)
    table = QTableWidget(len(rows), 3, dialog)
    table.setHorizontalHeaderLabels(
        [translate("Help", "Keys"), translate("Help", "Action"), translate("Help", "What it does")]
    )
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
    QMessageBox.about(window, translate("Help", "About nnsim"), about_text())


class GuideBrowser(QTextBrowser):
    """The guide and the pages it links to (the tutorials), with Back, Forward and Contents.

    Links to other Markdown pages open here, drawn like the guide; a link
    within a page scrolls to its place; web links open in the web browser.
    Each step is remembered with where the page was scrolled to, so Back
    returns to the very paragraph the link was in.

    Signals
    -------
    moved()
        A page or a place was shown: Back and Forward may have come or gone.
    """

    moved = Signal()

    def __init__(self, home: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setOpenLinks(False)  # every link goes through follow(), which keeps the history
        self.anchorClicked.connect(self.follow)
        self.home_page = home
        self.page: Path | None = None
        self._back: list[tuple[Path, int]] = []
        self._forward: list[tuple[Path, int]] = []
        self._show(home)

    # where we are
    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def _here(self) -> tuple[Path, int]:
        return self.page, self.verticalScrollBar().value()

    def _show(self, page: Path, anchor: str = "", scrolled: int | None = None) -> None:
        if page != self.page:
            try:
                text = page.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                words = translate("Help", "{page} could not be read ({reason}). Reinstall nnsim.")
                self.setPlainText(words.format(page=page.name, reason=exc))
            else:
                self.setSearchPaths([str(page.parent)])  # its pictures sit beside it
                self.setHtml(_guide_html(text))
            self.page = page
        if scrolled is not None:
            self.verticalScrollBar().setValue(scrolled)
        elif anchor:
            self.scrollToAnchor(anchor)
        else:
            self.verticalScrollBar().setValue(0)
        self.moved.emit()

    # moving
    def follow(self, url: QUrl) -> None:
        """Go where a link points: a page of the guide here, anything else outside."""
        if url.scheme() not in ("", "file"):
            QDesktopServices.openUrl(url)  # the web: the person's browser
            return
        path = url.path()
        target = self.page if not path else (self.page.parent / path).resolve()
        if target.suffix.lower() != ".md":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
            return
        self._back.append(self._here())
        self._forward.clear()
        self._show(target, url.fragment())

    # QTextBrowser's own slots (its Alt+Left and Alt+Right call them), on this history
    def backward(self) -> None:
        if self._back:
            self._forward.append(self._here())
            self._show(*self._step(self._back.pop()))

    def forward(self) -> None:
        if self._forward:
            self._back.append(self._here())
            self._show(*self._step(self._forward.pop()))

    def home(self) -> None:
        """Back to the guide's first page, as a step Back can undo."""
        if self._here() != (self.home_page, 0):
            self._back.append(self._here())
            self._forward.clear()
            self._show(self.home_page)

    @staticmethod
    def _step(place: tuple[Path, int]) -> tuple[Path, str, int]:
        page, scrolled = place
        return page, "", scrolled


def guide_dialog(parent) -> QDialog:
    """The user guide in the window's language (English where it has none), read from the
    copy shipped with nnsim (no network needed)."""
    dialog = QDialog(parent)
    dialog.setObjectName("userGuideDialog")
    dialog.setWindowTitle(translate("Help", "nnsim user guide"))
    layout = QVBoxLayout(dialog)
    try:
        path = guide_path(current_language())
    except FileNotFoundError as exc:
        browser = QTextBrowser(objectName="userGuide")
        words = translate("Help", "The user guide could not be found ({reason}). Reinstall nnsim.")
        browser.setPlainText(words.format(reason=exc))
        layout.addWidget(browser)
    else:
        browser = GuideBrowser(path)
        layout.addLayout(_guide_buttons(browser))
        layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(820, 760)
    return dialog


def _guide_buttons(browser: GuideBrowser) -> QHBoxLayout:
    """Back (Alt+Left), Forward (Alt+Right) and Contents, enabled when they lead somewhere."""
    style = QApplication.style()
    row = QHBoxLayout()
    made = {}
    for name, text, icon, keys, tip, go in (
        ("guideBack", QT_TRANSLATE_NOOP("Help", "Back"), QStyle.StandardPixmap.SP_ArrowBack,
         QKeySequence.StandardKey.Back,
         QT_TRANSLATE_NOOP("Help", "Back to the page or place you came from"), browser.backward),
        ("guideForward", QT_TRANSLATE_NOOP("Help", "Forward"),
         QStyle.StandardPixmap.SP_ArrowForward, QKeySequence.StandardKey.Forward,
         QT_TRANSLATE_NOOP("Help", "Forward again"), browser.forward),
        ("guideHome", QT_TRANSLATE_NOOP("Help", "Contents"), QStyle.StandardPixmap.SP_DirHomeIcon,
         "", QT_TRANSLATE_NOOP("Help", "The guide's first page"), browser.home),
    ):  # fmt: skip
        button = QPushButton(style.standardIcon(icon), translate("Help", text), objectName=name)
        button.setShortcut(QKeySequence(keys))
        shortcut = button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        words = translate("Help", tip)
        button.setToolTip(f"{words} ({shortcut})" if shortcut else words)
        button.setAutoDefault(False)  # Enter in the dialog is not a step through the guide
        button.clicked.connect(go)
        row.addWidget(button)
        made[name] = button
    row.addStretch(1)

    def enable() -> None:
        made["guideBack"].setEnabled(browser.can_go_back)
        made["guideForward"].setEnabled(browser.can_go_forward)

    browser.moved.connect(enable)
    enable()
    return row


def _guide_html(markdown: str) -> str:
    """The guide as HTML, its pictures scaled to the dialog (they are screenshots of the window)."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    return re.sub(r"<img src=", f'<img width="{GUIDE_PICTURE_WIDTH}" src=', document.toHtml())
