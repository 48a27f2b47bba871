"""File > Import Data: bring a CSV file in as the data set the network trains on.

:class:`DataImporter` asks for a file, shows it in a
:class:`~nnsim.gui.import_dialog.CsvImportDialog`, and, once a person
accepts, makes the data the "custom" data set as one undo step.  When the
network's input or output layer does not fit the data it asks first, and
then resizes those layers in the same step.  A file that cannot be read
gives a message and leaves the data and the network as they were.
"""

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnsim.engine.datasets import Dataset
from nnsim.errors import NnsimError
from nnsim.gui.actions import make_action
from nnsim.gui.commands import UseDataCommand
from nnsim.gui.import_dialog import CsvImportDialog
from nnsim.io.csv_data import read_text
from nnsim.model.classroom import FIXED

FILTER = "CSV tables (*.csv *.txt *.tsv);;All files (*)"
Button = QMessageBox.StandardButton


class DataImporter(QObject):
    """Import Data for one main window (its Qt parent).

    The window provides ``document``, ``settings``, ``undo_stack``,
    ``session``, ``editor``, ``status`` and ``ask_to_stop(what)``.

    Attributes
    ----------
    dialog : CsvImportDialog or None
        The import dialog while it is open (tests reach it here).
    """

    def __init__(self, window):
        super().__init__(window)
        self.action = make_action(
            window, "actionImportData", "&Import Data…", "Ctrl+I",
            "Train on your own data: a CSV table with a column per input and target (Ctrl+I)",
        )  # fmt: skip
        self.action.triggered.connect(lambda: self.import_file())
        self.dialog: CsvImportDialog | None = None

    @property
    def window(self):
        return self.parent()

    def import_file(self, path=None) -> bool:
        """Show ``path`` (asked for when None) in the import dialog; False if it cannot be read."""
        if self.window.classroom.fixes("dataset"):
            self._complain(FIXED)
            return False
        if self.window.document.kind == "hopfield":
            self._complain("A Hopfield memory stores patterns, not a data set: there is no "
                           "data to import into it.")  # fmt: skip
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Import data", "", FILTER)
            if not path:
                return False
        try:
            text = read_text(path)
        except NnsimError as exc:
            self._complain(str(exc))
            return False
        self.dialog = CsvImportDialog(text, Path(path).stem, self.window)
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
        window = self.window
        if window.session.busy and not window.ask_to_stop("use the new data"):
            return False
        resizes = self._resizes(data)
        if resizes and window.classroom.network_frozen:
            self._complain(f"The data does not fit the network, and {FIXED[0].lower()}{FIXED[1:]}")
            return False
        if resizes and self.ask_to_resize(_resize_question(window.document, data)) != Button.Yes:
            return False
        stack = window.undo_stack
        stack.beginMacro(f"Import {data.name}")
        for layer_id, size in resizes:  # first, so the new data finds a network that fits it
            window.editor.view.edit(
                "Resize layer", lambda lid=layer_id, n=size: window.document.set_layer_size(lid, n)
            )
        stack.push(UseDataCommand(window.settings, data))
        stack.endMacro()
        window.status.show_message(f"Training data: {data.description}")
        return True

    def _resizes(self, data: Dataset) -> list[tuple[str, int]]:
        """(layer id, size) for the input and output layers that do not fit ``data``."""
        layers = self.window.document.layers
        if len(layers) < 2:
            return []
        sizes = self.window.document.layer_sizes
        wanted = (
            (layers[0].id, sizes[0], data.n_features),
            (layers[-1].id, sizes[-1], data.T.shape[1]),
        )
        return [(layer_id, size) for layer_id, now, size in wanted if size != now]

    def ask_to_resize(self, question: str) -> Button:
        """Yes or No: may the network change to fit the data (tests replace this)?"""
        return QMessageBox.question(self.window, "Fit the network to the data?", question)

    def _complain(self, text: str) -> None:
        self.window.complain("Could not import the data", text)


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
