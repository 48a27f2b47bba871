"""Drawing a skip connection with the connect tool: a curved, dashed line, one undo step."""

from test_editor import choose_tool, drag, position
from test_editor import make_editor as make_editor  # the fixture

from nnsim.model import new_mlp


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
