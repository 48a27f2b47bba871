"""The optimiser and learning-rate schedule settings: checked, saved, and what a session trains."""

import json

import numpy as np
import pytest

from nnsim.engine import TrainingConfig, datasets, train
from nnsim.errors import ConfigError
from nnsim.io.project import load_project
from nnsim.model import compile, new_mlp
from nnsim.model.session import Session
from nnsim.model.settings import Settings
from nnsim.resource_files import resource_path


def test_the_settings_reach_the_training_config():
    settings = Settings(optimizer="irprop-", lr_schedule="step", lr_decay=0.25, lr_step=7)
    config = settings.training_config()
    assert (config.optimizer, config.lr_schedule, config.lr_decay, config.lr_step) == (
        "irprop-", "step", 0.25, 7,
    )  # fmt: skip
    assert Settings().training_config().lr_schedule == "constant", "no schedule unless asked"


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        ("optimizer", "rmsprop", "one of sgd, adam, rprop, irprop-"),
        ("lr_schedule", "cosine", "one of constant, step, exponential"),
        ("lr_decay", 0.0, "at least 1e-06"),
        ("lr_decay", 1.01, "at most 1"),
        ("lr_step", 0, "at least 1"),
        ("lr_step", 2.5, "whole number"),
    ],
)
def test_bad_values_are_refused_with_the_reason(name, value, reason):
    settings = Settings()
    with pytest.raises(ConfigError, match=reason):
        settings.set(name, value)
    assert settings[name] == Settings()[name]


def test_a_project_saved_before_the_schedule_opens_with_no_schedule(tmp_path):
    content = json.loads(resource_path("examples", "xor_2_4_1.nnsim").read_text("utf-8"))
    for name in ("lr_schedule", "lr_decay", "lr_step"):  # as nnsim wrote files before them
        del content["settings"][name]
    old = tmp_path / "old.nnsim"
    old.write_text(json.dumps(content), encoding="utf-8")
    session = Session.open(old)
    assert (session.settings["lr_schedule"], session.settings["lr_decay"]) == ("constant", 0.5)
    assert session.settings.training_config().lr_schedule == "constant"
    assert load_project(old).settings["learning_rate"] == session.settings["learning_rate"]


def test_the_optimiser_and_schedule_are_saved_and_read_back(tmp_path):
    session = Session.new_mlp((2, 3, 1))
    for name, value in (("optimizer", "rprop"), ("lr_schedule", "exponential"),
                        ("lr_decay", 0.997), ("lr_step", 12)):  # fmt: skip
        session.settings.set(name, value)
    session.save(tmp_path / "saved.nnsim")
    again = Session.open(tmp_path / "saved.nnsim")
    assert {k: again.settings[k] for k in ("optimizer", "lr_schedule", "lr_decay", "lr_step")} == {
        "optimizer": "rprop", "lr_schedule": "exponential", "lr_decay": 0.997, "lr_step": 12,
    }  # fmt: skip


@pytest.mark.parametrize("optimizer", ["sgd", "rprop"])
def test_a_run_continued_goes_on_with_the_schedule_as_one_run_would(optimizer):
    session = Session.new_mlp((2, 4, 1))
    for name, value in (("seed", 3), ("optimizer", optimizer), ("learning_rate", 0.4),
                        ("lr_schedule", "step"), ("lr_decay", 0.5), ("lr_step", 30),
                        ("use_target_error", False)):  # fmt: skip
        session.settings.set(name, value)
    session.reset()
    first = list(session.train(max_epochs=45))
    second = list(session.train(max_epochs=30))
    assert (first[-1].epoch, second[-1].epoch) == (45, 75)
    # The report after epoch k carries the rate of epoch k (t = k - 1 since the reset).
    assert first[-1].learning_rate == 0.2 and second[-1].learning_rate == 0.1

    net = compile(new_mlp((2, 4, 1)), rng=3).network
    config = TrainingConfig(
        max_epochs=75, seed=3, learning_rate=0.4, optimizer=optimizer, lr_schedule="step",
        lr_decay=0.5, lr_step=30, report_interval=0.0,
    )  # fmt: skip
    losses = np.concatenate([r.losses for r in train(net, datasets.xor(), config)])
    # A new run starts the optimiser's own state again (Adam's moments, momentum, Rprop's
    # steps, from the rate of that epoch), as before schedules: plain gradient descent
    # continued is one run bit for bit, Rprop up to the first update of the second run.
    same = 75 if optimizer == "sgd" else 46
    np.testing.assert_array_equal(session.history.train[:same], losses[:same])
