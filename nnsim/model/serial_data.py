"""A person's data set as plain data, and back: :func:`dataset_to_dict`, :func:`dataset_from_dict`.

The reader trusts nothing, as every reader of :mod:`~nnsim.model.serial`: each
field's type is checked, and the sizes (:func:`~nnsim.model.limits.check_data_size`)
before anything is allocated; a problem is a one-line
:class:`~nnsim.errors.ConfigError` (or :class:`~nnsim.errors.DataError`).
"""

import numpy as np

from nnsim.engine.datasets import Dataset, make_dataset
from nnsim.model.limits import check_data_size
from nnsim.model.serial import number_array, require
from nnsim.text import QT_TRANSLATE_NOOP


def dataset_to_dict(data: Dataset) -> dict:
    """A data set's samples, names and task, in JSON-friendly types (floats exact)."""
    return {
        "name": data.name,
        "description": data.description,
        "task": data.task,
        "feature_names": list(data.feature_names),
        "class_names": list(data.class_names),
        "X": data.X.tolist(),
        "y": data.y.tolist(),
    }


def dataset_from_dict(data: dict) -> Dataset:
    """Rebuild a data set from :func:`dataset_to_dict`'s output, or raise ConfigError.

    Its size (classes, inputs, numbers) is checked before its targets are made
    (:func:`~nnsim.model.limits.check_data_size` raises DataError).
    """
    require(
        isinstance(data, dict),
        QT_TRANSLATE_NOOP("Serial", "The data set is not a table of named fields."),
    )
    task = data.get("task")
    require(
        task in ("classification", "regression"),
        QT_TRANSLATE_NOOP("Serial", "The data set's task is unknown."),
    )
    names = {key: data.get(key) for key in ("name", "description")}
    require(
        all(isinstance(v, str) for v in names.values()),
        QT_TRANSLATE_NOOP("Serial", "The data set has no name."),
    )
    features, classes = data.get("feature_names"), data.get("class_names")
    for labels in (features, classes):
        require(
            isinstance(labels, list) and all(isinstance(v, str) for v in labels),
            QT_TRANSLATE_NOOP("Serial", "The data set's column names are not a list of names."),
        )
    X = data.get("X")
    samples = len(X) if isinstance(X, list) else 0
    check_data_size(samples, len(features), 1, len(classes) if task == "classification" else 0)
    X, y = _samples(X, 2), _samples(data.get("y"), (1, 2))
    require(
        len(X) >= 1 and len(X) == len(y),
        QT_TRANSLATE_NOOP("Serial", "The data set's inputs and targets disagree."),
    )
    require(
        X.shape[1] == len(features),
        QT_TRANSLATE_NOOP("Serial", "The data set's inputs and their names disagree."),
    )
    if task == "classification":
        require(
            y.ndim == 1 and len(classes) >= 2 and set(y.tolist()) <= set(range(len(classes))),
            QT_TRANSLATE_NOOP(
                "Serial", "The data set's class labels are not numbers of its classes."
            ),
        )
    else:
        check_data_size(len(X), X.shape[1], 1 if y.ndim == 1 else y.shape[1])
    return make_dataset(
        names["name"], names["description"], X, y, task=task,
        feature_names=features, class_names=classes,
    )  # fmt: skip


def _samples(values, dimensions) -> np.ndarray:
    """``values`` as a finite float array of ``dimensions`` (an int or a tuple of them)."""
    wanted = (dimensions,) if isinstance(dimensions, int) else dimensions
    array = number_array(values, wanted)
    require(
        array is not None and array.size > 0 and np.isfinite(array).all(),
        QT_TRANSLATE_NOOP("Serial", "The data set's samples are not a table of finite numbers."),
    )
    return array
