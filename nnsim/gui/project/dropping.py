"""Files dropped on the window: a ``.nnsim`` project opens, a CSV table is imported.

:class:`FileDrops` watches a widget's drag and drop events (an event filter on
the main window, so the window class stays small) and hands the file to
whoever opens projects or imports tables.  A drag is accepted only when it
carries exactly one local file of a kind nnsim reads, so the cursor tells a
person before they let go whether the drop will do anything.
"""

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from nnsim.io.project import SUFFIX

#: File suffixes that Import Data reads.
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")


class FileDrops(QObject):
    """Open or import the file dropped on ``target`` (which then accepts drops).

    Parameters
    ----------
    target : QWidget
        The widget dropped on (the main window); it becomes this object's parent.
    open_project : callable
        ``open_project(path)`` opens a dropped ``.nnsim`` file (File > Open's).
    import_table : callable
        ``import_table(path)`` imports a dropped table (Import Data's).
    swallowers : iterable of QWidget
        Widgets inside ``target`` that would take a drop themselves (the editor's
        canvas): they stop accepting drops, so the drop reaches ``target``.
    """

    def __init__(
        self,
        target: QWidget,
        open_project: Callable[[Path], object],
        import_table: Callable[[Path], object],
        swallowers: Iterable[QWidget] = (),
    ):
        super().__init__(target)
        self._open_project, self._import_table = open_project, import_table
        target.setAcceptDrops(True)
        for widget in swallowers:
            widget.setAcceptDrops(False)
        target.installEventFilter(self)

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
        if path.suffix.lower() == SUFFIX:
            self._open_project(path)
        else:
            self._import_table(path)


def dropped_file(mime) -> Path | None:
    """The one local project or table file in a drag's ``mime`` data, else None."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in (SUFFIX, *TABLE_SUFFIXES) else None
