"""The storage rules as the library and the capacity dialog show them, built without a window."""

from dataclasses import replace

import numpy as np
import pytest

from nnsim.engine.hopfield_rules import STORAGE_RULES
from nnsim.gui.hopfield.capacity import COLOURS, CapacityDialog
from nnsim.gui.hopfield.library import WARNING, PatternLibrary
from nnsim.model.memory import CAPACITY_LOADS, PatternMemory

RULES_SHOWN = [
    ("Hebb", "hebb"), ("Pseudo-inverse", "pseudoinverse"), ("Storkey", "storkey"),
    ("Dense", "dense"),
]  # fmt: skip


def listed(box):
    return [(box.itemText(k), box.itemData(k)) for k in range(box.count())]


@pytest.fixture
def library(qtbot):
    def make(memory):
        widget = PatternLibrary(memory, lambda _part, _text, change: change())
        qtbot.addWidget(widget)
        return widget

    return make


@pytest.fixture
def dialog(qtbot):
    def make(n, rule):
        widget = CapacityDialog(n, rule)
        qtbot.addWidget(widget)
        return widget

    return make


def test_the_registry_gives_the_rules_the_library_and_the_dialog_offer(
    library, dialog, monkeypatch
):
    shown = library(PatternMemory(10, 10)), dialog(100, "storkey")
    assert [listed(widget.rule) for widget in shown] == [RULES_SHOWN, RULES_SHOWN]
    oja = replace(STORAGE_RULES["hebb"], name="oja", title="Oja")
    monkeypatch.setitem(STORAGE_RULES, "oja", oja)
    shown = library(PatternMemory(10, 10)), dialog(100, "oja")
    assert [listed(widget.rule)[-1] for widget in shown] == [("Oja", "oja")] * 2


def forty_patterns(rule):
    memory = PatternMemory(10, 10)
    rng = np.random.default_rng(0)
    memory.add_patterns([(f"p{k}", rng.choice([-1.0, 1.0], 100)) for k in range(40)])
    memory.store(rule)
    return memory


def test_the_load_meter_states_the_capacity_of_the_rule_in_force(library):
    pseudo = library(forty_patterns("pseudoinverse"))
    assert pseudo.meter_text.text() == (
        "100 neurons recall up to 99 linearly independent patterns, each a fixed point (N - 1)."
    )
    assert pseudo.meter.maximum() == 99 and pseudo.meter.styleSheet() == ""
    hebb = library(forty_patterns("hebb"))
    assert hebb.meter_text.text().startswith(
        "100 neurons recall about 14 patterns with few errors (0.138 N), 11 exactly, almost "
        "every one (N / 2 ln N), 5 exactly, every one (N / 4 ln N). 40 patterns in 100 "
        "neurons is a load of 0.400, past the 0.138"
    )
    assert hebb.meter.maximum() == 40 and hebb.meter.styleSheet() == WARNING
    assert hebb.meter_text.text().endswith("try the pseudo-inverse or Storkey or dense rule.")


def limits_drawn(shown):
    return [(line.label.format, line.value()) for line in shown.limit_lines]


def test_the_dialog_marks_the_limits_of_the_chosen_rule_at_its_n(dialog):
    shown = dialog(100, "hebb")
    assert limits_drawn(shown) == [
        ("0.138 N (0.138)", pytest.approx(0.138)),
        ("N / 2 ln N (0.109)", pytest.approx(1 / (2 * np.log(100)))),
        ("N / 4 ln N (0.0543)", pytest.approx(1 / (4 * np.log(100)))),
    ]
    few, exact = COLOURS[False], COLOURS[True]
    assert [line.pen.color().name() for line in shown.limit_lines] == [
        few.lower(),
        exact.lower(),
        exact.lower(),
    ]
    assert [dialog(256, "hebb").limit_lines[k].value() for k in (1, 2)] == pytest.approx(
        [0.0902, 0.0451], abs=1e-4
    ), "exact recall's limits move left as N grows; 0.138 stays"
    shown.rule.setCurrentIndex(shown.rule.findData("storkey"))
    assert limits_drawn(shown) == [("N / sqrt(2 ln N) (0.33)", pytest.approx(0.3295, abs=1e-4))]
    shown.rule.setCurrentIndex(shown.rule.findData("pseudoinverse"))
    assert limits_drawn(shown) == [("N - 1 (0.99)", pytest.approx(0.99))]
    assert shown.plot.getViewBox().viewRange()[0][1] >= 0.99, "the line is in view"


def test_a_sweep_draws_both_measures_for_each_grid_size(dialog, qtbot):
    shown = dialog(25, "hebb")
    assert [shown.grid_sizes.itemText(k) for k in range(2)] == [
        "This grid only (N = 25)",
        "N = 25, 64, 100 and 256",
    ]
    shown.trials.setValue(1)
    shown.start()
    assert not shown.rule.isEnabled(), "the rule measured stays the rule shown"
    qtbot.waitUntil(lambda: not shown.running, timeout=60_000)
    assert shown.rule.isEnabled() and shown.sizes == (25,)
    assert sorted(shown.curves) == [("hebb", "random", 25, m) for m in ("exact", "few errors")]
    exact, few = (
        shown.curves["hebb", "random", 25, m].getData()[1] for m in ("exact", "few errors")
    )
    assert len(exact) == len(few) == len(CAPACITY_LOADS)
    assert (exact <= few).all() and few[0] == 1.0
    assert [label.text for _, label in shown.legend.items] == ["exact", "few errors"]
    assert shown.note.text().startswith("Done. The load where half the patterns or fewer")
    assert "N = 25: exactly, " in shown.note.text()


def test_a_sweep_over_grid_sizes_draws_each_size_and_says_where_each_falls(dialog, qtbot):
    shown = dialog(100, "hebb")
    shown.grid_sizes.setCurrentIndex(1)
    shown.trials.setValue(1)
    shown.start()
    assert not shown.grid_sizes.isEnabled()
    qtbot.waitUntil(lambda: not shown.running, timeout=60_000)
    assert shown.sizes == (64, 100, 256) and shown.shares.shape == (3, 2, len(CAPACITY_LOADS))
    assert shown.progress.value() == 3 * len(CAPACITY_LOADS)
    assert [label.text for _, label in shown.legend.items] == [
        f"{measure}, N = {n}" for n in (64, 100, 256) for measure in ("exact", "few errors")
    ]
    said = shown.note.text().splitlines()[1:]
    assert [line.split(":")[0] for line in said] == ["N = 64", "N = 100", "N = 256"]
    assert all("; with few errors, " in line for line in said)
