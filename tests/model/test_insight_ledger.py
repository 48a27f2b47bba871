"""What the Samples view reads from the sample ledger (nnsim.model.ledger), on crafted records."""

import numpy as np
import pytest

from nnsim.engine import datasets
from nnsim.model.insight import TrainingInsight
from nnsim.model.ledger import frame_at, hardest, ledger_table, misclassified

EPOCHS = np.array([10, 20, 30, 40])
ROWS = np.array(
    [[0.9, 0.5, 0.1], [0.8, 0.6, 0.1], [0.7, 0.7, 0.05], [0.2, 0.9, 0.05]], dtype=np.float32
)


def test_a_frame_is_the_newest_report_and_the_one_a_quarter_of_the_run_before():
    frame = frame_at(EPOCHS, ROWS)
    assert (frame.epoch, frame.earlier_epoch) == (40, 30)  # 40 - 40 / 4 = 30
    np.testing.assert_array_equal(frame.errors, ROWS[3])
    np.testing.assert_allclose(frame.change, ROWS[3].astype(float) - ROWS[2], atol=1e-7)
    assert frame.change[0] == pytest.approx(-0.5) and frame.change[1] > 0, "fell, grew"


def test_a_rewound_frame_is_the_report_at_or_before_the_epoch_shown():
    frame = frame_at(EPOCHS, ROWS, 29)
    assert (frame.epoch, frame.earlier_epoch) == (20, 10)  # 20 - 5 = 15: the one kept before
    np.testing.assert_array_equal(frame.errors, ROWS[1])
    assert frame_at(EPOCHS, ROWS, 9) is None, "no report kept by epoch 9"
    first = frame_at(EPOCHS, ROWS, 10)
    assert first.earlier_epoch == 10 and not first.change.any(), "nothing before: no change"


def test_the_hardest_come_largest_first_ties_by_index_as_the_insight_orders_them():
    errors = np.array([0.1, 0.7, 0.3, 0.7, 0.0], dtype=np.float32)
    np.testing.assert_array_equal(hardest(errors, 3), [1, 3, 2])
    insight = TrainingInsight()
    insight.ledger.add(5, errors)
    np.testing.assert_array_equal(hardest(errors, 5), insight.hardest(5))


def test_misclassified_samples_are_listed_worst_first_and_capped():
    y = np.array([0, 1, 2, 1, 0, 2])
    predicted = np.array([0, 2, 2, 0, 1, 2])
    errors = np.array([5.0, 0.4, 3.0, 0.9, 0.1, 0.2])
    np.testing.assert_array_equal(misclassified(y, predicted, errors, 10), [3, 1, 4])
    np.testing.assert_array_equal(misclassified(y, predicted, errors, 2), [3, 1])
    assert misclassified(y, y, errors, 10).size == 0


def test_the_csv_table_has_every_sample_its_classes_and_its_errors_over_the_run():
    data = datasets.make_dataset("three", "", [[0.0], [1.0], [2.0]], [0, 1, 1],
                                 class_names=("no", "yes"))  # fmt: skip
    outputs = np.array([[0.2], [0.3], [0.9]])  # sample 2 is read as "no"
    header, rows = ledger_table(data, outputs, frame_at(EPOCHS, ROWS), EPOCHS, ROWS)
    assert header == ["sample", "class", "predicted", "error at epoch 40", "error at epoch 10",
                      "error at epoch 20", "error at epoch 30", "error at epoch 40"]  # fmt: skip
    assert [row[:3] for row in rows] == [[1, "no", "no"], [2, "yes", "no"], [3, "yes", "yes"]]
    np.testing.assert_allclose([row[3] for row in rows], ROWS[3])
    np.testing.assert_allclose(np.array([row[4:] for row in rows]), ROWS.T)


def test_the_csv_table_of_regression_holds_targets_and_outputs():
    data = datasets.make_dataset("two", "", [[0.0], [1.0]], [[1.0, 2.0], [3.0, 4.0]],
                                 task="regression")  # fmt: skip
    outputs = np.array([[1.5, 2.5], [2.0, 4.0]])
    rows2 = ROWS[:, :2]
    header, rows = ledger_table(data, outputs, frame_at(EPOCHS, rows2), EPOCHS, rows2)
    assert header[:6] == ["sample", "target 1", "target 2", "output 1", "output 2",
                          "error at epoch 40"]  # fmt: skip
    assert rows[1][:5] == [2, 3.0, 4.0, 2.0, 4.0]


def test_a_long_ledger_gives_the_csv_file_at_most_its_limit_of_epochs():
    epochs = np.arange(1, 201)
    rows = np.tile(np.arange(200, dtype=np.float32)[:, None], (1, 2))
    data = datasets.make_dataset("two", "", [[0.0], [1.0]], [0, 1])
    header, table = ledger_table(data, np.zeros((2, 1)), frame_at(epochs, rows), epochs, rows)
    kept = [int(name.rsplit(" ", 1)[1]) for name in header[4:]]
    assert len(kept) <= 64 and kept[0] == 1 and np.all(np.diff(kept) == np.diff(kept)[0])
    assert len(table[0]) == len(header)
