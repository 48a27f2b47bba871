"""Input checks shared by the engine's networks: plain-words errors, no cost when all is well."""

import numpy as np

from nnsim.errors import ConfigError, DataError
from nnsim.text import translate


def as_rng(rng) -> np.random.Generator:
    """Return ``rng`` as a Generator: a Generator as is, an int as a seed, None as fresh entropy."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or isinstance(rng, int | np.integer):
        return np.random.default_rng(rng)
    raise ConfigError(
        "Expected a random seed (an integer) or a numpy Generator, "  # not translated: API misuse
        f"got {rng!r}."
    )


def as_matrix(values, name: str, n_columns: int, dtype) -> np.ndarray:
    """Return ``values`` as a 2-D array of shape (n, n_columns) in ``dtype``.

    A 1-D array is taken as one column when ``n_columns`` is 1.  The values are
    not scanned for NaN here: the networks notice a non-finite error and then
    call :func:`check_finite` to name the culprit.

    Raises
    ------
    DataError
        If the values are not numbers, the shape does not fit, or there are
        no samples.
    """
    if (  # the fast path: this runs every epoch
        isinstance(values, np.ndarray)
        and values.dtype == dtype
        and values.ndim == 2
        and values.shape[1] == n_columns
        and values.shape[0]
    ):
        return values
    try:
        array = np.asarray(values, dtype=dtype)
    except (TypeError, ValueError) as exc:
        message = translate("Checks", "{name} must be numbers: {reason}.")
        raise DataError(message.format(name=name, reason=exc)) from None
    if array.ndim == 1 and n_columns == 1:
        array = array.reshape(-1, 1)
    if array.ndim != 2 or array.shape[1] != n_columns:
        message = translate(
            "Checks",
            "{name} has shape {shape}, but the network needs (samples, {columns}): "
            "one row per sample and {columns} column(s).",
        )
        raise DataError(message.format(name=name, shape=array.shape, columns=n_columns))
    if array.shape[0] == 0:
        message = translate("Checks", "{name} holds no samples: the data set is empty.")
        raise DataError(message.format(name=name))
    return array


def check_same_length(X: np.ndarray, T: np.ndarray) -> None:
    """Raise DataError unless inputs and targets have as many rows."""
    if X.shape[0] != T.shape[0]:
        message = translate(
            "Checks",
            "There are {inputs} input rows but {targets} target rows: "
            "every sample needs exactly one target.",
        )
        raise DataError(message.format(inputs=X.shape[0], targets=T.shape[0]))


def check_finite(**arrays: np.ndarray) -> None:
    """Raise DataError naming the first array, row and column holding NaN or inf."""
    for name, array in arrays.items():
        bad = np.argwhere(~np.isfinite(array))
        if len(bad):
            index = tuple(bad[0])
            if len(index) > 1:
                where = translate("Checks", "row {row}, column {column}")
            else:
                where = translate("Checks", "row {row}")
            where = where.format(row=index[0], column=index[-1])
            message = translate(
                "Checks",
                "{name} holds {value} at {where}: remove or fill in the missing values first.",
            )
            raise DataError(message.format(name=name, value=array[index], where=where))
