"""Learning-rate schedules: the rate of each epoch, in reports, runs continued and patches."""

import numpy as np
import pytest

from nnsim.engine import MLP, Perceptron, TrainingConfig, datasets, train
from nnsim.engine.runner import scheduled_rate
from nnsim.errors import ConfigError


def every_report(net, config, patches=None):
    """Reports of a run with one report per epoch; ``patches`` {epoch: patch sent after it}."""
    run = train(net, datasets.xor(), config)
    reports = [next(run)]
    try:
        while True:
            reports.append(run.send((patches or {}).get(reports[-1].epoch)))
    except StopIteration:
        return reports


def test_the_rates_are_the_formulas():
    assert [scheduled_rate(0.8, "step", 0.5, 3, t) for t in range(7)] == [
        0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2,
    ]  # fmt: skip
    assert [scheduled_rate(0.5, "exponential", 0.5, 3, t) for t in range(4)] == [
        0.5, 0.25, 0.125, 0.0625,
    ]  # fmt: skip
    assert scheduled_rate(0.3, "constant", 0.5, 1, 99) == 0.3
    assert scheduled_rate(0.3, "exponential", 1.0, 1, 99) == 0.3


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        ("constant", [0.8] * 6),
        ("step", [0.8, 0.8, 0.4, 0.4, 0.2, 0.2]),
        ("exponential", [0.8, 0.4, 0.2, 0.1, 0.05, 0.025]),
    ],
)
def test_each_report_carries_the_rate_of_its_epoch(schedule, expected):
    config = TrainingConfig(
        learning_rate=0.8, lr_schedule=schedule, lr_decay=0.5, lr_step=2, max_epochs=6,
        report_interval=0.0,
    )  # fmt: skip
    reports = every_report(MLP([2, 3, 1], rng=1), config)
    assert [r.epoch for r in reports] == [1, 2, 3, 4, 5, 6]
    assert [r.learning_rate for r in reports] == expected


def test_the_scheduled_rate_is_the_one_that_trains():
    # Two epochs, the second at half the rate, as the network trains them by hand.
    data = datasets.xor()
    net, twin = MLP([2, 3, 1], rng=2), MLP([2, 3, 1], rng=2)
    config = TrainingConfig(
        learning_rate=0.9, lr_schedule="step", lr_decay=0.5, lr_step=1, max_epochs=2
    )
    every_report(net, config)
    for rate in (0.9, 0.45):
        twin.train_epoch(data.X, data.T, learning_rate=rate)
    for ours, theirs in zip(net.parameters()[0], twin.parameters()[0], strict=True):
        assert np.array_equal(ours, theirs)


def test_a_perceptron_follows_the_schedule_too():
    config = TrainingConfig(
        learning_rate=1.0, lr_schedule="exponential", lr_decay=0.5, max_epochs=3,
        report_interval=0.0,
    )  # fmt: skip
    reports = every_report(Perceptron(2, 1, rule="lms", rng=0), config)
    assert [r.learning_rate for r in reports] == [1.0, 0.5, 0.25]


def test_a_continued_run_goes_on_where_the_last_stopped():
    config = TrainingConfig(
        learning_rate=0.8, lr_schedule="step", lr_decay=0.5, lr_step=2, max_epochs=3,
        first_epoch=3, report_interval=0.0,
    )  # fmt: skip
    reports = every_report(MLP([2, 3, 1], rng=1), config)
    assert [r.learning_rate for r in reports] == [0.4, 0.2, 0.2]  # t = 3, 4, 5


def test_a_rate_patched_in_is_the_new_start_of_the_schedule():
    config = TrainingConfig(
        learning_rate=0.8, lr_schedule="exponential", lr_decay=0.5, max_epochs=5,
        report_interval=0.0,
    )  # fmt: skip
    reports = every_report(MLP([2, 3, 1], rng=1), config, {2: {"learning_rate": 2.0}})
    # Epochs 1, 2 at 0.8 * 0.5^t; from epoch 3 (t = 2) at 2.0 * 0.5^t.
    assert [r.learning_rate for r in reports] == [0.8, 0.4, 0.5, 0.25, 0.125]


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"lr_schedule": "cosine"}, "schedule must be one of constant, step, exponential"),
        ({"lr_decay": 0.0}, "decay must be above 0 and at most 1"),
        ({"lr_decay": 1.5}, "decay must be above 0 and at most 1"),
        ({"lr_step": 0}, "step must be a whole number from 1"),
        ({"lr_step": 2.5}, "step must be a whole number from 1"),
        ({"first_epoch": -1}, "first_epoch must be a whole number from 0"),
    ],
)
def test_bad_schedules_are_refused_with_the_reason(options, words):
    with pytest.raises(ConfigError, match=words):
        TrainingConfig(**options)
