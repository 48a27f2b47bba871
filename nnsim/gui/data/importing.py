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
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: The file dialog's filters, shown translated (their patterns kept).
FILTER = QT_TRANSLATE_NOOP("Importing", "CSV tables (*.csv *.txt *.tsv);;All files (*)")
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
            parent, "actionImportData", QT_TRANSLATE_NOOP("Actions", "&Import Data…"), "Ctrl+I",
            QT_TRANSLATE_NOOP("Actions", "Train on your own data: a CSV table with a column "
                                         "per input and target (Ctrl+I)"),
        )  # fmt: skip
        self.action.triggered.connect(lambda: self.import_file())
        self.dialog: CsvImportDialog | None = None

    def import_file(self, path=None) -> bool:
        """Show ``path`` (asked for when None) in the import dialog; False if it cannot be read."""
        if self.session.classroom.fixes("dataset"):
            self.complain(translate("Classroom", FIXED))
            return False
        if self.session.is_hopfield:
            self.complain(translate("DataImporter", "A Hopfield memory stores patterns, not a "
                                     "data set: there is no data to import into it."))  # fmt: skip
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.parent(), translate("DataImporter", "Import data"), "",
                translate("Importing", FILTER),
            )  # fmt: skip
            if not path:
                return False
        try:
            text = read_text(path)
        except NnsimError as exc:
            self.complain(str(exc))
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
        if session.busy and not self.ask_to_stop(translate("DataImporter", "use the new data")):
            return False
        resizes = self._resizes(data)
        if resizes and session.classroom.network_frozen:
            fixed = translate("Classroom", FIXED)
            self.complain(
                translate("DataImporter", "The data does not fit the network, and {fixed}").format(
                    fixed=fixed[0].lower() + fixed[1:]
                )
            )
            return False
        if resizes and self.ask_to_resize(_resize_question(session.document, data)) != Button.Yes:
            return False
        document = session.document
        self.undo_stack.beginMacro(
            translate("DataImporter", "Import {name}").format(name=data.name)
        )
        resize = translate("DataImporter", "Resize layer")
        for layer_id, size in resizes:  # first, so the new data finds a network that fits it
            self.edit(resize, lambda lid=layer_id, n=size: document.set_layer_size(lid, n))
        self.undo_stack.push(UseDataCommand(session.settings, data))
        self.undo_stack.endMacro()
        said = translate("DataImporter", "Training data: {description}")
        session.say(said.format(description=data.description))
        return True

    def _resizes(self, data: Dataset) -> list[tuple[str, int]]:
        """(layer id, size) for the input and output layers that do not fit ``data`` (only the
        visible layer of a Boltzmann machine)."""
        document = self.session.document
        layers = document.layers
        if len(layers) < 2:
            return []
        sizes = document.layer_sizes
        wanted = [(layers[0].id, sizes[0], data.n_features)]
        if document.kind != "rbm":  # a Boltzmann machine's hidden layer needs no targets
            wanted.append((layers[-1].id, sizes[-1], data.T.shape[1]))
        return [(layer_id, size) for layer_id, now, size in wanted if size != now]

    def ask_to_resize(self, question: str) -> Button:
        """Yes or No: may the network change to fit the data (tests replace this)?"""
        title = translate("DataImporter", "Fit the network to the data?")
        return QMessageBox.question(self.parent(), title, question)

    def complain(self, text: str) -> None:
        """Say why the data could not be used."""
        title = translate("DataImporter", "Could not import the data")
        complain(self.parent(), self.session, title, text)


def _resize_question(document, data: Dataset) -> str:
    sizes = document.layer_sizes
    return translate(
        "Importing",
        "The data has {data_inputs} and {data_outputs}; the network has {inputs} and "
        "{outputs}. Resize the network's input and output layers to fit? (Weights into and "
        "out of them start again; undo puts everything back.)",
    ).format(
        data_inputs=_inputs(data.n_features),
        data_outputs=_outputs(data.T.shape[1]),
        inputs=_inputs(sizes[0]),
        outputs=_outputs(sizes[-1]),
    )


def _inputs(n: int) -> str:
    """ "1 input", "3 inputs"."""
    text = translate("Importing", "{n} input") if n == 1 else translate("Importing", "{n} inputs")
    return text.format(n=n)


def _outputs(n: int) -> str:
    """ "1 output", "2 outputs"."""
    one, many = translate("Importing", "{n} output"), translate("Importing", "{n} outputs")
    return (one if n == 1 else many).format(n=n)
