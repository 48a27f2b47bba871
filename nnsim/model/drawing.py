"""Data drawn by hand: a point added to a 2-input classification set, or the nearest removed.

Both return a new :class:`~nnsim.engine.datasets.Dataset` (the old one is
read-only and stays as it was, for undo) named as before, its description
saying that points were drawn.
"""

import numpy as np

from nnsim.engine.datasets import Dataset, make_dataset
from nnsim.errors import ConfigError
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Added to a data set's description once points are drawn (data: saved in the description,
#: and looked for there); a view shows it translated, :func:`shown_description`.
DRAWN = QT_TRANSLATE_NOOP("Drawing", " Points drawn by hand.")


def can_draw_on(data: Dataset) -> str | None:
    """Why points cannot be drawn on ``data``, or None when they can."""
    if data.task != "classification":
        return translate("Drawing", "Points can be drawn for classification data only.")
    if data.n_features != 2:
        return translate(
            "Drawing", "Points can be drawn on 2 inputs only; {name} has {count}."
        ).format(name=data.name, count=data.n_features)
    return None


def add_point(data: Dataset, point, label: int) -> Dataset:
    """``data`` with one more sample at ``point`` (x1, x2) of class ``label``."""
    _check(data)
    if not 0 <= label < data.n_classes:
        raise ConfigError(
            translate("Drawing", "There is no class {label} in {name}.").format(
                label=label, name=data.name
            )
        )
    X = np.vstack([data.X, np.asarray(point, dtype=float).reshape(1, 2)])
    return _redrawn(data, X, np.append(data.y, label))


def remove_nearest(data: Dataset, point, scaling=None) -> Dataset:
    """``data`` without the sample nearest to ``point``; at least one of each class stays.

    With ``scaling`` (offset, scale), ``point`` is where a plot of the scaled
    inputs (x - offset) / scale shows it, and nearness is measured there, as
    the person sees it.
    """
    _check(data)
    X = data.X if scaling is None else (data.X - scaling[0]) / scaling[1]
    row = int(np.argmin(((X - np.asarray(point, dtype=float)) ** 2).sum(axis=1)))
    if np.count_nonzero(data.y == data.y[row]) == 1:
        raise ConfigError(
            translate("Drawing", "That is the last {name} sample: every class keeps one.").format(
                name=repr(data.class_names[data.y[row]])
            )
        )
    keep = np.arange(data.n_samples) != row
    return _redrawn(data, data.X[keep], data.y[keep])


def _check(data: Dataset) -> None:
    reason = can_draw_on(data)
    if reason is not None:
        raise ConfigError(reason)


def _redrawn(data: Dataset, X, y) -> Dataset:
    description = data.description if data.description.endswith(DRAWN) else data.description + DRAWN
    return make_dataset(
        data.name, description, X, y,
        feature_names=data.feature_names, class_names=data.class_names,
    )  # fmt: skip


def shown_description(description: str) -> str:
    """A data set's description as a view shows it: a built-in set's words translated
    (context "Datasets"), and the note that points were drawn by hand translated too."""
    if description.endswith(DRAWN):
        base = description[: -len(DRAWN)]
        return translate("Datasets", base) + translate("Drawing", DRAWN)
    return translate("Datasets", description)
