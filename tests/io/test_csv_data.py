"""CSV import: layouts guessed, columns turned into data sets, and every bad file named."""

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.engine import datasets
from nnsim.errors import DataError
from nnsim.io import csv_data
from nnsim.io.csv_data import guess_roles, make_csv_dataset, read_table, read_text
from nnsim.resource_files import resource_path


def test_iris_file_becomes_the_built_in_iris():
    table = read_table(resource_path("datasets", "iris.csv").read_text(), "iris")
    assert (table.delimiter, table.has_header) == (",", True)
    data = make_csv_dataset(table, guess_roles(table))
    built_in = datasets.iris()
    np.testing.assert_array_equal(data.X, built_in.X)
    np.testing.assert_array_equal(data.T, built_in.T)
    assert data.class_names == built_in.class_names
    assert data.feature_names == built_in.feature_names


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|", " "])
def test_delimiter_and_header_are_guessed(delimiter):
    lines = ["width length bug", "3.0 1.0 ladybird", "1.0 3.0 caterpillar", "2.5 1.2 ladybird"]
    table = read_table("\n".join(line.replace(" ", delimiter) for line in lines), "bugs")
    assert table.delimiter == delimiter
    assert table.has_header
    assert table.columns == ("width", "length", "bug")
    assert len(table.rows) == 3


def test_a_file_without_header_names_its_columns_by_number():
    table = read_table("1,2,0\n3,4,1\n", "plain")
    assert not table.has_header
    assert table.columns == ("column 1", "column 2", "column 3")
    assert table.line_of(0) == 1


def test_text_labels_become_zero_one_for_two_classes_in_order_of_appearance():
    table = read_table("x,label\n1,no\n2,yes\n3,no\n", "t")
    data = make_csv_dataset(table, ["input", "target"])
    assert data.class_names == ("no", "yes")
    np.testing.assert_array_equal(data.T.ravel(), [0, 1, 0])


def test_three_text_classes_become_one_hot_targets():
    table = read_table("x,label\n1,b\n2,c\n3,a\n4,b\n", "t")
    data = make_csv_dataset(table, ["input", "target"])
    assert data.class_names == ("b", "c", "a")
    np.testing.assert_array_equal(data.T, [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]])


def test_whole_number_labels_are_classes_sorted_by_value_and_other_numbers_are_values():
    classes = make_csv_dataset(read_table("x,y\n1,2\n2,1\n3,2\n", "t"), ["input", "target"])
    assert classes.task == "classification"
    assert classes.class_names == ("1", "2")
    np.testing.assert_array_equal(classes.y, [1, 0, 1])
    values = make_csv_dataset(
        read_table("km,miles\n100,62.137\n50,31.07\n", "t"), ["input", "target"]
    )
    assert values.task == "regression"
    np.testing.assert_array_equal(values.T.ravel(), [62.137, 31.07])
    forced = make_csv_dataset(read_table("x,y\n1,2\n2,1\n", "t"), ["input", "target"], "regression")
    assert forced.task == "regression"


def test_several_numeric_targets_are_predicted_together():
    table = read_table("a,b,t1,t2\n0.9,0.1,0.01,0.99\n0.2,0.8,0.99,0.01\n", "t")
    data = make_csv_dataset(table, ["input", "input", "target", "target"])
    assert data.task == "regression"
    assert data.T.shape == (2, 2)
    np.testing.assert_array_equal(data.T, [[0.01, 0.99], [0.99, 0.01]])


def test_ignored_columns_are_left_out():
    table = read_table("id,x,y\nA7,1,0\nB2,2,1\n", "t")
    assert guess_roles(table) == ["ignore", "input", "target"]
    data = make_csv_dataset(table, guess_roles(table))
    np.testing.assert_array_equal(data.X, [[1.0], [2.0]])


@pytest.mark.parametrize(
    ("text", "roles", "message"),
    [
        ("a,b\n1,2\n3\n", None, "Row 3 has 1 cells, but the header has 2"),
        ("a,b\n1,x\n3,4\n", ["target", "input"], "Row 2, column 2 (b) holds 'x'"),
        ("a,b\n1,2\n,4\n", None, "Row 3, column 1 (a) is empty"),
        ("a,b\n1,2\nnan,4\n", None, "Row 3, column 1 (a) holds 'nan'"),
        ("a,b\n1,2\ninf,4\n", None, "Row 3, column 1 (a) holds 'inf'"),
        ("a,b\n1,2\n", None, "has 1 data row; training needs at least 2"),
        ("", None, "holds no rows"),
        ("a,b\n1,x\n2,x\n", None, "a classifier needs 2 classes or more"),
        ("a,b\n1,2\n3,4\n", ["input", "input"], "No column is a target"),
        ("a,b\n1,2\n3,4\n", ["target", "target"], "No column is an input"),
        ("a,b,c\n1,x,y\n3,z,w\n", ["input", "target", "target"], "Class names go in one"),
        ("a,b\n1,2.5\n3,4\n", None, None),  # fine: regression
    ],
)
def test_bad_tables_are_refused_naming_the_place(text, roles, message):
    def build():
        table = read_table(text, "t")
        return make_csv_dataset(table, roles or guess_roles(table))

    if message is None:
        assert build().n_samples == 2
        return
    with pytest.raises(DataError, match=re.escape(message)):
        build()


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_data, "MAX_CSV_BYTES", 1000)
    big = tmp_path / "big.csv"
    big.write_text("1,2\n" * 300)
    with pytest.raises(DataError, match="nnsim imports CSV files of up to"):
        read_text(big)


def test_a_200_mb_file_is_refused_by_its_size(tmp_path):
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: no disk used, but 200 MB by its size
    with pytest.raises(DataError, match=r"huge\.csv is 200 MB"):
        read_text(huge)


def test_binary_and_missing_files_are_refused(tmp_path):
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\0\0\0")
    with pytest.raises(DataError, match="not a text file"):
        read_text(binary)
    with pytest.raises(DataError, match=r"Could not read nothing\.csv"):
        read_text(tmp_path / "nothing.csv")


def test_latin1_text_and_a_byte_order_mark_are_read(tmp_path):
    old = tmp_path / "old.csv"
    old.write_bytes("name,x\ncafé,1\nthé,2\n".encode("latin-1"))
    assert read_text(old) == "name,x\ncafé,1\nthé,2\n"
    marked = tmp_path / "marked.csv"
    marked.write_bytes("\ufeffname,x\ncafé,1\n".encode())
    assert read_text(marked) == "name,x\ncafé,1\n"


CELLS = st.text(alphabet='0123456789.-e,;\t x"abn\n', max_size=200)


@settings(max_examples=300, deadline=None)
@given(CELLS, st.sampled_from([None, ",", ";", "\t"]), st.sampled_from([None, True, False]))
def test_any_text_gives_a_data_set_or_a_clear_error(text, delimiter, header):
    try:
        table = read_table(text, "fuzz", delimiter, header)
        data = make_csv_dataset(table, guess_roles(table))
    except DataError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        return
    assert data.n_samples == len(table.rows) >= 2
    assert np.isfinite(data.X).all() and np.isfinite(data.T).all()


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_iris_gives_a_data_set_or_a_clear_error(data):
    lines = resource_path("datasets", "iris.csv").read_text().splitlines()[:12]
    row = data.draw(st.integers(0, len(lines) - 1))
    cells = lines[row].split(",")
    column = data.draw(st.integers(0, len(cells) - 1))
    cells[column] = data.draw(st.sampled_from(["", "nan", "x", "1e999", "3,4", '"', "-0"]))
    lines[row] = ",".join(cells)
    try:
        table = read_table("\n".join(lines), "iris")
        result = make_csv_dataset(table, guess_roles(table))
    except DataError as exc:
        assert f"Row {row + 1}" in str(exc) or "row" in str(exc).lower() or "class" in str(exc)
        return
    assert np.isfinite(result.X).all()


def test_rows_are_named_by_their_line_in_the_file_blank_lines_counted():
    text = "a,b\n\n1,2\n\n\n3,x\n"
    table = read_table(text, "gaps")
    assert table.lines == (3, 6)
    with pytest.raises(DataError, match=re.escape("Row 6, column 2 (b) holds 'x'")):
        make_csv_dataset(table, ["target", "input"])


def test_large_whole_number_labels_stay_distinct():
    table = read_table("x,y\n1,1000001\n2,1000002\n3,2000000\n", "ids")
    data = make_csv_dataset(table, ["input", "target"], "classification")
    assert data.class_names == ("1000001", "1000002", "2000000")


def test_utf16_text_from_a_spreadsheet_is_read(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes("x\ty\n1\t2\n".encode("utf-16"))
    assert read_text(path) == "x\ty\n1\t2\n"
