"""Finished runs kept side by side: what counts as a run, pushing out, pinning, restoring."""

import numpy as np
import pytest

from nnsim.engine import datasets
from nnsim.errors import ConfigError
from nnsim.model.neuron_maps import decision_picture
from nnsim.model.run_restore import restore_run
from nnsim.model.runs import RunLog, differing_settings
from nnsim.model.session import Session


def train(session: Session, epochs: int) -> None:
    for _ in session.train(epochs):
        pass


@pytest.fixture
def session():
    """A 2-3-1 sigmoid MLP on XOR, followed by a run log (``session.log``)."""
    session = Session.new_mlp((2, 3, 1))
    session.log = RunLog(session)
    return session


def parameters(session: Session):
    return session.trained_network.parameters()


def test_two_runs_with_different_learning_rates_are_two_entries_differing_in_it(session):
    train(session, 40)
    session.settings.set("learning_rate", 2.0)
    session.reset()
    train(session, 60)
    first, second = session.log.runs
    assert (first.name, second.name) == ("Run 1", "Run 2")
    assert (first.settings["learning_rate"], second.settings["learning_rate"]) == (0.5, 2.0)
    assert (first.epoch_count, second.epoch_count) == (40, 60)
    assert differing_settings(session.log.runs) == {"learning_rate"}
    assert differing_settings(session.log.runs[:1]) == set()
    np.testing.assert_array_equal(second.train, session.history.train)
    assert second.final_error == session.history.train[-1]
    assert second.stop_reason == "max_epochs"
    assert second.final_accuracy is not None and second.final_validation is None
    assert "speed" not in second.settings


def test_training_on_after_a_stop_updates_the_runs_entry(session):
    seen = []
    session.log.changed.connect(lambda: seen.append(len(session.log.runs)))
    for _ in range(3):
        session.step()  # one epoch, then paused
    assert session.log.runs == ()
    session.end_run("stopped")  # Stop
    (stopped,) = session.log.runs
    assert stopped.stop_reason == "stopped" and stopped.epoch_count == 3
    train(session, 30)
    (run,) = session.log.runs
    assert run.name == "Run 1" and run.epoch_count == stopped.epoch_count + 30
    assert run.stop_reason == "max_epochs"
    assert run.holds(*parameters(session))
    assert seen == [1, 1]


def test_a_reset_or_weights_set_by_hand_make_a_new_entry(session):
    train(session, 20)
    session.reset()  # the same seed: the very same start, but a new run
    train(session, 20)
    assert [run.name for run in session.log.runs] == ["Run 1", "Run 2"]
    first, second = session.log.runs
    assert first.holds(second.weights, second.biases), "the same seed: the same run"
    out = session.document.layers[-1].id
    session.set_number(0.25, session.document.neurons_of(out)[0])
    train(session, 10)
    assert [run.epoch_count for run in session.log.runs] == [20, 20, 30]


def test_a_fifth_run_pushes_out_the_oldest_unpinned_one(session):
    for rate in (0.1, 0.2, 0.3, 0.4):
        session.settings.set("learning_rate", rate)
        session.reset()
        train(session, 5)
    log = session.log
    log.pin(log.runs[0])
    log.pin(log.runs[1])
    log.pin(log.runs[2])
    with pytest.raises(ConfigError, match="next run has a place"):
        log.pin(log.runs[3])
    assert [run.pinned for run in log.runs] == [True, True, True, False]
    log.pin(log.runs[2], False)
    session.reset()
    train(session, 5)
    assert [run.name for run in log.runs] == ["Run 1", "Run 2", "Run 4", "Run 5"]
    log.remove(log.runs[0])
    assert [run.name for run in log.runs] == ["Run 2", "Run 4", "Run 5"]


def test_restoring_a_run_gives_its_exact_weights_and_history_back_and_is_unsaved_work(session):
    train(session, 30)
    session.settings.set("learning_rate", 3.0)
    session.reset()
    train(session, 10)
    first = session.log.runs[0]
    changed = []
    session.events.weights_changed.connect(lambda: changed.append(True))
    restore_run(session, first)
    for now, then in zip(parameters(session), (first.weights, first.biases), strict=True):
        for a, b in zip(now, then, strict=True):
            np.testing.assert_array_equal(a, b)
    for a, b in zip(session.compiled.network.parameters()[0], first.weights, strict=True):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(session.history.train, first.train)
    assert session.history.count == 30 and changed
    assert session.log.holding() is first
    train(session, 5)  # training on from a restored run continues it
    assert [run.epoch_count for run in session.log.runs] == [35, 10]


def test_restoring_into_another_network_is_refused_saying_both(session):
    train(session, 10)
    (run,) = session.log.runs
    before = [w.copy() for w in session.compiled.network.parameters()[0]]
    hidden = session.document.layers[1].id
    session.document.set_layer_size(hidden, 4)
    with pytest.raises(ConfigError, match="Run 1 was a 2-3-1 network; the editor now has 2-4-1"):
        restore_run(session, run)
    assert session.history.count == 10
    kept = session.compiled.network.parameters()[0]
    np.testing.assert_array_equal(kept[0][:3], before[0]), "nothing changed but the new neuron"
    train(session, 10)  # a new network, with its past: a new entry, differing in shape
    assert [r.sizes for r in session.log.runs] == [(2, 3, 1), (2, 4, 1)]
    assert differing_settings(session.log.runs) == {"structure"}


def test_restoring_a_run_of_other_data_is_refused_naming_the_data(session):
    train(session, 10)
    (run,) = session.log.runs
    session.settings.set("dataset", "circles")  # the network starts again, the same shape
    with pytest.raises(ConfigError, match=r"Data set xor \(now circles\)"):
        restore_run(session, run)


def test_another_document_clears_the_log(session):
    train(session, 10)
    session.replace(Session.new_mlp((2, 3, 1)).document)
    assert session.log.runs == ()
    train(session, 10)
    assert [run.name for run in session.log.runs] == ["Run 2"]


def test_the_decision_picture_is_the_networks_output_over_the_data(session):
    train(session, 10)
    (run,) = session.log.runs
    picture = run.picture
    x_low, x_high, y_low, y_high = picture.extent
    assert (x_low, x_high, y_low, y_high) == (-0.1, 1.1, -0.1, 1.1), "XOR's box and margin"
    network = session.trained_network
    corners = network.predict(np.array([[x_low, y_low], [x_high, y_low], [x_low, y_high]]))
    assert picture.values.shape == (48, 48) and not picture.classes
    np.testing.assert_allclose(
        [picture.values[0, 0], picture.values[0, -1], picture.values[-1, 0]], corners[:, 0]
    )
    np.testing.assert_array_equal(picture.labels, session.data.y)
    assert decision_picture(session.trained_network, datasets.iris()) is None, "four inputs"
