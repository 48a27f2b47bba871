"""CSV tables whose size would cost far more than their bytes are refused before allocating.

A 259 KB file with 30,000 different text labels asked for a 30,000-class
one-hot table (6.7 GiB).  Each case runs under ``bounded``: 1 GiB more at most.
"""

import pytest
from test_safe_read import bounded

from nnsim.errors import DataError
from nnsim.io import csv_data
from nnsim.io.csv_data import guess_roles, make_csv_dataset, read_table
from nnsim.model.limits import MAX_CLASSES, MAX_INPUTS


def test_30000_text_labels_are_refused_naming_the_number_and_the_limit():
    text = "x,label\n" + "".join(f"{k % 7},name{k}\n" for k in range(30_000))
    assert 250_000 < len(text) < 600_000
    table = read_table(text, "names")
    with bounded(10), pytest.raises(DataError, match="30,000 different classes") as caught:
        make_csv_dataset(table, guess_roles(table))
    assert f"{MAX_CLASSES:,}" in str(caught.value)


def test_as_many_classes_as_the_limit_are_fine():
    text = "x,label\n" + "".join(f"{k},c{k % MAX_CLASSES}\n" for k in range(2 * MAX_CLASSES))
    table = read_table(text, "many")
    with bounded(10):
        data = make_csv_dataset(table, ["input", "target"])
    assert len(data.class_names) == MAX_CLASSES


def test_more_inputs_than_the_limit_are_refused_before_converting_them():
    width = MAX_INPUTS + 1
    text = "\n".join(",".join(["1"] * width + ["a" if row % 2 else "b"]) for row in range(3))
    table = read_table(text, "wide")
    with bounded(10), pytest.raises(DataError, match=f"{width:,} inputs"):
        make_csv_dataset(table, guess_roles(table))


def test_reading_stops_past_the_cell_limit(monkeypatch):
    monkeypatch.setattr(csv_data, "MAX_CSV_CELLS", 1000)
    text = "a,b\n" + "1,2\n" * 600
    with pytest.raises(DataError, match="more than 1,000 cells"):
        read_table(text, "long")
    assert len(read_table("a,b\n" + "1,2\n" * 400, "short").rows) == 400


def test_reading_stops_past_the_row_limit(monkeypatch):
    monkeypatch.setattr(csv_data, "MAX_CSV_ROWS", 100)
    with pytest.raises(DataError, match="more than 100 rows"):
        read_table("a\n" * 150, "tall")
