"""The topology editor, driven as a person would: clicks and drags on ``topologyView``."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from nnsim.gui.editor import ConnectionItem, EditorWidget
from nnsim.gui.editor.items import CONNECTION, NEGATIVE, POSITIVE
from nnsim.gui.editor.menus import context_menu
from nnsim.model import NetworkDocument, compile, new_hopfield, new_mlp, new_perceptron
from nnsim.model.document import LAYER_SPACING

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def make_editor(qtbot):
    """Return a function that shows an editor over a document, at a size a person would use."""

    shown = []  # qtbot holds widgets weakly: keep each alive for the whole test

    def make(document):
        widget = EditorWidget(document)
        widget.view.auto_fit = False  # scale 1: a drag of 40 pixels moves 40 scene units
        shown.append(widget)
        qtbot.addWidget(widget)
        widget.resize(900, 600)
        widget.show()
        widget.activateWindow()  # shortcuts (Delete, Ctrl+Z) reach the active window only
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
        return widget

    return make


@pytest.fixture
def editor(make_editor):
    """An editor over an empty MLP document."""
    return make_editor(NetworkDocument("mlp"))


def at(view, x, y):
    """The viewport pixel that shows scene point (x, y)."""
    return view.mapFromScene(QPointF(x, y))


def click(qtbot, view, x, y, button=LEFT):
    qtbot.mouseClick(view.viewport(), button, pos=at(view, x, y))


def drag(qtbot, view, start, end, button=LEFT):
    viewport = view.viewport()
    qtbot.mousePress(viewport, button, pos=at(view, *start))
    qtbot.mouseMove(viewport, pos=at(view, (start[0] + end[0]) / 2, (start[1] + end[1]) / 2))
    qtbot.mouseMove(viewport, pos=at(view, *end))
    qtbot.mouseRelease(viewport, button, pos=at(view, *end))


def choose_tool(qtbot, widget, name):
    """Press a tool's toolbar button, as a person would."""
    action = widget.view.tool_actions[name]
    button = widget.toolbar.widgetForAction(action)
    qtbot.mouseClick(button, LEFT)
    assert widget.view.tool == name


def position(doc, neuron_id):
    neuron = doc.neuron(neuron_id)
    return neuron.x, neuron.y


def compiled_shape(doc):
    """Layer sizes and masks (None where fully connected) of the compiled network."""
    network = compile(doc, rng=0).network
    masks = network.masks
    return network.layer_sizes, None if masks is None else [m.copy() for m in masks]


def test_build_a_2_3_1_network_by_clicks_then_delete_undo_and_redo(qtbot, editor):
    view, doc = editor.view, editor.view.document
    history = [doc.snapshot()]  # the document after every step

    def step(x, y):
        click(qtbot, view, x, y)
        assert doc.snapshot() != history[-1], "each click is one edit"
        history.append(doc.snapshot())

    choose_tool(qtbot, editor, "add_layer")  # Add Layer makes a layer of two neurons
    step(0, 0)
    assert doc.layer_sizes == (2,)
    choose_tool(qtbot, editor, "add_neuron")
    step(LAYER_SPACING, -60)  # beside the input: a new layer of one neuron
    hidden = doc.layers[1].id
    step(LAYER_SPACING, 0)  # in its column: one more neuron there
    step(LAYER_SPACING, 60)
    assert doc.layer_sizes == (2, 3) and len(doc.connections) == 6
    step(2 * LAYER_SPACING, 0)  # beside the hidden layer: the output
    assert doc.layer_sizes == (2, 3, 1) and len(doc.connections) == 9
    assert [doc.role(layer.id) for layer in doc.layers] == ["input", "hidden", "output"]
    assert [layer.activation for layer in doc.layers] == ["linear", "sigmoid", "sigmoid"]
    assert compiled_shape(doc) == ((2, 3, 1), None)

    # Delete one connection: click its line, press Delete.
    choose_tool(qtbot, editor, "select")
    source, target = doc.neurons_of(doc.layers[0].id)[0], doc.neurons_of(hidden)[1]
    (x1, y1), (x2, y2) = position(doc, source), position(doc, target)
    click(qtbot, view, (x1 + x2) / 2, (y1 + y2) / 2)
    selected = view.scene().selectedItems()
    assert [type(item) for item in selected] == [ConnectionItem]
    assert selected[0].connection == (source, target)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not doc.has_connection(source, target) and len(doc.connections) == 8
    sizes, masks = compiled_shape(doc)
    assert sizes == (2, 3, 1)
    np.testing.assert_array_equal(masks[0], [[1.0, 1.0], [0.0, 1.0], [1.0, 1.0]])
    np.testing.assert_array_equal(masks[1], [[1.0, 1.0, 1.0]])
    history.append(doc.snapshot())
    assert view.undo_stack.count() == len(history) - 1

    # Undo three times (the delete, the output layer, the third hidden neuron), redo twice.
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for back in (2, 3, 4):
        qtbot.keyClick(view, Qt.Key.Key_Z, ctrl)
        assert doc.snapshot() == history[-back]
    assert doc.layer_sizes == (2, 2)
    for back in (3, 2):
        qtbot.keyClick(view, Qt.Key.Key_Z, ctrl | shift)
        assert doc.snapshot() == history[-back]
    assert compiled_shape(doc) == ((2, 3, 1), None)
    assert len(view.scene().connection_items) == 9, "the canvas follows undo and redo"


def test_connect_tool_draws_a_connection_and_dropping_elsewhere_cancels(qtbot, make_editor):
    doc = new_mlp((2, 2, 1))
    first_input = doc.neurons_of(doc.layers[0].id)[0]
    first_hidden = doc.neurons_of(doc.layers[1].id)[0]
    doc.remove(connections=[(first_input, first_hidden)])
    editor = make_editor(doc)
    view = editor.view

    choose_tool(qtbot, editor, "connect")
    start, end = position(doc, first_input), position(doc, first_hidden)
    drag(qtbot, view, start, (start[0] + 40, start[1] + 200))  # dropped on empty canvas
    assert not doc.has_connection(first_input, first_hidden)
    assert view.undo_stack.count() == 0
    drag(qtbot, view, end, start)  # either direction: the connection runs forward
    assert doc.has_connection(first_input, first_hidden)
    assert view.undo_stack.count() == 1
    assert (first_input, first_hidden) in view.scene().connection_items


def test_a_drag_moves_the_selection_as_one_undo_step(qtbot, make_editor):
    doc = new_mlp((2, 2, 1))
    view = make_editor(doc).view
    first, second = doc.neurons_of(doc.layers[0].id)
    before = doc.snapshot()
    view.scene().neuron_items[first].setSelected(True)
    view.scene().neuron_items[second].setSelected(True)
    start = position(doc, first)
    drag(qtbot, view, start, (start[0] - 40, start[1] + 30))
    assert position(doc, first) == (start[0] - 40, start[1] + 30)
    assert position(doc, second)[0] == start[0] - 40, "both selected neurons moved"
    assert view.undo_stack.count() == 1
    view.undo_stack.undo()
    assert doc.snapshot() == before


def test_a_refused_edit_is_reported_and_changes_nothing(qtbot, make_editor):
    doc = new_mlp((2, 2, 1))
    view = make_editor(doc).view
    before = doc.snapshot()
    a, b = doc.neurons_of(doc.layers[0].id)
    with qtbot.waitSignal(view.problem) as blocker:
        view.connect_neurons(a, b)
    assert "not in a layer after" in blocker.args[0]
    assert doc.snapshot() == before and view.undo_stack.count() == 0


def test_faulty_neurons_are_highlighted_and_the_highlight_clears(qtbot, make_editor):
    doc = new_mlp((2, 2, 1))
    view = make_editor(doc).view
    items = view.scene().neuron_items
    stranded = doc.neurons_of(doc.layers[1].id)[0]
    view.edit(
        "Delete connection", lambda: doc.remove(connections=doc.connections_of([stranded])[-1:])
    )
    with qtbot.waitSignal(view.problem) as blocker:
        assert view.check_topology() is False
    assert stranded in blocker.args[0] and "no path to the output" in blocker.args[0]
    assert [nid for nid, item in items.items() if item.faulty] == [stranded]
    view.undo_stack.undo()
    assert not any(item.faulty for item in items.values()), "mending the graph clears the mark"
    assert view.check_topology() is True


def test_trained_weights_and_a_samples_values_are_drawn_and_cleared_by_an_edit(qtbot, make_editor):
    doc = new_mlp((2, 2), name="seed 001")
    doc.set_property("", "bias", False)
    view = make_editor(doc).view
    scene = view.scene()
    compiled = compile(doc, rng=0)
    weights = [np.array([[0.9, -0.3], [0.2, 0.8]])]
    (i1, i2), (h1, h2) = (doc.neurons_of(layer.id) for layer in doc.layers)
    view.show_values(compiled, weights, None, np.array([1.0, 0.5]))

    pens = {link: item.pen() for link, item in scene.connection_items.items()}
    assert pens[(i1, h1)].color() == POSITIVE and pens[(i2, h1)].color() == NEGATIVE
    assert pens[(i1, h1)].widthF() > pens[(i2, h2)].widthF() > pens[(i2, h1)].widthF()
    assert "weight w = -0.3" in scene.connection_items[(i2, h1)].toolTip()
    # z = 1.0 * 0.9 + 0.5 * (-0.3) = 0.75; sigmoid(0.75) = 0.679179
    tip = scene.neuron_items[h1].toolTip()
    assert "net input z = 0.75" in tip and "sigmoid(z) = 0.679179" in tip
    assert scene.neuron_items[h1].shown_value == ("0.68", pytest.approx(0.679179, abs=1e-6))
    assert scene.neuron_items[i2].shown_value[0] == "0.50"

    view.edit("Add neuron", lambda: doc.add_neuron(doc.layers[1].id))
    assert all(item.shown_value is None for item in scene.neuron_items.values())
    assert {item.pen().color().name() for item in scene.connection_items.values()} == {
        CONNECTION.name()
    }, "values of the old network are not shown on the new one"


def test_each_weight_is_written_on_its_connection_on_a_small_network(qtbot, make_editor):
    doc = new_mlp((2, 2), name="seed 001")
    doc.set_property("", "bias", False)
    view = make_editor(doc).view
    scene = view.scene()
    (i1, i2), (h1, _h2) = (doc.neurons_of(layer.id) for layer in doc.layers)
    labels = {link: item.label for link, item in scene.connection_items.items()}
    assert not any(label.isVisible() for label in labels.values()), "nothing before training"
    view.show_values(compile(doc, rng=0), [np.array([[0.9, -0.3], [0.2, 0.8]])])
    assert labels[(i2, h1)].isVisible() and labels[(i2, h1)].text() == "-0.3"
    line, label = scene.connection_items[(i1, h1)].line(), labels[(i1, h1)]
    centre = label.mapToScene(label.boundingRect().center())
    assert (centre - line.pointAt(2 / 3)).manhattanLength() < 1, "on its line, near the target"
    view.weight_labels_action.setChecked(False)
    assert not any(label.isVisible() for label in labels.values())
    view.weight_labels_action.setChecked(True)
    assert labels[(i1, h1)].text() == "0.9" and labels[(i1, h1)].isVisible()


def test_each_bias_is_written_under_its_neuron_on_a_small_network(qtbot, make_editor):
    doc = new_mlp((2, 1))
    view = make_editor(doc).view
    scene = view.scene()
    (i1, _i2), (out,) = (doc.neurons_of(layer.id) for layer in doc.layers)
    compiled = compile(doc, rng=0)
    view.show_values(compiled, compiled.weight_matrices(), [np.array([-1.5])])
    label = scene.neuron_items[out].bias_label
    assert label.isVisible() and label.text() == "b = -1.5"
    assert label.mapToScene(label.boundingRect().topLeft()).y() > scene.neuron_items[out].y()
    assert not scene.neuron_items[i1].bias_label.isVisible(), "an input has no bias"
    view.weight_labels_action.setChecked(False)
    assert not label.isVisible()
    view.weight_labels_action.setChecked(True)
    assert label.isVisible()
    view.show_values(compiled, compiled.weight_matrices(), None)  # a network without biases
    assert not label.isVisible()


def test_a_big_network_leaves_its_weights_to_the_tooltips(qtbot, make_editor):
    doc = new_mlp((3, 3, 3))  # 18 connections (the 3-3-3 example): too close to read written out
    view = make_editor(doc).view
    compiled = compile(doc, rng=0)
    view.show_values(compiled, compiled.weight_matrices())
    items = view.scene().connection_items.values()
    assert not any(item.label.isVisible() for item in items)
    assert all("weight w = " in item.toolTip() for item in items)


def test_a_textbook_sized_layer_is_drawn_compactly_and_still_grows(qtbot, make_editor):
    doc = new_mlp((784, 100, 10))
    editor = make_editor(doc)
    scene = editor.view.scene()
    inputs, hidden, _ = (doc.neurons_of(layer.id) for layer in doc.layers)
    assert len(scene.neuron_items) == 7 + 7 + 10
    assert len(scene.connection_items) == 7 * 7 + 7 * 10
    assert set(scene.neuron_items) >= {inputs[0], inputs[-1], hidden[4], hidden[-2]}
    assert inputs[5] not in scene.neuron_items
    counts = [item.elision for item in scene.layer_items.values() if item.elision.isVisible()]
    assert sorted(label.text() for label in counts) == ["⋮ 777 more", "⋮ 93 more"]
    assert not scene.neuron_items[hidden[0]].movable, "compact rows stay in their slots"

    choose_tool(qtbot, editor, "add_neuron")
    column = scene.neuron_items[hidden[0]].pos()
    click(qtbot, editor.view, column.x(), column.y() + 5)
    assert doc.layer_sizes == (784, 101, 10)
    assert len(doc.connections) == 784 * 101 + 101 * 10
    assert doc.neurons_of(doc.layers[1].id)[-1] in scene.neuron_items, "the new last row shows"


def test_bottom_to_top_draws_the_output_on_top_and_clicks_still_land(qtbot, make_editor):
    doc = new_mlp((2, 2, 1))
    editor = make_editor(doc)
    view, scene = editor.view, editor.view.scene()
    scene.set_bottom_to_top(True)
    view.fit_to_window()
    first_input = scene.neuron_items[doc.neurons_of(doc.layers[0].id)[0]]
    output = scene.neuron_items[doc.neurons_of(doc.layers[2].id)[0]]
    assert output.pos().y() < first_input.pos().y(), "layers run upwards"
    hidden_item = scene.neuron_items[doc.neurons_of(doc.layers[1].id)[0]]

    choose_tool(qtbot, editor, "add_neuron")
    click(qtbot, view, hidden_item.pos().x() + 60, hidden_item.pos().y())
    assert doc.layer_sizes == (2, 3, 1), "a click beside the hidden row adds to that layer"
    added = scene.neuron_items[doc.neurons_of(doc.layers[1].id)[-1]]
    assert added.pos().y() == hidden_item.pos().y()
    assert added.pos().x() == pytest.approx(hidden_item.pos().x() + 60, abs=1.0)


def menu_action(menu, text):
    """The action called ``text`` in ``menu`` or its submenus."""
    for action in menu.actions():
        if action.text() == text:
            return action
        if action.menu() is not None:
            found = menu_action(action.menu(), text)
            if found is not None:
                return found
    return None


def test_right_click_menus_edit_layers_as_undoable_steps(qtbot, make_editor, monkeypatch):
    doc = new_mlp((2, 2, 1))
    before = doc.snapshot()
    view = make_editor(doc).view
    scene = view.scene()
    hidden = doc.layers[1].id
    neuron = scene.neuron_items[doc.neurons_of(hidden)[0]]
    menu = context_menu(view, neuron.pos())
    assert menu_action(menu, "Delete neuron") is not None
    assert menu_action(menu, "softmax") is None, "softmax is offered for the output layer only"
    assert menu_action(menu, "sigmoid").isChecked()

    menu_action(menu, "tanh").trigger()
    assert doc.layer(hidden).activation == "tanh"
    assert "tanh" in scene.layer_items[hidden].label.text()

    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (5, True))
    menu_action(context_menu(view, neuron.pos()), "Layer size…").trigger()
    assert doc.layer_sizes == (2, 5, 1) and len(doc.connections) == 2 * 5 + 5

    canvas = context_menu(view, QPointF(-400, 0))  # left of every layer
    biases = menu_action(canvas, "Biases")
    assert biases.isChecked()
    biases.trigger()
    assert doc.bias is False and not scene.neuron_items[neuron.neuron_id].has_bias
    menu_action(canvas, "Add layer here").trigger()
    assert doc.layer_sizes == (2, 2, 5, 1)
    assert doc.role(doc.layers[0].id) == "input" and doc.layers[0].activation == "linear"

    output_menu = context_menu(view, scene.neuron_items[doc.neurons_of(doc.layers[-1].id)[0]].pos())
    assert menu_action(output_menu, "softmax") is not None

    for _ in range(4):
        view.undo_stack.undo()
    assert doc.snapshot() == before


def test_the_title_marks_unsaved_edits_until_undone(qtbot, make_editor):
    doc = new_mlp((2, 2, 1), name="XOR")
    editor = make_editor(doc)
    assert editor.windowTitle() == "XOR[*] - nnsim" and not editor.isWindowModified()
    editor.view.set_activation(doc.layers[1].id, "tanh")
    assert editor.isWindowModified()
    editor.view.undo_stack.undo()
    assert not editor.isWindowModified()
    editor.view.edit("Rename", lambda: doc.set_property("", "name", "Mine"))
    assert editor.windowTitle() == "Mine[*] - nnsim"


def test_zoom_and_pan_change_the_view_not_the_document(qtbot, make_editor):
    doc = new_mlp((2, 4, 1))
    editor = make_editor(doc)
    view = editor.view
    before = doc.snapshot()
    view.zoom_in_action.trigger()
    view.zoom_in_action.trigger()
    assert view.transform().m11() == pytest.approx(1.15**2)
    view.zoom_out_action.trigger()
    assert view.transform().m11() == pytest.approx(1.15)
    scroll = view.horizontalScrollBar()
    scroll.setValue((scroll.minimum() + scroll.maximum()) // 2)
    start = scroll.value()
    middle = Qt.MouseButton.MiddleButton
    viewport = view.viewport()
    qtbot.mousePress(viewport, middle, pos=at(view, 0, 0))
    qtbot.mouseMove(viewport, pos=at(view, 0, 0) + QPoint(60, 0))
    qtbot.mouseRelease(viewport, middle, pos=at(view, 0, 0) + QPoint(60, 0))
    assert scroll.value() == start - 60, "dragging right with the middle button pans left"
    assert doc.snapshot() == before and view.undo_stack.count() == 0


def test_a_hopfield_grid_is_not_drawn_and_refuses_layer_edits(qtbot, make_editor):
    """The grid is shown and edited in the Hopfield workspace: the editor draws none of it."""
    doc = new_hopfield(12, 12)
    editor = make_editor(doc)
    view, scene = editor.view, editor.view.scene()
    assert scene.items() == [] and not scene.neuron_items and not scene.layer_items
    with qtbot.waitSignal(view.problem) as blocker:
        view.add_layer_at(QPointF(2000, 0))
    assert "Hopfield" in blocker.args[0] and doc.layer_sizes == (144,)
    view.edit("Rename", lambda: doc.set_property("", "name", "letters"))  # the scene syncs
    assert doc.name == "letters" and scene.items() == []


def test_a_rubber_band_selects_what_it_encloses(qtbot, make_editor):
    doc = new_mlp((2, 3, 1))
    editor = make_editor(doc)
    view, scene = editor.view, editor.view.scene()
    inputs = set(doc.neurons_of(doc.layers[0].id))
    drag(qtbot, view, (-50, -100), (40, 100))  # around the input column only
    selected = {item.neuron_id for item in scene.selectedItems() if hasattr(item, "neuron_id")}
    assert selected == inputs
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert doc.layer_sizes == (0, 3, 1) and view.undo_stack.count() == 1, "one step"
    assert view.check_topology() is False, "an empty input layer is no network"


# ---------------------------------------------------------------- found in review
def test_undo_and_delete_wait_while_a_drag_is_under_way(qtbot, make_editor):
    doc = new_mlp((2, 2, 1))
    editor = make_editor(doc)
    view, scene = editor.view, editor.view.scene()
    view.add_neuron_to(doc.layers[1].id)
    added = doc.neurons_of(doc.layers[1].id)[-1]
    start = scene.neuron_items[added].pos()
    viewport = view.viewport()
    qtbot.mousePress(viewport, LEFT, pos=at(view, start.x(), start.y()))
    qtbot.mouseMove(viewport, pos=at(view, start.x() + 30, start.y() + 10))
    assert not view.undo_action.isEnabled() and not view.delete_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert added in doc.neurons_of(doc.layers[1].id), "the dragged neuron was not undone away"
    qtbot.mouseRelease(viewport, LEFT, pos=at(view, start.x() + 30, start.y() + 10))
    assert view.undo_action.isEnabled() and view.delete_action.isEnabled()
    assert position(doc, added) == (start.x() + 30, start.y() + 10)
    assert view.undo_stack.count() == 2, "the add and the drag"


def test_two_drags_are_two_steps_but_arrow_nudges_merge(qtbot, make_editor):
    doc = new_mlp((2, 2, 1))
    editor = make_editor(doc)
    view = editor.view
    output = doc.neurons_of(doc.layers[2].id)[0]
    x, y = position(doc, output)
    drag(qtbot, view, (x, y), (x + 40, y))
    drag(qtbot, view, (x + 40, y), (x + 40, y + 80))
    assert view.undo_stack.count() == 2
    view.undo_stack.undo()
    assert position(doc, output) == (x + 40, y)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)  # the neuron is still selected
    assert position(doc, output) == (x + 40 + 12, y)
    assert view.undo_stack.count() == 2, "three nudges, one step"


def test_the_menus_add_neuron_goes_to_the_layer_it_names(qtbot, make_editor):
    doc = new_mlp((2, 2, 1))
    view = make_editor(doc).view
    stray = doc.neurons_of(doc.layers[1].id)[0]
    view.edit("Move", lambda: doc.move({stray: (260.0, 200.0)}))  # out of its column
    item = view.scene().neuron_items[stray]
    menu_action(context_menu(view, item.pos()), "Add neuron to Hidden 1").trigger()
    assert doc.layer_sizes == (2, 3, 1)


def test_a_hopfield_neuron_cannot_be_deleted(qtbot, make_editor):
    doc = new_hopfield(3, 3)
    view = make_editor(doc).view
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # nothing drawn, so nothing selected to delete
    assert view.undo_stack.count() == 0
    with qtbot.waitSignal(view.problem) as refused:
        view.edit("Delete neuron", lambda: doc.remove(neuron_ids=[doc.neurons[0].id]))
    assert "grid" in refused.args[0] and doc.layer_sizes == (9,)
    assert menu_action(context_menu(view, QPointF(0, 0)), "Delete neuron") is None


def test_softmax_left_below_a_new_output_is_marked(qtbot, make_editor):
    doc = new_mlp((2, 2, 3))
    view = make_editor(doc).view
    view.set_activation(doc.layers[2].id, "softmax")
    view.add_layer_at(view.scene().to_scene(480, 0))
    with qtbot.waitSignal(view.problem) as problem:
        assert view.check_topology() is False
    assert "only the output layer" in problem.args[0]
    assert view.scene().layer_items[doc.layers[2].id].faulty


def test_a_perceptrons_drawn_values_follow_its_rule(qtbot, make_editor):
    doc = new_perceptron(2, 1)
    view = make_editor(doc).view
    view.edit("Rule", lambda: doc.set_property("", "rule", "lms"))
    compiled = compile(doc, rng=0)
    x = np.array([0.3, -0.7])
    view.show_values(compiled, compiled.weight_matrices(), compiled.bias_vectors(), x)
    output = view.scene().neuron_items[doc.neurons_of(doc.layers[1].id)[0]]
    assert output.shown_value[0] == f"{compiled.network.predict(x[None])[0, 0]:.2f}"
    assert "linear(z)" in output.toolTip()
    assert menu_action(context_menu(view, output.pos()), "sigmoid") is None


def test_undo_and_redo_tooltips_name_the_step_they_would_take(window):
    view = window.editor.view
    view.add_neuron_to(window.document.layers[1].id)
    assert view.undo_action.toolTip() == view.undo_action.text()
    assert view.undo_action.toolTip().startswith("Undo ") and len(view.undo_action.toolTip()) > 5
    window.undo_stack.undo()
    assert view.redo_action.toolTip() == view.redo_action.text() != "Redo"
    assert view.undo_action.toolTip() == view.undo_action.text()
