"""File > Export: the trained network's weights (NPZ, JSON), a standalone script, and tables.

Each entry asks where to save and writes atomically (:mod:`nnsim.io`); the
network exported is the one the window shows, with the input scaling it was
trained with, so the script's outputs equal what nnsim shows.
"""

from PySide6.QtWidgets import QMenu, QMessageBox

from nnsim.gui.actions import make_action
from nnsim.gui.exporting import ask_and_save
from nnsim.gui.plain_text import plain
from nnsim.io import write_csv
from nnsim.io.network_export import ExportedNetwork, write_json, write_npz, write_script
from nnsim.model.settings import input_scaling

#: objectName, text, tooltip, file kind, suffix, writer of (path, ExportedNetwork)
NETWORK_EXPORTS = (
    ("actionExportNpz", "Weights as &NPZ…", "Every layer's weights and biases as NumPy arrays",
     "NumPy arrays (*.npz)", ".npz", write_npz),
    ("actionExportJson", "Weights as &JSON…", "Every layer's activation, weights and biases",
     "JSON (*.json)", ".json", write_json),
    ("actionExportScript", "Network as Python &Script…",
     "A Python file needing only NumPy that computes the network's outputs",
     "Python script (*.py)", ".py", write_script),
)  # fmt: skip


def make_export_menu(window) -> QMenu:
    """The File > Export menu of ``window`` (a MainWindow: session, settings, document)."""
    menu = QMenu("&Export", window)
    menu.setObjectName("exportMenu")
    for name, text, tip, kind, suffix, write in NETWORK_EXPORTS:
        action = make_action(window, name, text, "", tip)
        action.triggered.connect(
            lambda _=False, k=kind, s=suffix, w=write: _export_network(window, k, s, w)
        )
        menu.addAction(action)
    menu.addSeparator()
    tables = (
        ("actionExportErrors", "Error History as CSV…", "The error of every epoch", "errors",
         window.errors_as_table),
        ("actionExportPredictions", "Predictions as CSV…",
         "Every sample's inputs, targets and the network's outputs", "predictions",
         window.predictions_as_table),
    )  # fmt: skip
    for name, text, tip, stem, table in tables:
        action = make_action(window, name, text, "", tip)
        action.triggered.connect(lambda _=False, s=stem, t=table: _export_table(window, s, t))
        menu.addAction(action)
    return menu


def _ready(window) -> bool:
    """Whether there is a network to export; if not, say why."""
    session = window.session
    if not session.catch_up():  # the network and the data do not make a network now
        QMessageBox.information(
            window, "Nothing to export",
            plain(f"There is no network to export yet: {session.problem or 'build one first.'}"),
        )  # fmt: skip
        return False
    return True


def _export_network(window, kind: str, suffix: str, write) -> None:
    if not _ready(window):
        return
    exported = ExportedNetwork.of(
        window.session.display_network, window.document.name, input_scaling(window.settings)
    )
    stem = window.files.file_stem().replace(" ", "_")
    ask_and_save(window, stem + suffix, kind, lambda path: write(path, exported))


def _export_table(window, stem: str, table) -> None:
    if _ready(window):
        ask_and_save(window, stem + ".csv", "CSV table (*.csv)", lambda p: write_csv(p, *table()))
