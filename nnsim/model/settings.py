"""The settings a person edits in the parameter panel, checked before they reach the engine.

:data:`SETTINGS` describes every setting once (its group, title, type,
limits, choices and a tooltip); the panel is generated from it, and
:class:`Settings` holds the values, refuses bad ones with the reason, and
emits ``changed`` for each accepted edit.  :meth:`Settings.training_config`
turns the values into the engine's :class:`~nnsim.engine.TrainingConfig`.
"""

import math
from dataclasses import dataclass

from psygnal import Signal

from nnsim.engine import TrainingConfig, datasets
from nnsim.engine.init import INITIALISERS
from nnsim.engine.losses import LOSSES
from nnsim.engine.optimizers import OPTIMIZERS
from nnsim.engine.runner import SCHEDULES
from nnsim.errors import ConfigError
from nnsim.text import QT_TRANSLATE_NOOP, translate

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
#: Settings every trained network has, a restricted Boltzmann machine's too.
TRAINED = ("perceptron", "mlp", "rbm")
RBM_ONLY = ("rbm",)


SETTINGS: tuple[SettingSpec, ...] = (
    _choice(
        "loss", "Network", QT_TRANSLATE_NOOP("Settings", "Loss"), "sse", LOSSES,
        QT_TRANSLATE_NOOP("Settings", "What training minimises (sse: ½Σ(t-o)²)"),
        kinds=MLP_ONLY,
    ),
    _choice(
        "init", "Network", QT_TRANSLATE_NOOP("Settings", "Initialiser"), "xavier", INITIALISERS,
        QT_TRANSLATE_NOOP("Settings", "How new weights start"), kinds=MLP_ONLY,
    ),
    SettingSpec(
        "init_limit", "Network", QT_TRANSLATE_NOOP("Settings", "Uniform range ±"), "float", 0.5,
        QT_TRANSLATE_NOOP("Settings", "Half-width of the uniform initialiser's range"),
        low=1e-6, high=100.0, kinds=MLP_ONLY,
    ),
    _choice(
        "optimizer", "Training", QT_TRANSLATE_NOOP("Settings", "Optimiser"), "sgd", OPTIMIZERS,
        QT_TRANSLATE_NOOP(
            "Settings",
            "How MLP weights move. rprop and irprop- give each weight its own step, which "
            "starts at the learning rate (Δ₀ = η) and grows while ∂E/∂w keeps its sign; they "
            "are meant for the whole batch at once",
        ),
        kinds=MLP_ONLY,
    ),
    SettingSpec(
        "learning_rate", "Training", QT_TRANSLATE_NOOP("Settings", "Learning rate η"), "float",
        0.5, QT_TRANSLATE_NOOP("Settings", "Step size of each update (Δw = -η ∂E/∂w)"),
        low=1e-9, high=MAX_LEARNING_RATE, live=True, kinds=TRAINED,
    ),
    SettingSpec(
        "momentum", "Training", QT_TRANSLATE_NOOP("Settings", "Momentum"), "float", 0.0,
        QT_TRANSLATE_NOOP(
            "Settings", "Share of the previous update added to the next (MLPs, Boltzmann machines)"
        ),
        low=0.0, high=1.0, open_high=True, live=True, kinds=("mlp", "rbm"),
    ),
    _choice(
        "lr_schedule", "Training", QT_TRANSLATE_NOOP("Settings", "Learning-rate schedule"),
        "constant", SCHEDULES,
        QT_TRANSLATE_NOOP(
            "Settings",
            "How η falls as training goes: step multiplies it by the decay γ every few epochs "  # noqa: RUF001
            "(η = η₀·γ^⌊t/s⌋), exponential every epoch (η = η₀·γ^t). Epochs count from the "  # noqa: RUF001
            "last reset; rprop and irprop- take η only as their first step",
        ),
        kinds=MLP_ONLY,
    ),
    SettingSpec(
        "lr_decay", "Training", QT_TRANSLATE_NOOP("Settings", "Decay γ"), "float", 0.5,  # noqa: RUF001
        QT_TRANSLATE_NOOP(
            "Settings",
            "What the learning rate is multiplied by at each step of the schedule (1 = no "
            "decay); for exponential choose one close to 1, such as 0.999",
        ),
        low=1e-6, high=1.0, kinds=MLP_ONLY,
    ),
    SettingSpec(
        "lr_step", "Training", QT_TRANSLATE_NOOP("Settings", "Epochs per step s"), "int", 1000,
        QT_TRANSLATE_NOOP("Settings", "How many epochs the step schedule keeps each rate"),
        low=1, high=MAX_EPOCHS, kinds=MLP_ONLY,
    ),
    _choice(
        "speed", "Training", QT_TRANSLATE_NOOP("Settings", "Speed (epochs per second)"),
        "fastest", SPEEDS,
        QT_TRANSLATE_NOOP(
            "Settings", "Slow training down to watch it learn; it changes while training runs"
        ),
        live=True, kinds=TRAINED,
    ),
    SettingSpec(
        "batch_size", "Training", QT_TRANSLATE_NOOP("Settings", "Batch size (0 = all)"), "int", 0,
        QT_TRANSLATE_NOOP("Settings", "Samples per update; 0 uses the whole training set"),
        low=0, high=1_000_000, kinds=("mlp", "rbm"),
    ),
    SettingSpec(
        "max_epochs", "Training", QT_TRANSLATE_NOOP("Settings", "Epochs"), "int", 5000,
        QT_TRANSLATE_NOOP("Settings", "Passes over the training set"), low=1, high=MAX_EPOCHS,
        kinds=TRAINED,
    ),
    SettingSpec(
        "use_target_error", "Training", QT_TRANSLATE_NOOP("Settings", "Stop at target error"),
        "bool", True, QT_TRANSLATE_NOOP("Settings", "Stop as soon as the error reaches the target"),
        kinds=TRAINED,
    ),
    SettingSpec(
        "target_error", "Training", QT_TRANSLATE_NOOP("Settings", "Target error"), "float", 0.001,
        QT_TRANSLATE_NOOP("Settings", "The error at which training stops"), low=0.0, high=1e9,
        kinds=TRAINED,
    ),
    SettingSpec(
        "patience", "Training", QT_TRANSLATE_NOOP("Settings", "Early stopping patience (0 = off)"),
        "int", 0,
        QT_TRANSLATE_NOOP(
            "Settings", "Stop after this many epochs without a better validation error"
        ),
        low=0, high=MAX_EPOCHS, kinds=TRAINED,
    ),
    SettingSpec(
        "l1", "Training", QT_TRANSLATE_NOOP("Settings", "L1 penalty"), "float", 0.0,
        QT_TRANSLATE_NOOP("Settings", "λ₁ Σ|w| added to E"), low=0.0, high=10.0, kinds=MLP_ONLY,
    ),
    SettingSpec(
        "l2", "Training", QT_TRANSLATE_NOOP("Settings", "L2 penalty"), "float", 0.0,
        QT_TRANSLATE_NOOP("Settings", "½ λ₂ Σw² added to E"), low=0.0, high=10.0,
        kinds=("mlp", "rbm"),
    ),
    SettingSpec(
        "cd_steps", "Training", QT_TRANSLATE_NOOP("Settings", "Gibbs steps k"), "int", 1,
        QT_TRANSLATE_NOOP(
            "Settings",
            "Steps of Gibbs sampling (h from v, then v from h) behind each update's model "
            "term: CD-k. 1 is the usual choice; more give truer samples, slower",
        ),
        low=1, high=1000, kinds=RBM_ONLY,
    ),
    SettingSpec(
        "persistent", "Training", QT_TRANSLATE_NOOP("Settings", "Persistent chains (PCD)"),
        "bool", False,
        QT_TRANSLATE_NOOP(
            "Settings",
            "Keep the Gibbs chains from one update to the next instead of starting them at "
            "the data: persistent contrastive divergence, as scikit-learn's BernoulliRBM",
        ),
        kinds=RBM_ONLY,
    ),
    SettingSpec(
        "input_noise", "Training", QT_TRANSLATE_NOOP("Settings", "Input noise σ"), "float", 0.0,  # noqa: RUF001
        QT_TRANSLATE_NOOP(
            "Settings",
            "Each epoch trains on its inputs plus Gaussian noise N(0, σ²), drawn anew every "
            "epoch from the seed; validation and the views use the clean inputs (0 = off)",
        ),
        low=0.0, high=10.0,
    ),
    SettingSpec(
        "seed", "Training", QT_TRANSLATE_NOOP("Settings", "Random seed"), "int", 0,
        QT_TRANSLATE_NOOP("Settings", "Same seed, same initial weights and sample order"),
        low=0, high=2**31 - 1, kinds=TRAINED,
    ),
    _choice(
        "dataset", "Data", QT_TRANSLATE_NOOP("Settings", "Data set"), "xor",
        (*datasets.DATASETS, CUSTOM),
        QT_TRANSLATE_NOOP(
            "Settings", "The samples the network learns (custom: imported from a CSV file)"
        ),
        kinds=TRAINED,
    ),
    SettingSpec(
        "samples", "Data", QT_TRANSLATE_NOOP("Settings", "Samples (generated sets)"), "int", 200,
        QT_TRANSLATE_NOOP(
            "Settings", "How many samples blobs, circles, moons, spirals and sine make"
        ),
        low=4, high=100_000,
    ),
    SettingSpec(
        "noise", "Data", QT_TRANSLATE_NOOP("Settings", "Noise (generated sets)"), "float", 0.1,
        QT_TRANSLATE_NOOP(
            "Settings", "How far generated samples scatter (for blobs: the spread of each blob)"
        ),
        low=0.0, high=5.0,
    ),
    SettingSpec(
        "validation_share", "Data", QT_TRANSLATE_NOOP("Settings", "Validation share"), "float",
        0.0,
        QT_TRANSLATE_NOOP("Settings", "Share of the samples held out to measure generalisation"),
        low=0.0, high=0.9, kinds=TRAINED,
    ),
    _choice(
        "normalisation", "Data", QT_TRANSLATE_NOOP("Settings", "Input normalisation"), "none",
        ("none", "min-max", "z-score"),
        QT_TRANSLATE_NOOP("Settings", "Rescale each input, from the training part only"),
    ),
    SettingSpec(
        "input_product", "Data", QT_TRANSLATE_NOOP("Settings", "+ input x1·x2"), "bool", False,
        QT_TRANSLATE_NOOP(
            "Settings",
            "Give the network an extra input x1·x2, made from the two inputs after "
            "normalisation. Only for data with two inputs: other data ignore it",
        ),
    ),
    SettingSpec(
        "input_squares", "Data", QT_TRANSLATE_NOOP("Settings", "+ inputs x1², x2²"), "bool", False,
        QT_TRANSLATE_NOOP(
            "Settings",
            "Give the network extra inputs x1² and x2², made from the two inputs after "
            "normalisation. Only for data with two inputs: other data ignore it",
        ),
    ),
    SettingSpec(
        "input_sines", "Data", QT_TRANSLATE_NOOP("Settings", "+ sin x1, sin x2"), "bool",
        False,
        QT_TRANSLATE_NOOP(
            "Settings",
            "Give the network extra inputs sin x1 and sin x2, made from the two inputs after "
            "normalisation. Only for data with two inputs: other data ignore it",
        ),
    ),
)  # fmt: skip
#: The settings that add derived inputs (:mod:`nnsim.engine.features`), by feature.
DERIVED_SETTINGS = {"product": "input_product", "squares": "input_squares", "sines": "input_sines"}
#: The groups' names as shown (a spec's ``group`` is its key).
GROUP_TITLES = {
    "Network": QT_TRANSLATE_NOOP("Settings", "Network"),
    "Training": QT_TRANSLATE_NOOP("Settings", "Training"),
    "Data": QT_TRANSLATE_NOOP("Settings", "Data"),
}
#: Choices shown by another name than their key (a key is data: files and lessons use it).
#: In English each shows its key, as the guide and the lessons name it; a translation may
#: add words beside the key.  Choices not listed (numbers, Latin names) show their key.
CHOICE_TITLES = {
    "loss": {
        "sse": QT_TRANSLATE_NOOP("Settings", "sse"),
        "mse": QT_TRANSLATE_NOOP("Settings", "mse"),
        "bce": QT_TRANSLATE_NOOP("Settings", "bce"),
        "cce": QT_TRANSLATE_NOOP("Settings", "cce"),
    },
    "init": {
        "uniform": QT_TRANSLATE_NOOP("Settings", "uniform"),
        "normal_fan_in": QT_TRANSLATE_NOOP("Settings", "normal_fan_in"),
        "zeros": QT_TRANSLATE_NOOP("Settings", "zeros"),
    },
    "lr_schedule": {
        "constant": QT_TRANSLATE_NOOP("Settings", "constant"),
        "step": QT_TRANSLATE_NOOP("Settings", "step"),
        "exponential": QT_TRANSLATE_NOOP("Settings", "exponential"),
    },
    "speed": {"fastest": QT_TRANSLATE_NOOP("Settings", "fastest")},
    "dataset": {
        "blobs": QT_TRANSLATE_NOOP("Settings", "blobs"),
        "circles": QT_TRANSLATE_NOOP("Settings", "circles"),
        "moons": QT_TRANSLATE_NOOP("Settings", "moons"),
        "spirals": QT_TRANSLATE_NOOP("Settings", "spirals"),
        "sine": QT_TRANSLATE_NOOP("Settings", "sine"),
        "km_to_miles": QT_TRANSLATE_NOOP("Settings", "km_to_miles"),
        "ladybird_caterpillar": QT_TRANSLATE_NOOP("Settings", "ladybird_caterpillar"),
        "three_input_table": QT_TRANSLATE_NOOP("Settings", "three_input_table"),
        "digits": QT_TRANSLATE_NOOP("Settings", "digits"),
        "iris": QT_TRANSLATE_NOOP("Settings", "iris"),
        CUSTOM: QT_TRANSLATE_NOOP("Settings", "custom"),
    },
    "normalisation": {
        "none": QT_TRANSLATE_NOOP("Settings", "none"),
        "min-max": QT_TRANSLATE_NOOP("Settings", "min-max"),
        "z-score": QT_TRANSLATE_NOOP("Settings", "z-score"),
    },
}

SPECS = {spec.name: spec for spec in SETTINGS}
#: Settings that reach a running network at its next epoch.
LIVE_SETTINGS = tuple(spec.name for spec in SETTINGS if spec.live)


def epochs_per_second(speed: str) -> float | None:
    """The speed setting as a number of epochs per second (None: as fast as possible)."""
    return None if speed == "fastest" else float(speed)


def title(spec: SettingSpec) -> str:
    """The setting's title as shown (translated)."""
    return translate("Settings", spec.title)


def short_title(spec: SettingSpec) -> str:
    """The title without its note in brackets, for a sentence: "Batch size" (translated)."""
    shown = title(spec)
    for bracket in (" (", "\uff08"):  # (a Chinese title's bracket is a full-width one)
        shown = shown.split(bracket)[0]
    return shown.strip()


def tip(spec: SettingSpec) -> str:
    """What the setting does, as its tooltip says it (translated)."""
    return translate("Settings", spec.tip)


def choice_title(name: str, choice: str) -> str:
    """The choice ``choice`` of the setting ``name`` as shown (translated); the key is data."""
    listed = CHOICE_TITLES.get(name, {}).get(choice)
    return choice if listed is None else translate("Settings", listed)


def check_value(spec: SettingSpec, value):
    """Return ``value`` converted to the setting's type, or raise ConfigError saying why not."""
    fields = {"setting": short_title(spec), "value": repr(value)}
    if spec.kind == "choice":
        if value not in spec.choices:
            raise ConfigError(
                translate("Settings", "{setting} must be one of {choices}, not {value}.").format(
                    choices=", ".join(spec.choices), **fields
                )
            )
        return value
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise ConfigError(
                translate("Settings", "{setting} is on or off, not {value}.").format(**fields)
            )
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(
            translate("Settings", "{setting} must be a number, not {value}.").format(**fields)
        ) from None
    if not math.isfinite(number):
        raise ConfigError(
            translate("Settings", "{setting} must be a finite number, not {value}.").format(
                **fields
            )
        )
    if spec.kind == "int":
        if number != int(number):
            raise ConfigError(
                translate("Settings", "{setting} must be a whole number, not {value}.").format(
                    **fields
                )
            )
        number = int(number)
    too_high = number >= spec.high if spec.open_high else number > spec.high
    if number < spec.low or too_high:
        if spec.open_high:
            text = translate(
                "Settings", "{setting} must be at least {low} and below {high}, not {value}."
            )
        else:
            text = translate(
                "Settings", "{setting} must be at least {low} and at most {high}, not {value}."
            )
        raise ConfigError(text.format(low=f"{spec.low:g}", high=f"{spec.high:g}", **fields))
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
            raise ConfigError(
                translate("Settings", "There is no setting called {name}.").format(name=repr(name))
            ) from None

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
            "lr_schedule": v["lr_schedule"],
            "lr_decay": v["lr_decay"],
            "lr_step": v["lr_step"],
            "batch_size": v["batch_size"] or None,
            "max_epochs": v["max_epochs"],
            "target_error": v["target_error"] if v["use_target_error"] else None,
            "patience": v["patience"] or None,
            "l1": v["l1"],
            "l2": v["l2"],
            "cd_steps": v["cd_steps"],
            "persistent": v["persistent"],
            "input_noise": v["input_noise"],
            "seed": v["seed"],
        }
        options.update(overrides)
        return TrainingConfig(**options)
