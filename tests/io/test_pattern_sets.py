"""Pattern set files: the built-in sets, a round trip, and files that are not sets."""

import numpy as np
import pytest

from nnsim.errors import DataError
from nnsim.io.pattern_sets import (
    BUILT_IN,
    PatternSet,
    built_in_set,
    read_pattern_set,
    write_pattern_set,
)


@pytest.mark.parametrize(
    ("stem", "side", "count"), [("letters", 10, 26), ("digits", 10, 10), ("shapes", 32, 12)]
)
def test_built_in_sets_have_their_patterns(stem, side, count):
    patterns = built_in_set(stem)
    assert (patterns.rows, patterns.columns, len(patterns.patterns)) == (side, side, count)
    cells = np.array([c for _, c in patterns.patterns])
    assert set(np.unique(cells)) == {-1.0, 1.0}
    assert len({c.tobytes() for c in cells}) == count  # no two alike
    assert stem in BUILT_IN


def test_a_written_set_reads_back(tmp_path):
    cells = np.where(np.arange(25) % 3 == 0, 1.0, -1.0)
    write_pattern_set(tmp_path / "mine.txt", PatternSet("Mine", 5, 5, [("dots", cells)]))
    again = read_pattern_set(tmp_path / "mine.txt")
    assert again.title == "Mine" and again.patterns[0][0] == "dots"
    np.testing.assert_array_equal(again.patterns[0][1], cells)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# t\n= A\n#####\n", "no 'size ROWS x COLUMNS' line"),
        ("size 5 by five\n", "line 1: write the size"),
        ("size ² x 2\n= A\n##\n", "line 1: write the size"),  # a digit to isdigit(), not int()
        ("size " + "9" * 5000 + " x 2\n", "line 1: write the size"),  # int() refuses 5,000 digits
        ("size 2 x 2\n##\n", "line 2: a pattern starts with '= name'"),
        ("size 2 x 2\n= A\n##\n", "pattern 'A' has 1 rows, not 2"),
        ("size 2 x 2\n= A\n##\n#x\n", "line 4: a row of 'A' needs 2 cells"),
        ("size 2 x 2\n", "holds no patterns"),
    ],
)
def test_files_that_are_not_sets_are_refused_naming_the_line(tmp_path, text, message):
    path = tmp_path / "bad.txt"
    path.write_text(text)
    with pytest.raises(DataError, match=message.replace("(", r"\(")):
        read_pattern_set(path)
