"""Where Add Layer puts a column, and what Fit to Window shows (issue 14, section 6).

A new user clicked Add Layer a little right of the hidden layer: the new
column stood exactly there, its name over the hidden layer's, the output
was pushed off the canvas, and Fit then shrank a longer network to text
nobody could read.
"""

import itertools

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from nnsim.gui.editor import EditorWidget
from nnsim.gui.editor.zooming import LEGIBLE_TEXT_PX
from nnsim.model import new_mlp
from nnsim.model.document import LAYER_SPACING

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def show(qtbot):
    """Return a function that shows an editor over a document, fitted, at a given size."""
    shown = []

    def make(document, width=700, height=450):
        widget = EditorWidget(document)
        shown.append(widget)
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        widget.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
        widget.view.fit_to_window()
        return widget

    return make


def columns(view):
    scene = view.network_scene
    return [scene.column_x(layer.id) for layer in view.document.layers]


def overlapping_names(view):
    """Pairs of layer names whose drawn rectangles meet."""
    labels = [item.label.sceneBoundingRect() for item in view.network_scene.layer_items.values()]
    return [(a, b) for a, b in itertools.combinations(labels, 2) if a.intersects(b)]


def add_layer_by_click(qtbot, widget, x, y=0.0):
    view = widget.view
    qtbot.mouseClick(widget.toolbar.widgetForAction(view.tool_actions["add_layer"]), LEFT)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.mapFromScene(QPointF(x, y)))


def seen(view):
    """The part of the scene the viewport shows."""
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_add_layer_beside_a_column_reflows_the_columns_evenly_with_names_apart(qtbot, show):
    doc = new_mlp((2, 4, 1))
    widget = show(doc)
    view = widget.view
    before = doc.snapshot()
    hidden_x = columns(view)[1]
    add_layer_by_click(qtbot, widget, hidden_x + 50, 120)  # just right of the hidden layer

    assert doc.layer_sizes == (2, 4, 2, 1), "the click chose the slot after the hidden layer"
    xs = columns(view)
    gaps = [b - a for a, b in itertools.pairwise(xs)]
    assert min(gaps) >= LAYER_SPACING and max(gaps) - min(gaps) < 1e-9, xs
    assert xs[0] == 0.0, "the input stays where it was"
    assert not overlapping_names(view)
    new = doc.neurons_of(doc.layers[2].id)
    assert sum(doc.neuron(n).y for n in new) / len(new) == pytest.approx(0.0), (
        "centred on its neighbours, not at the click's height"
    )
    view.undo_stack.undo()
    assert doc.snapshot() == before, "the insertion and the re-flow are one step"


def test_names_never_overlap_even_when_columns_are_dragged_together(qtbot, show):
    doc = new_mlp((2, 2, 2, 1))  # columns of one height: names on one line
    view = show(doc).view
    hidden = doc.layers[1].id
    input_x = columns(view)[0]
    beside_input = {n: (input_x + 30, doc.neuron(n).y) for n in doc.neurons_of(hidden)}
    view.edit("Move", lambda: doc.move(beside_input))
    assert not overlapping_names(view)
    view.network_scene.set_bottom_to_top(True)
    assert not overlapping_names(view)


def test_add_layer_keeps_the_output_in_sight(qtbot, show):
    doc = new_mlp((2, 3, 1))
    widget = show(doc, 520, 420)
    view = widget.view
    output = doc.layers[-1].id
    for _ in range(5):
        add_layer_by_click(qtbot, widget, columns(view)[-1] - 40)
        shown = seen(view)
        new_layer = view.network_scene.layer_items[doc.layers[-2].id]
        assert shown.intersects(new_layer.rect()), "the new layer is in sight"
        whole = view.network_scene.itemsBoundingRect()
        if not shown.contains(whole):  # too long to show whole at a legible size
            assert view.horizontalScrollBar().isVisible(), "so it scrolls"
            assert view.transform().m11() == pytest.approx(view.legible_scale())
    assert doc.layer_sizes == (2, 3, 2, 2, 2, 2, 2, 1)
    view.fit_to_window()
    assert seen(view).intersects(view.network_scene.layer_items[output].rect()) or (
        view.horizontalScrollBar().isVisible()
    )


def test_fit_keeps_the_names_legible_and_scrolls_instead(qtbot, show):
    doc = new_mlp((2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1))
    view = show(doc, 600, 400).view
    view.fit_to_window()
    label = next(iter(view.network_scene.layer_items.values())).label
    shown_px = view.transform().m11() * QFontInfo(label.font()).pixelSize()
    assert shown_px >= LEGIBLE_TEXT_PX - 1e-9
    assert view.horizontalScrollBar().isVisible()
    input_column = view.network_scene.layer_items[doc.layers[0].id].rect()
    assert seen(view).contains(input_column), "shown from its input side"
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    output_column = view.network_scene.layer_items[doc.layers[-1].id].rect()
    assert seen(view).contains(output_column), "the scroll bar reaches the output"

    small = new_mlp((2, 2, 1))  # a network that fits: fitted whole, no scroll bars
    view.set_document(small)
    assert seen(view).contains(view.network_scene.itemsBoundingRect())
    assert not view.horizontalScrollBar().isVisible()


def test_a_layers_name_steps_off_the_weights_written_near_it(window):
    window.files.open_example("xor_2_4_1")
    list(window.session.train(max_epochs=50))
    window.redraw()
    scene = window.editor.view.network_scene
    names = {i.layer_id: i.label.sceneBoundingRect() for i in scene.layer_items.values()}
    weights = [c.label.sceneBoundingRect() for c in scene.connection_items.values()
               if c.label.isVisible()]  # fmt: skip
    assert len(weights) == 12, "the 2-4-1 network's weights are written on it"
    assert not [(n, w) for n, r in names.items() for w in weights if r.intersects(w)]
    output = next(
        i for i in scene.layer_items.values() if i.layer_id == scene.document.layers[-1].id
    )
    lifted = output.label.sceneBoundingRect().bottom()
    scene.set_weight_labels(False)  # the weights unwritten: the name comes back to its column
    assert output.label.sceneBoundingRect().bottom() > lifted
    assert output.label.sceneBoundingRect().bottom() <= output.rect().top()


def test_a_layers_name_steps_off_explain_a_steps_notes_and_back(window):
    window.files.open_example("three_layer_network")
    scene = window.editor.view.network_scene
    hidden = scene.layer_items[scene.document.layers[1].id]
    home = hidden.label.sceneBoundingRect()
    window.explainer.action.trigger()  # notes beside the neurons: z and a of each
    window.explainer.view.go(1)
    notes = [note.sceneBoundingRect() for note in scene._notes]
    assert notes and any(note.intersects(home) for note in notes), "(else this proves nothing)"
    names = [item.label.sceneBoundingRect() for item in scene.layer_items.values()]
    assert not [(n, m) for n in names for m in notes if n.intersects(m)]
    window.explainer.action.trigger()  # closed: the notes go, and the name comes home
    assert hidden.label.sceneBoundingRect() == home


def test_the_connections_are_drawn_in_the_documents_order(qtbot, show):
    """Which line lies over which must not change from run to run, as a set's order would
    with the string hash (a test once picked a connection by that order, and failed by it)."""
    document = new_mlp((4, 6, 3))
    widget = show(document)
    assert list(widget.view.network_scene.connection_items) == list(document.connections)
