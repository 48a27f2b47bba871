"""The storage rules as the library and the capacity dialog show them, built without a window."""

from dataclasses import replace

import numpy as np
import pytest

from nnsim.engine.hopfield_rules import STORAGE_RULES
from nnsim.gui.hopfield.capacity import CapacityDialog
from nnsim.gui.hopfield.library import WARNING, PatternLibrary
from nnsim.model.memory import PatternMemory

RULES_SHOWN = [("Hebb", "hebb"), ("Pseudo-inverse", "pseudoinverse"), ("Storkey", "storkey")]


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
        "100 neurons recall about 14 patterns with few errors (0.138 N), 5 without any "
        "(N / 4 ln N). 40 patterns in 100 neurons is a load of 0.400, past the 0.138"
    )
    assert hebb.meter.maximum() == 40 and hebb.meter.styleSheet() == WARNING
    assert hebb.meter_text.text().endswith("try the pseudo-inverse or Storkey rule.")


def test_the_dialogs_critical_load_follows_the_chosen_rule(dialog):
    shown = dialog(100, "hebb")
    assert shown.critical.value() == pytest.approx(0.138)
    assert shown.critical.label.format == "0.138"
    shown.rule.setCurrentIndex(shown.rule.findData("storkey"))
    assert shown.critical.value() == pytest.approx(1 / np.sqrt(2 * np.log(100)))
    assert shown.critical.label.format == "0.33"
    shown.rule.setCurrentIndex(shown.rule.findData("pseudoinverse"))
    assert shown.critical.value() == pytest.approx(0.99)


def test_a_sweep_below_the_critical_load_says_so(dialog, qtbot):
    shown = dialog(25, "pseudoinverse")
    shown.trials.setValue(1)
    shown.start()
    assert not shown.rule.isEnabled(), "the rule measured stays the rule shown"
    qtbot.waitUntil(lambda: not shown.running, timeout=60_000)
    assert shown.rule.isEnabled()
    assert shown.note.text().startswith("Done. Every load tried is below the critical load 0.96;")
