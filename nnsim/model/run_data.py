"""The data a run trains on, made as the settings say: generated or imported, split,
normalised, with the derived inputs appended.

:func:`training_data` gives (training part, validation part or None) as the
network sees them; :func:`source_data` the whole set as made or imported;
:func:`input_scaling` how the window's plane maps to the network's inputs;
:func:`derived_inputs` the derived inputs the network gets.
"""

from dataclasses import replace

import numpy as np

from nnsim.engine import datasets
from nnsim.engine.features import derived_names, with_derived
from nnsim.errors import ConfigError
from nnsim.model.settings import CUSTOM, DERIVED_SETTINGS, Settings
from nnsim.text import translate


def training_data(settings: Settings) -> tuple[datasets.Dataset, datasets.Dataset | None]:
    """The chosen data set, made, split and normalised as the settings say, as the network
    sees it.

    Generated sets take the settings' number of samples, noise and seed.
    Returns (training part, validation part or None).  The validation part is
    split off class by class with the settings' seed; normalisation
    statistics come from the training part only (see :func:`input_scaling`).
    Derived inputs (:func:`derived_inputs`) are appended to the normalised
    inputs: the first two columns stay the plane the window draws.
    """
    parts = split_parts(settings)
    if settings["normalisation"] != "none":
        parts = datasets.rescale(settings["normalisation"], *parts)
    features = derived_inputs(settings)
    if features:
        parts = tuple(_with_derived(part, features) for part in parts)
    return parts[0], (parts[1] if len(parts) > 1 else None)


def derived_inputs(settings: Settings) -> tuple[str, ...]:
    """The derived inputs the network gets (of :data:`~nnsim.engine.features.DERIVED`).

    None unless the data set has two inputs (or while there is none): the settings mean
    nothing for others.
    """
    chosen = tuple(feature for feature, name in DERIVED_SETTINGS.items() if settings[name])
    if not chosen or plane_size(settings) != 2:
        return ()
    return chosen


def plane_size(settings: Settings) -> int:
    """How many inputs the chosen data set has of its own (0 while there is no data)."""
    try:
        return source_data(settings).n_features
    except ConfigError:
        return 0


def without_derived(data: datasets.Dataset | None, settings: Settings):
    """``data`` (as :func:`training_data` made it, or None) without its derived inputs."""
    kept = data.n_features - len(derived_names(derived_inputs(settings))) if data else 0
    if data is None or kept == data.n_features:
        return data
    return replace(data, X=data.X[:, :kept], feature_names=data.feature_names[:kept])


def _with_derived(data: datasets.Dataset, features) -> datasets.Dataset:
    names = data.feature_names or ("x1", "x2")
    return replace(
        data,
        X=with_derived(data.X, features),
        feature_names=(*names, *derived_names(features)),
    )


def input_scaling(settings: Settings) -> tuple[np.ndarray, np.ndarray] | None:
    """(offset, scale): the network sees inputs x as (x - offset) / scale; None if unscaled."""
    if settings["normalisation"] == "none":
        return None
    return datasets.input_scaling(split_parts(settings)[0].X, settings["normalisation"])


def split_parts(settings: Settings) -> tuple[datasets.Dataset, ...]:
    """(training part,) or (training part, validation part), before normalisation."""
    data = source_data(settings)
    if settings["validation_share"] > 0:
        return data.split(settings["validation_share"], rng=settings["seed"])
    return (data,)


#: Generated data sets, with the name their noise goes by.
GENERATED = {"blobs": "spread", "circles": "noise", "moons": "noise", "spirals": "noise"}
GENERATED["sine"] = "noise"


def source_data(settings: Settings) -> datasets.Dataset:
    """The whole chosen data set as made or imported: not split, not normalised."""
    name = settings["dataset"]
    if name == CUSTOM:
        if settings.custom_data is None:
            raise ConfigError(
                translate(
                    "Settings",
                    "There is no custom data yet: import a CSV file (File > Import Data).",
                )
            )
        return settings.custom_data
    make = datasets.DATASETS[name]
    if name not in GENERATED:
        return make()
    noise = {GENERATED[name]: settings["noise"]}
    return make(n=settings["samples"], rng=settings["seed"], **noise)
