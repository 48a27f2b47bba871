"""The capacity lab dialog: rules x pattern kinds x N, the theory beside the curves, its files."""

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnsim.gui.hopfield.capacity import RULE_COLOURS, CapacityDialog
from nnsim.model.capacity_lab import RULE_LOADS


@pytest.fixture
def lab(qtbot):
    def make(n=100, rule="hebb", library=None):
        dialog = CapacityDialog(n, rule, library=library)
        qtbot.addWidget(dialog)
        return dialog

    return make


def choose(box, data):
    box.setCurrentIndex(next(k for k in range(box.count()) if box.itemData(k) == data))


def run(dialog, qtbot):
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=120_000)


def test_every_rule_draws_its_limits_on_a_logarithmic_load_axis(lab):
    dialog = lab()
    assert dialog.objectName() == "capacityLab"
    dialog.all_rules.setChecked(True)
    assert dialog.plot.getPlotItem().ctrl.logXCheck.isChecked()
    labels = [line.label.format for line in dialog.limit_lines]
    assert labels == [
        "Hebb: 0.138 N", "Hebb: N / 2 ln N", "Hebb: N / 4 ln N", "Pseudo-inverse: N - 1",
        "Storkey: N / sqrt(2 ln N)", "Dense: N^2 / (18 ln N)",
    ]  # fmt: skip
    dense = dialog.limit_lines[-1]
    assert 10 ** dense.value() == pytest.approx(100 / (18 * math.log(100)))
    assert dense.pen.color().name() == RULE_COLOURS["dense"].lower()
    choose(dialog.interaction, "polynomial 4")
    assert dialog.limit_lines[-1].label.format == "Dense: N^3 / (120 ln N)"
    choose(dialog.interaction, "exponential 3")
    assert [line.label.format for line in dialog.limit_lines][-1] == "Storkey: N / sqrt(2 ln N)"
    dialog.all_rules.setChecked(False)
    assert not dialog.plot.getPlotItem().ctrl.logXCheck.isChecked()


def test_hebb_falls_on_correlated_patterns_where_random_ones_come_back(lab, qtbot):
    dialog = lab()
    choose(dialog.kind, ("random", "correlated"))
    assert dialog.overlap.isEnabled() and dialog.overlap.value() == 0.5
    dialog.trials.setValue(2)
    run(dialog, qtbot)
    assert dialog.cases == [("hebb", "random", 100), ("hebb", "correlated", 100)]
    loads = np.array(RULE_LOADS["hebb"])
    near = (loads >= 0.06) & (loads <= 0.1)
    random, correlated = dialog.shares[:, 1, : len(loads)]
    assert random[near].mean() > 0.8 and correlated[near].mean() < 0.3
    assert [label.text for _, label in dialog.legend.items] == [
        "exact, random", "few errors, random", "exact, correlated", "few errors, correlated"
    ]  # fmt: skip
    assert dialog.note.text().splitlines()[1].startswith("random: exactly, ")
    header, rows = dialog.table()
    assert header == (
        "load P/N", "random N=100 exact", "random N=100 few errors",
        "correlated N=100 exact", "correlated N=100 few errors",
    )  # fmt: skip
    assert [row[0] for row in rows] == list(loads)


def test_the_dense_rule_holds_far_past_hebbs_limit(lab, qtbot):
    dialog = lab(rule="dense")
    dialog.trials.setValue(1)
    run(dialog, qtbot)
    loads = np.array(dialog.loads[0])
    assert loads[0] == 0.4 and loads[-1] == 8.0
    exact, few = dialog.shares[0]
    assert few[loads <= 2.0].min() >= 0.9, "ten times Hebb's 0.138 N"
    assert (exact <= few).all()


def test_the_library_kind_measures_the_persons_patterns_at_its_n(lab, qtbot):
    kinds = [lab().kind.itemData(k) for k in range(lab().kind.count())]
    assert ("library",) not in kinds
    library = np.random.default_rng(0).choice([-1.0, 1.0], size=(12, 64))
    dialog = lab(n=64, library=library)
    choose(dialog.kind, ("library",))
    choose(dialog.grid_sizes, (64, 100, 256))
    dialog.trials.setValue(1)
    run(dialog, qtbot)
    assert dialog.cases == [("hebb", "library", 64)]
    assert dialog.loads == [(0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.18)]  # <= 12 of 64
    assert dialog.progress.value() == dialog.progress.maximum() == 9
    assert dialog.note.textFormat() == Qt.TextFormat.PlainText and "Done." in dialog.note.text()


def test_the_lab_saves_its_plot_and_numbers(lab, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    dialog = lab(rule="pseudoinverse")
    dialog.trials.setValue(1)
    dialog.noise.setValue(0)
    run(dialog, qtbot)
    exact = dialog.shares[0, 0]
    assert exact[np.array(dialog.loads[0]) <= 0.95].min() == 1.0, "every pattern a fixed point"
    for action, name in zip(dialog.exports, ("lab.png", "lab.svg", "lab.csv"), strict=True):
        path = str(tmp_path / name)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, p=path, **k: (p, ""))
        action.trigger()
    assert (tmp_path / "lab.png").read_bytes()[:4] == b"\x89PNG"
    lines = (tmp_path / "lab.csv").read_text().splitlines()
    assert lines[0] == "load P/N,N=100 exact,N=100 few errors"
    assert lines[1].startswith("0.05,1")
