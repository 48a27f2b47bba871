"""Network > Probe an Input: every neuron's value for inputs a person types."""

import numpy as np
import pytest

from nnsim.errors import NnsimError
from nnsim.gui.training.live_view import live_values
from nnsim.gui.training.probe import probe_text
from nnsim.model.run_data import input_scaling
from nnsim.model.session import Session
from nnsim.resource_files import resource_path


def test_a_probe_is_what_the_canvas_shows_until_a_row_is_chosen():
    session = Session(seed=1)  # XOR on 2-4-1: no scaling
    said = probe_text(session, "0.3, 0.9")
    *_network, sample = live_values(session, 0)
    np.testing.assert_array_equal(sample, [0.3, 0.9])
    output = session.display_network.predict(np.array([[0.3, 0.9]]))[0, 0]
    assert (
        said
        == f"Probe x = [0.3, 0.9]: output [{output:.4g}]. Choose a sample to go back to the data."
    )
    session.set_probe(None)
    np.testing.assert_array_equal(live_values(session, 3)[-1], session.data.X[3])


def test_a_probe_is_scaled_as_the_data_is():
    session = Session.open(resource_path("examples", "iris.nnsim"))  # z-scored inputs
    flower = np.array([5.1, 3.5, 1.4, 0.2])  # iris's first flower, in centimetres
    probe_text(session, "5.1 3.5 1.4 0.2")
    offset, scale = input_scaling(session.settings)
    np.testing.assert_allclose(live_values(session, 0)[-1], (flower - offset) / scale, rtol=1e-12)
    assert not np.allclose(offset, 0.0), "iris is scaled: the check above could fail"


@pytest.mark.parametrize(
    "text, reason", [("1", "2 inputs"), ("a, b", "numbers"), ("1, nan", "finite")]
)
def test_inputs_the_network_cannot_take_are_refused_in_words(text, reason):
    session = Session()
    with pytest.raises(NnsimError, match=reason):
        probe_text(session, text)
    assert session.probe is None


# The bare plot takes the click in its scene, not as a widget: QTest says so.
@pytest.mark.qt_log_ignore("Mouse event .* not accepted by receiving widget")
def test_a_click_on_the_decision_plane_probes_that_input_and_marks_it(qtbot):
    from PySide6.QtCore import QPointF, Qt

    from nnsim.gui.plots.decision_plot import DecisionPlot

    session = Session(seed=1)
    said = []
    session.events.message.connect(said.append)
    plot = DecisionPlot(session)
    qtbot.addWidget(plot.widget)
    plot.widget.resize(400, 400)
    plot.widget.show()
    qtbot.waitExposed(plot.widget)
    plot.draw()
    view = plot.widget.getPlotItem().getViewBox()
    where = plot.widget.mapFromScene(view.mapViewToScene(QPointF(0.3, 0.9)))
    qtbot.mouseClick(plot.widget.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert session.probe is not None, "the click probed the plane"
    np.testing.assert_allclose(session.probe, [0.3, 0.9], atol=0.02)  # a pixel's worth
    assert said[-1].startswith("Probe x = [")
    marked = plot.probe_mark.getData()
    np.testing.assert_array_equal(np.ravel(marked), session.probe)
    session.set_probe(None)
    assert len(plot.probe_mark.getData()[0]) == 0, "a data row again: no mark"
