"""Issue 19, sections 1 and 2 in the Hopfield workspace: the temperature and annealing controls,
the basins view (basinsPlot) and the recall's path (distancePlot), driven as a person would."""

import csv

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from nnsim.engine.hopfield_rules import STORAGE_RULES
from nnsim.engine.hopfield_temperature import Anneal
from nnsim.gui.hopfield.basins import BasinsView
from nnsim.model.basins import BASIN_FRACTIONS
from nnsim.model.session import Session

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def workspace(make_workspace):
    """The workspace of a new 10 x 10 memory, on screen, recalling at full speed."""
    workspace = make_workspace(10, (900, 800))
    workspace.side_tabs.show()
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    return workspace


def store(workspace, patterns, rule="hebb"):
    memory = workspace.memory
    memory.add_patterns([(f"p{k}", p) for k, p in enumerate(patterns)])
    memory.store(rule)


def recall(qtbot, workspace):
    workspace.run()
    qtbot.waitUntil(lambda: workspace.recall.state == "finished", timeout=20_000)


def test_one_stored_pattern_has_a_basin_up_to_half_by_every_rule(workspace, qtbot):
    """One pattern: every rule's weights are Hebb's, and h_i has the sign of xi_i while fewer
    than N/2 bits are flipped, so every trial below 50% comes back."""
    pattern = np.random.default_rng(1).choice([-1.0, 1.0], 100)
    store(workspace, [pattern])
    view = workspace.basins
    assert view.plot.objectName() == "basinsPlot"
    assert view.rule.currentText() == "Every rule"
    view.trials.setValue(3)
    qtbot.mouseClick(view.start_button, LEFT)
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)
    total = len(STORAGE_RULES) * len(BASIN_FRACTIONS)
    assert len(view.points) == view.progress.value() == view.progress.maximum() == total
    for rule in STORAGE_RULES:
        success, overlap = view.curves(rule)
        assert success.shape == (1, len(BASIN_FRACTIONS))
        assert (success[0, :-1] == 1.0).all() and (overlap[0, :-1] == 1.0).all()
    assert "up to 45% of the bits flipped" in view.note.text()
    drawn = [item for item in view.plot.listDataItems() if item.name()]
    assert len(drawn) == len(STORAGE_RULES)  # the mean success curve of each rule, named
    view.shown.setCurrentIndex(view.shown.findData("each"))
    assert len(view.plot.listDataItems()) == len(STORAGE_RULES)  # one pattern, each rule


def test_hebb_loses_patterns_sooner_than_the_pseudo_inverse_at_high_load(workspace, qtbot):
    """20 random patterns in 100 neurons (load 0.2, past Hebb's 0.138): by Hebb's rule some
    are not even fixed points (each bit is wrong with probability about 1.3%); the
    pseudo-inverse keeps them all, and recalls more from a few flipped bits."""
    patterns = np.random.default_rng(2).choice([-1.0, 1.0], size=(20, 100))
    store(workspace, patterns)
    view = workspace.basins
    view.rule.setCurrentIndex(view.rule.findData("hebb"))
    view.trials.setValue(2)
    assert view.start()
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)
    hebb = view.curves("hebb")[0]
    view.rule.setCurrentIndex(view.rule.findData("pseudoinverse"))
    assert view.start()
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)
    projection = view.curves("pseudoinverse")[0]
    assert (projection[:, 0] == 1.0).all() and hebb[:, 0].mean() < 1.0
    assert projection[:, 1:3].mean() > hebb[:, 1:3].mean()


def test_cancel_stops_the_measurement_promptly_and_keeps_what_was_measured(qtbot):
    memory = Session.new_hopfield(64).memory
    patterns = np.random.default_rng(3).choice([-1.0, 1.0], size=(40, 64 * 64))
    memory.add_patterns([(f"p{k}", p) for k, p in enumerate(patterns)])
    memory.store("hebb")
    view = BasinsView(memory)
    qtbot.addWidget(view)
    view.rule.setCurrentIndex(view.rule.findData("hebb"))
    view.trials.setValue(50)
    assert view.start()
    qtbot.waitUntil(lambda: view.progress.value() >= 1, timeout=60_000)
    view.cancel()
    assert not view.running and view.cancel_button.isEnabled() is False
    measured = len(view.points)
    assert 1 <= measured < len(BASIN_FRACTIONS) * 40
    assert view.note.text().startswith("Cancelled")
    qtbot.wait(100)
    assert len(view.points) == measured  # no late point arrives


def test_the_basins_numbers_save_as_csv(workspace, qtbot, tmp_path, monkeypatch):
    store(workspace, np.random.default_rng(4).choice([-1.0, 1.0], size=(2, 100)))
    view = workspace.basins
    view.rule.setCurrentIndex(view.rule.findData("storkey"))
    view.trials.setValue(2)
    view.start()
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)
    path = tmp_path / "basins.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    view.exports[2].trigger()
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["rule", "pattern", "share flipped", "share recalled exactly",
                       "mean overlap"]  # fmt: skip
    assert len(rows) == 1 + 2 * len(BASIN_FRACTIONS)
    assert rows[1][:3] == ["storkey", "p0", "0.0"] and rows[1][3:] == ["1.0", "1.0"]


def test_the_recall_path_ends_at_distance_zero_from_the_pattern_and_n_from_its_inverse(
    workspace, qtbot, tmp_path, monkeypatch
):
    patterns = np.random.default_rng(5).choice([-1.0, 1.0], size=(3, 100))
    store(workspace, patterns)
    probe = patterns[2].copy()
    probe[:12] *= -1
    workspace.memory.set_current(probe)
    recall(qtbot, workspace)
    distances = workspace.plots.distances
    assert distances[0][:, 2].tolist() == [12.0, 88.0]
    assert distances[-1][:, 2].tolist() == [0.0, 100.0]
    assert len(workspace.plots.distance_widget.listDataItems()) == 2 * 3  # solid and dashed
    path = tmp_path / "path.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    workspace.exports["recall-path"][2].trigger()
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    assert (
        rows[0][:2] == ["update", "distance to p0"] and rows[0][-1] == "distance to inverse of p2"
    )
    assert [float(v) for v in rows[-1][1:]][2::3] == [0.0, 100.0]


def test_at_a_high_temperature_recall_runs_its_sweeps_and_the_energy_fluctuates(workspace, qtbot):
    patterns = np.random.default_rng(6).choice([-1.0, 1.0], size=(3, 100))
    store(workspace, patterns)
    workspace.memory.set_current(patterns[0])
    workspace.temperature.temperature.setValue(10.0)
    workspace.temperature.sweeps.setValue(5)
    recall(qtbot, workspace)
    energies = np.concatenate(workspace.plots.energies)
    assert len(energies) == 1 + 5 * 100  # five sweeps of 100 updates, and no settling
    assert np.any(np.diff(energies) > 0)
    assert workspace.outcome.text().startswith(
        "Recall at temperature 10 ran 5 sweeps without settling, as a hot network does; closest: "
    )
    assert "T = 10" in workspace.plots.energy_widget.getPlotItem().titleLabel.text
    workspace.temperature.temperature.setValue(0.0)  # and back to deterministic recall
    workspace.memory.set_current(patterns[1])
    recall(qtbot, workspace)
    assert workspace.outcome.text() == "Converged to the stored pattern 'p1'."


def test_anneal_cools_over_its_sweeps_then_settles(workspace, qtbot):
    patterns = np.random.default_rng(7).choice([-1.0, 1.0], size=(3, 100))
    store(workspace, patterns)
    workspace.memory.set_current(np.sign(patterns.sum(axis=0)))  # the spurious 3-mixture
    controls = workspace.temperature
    qtbot.mouseClick(controls.anneal, LEFT)
    assert not controls.temperature.isEnabled() and controls.start.isEnabled()
    controls.start.setValue(1.0)
    controls.sweeps.setValue(20)
    controls.schedule.setCurrentIndex(controls.schedule.findData("linear"))
    workspace.recall.seed = 3
    recall(qtbot, workspace)
    assert workspace.recall.anneal == Anneal(1.0, 20, "linear")
    assert workspace.outcome.text().startswith("Converged")
    assert len(np.concatenate(workspace.plots.energies)) > 1 + 20 * 100
    assert workspace.plots.energy_widget.getPlotItem().titleLabel.text == "Energy"  # cooled


def test_the_basins_and_distance_plots_save_as_png_and_svg(workspace, tmp_path, monkeypatch):
    store(workspace, np.random.default_rng(8).choice([-1.0, 1.0], size=(2, 100)))
    workspace.plots.start(workspace.memory, workspace.memory.current)
    for name, actions in (("basins", workspace.basins.exports),
                          ("path", workspace.exports["recall-path"])):  # fmt: skip
        for action, suffix in zip(actions[:2], (".png", ".svg"), strict=True):
            path = tmp_path / f"{name}{suffix}"
            monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, p=path: (str(p), ""))
            action.trigger()
            head = path.read_bytes()[:400]
            assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in head
