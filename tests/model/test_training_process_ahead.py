"""A run in a child process asked reports ahead: the same numbers, patches that many reports
later, and a pause or another run never takes a report meant for something else."""

import numpy as np

from nnsim.engine import MLP, datasets
from nnsim.engine.training import TrainingConfig
from nnsim.model import training_process
from nnsim.model.session import Session
from nnsim.model.training_process import REPORTS_AHEAD, ProcessRun
from nnsim.model.training_run import drive
from nnsim.resource_files import resource_path


def xor_config(**changes) -> TrainingConfig:
    values = dict(learning_rate=0.5, max_epochs=200, report_interval=0.0, include_weights=True)
    values.update(changes)
    return TrainingConfig(**values)


def xor_run(config=None, network=None) -> ProcessRun:
    network = network or MLP([2, 4, 1], rng=3)
    return ProcessRun(network, datasets.xor(), None, config or xor_config(), threads=1)


def reports_of(run, ahead, patch_at=None, patch=None):
    """Every report of ``run`` advanced (``ahead`` or not), patching after report ``patch_at``."""
    reports = []
    while (report := run.advance(ahead=ahead)) is not None:
        reports.append(report)
        if len(reports) == patch_at:
            run.patch(**patch)
    run.close()
    return reports


def test_asked_ahead_a_run_gives_the_same_reports_and_a_patch_comes_two_reports_later():
    patch = {"learning_rate": 2.0}
    step_by_step = reports_of(xor_run(), ahead=False, patch_at=100, patch=patch)
    ahead = reports_of(xor_run(), ahead=True, patch_at=100, patch=patch)
    assert len(ahead) == len(step_by_step) == 200
    assert [r.learning_rate for r in step_by_step[99:102]] == [0.5, 2.0, 2.0]
    # Reports 101 and 102 were asked for before report 100 was read and the patch made:
    assert REPORTS_AHEAD == 2
    assert [r.learning_rate for r in ahead[99:104]] == [0.5, 0.5, 0.5, 2.0, 2.0]
    np.testing.assert_array_equal(
        [r.train_loss for r in ahead[:100]], [r.train_loss for r in step_by_step[:100]]
    )
    assert ahead[-1].train_loss != step_by_step[-1].train_loss  # the patch did act


def test_a_run_ahead_ends_with_the_network_of_its_last_report_and_its_summary():
    network = MLP([2, 4, 1], rng=3)
    run = xor_run(network=network)
    reports = reports_of(run, ahead=True)
    assert run.summary.stop_reason == "max_epochs" and not run.asked_ahead
    np.testing.assert_array_equal(network.parameters()[0][0], reports[-1].weights[0])


def test_an_answer_asked_for_a_run_since_ended_is_not_taken_for_the_next_runs(monkeypatch):
    monkeypatch.setattr(training_process, "_idle", [])
    first = xor_run(xor_config(max_epochs=100_000))
    first.advance(ahead=True)
    assert first.asked_ahead
    child = first._child
    first.close()  # its second report is still to come from the child
    second_network = MLP([2, 3, 1], rng=1)
    second = xor_run(xor_config(max_epochs=4), network=second_network)
    assert second._child is child
    reports = reports_of(second, ahead=True)
    assert [r.epoch for r in reports] == [1, 2, 3, 4]
    assert reports[0].weights[0].shape == (3, 2)  # the second run's network, not the first's


def test_after_a_pause_the_worker_takes_the_report_asked_ahead_and_asks_no_more():
    run = xor_run(xor_config(max_epochs=100_000))
    reports = drive(run)
    first = next(reports)
    assert run.asked_ahead  # at full speed the child trains on at once
    run.interrupt()  # the window pauses
    second = next(reports)  # the reports asked ahead, in one
    assert (second.epoch, len(second.losses)) == (first.epoch + REPORTS_AHEAD, REPORTS_AHEAD)
    assert not run.asked_ahead
    run.close()


class PausedAsAskedOn(ProcessRun):
    """A run whose pause lands just after the child was asked for the next report."""

    def advance(self, ahead=False):
        report = super().advance(ahead)
        if self.asked_ahead:
            self.interrupt()
        return report


def test_a_pause_landing_as_the_child_is_asked_on_brings_that_report_with_this_one():
    run = PausedAsAskedOn(MLP([2, 4, 1], rng=3), datasets.xor(), None, xor_config(), threads=1)
    merged = next(drive(run))
    assert (merged.epoch, len(merged.losses), run.asked_ahead) == (3, 3, False)
    run.close()


def test_a_step_after_such_a_pause_shows_those_epochs_then_exactly_one_more():
    session = Session.open(resource_path("examples", "xor_2_4_1.nnsim"))
    session.train_in_process = True
    assert session.start_run(max_epochs=100_000) and session.run.apart
    session.take_report(session.run.advance(ahead=True))  # a report read; the next asked for
    session.run.interrupt()
    session.set_state("paused")
    assert session.run.asked_ahead
    shown = []
    session.events.reported.connect(shown.append)
    before = session.history.count
    session.step()
    *ahead, step = shown  # (at full speed a report covers many epochs)
    assert len(ahead) == REPORTS_AHEAD and len(step.losses) == 1
    assert ahead[-1].epoch - before == sum(len(report.losses) for report in ahead)
    assert step.epoch == ahead[-1].epoch + 1
    assert session.history.count == step.epoch and not session.run.asked_ahead
    assert session.state == "paused"
    session.end_run("stopped")
