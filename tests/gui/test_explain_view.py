"""Train > Explain a Step in the window: the stages, their numbers on the canvas.

The explainer built from a session alone: tests/gui/test_live_views.py.
"""

from PySide6.QtCore import Qt

from nnsim.gui.editor.items import NoteItem

LEFT = Qt.MouseButton.LeftButton


def notes_on_canvas(window) -> list[str]:
    return [
        item.text() for item in window.editor.view.scene().items() if isinstance(item, NoteItem)
    ]


def test_explain_walks_the_3_3_3_example_stage_by_stage(window, qtbot):
    window.files.open_example("three_layer_network")
    window.explainer.action.trigger()
    view = window.explainer.view
    assert window.explain_dock.isVisible() and view.counter.text() == "1 of 7"
    qtbot.mouseClick(view.next, LEFT)
    assert view.title.text() == "<b>Layer 1: weighted sums and activations</b>"
    assert "0.9 × 0.9 + 0.1 × 0.3 + 0.8 × 0.4 = 1.16" in view.text.toPlainText()  # noqa: RUF001
    assert "z=1.16\na=0.7613" in notes_on_canvas(window)
    for _ in range(5):
        qtbot.mouseClick(view.next, LEFT)
    assert view.counter.text() == "7 of 7" and not view.next.isEnabled()
    assert any(note.startswith("w=") for note in notes_on_canvas(window))
    qtbot.mouseClick(view.back, LEFT)
    assert view.counter.text() == "6 of 7"
    window.files.open_example("one_update")
    assert view.counter.text() == "1 of 6", "another network is followed from its inputs"
    window.explainer.action.trigger()  # off again
    assert not window.explain_dock.isVisible() and notes_on_canvas(window) == []


def test_the_chosen_sample_is_explained(window):
    window.explainer.action.trigger()
    window.status.sample_selector.setValue(3)  # XOR's third sample: (1, 0)
    assert "x₁ = 1\nx₂ = 0" in window.explainer.view.text.toPlainText()
    assert "batches of several samples" in window.explainer.view.caveat.text()


def test_while_training_runs_it_asks_for_a_pause(window, qtbot):
    window.explainer.action.trigger()
    window.training_actions["start"].trigger()
    assert "Pause training" in window.explainer.view.text.toPlainText()
    assert notes_on_canvas(window) == []
    window.training_actions["pause"].trigger()
    qtbot.waitUntil(lambda: window.session.state == "paused", timeout=10_000)
    assert window.explainer.view.counter.text().endswith("of 7")
    window.training_actions["stop"].trigger()


def test_the_target_says_where_it_comes_from(window, qtbot):
    window.files.open_example("one_update")
    window.explainer.action.trigger()
    view = window.explainer.view
    qtbot.mouseClick(view.next, LEFT)
    qtbot.mouseClick(view.next, LEFT)
    assert view.title.text() == "<b>The output error and δ</b>"
    shown = view.text.toPlainText()
    assert "t₁ = 1.709, sample 1's target in the data one_sample: " in shown
    assert window.session.data.description in shown
    assert "e₁ = t₁ − o₁ = 1.709 − 0.9089 = 0.8" in shown  # noqa: RUF001
    assert "e=0.8\nδ=−0.06626" in notes_on_canvas(window)  # noqa: RUF001
