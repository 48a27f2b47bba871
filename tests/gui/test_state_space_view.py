"""The state-space view, built from a session alone, against the projection it draws."""

import numpy as np
import pyqtgraph as pg
import pytest

from nnsim.gui.palette import class_colour
from nnsim.gui.training.state_space_view import TARGET_COLOURS, StateSpaceView
from nnsim.model import new_mlp
from nnsim.model.session import Session
from nnsim.model.state_space import principal_axes, sample_rows, state_space


def shown(qtbot, session: Session) -> StateSpaceView:
    view = StateSpaceView(session)
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.show()
    qtbot.waitExposed(view)
    view.draw()
    return view


def drawn_points(view: StateSpaceView) -> np.ndarray:
    """The points of every scatter, put back in the projection's order."""
    points = np.full((len(view.projection.rows), 2), np.nan)
    for item, members, _ in view.groups:
        points[members] = np.column_stack(item.getData())
    return points


def axis_label(view: StateSpaceView, side: str) -> str:
    return view.plot.getPlotItem().getAxis(side).labelText


def train(session: Session, epochs: int) -> None:
    for _ in session.train(max_epochs=session.history.count + epochs):
        pass


def test_the_last_hidden_layers_pca_is_drawn_coloured_by_class(qtbot):
    session = Session(new_mlp((4, 6, 3)), dataset="iris")
    view = shown(qtbot, session)
    data = session.data
    expected = state_space(session.display_network, data.X, 1)
    np.testing.assert_array_equal(drawn_points(view), expected.points)
    share = principal_axes(session.display_network.forward_all(data.X)[1])[2][0]
    assert axis_label(view, "bottom") == f"PC 1 ({share:.0%})"
    assert axis_label(view, "left").startswith("PC 2 (")
    for k, (item, members, _) in enumerate(view.groups):
        np.testing.assert_array_equal(members, np.flatnonzero(data.y == k))
        assert item.opts["brush"].color().name() == pg.mkColor(class_colour(k)).name()
    legend = [(sample.item, label.text) for sample, label in view.legend.items]
    items = [item for item, *_ in view.groups]
    assert legend == list(zip(items, data.class_names, strict=True))


def test_the_combo_lists_the_inputs_and_every_hidden_layer_and_starts_at_the_last(qtbot):
    session = Session.new_mlp((2, 3, 2, 1))
    view = shown(qtbot, session)
    combo = view.layer
    assert combo.objectName() == "stateSpaceLayer" and view.objectName() == "stateSpace"
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items == ["Inputs (2)", "Hidden 1 (3 neurons)", "Hidden 2 (2 neurons)"]
    assert combo.currentIndex() == 2
    network, X = session.display_network, session.data.X
    np.testing.assert_array_equal(drawn_points(view), network.forward_all(X)[2])
    assert axis_label(view, "bottom") == "Hidden 2, neuron 1"
    assert axis_label(view, "left") == "Hidden 2, neuron 2"


def test_choosing_another_layer_draws_it_at_once(qtbot):
    session = Session.new_mlp((2, 3, 2, 1))
    view = shown(qtbot, session)
    frames = view.drawn
    view.layer.setCurrentIndex(0)
    assert view.drawn == frames + 1
    np.testing.assert_array_equal(drawn_points(view), session.data.X)  # XOR's own plane
    names = session.data.feature_names
    assert (axis_label(view, "bottom"), axis_label(view, "left")) == names[:2]
    view.layer.setCurrentIndex(1)
    expected = state_space(session.display_network, session.data.X, 1)
    np.testing.assert_array_equal(drawn_points(view), expected.points)
    assert axis_label(view, "bottom").startswith("PC 1 (")


def test_a_frame_is_worked_out_again_only_when_the_weights_change(qtbot):
    session = Session.new_mlp((2, 3, 1))
    view = shown(qtbot, session)
    frames, before = view.drawn, drawn_points(view)
    view.draw()
    assert view.drawn == frames, "nothing changed, nothing worked out"
    train(session, 50)
    view.draw()
    assert view.drawn == frames + 1
    assert not np.allclose(drawn_points(view), before)
    view.layer.setCurrentIndex(0)
    train(session, 50)
    frames = view.drawn
    view.draw()
    assert view.drawn == frames, "the inputs do not depend on the weights"


def test_a_hidden_view_does_nothing_and_catches_up_when_shown(qtbot):
    session = Session.new_mlp((2, 3, 1))
    view = shown(qtbot, session)
    view.hide()
    frames, before = view.drawn, drawn_points(view)
    train(session, 50)
    view.draw()
    assert view.drawn == frames
    np.testing.assert_array_equal(drawn_points(view), before)
    view.show()
    assert view.drawn == frames + 1
    expected = state_space(session.display_network, session.data.X, 1)
    np.testing.assert_array_equal(drawn_points(view), expected.points)


def test_a_network_without_hidden_layer_shows_its_inputs_and_says_so(qtbot):
    session = Session.new_perceptron()
    view = shown(qtbot, session)
    assert [view.layer.itemText(i) for i in range(view.layer.count())] == ["Inputs (2)"]
    assert view.note.text().startswith("This network has no hidden layer")
    np.testing.assert_array_equal(drawn_points(view), session.data.X)


def test_classes_past_the_seventh_colour_get_another_symbol(qtbot):
    session = Session(new_mlp((64, 5, 10)), dataset="digits")
    view = shown(qtbot, session)
    symbols = [item.opts["symbol"] for item, *_ in view.groups]
    assert symbols == ["o"] * 7 + ["s"] * 3
    assert len(view.legend.items) == 10


def test_regression_data_are_coloured_by_target(qtbot):
    session = Session(new_mlp((1, 3, 1), "tanh"), dataset="sine")
    view = shown(qtbot, session)
    target = session.data.T[view.projection.rows, 0]
    ((item, members, _),) = view.groups
    np.testing.assert_array_equal(members, np.arange(session.data.n_samples))
    colours = [brush.color().name() for brush in item.data["brush"]]
    assert colours[int(np.argmin(target))] == TARGET_COLOURS.mapToQColor(0.0).name()
    assert colours[int(np.argmax(target))] == TARGET_COLOURS.mapToQColor(1.0).name()
    legend = [label.text for _, label in view.legend.items]
    assert legend == [f"target {target.min():.3g}", f"target {target.max():.3g}"]
    header, rows = view.table()
    assert header == ["sample", "target", "x", "y"]
    assert rows[0][1] == pytest.approx(session.data.T[0, 0])


def test_the_table_lists_each_sample_drawn_with_its_class(qtbot):
    session = Session(new_mlp((4, 6, 3)), dataset="iris")
    view = shown(qtbot, session)
    header, rows = view.table()
    assert header == ["sample", "class", "x", "y"]
    assert len(rows) == session.data.n_samples
    data, points = session.data, view.projection.points
    for k in (0, len(rows) - 1):
        number, name, x, y = rows[k]
        assert number == k + 1 and name == data.class_names[int(data.y[k])]
        assert (x, y) == (points[k, 0], points[k, 1])


def test_a_hopfield_memory_has_no_state_space(qtbot):
    view = shown(qtbot, Session.new_hopfield(5))
    assert view.projection is None and view.groups == []
    assert view.table() == (["sample", "class", "x", "y"], [])


def test_a_capped_frame_says_how_many_samples_it_shows(qtbot):
    session = Session(new_mlp((4, 6, 3)), dataset="iris")
    view = StateSpaceView(session)
    qtbot.addWidget(view)
    view.projector.limit = 20
    view.show()
    np.testing.assert_array_equal(view.projection.rows, sample_rows(session.data.n_samples, 20))
    assert sum(len(members) for _, members, _ in view.groups) == 20
    count = session.data.n_samples
    assert view.note.text().endswith(f"20 of the {count} samples are shown, spread evenly.")
    assert len(view.table()[1]) == 20
