"""What a restricted Boltzmann machine learns: binary images, from the digits or a pattern library.

A Boltzmann machine's visible units are 0 or 1, so it sees its data set
binarised: 1 where an input is above half the largest input of the set, else 0
(the digits' pixels, 0 to 16, are on from 9).  It learns the "digits" data
set or the person's own ("custom"): a pattern library made into a data set by
:func:`pattern_dataset` (as :class:`~nnsim.model.memory.PatternMemory` keeps
one, -1 and +1 cells), or an imported one.  The settings' validation share
and seed split it as any other; normalisation and derived inputs do not apply.
"""

from dataclasses import replace

import numpy as np

from nnsim.engine.datasets import Dataset, make_dataset
from nnsim.errors import ConfigError, DataError
from nnsim.model.memory import Pattern
from nnsim.model.run_data import split_parts
from nnsim.model.settings import CUSTOM, Settings
from nnsim.text import translate

#: The data sets a Boltzmann machine learns (the "dataset" setting's choices for it).
RBM_DATASETS = ("digits", CUSTOM)


def rbm_training_data(settings: Settings) -> tuple[Dataset, Dataset | None]:
    """(training part, validation part or None) of the chosen data set, binarised.

    Both parts are cut at half the largest input of the whole set.

    Raises
    ------
    ConfigError
        For a data set a Boltzmann machine does not learn, or no custom data.
    """
    name = settings["dataset"]
    if name not in RBM_DATASETS:
        message = translate(
            "RbmData",
            "A Boltzmann machine learns images: choose the data set digits, or custom for "
            "your own patterns, not {name}.",
        )
        raise ConfigError(message.format(name=name))
    parts = split_parts(settings)
    threshold = 0.5 * max(float(part.X.max()) for part in parts)
    binary = [binarised(part, threshold) for part in parts]
    return binary[0], (binary[1] if len(binary) > 1 else None)


def binarised(data: Dataset, threshold: float) -> Dataset:
    """``data`` with each input 1.0 where it is above ``threshold``, else 0.0."""
    X = (threshold < data.X).astype(np.float64)
    X.flags.writeable = False
    return replace(data, X=X)


def pattern_dataset(patterns, name: str = "patterns") -> Dataset:
    """A pattern library as a data set a Boltzmann machine learns: a row per pattern.

    Parameters
    ----------
    patterns : sequence of Pattern or of arrays
        Each pattern's cells, -1 (white) or +1 (black), row by row, all of one size
        (:class:`~nnsim.model.memory.Pattern` objects, as a pattern memory's library).
    name : str
        The data set's name.

    Returns
    -------
    Dataset
        X of shape (patterns, cells): 0 for a white cell, 1 for a black one; y the
        pattern's number (a regression target the machine does not use).

    Raises
    ------
    DataError
        For no patterns, patterns of different sizes, or cells other than -1 and +1.
    """
    rows = [p.cells if isinstance(p, Pattern) else p for p in patterns]
    try:
        cells = np.array(rows, dtype=np.float64)
    except ValueError:
        cells = None
    if cells is None or cells.ndim != 2 or not len(cells) or not np.isin(cells, (-1, 1)).all():
        raise DataError(
            translate(
                "RbmData",
                "A Boltzmann machine learns patterns of -1 and +1 cells, all of one size: "
                "add at least one pattern to the library.",
            )
        )
    description = "A pattern library: {count} patterns of {cells} cells."
    return make_dataset(
        name,
        description.format(count=len(cells), cells=cells.shape[1]),
        (cells + 1.0) / 2.0,
        np.arange(len(cells), dtype=np.float64),
        task="regression",
    )
