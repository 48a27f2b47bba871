"""``nnsim export-training``: a project's training as a script, a notebook or a PyTorch script."""

import subprocess
import sys

import nbformat
import numpy as np
import pytest

from nnsim import cli
from nnsim.resource_files import resource_path

XOR = resource_path("examples", "xor_2_2_1.nnsim")


def test_the_script_it_writes_trains_to_the_weights_of_nnsim_train(tmp_path, capsys):
    trained = tmp_path / "xor.nnsim"
    assert cli.main(["train", str(XOR), "--epochs", "200", "--out", str(trained)]) == 0
    script = tmp_path / "xor.py"
    assert cli.main(["export-training", str(trained), "--script", str(script)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"Wrote {script}."
    done = subprocess.run(
        [sys.executable, str(script), "--save", str(tmp_path / "w.npz")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "Trained 200 epochs" in done.stdout
    # Same machine, same NumPy: the script's arithmetic is the engine's, to the bit.
    assert "The weights are nnsim's after epoch 200, bit for bit." in done.stdout
    with np.load(tmp_path / "w.npz") as weights:
        assert sorted(weights) == ["W1", "W2", "b1", "b2"]


@pytest.mark.parametrize(("option", "name"), [("--notebook", "x.ipynb"), ("--torch", "x.py")])
def test_it_writes_a_notebook_or_a_torch_script(tmp_path, option, name):
    out = tmp_path / name
    assert cli.main(["export-training", str(XOR), option, str(out)]) == 0
    if option == "--notebook":
        nbformat.validate(nbformat.read(out, as_version=4))
    else:
        compile(out.read_text(encoding="utf-8"), name, "exec")
        assert "import torch" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["export-training", str(XOR)], 2, "one of the arguments --script --notebook --torch"),
        (
            ["export-training", str(XOR), "--script", "a.py", "--torch", "b.py"],
            2,
            "not allowed with argument",
        ),
        (["export-training", "missing.nnsim", "--script", "a.py"], 1, "Could not read"),
        (
            ["export-training", str(resource_path("examples", "hopfield_letters.nnsim")),
             "--notebook", "a.ipynb"],
            1,
            "This export is for trained networks",
        ),
    ],
)  # fmt: skip
def test_problems_are_one_line_on_stderr_with_an_exit_status(
    tmp_path, monkeypatch, capsys, argv, status, message
):
    monkeypatch.chdir(tmp_path)
    try:
        result = cli.main(argv)
    except SystemExit as stopped:
        result = stopped.code
    assert result == status
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("nnsim: ") and message in line
    assert not list(tmp_path.iterdir()), "nothing is written"


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path, capsys):
    out = tmp_path / "no such folder" / "x.py"
    assert cli.main(["export-training", str(XOR), "--script", str(out)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("nnsim: Cannot write in ")
