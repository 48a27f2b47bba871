"""The live views, each built from a Session alone (no window), redrawn at LiveView's frames.

Each test changes the session as a script would (trains, steps, rewinds, resets)
and checks what the view then shows, by value.
"""

import numpy as np
import pytest
from PySide6.QtWidgets import QSpinBox, QStatusBar

from nnsim.engine.metrics import confusion_matrix, labels_from_outputs
from nnsim.gui.editor.items import NoteItem
from nnsim.gui.editor.view import EditorView
from nnsim.gui.plots import DecisionPlot, ErrorPlot
from nnsim.gui.plots.decision_plot import GRID_SIZE
from nnsim.gui.training import live_view
from nnsim.gui.training.diagnostics_view import DiagnosticsView
from nnsim.gui.training.explain_view import StepExplainer
from nnsim.gui.training.live_view import LiveView, live_values
from nnsim.gui.training.results import ResultsView
from nnsim.gui.training.status import TrainingStatus
from nnsim.gui.training.weights_plot import WeightsPlot
from nnsim.gui.training.worker import TrainingController
from nnsim.model.session import Session
from nnsim.model.starters import new_hopfield
from nnsim.resource_files import resource_path


def example(name: str) -> Session:
    return Session.open(resource_path("examples", f"{name}.nnsim"))


@pytest.fixture
def paced():
    """``paced(session, *draws)``: a LiveView of ``session`` whose frames call ``draws``, as
    the window connects them, kept for the test (the session holds its views weakly)."""
    kept = []

    def pace(session: Session, *draws) -> LiveView:
        live = LiveView(session)
        for draw in draws:
            live.frame.connect(draw)
        kept.append(live)
        return live

    return pace


def test_a_run_is_drawn_at_its_end_a_step_or_a_rewind_at_once(qtbot, paced):
    session = Session()
    drawn = []  # the epochs shown, one per frame
    live = paced(session, lambda: drawn.append(session.history.count))
    list(session.train(max_epochs=5))  # a script's run: the timer never ticks in it
    assert drawn[-1] == 5 and not any(0 < epoch < 5 for epoch in drawn), "its end, not each report"
    assert session.step() and drawn[-1] == 6
    session.end_run("stopped")
    before = len(drawn)
    session.rewind(2)
    assert len(drawn) == before + 1
    session.reset()
    assert drawn[-1] == 0 and live.frames == len(drawn) and not live.timer.isActive()


def test_frames_wait_for_a_report_while_a_run_is_paced(qtbot, paced):
    session = Session()
    live = paced(session)
    session.set_state("training")  # as the window's worker does
    assert live.timer.isActive()
    live.draw()
    assert live.frames == 0, "nothing new to draw"
    session.set_state("stopped")
    assert not live.timer.isActive() and live.frames == 1, "the run's end, drawn at once"


def run_for(qtbot, paced, session: Session, seconds: float) -> tuple[int, int]:
    """Train ``session`` in a worker for ``seconds``: (frames, reports) meanwhile."""
    live, reports = paced(session), []
    session.events.reported.connect(reports.append)
    controller = TrainingController(session)
    session.settings.set("use_target_error", False)
    session.settings.set("max_epochs", 10_000_000)
    assert controller.start()
    qtbot.waitUntil(lambda: session.history.count > 0, timeout=30_000)
    frames, count = live.frames, len(reports)
    qtbot.wait(int(1000 * seconds))
    frames, count = live.frames - frames, len(reports) - count
    controller.shutdown()
    return frames, count


def test_under_a_speed_limit_every_report_is_drawn(qtbot, paced):
    session = Session()
    session.settings.set("speed", "10")  # a report each epoch, a tenth of a second apart
    frames, reports = run_for(qtbot, paced, session, 1.5)
    assert reports > 5 and abs(frames - reports) <= 2, "no budget holds a frame back"


def test_at_full_speed_over_budget_frames_still_come_twice_a_second(qtbot, monkeypatch, paced):
    monkeypatch.setattr(live_view, "REDRAW_BUDGET", 0.0)  # every tick is over budget
    session = Session()
    session.settings.set("speed", "fastest")
    frames, _ = run_for(qtbot, paced, session, 2.0)
    assert 3 <= frames <= 6  # 1 / MAX_REDRAW_GAP a second, no more


def test_no_frame_without_a_network(paced):
    live = paced(Session.new_hopfield(5))
    live.draw(force=True)
    assert live.frames == 0


def test_the_error_plot_draws_the_history_as_it_grows_and_empties(qtbot, paced):
    session = Session()
    plot = ErrorPlot(session)
    qtbot.addWidget(plot.widget)
    paced(session, plot.draw)
    list(session.train(max_epochs=30))
    epochs, errors = plot.curve_data()
    assert len(epochs) == 30 and errors[-1] == session.history.train[-1]
    assert plot.target_line.value() == session.settings["target_error"]
    session.reset()
    assert len(plot.curve_data()[0]) == 0


def test_the_decision_plot_draws_the_network_shown_and_follows_a_rewind(qtbot, paced):
    session = Session()
    plot = DecisionPlot(session)
    qtbot.addWidget(plot.widget)
    paced(session, plot.draw)
    list(session.train(max_epochs=50))
    grid = plot._grid[2]

    def boundary(network):
        return network.predict(grid)[:, 0].reshape(GRID_SIZE, GRID_SIZE)

    np.testing.assert_array_equal(plot.image.image, boundary(session.display_network))
    wrong = labels_from_outputs(session.display_network.predict(session.data.X)) != session.data.y
    assert plot.misclassified == int(wrong.sum())
    trained = plot.image.image.copy()
    session.rewind(0)
    first_weights = session.snapshots.at_or_before(0)[1]
    np.testing.assert_array_equal(session.display_network.parameters()[0][0], first_weights[0])
    np.testing.assert_array_equal(plot.image.image, boundary(session.display_network))
    assert not np.array_equal(plot.image.image, trained), "epoch 0's boundary, not the last"


def test_a_perceptrons_single_sample_step_rings_the_sample_and_moves_its_line(qtbot, paced):
    session = Session.new_perceptron()
    plot = DecisionPlot(session)
    qtbot.addWidget(plot.widget)
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = TrainingStatus(bar, session)
    paced(session, plot.draw, status.draw)
    session.step_sample()
    session.step_sample()
    x, y = session.data.X[1]
    assert plot.stepped.data["x"].tolist() == [x] and plot.stepped.data["y"].tolist() == [y]
    assert status.sample_selector.value() == 2, "the sample just seen is chosen"
    qtbot.waitUntil(lambda: not plot.gliding, timeout=5_000)
    (a, b, c), (xs, ys) = session.display_network.decision_line(), plot.separator.getData()
    np.testing.assert_allclose(a * xs + b * ys + c, 0.0, atol=1e-9)


def test_the_weights_plot_draws_the_weights_shown_while_on_screen(qtbot, paced):
    session = Session()
    plot = WeightsPlot(session)
    qtbot.addWidget(plot.widget)
    paced(session, plot.draw)
    list(session.train(max_epochs=5))
    assert plot.layers == [], "hidden: not drawn"
    plot.widget.show()
    list(session.train(max_epochs=5))
    first = session.display_network.parameters()[0][0]  # (4, 2)
    largest = np.abs(first).max()
    expected = np.maximum(np.sqrt(np.abs(first) / largest).ravel() * 0.95, 0.02)
    np.testing.assert_allclose(plot.layers[0][1].data["size"], expected)
    _, counts = plot.bars.getData()
    assert counts.sum() == 8 + 4, "every weight of both layers, once"


def test_the_results_table_scores_the_network_shown_on_the_part_chosen(qtbot, paced):
    session = example("iris")
    view = ResultsView(session)
    qtbot.addWidget(view)
    view.show()
    paced(session, view.draw)

    def shown():
        return np.array([[int(view.matrix.item(r, c).text()) for c in range(3)] for r in range(3)])

    for part, chosen in ((session.validation, None), (session.data, 1)):
        if chosen is not None:  # the person picks the training part; later frames keep it
            view.part.setCurrentIndex(chosen)
            view.part.activated.emit(chosen)
        list(session.train(max_epochs=3))
        predicted = labels_from_outputs(session.display_network.predict(part.X))
        np.testing.assert_array_equal(shown(), confusion_matrix(part.y, predicted, n_classes=3))
        assert view.scores.rowCount() == 4
        assert view.scores.item(3, 3).text() == str(part.n_samples)
    assert (session.validation.n_samples, session.data.n_samples) == (30, 120)


def test_diagnostics_tell_a_perceptron_on_xor_to_add_a_hidden_layer(qtbot, paced):
    session = Session.new_perceptron()
    view = DiagnosticsView(session)
    qtbot.addWidget(view)
    view.show()
    paced(session, view.draw)
    session.settings.set("dataset", "xor")
    list(session.train(max_epochs=150))
    assert [hint.kind for hint in view.hints] == ["not_separable"]
    assert "Add a hidden layer" in view.toPlainText()


def test_diagnostics_name_zero_weights_before_training_starts(qtbot, paced):
    session = Session()
    view = DiagnosticsView(session)
    qtbot.addWidget(view)
    paced(session, view.draw)
    session.settings.set("init", "zeros")
    session.reset()
    assert view.hints == [], "off screen: not diagnosed"
    view.show()
    session.reset()
    assert [hint.kind for hint in view.hints] == ["symmetric"]


def test_the_status_bar_reads_out_the_run_and_counts_the_samples(qtbot, paced):
    session = Session()
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = TrainingStatus(bar, session)
    paced(session, status.draw)
    assert status.sample_selector.maximum() == 4 and status.sample_selector.suffix() == " of 4"
    list(session.train(max_epochs=20))
    assert status.state.text() == "Finished · epoch 20 of 20"
    assert status.progress.value() == 20
    assert status.error.text() == f"error {session.history.train[-1]:.6g}"
    session.reset()
    assert status.state.text() == "Ready" and status.error.text() == ""
    session.settings.set("dataset", "moons")
    session.settings.set("validation_share", 0.5)  # a held-out part: its error is read out too
    list(session.train(max_epochs=5))
    history = session.history
    assert status.error.text() == (
        f"error {history.train[-1]:.6g} · validation {history.validation[-1]:.6g}"
    )


def explainer_of(session: Session, qtbot):
    canvas = EditorView(session.document)
    qtbot.addWidget(canvas)
    samples = QSpinBox()
    samples.setRange(1, session.data.n_samples)
    qtbot.addWidget(samples)
    explainer = StepExplainer(session, canvas, samples, canvas)
    explainer.set_shown(True)
    return explainer, canvas, samples


def notes_on(canvas) -> list[str]:
    return [item.text() for item in canvas.scene().items() if isinstance(item, NoteItem)]


def test_one_update_is_explained_with_the_tutorials_numbers(qtbot):
    session = example("one_update")
    explainer, canvas, _ = explainer_of(session, qtbot)
    view = explainer.view
    view.go(len(view.explanation.stages))  # the last stage: the update
    assert "2 + 0.00265023 = 2.00265" in view.text.toPlainText()
    assert any("2.00265" in note for note in notes_on(canvas))
    assert view.caveat.text() == "", "one sample, plain SGD: the step is training's own"
    explainer.set_shown(False)
    assert notes_on(canvas) == []


def test_the_chosen_sample_is_explained_and_a_run_under_way_is_not(qtbot, paced):
    session = Session()
    explainer, _, samples = explainer_of(session, qtbot)
    paced(session, explainer.refresh)
    samples.setValue(3)  # XOR's third sample: (1, 0)
    explainer.refresh()
    assert "x₁ = 1\nx₂ = 0" in explainer.view.text.toPlainText()
    assert "batches of several samples" in explainer.view.caveat.text()
    session.set_state("training")  # as the window's worker does
    assert "Pause training" in explainer.view.text.toPlainText()
    session.set_state("paused")
    assert explainer.view.counter.text().endswith("of 7")
    session.replace(new_hopfield(5, 5))
    assert explainer.view.text.toPlainText() == "A Hopfield network does not learn from samples."


def test_the_slope_classifier_shows_the_normalised_rule(qtbot):
    explainer, _, _ = explainer_of(example("ladybird_caterpillar"), qtbot)
    view = explainer.view
    view.go(3)
    assert view.title.text() == "<b>The update</b>"
    assert "ΔA = L·E/x" in view.text.toPlainText()
    view.go(1)
    assert "0.25 + 0.0583333 = 0.308333" in view.text.toPlainText()


@pytest.mark.parametrize("row", [0, 3])
def test_the_editors_live_values_are_the_weights_shown_and_the_sample_chosen(qtbot, row):
    session = Session()
    list(session.train(max_epochs=5))
    compiled, weights, biases, sample = live_values(session, row)
    shown_weights, shown_biases = session.display_network.parameters()
    assert compiled is session.compiled and sample.tolist() == session.data.X[row].tolist()
    assert all(np.array_equal(a, b) for a, b in zip(weights, shown_weights, strict=True))
    assert all(np.array_equal(a, b) for a, b in zip(biases, shown_biases, strict=True))


def test_a_network_without_biases_shows_none_on_the_canvas(qtbot, paced):
    session = example("one_update")
    canvas = EditorView(session.document)
    qtbot.addWidget(canvas)
    paced(session, lambda: canvas.show_values(*live_values(session, 0)))
    assert live_values(session, 0)[2] is None
    session.step()
    output = next(n for n in session.document.neurons_of(session.document.layers[-1].id))
    expected = session.display_network.predict(session.data.X[:1])[0, 0]
    assert canvas.network_scene.neuron_items[output].shown_value[0] == f"{expected:.2f}"
