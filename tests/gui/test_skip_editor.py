"""Drawing a skip connection with the connect tool (a curved, dashed line, one undo step),
and the weights plot of a network with skips."""

import numpy as np
from test_editor import choose_tool, drag, position
from test_editor import make_editor as make_editor  # the fixture

from nnsim.gui.training.weights_plot import WeightsPlot
from nnsim.model import new_mlp
from nnsim.model.session import Session


def test_the_connect_tool_draws_a_skip_past_a_layer_and_undo_removes_it(qtbot, make_editor):
    doc = new_mlp((2, 2, 1))
    source = doc.neurons_of(doc.layers[0].id)[0]
    output = doc.neurons_of(doc.layers[2].id)[0]
    editor = make_editor(doc)
    view = editor.view
    choose_tool(qtbot, editor, "connect")
    drag(qtbot, view, position(doc, output), position(doc, source))  # backwards: runs forward
    assert doc.has_connection(source, output) and doc.skip_layers() == {(2, 0)}
    item = view.scene().connection_items[(source, output)]
    assert item.curved, "a skip is drawn as a curve"
    plain = view.scene().connection_items[doc.connections[0]]
    assert not plain.curved
    middle = item.shape().boundingRect()
    assert middle.top() < min(position(doc, n)[1] for n in (source, output)) - 20, "it bows up"
    view.undo_stack.undo()
    assert not doc.has_connection(source, output)
    assert (source, output) not in view.scene().connection_items


def test_the_weights_plot_says_where_a_layers_skip_columns_begin(qtbot):
    plot = WeightsPlot(Session())
    qtbot.addWidget(plot.widget)
    plot.set_network([np.ones((3, 2)), np.ones((1, 3 + 2))])  # the output also takes the inputs
    (first, _), (second, _) = plot.layers
    assert first.titleLabel.text == "layer 1: 3 x 2"
    assert second.titleLabel.text == "layer 2: 1 x 5 (from column 4 on: skips)"
