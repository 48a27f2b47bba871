r"""Derived inputs: extra input columns computed from a two-input data set's own.

As TensorFlow Playground's feature checkboxes, a network on the plane
:math:`(x_1, x_2)` can be given more inputs made from the two:

.. math::

    x_1 x_2 \quad (\text{"product"}), \qquad
    x_1^2,\ x_2^2 \quad (\text{"squares"}), \qquad
    \sin x_1,\ \sin x_2 \quad (\text{"sines"}),

appended after :math:`x_1, x_2` in the order of :data:`DERIVED`.  With them a
small network separates the spirals, which without them needs many more
neurons.  They are computed from the inputs as the network sees them (after
any normalisation), so the plane the window draws stays :math:`(x_1, x_2)`.
"""

import numpy as np

from nnsim.errors import DataError
from nnsim.text import translate

#: The derived inputs, in the order their columns follow x1 and x2.
DERIVED = ("product", "squares", "sines")
#: The names of each one's columns.
DERIVED_NAMES = {
    "product": ("x1·x2",),
    "squares": ("x1²", "x2²"),
    "sines": ("sin x1", "sin x2"),
}


def derived_names(features) -> tuple[str, ...]:
    """The names of the columns ``features`` (a subset of :data:`DERIVED`) add, in order."""
    return tuple(
        name for feature in DERIVED if feature in features for name in DERIVED_NAMES[feature]
    )


def with_derived(X: np.ndarray, features) -> np.ndarray:
    """``X`` (n, 2) with the columns of ``features`` appended: shape (n, 2 + k).

    ``features`` empty returns ``X`` itself.  Raises DataError unless ``X`` has two columns.
    """
    chosen = [feature for feature in DERIVED if feature in features]
    if not chosen:
        return X
    if X.ndim != 2 or X.shape[1] != 2:
        message = translate(
            "Features", "Derived inputs are made from two inputs; these data have {count}."
        )
        raise DataError(message.format(count=X.shape[-1]))
    x1, x2 = X[:, :1], X[:, 1:2]
    made = {"product": (x1 * x2,), "squares": (x1 * x1, x2 * x2), "sines": (np.sin(x1), np.sin(x2))}
    return np.hstack([X, *(column for feature in chosen for column in made[feature])])


def derived_in(feature_names) -> tuple[str, ...]:
    """The derived inputs a data set's columns end with, read from its ``feature_names``.

    A data set given derived inputs names its columns x1, x2 (or its own two
    names) and then :func:`derived_names`; any other data set has none: ().
    """
    names = tuple(feature_names)[2:]
    features = tuple(f for f in DERIVED if set(DERIVED_NAMES[f]) <= set(names))
    return features if names and names == derived_names(features) else ()


def plane_grid_inputs(points: np.ndarray, feature_names) -> np.ndarray:
    """Points ``points`` (n, 2) of a data set's input plane as its network's inputs: the
    derived inputs its ``feature_names`` name (:func:`derived_in`) appended."""
    return with_derived(points, derived_in(feature_names))


def own_inputs(data) -> int:
    """How many of a Dataset's inputs are its own (not derived, see :func:`derived_in`)."""
    return data.n_features - len(derived_names(derived_in(data.feature_names)))
