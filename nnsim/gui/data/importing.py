"""File > Import Data: bring a CSV file in as the data set the network trains on.

:class:`DataImporter` asks for a file, shows it in a
:class:`~nnsim.gui.data.import_dialog.CsvImportDialog`, and, once a person
accepts, makes the data the "custom" data set as one undo step.  When the
network's input or output layer does not fit the data it asks first, and
then resizes those layers in the same step.  A file that cannot be read
gives a message and leaves the data and the network as they were.  The
importer works on a session (its document, settings and classroom) and an
undo stack; the window hands it the editor's way to edit and its own way to
ask that training stop.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from nnsim.engine.datasets import Dataset
from nnsim.errors import NnsimError
from nnsim.gui.actions import make_action
from nnsim.gui.commands import UseDataCommand
from nnsim.gui.data.import_dialog import CsvImportDialog
from nnsim.gui.plain_text import complain
from nnsim.io.csv_data import read_text
from nnsim.model.classroom import FIXED
from nnsim.model.session import Session

FILTER = "CSV tables (*.csv *.txt *.tsv);;All files (*)"
Button = QMessageBox.StandardButton


class DataImporter(QObject):
    """Import Data into ``session``'s settings, each import one step on ``undo_stack``.

    Parameters
    ----------
    session : Session
        Its document is resized to fit the data, its settings take the data,
        its classroom may refuse; what was done is said through it.
    undo_stack : QUndoStack
    parent : QWidget
        The Qt parent: the action's, and the dialogs'.
    edit : callable
        ``edit(text, mutate)`` pushes one undoable document edit (the editor's
        :meth:`~nnsim.gui.editor.view.EditorView.edit`, which refuses while the
        network is locked).
    ask_to_stop : callable
        ``ask_to_stop(what) -> bool``: training holds the network; may it stop to ``what``?

    Attributes
    ----------
    dialog : CsvImportDialog or None
        The import dialog while it is open (tests reach it here).
    """

    def __init__(
        self,
        session: Session,
        undo_stack: QUndoStack,
        parent: QWidget,
        edit: Callable[[str, Callable], object],
        ask_to_stop: Callable[[str], bool],
    ):
        super().__init__(parent)
        self.session, self.undo_stack = session, undo_stack
        self.edit, self.ask_to_stop = edit, ask_to_stop
        self.action = make_action(
            parent, "actionImportData", "&Import Data…", "Ctrl+I",
            "Train on your own data: a CSV table with a column per input and target (Ctrl+I)",
        )  # fmt: skip
        self.action.triggered.connect(lambda: self.import_file())
        self.dialog: CsvImportDialog | None = None

    def import_file(self, path=None) -> bool:
        """Show ``path`` (asked for when None) in the import dialog; False if it cannot be read."""
        if self.session.classroom.fixes("dataset"):
            self._complain(FIXED)
            return False
        if self.session.is_hopfield:
            self._complain("A Hopfield memory stores patterns, not a data set: there is no "
                           "data to import into it.")  # fmt: skip
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.parent(), "Import data", "", FILTER)
            if not path:
                return False
        try:
            text = read_text(path)
        except NnsimError as exc:
            self._complain(str(exc))
            return False
        self.dialog = CsvImportDialog(text, Path(path).stem, self.parent())
        self.dialog.accepted.connect(self._accepted)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()
        return True

    def _accepted(self) -> None:
        self.use_data(self.dialog.dataset)

    def _closed(self) -> None:
        self.dialog.deleteLater()
        self.dialog = None

    def use_data(self, data: Dataset) -> bool:
        """Train on ``data`` from now on, resizing the network to fit; False if not wanted."""
        session = self.session
        if session.busy and not self.ask_to_stop("use the new data"):
            return False
        resizes = self._resizes(data)
        if resizes and session.classroom.network_frozen:
            self._complain(f"The data does not fit the network, and {FIXED[0].lower()}{FIXED[1:]}")
            return False
        if resizes and self.ask_to_resize(_resize_question(session.document, data)) != Button.Yes:
            return False
        document = session.document
        self.undo_stack.beginMacro(f"Import {data.name}")
        for layer_id, size in resizes:  # first, so the new data finds a network that fits it
            self.edit("Resize layer", lambda lid=layer_id, n=size: document.set_layer_size(lid, n))
        self.undo_stack.push(UseDataCommand(session.settings, data))
        self.undo_stack.endMacro()
        session.say(f"Training data: {data.description}")
        return True

    def _resizes(self, data: Dataset) -> list[tuple[str, int]]:
        """(layer id, size) for the input and output layers that do not fit ``data``."""
        document = self.session.document
        layers = document.layers
        if len(layers) < 2:
            return []
        sizes = document.layer_sizes
        wanted = (
            (layers[0].id, sizes[0], data.n_features),
            (layers[-1].id, sizes[-1], data.T.shape[1]),
        )
        return [(layer_id, size) for layer_id, now, size in wanted if size != now]

    def ask_to_resize(self, question: str) -> Button:
        """Yes or No: may the network change to fit the data (tests replace this)?"""
        return QMessageBox.question(self.parent(), "Fit the network to the data?", question)

    def _complain(self, text: str) -> None:
        complain(self.parent(), self.session, "Could not import the data", text)


def _resize_question(document, data: Dataset) -> str:
    sizes = document.layer_sizes
    return (
        f"The data has {_count(data.n_features, 'input')} and {_count(data.T.shape[1], 'output')}; "
        f"the network has {_count(sizes[0], 'input')} and {_count(sizes[-1], 'output')}. "
        "Resize the network's input and output layers to fit? (Weights into and out of "
        "them start again; undo puts everything back.)"
    )


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}{'s' * (n != 1)}"
