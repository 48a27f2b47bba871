"""Help > User Guide: links to the tutorials open in it, and Back comes back (issue 14, §6)."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPushButton, QTextBrowser

LEFT = Qt.MouseButton.LeftButton


def link_position(browser: QTextBrowser, href: str) -> QPoint:
    """The viewport point of the first link to ``href``, scrolled into view."""
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                return browser.cursorRect(cursor).center()
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def click_link(qtbot, browser, href):
    qtbot.mouseClick(browser.viewport(), LEFT, pos=link_position(browser, href))


def test_back_returns_from_a_tutorial_to_the_place_in_the_guide(window, qtbot):
    window.guide_action.trigger()
    browser = window.findChild(QTextBrowser, "userGuide")
    back = window.findChild(QPushButton, "guideBack")
    forward = window.findChild(QPushButton, "guideForward")
    assert not back.isEnabled() and not forward.isEnabled()
    guide = browser.document().toPlainText()
    click_link(qtbot, browser, "tutorials/README.md")
    scrolled = browser.verticalScrollBar().value()
    assert browser.document().toPlainText().startswith("Tutorials"), "the tutorials opened here"
    assert back.isEnabled()
    click_link(qtbot, browser, "01-predictor.md")  # one step further
    assert "kilometres" in browser.document().toPlainText().lower()

    qtbot.mouseClick(back, LEFT)
    assert browser.document().toPlainText().startswith("Tutorials")
    qtbot.keyClick(browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back's key
    assert browser.document().toPlainText() == guide
    assert browser.verticalScrollBar().value() == scrolled, "where the link was"
    assert not back.isEnabled() and forward.isEnabled()
    qtbot.mouseClick(forward, LEFT)
    assert browser.document().toPlainText().startswith("Tutorials")
    qtbot.mouseClick(window.findChild(QPushButton, "guideHome"), LEFT)
    assert browser.document().toPlainText() == guide and back.isEnabled()
