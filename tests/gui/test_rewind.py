"""Rewinding the window to an earlier epoch, and training again from there."""

import numpy as np
import pyqtgraph as pg

from nnsim.gui.training.rewind import RewindBar
from nnsim.model.session import Session


def train_epochs(window, count):
    for _ in range(count):
        window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()


def test_the_slider_shows_the_weights_of_an_earlier_epoch_everywhere(window):
    window.panel.set_value("speed", "fastest")
    start = [w.copy() for w in window.session.compiled.network.weights]
    train_epochs(window, 30)
    latest = [w.copy() for w in window.session.compiled.network.weights]
    bar = window.rewind
    assert bar.slider.maximum() == 30 and bar.slider.value() == 30
    assert bar.label.text() == "epoch 30 (latest)"
    bar.slider.setValue(0)
    assert bar.shown == 0 and bar.label.text() == "epoch 0 of 30"
    for shown, first in zip(window.session.display_network.weights, start, strict=True):
        np.testing.assert_array_equal(shown, first)
    assert bar.marker.value() == 0
    bar.slider.setValue(30)  # back to the latest
    assert bar.shown is None
    for shown, last in zip(window.session.display_network.weights, latest, strict=True):
        np.testing.assert_array_equal(shown, last)


def test_train_from_here_forgets_the_later_epochs_and_goes_on_from_there(window):
    train_epochs(window, 20)
    bar = window.rewind
    bar.slider.setValue(10)
    epoch = bar.shown
    assert 0 < epoch <= 10
    kept = [w.copy() for w in window.session.display_network.weights]
    bar.button.click()
    assert window.session.history.count == epoch
    for weights, snapshot in zip(window.session.compiled.network.weights, kept, strict=True):
        np.testing.assert_array_equal(weights, snapshot)
    window.training_actions["step"].trigger()
    assert window.session.history.count == epoch + 1
    assert bar.slider.maximum() == epoch + 1


def test_the_bar_follows_a_session_alone_and_trains_from_the_epoch_it_shows(qtbot):
    session = Session(seed=2)
    plot = pg.PlotWidget()
    bar = RewindBar(session, plot)
    qtbot.addWidget(bar)
    qtbot.addWidget(plot)
    assert not bar.slider.isEnabled(), "nothing to go back to yet"
    for _ in range(40):  # epoch by epoch, as Step does: a snapshot each
        session.step()
    bar.follow()  # (the window's live view calls it as it draws a report)
    assert bar.slider.isEnabled() and bar.label.text() == "epoch 40 (latest)"
    bar.slider.setValue(10)
    assert session.shown_epoch == 10 and bar.label.text() == "epoch 10 of 40"
    assert bar.marker.scene() is plot.getPlotItem().scene() and bar.marker.value() == 10
    session.rewind(40)  # the session goes back to the latest: the bar follows it
    assert bar.shown is None and bar.label.text() == "epoch 40 (latest)"
    assert bar.marker.scene() is None
    bar.slider.setValue(25)
    bar.button.click()
    assert session.history.count == 25 and bar.label.text() == "epoch 25 (latest)"
    assert not bar.button.isEnabled()
