"""Setting a weight or a bias by hand in the editor: one undo step, every view follows."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from nnsim.gui.editor import EditorWidget
from nnsim.gui.editor.items import ConnectionItem
from nnsim.gui.editor.numbers import NumberSetter
from nnsim.model import new_mlp
from nnsim.model.session import Session


def editor_on(qtbot, session: Session):
    """An editor and a NumberSetter for ``session`` alone (no window)."""
    stack = QUndoStack()
    widget = EditorWidget(session.document, stack)
    qtbot.addWidget(widget)
    return widget, NumberSetter(session, stack, widget.view), stack


def test_a_weight_typed_in_is_the_networks_and_undo_puts_the_old_one_back(qtbot):
    session = Session(new_mlp((2, 2, 1)), seed=3)
    widget, numbers, stack = editor_on(qtbot, session)
    _inputs, hidden, (output,) = (
        session.document.neurons_of(lay.id) for lay in session.document.layers
    )
    old = session.compiled.network.weights[1][0, 0]
    numbers.ask_value = lambda title, question, current: 2.0
    widget.view.number_requested.emit(output, hidden[0])  # a double-click on the connection
    assert session.compiled.network.weights[1][0, 0] == 2.0
    assert stack.count() == 1 and stack.undoText() == f"Set weight {hidden[0]} → {output}"
    stack.undo()
    assert session.compiled.network.weights[1][0, 0] == old
    stack.redo()
    np.testing.assert_array_equal(session.display_network.weights[1][0, 0], 2.0)
    stack.blockSignals(True)


def test_the_dialog_starts_from_the_number_now_and_a_refusal_is_said(qtbot):
    session = Session(new_mlp((2, 2, 1)), seed=3)
    widget, numbers, stack = editor_on(qtbot, session)
    _inputs, (first, _second), _output = (
        session.document.neurons_of(lay.id) for lay in session.document.layers
    )
    asked, said = [], []
    session.events.message.connect(said.append)
    numbers.ask_value = lambda *question: asked.append(question) or -0.25
    widget.view.number_requested.emit(first, None)
    assert asked == [("Set Bias", "The bias of neuron 1 of hidden layer 1:", 0.0)]
    assert session.compiled.network.biases[0][0] == -0.25
    session.step()  # a run holds the network now
    widget.view.number_requested.emit(first, None)
    assert len(asked) == 1 and said[-1].startswith("Training is using the network")
    assert stack.count() == 1
    stack.blockSignals(True)


def test_a_double_click_on_a_connection_asks_for_its_weight(qtbot):
    session = Session(new_mlp((2, 1)), seed=3)
    widget, numbers, stack = editor_on(qtbot, session)
    widget.resize(600, 400)
    widget.show()
    widget.view.fit_to_window()
    (item,) = [i for i in widget.view.network_scene.items() if isinstance(i, ConnectionItem)][:1]
    asked = []
    numbers.ask_value = lambda title, question, current: asked.append((title, question))
    centre = widget.view.mapFromScene(item.mapToScene(item.line().pointAt(0.5)))
    QTest.mouseDClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    source, _target = item.connection
    (which,) = [k for k, n in enumerate(session.document.neurons_of("L1"), 1) if n == source]
    assert asked == [
        ("Set Weight", f"The weight from neuron {which} of the input layer to the output neuron:")
    ]
    stack.blockSignals(True)


def test_a_number_the_network_does_not_hold_is_said_not_asked_for(qtbot):
    session = Session(new_mlp((2, 2, 1)), seed=3)
    _widget, numbers, stack = editor_on(qtbot, session)
    asked, said = [], []
    numbers.ask_value = lambda *question: asked.append(question)
    session.events.message.connect(said.append)
    numbers.ask("n5", "n6")  # two hidden neurons: no connection between them
    assert asked == [] and said[-1] == "The network has no connection n6 → n5."
    stack.blockSignals(True)
