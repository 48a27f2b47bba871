"""The nnsim command: headless training and one-line errors."""

import io
import subprocess
import sys

import pytest

from nnsim import cli


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
    monkeypatch.setattr(nnsim.gui.app, "run", lambda: opened.append(True) or 0)
    assert cli.main([]) == 0 and opened == [True]
