"""The Data dock: the samples as a table and a scatter, its fields, and drawing points."""

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt


def test_the_table_lists_every_sample_with_its_class_and_part(window):
    window.files.open_example("iris")  # a validation share of 0.2
    model = window.data_view.samples
    assert model.rowCount() == 150
    headers = [model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())]
    assert headers[-2:] == ["class", "part"] and headers[0] == "sepal_length_cm"
    parts = [model.data(model.index(row, len(headers) - 1)) for row in range(150)]
    assert parts.count("validation") == 30 and parts[0] == "training"
    assert model.data(model.index(0, 4)) in ("setosa", "versicolor", "virginica")
    assert "120 training and 30 validation samples" in window.data_view.description.text()


def test_data_the_network_cannot_take_is_shown_all_the_same(window):
    window.panel.set_value("dataset", "iris")  # 4 inputs, 3 classes: not for 2-4-1
    assert window.session.problem.startswith("The data set 'iris' has 4 inputs")
    assert window.data_view.samples.rowCount() == 150
    assert window.data_view.description.text().startswith("<b>iris</b>")


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


def test_drawing_is_offered_only_for_two_input_classes(window):
    window.data_dock.raise_()
    button = window.data_view.draw_button
    assert button.isEnabled()  # XOR: two inputs, two classes
    window.panel.set_value("dataset", "sine")  # 1 input: the network fits it
    assert not button.isEnabled()
    assert "classification data only" in button.toolTip()


def test_the_data_dock_shows_the_seed_that_shuffles_the_data(window):
    window.data_fields.field("seed").setValue(11)
    assert window.settings["seed"] == 11 and window.panel.field("seed").value() == 11
