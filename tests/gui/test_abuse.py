"""The window abused as students do: thousands of random actions, then checks that nothing broke.

With a fixed seed, :func:`test_thousands_of_random_actions_break_nothing` edits
the network, undoes and redoes, changes settings (sensible and absurd),
starts, pauses, steps, stops and resets training, goes from panel to panel with
the keyboard, opens examples, imports a bad file and saves and reopens the
project.  Afterwards: no exception reached the event loop (pytest-qt fails
the test on one), no thread is left (the conftest fixture), the document
survives a save and load unchanged, and undoing everything gives back the
document the last opening started from.

CI runs seed 2026 (about 8 s).  ``NNSIM_ABUSE_SEEDS=1-70`` runs seventy students
instead, each a different sequence (about 10 minutes here): worth doing after a
change to the window.
"""

import contextlib
import os

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from nnsim.errors import NnsimError
from nnsim.io.examples import RECIPES
from nnsim.model.serial import document_from_dict, document_to_dict

ACTIONS = 2500
EXAMPLES = [name for name in RECIPES if name not in ("digits", "hopfield_letters")]
GO_TO_KEYS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]


class Student:
    """Random actions on one window, a seeded generator choosing each."""

    def __init__(self, window, qtbot, tmp_path, seed: int):
        self.window, self.qtbot, self.tmp_path = window, qtbot, tmp_path
        self.rng = np.random.default_rng(seed)
        self.start = window.document.snapshot()
        self.bad_csv = tmp_path / "ragged.csv"
        self.bad_csv.write_text("a,b,t\n1,2,0\n3\n")
        self.counts: dict[str, int] = {}

    def act(self) -> None:
        names = [name for name in dir(self) if name.startswith("do_")]
        weights = np.array([getattr(self, name).weight for name in names], dtype=float)
        name = names[self.rng.choice(len(names), p=weights / weights.sum())]
        self.counts[name] = self.counts.get(name, 0) + 1
        getattr(self, name)()

    def pick(self, items):
        return items[self.rng.integers(len(items))]

    # -------------------------------------------------------------- editing
    def do_add_neuron(self):
        doc = self.window.document
        if doc.kind != "hopfield" and doc.layers:
            layer = self.pick(doc.layers).id
            self.window.editor.view.edit("Add neuron", lambda: doc.add_neuron(layer))

    do_add_neuron.weight = 3

    def do_remove_neuron(self):
        doc = self.window.document
        if doc.kind != "hopfield" and len(doc.neurons) > 3:
            neuron = self.pick(doc.neurons).id
            self.window.editor.view.edit("Delete", lambda: doc.remove(neuron_ids=[neuron]))

    do_remove_neuron.weight = 2

    def do_layer_size(self):
        doc = self.window.document
        if doc.kind != "hopfield" and doc.layers:
            self.window.editor.view.set_layer_size(
                self.pick(doc.layers).id, int(self.rng.integers(1, 6))
            )

    do_layer_size.weight = 2

    def do_activation(self):
        doc = self.window.document
        if doc.kind == "mlp" and len(doc.layers) > 1:
            layer = self.pick(doc.layers[1:]).id
            self.window.editor.view.set_activation(layer, self.pick(["sigmoid", "tanh", "relu"]))

    do_activation.weight = 2

    def do_undo(self):
        self.window.undo_stack.undo()

    do_undo.weight = 4

    def do_redo(self):
        self.window.undo_stack.redo()

    do_redo.weight = 2

    # ------------------------------------------------------------- settings
    def do_setting(self):
        name, value = self.pick(
            [("learning_rate", 0.3), ("learning_rate", 1e9), ("learning_rate", -1.0),
             ("momentum", 0.5), ("max_epochs", 0), ("max_epochs", 200), ("batch_size", 2),
             ("dataset", "and"), ("dataset", "xor"), ("dataset", "iris"), ("seed", 7),
             ("validation_share", 0.5), ("normalisation", "z-score"), ("speed", "fastest")]
        )  # fmt: skip
        with contextlib.suppress(NnsimError):  # refused with its reason, as a person is told
            self.window.panel.set_value(name, value)

    do_setting.weight = 3

    # ------------------------------------------------------------- training
    def do_train_briefly(self):
        window = self.window
        window.training_actions["start"].trigger()
        self.qtbot.wait(int(self.rng.integers(0, 15)))
        window.training_actions["pause"].trigger()
        if self.rng.random() < 0.5:
            window.training_actions["stop"].trigger()

    do_train_briefly.weight = 2

    def do_step(self):
        self.window.training_actions["step"].trigger()

    do_step.weight = 2

    def do_step_sample(self):
        self.window.training_actions["sample"].trigger()

    do_step_sample.weight = 1

    def do_stop(self):
        self.window.training_actions["stop"].trigger()

    do_stop.weight = 1

    def do_reset(self):
        self.window.training_actions["reset"].trigger()

    do_reset.weight = 1

    # ------------------------------------------------------------- keyboard
    def do_keys(self):
        """View > Go To a panel, then Tab or Shift+Tab a few times."""
        ctrl, no = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier
        keys = [(self.pick(GO_TO_KEYS), ctrl)]
        keys += [(self.pick([Qt.Key.Key_Tab, Qt.Key.Key_Backtab]), no)] * self.rng.integers(4)
        for key, modifier in keys:
            self.qtbot.keyClick(QApplication.focusWidget() or self.window, key, modifier)

    do_keys.weight = 1

    # ---------------------------------------------------------------- files
    def do_open_example(self):
        self.window.training_actions["stop"].trigger()
        self.window.files.open_example(self.pick(EXAMPLES))
        self.start = self.window.document.snapshot()

    do_open_example.weight = 0.3

    def do_import_bad_file(self):
        self.window.training_actions["stop"].trigger()
        if self.window.importer.import_file(self.bad_csv):
            dialog = self.window.importer.dialog
            assert dialog.dataset is None and "Row 3 has 1 cells" in dialog.summary.text()
            dialog.reject()

    do_import_bad_file.weight = 0.3

    def do_save_and_reopen(self):
        window = self.window
        window.training_actions["stop"].trigger()
        path = self.tmp_path / "abused.nnsim"
        window.files._write(path)
        before = window.document.snapshot()
        assert window.files.open(path), "a project just saved opens again"
        assert window.document.snapshot() == before
        self.start = before

    do_save_and_reopen.weight = 0.2


def seeds_asked() -> list[int]:
    """The seeds to run: 2026, or those of ``NNSIM_ABUSE_SEEDS`` ("1-70", "3,7")."""
    asked = os.environ.get("NNSIM_ABUSE_SEEDS", "2026")
    seeds = []
    try:
        for part in asked.split(","):
            first, _, last = part.partition("-")
            seeds += range(int(first), int(last or first) + 1)
    except ValueError:
        raise ValueError(f"NNSIM_ABUSE_SEEDS={asked!r}: give seeds as 1-70 or 3,7") from None
    return seeds


@pytest.mark.timeout(600)
@pytest.mark.parametrize("seed", seeds_asked())
def test_thousands_of_random_actions_break_nothing(window, qtbot, tmp_path, monkeypatch, seed):
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "open", lambda self: None)  # dialogs built, not shown
    # The student answers Yes to every question ("Stop training?" before an edit, say).
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    student = Student(window, qtbot, tmp_path, seed=seed)
    for _ in range(ACTIONS):
        student.act()
    window.training_actions["stop"].trigger()
    assert sum(student.counts.values()) == ACTIONS and len(student.counts) >= 15
    document = window.document
    again = document_from_dict(document_to_dict(document))
    assert again.snapshot() == document.snapshot()
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert window.document.snapshot() == student.start
