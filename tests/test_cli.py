"""The nnsim command: headless training and one-line errors."""

import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnsim import cli
from nnsim.io.project import load_project
from nnsim.resource_files import resource_path


def test_train_xor_prints_progress_and_the_final_error_and_accuracy(capsys):
    assert cli.main(["train", "--example", "xor", "--epochs", "5000"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Training a 2-4-1 MLP (sigmoid; sse loss) on xor")
    progress = [line for line in lines if line.startswith("epoch")]
    epochs = [int(line.split()[1].split("/")[0]) for line in progress]
    tenths = [epoch * 10 // 5000 for epoch in epochs]
    # Reports come about 30 times a second, so a fast run has fewer than ten.
    assert len(progress) >= 2 and tenths == sorted(set(tenths)), "one line per tenth at most"
    assert progress[-1].startswith("epoch    5000/5000")
    assert lines[-1].startswith("Finished all 5000 epochs. Final error ")
    assert lines[-1].endswith("accuracy 100.0%.")


def test_a_terminal_gets_a_progress_bar():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    out = Terminal()
    args = cli.build_parser().parse_args(["train", "--example", "and", "--epochs", "100"])
    assert cli.run_training(args, out=out) == 0
    text = out.getvalue()
    assert "\r[" in text and "#" in text
    assert "Reached the target error 0" in text


def test_regression_example_reports_no_accuracy(capsys):
    assert cli.main(["train", "--example", "km_to_miles", "--epochs", "50"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert "accuracy" not in last and "Final error" in last


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["train", "--epochs", "-3"], 2, "argument --epochs: '-3' must be greater than 0"),
        (["train", "--example", "nope"], 2, "invalid choice: 'nope'"),
        (["train", "--hidden", "4,x"], 2, "--hidden wants neuron counts"),
        (["train", "--activation", "sigmod"], 1, "Unknown activation 'sigmod'"),
        (["fly"], 2, "invalid choice: 'fly'"),
    ],
)
def test_bad_arguments_exit_non_zero_with_one_line(argv, status, message, capsys):
    with pytest.raises(SystemExit) as stopped:
        sys.exit(cli.main(argv))
    assert stopped.value.code == status
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("nnsim: ")


def test_divergence_is_one_line_not_a_traceback(capsys):
    argv = [
        "train",
        "--example",
        "sine",
        "--hidden",
        "10",
        "--activation",
        "relu",
        "--learning-rate",
        "1e6",
        "--epochs",
        "50",
    ]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert "diverged" in err and "smaller learning rate" in err and "Traceback" not in err


def test_a_first_update_that_overflows_is_one_line_and_not_finished(capsys):
    """It printed 'Finished' and then a traceback."""
    argv = ["train", "--example", "sine", "--epochs", "1", "--learning-rate", "1e308"]
    assert cli.main(argv) == 1
    captured = capsys.readouterr()
    assert "Finished" not in captured.out + captured.err and "Traceback" not in captured.err
    assert "back to where they were after epoch 0" in captured.err


def test_examples_lists_every_data_set(capsys):
    assert cli.main(["examples"]) == 0
    out = capsys.readouterr().out
    for name in ("xor", "digits", "iris", "km_to_miles", "ladybird_caterpillar"):
        assert name in out


def test_python_dash_m_nnsim_runs():
    done = subprocess.run(
        [sys.executable, "-m", "nnsim", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout.startswith("nnsim 0.")


def test_nnsim_without_a_command_opens_the_window(monkeypatch):
    import nnsim.gui.app

    opened = []
    monkeypatch.setattr(nnsim.gui.app, "run", lambda project: opened.append(project) or 0)
    assert cli.main([]) == 0 and opened == [None]
    assert cli.main(["mine.nnsim"]) == 0 and opened == [None, Path("mine.nnsim")]


def example_copy(tmp_path, name="xor_2_4_1"):
    path = tmp_path / f"{name}.nnsim"
    path.write_bytes(resource_path("examples", f"{name}.nnsim").read_bytes())
    return path


def test_train_a_project_saves_weights_and_history_that_go_on_where_they_stopped(tmp_path):
    path = example_copy(tmp_path)
    assert (
        cli.main(["train", str(path), "--epochs", "300", "--out", str(tmp_path / "a.nnsim")]) == 0
    )
    first = load_project(tmp_path / "a.nnsim")
    assert len(first.history["train"]) == 300 and first.weights is not None
    assert cli.main(["train", str(tmp_path / "a.nnsim"), "--epochs", "200"]) == 0
    resumed = load_project(tmp_path / "a.nnsim")
    np.testing.assert_array_equal(resumed.history["train"][:300], first.history["train"])
    assert len(resumed.history["train"]) == 500
    assert load_project(path).weights is None  # --out left the original alone


def test_a_project_trained_headless_has_the_numbers_the_window_trains(tmp_path, qtbot, capsys):
    from PySide6.QtWidgets import QMessageBox

    from nnsim.gui.app import create_main_window

    path = example_copy(tmp_path, "iris")  # a validation share, z-scored inputs, mini-batches
    assert (
        cli.main(["train", str(path), "--epochs", "40", "--out", str(tmp_path / "cli.nnsim")]) == 0
    )
    headless = load_project(tmp_path / "cli.nnsim")
    validation = headless.history["validation"]
    last_validation = validation[~np.isnan(validation)][-1]
    assert (
        capsys.readouterr()
        .out.rstrip()
        .splitlines()[-2]
        .endswith(f", validation error {last_validation:.6g}.")
    )
    window = create_main_window()
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.files.open(path)
    for _ in range(40):
        window.training_actions["step"].trigger()
    shown = window.session.display_network
    for got, expected in zip(shown.weights, headless.weights, strict=True):
        np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(window.session.history.train, headless.history["train"])
    window.training_actions["stop"].trigger()


def test_project_training_refuses_example_options_and_a_finished_run(tmp_path, capsys):
    path = example_copy(tmp_path, "km_to_miles")
    assert cli.main(["train", str(path), "--learning-rate", "0.1"]) == 1
    assert "--learning-rate cannot be combined with a project" in capsys.readouterr().err
    assert cli.main(["train", str(path)]) == 0  # its 50 epochs
    assert cli.main(["train", str(path)]) == 1
    assert "has trained all 50 epochs" in capsys.readouterr().err
    assert cli.main(["train", "--example", "xor", "--out", "x.nnsim"]) == 1


def test_a_broken_project_is_one_line(tmp_path, capsys):
    path = tmp_path / "broken.nnsim"
    path.write_text("{ not json")
    assert cli.main(["train", str(path)]) == 1
    err = capsys.readouterr().err
    assert (
        err.startswith("nnsim: broken.nnsim is not a readable nnsim project")
        and err.count("\n") == 1
    )
