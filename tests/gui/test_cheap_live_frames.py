"""A live frame paints again only what looks different (issue 18 section 8)."""

import pyqtgraph as pg
import pytest

from nnsim.gui.editor.items import (
    LEVEL_STEP,
    NEGATIVE,
    NEURON_RADIUS,
    SHARE_STEPS,
    ConnectionItem,
    NeuronItem,
)
from nnsim.gui.training.rewind import RewindBar
from nnsim.model.session import Session


@pytest.fixture
def neuron(qtbot, monkeypatch):
    item = NeuronItem("n1", "hidden", has_bias=True)
    item.updates = 0
    monkeypatch.setattr(item, "update", lambda: setattr(item, "updates", item.updates + 1))
    return item


def test_a_neuron_paints_again_only_when_its_text_or_fill_moves(neuron):
    pixel = 1 / (2 * NEURON_RADIUS)  # a level step of one pixel of the circle's height
    neuron.set_value("0.50", 0.5, "first")
    assert neuron.updates == 1 and neuron.shown_value == ("0.50", 0.5)
    neuron.set_value("0.50", 0.5 + 0.9 * LEVEL_STEP * pixel, "second")
    assert neuron.updates == 1, "a fill moved less than LEVEL_STEP pixels looks the same"
    assert neuron.shown_value == ("0.50", 0.5) and neuron.toolTip() == "second"
    neuron.set_value("0.50", 0.5 + 1.1 * LEVEL_STEP * pixel)
    assert neuron.updates == 2 and neuron.shown_value[1] == pytest.approx(
        0.5 + 1.1 * LEVEL_STEP * pixel
    )
    neuron.set_value("0.51", neuron.shown_value[1])
    assert neuron.updates == 3 and neuron.shown_value[0] == "0.51"
    neuron.set_value(None)
    neuron.set_value(None)
    assert neuron.updates == 4 and neuron.shown_value is None


def test_a_connection_keeps_its_pen_while_its_weight_barely_moves(qtbot):
    line = ConnectionItem(("a", "b"))
    line.set_weight(0.5, largest=1.0)
    assert line.pen().widthF() == pytest.approx(0.5 + 5.5 * 0.5)
    pen = line.pen()
    line.set_weight(0.5 + 0.1 / SHARE_STEPS, largest=1.0)
    assert line.pen() == pen, "the same pen: the line is not painted again"
    line.set_weight(0.5 + 2 / SHARE_STEPS, largest=1.0)
    assert line.pen().widthF() == pytest.approx(0.5 + 5.5 * (0.5 + 2 / SHARE_STEPS))
    line.set_weight(-0.5, largest=1.0)
    assert line.pen().color() == NEGATIVE


def test_the_rewind_slider_stands_still_while_a_run_goes_on_and_catches_up_after(qtbot):
    session = Session(seed=2)
    plot = pg.PlotWidget()
    bar = RewindBar(session, plot)
    qtbot.addWidget(bar)
    qtbot.addWidget(plot)
    for _report in session.train(5):
        pass
    assert bar.slider.maximum() == bar.slider.value() == 5
    for _report in session.train(20):  # the state is "training" while the loop runs
        bar.follow()  # (the live view's frames)
        assert not bar.slider.isEnabled() and bar.slider.value() == bar.slider.maximum() == 5
        assert bar.label.text() == f"epoch {session.history.count} (latest)"
    assert session.history.count == 25 and session.state == "finished"
    assert bar.slider.isEnabled() and bar.slider.maximum() == bar.slider.value() == 25
