"""A hidden layer's dropout rate, set in the parameter panel: one undo step, the network's."""

import pytest

from nnsim.errors import ConfigError


def test_a_hidden_layers_dropout_is_set_in_the_panel_and_undone(window):
    document = window.session.document
    hidden, output = document.layers[1], document.layers[-1]
    field = window.panel.field(f"dropout:{hidden.id}")
    assert field.opts["title"] == "Hidden 1 dropout" and field.value() == 0.0
    with pytest.raises(KeyError):
        window.panel.field(f"dropout:{output.id}")  # the output layer has none
    steps = window.undo_stack.count()
    field.setValue(0.5)
    assert document.layer(hidden.id).dropout == 0.5
    assert window.undo_stack.count() == steps + 1
    window.session.catch_up()
    assert window.session.compiled.network.dropout == (0.5, 0.0)
    window.undo_stack.undo()
    assert document.layer(hidden.id).dropout == 0.0
    assert window.panel.field(f"dropout:{hidden.id}").value() == 0.0, "the field follows undo"
    with pytest.raises(ConfigError, match="Dropout applies to hidden layers"):
        document.set_property(output.id, "dropout", 0.5)
