"""The loss landscape view: its surface is the model's, its worker stops, its path is live."""

import csv as csvmodule
import threading
import time

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QProgressBar, QPushButton

from nnsim.gui.project.exporting import install_exports
from nnsim.gui.training import landscape_jobs
from nnsim.gui.training.landscape_items import _bar_ticks, log_loss
from nnsim.gui.training.landscape_view import STEPS, LossLandscapeView
from nnsim.model import landscape
from nnsim.model.landscape_race import racers
from nnsim.model.session import Session

GUI_THREAD = threading.main_thread().ident


@pytest.fixture
def view(qtbot):
    shown = LossLandscapeView(Session())  # XOR on a 2-4-1 network, untrained
    qtbot.addWidget(shown)
    shown.resize(900, 600)
    shown.show()
    yield shown
    shown.shutdown()


def press(view, qtbot, name, timeout=20_000):
    view.findChild(QPushButton, name).click()
    qtbot.waitUntil(lambda: not view.running, timeout=timeout)


def test_compute_draws_the_models_surface_and_reaches_100_percent(view, qtbot):
    session = view.session
    view.controls.seed.setValue(3)
    view.controls.extent.setValue(1.5)
    press(view, qtbot, "landscapeCompute")
    network = session.display_network
    plane = landscape.random_plane(network, np.random.default_rng(3))
    axis = np.linspace(-1.5, 1.5, 41)
    expected = landscape.surface(network, plane, session.data.X, session.data.T, axis, axis)
    np.testing.assert_allclose(view.losses, expected, rtol=1e-12)
    np.testing.assert_allclose(view.surface.image.image, log_loss(expected), rtol=1e-12)
    assert view.findChild(QProgressBar, "landscapeProgress").value() == STEPS
    assert len(view.surface.contours) > 0
    j, i = np.unravel_index(np.argmin(expected), expected.shape)
    assert (
        view.surface.lowest.data["x"][0] == axis[i] and view.surface.lowest.data["y"][0] == axis[j]
    )
    assert "Error over all 4 training samples" in view.note.text()
    header, rows = view.table()
    assert header[:5] == ["part", "epoch", "a", "b", "error"]
    grid = [row for row in rows if row[0] == "surface"]
    assert len(grid) == 41 * 41 and grid[0][2:5] == [-1.5, -1.5, expected[0, 0]]
    path = [row for row in rows if row[0] == "path"]
    assert path[-1][2:4] == pytest.approx([0.0, 0.0], abs=1e-12), "the weights shown: the centre"
    assert path[-1][4] == pytest.approx(network.loss_value(session.data.X, session.data.T))


def test_two_chosen_weights_are_the_axes_and_the_centre_is_the_networks_loss(view, qtbot):
    controls = view.controls
    controls.kind.setCurrentIndex(controls.kind.findData("chosen"))
    first = view.findChild(QComboBox, "landscapeFirst")
    assert first.itemText(0) == "w 1→1 (layer 1)" and first.itemText(2) == "w 1→2 (layer 1)"
    assert first.findText("b 4 (layer 1)") >= 0
    first.setCurrentIndex(first.findText("w 2→3 (layer 1)"))
    controls.second.setCurrentIndex(controls.second.findText("b 1 (layer 2)"))
    controls.extent.setValue(2.0)
    press(view, qtbot, "landscapeCompute")
    network, data = view.session.display_network, view.session.data
    assert view.losses[20, 20] == pytest.approx(network.loss_value(data.X, data.T), rel=1e-12)
    assert view.plane.origin == (network.weights[0][2, 1], network.biases[1][0])
    axis = view.plot.getPlotItem().getAxis("bottom")
    assert axis.labelText == "w 2→3 (layer 1)"


def test_cancel_stops_a_long_computation_between_rows(view, qtbot, monkeypatch):
    rows_made = []

    def slow_rows(network, plane, X, T, a_values, b_values):
        for _ in b_values:
            time.sleep(0.02)
            rows_made.append(1)
            yield np.ones(len(a_values))

    monkeypatch.setattr(landscape_jobs.landscape, "surface_rows", slow_rows)
    view.controls.extent.setValue(1.0)
    view.findChild(QPushButton, "landscapeCompute").click()
    assert view.running and not view.controls.compute_button.isEnabled()
    assert view.note.text() == "Computing the error at 41 x 41 points…"
    qtbot.waitUntil(lambda: np.isfinite(view.losses).any(), timeout=5000)
    view.findChild(QPushButton, "landscapeCancel").click()
    assert not view.running and view.controls.compute_button.isEnabled()
    made = len(rows_made)
    qtbot.wait(100)
    assert len(rows_made) == made < 41, "no row after Cancel"
    assert np.isnan(view.losses).any(), "the rows not computed stay blank"
    assert view.note.text() == "Cancelled."


def test_the_path_follows_training_without_a_new_surface(view, qtbot):
    view.controls.extent.setValue(3.0)
    press(view, qtbot, "landscapeCompute")
    surface = view.losses.copy()
    before = view.path_points.copy()
    np.testing.assert_allclose(before[-1], [0.0, 0.0], atol=1e-12)
    for _ in view.session.train(max_epochs=40):
        pass
    view.draw()
    after = view.path_points
    assert len(after) > len(before)
    shown = landscape.flatten(*view.session.display_network.parameters())
    np.testing.assert_allclose(after[-1], view.plane.project(shown)[0], rtol=1e-12)
    assert not np.allclose(after[-1], before[-1]), "the current point moved"
    line_x, _ = view.run_path.line.getData()
    assert line_x[-1] == after[-1][0]
    np.testing.assert_array_equal(view.losses, surface)


def test_a_changed_network_makes_the_surface_out_of_date(view, qtbot):
    press(view, qtbot, "landscapeCompute")
    session = view.session
    hidden = session.document.layers[1].id
    session.document.set_layer_size(hidden, 3)
    session.prepare()
    view.draw()
    assert "out of date" in view.note.text()
    x, _ = view.run_path.line.getData()
    assert x is None or len(x) == 0, "no path on a plane the network has left"


def test_race_draws_one_path_per_optimiser_from_one_start(view, qtbot):
    for action in view.controls.racers_menu.actions():
        action.setChecked(True)
    press(view, qtbot, "landscapeRace", timeout=60_000)
    names = [racer.name for racer in racers(0.5)]
    assert [path.racer.name for path in view.paths] == names
    assert len(view.race_paths) == len(names)
    labels = [label.text for _, label in view.legend.items]
    assert all(label.startswith(name) for label, name in zip(labels, names, strict=True))
    for items in view.race_paths:
        x, y = items.line.getData()
        assert (x[0], y[0]) == pytest.approx((0.0, 0.0), abs=1e-9)
    assert np.isfinite(view.losses).all()
    assert view.findChild(QProgressBar, "landscapeProgress").value() == STEPS
    _, rows = view.table()
    assert {row[0] for row in rows} == {"surface", *names}


def snapshot_path(view):
    """The run's path as the view should draw it: each snapshot shown, then the weights shown."""
    session = view.session
    thetas = [landscape.flatten(*session.snapshots.at_or_before(e)[1:])
              for e in session.snapshots.epochs]  # fmt: skip
    thetas.append(landscape.flatten(*session.display_network.parameters()))
    return view.plane.project(np.array(thetas)) + np.array(view.plane.origin)


def test_going_back_in_time_draws_the_new_timeline_not_the_old(view, qtbot):
    press(view, qtbot, "landscapeCompute")
    session = view.session
    for _ in range(6):  # a snapshot at the end of each run: epochs 10, 20, ..., 60
        for _ in session.train(max_epochs=10):
            pass
        view.draw()
    old = {e for e in session.snapshots.epochs if e > 20}
    session.train_from(20)
    session.settings.set("learning_rate", 2.0)  # the new timeline goes elsewhere
    for _ in range(4):  # the same epochs again, other weights
        for _ in session.train(max_epochs=10):
            pass
    view.draw()
    assert len(old & set(session.snapshots.epochs)) >= 3
    np.testing.assert_allclose(view.path_points, snapshot_path(view), rtol=1e-12, atol=1e-12)


def test_opening_another_network_cancels_a_computation(view, qtbot, monkeypatch):
    def endless_rows(network, plane, X, T, a_values, b_values):
        while True:
            time.sleep(0.01)
            yield np.ones(len(a_values))

    monkeypatch.setattr(landscape_jobs.landscape, "surface_rows", endless_rows)
    view.findChild(QPushButton, "landscapeCompute").click()
    assert view.running
    view.session.replace(Session.new_mlp((2, 3, 1)).document)
    assert not view.running and view.controls.compute_button.isEnabled()
    assert view.controls.first.count() == 2 * 3 + 3 + 3 + 1, "the new network's numbers"


def test_the_colour_bar_reads_errors_not_their_logarithms():
    ticks = _bar_ticks(np.log10(1e-5), np.log10(0.5))
    assert [label for _, label in ticks] == ["1e-05", "0.0001", "0.001", "0.01", "0.1"]
    assert ticks[2][0] == pytest.approx(-3.0)
    assert [label for _, label in _bar_ticks(np.log10(0.02), np.log10(0.3))] == [
        "0.02",
        "0.05",
        "0.1",
        "0.2",
    ]
    narrow = _bar_ticks(np.log10(0.120), np.log10(0.128))
    labels = [label for _, label in narrow]
    assert len(narrow) == 4 and len(set(labels)) == 4 and labels[0] == "0.12"


def test_a_perceptrons_steps_get_one_contour_each_and_its_zero_is_drawn(qtbot):
    view = LossLandscapeView(Session.new_perceptron())  # Rosenblatt: E counts mistakes
    qtbot.addWidget(view)
    view.show()
    view.controls.extent.setValue(2.0)
    press(view, qtbot, "landscapeCompute")
    values = np.unique(view.losses)
    assert set(values) <= {0.0, 1.0, 2.0, 3.0, 4.0} and len(values) >= 2
    assert len(view.surface.contours) == len(values) - 1
    np.testing.assert_allclose(
        log_loss(np.array([[0.0, 1.0], [2.0, np.nan]])),
        [[np.log10(0.5), 0.0], [np.log10(2.0), np.nan]],
    )
    press(view, qtbot, "landscapeRace")
    assert view.note.text() == "The race is for multi-layer perceptrons." and not view.paths


def test_a_finished_worker_is_let_go_in_the_gui_thread(view, qtbot, worker_deaths,
                                                        let_workers_go):  # fmt: skip
    for _ in range(3):
        press(view, qtbot, "landscapeCompute")
        qtbot.wait(100)  # meanwhile the pool thread lets go of the runnable
    let_workers_go(view)
    assert worker_deaths == [True] * 3


def test_a_weight_set_by_hand_moves_the_current_point(view, qtbot):
    press(view, qtbot, "landscapeCompute")
    session = view.session
    first = session.document.neurons_of(session.document.layers[0].id)[0]
    hidden = session.document.neurons_of(session.document.layers[1].id)[0]
    session.set_number(session.number(hidden, first) + 0.5, hidden, first)
    view.draw()
    shown = landscape.flatten(*session.display_network.parameters())
    np.testing.assert_allclose(view.path_points[-1], view.plane.project(shown)[0], rtol=1e-12)
    assert np.abs(view.path_points[-1]).max() > 1e-3, "it left the centre"


def test_the_numbers_and_the_picture_save_from_the_plots_menu(view, qtbot, choose, tmp_path):
    png, _, csv = install_exports(view.plot, "loss_landscape", view.table)
    view.controls.extent.setValue(1.0)
    press(view, qtbot, "landscapeCompute")
    choose(tmp_path / "landscape.csv")
    csv.trigger()
    with open(tmp_path / "landscape.csv", newline="", encoding="utf-8") as file:
        rows = list(csvmodule.reader(file))
    assert rows[0] == ["part", "epoch", "a", "b", "error", "error on the plane"]
    assert rows[1][:4] == ["surface", "", "-1.0", "-1.0"]
    assert float(rows[1][4]) == view.losses[0, 0]
    assert [row[:2] for row in rows[1 + 41 * 41 :]] == [["path", "0"]], "the weights shown"
    choose(tmp_path / "landscape.png")
    png.trigger()
    assert (tmp_path / "landscape.png").stat().st_size > 1000
