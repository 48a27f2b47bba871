"""The session keeps each run's gradient sizes, update ratios and sample errors
(nnsim.model.insight), and the gradient flow's verdict (nnsim.model.gradient_flow)."""

import numpy as np
import pytest

from nnsim.engine import MLP, datasets
from nnsim.model.diagnostics import diagnose
from nnsim.model.gradient_flow import flow_problem, flow_ratio, gradient_hints
from nnsim.model.insight import ThinnedRows, TrainingInsight
from nnsim.model.session import Session


def test_thinned_rows_keep_the_first_and_newest_and_stay_bounded():
    rows = ThinnedRows(limit=8)
    for epoch in range(1, 101):
        rows.add(epoch, [epoch, -epoch])
    assert len(rows) <= 8
    assert rows.epochs[0] == 1 and rows.epochs[-1] == 100
    assert np.all(np.diff(rows.epochs) > 0)
    assert rows.rows[:, 0].tolist() == rows.epochs.tolist()


def test_thinned_rows_truncate_and_start_again_for_another_width():
    rows = ThinnedRows(limit=100)
    for epoch in (10, 20, 30):
        rows.add(epoch, [1.0])
    rows.truncate(20)
    assert rows.epochs.tolist() == [10, 20]
    rows.add(25, [1.0, 2.0])
    assert rows.epochs.tolist() == [25] and rows.latest.tolist() == [1.0, 2.0]


def test_the_hardest_samples_have_the_largest_latest_error():
    insight = TrainingInsight()

    class Report:
        epoch, gradient_sizes, update_ratios = 5, None, None
        sample_errors = np.array([0.1, 0.7, 0.0, 0.7, 0.3])

    insight.take(Report)
    assert insight.hardest(3).tolist() == [1, 3, 4]


def test_a_session_run_fills_the_records_and_a_reset_clears_them():
    session = Session()  # XOR, 2-4-1
    for _ in session.train(200):
        pass
    insight = session.insight
    assert insight.gradients.rows.shape[1] == 2
    assert insight.ledger.latest.shape == (len(session.data.X),)
    assert insight.gradients.epochs[-1] == session.history.count
    errors = insight.ledger.latest
    assert errors.mean() == pytest.approx(
        session.display_network.loss_value(session.data.X, session.data.T), rel=1e-5
    )
    session.reset()
    assert len(insight.gradients) == len(insight.ledger) == 0


def test_training_on_from_an_earlier_epoch_forgets_what_came_after():
    session = Session()
    for _ in session.train(300):
        pass
    epoch = session.snapshots.epochs[len(session.snapshots.epochs) // 2]
    shown = session.train_from(epoch)
    assert session.insight.gradients.epochs.max(initial=0) <= shown


def test_a_ten_layer_sigmoid_network_has_vanishing_gradients():
    data = datasets.xor()
    deep = MLP([2] + [8] * 9 + [1], activation="sigmoid", rng=0)
    [hint] = gradient_hints(deep, data)
    assert hint.kind == "vanishing_gradients"
    assert "vanish" in hint.text
    assert "vanishing_gradients" in [h.kind for h in diagnose(deep, data, np.zeros(0))]


def test_a_ten_layer_tanh_network_with_xavier_passes_its_gradients_back():
    data = datasets.xor()
    deep = MLP([2] + [8] * 9 + [1], activation="tanh", output_activation="sigmoid", rng=0)
    assert gradient_hints(deep, data) == []


def test_the_verdict_follows_the_share_the_first_layer_gets():
    assert flow_ratio([1e-4, 1.0]) == 1e-4
    assert flow_problem([1e-4, 1.0]) == "vanishing"
    assert flow_problem([1e4, 1.0]) == "exploding"
    assert flow_problem([0.5, 1.0]) is None
    assert flow_ratio([1.0]) is None and flow_ratio([1.0, 0.0]) is None


def test_gradients_vanished_everywhere_with_a_high_error_is_a_stall():
    assert flow_problem([1e-8, 3e-8], error=0.125) == "stalled"
    assert flow_problem([1e-8, 3e-8], error=0.001) is None  # learned: nothing left to follow
    assert flow_problem([1e-8, 3e-8]) is None  # no error known: the share alone
