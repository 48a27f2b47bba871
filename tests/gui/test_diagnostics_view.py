"""The Diagnostics tab and Network > Check Gradients in the window.

The view built from a session alone: tests/gui/test_live_views.py.
"""

from PySide6.QtWidgets import QMessageBox, QWidget

from nnsim.gui.training.diagnostics_view import check_gradients
from nnsim.model.session import Session


def show_diagnostics(window):
    window.plot_tabs.setCurrentWidget(window.diagnostics)
    return window.diagnostics


def test_zero_weights_are_named_before_training_starts(window):
    window.panel.set_value("init", "zeros")
    window.training_actions["reset"].trigger()
    view = show_diagnostics(window)
    assert [hint.kind for hint in view.hints] == ["symmetric"]


def test_check_gradients_says_backpropagation_agrees(window, monkeypatch):
    window.gradient_check_action.trigger()
    box = window.findChild(QMessageBox, "gradientCheckDialog")
    assert "backpropagation agrees with finite differences" in box.text()
    assert "over 17 weights and biases" in box.text()  # XOR's 2-4-1 network
    box.close()


def test_check_gradients_explains_why_not_for_a_perceptron(qtbot):
    session, parent = Session.new_perceptron(), QWidget()
    qtbot.addWidget(parent)
    said = []
    session.events.message.connect(said.append)
    text = check_gradients(session, parent)
    box = parent.findChild(QMessageBox, "gradientCheckDialog")
    assert "for multi-layer perceptrons" in text and box.text() == text and said == [text]
    box.close()
