"""A Boltzmann machine's Plots tabs: filters, reconstructions and dreams, on crafted machines."""

import csv

import numpy as np
import pytest
from PySide6.QtWidgets import QInputDialog

from nnsim.gui.palette import NEGATIVE, POSITIVE
from nnsim.gui.rbm.pictures import GAP, picture_shape, tiled
from nnsim.model import new_mlp, new_rbm
from nnsim.model.starters import RBM_HIDDEN

WAIT_MS = 20_000


def test_pictures_are_the_squarest_shape_and_tile_with_gaps():
    assert picture_shape(64) == (8, 8) and picture_shape(70) == (7, 10)
    assert picture_shape(7) == (1, 7)
    images = np.arange(3 * 4, dtype=float).reshape(3, 4)  # three 2 x 2 pictures, two a row
    grid = tiled(images, (2, 2), columns=2)
    assert grid.shape == (2 * 3 + 1, 2 * 3 + 1)
    np.testing.assert_array_equal(grid[1:3, 1:3], [[0, 1], [2, 3]])
    np.testing.assert_array_equal(grid[1:3, 4:6], [[4, 5], [6, 7]])
    np.testing.assert_array_equal(grid[4:6, 1:3], [[8, 9], [10, 11]])
    assert np.isnan(grid[4:6, 4:6]).all() and np.isnan(grid[0]).all() and np.isnan(grid[:, 3]).all()


def test_file_new_boltzmann_machine_asks_nothing_and_opens_one_on_the_digits(window, monkeypatch):
    def asked(*args):
        raise AssertionError("File > New Boltzmann Machine asked a question")

    monkeypatch.setattr(QInputDialog, "getItem", asked)
    monkeypatch.setattr(QInputDialog, "getInt", asked)
    window.findChild(object, "actionNewBoltzmann").trigger()
    assert window.document.kind == "rbm" and window.document.layer_sizes == (64, RBM_HIDDEN)
    settings = window.settings
    assert settings["dataset"] == "digits" and settings["max_epochs"] == 100
    assert settings["persistent"] is False and settings["cd_steps"] == 3


def tab_names(window):
    tabs = window.plot_tabs
    return [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]


def test_the_plots_dock_offers_a_machine_s_views_and_hides_those_that_do_not_apply(window):
    assert "Filters" not in tab_names(window) and "Results" in tab_names(window)
    window.new_network(new_rbm(64, 9))
    assert tab_names(window)[-3:] == ["Filters", "Reconstructions", "Dreams"]
    assert tab_names(window)[0] == "Error", "no decision boundary under it"
    assert "Results" not in tab_names(window)
    assert window.decision_plot.panel.isHidden()
    for name in ("rbmFilters", "rbmReconstructions", "rbmDreams"):
        assert window.findChild(object, name) is not None, name
    window.new_network(new_mlp())
    assert "Filters" not in tab_names(window) and "Results" in tab_names(window)
    assert not window.decision_plot.panel.isHidden()
    assert tab_names(window)[0] == "Error && boundary"


def machine(window, visible=64, hidden=4):
    """A machine open on the digits, its Plots dock on ``tab``'s page, weights to craft."""
    window.new_network(new_rbm(visible, hidden))
    return window.session.display_network


def show(window, page):
    window.plot_tabs.setCurrentWidget(page)
    window.redraw()


def test_filters_draw_each_hidden_unit_s_weights_blue_positive_vermillion_negative(window):
    network = machine(window, hidden=4)
    W = np.zeros((4, 64))
    W[0, 0], W[0, 1], W[3, 63] = 2.0, -1.0, -0.5  # unit 1's top-left pixels, unit 4's last
    network.set_parameters([W], [np.zeros(4), np.zeros(64)])
    view = window.rbm_tabs.filters
    show(window, view.widget)
    grid = view.grid.grid
    assert grid.shape == (2 * 9 + 1, 2 * 9 + 1), "four 8 x 8 pictures, two a row"
    assert grid[1, 1] == 1.0 and grid[2 * 9 - 1, 2 * 9 - 1] == -1.0, "each on its own scale"
    assert grid[1, 10] == 0.0, "a unit without weights is white, not divided by 0"
    rgba = view.grid.image.image
    assert tuple(rgba[1, 1, :3]) == rgb(POSITIVE) and tuple(rgba[17, 17, :3]) == rgb(NEGATIVE)
    np.testing.assert_allclose(rgba[1, 2, :3], np.add(rgb(NEGATIVE), 255) / 2, atol=2)
    assert tuple(rgba[0, 0]) == GAP and tuple(rgba[1, 3, :3]) == (255, 255, 255)
    header, rows = view.table()
    assert header[:3] == ["hidden unit", "bias", "v1"] and len(rows) == 4
    assert rows[0][2:4] == [2.0, -1.0] and rows[3][-1] == -0.5, "the weights as they are"


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[k : k + 2], 16) for k in (1, 3, 5))


def test_reconstructions_show_the_first_samples_above_what_the_machine_makes_of_them(window):
    network = machine(window, hidden=2)
    b_v = np.where(np.arange(64) < 32, 50.0, -50.0)  # top half on, bottom half off, always
    network.set_parameters([np.zeros((2, 64))], [np.zeros(2), b_v])
    view = window.rbm_tabs.reconstructions
    show(window, view.widget)
    grid = view.grid.grid
    X = window.session.data.X[:10]
    np.testing.assert_array_equal(grid[1:9, 1:9], X[0].reshape(8, 8))
    np.testing.assert_array_equal(
        grid[10:18, 10:18], np.repeat([[1.0], [0.0]], [4, 4], 0) @ np.ones((1, 8))
    )
    error = np.mean((X - (b_v > 0)) ** 2)
    assert view.grid.widget.getPlotItem().titleLabel.text.endswith(f"error {error:.4f}")
    _, rows = view.table()
    assert len(rows) == 20 and rows[1][:2] == [1, "reconstruction"] and rows[1][2] == 1.0


def test_dreams_come_from_a_worker_follow_the_steps_and_dream_again(qtbot, window):
    network = machine(window, hidden=3)
    b_v = np.where(np.arange(64) % 2 == 0, 50.0, -50.0)  # the even pixels on, whatever h is
    network.set_parameters([np.zeros((3, 64))], [np.zeros(3), b_v])
    view = window.rbm_tabs.dreams
    show(window, view)
    qtbot.waitUntil(lambda: view.computations == 1, timeout=WAIT_MS)
    assert view.dreams.shape == (24, 64)
    np.testing.assert_allclose(view.dreams, np.tile(b_v > 0, (24, 1)), atol=1e-12)
    view.findChild(object, "rbmDreamSteps").setValue(3)
    qtbot.waitUntil(lambda: view.computations == 2, timeout=WAIT_MS)
    assert view.table()[1][0][:2] == [1, 3]
    window.findChild(object, "rbmDreamAgain").click()
    qtbot.waitUntil(lambda: view.computations == 3, timeout=WAIT_MS)
    assert view.seed == 1
    window.redraw()  # nothing changed: no new dream
    qtbot.wait(50)
    assert view.computations == 3


@pytest.mark.parametrize("name", ["rbmFilters", "rbmReconstructions", "rbmDreamsPlot"])
def test_each_view_saves_its_numbers_as_csv(window, choose, tmp_path, qtbot, name):
    machine(window, hidden=4)
    view = window.findChild(object, name)
    page = view if name != "rbmDreamsPlot" else view.parentWidget()
    show(window, page)
    if name == "rbmDreamsPlot":
        qtbot.waitUntil(lambda: window.rbm_tabs.dreams.computations == 1, timeout=WAIT_MS)
    path = tmp_path / "numbers.csv"
    choose(path)
    [save] = [a for a in view.actions() if a.text() == "Save Data as CSV…"]
    save.trigger()
    with open(path, newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    assert (
        len(rows[0]) == 2 + 64
        and len(rows) == 1 + {"rbmFilters": 4, "rbmReconstructions": 20, "rbmDreamsPlot": 24}[name]
    )


def test_dreams_follow_a_run_and_end_on_its_last_weights(qtbot, window):
    machine(window, hidden=8)
    window.settings.set("max_epochs", 30)
    window.settings.set("speed", "30")  # about a second: frames come while it runs
    view = window.rbm_tabs.dreams
    show(window, view)
    qtbot.waitUntil(lambda: view.computations == 1, timeout=WAIT_MS)  # the untrained machine's
    window.training_actions["start"].trigger()
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view._job is None, timeout=WAIT_MS)
    assert view.computations >= 3, "dreamt during the run and at its end"
    assert view._drawn_key == view._key(), "the dreams shown are the last weights'"
