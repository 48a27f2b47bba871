"""Every menu with a Boltzmann machine open: what applies works, what does not is off or says
why in words, and nothing raises or makes Qt warn."""

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog

from nnsim.gui.editor.items import ConnectionItem, NeuronItem
from nnsim.gui.editor.menus import context_menu
from nnsim.model import new_mlp, new_rbm

WAIT_MS = 30_000
#: Actions that open a file dialog, ask about the layout or close the window: not walked.
SKIPPED = {"actionResetLayout"}


@pytest.fixture
def qt_warnings():
    """Qt's warnings while the test runs (the offscreen platform's own excepted)."""
    said = []

    def heard(kind, _context, message):
        if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in message:
            said.append(message)

    previous = qInstallMessageHandler(heard)
    yield said
    qInstallMessageHandler(previous)


def trained_rbm(window, qtbot, hidden=8, epochs=2):
    window.new_network(new_rbm(64, hidden))
    window.settings.set("max_epochs", epochs)
    window.training_actions["start"].trigger()
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=WAIT_MS)


def leaves(menu):
    for action in menu.actions():
        if action.menu() is not None:
            yield from leaves(action.menu())
        elif not action.isSeparator():
            yield action


def menu_actions(window, *titles):
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    return [a for title in titles for a in leaves(menus[title])]


def test_what_does_not_apply_to_a_machine_is_off_and_back_for_an_mlp(window):
    names = ("actionTrainStepSample", "actionCheckGradients", "actionPruneWeights",
             "actionExplain", "actionNeuronMaps", "actionToolAddLayer",
             "actionToolConnect")  # fmt: skip
    window.new_network(new_rbm(64, 8))
    for name in names:
        assert not window.findChild(QAction, name).isEnabled(), name
    assert [v.isVisible() for v in menu_actions(window, "View") if "Show" in v.objectName()
            and v.objectName() in ("actionShowGradientFlow", "actionShowLossLandscape",
                                   "actionShowStateSpace")] == [False] * 3  # fmt: skip
    tabs = window.analysis.tabs
    shown = [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert shown == ["Samples", "Runs"]
    window.new_network(new_mlp())
    for name in names:
        assert window.findChild(QAction, name).isEnabled(), name
    assert all(tabs.isTabVisible(i) for i in range(tabs.count()))


def test_every_enabled_train_network_and_view_action_works_on_a_trained_machine(
    window, qtbot, monkeypatch, qt_warnings
):
    trained_rbm(window, qtbot)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))  # Probe: cancel
    comparison = window.regulariser_comparison
    comparison.choose = lambda document: ("l2", 0.01)
    comparison.ask_to_replace = lambda: True
    walked = []
    for action in menu_actions(window, "Train", "Network", "View"):
        if not (action.isEnabled() and action.isVisible()) or action.objectName() in SKIPPED:
            continue
        walked.append(action.objectName() or action.text())
        if action is comparison.action:  # two runs, one after the other
            with qtbot.waitSignal(comparison.ended, timeout=WAIT_MS) as ended:
                action.trigger()
            assert ended.args == [True]
            continue
        action.trigger()
        if action.isCheckable() and action.isChecked() and action.objectName():
            action.trigger()  # and back
        qtbot.waitUntil(lambda: not window.session.busy, timeout=WAIT_MS)
        qtbot.wait(20)
    expected = {"actionTrainStart", "actionTrainStep", "actionCompareRegulariser",
                "actionShowSampleLedger", "actionShowRunComparison", "actionProbe"}  # fmt: skip
    assert expected <= set(walked)
    runs = window.analysis.views["runComparison"].log.runs
    assert [run.settings["l2"] for run in runs[-2:]] == [0.0, 0.01], "the comparison trained"
    assert qt_warnings == []


def test_a_machine_refuses_in_words_to_lose_a_connection_or_its_biases(window, qtbot):
    doc = window.new_network(new_rbm(3, 2)) or window.document
    view = window.editor.view
    said = []
    view.problem.connect(said.append)
    scene = view.network_scene
    link = next(i for i in scene.items() if isinstance(i, ConnectionItem))
    link.setSelected(True)
    view.delete_selection()
    assert len(doc.connections) == 6 and "cannot be removed" in said[-1]
    view.set_biases(False)
    assert doc.bias and "bias" in said[-1]
    menu = context_menu(view, link.scenePos() + link.boundingRect().center())
    entries = {a.text(): a.isEnabled() for a in menu.actions()}
    assert entries.get("Delete connection") is False and entries["Biases"] is False


def test_a_machine_s_new_neuron_joins_every_neuron_of_the_other_layer(window):
    window.new_network(new_rbm(3, 2))
    view, doc = window.editor.view, window.document
    view.auto_connect = False  # (a machine's new neurons connect whatever it says)
    hidden = doc.layers[1].id
    view.add_neuron_to(hidden)
    assert doc.layer_sizes == (3, 3) and len(doc.connections) == 9
    view.set_layer_size(doc.layers[0].id, 5)
    assert doc.layer_sizes == (5, 3) and len(doc.connections) == 15


def test_a_machine_s_panels_offer_only_what_applies(window):
    window.new_network(new_rbm(64, 8))
    panel, data = window.panel, window.data_fields
    names = {p.name() for p in panel.root.children()[1].children() if p.opts["visible"]}
    assert {"learning_rate", "momentum", "batch_size", "max_epochs", "l2", "cd_steps",
            "persistent", "seed"} <= names  # fmt: skip
    assert not names & {"optimizer", "loss", "l1", "lr_schedule"}
    assert not panel.root.child("Network").opts["visible"], "no Biases: a machine keeps them"
    dataset = data.root.child("Data").child("dataset")
    assert sorted(dataset.opts["limits"].values()) == ["custom", "digits"]
    neurons = [i for i in window.editor.view.network_scene.items() if isinstance(i, NeuronItem)]
    assert neurons


def test_a_machine_s_report_shows_its_own_views_and_no_decision_boundary(window, qtbot):
    from nnsim.gui.project.report import gather_report

    trained_rbm(window, qtbot)
    report = gather_report(window)
    names = [figure.name for figure in report.figures]
    assert names == ["network", "error-curve", "rbm-filters", "rbm-reconstructions"]
    assert all(figure.png.startswith(b"\x89PNG") for figure in report.figures)
    assert [title for title, _ in report.tables] == ["Where training ended"]


def test_exports_that_do_not_fit_a_machine_say_so_and_npz_is_written(
    window, qtbot, monkeypatch, choose, tmp_path
):
    from PySide6.QtWidgets import QMessageBox

    trained_rbm(window, qtbot)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    for name in ("actionExportJson", "actionExportScript", "actionExportTrainingScript",
                 "actionExportNotebook", "actionExportTorch"):  # fmt: skip
        window.findChild(QAction, name).trigger()
    assert len(said) == 5 and all("Boltzmann machine" in text for text in said)
    choose(tmp_path / "machine.npz")
    window.findChild(QAction, "actionExportNpz").trigger()
    assert (tmp_path / "machine.npz").stat().st_size > 64 * 8 * 8


def test_a_visible_unit_s_bias_is_offered_to_set_as_a_hidden_one_s(window):
    window.new_network(new_rbm(3, 2))
    view, doc = window.editor.view, window.document
    scene = view.network_scene
    for layer in doc.layers:
        item = scene.neuron_items[doc.neurons_of(layer.id)[0]]
        menu = context_menu(view, item.sceneBoundingRect().center())
        assert "Set Bias…" in [a.text() for a in menu.actions()], layer.id
