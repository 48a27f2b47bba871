r"""Classification metrics: accuracy, confusion matrix, precision, recall and F1.

For class ``k`` with true positives :math:`TP_k`, false positives :math:`FP_k`
and false negatives :math:`FN_k`:

.. math::

    P_k = \frac{TP_k}{TP_k + FP_k}, \quad R_k = \frac{TP_k}{TP_k + FN_k}, \quad
    F1_k = \frac{2 P_k R_k}{P_k + R_k}.

A ratio whose denominator is 0 counts as 0.  Macro averages are the plain
means over the classes.
"""

import numpy as np

from nnsim.errors import ConfigError, DataError
from nnsim.text import translate


def labels_from_outputs(outputs: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """Turn network outputs of shape (n, K) into class labels, shape (n,).

    One output column is thresholded (class 1 when ``output >= threshold``);
    several are read as one score per class (the largest wins).
    """
    outputs = np.asarray(outputs)
    if outputs.ndim == 1 or outputs.shape[1] == 1:
        return (outputs.reshape(-1) >= threshold).astype(np.int64)
    return outputs.argmax(axis=1)


def _labels(y_true, y_pred):
    y_true = np.asarray(y_true).astype(np.int64).ravel()
    y_pred = np.asarray(y_pred).astype(np.int64).ravel()
    if y_true.shape != y_pred.shape:
        message = translate(
            "Metrics",
            "There are {labels} true labels but {predictions} predictions: "
            "they must pair up one to one.",
        )
        raise DataError(message.format(labels=y_true.size, predictions=y_pred.size))
    if y_true.size == 0:
        raise DataError(translate("Metrics", "There are no labels to score."))
    return y_true, y_pred


def accuracy(y_true, y_pred) -> float:
    """Return the fraction of predictions equal to the true labels."""
    y_true, y_pred = _labels(y_true, y_pred)
    return float(np.mean(y_true == y_pred))


def confusion_matrix(y_true, y_pred, n_classes: int | None = None) -> np.ndarray:
    """Return counts of shape (K, K): row = true class, column = predicted class."""
    y_true, y_pred = _labels(y_true, y_pred)
    if n_classes is None:
        n_classes = int(max(y_true.max(), y_pred.max())) + 1
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix


def _ratio(numerator, denominator):
    return np.divide(numerator, denominator, out=np.zeros(len(numerator)), where=denominator > 0)


def precision_recall_f1(y_true, y_pred, n_classes: int | None = None):
    """Return per-class ``(precision, recall, f1)``, three arrays of shape (K,)."""
    matrix = confusion_matrix(y_true, y_pred, n_classes)
    tp = np.diag(matrix).astype(np.float64)
    precision = _ratio(tp, matrix.sum(axis=0))
    recall = _ratio(tp, matrix.sum(axis=1))
    f1 = _ratio(2 * precision * recall, precision + recall)
    return precision, recall, f1


def precision(y_true, y_pred, *, average=None, n_classes=None):
    """Per-class precision, shape (K,), or its macro mean with ``average="macro"``."""
    return _averaged(precision_recall_f1(y_true, y_pred, n_classes)[0], average)


def recall(y_true, y_pred, *, average=None, n_classes=None):
    """Per-class recall, shape (K,), or its macro mean with ``average="macro"``."""
    return _averaged(precision_recall_f1(y_true, y_pred, n_classes)[1], average)


def f1(y_true, y_pred, *, average=None, n_classes=None):
    """Per-class F1, shape (K,), or its macro mean with ``average="macro"``."""
    return _averaged(precision_recall_f1(y_true, y_pred, n_classes)[2], average)


def _averaged(values, average):
    if average is None:
        return values
    if average == "macro":
        return float(values.mean())
    raise ConfigError(
        f"Unknown average {average!r}: "  # not translated: misuse of the API, for a programmer
        "use None (per class) or 'macro'."
    )
