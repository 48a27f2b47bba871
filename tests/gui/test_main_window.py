"""The main window, used as a person would: the toolbar, the parameter fields, the plots."""

from types import SimpleNamespace

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QMessageBox,
    QProgressBar,
    QToolBar,
)

from nnsim.model import NetworkDocument
from nnsim.model.document import LAYER_SPACING

WAIT_MS = 30_000
LEFT = Qt.MouseButton.LeftButton


def press(qtbot, window, key):
    """Click a training action's toolbar button."""
    toolbar = window.findChild(QToolBar, "trainingToolBar")
    qtbot.mouseClick(toolbar.widgetForAction(window.training_actions[key]), LEFT)


def test_the_window_opens_with_xor_ready_and_named_parts(window):
    assert window.document.layer_sizes == (2, 4, 1)
    assert window.session.state == "ready" and window.session.data.name == "xor"
    for name in ("topologyView", "parameterTree", "errorPlot", "decisionPlot"):
        assert window.findChild(object, name) is not None, name
    assert window.findChild(QProgressBar, "trainingProgress") is not None
    for name in ("actionTrainStart", "actionTrainPause", "actionTrainStep", "actionTrainStop",
                 "actionTrainReset", "actionUndo", "actionRedo", "actionNewMLP",
                 "actionNewPerceptron", "actionDelete", "actionToolConnect"):  # fmt: skip
        action = window.findChild(object, name)
        assert action is not None and action.toolTip(), name
    assert window.training_actions["start"].shortcut().toString() == "F5"


def test_pressing_train_on_xor_brings_the_plotted_error_below_005(qtbot, window):
    # Training stops at 0.05 (about 2,700 epochs): how far a run gets before a redraw shows
    # it depends on the machine's load, and after 5,000 epochs the history keeps one in two.
    window.settings.set("target_error", 0.05)
    press(qtbot, window, "start")
    assert window.session.state == "training"
    assert "Training" in window.status.state.text()
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=WAIT_MS)
    epochs, errors = window.error_plot.curve_data()
    assert errors[0] > 0.1 > 0.05 >= errors[-1], "the curve fell"
    assert epochs[-1] == len(errors) == window.session.history.count, "one point per epoch"
    assert window.decision_plot.misclassified == 0, "XOR is solved on the plot too"


def test_pause_resume_and_step_by_exactly_one_epoch(qtbot, window):
    press(qtbot, window, "start")
    qtbot.waitUntil(lambda: window.session.history.count > 20, timeout=WAIT_MS)
    press(qtbot, window, "pause")
    qtbot.waitUntil(lambda: window.session.state == "paused", timeout=WAIT_MS)
    assert window.training_actions["pause"].text() == "Resume"
    held = window.session.history.count
    press(qtbot, window, "step")
    assert window.session.history.count == held + 1
    assert f"epoch {held + 1:,} of" in window.status.state.text()
    press(qtbot, window, "pause")  # now Resume
    assert window.session.state == "training"
    qtbot.waitUntil(lambda: window.session.history.count > held + 20, timeout=WAIT_MS)


def test_a_learning_rate_typed_mid_run_reaches_the_next_reports(qtbot, window):
    press(qtbot, window, "start")
    qtbot.waitUntil(lambda: window.session.latest is not None, timeout=WAIT_MS)
    window.panel.field("learning_rate").setValue(2.0)
    qtbot.waitUntil(lambda: window.session.latest.learning_rate == 2.0, timeout=WAIT_MS)
    assert window.session.state == "training"
    assert window.undo_stack.undoText() == "Set Learning rate η"


def test_an_invalid_value_springs_back_with_the_reason(qtbot, window):
    field = window.panel.field("learning_rate")
    field.setValue(1e9)
    assert field.value() == 0.5 and window.settings["learning_rate"] == 0.5
    assert "at most 1000" in window.panel.reason.text()


def test_changing_the_network_while_training_asks_to_stop_first(qtbot, window, monkeypatch):
    press(qtbot, window, "start")
    qtbot.waitUntil(lambda: window.session.latest is not None, timeout=WAIT_MS)
    view, doc = window.editor.view, window.document
    before = doc.snapshot()
    asked = []

    def answer(reply):
        def question(parent, title, text, buttons):
            asked.append(text)
            return reply

        monkeypatch.setattr(QMessageBox, "question", question)

    answer(QMessageBox.StandardButton.No)
    with qtbot.waitSignal(view.problem) as refused:
        view.add_neuron_to(doc.layers[1].id)
    assert asked == ["Training is using the network. Stop it to add neuron?"]
    assert "stop it" in refused.args[0] and doc.snapshot() == before
    assert window.session.state == "training" and not view.undo_action.isEnabled()
    window.panel.field("max_epochs").setValue(7)
    assert window.settings["max_epochs"] == 20_000 and "stop it" in window.panel.reason.text()
    assert asked[-1] == "Training is using the network. Stop it to change epochs?"

    answer(QMessageBox.StandardButton.Yes)
    view.add_neuron_to(doc.layers[1].id)
    assert window.session.state == "stopped" and not window.session.busy
    assert doc.layer_sizes == (2, 5, 1) and view.undo_action.isEnabled()
    window.panel.field("max_epochs").setValue(7)
    assert window.settings["max_epochs"] == 7, "no longer training: no question"
    assert len(asked) == 3


def test_closing_mid_training_stops_the_worker(qtbot, make_window):
    window = make_window()
    press(qtbot, window, "start")
    qtbot.waitUntil(lambda: window.session.history.count > 10, timeout=WAIT_MS)
    window.close()
    assert not window.session.busy and window.session.state == "stopped"
    # no_thread_left_running (tests/conftest.py) checks no thread outlives the test


def test_the_dock_layout_is_remembered(qtbot, make_window):
    first = make_window()
    first.findChild(QDockWidget, "plotsDock").hide()
    first.close()
    second = make_window()
    assert not second.findChild(QDockWidget, "plotsDock").isVisible()
    second.reset_layout_action.trigger()
    assert second.findChild(QDockWidget, "plotsDock").isVisible()


def test_a_new_perceptron_trains_on_and(qtbot, window):
    window.new_actions["perceptron"].trigger()
    assert window.document.kind == "perceptron" and window.session.data.name == "and"
    for _ in range(3):
        window.training_actions["step"].trigger()
    assert window.session.history.count == 3
    assert window.panel.field("rule").value() == "rosenblatt"
    weights = window.session.compiled.network.weights
    assert np.isfinite(weights).all()
    assert QApplication.activeModalWidget() is None


def test_from_an_empty_network_to_trained_xor_with_clicks_and_the_train_button(qtbot, window):
    window.open_document(NetworkDocument("mlp", "Mine"), speed="fastest", max_epochs=50_000)
    editor, view = window.editor, window.editor.view
    view.auto_fit = False
    view.resetTransform()
    view.centerOn(LAYER_SPACING, 0)

    def click(x, y):
        qtbot.mouseClick(view.viewport(), LEFT, pos=view.mapFromScene(QPointF(x, y)))

    qtbot.mouseClick(editor.toolbar.widgetForAction(view.tool_actions["add_layer"]), LEFT)
    click(0, 0)  # the input layer, two neurons
    qtbot.mouseClick(editor.toolbar.widgetForAction(view.tool_actions["add_neuron"]), LEFT)
    for y in (-90, -30, 30, 90):  # a hidden layer of four
        click(LAYER_SPACING, y)
    click(2 * LAYER_SPACING, 0)  # the output
    assert window.document.layer_sizes == (2, 4, 1) and len(window.document.connections) == 12
    press(qtbot, window, "start")
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=WAIT_MS)
    assert window.session.latest.train_loss <= window.settings["target_error"]
    assert window.decision_plot.misclassified == 0


def test_after_a_new_network_the_menus_still_edit_it(qtbot, window):
    window.new_actions["mlp"].trigger()
    doc = window.document
    assert doc.layer_sizes == (2, 2, 1)
    window.editor.view.add_neuron_to(doc.layers[1].id)
    undo = window.findChild(QAction, "actionUndo")
    assert undo is window.editor.view.undo_action, "one Undo, the editor's"
    undo.trigger()
    assert doc.layer_sizes == (2, 2, 1)


def test_help_lists_the_shortcuts(qtbot, window):
    from nnsim.gui.window.help import shortcut_rows

    rows = {action: keys for keys, action, _ in shortcut_rows(window)}
    assert rows["Train"] == "F5" and rows["Step"] == "F10" and rows["Undo"] == "Ctrl+Z"
    assert rows["Go to Data"] == "Ctrl+3" and rows["Go to Patterns"] == "Ctrl+2"
    assert len(rows) == len(shortcut_rows(window))  # no two rows share a name
    window.shortcuts_action.trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_reset_clears_the_history_the_plots_and_the_status(qtbot, window):
    for _ in range(3):
        press(qtbot, window, "step")
    assert window.status.progress.value() == 3 and window.status.error.text()
    press(qtbot, window, "reset")
    assert window.session.history.count == 0 and window.session.state == "ready"
    assert window.status.progress.value() == -1 and window.status.error.text() == ""
    assert len(window.error_plot.curve_data()[1]) == 0


def test_randomise_draws_a_new_seed_that_undo_takes_back(qtbot, window):
    seed, weights = window.settings["seed"], window.session.compiled.network.weights[0].copy()
    window.randomise_action.trigger()
    assert window.settings["seed"] != seed
    assert not np.array_equal(window.session.compiled.network.weights[0], weights)
    window.undo_stack.undo()
    assert window.settings["seed"] == seed


def test_a_perceptron_shows_only_the_settings_it_uses(qtbot, window):
    window.new_actions["perceptron"].trigger()
    hidden = {"loss", "init", "init_limit", "optimizer", "momentum", "batch_size", "l1", "l2"}
    for name in ("learning_rate", "max_epochs", "seed", "rule", *hidden):
        assert window.panel.field(name).opts["visible"] == (name not in hidden), name
    window.new_actions["mlp"].trigger()
    assert window.panel.field("momentum").opts["visible"]


def test_new_data_starts_afresh_and_data_that_does_not_fit_is_explained(qtbot, window):
    for _ in range(3):
        press(qtbot, window, "step")
    press(qtbot, window, "stop")
    window.panel.field("dataset").setValue("moons")
    assert window.session.data.name == "moons" and window.session.history.count == 0
    assert window.status.sample_selector.maximum() == 200, "the plots follow at once"
    window.panel.field("dataset").setValue("iris")
    assert "4 inputs and 3 target(s)" in window.panel.reason.text()
    press(qtbot, window, "start")
    dialog = window.findChild(QMessageBox, "cannotTrainDialog")
    assert dialog is not None and dialog.isVisible() and "iris" in dialog.text()
    dialog.close()
    assert window.session.state == "ready"
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChild(QMessageBox, "cannotTrainDialog") is None, "a read dialog goes"


def test_epochs_count_from_the_last_reset(qtbot, window):
    window.panel.set_value("max_epochs", 3)
    press(qtbot, window, "step")
    press(qtbot, window, "stop")
    for _ in range(2):
        press(qtbot, window, "step")
    assert window.session.history.count == 3 and window.session.state == "finished"
    press(qtbot, window, "step")
    assert window.session.history.count == 3
    assert "All 3 epochs set are trained" in window.panel.reason.text()
    window.findChild(QMessageBox, "cannotTrainDialog").close()


def test_help_user_guide_opens_the_bundled_guide_with_its_pictures(window):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QTextBrowser

    window.guide_action.trigger()
    browser = window.findChild(QTextBrowser, "userGuide")
    text = browser.document().toPlainText()
    assert text.startswith("nnsim user guide") and "Hopfield memories" in text
    picture = browser.loadResource(QTextDocument.ResourceType.ImageResource, "main-window.png")
    assert picture is not None and not picture.isNull()
    assert window.guide_action.shortcut().toString() == "F1"


def test_every_action_has_a_tooltip_the_usual_ones_an_icon_and_the_window_its_icon(window):
    actions = [a for a in window.findChildren(QAction) if a.objectName().startswith("action")]
    assert len(actions) > 40
    assert [a.objectName() for a in actions if not a.toolTip().strip()] == []
    for name in ("actionTrainStart", "actionTrainStop", "actionOpen", "actionSave"):
        assert not window.findChild(QAction, name).icon().isNull(), name
    assert not window.windowIcon().isNull()


def test_about_names_the_version_the_licence_and_what_it_runs_on(window, monkeypatch):
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from nnsim import __version__

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.about_action.trigger()
    (text,) = shown
    assert f"nnsim {__version__}" in text and "MIT licence" in text
    assert f"Qt {qVersion()}" in text and f"PySide6 {pyside_version}" in text


def test_a_run_that_meets_its_target_early_says_at_which_epoch(qtbot, window):
    window.panel.set_value("speed", "fastest")
    window.panel.set_value("target_error", 0.05)
    press(qtbot, window, "start")
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=WAIT_MS)
    epoch = window.session.history.count
    assert epoch < window.settings["max_epochs"]
    text = window.status.state.text()
    assert text == f"Finished · target error reached at epoch {epoch:,}"
    progress = window.status.progress
    assert progress.value() == progress.maximum() == epoch, "the bar full: all it had to do"


def test_at_full_speed_the_plots_redraw_twice_a_second_even_over_budget(qtbot, window, monkeypatch):
    from nnsim.gui.training import live_view

    monkeypatch.setattr(live_view, "REDRAW_BUDGET", 0.0)  # every tick is over budget
    monkeypatch.setattr(live_view, "REDRAW_BUDGET_APART", 0.0)
    window.panel.set_value("speed", "fastest")
    window.panel.set_value("use_target_error", False)
    window.panel.set_value("max_epochs", 10_000_000)
    press(qtbot, window, "start")
    qtbot.waitUntil(lambda: window.session.history.count > 0, timeout=WAIT_MS)
    before = window.live.frames
    qtbot.wait(2000)
    redraws = window.live.frames - before
    press(qtbot, window, "stop")
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=WAIT_MS)
    assert 3 <= redraws <= 6  # 1 / MAX_REDRAW_GAP a second, no more


def test_the_window_trains_in_a_process_of_its_own_and_redraws_often_beside_it(qtbot, window):
    window.panel.set_value("speed", "fastest")
    window.panel.set_value("use_target_error", False)
    window.panel.set_value("max_epochs", 10_000_000)
    press(qtbot, window, "start")
    qtbot.waitUntil(lambda: window.session.history.count > 0, timeout=WAIT_MS)
    assert window.session.run.apart
    before = window.live.frames
    qtbot.wait(2000)
    redraws = window.live.frames - before
    press(qtbot, window, "stop")
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=WAIT_MS)
    assert redraws >= 12, "in this process's thread the budget held it to 2-3 a second"
    shown, trained = window.session.display_network, window.session.compiled.network
    np.testing.assert_array_equal(shown.weights[0], trained.weights[0])


def test_step_one_sample_teaches_an_mlp_too(window):
    sample = window.training_actions["sample"]
    assert sample.isEnabled(), "not only for perceptrons"
    before = [w.copy() for w in window.session.compiled.network.weights]
    sample.trigger()
    assert window.statusBar().currentMessage().startswith("Sample 1 of 4: x = [0, 0], target [0]")
    moved = [
        not np.array_equal(w, b)
        for w, b in zip(window.session.compiled.network.weights, before, strict=True)
    ]
    assert moved == [False, True], "x = [0, 0]: only the output layer's weights have a gradient"
    assert window.session.history.count == 0


def test_a_window_too_big_for_the_screen_opens_maximised(make_window, monkeypatch):
    window = make_window()
    window.hide()
    available = window.screen().availableGeometry()
    window.resize(available.width(), available.height())  # its frame would go off the screen
    window.show_on_screen()
    assert window.isMaximized()
    window.showNormal()
    window.hide()
    big = SimpleNamespace(availableGeometry=lambda: QRect(0, 0, 4000, 3000))
    monkeypatch.setattr(window, "screen", lambda: big)
    window.show_on_screen()
    assert window.isVisible() and not window.isMaximized(), "on a big screen, as it is"
