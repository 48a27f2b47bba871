"""Explain a Step in the window on a network with dropout: the mask of the sample and epoch
shown, drawn from the project's seed, in the text and on the canvas."""

import numpy as np

from nnsim.gui.editor.items import NoteItem


def notes_on_canvas(window) -> list[str]:
    return [
        item.text() for item in window.editor.view.scene().items() if isinstance(item, NoteItem)
    ]


def draws(seed: int, epoch: int, sample: int, n: int) -> np.ndarray:
    """The hidden layer's draws u, as a person would take them again."""
    return np.random.default_rng([seed, epoch, sample]).random(n)


def test_the_layer_stage_and_the_canvas_show_the_samples_mask(window):
    hidden = window.session.document.layers[1]
    window.panel.field(f"dropout:{hidden.id}").setValue(0.5)
    window.panel.set_value("seed", 11)
    window.session.catch_up()
    n = window.session.compiled.network.layer_sizes[1]
    sample = next(s for s in (1, 2, 3, 4) if 0 < (draws(11, 0, s, n) < 0.5).sum() < n)
    window.status.sample_selector.setValue(sample)
    window.explainer.action.trigger()
    view = window.explainer.view
    view.go(1)
    shown = view.text.toPlainText()
    assert f"numpy.random.default_rng([11, 0, {sample}])" in shown
    u = draws(11, 0, sample, n)
    assert (
        shown.count(": dropped)") == (u < 0.5).sum() and shown.count(": kept)") == (u >= 0.5).sum()
    )
    dropped = [note for note in notes_on_canvas(window) if note.endswith("dropped: ã=0")]
    assert len(dropped) == (u < 0.5).sum()
    window.training_actions["step"].trigger()  # the weights of epoch 1: another draw
    window.training_actions["stop"].trigger()
    assert f"numpy.random.default_rng([11, 1, {sample}])" in view.text.toPlainText()
