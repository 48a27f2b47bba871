"""Every undo command kind, done, undone and redone on a bare QUndoStack over its model alone."""

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack

from nnsim.engine.datasets import and_gate, xor
from nnsim.errors import ConfigError
from nnsim.gui.commands import (
    ClassroomCommand,
    MemoryCommand,
    SettingCommand,
    UseDataCommand,
    push_edit,
)
from nnsim.model import new_mlp
from nnsim.model.classroom import Classroom
from nnsim.model.memory import PatternMemory
from nnsim.model.settings import CUSTOM, Settings


@pytest.fixture
def stack(qapp):
    return QUndoStack()


def position(document, neuron_id):
    neuron = document.neuron(neuron_id)
    return (neuron.x, neuron.y)


def test_a_document_edit_is_undone_and_redone(stack):
    doc = new_mlp((2, 2, 1))
    hidden = doc.layers[1].id
    push_edit(stack, doc, "Add neuron", lambda: doc.add_neuron(hidden))
    push_edit(stack, doc, "Set name", lambda: doc.set_property("", "name", "mine"))
    assert (doc.layer_sizes, doc.name, stack.undoText()) == ((2, 3, 1), "mine", "Set name")
    stack.undo()
    assert (doc.layer_sizes, doc.name) == ((2, 3, 1), "MLP")
    stack.undo()
    assert (doc.layer_sizes, len(doc.connections)) == ((2, 2, 1), 6)
    stack.redo()
    stack.redo()
    assert (doc.layer_sizes, len(doc.connections), doc.name) == ((2, 3, 1), 9, "mine")


def test_a_document_edit_is_applied_once_when_pushed(stack):
    doc = new_mlp((2, 2, 1))
    added = []
    doc.neuron_added.connect(added.append)
    push_edit(stack, doc, "Add neuron", lambda: doc.add_neuron(doc.layers[1].id))
    assert len(added) == 1  # by the mutator; the push's redo did not add a second


def test_a_refused_or_empty_edit_pushes_nothing(stack):
    doc = new_mlp((2, 2, 1))
    with pytest.raises(ConfigError):
        push_edit(stack, doc, "Set name", lambda: doc.set_property("", "nonsense", 1))
    push_edit(stack, doc, "Set name", lambda: doc.set_property("", "name", "MLP"))
    assert stack.count() == 0


def test_nudges_of_the_same_neurons_merge_into_one_step(stack):
    doc = new_mlp((2, 2, 1))
    output = doc.neurons_of(doc.layers[2].id)[0]
    x, y = position(doc, output)
    for k in range(1, 4):
        push_edit(stack, doc, "Nudge", lambda k=k: doc.move({output: (x + 4 * k, y)}), merge=True)
    assert stack.count() == 1 and position(doc, output) == (x + 12, y)
    stack.undo()
    assert position(doc, output) == (x, y)
    stack.redo()
    assert position(doc, output) == (x + 12, y)


def test_nudges_of_other_neurons_and_drags_do_not_merge(stack):
    doc = new_mlp((2, 2, 1))
    first, second = doc.neurons_of(doc.layers[1].id)
    x, y = position(doc, first)
    push_edit(stack, doc, "Nudge", lambda: doc.move({first: (x + 4, y)}), merge=True)
    push_edit(stack, doc, "Nudge", lambda: doc.move({second: (x + 4, y + 90)}), merge=True)
    push_edit(stack, doc, "Move", lambda: doc.move({first: (x + 8, y)}))
    push_edit(stack, doc, "Move", lambda: doc.move({first: (x + 12, y)}))
    assert stack.count() == 4
    stack.undo()
    assert position(doc, first) == (x + 8, y)


def test_a_setting_edit_is_undone_and_redone(stack):
    settings = Settings()
    heard = []
    settings.changed.connect(lambda name, value: heard.append((name, value)))
    old, new = settings.set("learning_rate", 0.25)
    stack.push(SettingCommand(settings, "learning_rate", old, new))
    assert stack.undoText() == "Set Learning rate η" and heard == [("learning_rate", 0.25)]
    stack.undo()
    assert settings["learning_rate"] == old
    stack.redo()
    assert settings["learning_rate"] == 0.25
    assert heard == [("learning_rate", 0.25), ("learning_rate", old), ("learning_rate", 0.25)]


def watch_data(settings):
    """What the settings say, in order: ("data", name or None) and ("dataset", choice)."""
    heard = []
    settings.custom_data_changed.connect(lambda d: heard.append(("data", d and d.name)))
    settings.changed.connect(lambda name, value: heard.append((name, value)))
    return heard


def test_using_data_holds_it_before_choosing_it_and_undo_lets_go_after(stack):
    settings = Settings()
    chosen = settings["dataset"]
    heard = watch_data(settings)
    stack.push(UseDataCommand(settings, and_gate()))
    assert stack.undoText() == "Import and"
    assert (settings.custom_data.name, settings["dataset"]) == ("and", CUSTOM)
    stack.undo()
    assert (settings.custom_data, settings["dataset"]) == (None, chosen)
    stack.redo()
    assert (settings.custom_data.name, settings["dataset"]) == ("and", CUSTOM)
    going, back = [("data", "and"), ("dataset", CUSTOM)], [("dataset", chosen), ("data", None)]
    assert heard == going + back + going


def test_new_data_over_custom_data_puts_the_old_data_back(stack):
    settings = Settings(custom_data=xor(), dataset=CUSTOM)
    heard = watch_data(settings)
    stack.push(UseDataCommand(settings, and_gate()))
    stack.undo()
    assert (settings.custom_data.name, settings["dataset"]) == ("xor", CUSTOM)
    assert heard == [("data", "and"), ("data", "xor")]  # the choice never changed


def test_a_memory_edit_is_undone_and_redone_after_interrupting_recall(stack):
    memory = PatternMemory(5, 5)
    before = memory.snapshot("current")
    memory.invert()
    calls = []
    stack.push(MemoryCommand(memory, "current", "Invert", before, memory.snapshot("current"),
                             lambda: calls.append("interrupt")))  # fmt: skip
    assert (stack.undoText(), calls) == ("Invert", [])  # already made: the push did nothing
    stack.undo()
    assert np.array_equal(memory.current, -np.ones(25)) and calls == ["interrupt"]
    stack.redo()
    assert np.array_equal(memory.current, np.ones(25)) and calls == ["interrupt"] * 2


def test_a_stored_network_is_undone_and_redone(stack):
    memory = PatternMemory(5, 5)
    memory.paint([0, 6, 12, 18, 24], 1.0)
    memory.add_current("diagonal")
    before = memory.snapshot("stored")
    memory.store("hebb")
    weights = memory.network.weights.copy()
    stack.push(MemoryCommand(memory, "stored", "Store", before, memory.snapshot("stored"), list))
    stack.undo()
    assert memory.stored_names == () and not memory.network.weights.any()
    stack.redo()
    assert memory.stored_names == ("diagonal",)
    assert np.array_equal(memory.network.weights, weights)


def test_a_classroom_change_is_shown_undone_and_redone(stack):
    shown = []
    after = Classroom(frozen=frozenset({"learning_rate"}), network_frozen=True)
    stack.push(ClassroomCommand(shown.append, Classroom(), after))
    assert (stack.undoText(), shown) == ("Classroom settings", [after])
    stack.undo()
    stack.redo()
    assert shown == [after, Classroom(), after]
