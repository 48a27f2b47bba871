"""The Data dock: the samples as a table and a scatter, its fields, and drawing points.

The view, the importer and the drawing are built from a session alone (with
an undo stack and a decision plot) where the window is not the point; the
window's tests check the wiring: clicks on its plot, its panels.
"""

from functools import partial

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from nnsim.gui.commands import push_edit
from nnsim.gui.data.data_dock import DataView, PointDrawing
from nnsim.gui.data.importing import DataImporter
from nnsim.gui.panels import ParameterPanel
from nnsim.gui.plots import DecisionPlot, InputScaling
from nnsim.model.classroom import FIXED, Classroom
from nnsim.model.session import Session
from nnsim.resource_files import resource_path


@pytest.fixture
def make_view(qtbot):
    """``make_view(session)``: the Data dock's view of it, with its Data fields, as the window
    builds it.  The fixture keeps the views to the end of the test (the session holds them
    only by weak references), and lets the fields fit their names on their 0 ms timer before
    the views go: a tree deleted with the timer pending keeps a wrapper PySide never frees
    (tests/gui/test_leaks.py counts them)."""
    made = []

    def make(session: Session) -> DataView:
        stack = QUndoStack()
        edit = partial(push_edit, stack, session.document)
        fields = ParameterPanel(
            session.settings, session.document, stack, edit, None, ("Data",), ("seed",)
        )
        view = DataView(session, fields)
        qtbot.addWidget(view, before_close_func=lambda _view: qtbot.wait(1))
        made.append(view)
        return view

    yield make
    made.clear()


def column(view: DataView, k: int) -> list:
    model = view.samples
    return [model.data(model.index(row, k)) for row in range(model.rowCount())]


def test_the_table_lists_every_sample_with_its_class_and_part(make_view):
    session = Session.open(resource_path("examples", "iris.nnsim"))
    view = make_view(session)
    model = view.samples
    assert model.rowCount() == 150
    headers = [model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())]
    assert headers[-2:] == ["class", "part"] and headers[0] == "sepal_length_cm"
    parts = column(view, len(headers) - 1)
    held_out = round(150 * session.settings["validation_share"])
    assert parts.count("validation") == held_out == 30 and parts[0] == "training"
    assert model.data(model.index(0, 4)) in ("setosa", "versicolor", "virginica")
    assert "120 training and 30 validation samples" in view.description.text()


def test_the_view_follows_the_sessions_data_and_counts_the_samples(make_view):
    session = Session.open(resource_path("examples", "iris.nnsim"))
    view = make_view(session)
    counted = []
    view.samples_shown.connect(counted.append)
    session.settings.set("dataset", "and")  # 2 inputs, 1 target: not for the 4-8-3 network
    assert session.compiled is None and session.problem.startswith("The data set 'and'")
    assert view.samples.rowCount() == 4  # the data the settings make, shown all the same
    assert column(view, 3) == ["training"] * 3 + ["validation"]
    assert view.description.text().startswith("<b>and</b>")
    assert counted == [3]
    session.replace(session.document, dataset="iris", validation_share=0.2, normalisation="none")
    assert view.samples.rowCount() == 150 and counted[-1] == session.data.n_samples == 120
    assert not view.scaled_box.isEnabled()


def test_data_the_network_cannot_take_is_shown_all_the_same(make_view):
    session = Session()  # XOR's 2-4-1
    view = make_view(session)
    assert view.samples.rowCount() == 4
    session.settings.set("dataset", "iris")  # 4 inputs, 3 classes: not for 2-4-1
    assert session.problem.startswith("The data set 'iris' has 4 inputs")
    assert view.samples.rowCount() == 150
    assert view.description.text().startswith("<b>iris</b>")


def test_data_the_settings_cannot_make_leave_the_view_as_it_was(make_view):
    session = Session()  # XOR: two samples of each class
    view = make_view(session)
    session.settings.set("normalisation", "z-score")
    session.settings.set("validation_share", 0.2)  # none of either class to hold out
    assert "4 samples are too few to split 20% off" in session.problem
    assert view.samples.rowCount() == 4 and view.scaled_box.isEnabled()


def test_the_table_shows_the_persons_numbers_or_the_scaled_ones_when_asked(make_view):
    session = Session.open(resource_path("examples", "iris.nnsim"))  # z-scored inputs
    view = make_view(session)
    scaling = InputScaling.of(session.settings)
    raw = scaling.to_raw(np.vstack([session.data.X, session.validation.X]))
    assert column(view, 0) == [f"{v:.6g}" for v in raw[:, 0]]
    assert view.scaled_box.isEnabled() and "z-score" in view.scaled_box.toolTip()
    view.scaled_box.setChecked(True)
    scaled = np.concatenate([session.data.X[:, 0], session.validation.X[:, 0]])
    assert column(view, 0) == [f"{v:.6g}" for v in scaled]
    assert view.samples.headerData(0, Qt.Orientation.Horizontal) == "sepal_length_cm (z-score)"


def test_drawing_is_offered_only_for_two_input_classes(make_view):
    session = Session()
    view = make_view(session)
    button = view.draw_button
    assert button.isEnabled()  # XOR: two inputs, two classes
    session.settings.set("dataset", "sine")  # 1 input, a value to fit
    assert view.samples.rowCount() == 200 and not button.isEnabled()
    assert "classification data only" in button.toolTip()


class Drawn:
    """A perceptron session's Data view, decision plot and importer, linked by a PointDrawing."""

    def __init__(self, qtbot, make_view):
        self.session = session = Session.new_perceptron()  # the AND gate
        self.said = []
        session.events.message.connect(self.said.append)
        self.view = make_view(session)
        self.plot = DecisionPlot(session)  # it shows the session's data itself
        qtbot.addWidget(self.plot.widget)
        self.stack, self.parent = QUndoStack(), QWidget()  # the parent owns the importer
        qtbot.addWidget(self.parent)
        edit = partial(push_edit, self.stack, session.document)
        importer = DataImporter(session, self.stack, self.parent, edit, lambda what: True)
        self.drawing = PointDrawing(session, self.view, self.plot, importer)


@pytest.fixture
def drawn(qtbot, make_view):
    return Drawn(qtbot, make_view)


def test_the_draw_button_makes_clicks_on_the_plot_add_points(drawn):
    session = drawn.session
    drawn.view.draw_button.setChecked(True)
    assert drawn.plot.on_click == drawn.drawing.click
    assert drawn.said[-1].startswith("Drawing: click to add a point")
    drawn.view.draw_class.setCurrentIndex(1)
    drawn.drawing.click(0.25, 0.75, True)
    assert session.settings["dataset"] == "custom" and session.data.n_samples == 5
    np.testing.assert_array_equal(session.data.X[-1], [0.25, 0.75])
    assert session.data.y[-1] == 1 and drawn.view.samples.rowCount() == 5
    drawn.drawing.click(0.3, 0.7, False)  # the nearest point is the one just drawn
    assert session.data.n_samples == 4 and drawn.stack.count() == 2
    drawn.stack.undo()
    drawn.stack.undo()
    assert session.settings["dataset"] == "and" and session.settings.custom_data is None
    drawn.view.draw_button.setChecked(False)
    assert drawn.plot.on_click is None


def test_frozen_data_refuses_a_drawn_point(drawn):
    drawn.session.set_classroom(Classroom(data_frozen=True))
    drawn.drawing.click(0.5, 0.5, True)
    assert drawn.said[-1] == FIXED
    assert drawn.stack.count() == 0 and drawn.session.data.n_samples == 4


def test_show_scaled_values_redraws_the_decision_plot_in_the_scaled_inputs(drawn):
    session = drawn.session
    session.settings.set("normalisation", "z-score")  # AND's 0 and 1 become -1 and 1
    plot, box = drawn.plot, drawn.view.scaled_box
    assert box.isEnabled() and not plot.show_scaled
    np.testing.assert_allclose(plot._grid[0][[0, -1]], [-0.1, 1.1])  # the data's 0 to 1
    box.setChecked(True)
    assert plot.show_scaled and "z-score scaled" in plot.widget.getAxis("bottom").labelText
    xs, ys, points = plot._grid
    np.testing.assert_allclose(xs[[0, -1]], [-1.2, 1.2])  # -1 to 1, and a margin
    expected = session.display_network.predict(points)[:, 0].reshape(len(ys), len(xs))
    np.testing.assert_allclose(plot.image.image, expected, rtol=1e-12, atol=1e-12)


def test_the_data_fields_and_the_parameter_fields_show_the_same_settings(window):
    data_fields = window.data_fields
    data_fields.field("noise").setValue(0.3)  # typed into the Data dock
    assert window.settings["noise"] == 0.3
    assert window.panel.field("noise").value() == 0.3
    window.undo_stack.undo()
    assert data_fields.field("noise").value() == 0.1 == window.settings["noise"]


def click_on_plot(qtbot, plot, x, y, button=Qt.MouseButton.LeftButton):
    """Click the decision plot where the data point (x, y) is drawn."""
    view = plot.widget.getPlotItem().getViewBox()
    scene_point = view.mapViewToScene(QPointF(x, y))
    where = plot.widget.mapFromScene(scene_point)
    qtbot.mouseClick(plot.widget.viewport(), button, pos=QPoint(where.x(), where.y()))


def test_clicks_on_the_decision_plot_draw_points_of_the_chosen_class(window, qtbot):
    window.data_dock.raise_()  # its tab to the front: behind Parameters it takes no clicks
    window.panel.set_value("dataset", "blobs")
    before = window.session.data.n_samples
    qtbot.mouseClick(window.data_view.draw_button, Qt.MouseButton.LeftButton)
    assert window.data_view.draw_button.isChecked()
    window.data_view.draw_class.setCurrentIndex(1)
    click_on_plot(qtbot, window.decision_plot, -0.5, 0.25)
    data = window.session.data
    assert data.n_samples == before + 1 and window.settings["dataset"] == "custom"
    np.testing.assert_allclose(data.X[-1], [-0.5, 0.25], atol=0.05)  # within a pixel or two
    assert data.y[-1] == 1

    click_on_plot(qtbot, window.decision_plot, -0.5, 0.25, Qt.MouseButton.RightButton)
    assert window.session.data.n_samples == before  # the point just drawn is the nearest
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.settings["dataset"] == "blobs" and window.session.data.n_samples == before


def test_clicks_do_nothing_unless_drawing(window, qtbot):
    window.panel.set_value("dataset", "blobs")
    count = window.undo_stack.count()
    click_on_plot(qtbot, window.decision_plot, 0.0, 0.0)
    assert window.undo_stack.count() == count


def test_the_data_dock_shows_the_seed_that_shuffles_the_data(window):
    window.data_fields.field("seed").setValue(11)
    assert window.settings["seed"] == 11 and window.panel.field("seed").value() == 11
