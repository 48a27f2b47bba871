"""The command line with hostile files, names and arguments: one line on stderr, never a traceback.

Output goes to streams that cannot encode a lone surrogate (pytest's capture
encodes strict UTF-8, like a terminal in a UTF-8 locale), so a name that
is not valid Unicode fails these tests unless the command line escapes it.
"""

import json
import os

import pytest

from nnsim import cli
from nnsim.io.project import load_project, save_project
from nnsim.model.limits import MAX_WEIGHTS
from nnsim.model.settings import MAX_EPOCHS
from nnsim.resource_files import resource_path


def example(tmp_path, name="xor_2_2_1.nnsim", target=None):
    path = target or tmp_path / name
    save_project(path, load_project(resource_path("examples", "xor_2_2_1.nnsim")))
    return path


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("nnsim: ") and err.count("\n") == 1, err
    return err


def test_a_settings_key_that_is_no_setting_is_one_line(tmp_path, capsys):
    path = example(tmp_path)
    content = json.loads(path.read_text())
    content["settings"]["custom_data"] = [[1, 2], [3, 4]]
    path.write_text(json.dumps(content))
    assert cli.main(["train", str(path)]) == 1
    assert "no setting called 'custom_data'" in one_line(capsys)


def test_a_name_with_a_lone_surrogate_and_control_characters_prints_on_one_line(tmp_path, capsys):
    path = example(tmp_path)
    content = json.loads(path.read_text())
    content["document"]["name"] = "net \ud800 \x1b[2J\nrm -rf"
    path.write_text(json.dumps(content))
    assert cli.main(["train", str(path), "--epochs", "2", "--out", str(tmp_path / "o.nnsim")]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("Training net \ufffd \\x1b[2J\\nrm -rf (")
    assert "\x1b" not in out


def test_a_file_name_that_is_not_utf8_is_printed_escaped(tmp_path, capsys):
    path = example(tmp_path, target=tmp_path / os.fsdecode(b"caf\xe9.nnsim"))
    assert cli.main(["train", str(path), "--epochs", "2"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].endswith("caf\\udce9.nnsim.")


def test_an_error_naming_a_file_with_a_newline_is_one_line(tmp_path, capsys):
    assert cli.main(["train", str(tmp_path / "two\nlines.nnsim")]) == 1
    assert "two\\nlines.nnsim" in one_line(capsys)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["train", "--seed", "-1"], "--seed: '-1' must be"),
        (["train", "--seed", "1" * 5000], "--seed: '11111111111111111111"),
        # (a bad learning rate after them stops a run that accepted them: 10 million epochs)
        (
            ["train", "--epochs", str(MAX_EPOCHS + 1), "--learning-rate", "0"],
            f"at most {MAX_EPOCHS:,}",
        ),
        (["train", "--\ud800"], "unrecognized arguments: --\\ud800"),
        (["train", "--example", "\x1b[2J"], "invalid choice: '\\x1b[2J'"),
    ],
)
def test_bad_arguments_are_one_line(argv, message, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2
    err = one_line(capsys)
    assert message in err and len(err) < 300, err


def test_hidden_layers_too_big_are_refused_before_they_are_built(capsys):
    assert cli.main(["train", "--hidden", "50000,50000", "--epochs", "1"]) == 1
    err = one_line(capsys)
    assert "2,500,150,000 weights" in err and f"{MAX_WEIGHTS:,}" in err


def test_saving_over_a_fifo_is_one_line(tmp_path, capsys):
    path = example(tmp_path)
    os.mkfifo(tmp_path / "pipe.nnsim")
    argv = ["train", str(path), "--epochs", "1", "--out", str(tmp_path / "pipe.nnsim")]
    assert cli.main(argv) == 1
    assert "pipe.nnsim is a pipe (FIFO), not a regular file" in one_line(capsys)
