"""File > Learn a Pattern Set: a Boltzmann machine learns the letters, as one undo step."""

import numpy as np
from PySide6.QtWidgets import QMessageBox

from nnsim.gui.data.pattern_data import learn_pattern_set
from nnsim.io.pattern_sets import built_in_set
from nnsim.model import new_rbm

WAIT_MS = 60_000


def test_the_letters_become_the_machines_data_and_its_visible_layer_fits_them(qtbot, window):
    window.new_network(new_rbm(64, 12))
    asked = []
    window.importer.ask_to_resize = lambda question: (
        asked.append(question) or (QMessageBox.StandardButton.Yes)
    )
    assert learn_pattern_set(window.importer, "letters")
    letters = built_in_set("letters")
    cells = letters.rows * letters.columns
    assert len(asked) == 1, "the visible layer is resized only when the person agrees"
    assert window.document.layer_sizes == (cells, 12), "the hidden layer needs no targets"
    data = window.settings.custom_data
    assert window.settings["dataset"] == "custom" and data.X.shape == (len(letters.patterns), cells)
    first = np.where(np.asarray(letters.patterns[0][1], dtype=float).ravel() > 0, 1.0, 0.0)
    np.testing.assert_array_equal(data.X[0], first)
    window.settings.set("max_epochs", 3)
    window.training_actions["start"].trigger()
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=WAIT_MS)
    assert window.session.history.count == 3
    window.undo_stack.undo()  # the whole import at once: the digits and 64 visible neurons
    assert window.settings["dataset"] == "digits" and window.document.layer_sizes == (64, 12)


def test_a_network_that_is_no_machine_is_told_what_a_pattern_set_is_for(window, monkeypatch):
    said = []
    monkeypatch.setattr(window.importer, "complain", said.append)
    before = window.settings["dataset"]
    assert not learn_pattern_set(window.importer, "letters")
    assert "Boltzmann machine" in said[0] and window.settings["dataset"] == before
