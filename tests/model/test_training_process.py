"""Training in a child process gives what training in this process gives, and fails in words."""

import threading
import time

import numpy as np
import pytest

from nnsim import text
from nnsim.engine import MLP, Perceptron, datasets
from nnsim.engine.training import TrainingConfig
from nnsim.errors import DivergenceError
from nnsim.model import training_process
from nnsim.model.session import Session
from nnsim.model.training_process import ProcessRun, TrainingProcessError, borrow, give_back
from nnsim.model.training_run import TrainingRun, drive
from nnsim.resource_files import resource_path

XOR_EXAMPLE = resource_path("examples", "xor_2_4_1.nnsim")


def xor_config(**changes) -> TrainingConfig:
    values = dict(learning_rate=0.5, max_epochs=300, report_interval=0.0, include_weights=True)
    values.update(changes)
    return TrainingConfig(**values)


def reports_of(run, patch_at=None, patch=None):
    """Every report of ``run``, sending ``patch`` in after report number ``patch_at``."""
    reports = []
    while (report := run.advance()) is not None:
        reports.append(report)
        if len(reports) == patch_at:
            run.patch(**patch)
    run.close()
    return reports


def both_ways(make_network, data, config, **kwargs):
    """(reports, network) trained in this process, then the same in a child process."""
    results = []
    for make_run in (TrainingRun, lambda *a: ProcessRun(*a, threads=1)):
        network = make_network()
        results.append((reports_of(make_run(network, data, None, config), **kwargs), network))
    return results


def same_parameters(one, other) -> bool:
    return all(
        np.array_equal(a, b)
        for mine, theirs in zip(one.parameters(), other.parameters(), strict=True)
        for a, b in zip(mine, theirs, strict=True)
    )


def test_a_run_in_a_process_gives_the_same_reports_and_weights_as_one_here():
    (here, net_here), (apart, net_apart) = both_ways(
        lambda: MLP([2, 4, 1], rng=3), datasets.xor(), xor_config(momentum=0.9, shuffle=True)
    )
    assert len(apart) == len(here) == 300
    assert [r.train_loss for r in apart] == [r.train_loss for r in here]
    assert all(np.array_equal(a.weights[0], b.weights[0]) for a, b in zip(apart, here, strict=True))
    assert same_parameters(net_apart, net_here)  # this side's network follows the reports
    assert not same_parameters(net_apart, MLP([2, 4, 1], rng=3))


def test_a_patch_reaches_the_process_from_the_next_epoch():
    patch = {"learning_rate": 2.0}
    (here, _), (apart, _) = both_ways(
        lambda: MLP([2, 3, 1], rng=1), datasets.xor(), xor_config(), patch_at=100, patch=patch
    )
    assert [r.learning_rate for r in apart[99:102]] == [0.5, 2.0, 2.0]
    assert [r.train_loss for r in apart] == [r.train_loss for r in here]


def test_a_perceptron_trains_apart_too():
    make = lambda: Perceptron(2, 1, rule="rosenblatt", rng=0)  # noqa: E731
    (here, net_here), (apart, net_apart) = both_ways(
        make, datasets.and_gate(), xor_config(learning_rate=0.1, max_epochs=50, target_error=0)
    )
    assert [r.train_loss for r in apart] == [r.train_loss for r in here]
    assert apart[-1].stop_reason == "target_error"
    assert same_parameters(net_apart, net_here)


def test_a_stop_asked_ends_the_run_with_the_epoch_undone():
    X = np.random.default_rng(0).normal(size=(4000, 20))
    data = (X, (X[:, :1] > 0).astype(float))
    network = MLP([20, 30, 1], rng=0)
    run = ProcessRun(network, data, None, xor_config(batch_size=1, max_epochs=5), threads=1)
    first = run.advance()
    before = [w.copy() for w in network.parameters()[0]]
    run.ask_to_stop()  # before the child starts epoch 2: it ends at its first mini-batch
    last = run.advance()
    assert (first.epoch, last.epoch, last.stop_reason) == (1, 1, "stopped")
    assert run.advance() is None and run.summary.stop_reason == "stopped"
    assert all(np.array_equal(a, b) for a, b in zip(network.parameters()[0], before, strict=True))
    run.close()


def test_a_divergence_crosses_with_its_epoch_and_the_weights_put_back():
    config = xor_config(learning_rate=1e6, max_epochs=50)
    outcomes = []
    for make_run in (TrainingRun, lambda *a: ProcessRun(*a, threads=1)):
        network = MLP([2, 4, 1], activation="relu", output_activation="linear", rng=0)
        run = make_run(network, datasets.xor(), None, config)
        with pytest.raises(DivergenceError) as caught:
            list(drive(run))
        run.close()
        outcomes.append((caught.value, network))
    (here, net_here), (apart, net_apart) = outcomes
    assert (apart.epoch, str(apart)) == (here.epoch, str(here))
    assert np.array_equal(apart.losses, here.losses)
    assert same_parameters(net_apart, net_here)
    assert all(np.isfinite(w).all() for w in net_apart.parameters()[0])


def test_a_child_that_dies_ends_the_run_in_words_and_the_weights_stay(monkeypatch):
    network = MLP([2, 4, 1], rng=0)
    run = ProcessRun(network, datasets.xor(), None, xor_config(max_epochs=10_000), threads=1)
    report = run.advance()
    run._child._process.kill()  # as the system's out-of-memory killer would
    with pytest.raises(TrainingProcessError, match="stopped unexpectedly"):
        run.advance()
    assert np.array_equal(network.parameters()[0][0], report.weights[0])
    run.close()


def test_an_abandoned_run_kills_its_child_and_the_thread_advancing_it_is_let_go():
    X = np.random.default_rng(0).normal(size=(200_000, 2))
    data = (X, (X[:, :1] > 0).astype(float))
    run = ProcessRun(MLP([2, 4, 1], rng=0), data, None, xor_config(batch_size=2), threads=1)
    outcome = []  # (the first report comes after the first epoch, about 5 s here)
    advancing = threading.Thread(target=lambda: outcome.append(catch(run.advance)))
    advancing.start()
    time.sleep(0.5)
    child = run._child
    run.abandon()
    advancing.join(5)
    assert not advancing.is_alive() and isinstance(outcome[0], TrainingProcessError)
    assert not child.alive


def catch(function):
    """What ``function()`` raised (or returned)."""
    try:
        return function()
    except Exception as exc:
        return exc


def test_the_process_asks_this_side_for_its_words(monkeypatch):
    asked = []

    def shouting(context, english):
        asked.append((context, english))
        return "» " + english

    monkeypatch.setattr(text, "_translator", shouting)
    run = ProcessRun(MLP([2, 2, 1], rng=0), datasets.xor(), None, xor_config(max_epochs=3), 1)
    list(drive(run))
    run.close()
    assert run.summary.message == "» Finished all 3 epochs."
    # Asked once a run, though the engine's checks name their arrays in every epoch:
    assert asked.count(("Checks", "The input X")) == 1


def test_a_child_started_ahead_is_the_one_the_first_run_takes(monkeypatch):
    monkeypatch.setattr(training_process, "_idle", [])
    training_process.start_ahead()
    training_process.start_ahead()  # one is enough
    assert len(training_process._idle) == 1
    ahead = training_process._idle[0]
    run = ProcessRun(MLP([2, 2, 1], rng=0), datasets.xor(), None, xor_config(max_epochs=2), 1)
    assert run._child is ahead and ahead.alive
    list(drive(run))
    run.close()
    assert training_process._idle == [ahead]


def test_an_idle_child_is_kept_for_the_next_run():
    child = borrow()
    give_back(child)
    assert borrow() is child
    give_back(child)


def test_a_session_trains_apart_when_asked_and_here_when_no_process_can_start(monkeypatch):
    session = Session.open(XOR_EXAMPLE)
    session.train_in_process = True
    assert session.start_run(max_epochs=5) and session.run.apart
    session.end_run("stopped")

    monkeypatch.setattr(training_process, "_START", "import sys; sys.exit(3)")  # a broken install
    monkeypatch.setattr(training_process, "_idle", [])
    with pytest.raises(TrainingProcessError, match="could not start: it did not answer"):
        training_process.TrainingProcess().wait_until_ready()
    assert session.start_run(max_epochs=5) and not session.run.apart
    session.end_run("stopped")
