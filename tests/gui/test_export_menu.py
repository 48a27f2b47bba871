"""File > Export: what is written is the network the session shows (the window's)."""

import json
import runpy

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from nnsim.engine import datasets
from nnsim.gui.project.export_menu import make_export_menu
from nnsim.model.session import Session


def export_action(window, name):
    menu = window.findChild(QMenu, "exportMenu")
    (action,) = [a for a in menu.actions() if a.objectName() == name]
    return action


def test_the_exported_script_gives_the_windows_outputs_for_raw_inputs(window, choose, tmp_path):
    window.files.open_example("iris")  # z-score inputs, a validation share
    for _ in range(3):
        window.training_actions["step"].trigger()
    choose(tmp_path / "iris_net")  # the suffix is added
    export_action(window, "actionExportScript").trigger()
    script = runpy.run_path(str(tmp_path / "iris_net.py"))
    session = window.session
    raw = datasets.iris().X
    outputs = script["outputs"](raw)
    training_rows = session.data.X  # scaled as training saw them
    np.testing.assert_allclose(
        session.display_network.predict(training_rows),
        script["predict"](training_rows, script["LAYERS"]),
        rtol=0, atol=1e-12,
    )  # fmt: skip
    assert outputs.shape == (150, 3)
    np.testing.assert_allclose(outputs.sum(axis=1), 1.0, atol=1e-12)  # softmax


def session_export(session: Session, parent, name: str):
    """The action ``name`` of an export menu built for ``session`` alone (no window)."""
    menu = make_export_menu(session, parent, lambda: "project")
    (action,) = [a for a in menu.actions() if a.objectName() == name]
    return action


def test_weights_as_json_and_npz_are_the_sessions_weights(qtbot, choose, tmp_path):
    session, parent = Session(), QWidget()
    qtbot.addWidget(parent)
    session.step()
    weights = session.display_network.weights
    choose(tmp_path / "w.json")
    session_export(session, parent, "actionExportJson").trigger()
    layers = json.loads((tmp_path / "w.json").read_text())["layers"]
    for saved, held in zip(layers, weights, strict=True):
        np.testing.assert_array_equal(np.array(saved["weights"]), held)
    choose(tmp_path / "w.npz")
    session_export(session, parent, "actionExportNpz").trigger()
    with np.load(tmp_path / "w.npz") as npz:
        np.testing.assert_array_equal(npz["W2"], weights[1])


def test_error_history_csv_has_one_row_per_epoch(qtbot, choose, tmp_path):
    session, parent = Session(), QWidget()
    qtbot.addWidget(parent)
    list(session.train(max_epochs=4))
    choose(tmp_path / "errors.csv")
    session_export(session, parent, "actionExportErrors").trigger()
    lines = (tmp_path / "errors.csv").read_text().splitlines()
    assert len(lines) == 1 + 4
    assert (
        lines[-1].startswith("4,") and float(lines[-1].split(",")[1]) == session.history.train[-1]
    )


def test_nothing_to_export_says_why(qtbot, choose, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    session, parent = Session(), QWidget()
    qtbot.addWidget(parent)
    session.settings.set("dataset", "iris")  # 4 inputs: the 2-4-1 network cannot take them
    choose(tmp_path / "x.py")
    session_export(session, parent, "actionExportScript").trigger()
    assert said and "no network to export" in said[0]
    assert not (tmp_path / "x.py").exists()


def test_an_edited_network_exports_as_it_now_is(window, choose, tmp_path):
    window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()
    window.editor.view.add_neuron_to(window.document.layers[1].id)  # 4 hidden become 5
    choose(tmp_path / "w.npz")
    export_action(window, "actionExportNpz").trigger()
    with np.load(tmp_path / "w.npz") as npz:
        assert npz["W1"].shape == (5, 2) and npz["W2"].shape == (1, 5)


def test_every_view_exports_from_file_export(window, choose, tmp_path, monkeypatch):
    import csv

    from PySide6.QtGui import QAction, QImage

    def export(name, path):
        choose(path)
        window.findChild(QAction, name).trigger()
        return path

    png = export("actionExportNetworkDiagramPng", tmp_path / "net.png")
    view = window.editor.view
    assert QImage(str(png)).size() == view.size(), "the diagram as it is drawn"
    svg = export("actionExportNetworkDiagramSvg", tmp_path / "net.svg").read_text("utf-8")
    assert "<svg" in svg and "Hidden 1" in svg, "vector lines and text"
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    window.findChild(QAction, "actionExportPatternGridPng").trigger()
    assert said == ["Only a Hopfield memory has a pattern grid."]

    window.explainer.action.trigger()
    text = export("actionExportExplainedStep", tmp_path / "step.txt").read_text("utf-8")
    stages = window.explainer.view.explanation.stages
    assert text.startswith(f"1. {stages[0].title}\n") and stages[-1].lines[-1] in text

    window.files.open_example("hopfield_letters")
    export("actionExportPatternGridCsv", tmp_path / "grid.csv")
    with open(tmp_path / "grid.csv", newline="") as f:
        rows = list(csv.reader(f))
    memory = window.session.memory
    assert len(rows) == 1 + memory.rows and rows[0][1] == "column 1"
    cells = np.array([[int(v) for v in row[1:]] for row in rows[1:]]).ravel()
    np.testing.assert_array_equal(cells, memory.current)
    grid = export("actionExportPatternGridPng", tmp_path / "grid.png")
    assert QImage(str(grid)).size() == window.hopfield.grid.size()


def test_the_canvas_menu_and_the_explain_view_save_themselves(window, choose, tmp_path):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QImage

    from nnsim.gui.editor.menus import context_menu

    view = window.editor.view
    menu = context_menu(view, QPointF(-500, -500))  # the empty canvas
    (png,) = [a for a in menu.actions() if a.text() == "Save Diagram as PNG…"]
    choose(tmp_path / "net.png")
    png.trigger()
    assert QImage(str(tmp_path / "net.png")).size() == view.size()
    (svg,) = [a for a in menu.actions() if a.text() == "Save Diagram as SVG…"]
    choose(tmp_path / "net.svg")
    svg.trigger()
    assert "<svg" in (tmp_path / "net.svg").read_text("utf-8")

    window.explainer.action.trigger()
    explain = window.explainer.view
    choose(tmp_path / "step.txt")
    explain.findChild(QWidget, "explainSave").click()
    text = (tmp_path / "step.txt").read_text("utf-8")
    assert text.count("\n\n") == len(explain.explanation.stages) - 1, "every stage"


def test_the_results_and_diagnostics_tabs_export_what_they_show(
    window, choose, tmp_path, monkeypatch
):
    import csv

    from PySide6.QtGui import QAction, QImage

    for _report in window.session.train(max_epochs=3000):
        pass
    window.plot_tabs.setCurrentWidget(window.diagnostics)
    choose(tmp_path / "diag.png")
    window.findChild(QAction, "actionExportDiagnosticsPng").trigger()
    assert QImage(str(tmp_path / "diag.png")).size() == window.diagnostics.size()
    window.plot_tabs.setCurrentWidget(window.results)
    window.redraw()
    choose(tmp_path / "results.csv")
    window.findChild(QAction, "actionExportResultsCsv").trigger()
    with open(tmp_path / "results.csv", newline="") as f:
        rows = list(csv.reader(f))
    matrix = window.results.matrix
    assert rows[0] == ["true \\ predicted", "0", "1"]
    assert [int(v) for v in rows[1][1:]] == [int(matrix.item(0, c).text()) for c in range(2)]
    assert rows[4][:2] == ["class", "precision"] and rows[-1][0].startswith("Scored on")
    window.plot_tabs.setCurrentIndex(0)  # the Results tab hidden behind another
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    window.findChild(QAction, "actionExportResultsPng").trigger()
    assert said == ["Show the Results tab first (Plots > Results)."]
    # Both tabs save themselves from their own right-click menu as well.
    for view, texts in ((window.results, ["Save as PNG…", "Save as SVG…", "Save Numbers as CSV…"]),
                        (window.diagnostics, ["Save as PNG…", "Save as SVG…"])):  # fmt: skip
        assert [a.text() for a in view.actions()] == texts
        assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    choose(tmp_path / "again.csv")
    window.results.actions()[2].trigger()
    assert (tmp_path / "again.csv").read_text(encoding="utf-8") == (
        tmp_path / "results.csv"
    ).read_text(encoding="utf-8")


def test_explain_a_step_saves_its_numbers_as_csv(window, choose, tmp_path):
    import csv

    window.explainer.action.trigger()
    choose(tmp_path / "numbers")
    window.explainer.view.findChild(QWidget, "explainSaveNumbers").click()
    with open(tmp_path / "numbers.csv", newline="") as f:
        rows = list(csv.reader(f))
    explanation = window.explainer.view.explanation
    assert rows[0] == ["quantity", "layer", "neuron", "from neuron", "value"]
    new = [float(r[4]) for r in rows if r[0] == "new weight"]
    np.testing.assert_array_equal(new, np.concatenate([w.ravel() for w in explanation.new_weights]))
    choose(tmp_path / "menu.csv")
    window.findChild(QAction, "actionExportExplainedNumbers").trigger()
    assert (tmp_path / "menu.csv").read_bytes() == (tmp_path / "numbers.csv").read_bytes()


def test_the_pattern_grid_saves_itself_from_beside_it_and_paints_on_it(
    window, choose, tmp_path, monkeypatch
):
    import csv

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent

    window.files.open_example("hopfield_letters")
    grid = window.hopfield.grid
    texts = [action.text() for action in grid.menu_actions]
    assert texts == ["Save as PNG…", "Save as SVG…", "Save Numbers as CSV…"]
    shown = []
    monkeypatch.setattr(QMenu, "exec", lambda actions, *a: shown.append(list(actions)))
    on_a_cell = grid.cell_centre(0)
    beside = min((QPoint(1, grid.height() // 2), QPoint(grid.width() // 2, 1)),
                 key=lambda point: grid.cell_at(point) is not None)  # fmt: skip
    assert grid.cell_at(beside) is None, "the square grid leaves a margin to right-click in"
    for reason, point in ((QContextMenuEvent.Reason.Mouse, on_a_cell),
                          (QContextMenuEvent.Reason.Mouse, beside),
                          (QContextMenuEvent.Reason.Keyboard, on_a_cell)):  # fmt: skip
        grid.contextMenuEvent(QContextMenuEvent(reason, point, grid.mapToGlobal(point)))
    assert len(shown) == 2, "a right-click on a cell paints it, and opens no menu"
    choose(tmp_path / "grid.csv")
    grid.menu_actions[2].trigger()
    with open(tmp_path / "grid.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 1 + window.session.memory.rows


def test_the_training_exports_train_again_to_the_windows_weights(
    window, choose, tmp_path, monkeypatch
):
    """Same machine, same NumPy and BLAS as the window's run: the bits may be compared."""
    import subprocess
    import sys

    window.files.open_example("xor_2_4_1")
    list(window.session.train(max_epochs=40))
    choose(tmp_path / "again")
    export_action(window, "actionExportTrainingScript").trigger()
    saved = tmp_path / "w.npz"
    subprocess.run([sys.executable, str(tmp_path / "again.py"), "--save", str(saved)],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    weights, biases = window.session.display_network.parameters()
    with np.load(saved) as exported:
        for k, (w, b) in enumerate(zip(weights, biases, strict=True), 1):
            np.testing.assert_array_equal(exported[f"W{k}"], w)
            np.testing.assert_array_equal(exported[f"b{k}"], b)
    choose(tmp_path / "again")
    export_action(window, "actionExportNotebook").trigger()
    notebook = json.loads((tmp_path / "again.ipynb").read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4 and len(notebook["cells"]) > 3
    window.files.open_example("hopfield_letters")
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    export_action(window, "actionExportTorch").trigger()
    assert "Hopfield" in said[0] and not (tmp_path / "again.py").read_text().count("torch")
    assert window.findChild(QAction, "actionExportReport") in window.menuBar().actions()[0].menu(
    ).actions()  # fmt: skip
