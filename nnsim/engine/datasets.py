"""Data sets to train on: logic gates, 2-D toys, the tutorials' examples, digits and Iris.

Every function returns a :class:`Dataset`.  The random ones take ``rng`` (a
seed or an ``np.random.Generator``, 0 by default), so the same call gives the
same points every time.  :data:`DATASETS` maps each name to its function.
"""

import csv
import gzip
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nnsim.engine._checks import as_rng
from nnsim.errors import ConfigError
from nnsim.resource_files import resource_path
from nnsim.text import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class Dataset:
    """A named data set.

    Attributes
    ----------
    name : str
    description : str
        One line saying what it is, in English (a project file keeps it): a view shows
        ``translate("Datasets", description)``, which translates the built-in sets' and
        the examples' and leaves any other as it is.
    X : np.ndarray, shape (n_samples, n_features)
    y : np.ndarray, shape (n_samples,) or (n_samples, n_outputs)
        Class labels 0..K-1 (classification) or target values (regression;
        two-dimensional only when there is more than one target).
    T : np.ndarray, shape (n_samples, n_outputs)
        What a network trains on: ``y`` as one column for two classes or one
        regression target, one-hot columns for more than two classes, ``y``
        itself for several regression targets.
    task : {"classification", "regression"}
    feature_names, class_names : tuple of str
    """

    name: str
    description: str
    X: np.ndarray
    y: np.ndarray
    T: np.ndarray
    task: str = "classification"
    feature_names: tuple[str, ...] = ()
    class_names: tuple[str, ...] = field(default=())

    @property
    def n_samples(self) -> int:
        return self.X.shape[0]

    @property
    def n_features(self) -> int:
        return self.X.shape[1]

    @property
    def n_classes(self) -> int:
        """Number of classes (0 for regression)."""
        return len(self.class_names) if self.task == "classification" else 0

    def subset(self, rows) -> "Dataset":
        """Return the samples at ``rows`` (indices or a boolean mask) as a new Dataset."""
        return make_dataset(
            self.name,
            self.description,
            self.X[rows],
            self.y[rows],
            task=self.task,
            feature_names=self.feature_names,
            class_names=self.class_names,
        )

    def split(self, test_fraction=0.25, rng=0) -> tuple["Dataset", "Dataset"]:
        """Shuffle with ``rng``; return (train, test), the test part holding ``test_fraction``.

        Classification sets are split class by class (stratified), so both
        parts keep the class proportions.
        """
        if not 0.0 < test_fraction < 1.0:
            message = translate(
                "Datasets", "The test fraction must lie between 0 and 1, not {value}."
            )
            raise ConfigError(message.format(value=test_fraction))
        rng = as_rng(rng)
        groups = [np.arange(self.n_samples)]
        if self.task == "classification":
            groups = [np.flatnonzero(self.y == k) for k in range(self.n_classes)]
        test_rows = []
        for rows in groups:
            n_test = round(test_fraction * len(rows))
            test_rows.append(rng.permutation(rows)[:n_test])
        is_test = np.zeros(self.n_samples, dtype=bool)
        is_test[np.concatenate(test_rows)] = True
        if is_test.all() or not is_test.any():
            message = translate(
                "Datasets", "{count} samples are too few to split {share} off for testing."
            )
            raise ConfigError(message.format(count=self.n_samples, share=f"{test_fraction:.0%}"))
        return self.subset(~is_test), self.subset(is_test)


def input_scaling(X: np.ndarray, method: str) -> tuple[np.ndarray, np.ndarray]:
    r"""The ``(offset, scale)`` of each column of ``X`` that maps it by :math:`(x - o) / s`.

    Parameters
    ----------
    X : np.ndarray, shape (n_samples, n_features)
    method : {"z-score", "min-max"}
        "z-score": mean and standard deviation; "min-max": minimum and range.

    Returns
    -------
    offset, scale : np.ndarray, shape (n_features,)
        A constant column's scale is 1, so it is only shifted.
    """
    if method == "z-score":
        offset, scale = X.mean(axis=0), X.std(axis=0)
    elif method == "min-max":
        offset = X.min(axis=0)
        scale = X.max(axis=0) - offset
    else:
        message = translate("Datasets", "Unknown input scaling {name}: choose z-score or min-max.")
        raise ConfigError(message.format(name=repr(method)))
    return offset, np.where(scale == 0, 1.0, scale)


def standardize(reference: Dataset, *others: Dataset) -> tuple[Dataset, ...]:
    r"""Rescale every feature to mean 0 and standard deviation 1, as measured on ``reference``.

    Each feature becomes :math:`(x - \mu) / \sigma` with :math:`\mu, \sigma` taken
    from ``reference`` (the training part) and applied to ``others`` too, so
    the test part learns nothing from itself.  A constant feature is only
    centred.

    Returns
    -------
    tuple of Dataset
        ``reference`` and then each of ``others``, rescaled.
    """
    return rescale("z-score", reference, *others)


def min_max(reference: Dataset, *others: Dataset) -> tuple[Dataset, ...]:
    r"""Rescale every feature to [0, 1] over ``reference``: :math:`(x - \min) / (\max - \min)`.

    The minimum and maximum come from ``reference`` (the training part) and
    apply to ``others`` too, whose values may so fall outside [0, 1].  A
    constant feature is only shifted to 0.
    """
    return rescale("min-max", reference, *others)


def rescale(method: str, reference: Dataset, *others: Dataset) -> tuple[Dataset, ...]:
    """Return ``reference`` and ``others`` scaled by :func:`input_scaling` of ``reference``."""
    offset, scale = input_scaling(reference.X, method)
    return tuple(
        make_dataset(
            d.name,
            d.description,
            (d.X - offset) / scale,
            d.y,
            task=d.task,
            feature_names=d.feature_names,
            class_names=d.class_names,
        )
        for d in (reference, *others)
    )


def targets_for(y: np.ndarray, n_classes: int) -> np.ndarray:
    """Return the training targets for labels ``y``: one column for 2 classes, one-hot above."""
    if n_classes <= 2:
        return y.astype(np.float64).reshape(-1, 1)
    return np.eye(n_classes)[y.astype(int)]


def make_dataset(
    name, description, X, y, *, task="classification", feature_names=(), class_names=None
) -> Dataset:
    """Build a read-only :class:`Dataset`, deriving ``T`` and default names from ``X`` and ``y``.

    A regression ``y`` of shape (n_samples, k > 1) gives k targets; any other
    ``y`` is flattened to one label or value per sample.
    """
    X = np.array(X, dtype=np.float64, ndmin=2)
    y = np.array(y, dtype=np.float64 if task == "regression" else np.int64)
    if task == "classification":
        y = y.ravel()
        class_names = tuple(class_names or (str(k) for k in range(int(y.max()) + 1)))
        T = targets_for(y, len(class_names))
    else:
        class_names = ()
        T = y.reshape(X.shape[0], -1).copy()
        y = y.ravel() if T.shape[1] == 1 else T.copy()
    feature_names = tuple(feature_names or (f"x{k + 1}" for k in range(X.shape[1])))
    for array in (X, y, T):
        array.flags.writeable = False
    return Dataset(name, description, X, y, T, task, feature_names, class_names)


# ----------------------------------------------------------------- logic gates
_GATE_INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]]


def _gate(name, outputs, description):
    return make_dataset(
        name, description, _GATE_INPUTS, outputs, feature_names=("x1", "x2"), class_names=("0", "1")
    )


def and_gate() -> Dataset:
    return _gate(
        "and",
        [0, 0, 0, 1],
        QT_TRANSLATE_NOOP("Datasets", "Logical AND of two inputs: linearly separable."),
    )


def or_gate() -> Dataset:
    return _gate(
        "or",
        [0, 1, 1, 1],
        QT_TRANSLATE_NOOP("Datasets", "Logical OR of two inputs: linearly separable."),
    )


def nand_gate() -> Dataset:
    return _gate(
        "nand",
        [1, 1, 1, 0],
        QT_TRANSLATE_NOOP("Datasets", "Logical NAND of two inputs: linearly separable."),
    )


def xor() -> Dataset:
    return _gate(
        "xor",
        [0, 1, 1, 0],
        QT_TRANSLATE_NOOP(
            "Datasets", "Exclusive OR: not linearly separable, needs a hidden layer."
        ),
    )


# ----------------------------------------------------------------- 2-D toys
def blobs(n=100, spread=0.5, rng=0) -> Dataset:
    """Two Gaussian blobs around (-1, -1) and (1, 1), always separable by x1 + x2 = 0.

    A point that falls on the wrong side is mirrored across that line.
    """
    rng = as_rng(rng)
    y = np.arange(n) % 2
    centre = np.where(y == 1, 1.0, -1.0)[:, None]
    X = centre + spread * rng.standard_normal((n, 2))
    wrong = np.sign(X.sum(axis=1)) != np.sign(centre[:, 0])
    X[wrong] = -X[wrong][:, ::-1]
    return make_dataset(
        "blobs", QT_TRANSLATE_NOOP("Datasets", "Two linearly separable clouds of points."), X, y
    )


def circles(n=200, noise=0.05, factor=0.5, rng=0) -> Dataset:
    """A ring of class 0 around a smaller ring (radius ``factor``) of class 1."""
    rng = as_rng(rng)
    y = np.arange(n) % 2
    angle = rng.uniform(0, 2 * np.pi, n)
    radius = np.where(y == 1, factor, 1.0)
    X = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    X += noise * rng.standard_normal((n, 2))
    return make_dataset(
        "circles",
        QT_TRANSLATE_NOOP("Datasets", "A ring inside a ring: needs a curved boundary."),
        X,
        y,
    )


def moons(n=200, noise=0.1, rng=0) -> Dataset:
    """Two interleaving half circles."""
    rng = as_rng(rng)
    y = np.arange(n) % 2
    angle = rng.uniform(0, np.pi, n)
    X = np.where(
        (y == 0)[:, None],
        np.column_stack([np.cos(angle), np.sin(angle)]),
        np.column_stack([1.0 - np.cos(angle), 0.5 - np.sin(angle)]),
    )
    X += noise * rng.standard_normal((n, 2))
    return make_dataset(
        "moons", QT_TRANSLATE_NOOP("Datasets", "Two interleaving half moons."), X, y
    )


def spirals(n=200, noise=0.05, turns=1.5, rng=0) -> Dataset:
    """Two spirals wound around each other, the hardest of the 2-D toys."""
    rng = as_rng(rng)
    y = np.arange(n) % 2
    t = np.sqrt(rng.uniform(0.02, 1.0, n)) * turns * 2 * np.pi
    angle = t + np.pi * y
    X = (t / (turns * 2 * np.pi))[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    X += noise * rng.standard_normal((n, 2))
    return make_dataset("spirals", QT_TRANSLATE_NOOP("Datasets", "Two intertwined spirals."), X, y)


def sine(n=100, noise=0.1, rng=0) -> Dataset:
    """Noisy 1-D regression: y = sin(2 pi x) + noise for x in [0, 1]."""
    rng = as_rng(rng)
    x = np.sort(rng.uniform(0.0, 1.0, n))
    y = np.sin(2 * np.pi * x) + noise * rng.standard_normal(n)
    return make_dataset(
        "sine",
        QT_TRANSLATE_NOOP("Datasets", "Noisy sine wave: fit a curve (regression)."),
        x[:, None],
        y,
        task="regression",
        feature_names=("x",),
    )


# ------------------------------------------------------- the tutorials' examples
#: Miles per kilometre.
MILES_PER_KM = 0.621371


def km_to_miles() -> Dataset:
    """Kilometres and miles: one linear neuron learns the factor (100 km -> 62.137 miles)."""
    km = np.array([0.0, 10.0, 25.0, 50.0, 75.0, 100.0, 150.0, 200.0])
    miles = np.round(km * MILES_PER_KM, 3)
    return make_dataset(
        "km_to_miles",
        QT_TRANSLATE_NOOP(
            "Datasets", "Predict miles from kilometres (tutorial 001): 100 km is 62.137 miles."
        ),
        km[:, None],
        miles,
        task="regression",
        feature_names=("km",),
    )


def ladybird_caterpillar() -> Dataset:
    """Bug widths and lengths: ladybirds are wide and short, caterpillars narrow and long.

    The first two rows are tutorial 001's ladybird (width 3.0, length 1.0) and
    caterpillar (width 1.0, length 3.0); the other four are bugs like them.
    """
    X = [[3.0, 1.0], [1.0, 3.0], [2.8, 1.2], [0.8, 2.6], [3.4, 1.4], [1.3, 3.5]]
    return make_dataset(
        "ladybird_caterpillar",
        QT_TRANSLATE_NOOP(
            "Datasets", "Tell ladybirds from caterpillars by width and length (tutorial 001)."
        ),
        X,
        [0, 1, 0, 1, 0, 1],
        feature_names=("width", "length"),
        class_names=("ladybird", "caterpillar"),
    )


def three_input_table() -> Dataset:
    """The single sigmoid neuron's table: the output copies the first input (tutorial 002)."""
    return make_dataset(
        "three_input_table",
        QT_TRANSLATE_NOOP(
            "Datasets", "Four 3-input samples whose output equals the first input (tutorial 002)."
        ),
        [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]],
        [0, 1, 1, 0],
        feature_names=("a", "b", "c"),
    )


# ----------------------------------------------------------------- real data
def digits() -> Dataset:
    """UCI optical handwritten digits: 1,797 8x8 images, pixels scaled to [0, 1], 10 classes."""
    with gzip.open(resource_path("datasets", "digits.csv.gz"), "rt") as f:
        header = f.readline().strip().split(",")
        table = np.loadtxt(f, delimiter=",")
    return make_dataset(
        "digits",
        QT_TRANSLATE_NOOP("Datasets", "Handwritten digits 0-9 as 8x8 images (UCI, 1,797 samples)."),
        table[:, :-1] / 16.0,
        table[:, -1],
        feature_names=header[:-1],
        class_names=tuple(str(d) for d in range(10)),
    )


def iris() -> Dataset:
    """Fisher's Iris: 150 flowers, 4 measurements in cm, 3 species."""
    with open(resource_path("datasets", "iris.csv"), newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    species = ("setosa", "versicolor", "virginica")
    X = [[float(v) for v in row[:-1]] for row in rows]
    y = [species.index(row[-1]) for row in rows]
    return make_dataset(
        "iris",
        QT_TRANSLATE_NOOP(
            "Datasets", "Three species of iris by sepal and petal size (UCI, 150 samples)."
        ),
        X,
        y,
        feature_names=header[:-1],
        class_names=species,
    )


DATASETS: dict[str, Callable[[], Dataset]] = {
    "and": and_gate,
    "or": or_gate,
    "nand": nand_gate,
    "xor": xor,
    "blobs": blobs,
    "circles": circles,
    "moons": moons,
    "spirals": spirals,
    "sine": sine,
    "km_to_miles": km_to_miles,
    "ladybird_caterpillar": ladybird_caterpillar,
    "three_input_table": three_input_table,
    "digits": digits,
    "iris": iris,
}


def load(name: str) -> Dataset:
    """Return the data set called ``name`` with its default settings."""
    try:
        return DATASETS[name]()
    except KeyError:
        message = translate("Datasets", "Unknown data set {name}: choose one of {known}.")
        raise ConfigError(message.format(name=repr(name), known=", ".join(DATASETS))) from None
