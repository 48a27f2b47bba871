"""The dense rule in the Hopfield workspace: stored, recalled, no weights shown; Attention."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnsim.engine.hopfield_dense import DenseRecallProcess, Interaction
from nnsim.gui.hopfield.attention import HIGHEST_STEP, LOWEST_STEP, beta_of


@pytest.fixture
def workspace(make_workspace):
    made = make_workspace()
    rng = np.random.default_rng(4)
    cells = rng.choice([-1.0, 1.0], size=(30, 100))  # load 0.3: past Hebb's 0.138 N
    made.memory.add_patterns([(f"p{k}", c) for k, c in enumerate(cells)])
    return made


def choose(box, data):
    box.setCurrentIndex(box.findData(data))


def test_a_dense_store_recalls_what_hebbs_rule_cannot_and_shows_no_weights(workspace, qtbot):
    library, memory = workspace.library, workspace.memory
    assert not library.interaction.isEnabled()
    choose(library.rule, "dense")
    assert library.interaction.isEnabled()
    choose(library.interaction, "polynomial 4")
    library.store()
    assert memory.rule == "dense" and memory.interaction == Interaction("polynomial", 4)
    assert workspace.weights.weights.shape == (30, 100)
    title = workspace.weights.widget.getPlotItem().titleLabel.text
    assert "A dense memory has no weight matrix" in title
    target = memory.library[7].cells
    probe = target.copy()
    probe[np.random.default_rng(5).choice(100, 15, replace=False)] *= -1
    memory.set_current(probe)
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    qtbot.mouseClick(workspace.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.recall.state == "finished", timeout=30_000)
    np.testing.assert_array_equal(memory.current, target)
    assert workspace.outcome.text() == "Converged to the stored pattern 'p7'."
    first = workspace.plots.energies[0][0]
    assert first == pytest.approx(-((memory.network.patterns @ probe) ** 4).sum())
    assert isinstance(memory.network.recall_process(probe), DenseRecallProcess)
    library.rule.setCurrentIndex(library.rule.findData("hebb"))
    library.store()
    assert workspace.weights.weights.shape == (100, 100)
    assert workspace.weights.widget.getPlotItem().titleLabel.text == "Weights w_ij"


def test_beta_takes_one_pattern_when_large_and_a_mixture_when_small(workspace):
    memory, view = workspace.memory, workspace.attention
    memory.store("dense")
    probe = memory.library[3].cells.copy()
    probe[:20] *= -1
    memory.set_current(probe)
    view.beta.setValue(HIGHEST_STEP)  # beta 1: scores 60 apart
    assert beta_of(HIGHEST_STEP) == 1.0
    assert view.weights[3] > 0.999 and view.weights.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(view.state, memory.library[3].cells, atol=1e-6)
    assert view.note.text().startswith("The largest weight: 'p3', 1.00.")
    view.beta.setValue(LOWEST_STEP)  # beta 0.001: every pattern about 1/30
    assert view.weights.max() < 0.05
    assert np.abs(view.state).mean() < 0.4, "a grey mixture, no cell black or white"
    assert np.abs(view.state).max() < 0.9
    header, rows = view.table()
    assert header == ("pattern", "attention weight") and len(rows) == 30
    memory.forget()
    assert view.weights.size == 0 and view.note.text().startswith("Store patterns")
