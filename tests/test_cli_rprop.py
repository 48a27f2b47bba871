"""nnsim train with the new optimisers and a learning-rate schedule."""

import pytest

from nnsim import cli
from nnsim.resource_files import resource_path


def test_rprop_learns_xor_from_the_command_line(capsys):
    argv = ["train", "--optimizer", "rprop", "--learning-rate", "0.1", "--epochs", "400",
            "--target-error", "0.001"]  # fmt: skip
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "Reached the target error 0.001" in out and "accuracy 100.0%" in out


def test_a_schedule_is_taken_and_a_bad_decay_refused(capsys):
    argv = ["train", "--lr-schedule", "step", "--lr-decay", "0.5", "--lr-step", "10",
            "--epochs", "20"]  # fmt: skip
    assert cli.main(argv) == 0
    assert "Finished all 20 epochs." in capsys.readouterr().out
    assert cli.main(["train", "--lr-schedule", "exponential", "--lr-decay", "2", "--epochs", "3"])
    assert "decay must be above 0 and at most 1, not 2.0" in capsys.readouterr().err


def test_a_project_refuses_schedule_options(tmp_path, capsys):
    project = str(resource_path("examples", "xor_2_4_1.nnsim"))
    assert cli.main(["train", project, "--lr-schedule", "step", "--out", str(tmp_path / "o")])
    assert "--lr-schedule cannot be combined with a project" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["irprop-", "adam"])
def test_every_optimiser_is_a_choice(name, capsys):
    assert cli.main(["train", "--optimizer", name, "--learning-rate", "0.05", "--epochs", "5"]) == 0
