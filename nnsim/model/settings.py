"""The settings a person edits in the parameter panel, checked before they reach the engine.

:data:`SETTINGS` describes every setting once (its group, title, type,
limits, choices and a tooltip); the panel is generated from it, and
:class:`Settings` holds the values, refuses bad ones with the reason, and
emits ``changed`` for each accepted edit.  :meth:`Settings.training_config`
turns the values into the engine's :class:`~nnsim.engine.TrainingConfig`.
"""

import math
from dataclasses import dataclass

import numpy as np
from psygnal import Signal

from nnsim.engine import TrainingConfig, datasets
from nnsim.engine.init import INITIALISERS
from nnsim.engine.losses import LOSSES
from nnsim.errors import ConfigError

#: Above this learning rate every step overshoots; the panel refuses it.
MAX_LEARNING_RATE = 1000.0
MAX_EPOCHS = 10_000_000
#: The data set named so is the person's own (imported), held by :class:`Settings`.
CUSTOM = "custom"
#: Speed limits a person can choose, in epochs per second ("fastest": none).
SPEEDS = ("fastest", "1000", "300", "100", "30", "10", "3", "1")


@dataclass(frozen=True)
class SettingSpec:
    """One setting: where it is shown, what it may hold and what it means.

    ``kind`` is "float", "int", "bool" or "choice"; numbers lie in
    ``[low, high]`` (``high`` excluded when ``open_high``); a "choice" is one of
    ``choices``.  ``live`` settings may change while training runs; ``kinds``
    are the networks the setting means something for.
    """

    name: str
    group: str
    title: str
    kind: str
    default: object
    tip: str
    low: float | None = None
    high: float | None = None
    open_high: bool = False
    choices: tuple[str, ...] = ()
    live: bool = False
    kinds: tuple[str, ...] = ("perceptron", "mlp")


def _choice(name, group, title, default, choices, tip, **options):
    return SettingSpec(
        name, group, title, "choice", default, tip, choices=tuple(choices), **options
    )


MLP_ONLY = ("mlp",)


SETTINGS: tuple[SettingSpec, ...] = (
    _choice(
        "loss", "Network", "Loss", "sse", LOSSES, "What training minimises (sse: ½Σ(t-o)²)",
        kinds=MLP_ONLY,
    ),
    _choice(
        "init", "Network", "Initialiser", "xavier", INITIALISERS, "How new weights start",
        kinds=MLP_ONLY,
    ),
    SettingSpec(
        "init_limit", "Network", "Uniform range ±", "float", 0.5,
        "Half-width of the uniform initialiser's range", low=1e-6, high=100.0, kinds=MLP_ONLY,
    ),
    _choice(
        "optimizer", "Training", "Optimiser", "sgd", ("sgd", "adam"), "How MLP weights move",
        kinds=MLP_ONLY,
    ),
    SettingSpec(
        "learning_rate", "Training", "Learning rate η", "float", 0.5,
        "Step size of each update (Δw = -η ∂E/∂w)", low=1e-9, high=MAX_LEARNING_RATE, live=True,
    ),
    SettingSpec(
        "momentum", "Training", "Momentum", "float", 0.0,
        "Share of the previous update added to the next (MLP only)",
        low=0.0, high=1.0, open_high=True, live=True, kinds=MLP_ONLY,
    ),
    _choice(
        "speed", "Training", "Speed (epochs per second)", "fastest", SPEEDS,
        "Slow training down to watch it learn; it changes while training runs", live=True,
    ),
    SettingSpec(
        "batch_size", "Training", "Batch size (0 = all)", "int", 0,
        "Samples per update; 0 uses the whole training set", low=0, high=1_000_000,
        kinds=MLP_ONLY,
    ),
    SettingSpec(
        "max_epochs", "Training", "Epochs", "int", 5000, "Passes over the training set",
        low=1, high=MAX_EPOCHS,
    ),
    SettingSpec(
        "use_target_error", "Training", "Stop at target error", "bool", True,
        "Stop as soon as the error reaches the target",
    ),
    SettingSpec(
        "target_error", "Training", "Target error", "float", 0.001,
        "The error at which training stops", low=0.0, high=1e9,
    ),
    SettingSpec(
        "patience", "Training", "Early stopping patience (0 = off)", "int", 0,
        "Stop after this many epochs without a better validation error", low=0, high=MAX_EPOCHS,
    ),
    SettingSpec(
        "l1", "Training", "L1 penalty", "float", 0.0, "λ₁ Σ|w| added to E", low=0.0, high=10.0,
        kinds=MLP_ONLY,
    ),
    SettingSpec(
        "l2", "Training", "L2 penalty", "float", 0.0, "½ λ₂ Σw² added to E", low=0.0, high=10.0,
        kinds=MLP_ONLY,
    ),
    SettingSpec(
        "seed", "Training", "Random seed", "int", 0,
        "Same seed, same initial weights and sample order", low=0, high=2**31 - 1,
    ),
    _choice(
        "dataset", "Data", "Data set", "xor", (*datasets.DATASETS, CUSTOM),
        "The samples the network learns (custom: imported from a CSV file)",
    ),
    SettingSpec(
        "samples", "Data", "Samples (generated sets)", "int", 200,
        "How many samples blobs, circles, moons, spirals and sine make", low=4, high=100_000,
    ),
    SettingSpec(
        "noise", "Data", "Noise (generated sets)", "float", 0.1,
        "How far generated samples scatter (for blobs: the spread of each blob)",
        low=0.0, high=5.0,
    ),
    SettingSpec(
        "validation_share", "Data", "Validation share", "float", 0.0,
        "Share of the samples held out to measure generalisation", low=0.0, high=0.9,
    ),
    _choice(
        "normalisation", "Data", "Input normalisation", "none", ("none", "min-max", "z-score"),
        "Rescale each input, from the training part only",
    ),
)  # fmt: skip

SPECS = {spec.name: spec for spec in SETTINGS}
#: Settings that reach a running network at its next epoch.
LIVE_SETTINGS = tuple(spec.name for spec in SETTINGS if spec.live)


def epochs_per_second(speed: str) -> float | None:
    """The speed setting as a number of epochs per second (None: as fast as possible)."""
    return None if speed == "fastest" else float(speed)


def check_value(spec: SettingSpec, value):
    """Return ``value`` converted to the setting's type, or raise ConfigError saying why not."""
    title = spec.title.split(" (")[0]
    if spec.kind == "choice":
        if value not in spec.choices:
            raise ConfigError(f"{title} must be one of {', '.join(spec.choices)}, not {value!r}.")
        return value
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise ConfigError(f"{title} is on or off, not {value!r}.")
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{title} must be a number, not {value!r}.") from None
    if not math.isfinite(number):
        raise ConfigError(f"{title} must be a finite number, not {value!r}.")
    if spec.kind == "int":
        if number != int(number):
            raise ConfigError(f"{title} must be a whole number, not {value!r}.")
        number = int(number)
    too_high = number >= spec.high if spec.open_high else number > spec.high
    if number < spec.low or too_high:
        upper = f"below {spec.high:g}" if spec.open_high else f"at most {spec.high:g}"
        raise ConfigError(f"{title} must be at least {spec.low:g} and {upper}, not {value!r}.")
    return number


class Settings:
    """The current value of every setting in :data:`SETTINGS`.

    Attributes
    ----------
    custom_data : Dataset or None
        The person's own data set (imported from a CSV file), used while the
        "dataset" setting is :data:`CUSTOM`.

    Signals
    -------
    changed(name, value)
        After an accepted :meth:`set`.
    custom_data_changed(object)
        After :meth:`set_custom_data`, with the new data set (or None).
    """

    changed = Signal(str, object)
    custom_data_changed = Signal(object)

    def __init__(self, custom_data: datasets.Dataset | None = None, **values):
        self._values = {spec.name: spec.default for spec in SETTINGS}
        for name, value in values.items():
            self._values[name] = check_value(self.spec(name), value)
        self.custom_data = custom_data

    def set_custom_data(self, data: datasets.Dataset | None) -> None:
        """Hold ``data`` as the custom data set (it is used while "dataset" is "custom")."""
        self.custom_data = data
        self.custom_data_changed.emit(data)

    @staticmethod
    def spec(name: str) -> SettingSpec:
        try:
            return SPECS[name]
        except KeyError:
            raise ConfigError(f"There is no setting called {name!r}.") from None

    def __getitem__(self, name: str):
        self.spec(name)
        return self._values[name]

    def values(self) -> dict:
        return dict(self._values)

    def set(self, name: str, value) -> tuple[object, object]:
        """Check and store a value; return (old, new). A refused value changes nothing."""
        new = check_value(self.spec(name), value)
        old = self._values[name]
        if new != old:
            self._values[name] = new
            self.changed.emit(name, new)
        return old, new

    def training_config(self, **overrides) -> TrainingConfig:
        """The engine's TrainingConfig for these values (``overrides`` win)."""
        v = self._values
        options = {
            "learning_rate": v["learning_rate"],
            "momentum": v["momentum"],
            "optimizer": v["optimizer"],
            "batch_size": v["batch_size"] or None,
            "max_epochs": v["max_epochs"],
            "target_error": v["target_error"] if v["use_target_error"] else None,
            "patience": v["patience"] or None,
            "l1": v["l1"],
            "l2": v["l2"],
            "seed": v["seed"],
        }
        options.update(overrides)
        return TrainingConfig(**options)


def training_data(settings: Settings) -> tuple[datasets.Dataset, datasets.Dataset | None]:
    """The chosen data set, made, split and normalised as the settings say.

    Generated sets take the settings' number of samples, noise and seed.
    Returns (training part, validation part or None).  The validation part is
    split off class by class with the settings' seed; normalisation
    statistics come from the training part only (see :func:`input_scaling`).
    """
    parts = _split(settings)
    if settings["normalisation"] != "none":
        parts = datasets.rescale(settings["normalisation"], *parts)
    return parts[0], (parts[1] if len(parts) > 1 else None)


def input_scaling(settings: Settings) -> tuple[np.ndarray, np.ndarray] | None:
    """(offset, scale): the network sees inputs x as (x - offset) / scale; None if unscaled."""
    if settings["normalisation"] == "none":
        return None
    return datasets.input_scaling(_split(settings)[0].X, settings["normalisation"])


def _split(settings: Settings) -> tuple[datasets.Dataset, ...]:
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
                "There is no custom data yet: import a CSV file (File > Import Data)."
            )
        return settings.custom_data
    make = datasets.DATASETS[name]
    if name not in GENERATED:
        return make()
    noise = {GENERATED[name]: settings["noise"]}
    return make(n=settings["samples"], rng=settings["seed"], **noise)
