"""Files dropped on the window: a ``.nnsim`` project opens, a CSV table is imported.

:class:`FileDrops` watches the main window's drag and drop events (an event
filter, so the window class stays small).  A drag is accepted only when it
carries exactly one local file of a kind nnsim reads, so the cursor tells a
person before they let go whether the drop will do anything.
"""

from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from nnsim.io.project import SUFFIX

#: File suffixes that Import Data reads.
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")


class FileDrops(QObject):
    """Open or import the file dropped on ``window`` (which then accepts drops)."""

    def __init__(self, window):
        super().__init__(window)
        window.setAcceptDrops(True)
        window.editor.view.setAcceptDrops(False)  # the canvas would swallow the drop
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_file(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            path = dropped_file(event.mimeData())
            if path is not None:
                event.acceptProposedAction()
                self.open(path)
                return True
        return False

    def open(self, path: Path) -> None:
        """What dropping ``path`` does: open a project, or import a table."""
        window = self.parent()
        if path.suffix.lower() == SUFFIX:
            window.files.open(path)
        else:
            window.importer.import_file(path)


def dropped_file(mime) -> Path | None:
    """The one local project or table file in a drag's ``mime`` data, else None."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in (SUFFIX, *TABLE_SUFFIXES) else None
