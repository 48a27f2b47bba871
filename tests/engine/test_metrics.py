"""Metrics against counts worked out by hand."""

import numpy as np
import pytest

from nnsim.engine import metrics
from nnsim.errors import ConfigError, DataError

# Three classes; by hand: class 0 has TP 2, FP 1, FN 1; class 1 TP 1, FP 1, FN 1;
# class 2 TP 1, FP 0, FN 0.
Y_TRUE = [0, 0, 0, 1, 1, 2]
Y_PRED = [0, 0, 1, 1, 0, 2]


def test_confusion_matrix_rows_are_true_classes():
    expected = [[2, 1, 0], [1, 1, 0], [0, 0, 1]]
    np.testing.assert_array_equal(metrics.confusion_matrix(Y_TRUE, Y_PRED), expected)
    assert metrics.confusion_matrix([0, 1], [0, 1], n_classes=4).shape == (4, 4)


def test_accuracy_precision_recall_f1():
    assert metrics.accuracy(Y_TRUE, Y_PRED) == pytest.approx(4 / 6)
    np.testing.assert_allclose(metrics.precision(Y_TRUE, Y_PRED), [2 / 3, 1 / 2, 1.0])
    np.testing.assert_allclose(metrics.recall(Y_TRUE, Y_PRED), [2 / 3, 1 / 2, 1.0])
    np.testing.assert_allclose(metrics.f1(Y_TRUE, Y_PRED), [2 / 3, 1 / 2, 1.0])
    assert metrics.f1(Y_TRUE, Y_PRED, average="macro") == pytest.approx((2 / 3 + 1 / 2 + 1) / 3)


def test_a_class_never_predicted_scores_zero_not_nan():
    precision, recall, f1 = metrics.precision_recall_f1([0, 1, 1], [0, 0, 0])
    assert precision.tolist() == [1 / 3, 0.0] and recall.tolist() == [1.0, 0.0]
    assert f1[1] == 0.0


def test_labels_from_outputs():
    assert metrics.labels_from_outputs(np.array([[0.2], [0.5], [0.9]])).tolist() == [0, 1, 1]
    assert metrics.labels_from_outputs(np.array([[0.1, 0.7, 0.2]])).tolist() == [1]


def test_bad_input():
    with pytest.raises(DataError, match="3 true labels but 2 predictions"):
        metrics.accuracy([0, 1, 1], [0, 1])
    with pytest.raises(DataError, match="no labels"):
        metrics.accuracy([], [])
    with pytest.raises(ConfigError, match="Unknown average"):
        metrics.f1([0], [0], average="micro-ish")
