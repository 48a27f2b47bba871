"""Exports: written whole or not at all, floats exactly, failures in plain words."""

import csv
import errno

import numpy as np
import pytest

from nnsim.errors import ExportError
from nnsim.io import replacing, write_csv


def test_csv_floats_read_back_bit_for_bit(tmp_path):
    values = np.random.default_rng(0).normal(size=5)
    path = tmp_path / "errors.csv"
    write_csv(path, ["epoch", "error"], [(k + 1, float(v)) for k, v in enumerate(values)])
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["epoch", "error"]
    assert [float(r[1]) for r in rows[1:]] == values.tolist()
    assert [p.name for p in tmp_path.iterdir()] == ["errors.csv"], "no temporary left"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "plot.svg"
    path.write_text("the old plot")
    with pytest.raises(RuntimeError), replacing(path) as temporary:
        temporary.write_text("half a plot")
        raise RuntimeError("the renderer failed")
    assert path.read_text() == "the old plot"
    assert [p.name for p in tmp_path.iterdir()] == ["plot.svg"]


def test_a_read_only_folder_is_named(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("nnsim.io.exports.tempfile.mkstemp", refuse)
    with pytest.raises(ExportError, match=r"Cannot write in .*: Permission denied"):
        write_csv(tmp_path / "x.csv", ["a"], [[1]])


def test_a_full_disk_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "x.csv"
    path.write_text("old")

    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("nnsim.io.exports.os.replace", disk_full)
    with pytest.raises(ExportError, match=r"Could not write x\.csv: No space left on device"):
        write_csv(path, ["a"], [[1]])
    assert path.read_text() == "old" and len(list(tmp_path.iterdir())) == 1


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(ExportError, match=r"Cannot write in .*nowhere"):
        write_csv(tmp_path / "nowhere" / "x.csv", ["a"], [[1]])


def test_tables_hold_every_epoch_sample_and_weight():
    from nnsim.engine import datasets
    from nnsim.io.tables import error_table, predictions_table, weights_table

    header, rows = error_table(np.arange(1, 4), np.array([0.5, 0.25, 0.125]), np.full(3, np.nan))
    assert header == ["epoch", "training error", "validation error"]
    assert [r[:2] for r in rows] == [[1, 0.5], [2, 0.25], [3, 0.125]]
    data = datasets.xor()
    header, rows = predictions_table(data, np.array([[0.1], [0.9], [0.8], [0.2]]))
    assert header == [*data.feature_names, "target", "output 1"] and len(rows) == 4
    assert rows[1] == [*data.X[1].tolist(), data.y[1].item(), 0.9]
    header, rows = weights_table([np.array([[1.0, 2.0]]), np.array([[3.0]])])
    assert rows == [[1, 1, 1, 1.0], [1, 1, 2, 2.0], [2, 1, 1, 3.0]]
    _, rows = weights_table([np.array([[1.0, 2.0]])], [np.array([0.5])])
    assert rows[-1] == [1, 1, "bias", 0.5]


def test_a_new_file_is_readable_by_all_and_a_replaced_one_keeps_its_mode(tmp_path):
    new = tmp_path / "new.csv"
    write_csv(new, ["a"], [[1.0]])
    assert new.stat().st_mode & 0o777 == 0o644
    private = tmp_path / "private.csv"
    private.write_text("old")
    private.chmod(0o600)
    write_csv(private, ["a"], [[2.0]])
    assert private.stat().st_mode & 0o777 == 0o600
    assert private.read_text().splitlines() == ["a", "2.0"]


def test_names_a_spreadsheet_would_run_as_formulas_stay_text(tmp_path):
    path = tmp_path / "predictions.csv"
    header = ['=HYPERLINK("http://x","y")', "height", "@SUM(A1:A9)"]
    write_csv(path, header, [["+cmd|' /C calc'!A0", "-1", -0.5], ["ladybird", "1e3", 2.0]])
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ['\'=HYPERLINK("http://x","y")', "height", "'@SUM(A1:A9)"]
    assert rows[1] == ["'+cmd|' /C calc'!A0", "-1", "-0.5"], "numbers stay numbers"
    assert rows[2] == ["ladybird", "1e3", "2.0"]
