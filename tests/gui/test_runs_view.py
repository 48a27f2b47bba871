"""Kept runs side by side (runComparison): columns, highlighted settings, Restore, refusals."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton

from nnsim.gui.training.runs_view import DIFFERS, RunComparisonView
from nnsim.gui.training.worker import TrainingController
from nnsim.model.session import Session


def train(session: Session, epochs: int) -> None:
    for _ in session.train(epochs):
        pass


def two_runs(session: Session) -> None:
    """Run 1 at η = 0.5, Run 2 at η = 2 from the same start."""
    train(session, 30)
    session.settings.set("learning_rate", 2.0)
    session.reset()
    train(session, 40)


def never_asked(run):
    raise AssertionError(f"asked before restoring {run.name}")


@pytest.fixture
def view(qtbot):
    view = RunComparisonView(Session.new_mlp((2, 3, 1)))
    qtbot.addWidget(view)
    view.resize(1200, 350)
    return view


def cell(view, name: str) -> QLabel:
    return view.findChild(QLabel, name)


def test_two_runs_make_two_columns_with_the_learning_rate_highlighted(view):
    assert view.empty.isVisibleTo(view) and view.findChild(QToolButton, "restoreRun0") is None
    two_runs(view.session)
    assert not view.empty.isVisibleTo(view)
    assert view.findChild(QToolButton, "restoreRun1") is not None
    assert view.findChild(QToolButton, "restoreRun2") is None
    assert [cell(view, f"runName{i}").text() for i in range(2)] == ["Run 1", "Run 2"]
    rates = [cell(view, f"runSetting_learning_rate_{i}") for i in range(2)]
    assert [label.text() for label in rates] == ["0.5", "2"]
    assert all(DIFFERS in label.styleSheet() for label in rates)
    optimiser = cell(view, "runSetting_optimizer_0")
    assert optimiser.text() == "sgd" and DIFFERS not in optimiser.styleSheet()
    assert cell(view, "runSetting_momentum_0") is None, "same in both: shown only on asking"
    view.show_all.setChecked(True)
    assert cell(view, "runSetting_momentum_1").text() == "0"
    assert "epochs" in cell(view, "runResults1").text()
    assert len(view.plot.getPlotItem().listDataItems()) == 2
    header, rows = view.table()
    assert header == ["run", "setting", "value", "differs"]
    assert ["Run 2", "learning_rate", 2.0, True] in rows
    assert ["Run 1", "optimizer", "sgd", False] in rows
    assert ["Run 2", "epochs", 40, False] in rows


def test_restore_puts_the_weights_back_and_the_project_is_unsaved(window, qtbot):
    session = window.session
    view = RunComparisonView(session, unsaved=window.files.modified)
    qtbot.addWidget(view)
    two_runs(session)
    first = view.log.runs[0]
    view.ask_to_replace = never_asked  # the weights now are Run 2's: nothing is lost
    window.files.opened()  # as if just saved
    assert not window.files.modified()
    qtbot.mouseClick(view.findChild(QToolButton, "restoreRun0"), Qt.MouseButton.LeftButton)
    for now, then in zip(session.compiled.network.parameters()[0], first.weights, strict=True):
        np.testing.assert_array_equal(now, then)
    np.testing.assert_array_equal(session.display_network.parameters()[0][0], first.weights[0])
    np.testing.assert_array_equal(session.history.train, first.train)
    assert window.files.modified(), "restored weights are unsaved work"


def test_restore_asks_before_replacing_weights_of_the_persons_own(view):
    session = view.session
    two_runs(session)
    output = session.document.layers[-1].id
    session.set_number(3.0, session.document.neurons_of(output)[0])  # by hand: no run's
    asked = []
    view.ask_to_replace = lambda run: asked.append(run.name) or False
    before = [w.copy() for w in session.compiled.network.parameters()[0]]
    assert not view.restore(view.log.runs[0])
    assert asked == ["Run 1"]
    for now, then in zip(session.compiled.network.parameters()[0], before, strict=True):
        np.testing.assert_array_equal(now, then)
    view.ask_to_replace = lambda run: True
    assert view.restore(view.log.runs[0]) and session.history.count == 30


def test_restoring_into_another_network_says_why_not(view):
    session = view.session
    train(session, 10)
    session.document.set_layer_size(session.document.layers[1].id, 4)
    view.ask_to_replace = lambda run: True
    assert not view.restore(view.log.runs[0])
    assert view.problem.isVisibleTo(view)
    assert view.problem.text().startswith("Run 1 was a 2-3-1 network; the editor now has 2-4-1.")
    assert view.problem.textFormat() == Qt.TextFormat.PlainText


def test_pin_and_remove(view, qtbot):
    two_runs(view.session)
    qtbot.mouseClick(view.findChild(QToolButton, "pinRun0"), Qt.MouseButton.LeftButton)
    assert [run.pinned for run in view.log.runs] == [True, False]
    assert view.findChild(QToolButton, "pinRun0").isChecked()
    qtbot.mouseClick(view.findChild(QToolButton, "removeRun1"), Qt.MouseButton.LeftButton)
    assert [run.name for run in view.log.runs] == ["Run 1"]
    assert view.findChild(QToolButton, "restoreRun1") is None


def test_a_run_stopped_in_the_worker_is_kept_and_training_on_updates_it(view, qtbot):
    session = view.session
    session.settings.set("max_epochs", 10_000_000)
    session.settings.set("target_error", 0.0)
    controller = TrainingController(session)
    try:
        for wanted in (100, 300):
            controller.start()
            qtbot.waitUntil(lambda n=wanted: session.history.count > n, timeout=20_000)
            controller.stop()
            qtbot.waitUntil(lambda: session.state == "stopped", timeout=20_000)
            (run,) = view.log.runs
            assert run.epoch_count == session.history.count and run.stop_reason == "stopped"
            assert run.holds(*session.compiled.network.parameters()), "the weights trained"
    finally:
        controller.shutdown()
    assert cell(view, "runName0").text() == "Run 1"
