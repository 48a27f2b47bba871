"""CSV files as spreadsheets and old machines write them (issue 14, section 6).

A new user's files were refused or misread: decimal commas with ";" between
fields, old Mac line endings; and ``1_000`` was read as a thousand, because
Python's float() reads it so.
"""

import re

import numpy as np
import pytest

from nnsim.errors import DataError
from nnsim.io.csv_data import guess_roles, make_csv_dataset, parse_number, read_table

#: Body heights (m) and masses (kg) as a German or French spreadsheet saves them.
EUROPEAN = "Größe;Masse;Art\n1,52;48,5;a\n1,60;55;a\n1,83;80,25;b\n1,91;92,0;b\n"


def test_a_semicolon_file_with_decimal_commas_is_read():
    table = read_table(EUROPEAN, "people")
    assert (table.delimiter, table.decimal, table.has_header) == (";", ",", True)
    assert table.columns == ("Größe", "Masse", "Art")
    data = make_csv_dataset(table, guess_roles(table))
    np.testing.assert_array_equal(data.X, [[1.52, 48.5], [1.60, 55.0], [1.83, 80.25], [1.91, 92.0]])
    assert data.class_names == ("a", "b")


def test_without_a_header_the_decimal_commas_still_win_over_commas_as_delimiter():
    table = read_table(EUROPEAN.split("\n", 1)[1], "people")
    assert (table.delimiter, table.decimal, table.has_header) == (";", ",", False)
    assert len(table.columns) == 3


def test_a_semicolon_file_with_decimal_points_keeps_them():
    table = read_table("a;b;c\n1.5;2;x\n3;4.25;y\n", "t")
    assert (table.delimiter, table.decimal) == (";", ".")
    np.testing.assert_array_equal(
        make_csv_dataset(table, guess_roles(table)).X, [[1.5, 2], [3, 4.25]]
    )


def test_a_comma_file_keeps_the_decimal_point_and_refuses_a_decimal_comma():
    table = read_table("a,b\n1.5,0\n2.5,1\n", "t")
    assert (table.delimiter, table.decimal) == (",", ".")
    with pytest.raises(DataError, match="cannot be the decimal separator"):
        read_table("a,b\n1.5,0\n2.5,1\n", "t", ",", True, ",")


@pytest.mark.parametrize("cell", ["1_000", "1__0", "_1", "1 000", "0x10", "1e", "١٢"])
def test_cells_float_might_take_are_not_numbers(cell):
    assert parse_number(cell) is None
    table = read_table(f"x,y\n{cell},0\n2,1\n", "t")
    with pytest.raises(DataError, match=re.escape(f"Row 2, column 1 (x) holds {cell!r}")):
        make_csv_dataset(table, ["input", "target"])


@pytest.mark.parametrize(
    ("cell", "decimal", "value"),
    [("1.5", ".", 1.5), ("-.5e3", ".", -500.0), ("+2", ".", 2.0), ("1,52", ",", 1.52),
     (",5", ",", 0.5), ("3", ",", 3.0)],
)  # fmt: skip
def test_numbers_as_tables_write_them(cell, decimal, value):
    assert parse_number(cell, decimal) == value


def test_not_finite_cells_are_still_named_as_such():
    table = read_table("x,y\nNaN,0\n2,1\n", "t")
    with pytest.raises(DataError, match="use a finite number"):
        make_csv_dataset(table, ["input", "target"])


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_every_line_ending_reads_the_same_rows_and_line_numbers(ending):
    text = ending.join(["x,y,k", "1.5,2,a", "", "3,4,b", "5,6,a"]) + ending
    table = read_table(text, "t")
    assert table.has_header and table.columns == ("x", "y", "k")
    assert table.rows == (("1.5", "2", "a"), ("3", "4", "b"), ("5", "6", "a"))
    assert table.lines == (2, 4, 5), "blank lines still counted"
    data = make_csv_dataset(table, guess_roles(table))
    np.testing.assert_array_equal(data.X[:, 0], [1.5, 3, 5])
