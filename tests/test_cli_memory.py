"""nnsim recall and nnsim capacity: the model's numbers without a window; bad input in one line."""

import json

import numpy as np
import pytest

from nnsim import cli
from nnsim.cli_memory import capacity_shares, corrupted_recall
from nnsim.io.project import load_project, save_project
from nnsim.model.memory import PatternMemory, capacity_trials
from nnsim.model.session import Session
from nnsim.resource_files import resource_path

# Three 5 x 5 letters: T, L and X.
LETTERS = {
    "T": "#####..#....#....#....#..",
    "L": "#....#....#....#....#####",
    "X": "#...#.#.#...#...#.#.#...#",
}


def cells(text):
    return np.array([1.0 if c == "#" else -1.0 for c in text])


def saved_memory(tmp_path, rule="storkey"):
    session = Session.new_hopfield(5)
    session.memory.add_patterns([(name, cells(text)) for name, text in LETTERS.items()])
    session.memory.store(rule)
    path = tmp_path / "letters.nnsim"
    session.save(path)
    return path


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("nnsim: ") and err.count("\n") == 1, err
    return err


def test_recall_prints_the_numbers_of_the_model_called_directly(tmp_path, capsys):
    path = saved_memory(tmp_path)
    argv = ["recall", str(path), "--pattern", "2", "--noise", "0.2", "--seed", "7"]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    memory = Session.open(path).memory
    probe, energy, process = corrupted_recall(memory, 1, 0.2, "async", 7)
    # the window's Corrupt: PatternMemory.corrupt on the stored pattern, from the same generator
    rng = np.random.default_rng(7)
    alike = PatternMemory(5, 5)
    alike.set_current(cells(LETTERS["L"]))
    alike.corrupt(0.2, rng)
    np.testing.assert_array_equal(probe, alike.current)
    assert int(np.sum(probe != cells(LETTERS["L"]))) == 5  # 20% of 25 cells
    # and Hopfield.recall from the generator where Corrupt left it
    result = memory.network.recall(probe, rng=rng)
    np.testing.assert_array_equal(process.state, result.state)
    assert (energy, process.energy) == (result.energies[0], result.energies[-1])
    assert out[0].startswith("Recalling 'L' (stored pattern 2 of 3, 5x5 grid, storkey rule)")
    assert "from 5 flipped cells" in out[0] and "T =" not in out[0]
    start, final = memory.network.overlaps(probe), memory.network.overlaps(result.state)
    for row, name, before, after in zip(out[2:5], LETTERS, start, final, strict=True):
        assert row.split() == [repr(name), f"{before:.3f}", f"{after:.3f}"]
    assert out[5] == f"energy {result.energies[0]:.6g} -> {result.energies[-1]:.6g}"
    assert out[6] == f"sweeps {result.sweeps}, converged: {'yes' if result.converged else 'no'}"
    grid = "".join(out[-5:])
    np.testing.assert_array_equal(cells(grid), result.state)


def test_recall_at_a_temperature_draws_from_the_seed_and_does_not_settle(tmp_path, capsys):
    path = saved_memory(tmp_path)
    argv = ["recall", str(path), "--pattern", "1", "--temperature", "50", "--seed", "4"]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("async recall, T = 50.")
    assert (
        out[6] == "sweeps 30, converged: no"
    )  # at T > 0 recall runs every sweep: 30 as the window
    memory = Session.open(path).memory
    _, _, process = corrupted_recall(memory, 0, 0.2, "async", 4, temperature=50.0)
    assert process.sweep == 30 and not process.converged
    np.testing.assert_array_equal(cells("".join(out[-5:])), process.state)
    _, _, short = corrupted_recall(memory, 0, 0.2, "sync", 4, temperature=50.0, sweeps=5)
    assert short.sweep == 5 and not short.converged
    _, _, cold = corrupted_recall(memory, 0, 0.2, "async", 4)
    assert cold.converged and not np.array_equal(cold.state, process.state)


def test_recall_by_name_in_sync_mode_comes_back_to_the_letter(tmp_path, capsys):
    path = saved_memory(tmp_path, rule="pseudoinverse")
    argv = ["recall", str(path), "--pattern", "X", "--noise", "0.08", "--mode", "sync"]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[4].split()[-1] == "1.000"  # X's final overlap
    assert "Converged to the stored pattern 'X'." in out
    assert "".join(out[-5:]) == LETTERS["X"]


def test_a_dense_memory_recalls_cold_and_hot(tmp_path, capsys):
    path = saved_memory(tmp_path, rule="dense")
    assert cli.main(["recall", str(path), "--pattern", "T", "--noise", "0.2", "--seed", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "dense rule" in out[0] and "Converged to the stored pattern 'T'." in out
    assert "".join(out[-5:]) == LETTERS["T"]
    argv = ["recall", str(path), "--pattern", "T", "--temperature", "1", "--sweeps", "7"]
    assert cli.main(argv) == 0
    assert "sweeps 7, converged: no" in capsys.readouterr().out.splitlines()


def test_capacity_prints_the_dialogs_means_of_the_trials(tmp_path, capsys):
    csv = tmp_path / "capacity.csv"
    argv = ["capacity", "--rule", "hebb", "--n", "64", "--loads", "0.05:0.25:0.1",
            "--trials", "4", "--seed", "3", "--csv", str(csv)]  # fmt: skip
    assert cli.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert "theory (few errors): 0.138 N = load 0.138" in out
    loads = (0.05, 0.15, 0.25)
    trials = list(capacity_trials(64, "hebb", loads, 4, rng=np.random.default_rng(3)))
    assert len(trials) == 12
    shares = np.array([[np.mean([t[m] for t in trials if t[0] == k]) for k in range(3)]
                       for m in (1, 2)])  # fmt: skip
    np.testing.assert_allclose(capacity_shares(64, "hebb", loads, 4, 3), shares, rtol=0, atol=1e-15)
    rows = [line.split() for line in out[-4:-1]]
    assert [row[:2] for row in rows] == [["0.05", "3"], ["0.15", "10"], ["0.25", "16"]]
    assert [float(row[2]) for row in rows] == [round(v, 3) for v in shares[0]]
    assert [float(row[3]) for row in rows] == [round(v, 3) for v in shares[1]]
    assert shares[1, 0] == 1.0 and shares[0, 2] < shares[0, 0]  # Hebb fails as the load grows
    lines = csv.read_text().splitlines()
    assert lines[0] == "load,patterns,exact,few_errors" and lines[1].startswith("0.05,3,")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--pattern", "4"], "the memory stores patterns 1 to 3"),
        (["--pattern", "0"], "the memory stores patterns 1 to 3"),
        (["--pattern", "\x1b[2J"], "'\\x1b[2J': no stored pattern has that name"),
        (["--pattern", "1", "--noise", "1.5"], "Flip between 0% and 50% of the cells, not 150%"),
        (["--pattern", "1", "--noise", "-0.1"], "Flip between 0% and 50%"),
        (["--pattern", "1", "--temperature", "-1"], "The temperature must be a number, 0 or more"),
    ],
)
def test_recall_refuses_what_the_memory_does_not_hold_in_one_line(tmp_path, capsys, argv, message):
    path = saved_memory(tmp_path)
    assert cli.main(["recall", str(path), *argv]) == 2
    assert message in one_line(capsys)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["recall", "x.nnsim", "--pattern", "1", "--noise", "nan"], "'nan' is not a finite number"),
        (["recall", "x.nnsim", "--pattern", "1", "--mode", "both"], "invalid choice: 'both'"),
        (["recall", "x.nnsim", "--pattern", "1", "--temperature", "inf"], "'inf' is not a finite"),
        (["recall", "x.nnsim"], "--pattern"),
        (["recall", "x.nnsim", "--pattern", "1", "--sweeps", "0"], "'0' must be from 1 to 10,000"),
        (["capacity", "--rule", "oja"], "invalid choice: 'oja'"),
        (["capacity", "--n", "1"], "'1' must be from 2 to 16,384"),
        (["capacity", "--loads", "0:0.3:0.1"], "each above 0 and at most 10 "),
        (["capacity", "--loads", "10.5"], "each above 0 and at most 10 "),
        (["capacity", "--loads", "0.1:0.3:0"], "STEP > 0"),
        (["capacity", "--loads", "0.1,inf"], "'inf' is not a finite number"),
        (["capacity", "--trials", "0"], "'0' must be from 1"),
    ],
)
def test_bad_arguments_are_one_line_and_status_2(capsys, argv, message):
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2
    assert message in one_line(capsys)


def test_a_missing_file_or_an_mlp_project_or_nothing_stored_is_one_line(tmp_path, capsys):
    assert cli.main(["recall", str(tmp_path / "no\nsuch.nnsim"), "--pattern", "1"]) == 2
    assert "no\\nsuch.nnsim" in one_line(capsys)
    mlp = tmp_path / "xor.nnsim"
    save_project(mlp, load_project(resource_path("examples", "xor_2_2_1.nnsim")))
    assert cli.main(["recall", str(mlp), "--pattern", "1"]) == 2
    assert "xor.nnsim is not a Hopfield memory" in one_line(capsys)
    empty = tmp_path / "empty.nnsim"
    Session.new_hopfield(5).save(empty)
    assert cli.main(["recall", str(empty), "--pattern", "1"]) == 2
    assert "empty.nnsim has no patterns stored" in one_line(capsys)


def test_more_patterns_than_nnsim_keeps_are_refused_before_any_trial(capsys):
    assert cli.main(["capacity", "--n", "16384", "--loads", "0.01,0.1", "--trials", "1"]) == 2
    assert "stores 1,638 patterns; nnsim keeps up to 1,000" in one_line(capsys)


def test_the_dense_rules_theory_is_its_interactions(capsys):
    argv = ["capacity", "--rule", "dense", "--n", "20", "--loads", "0.5", "--trials", "1"]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "theory (exact): N^2 / (18 ln N) = load 0.3709"  # 20 / (18 ln 20)
    assert out[-1].split()[:2] == ["0.5", "10"]


def test_a_tampered_memory_is_refused_in_one_line(tmp_path, capsys):
    path = saved_memory(tmp_path)
    content = json.loads(path.read_text())
    content["memory"]["rule"] = float("nan")
    path.write_text(json.dumps(content))
    assert cli.main(["recall", str(path), "--pattern", "1"]) == 2
    assert "storage rule is unknown" in one_line(capsys)
