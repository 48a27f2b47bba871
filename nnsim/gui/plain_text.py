"""Text from files shown as text, never as markup (DESIGN.md section 6).

Qt guesses: a QLabel's, a QMessageBox's or a tooltip's text that *looks*
like HTML (``Qt::mightBeRichText``) is rendered as HTML, and pyqtgraph's
titles, axis labels and legends are always HTML.  A data set name, a CSV
header or a pattern name of ``<img src="/dev/zero">`` then makes Qt read
/dev/zero until memory runs out, ``<img src="/a/local.png">`` shows a local
file, and ``<a href="file:///etc/passwd">`` in an error dialog is a link
that opens.  So wherever text can come from a file (a project, a CSV file,
a file's name, an error message quoting one) it goes through one of these:

- :func:`plain_label` and :func:`message_box`: a QLabel or a QMessageBox
  (built, then opened) that shows its text as plain text, whatever it holds;
- :func:`plain`: for places Qt guesses about and no format can be set
  (tooltips, QMessageBox.warning/question/...): the text itself when Qt
  takes it for plain text anyway, else rich text that reads exactly as it;
- :func:`escaped`: for file text placed inside markup (pyqtgraph's labels,
  or a label that is rich text on purpose);
- :func:`complain`: what went wrong, said in the status bar and a warning dialog.
"""

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt's namespace with mightBeRichText
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def escaped(text: str) -> str:
    """``text`` to place inside HTML, where it reads as written (no tag, no entity acts)."""
    return html.escape(text, quote=False)


def plain(text: str) -> str:
    """``text`` for a place where Qt guesses whether text is HTML (a tooltip, a static
    QMessageBox): unchanged when Qt guesses plain text, else escaped into HTML that
    shows exactly ``text`` (spaces and line breaks kept, long lines still wrapped).

    Call it once, on the whole text as shown: its result is HTML when it is not ``text``.
    """
    if not GuiQt.mightBeRichText(text):
        return text
    # Qt's parser drops a line break just inside a tag, as HTML's does in <pre>: the
    # two added here go, and a line break that begins or ends ``text`` stays.
    return f'<p style="white-space: pre-wrap">\n{escaped(text)}\n</p>'


def make_plain(label: QLabel) -> QLabel:
    """Have ``label`` show its text as plain text from now on; return it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", **properties) -> QLabel:
    """A QLabel showing ``text`` (and whatever it is given later) as plain text."""
    label = make_plain(QLabel(**properties))
    label.setText(text)  # after the format: never parsed as HTML, even once
    return label


def message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None
) -> QMessageBox:
    """A QMessageBox (not yet shown) whose text is plain: no markup acts, no link opens."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)  # after the format: never parsed as HTML, even once
    return box


def complain(parent: QWidget | None, session, title: str, text: str) -> None:
    """Say what went wrong: in the status bar (through ``session.say``) and in a dialog."""
    session.say(text)
    QMessageBox.warning(parent, title, plain(text))
