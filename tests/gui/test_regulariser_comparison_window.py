"""Train > Compare With and Without Regulariser: two runs from the seed, kept side by side."""

import numpy as np
import pytest

from nnsim.gui.training.runs_view import setting_text
from nnsim.model import new_mlp
from nnsim.model.runs import STRUCTURE, differing_settings

SMALL_NOISY = {"dataset": "moons", "samples": 40, "noise": 0.35, "validation_share": 0.5,
               "max_epochs": 60, "speed": "fastest", "use_target_error": False,
               "optimizer": "adam", "learning_rate": 0.01, "loss": "bce"}  # fmt: skip


def compare(window, qtbot, name, strength, *, unsaved_answer=True):
    comparison = window.regulariser_comparison
    comparison.choose = lambda document: (name, strength)
    asked = []
    comparison.ask_to_replace = lambda: asked.append(True) or unsaved_answer
    with qtbot.waitSignal(comparison.ended, timeout=20_000) as ended:
        window.findChild(type(comparison.action), "actionCompareRegulariser").trigger()
    return ended.args[0], asked


@pytest.mark.parametrize(("name", "strength"), [("l2", 0.01), ("input_noise", 0.2)])
def test_both_runs_are_kept_differing_only_in_the_regulariser(window, qtbot, name, strength):
    window.open_document(new_mlp((2, 8, 1), "tanh"), **SMALL_NOISY)
    window.document.set_property(window.document.layers[-1].id, "activation", "sigmoid")
    window.session.reset()
    seed_weights = [w.copy() for w in window.session.compiled.network.parameters()[0]]
    completed, _ = compare(window, qtbot, name, strength)
    assert completed
    runs_view = window.analysis.views["runComparison"]
    runs = runs_view.log.runs
    assert len(runs) == 2
    assert differing_settings(runs) == {name}
    assert [run.settings[name] for run in runs] == [0.0, strength]
    assert all(run.epoch_count == 60 for run in runs)
    assert window.analysis.tabs.currentWidget() is runs_view
    # the network holds the regularised run; both started from the seed's weights
    assert runs_view.log.holding() is runs[1]
    window.session.reset()
    for now, then in zip(window.session.compiled.network.parameters()[0], seed_weights,
                         strict=True):  # fmt: skip
        np.testing.assert_array_equal(now, then)
    # the setting's change is one undo step back to what it was
    assert window.settings[name] == strength
    window.undo_stack.undo()
    assert window.settings[name] == 0.0


def test_unsaved_weights_are_asked_about_and_a_no_changes_nothing(window, qtbot):
    window.open_document(new_mlp((2, 4, 1)), **SMALL_NOISY)
    for _ in window.session.train(max_epochs=5):
        pass
    window.session.events.weights_changed.emit()  # trained: unsaved work
    assert window.files.modified()
    before = [w.copy() for w in window.session.trained_network.parameters()[0]]
    comparison = window.regulariser_comparison
    comparison.choose = lambda document: pytest.fail("no dialog after a No")
    comparison.ask_to_replace = lambda: False
    comparison.start()
    kept = window.analysis.views["runComparison"].log.runs
    assert [run.epoch_count for run in kept] == [5]  # only the person's own run
    for now, then in zip(window.session.trained_network.parameters()[0], before, strict=True):
        np.testing.assert_array_equal(now, then)


def test_dropout_is_set_on_every_hidden_layer_and_shown_in_the_network_row(window, qtbot):
    window.open_document(new_mlp((2, 6, 6, 1), "tanh"), **SMALL_NOISY)
    window.document.set_property(window.document.layers[-1].id, "activation", "sigmoid")
    completed, _ = compare(window, qtbot, "dropout", 0.25)
    assert completed
    runs = window.analysis.views["runComparison"].log.runs
    assert [run.dropout for run in runs] == [(0.0, 0.0), (0.25, 0.25)]
    assert differing_settings(runs) == {STRUCTURE}
    assert setting_text(runs[1], STRUCTURE).endswith("dropout 0.25/0.25")
    hidden = window.document.layers[1:-1]
    assert [layer.dropout for layer in hidden] == [0.25, 0.25]
    window.undo_stack.undo()  # the dropout rates back as they were, in one step
    assert [layer.dropout for layer in window.document.layers[1:-1]] == [0.0, 0.0]
