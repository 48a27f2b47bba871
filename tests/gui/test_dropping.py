"""Dropping a file on the window: a project opens, a table is imported, others are refused."""

from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from nnsim.gui.project.dropping import FileDrops
from nnsim.gui.project.files import ProjectFiles
from nnsim.io.examples import load_example
from nnsim.io.project import save_project
from nnsim.model.session import Session


def mime_with(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drag_enter(window, mime) -> bool:
    """Whether the window (or any widget) accepts a drag carrying ``mime``."""
    event = QDragEnterEvent(
        window.rect().center(), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def drop(window, mime) -> None:
    """Drag ``mime`` over the window and let go, as Qt delivers a real drop."""
    drag_enter(window, mime)
    event = QDropEvent(
        QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, event)


def test_a_dropped_project_opens(window, tmp_path):
    path = tmp_path / "iris.nnsim"
    save_project(path, load_example("iris"))
    mime = mime_with(path)
    assert drag_enter(window, mime)
    drop(window, mime)
    assert window.document.layer_sizes == (4, 8, 3)
    assert window.files.path == path


def test_a_dropped_csv_opens_the_import_dialog(window, tmp_path):
    path = tmp_path / "bugs.csv"
    path.write_text("w,l,bug\n3,1,a\n1,3,b\n")
    drop(window, mime_with(path))
    dialog = window.importer.dialog
    assert dialog is not None and dialog.dataset.n_samples == 2
    dialog.reject()


def test_other_files_and_several_files_are_not_taken(window, tmp_path):
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"png")
    assert not drag_enter(window, mime_with(picture))
    assert not drag_enter(window, mime_with(tmp_path / "a.csv", tmp_path / "b.csv"))
    drop(window, mime_with(picture))
    assert window.document.layer_sizes == (2, 4, 1) and window.importer.dialog is None


def test_files_dropped_on_a_widget_open_into_the_session_or_go_to_the_importer(qtbot, tmp_path):
    session = Session()
    store = QSettings(str(tmp_path / "nnsim.ini"), QSettings.Format.IniFormat)
    files = ProjectFiles(session, QUndoStack(), None, store, lambda what: True)
    target, canvas = QWidget(), QLabel("a canvas that takes drops")
    QVBoxLayout(target).addWidget(canvas)
    canvas.setAcceptDrops(True)
    qtbot.addWidget(target)
    imported = []
    drops = FileDrops(target, files.open, imported.append, [canvas])
    assert drops.parent() is target and target.acceptDrops() and not canvas.acceptDrops()

    project = tmp_path / "iris.nnsim"
    save_project(project, load_example("iris"))
    drop(target, mime_with(project))
    assert session.document.layer_sizes == (4, 8, 3) and files.path == project
    table = tmp_path / "bugs.CSV"
    drop(target, mime_with(table))
    assert imported == [table]
    picture = tmp_path / "cat.png"
    assert not drag_enter(target, mime_with(picture))
    drop(target, mime_with(picture))
    assert imported == [table] and files.path == project
