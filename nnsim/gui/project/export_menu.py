"""File > Export: the network's weights (NPZ, JSON), a standalone script, tables, and views.

:func:`error_history`, :func:`predictions` and :func:`weights` are the
session's tables, as File > Export and the plots' right-click menus write them.

Each entry asks where to save and writes atomically (:mod:`nnsim.io`); the
network exported is the one the window shows, with the input scaling it was
trained with, so the script's outputs equal what nnsim shows.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from nnsim.errors import NnsimError
from nnsim.gui.actions import make_action
from nnsim.gui.plain_text import plain
from nnsim.gui.project.exporting import ask_and_save, save_png, save_svg
from nnsim.io import write_csv
from nnsim.io.network_export import ExportedNetwork, write_json, write_npz, write_script
from nnsim.io.tables import Table, error_table, predictions_table, weights_table
from nnsim.io.training_export import (
    TrainingExport,
    write_notebook,
    write_torch_script,
    write_training_script,
)
from nnsim.model.run_data import input_scaling
from nnsim.model.session import Session
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: objectName, text, tooltip, file kind, suffix, writer of (path, ExportedNetwork); the
#: text, tooltip and file kind are shown translated (their patterns, such as *.npz, kept).
NETWORK_EXPORTS = (
    ("actionExportNpz", QT_TRANSLATE_NOOP("ExportMenu", "Weights as &NPZ…"),
     QT_TRANSLATE_NOOP("ExportMenu", "Every layer's weights and biases as NumPy arrays"),
     QT_TRANSLATE_NOOP("ExportMenu", "NumPy arrays (*.npz)"), ".npz", write_npz),
    ("actionExportJson", QT_TRANSLATE_NOOP("ExportMenu", "Weights as &JSON…"),
     QT_TRANSLATE_NOOP("ExportMenu", "Every layer's activation, weights and biases"),
     QT_TRANSLATE_NOOP("ExportMenu", "JSON (*.json)"), ".json", write_json),
    ("actionExportScript", QT_TRANSLATE_NOOP("ExportMenu", "Network as Python &Script…"),
     QT_TRANSLATE_NOOP("ExportMenu",
                       "A Python file needing only NumPy that computes the network's outputs"),
     QT_TRANSLATE_NOOP("ExportMenu", "Python script (*.py)"), ".py", write_script),
)  # fmt: skip

#: The same for the training (issue 17, section 4): what trains the network again
#: elsewhere; the writer takes (path, Project).
TRAINING_EXPORTS = (
    ("actionExportTrainingScript", QT_TRANSLATE_NOOP("ExportMenu", "Training as Python Script…"),
     QT_TRANSLATE_NOOP("ExportMenu", "A Python file needing only NumPy that trains the network "
                                     "again from its seed, to the same weights"),
     QT_TRANSLATE_NOOP("ExportMenu", "Python script (*.py)"), ".py", write_training_script),
    ("actionExportNotebook", QT_TRANSLATE_NOOP("ExportMenu", "Training as Jupyter &Notebook…"),
     QT_TRANSLATE_NOOP("ExportMenu", "The same training, step by step in a notebook, with its "
                                     "error curve"),
     QT_TRANSLATE_NOOP("ExportMenu", "Jupyter notebook (*.ipynb)"), ".ipynb", write_notebook),
    ("actionExportTorch", QT_TRANSLATE_NOOP("ExportMenu", "Training as P&yTorch Script…"),
     QT_TRANSLATE_NOOP("ExportMenu", "The same network and settings in PyTorch, for moving on "
                                     "(it trains alike, not to the same digits)"),
     QT_TRANSLATE_NOOP("ExportMenu", "Python script (*.py)"), ".py", write_torch_script),
)  # fmt: skip


@dataclass(frozen=True)
class View:
    """A view File > Export saves: its ``name`` (in the menu and the actions' objectNames),
    the file ``stem`` offered, ``widget()`` (None: not shown now, said why: ``absent``),
    and ``table()`` of its numbers, if it has one.

    ``name`` is English, marked ``QT_TRANSLATE_NOOP("Menus", ...)`` where the views are
    listed (the window's ``menus.py``): the menu shows it translated under ``"Menus"``.
    ``absent`` is shown as it is given, translated."""

    name: str
    stem: str
    widget: Callable[[], QWidget | None]
    table: Callable[[], Table] | None = None
    absent: str = "It is not shown now."


def make_export_menu(
    session: Session, parent: QWidget, file_stem: Callable[[], str], views: Sequence[View] = ()
) -> QMenu:
    """The File > Export menu for ``session``'s network and tables, and ``views``.

    ``parent`` holds the actions and the dialogs; ``file_stem()`` is the name a
    file is offered under (the project's).  Each :class:`View` is offered as a PNG
    picture and an SVG drawing, and its numbers (if it has a table) as CSV.
    """
    menu = QMenu(translate("ExportMenu", "&Export"), parent)
    menu.setObjectName("exportMenu")
    for exports, export in ((NETWORK_EXPORTS, _export_network),
                            (TRAINING_EXPORTS, _export_training)):  # fmt: skip
        for name, text, tip, kind, suffix, write in exports:
            text, tip, kind = (translate("ExportMenu", words) for words in (text, tip, kind))
            action = make_action(parent, name, text, "", tip)
            action.triggered.connect(
                lambda _=False, e=export, k=kind, s=suffix, w=write: e(
                    session, parent, file_stem, (k, s, w)
                )
            )
            menu.addAction(action)
        menu.addSeparator()
    tables = (
        ("actionExportErrors", translate("ExportMenu", "Error History as CSV…"),
         translate("ExportMenu", "The error of every epoch"), "errors", error_history),
        ("actionExportPredictions", translate("ExportMenu", "Predictions as CSV…"),
         translate("ExportMenu", "Every sample's inputs, targets and the network's outputs"),
         "predictions", predictions),
    )  # fmt: skip
    for name, text, tip, stem, table in tables:
        action = make_action(parent, name, text, "", tip)
        action.triggered.connect(
            lambda _=False, s=stem, t=table: _export_table(session, parent, s, t)
        )
        menu.addAction(action)
    add_view_exports(menu, parent, views)
    return menu


def add_view_exports(menu: QMenu, parent: QWidget, views: Sequence[View]) -> None:
    """A PNG, an SVG and (with a table) a CSV entry in ``menu`` for each view."""
    for view in views:
        menu.addSeparator()
        key = view.name.title().replace(" ", "")
        name = translate("Menus", view.name)
        drawn = translate("ExportMenu", "The {view} as it is drawn now").format(view=name.lower())
        saves = [("Png", translate("ExportMenu", "{view} as PNG…"),
                  translate("ExportMenu", "PNG image (*.png)"), ".png", save_png),
                 ("Svg", translate("ExportMenu", "{view} as SVG…"),
                  translate("ExportMenu", "SVG drawing (*.svg)"), ".svg", save_svg)]  # fmt: skip
        for kind, text, files, suffix, save in saves:
            action = make_action(parent, f"actionExport{key}{kind}", text.format(view=name), "",
                                 drawn)  # fmt: skip
            action.triggered.connect(
                lambda _=False, v=view, f=files, x=suffix, w=save: _export_view(parent, v, f, x, w)
            )
            menu.addAction(action)
        if view.table is not None:
            action = make_action(
                parent, f"actionExport{key}Csv",
                translate("ExportMenu", "{view} Numbers as CSV…").format(view=name), "",
                translate("ExportMenu", "The numbers the {view} shows").format(view=name.lower()),
            )  # fmt: skip
            action.triggered.connect(lambda _=False, v=view: _export_view(
                parent, v, translate("ExportMenu", "CSV table (*.csv)"), ".csv",
                lambda _widget, path, v=v: write_csv(path, *v.table())))  # fmt: skip
            menu.addAction(action)


def _export_view(parent: QWidget, view: View, files: str, suffix: str, save) -> None:
    """Ask where, then ``save(widget, path)`` the view; if it is not shown, say so."""
    widget = view.widget()
    if widget is None or not widget.isVisible():
        title = translate("ExportMenu", "Nothing to export")
        QMessageBox.information(parent, title, plain(view.absent))
        return
    ask_and_save(parent, view.stem + suffix, files, lambda path: save(widget, path))


def error_history(session: Session) -> Table:
    """(header, rows): the error history, one row per epoch."""
    history = session.history
    return error_table(history.epochs, history.train, history.validation)


def predictions(session: Session) -> Table:
    """(header, rows): every training sample with its targets and the network's outputs."""
    data = session.data
    return predictions_table(data, session.display_network.predict(data.X))


def weights(session: Session) -> Table:
    """(header, rows): every weight and bias of the network shown."""
    return weights_table(*session.display_network.parameters())


def _ready(session: Session, parent: QWidget) -> bool:
    """Whether there is a network to export; if not, say why."""
    if not session.catch_up():  # the network and the data do not make a network now
        reason = session.problem or translate("ExportMenu", "build one first.")
        QMessageBox.information(
            parent, translate("ExportMenu", "Nothing to export"),
            plain(translate("ExportMenu", "There is no network to export yet: {reason}")
                  .format(reason=reason)),
        )  # fmt: skip
        return False
    return True


def _export_network(session: Session, parent: QWidget, file_stem, export) -> None:
    """Ask where, then write the network shown as ``export`` (file kind, suffix, writer) says."""
    if not _ready(session, parent):
        return
    kind, suffix, write = export
    if session.document.kind == "rbm" and write is not write_npz:
        _refuse(parent, translate(
            "ExportMenu", "A Boltzmann machine's weights are exported as NPZ: the JSON file "
            "and the Python script are written for networks whose layers feed forward.",
        ))  # fmt: skip
        return
    exported = ExportedNetwork.of(
        session.display_network, session.document.name, input_scaling(session.settings)
    )
    stem = file_stem().replace(" ", "_")
    ask_and_save(parent, stem + suffix, kind, lambda path: write(path, exported))


def _export_training(session: Session, parent: QWidget, file_stem, export) -> None:
    """Ask where, then write the training as ``export`` (file kind, suffix, writer) says;
    a project whose training cannot be exported (a Hopfield memory) is refused in words."""
    kind, suffix, write = export
    if session.document.kind == "rbm":
        _refuse(parent, translate(
            "ExportMenu", "A Boltzmann machine's training is not exported as a script or a "
            "notebook: save the project, and train it again with nnsim train PROJECT.",
        ))  # fmt: skip
        return
    project = session.project()
    try:
        TrainingExport.of(project)
    except NnsimError as exc:
        _refuse(parent, str(exc))
        return
    stem = file_stem().replace(" ", "_")
    ask_and_save(parent, stem + suffix, kind, lambda path: write(path, project))


def _refuse(parent: QWidget, text: str) -> None:
    """Say in a dialog why there is nothing to export."""
    QMessageBox.information(parent, translate("ExportMenu", "Nothing to export"), plain(text))


def _export_table(session: Session, parent: QWidget, stem: str, table) -> None:
    if _ready(session, parent):
        kind = translate("ExportMenu", "CSV table (*.csv)")
        ask_and_save(parent, stem + ".csv", kind, lambda p: write_csv(p, *table(session)))
