"""Network > Prune Weights…: the dialog, live as the share changes, one undo step (issue 18, 7)."""

import pytest
from PySide6.QtWidgets import QDialog

from nnsim.gui.window.pruning import make_prune_action
from nnsim.model import new_mlp, new_perceptron
from tests.gui.test_language import chinese, data_words, english_left  # noqa: F401 - a fixture
from tests.model.test_pruning import XOR_BY_HAND


@pytest.fixture
def crafted_window(window):
    """The window on XOR by hand (tests/model/test_pruning.py): one weight, x1 -> h3, is tiny."""
    window.open_document(new_mlp((2, 3, 1)), dataset="xor")
    session = window.session
    layers = [session.document.neurons_of(layer.id) for layer in session.document.layers]
    names = {"x1": layers[0][0], "x2": layers[0][1], "out": layers[2][0]}
    names |= {f"h{i + 1}": n for i, n in enumerate(layers[1])}
    session.set_numbers({
        (names[target], names[source] if source else None): value
        for (target, source), value in XOR_BY_HAND.items()
    })  # fmt: skip
    window.names = names
    return window


def test_the_dialog_shows_what_goes_live_and_ok_prunes_as_one_undo_step(crafted_window, qtbot):
    window, names = crafted_window, crafted_window.names
    session = window.session
    action = make_prune_action(window)
    assert action.objectName() == "actionPruneWeights" and action.text() == "Pr&une Weights…"
    action.trigger()
    dialog = window.prune_dialog
    assert dialog.objectName() == "pruneDialog" and dialog.isVisible()
    assert dialog.share.value() == 10  # 10% of 9 connections: 1
    assert dialog.count.text() == "1 of 9 (weights up to 0.0001 in size)"
    assert dialog.accuracy.text() == "100.0% → 100.0%"
    assert dialog.part.text().startswith("Scored on the training data")
    dialog.share.setValue(50)  # live: XOR is lost without the 20s
    assert dialog.count.text().startswith("4 of 9")
    assert dialog.accuracy.text().startswith("100.0% → ") and dialog.accuracy.text() != (
        "100.0% → 100.0%"
    )
    assert "5 small connection(s) stay" in dialog.note.text()
    dialog.share.setValue(1)  # 0.09 of a connection: none
    assert dialog.count.text() == "0 of 9" and not dialog.ok.isEnabled()
    assert dialog.note.text() == "No connection goes at this share: raise it."
    dialog.share.setValue(11)
    assert dialog.ok.isEnabled()
    assert dialog.count.text().startswith("1 of 9")
    count = window.undo_stack.count()
    dialog.ok.click()
    assert window.undo_stack.count() == count + 1
    assert window.undo_stack.undoText() == "Prune 1 weight"
    assert window.isWindowModified(), "pruned weights are unsaved work"
    link = (names["x1"], names["h3"])
    assert not session.document.has_connection(*link)
    assert session.number(names["out"], names["h1"]) == 20.0  # the others keep theirs
    assert "Pruned 1 of 9 connections: accuracy 100.0% → 100.0%" in (
        window.statusBar().currentMessage()
    )
    window.editor.view.undo_action.trigger()
    assert session.document.has_connection(*link)
    assert session.number(names["h3"], names["x1"]) == 1e-4  # back with its own weight
    assert window.statusBar().currentMessage() == (
        "The pruned connections are back, each with its own weight."
    )
    window.editor.view.redo_action.trigger()
    assert not session.document.has_connection(*link)
    assert session.number(names["h3"], names["x2"]) == 0.5


def test_cancel_prunes_nothing(crafted_window):
    window = crafted_window
    before = window.document.snapshot()
    make_prune_action(window).trigger()
    window.prune_dialog.reject()
    assert window.document.snapshot() == before and not window.undo_stack.canUndo()


def test_while_training_runs_it_asks_to_stop_first(window, monkeypatch):
    assert window.session.step() and window.session.busy  # paused: a run holds the network
    asked = []
    monkeypatch.setattr(window, "ask_to_stop", lambda what: asked.append(what) or False)
    make_prune_action(window).trigger()
    assert asked == ["prune weights"]
    assert not hasattr(window, "prune_dialog") or not window.prune_dialog.isVisible()
    assert "stop it" in window.statusBar().currentMessage()


def test_a_hopfield_memory_is_refused_in_words(window, monkeypatch):
    said = []
    monkeypatch.setattr(window, "complain", lambda title, text: said.append((title, text)))
    window.files.open_example("hopfield_letters", ask=False)
    make_prune_action(window).trigger()
    assert said and said[0][0] == "Cannot prune" and "no connections to prune" in said[0][1]


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("example", ["xor_2_4_1", "digits"])
def test_the_dialog_speaks_chinese(make_window, example):
    window = make_window()
    window.files.open_example(example, ask=False)
    window.session.step()
    window.session.end_run_now("stopped")
    action = make_prune_action(window)
    assert english_left(_menu_of(window, action)) == {}
    action.trigger()
    dialog = window.prune_dialog
    dialog.share.setValue(60)  # digits: the note about spared connections shows as well
    assert english_left(dialog, data_words(window.session)) == {}
    dialog.done(QDialog.DialogCode.Rejected)


def _menu_of(window, action):
    """A menu holding ``action``, as the Network menu will."""
    from PySide6.QtWidgets import QMenu

    menu = QMenu(window)
    menu.addAction(action)
    return menu


def test_a_perceptron_with_one_output_is_told_nothing_can_go(window):
    window.open_document(new_perceptron(), dataset="and")
    make_prune_action(window).trigger()
    dialog = window.prune_dialog
    dialog.share.setValue(90)
    assert dialog.count.text() == "0 of 2" and not dialog.ok.isEnabled()
    assert dialog.note.text() == "No connection can go: each is the last way out of its neuron."
    dialog.reject()


def test_network_menu_offers_pruning(window):
    (network,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Network"]
    names = [action.objectName() for action in network.actions()]
    assert "actionPruneWeights" in names
