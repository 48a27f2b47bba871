"""The example projects of ``resources/examples/``: the tutorials' networks, ready to train.

Each example is a recipe here (:data:`RECIPES`) that builds a
:class:`~nnsim.io.project.Project`; ``python -m nnsim.io.examples`` writes
them to ``resources/examples/`` and a test checks that the files still
match their recipes.  Where a tutorial starts from given weights (the
km-to-miles constant 0.5, the slope classifier's 0.25, the 3-3-3 network of
"Make Your Own Neural Network") the project holds those weights with an
empty history, so the first steps show the tutorial's numbers.
"""

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnsim.engine.datasets import make_dataset
from nnsim.io.pattern_sets import built_in_set
from nnsim.io.project import SUFFIX, Project, load_project, save_project
from nnsim.model import NetworkDocument, new_hopfield, new_mlp, new_perceptron, new_rbm
from nnsim.model.memory import PatternMemory
from nnsim.model.settings import CUSTOM, Settings
from nnsim.model.starters import RBM_SETTINGS, XOR_SETTINGS, xor_network
from nnsim.resource_files import resource_path
from nnsim.text import QT_TRANSLATE_NOOP, translate

EXAMPLES_FOLDER = "examples"


@dataclass(frozen=True)
class Example:
    """An example project as File > Open Example lists it (title and description translated)."""

    name: str  # the file's stem
    title: str
    description: str

    @property
    def path(self) -> Path:
        return resource_path(EXAMPLES_FOLDER, self.name + SUFFIX)


def _project(document: NetworkDocument, description: str, weights=None, data=None, **settings):
    if data is not None:
        settings["dataset"] = CUSTOM
    biases = None
    if weights is not None:
        weights = [np.array(w, dtype=float) for w in weights]
        biases = [np.zeros(w.shape[0]) for w in weights]
    values = Settings(custom_data=data, **settings).values()
    return Project(document, values, weights, biases, {}, data, description)


def _with_output(document: NetworkDocument, activation: str) -> NetworkDocument:
    document.set_property(document.layers[-1].id, "activation", activation)
    return document


def _without_bias(document: NetworkDocument) -> NetworkDocument:
    document.set_property("", "bias", False)
    return document


def km_to_miles() -> Project:
    return _project(
        _without_bias(new_perceptron(1, 1, rule="nlms", name="km to miles")),
        QT_TRANSLATE_NOOP("Examples", "One linear neuron learns miles = c · km, starting from the "
                          "tutorial's c = 0.5 (tutorial 001)."),
        weights=[[[0.5]]], dataset="km_to_miles", learning_rate=0.5, max_epochs=50,
        use_target_error=False,
    )  # fmt: skip


def slope_classifier() -> Project:
    bugs = make_dataset(
        "ladybird_caterpillar_line",
        QT_TRANSLATE_NOOP("Datasets", "Two bugs and the lengths the dividing line y = A x "
                          "should reach above them."),
        [[3.0], [1.0]], [1.1, 2.9], task="regression", feature_names=("width",),
    )  # fmt: skip
    return _project(
        _without_bias(new_perceptron(1, 1, rule="nlms", name="Ladybird or caterpillar")),
        QT_TRANSLATE_NOOP("Examples", "The dividing line y = A x learns by ΔA = L·E/x: A = 0.25 "
                          "becomes 0.3083 and then 1.6042 (tutorial 001; step one sample at a "
                          "time)."),
        weights=[[[0.25]]], data=bugs, learning_rate=0.5, max_epochs=10, use_target_error=False,
    )  # fmt: skip


def bug_perceptron() -> Project:
    return _project(
        new_perceptron(2, 1, name="Ladybirds and caterpillars"),
        QT_TRANSLATE_NOOP("Examples", "A Rosenblatt perceptron separates ladybirds from "
                          "caterpillars by width and length."),
        dataset="ladybird_caterpillar", learning_rate=0.1, target_error=0.0,
    )  # fmt: skip


def three_input_neuron() -> Project:
    return _project(
        _without_bias(new_mlp((3, 1), name="3-input neuron")),
        QT_TRANSLATE_NOOP("Examples", "One sigmoid neuron learns that the output copies the "
                          "first input (tutorial 002)."),
        dataset="three_input_table", learning_rate=4.0, max_epochs=10_000, use_target_error=False,
    )  # fmt: skip


#: The XOR examples' description, their hidden layer's size and activation filled in.
XOR_DESCRIPTION = QT_TRANSLATE_NOOP(
    "Examples",
    "XOR on a 2-{hidden}-1 network ({activation} hidden layer): one layer cannot learn it, "
    "a hidden layer can.",
)


def xor(hidden: int, activation: str = "sigmoid") -> Callable[[], Project]:
    def recipe() -> Project:
        description = XOR_DESCRIPTION.format(hidden=hidden, activation=activation)
        return _project(xor_network(hidden, activation), description, **XOR_SETTINGS)

    recipe.description_fields = {"hidden": hidden, "activation": activation}  # see examples()
    return recipe


#: The Keras XOR recipe of tutorial 001, setting by setting: 10 tanh hidden units, a sigmoid
#: output, binary cross-entropy, plain SGD at rate 0.1, 1,000 epochs.  Keras's defaults fill
#: in the rest: Glorot-uniform weights (nnsim's xavier), zero biases, and batches of 32 (so
#: all four samples at once); it trains every epoch (no target error).
KERAS_XOR_SETTINGS = {
    "dataset": "xor", "loss": "bce", "optimizer": "sgd", "learning_rate": 0.1, "momentum": 0.0,
    "init": "xavier", "batch_size": 0, "max_epochs": 1000, "use_target_error": False,
    "speed": "100",
}  # fmt: skip


def xor_keras() -> Project:
    document = _with_output(new_mlp((2, 10, 1), "tanh", "XOR 2-10-1, Keras recipe"), "sigmoid")
    return _project(
        document,
        QT_TRANSLATE_NOOP(
            "Examples",
            "XOR as tutorial 001 trains it in Keras: 10 tanh hidden units, a sigmoid output, "
            "binary cross-entropy, learning rate 0.1, 1,000 epochs (the 2-4-1 example: 4 sigmoid "
            "hidden units, squared error, rate 0.5, until the error is 0.001).",
        ),
        **KERAS_XOR_SETTINGS,
    )


def matrix_layer() -> Project:
    sample = make_dataset(
        "one_sample",
        QT_TRANSLATE_NOOP("Datasets", "The tutorial's input [1.0, 0.5] (targets left at 0 and 1)."),
        [[1.0, 0.5]], [[0.0, 1.0]], task="regression", feature_names=("i1", "i2"),
    )  # fmt: skip
    return _project(
        _without_bias(new_mlp((2, 2), name="2-2 sigmoid layer")),
        QT_TRANSLATE_NOOP("Examples", "A layer in matrix form as tutorial 001 works it: "
                          "W = [[0.9, 0.3], [0.2, 0.8]] and the input [1.0, 0.5] give the "
                          "outputs 0.7408 and 0.6457."),
        weights=[[[0.9, 0.3], [0.2, 0.8]]], data=sample, learning_rate=0.1, max_epochs=100,
    )  # fmt: skip


def one_update() -> Project:
    # The output o = sigmoid(2.0 x 0.4 + 3.0 x 0.5) = sigmoid(2.3); the target is 0.8 above it.
    target = 1.0 / (1.0 + math.exp(-2.3)) + 0.8
    sample = make_dataset(
        "one_sample",
        QT_TRANSLATE_NOOP("Datasets", "Hidden outputs 0.4 and 0.5 in; the target 1.709 is the "
                          "output sigmoid(2.3) = 0.9089 plus 0.8, so that the error is the "
                          "tutorial's 0.8."),
        [[0.4, 0.5]], [target], task="regression", feature_names=("o1", "o2"),
    )  # fmt: skip
    return _project(
        _without_bias(new_mlp((2, 1), name="One weight update")),
        QT_TRANSLATE_NOOP("Examples", "One backpropagation step by hand (tutorial 001): with "
                          "error 0.8 and learning rate 0.1, the weight 2.0 becomes 2.00265 "
                          "(Explain a Step, then Step)."),
        weights=[[[2.0, 3.0]]], data=sample, learning_rate=0.1, max_epochs=100,
        use_target_error=False,
    )  # fmt: skip


#: "Make Your Own Neural Network"'s 3-layer example: input, and weights (rows: destinations).
MYONN_INPUT = [0.9, 0.1, 0.8]
MYONN_WEIGHTS = (
    [[0.9, 0.3, 0.4], [0.2, 0.8, 0.2], [0.1, 0.5, 0.6]],
    [[0.3, 0.7, 0.5], [0.6, 0.5, 0.2], [0.8, 0.1, 0.9]],
)
#: A target chosen for it (the book gives none): the middle output high, the others low.
MYONN_TARGET = [0.01, 0.99, 0.01]


def three_layer_network() -> Project:
    sample = make_dataset(
        "one_sample",
        QT_TRANSLATE_NOOP("Datasets", "The book's input [0.9, 0.1, 0.8] with a target to learn."),
        [MYONN_INPUT], [MYONN_TARGET], task="regression", feature_names=("i1", "i2", "i3"),
    )  # fmt: skip
    return _project(
        _without_bias(new_mlp((3, 3, 3), name="3-3-3 sigmoid network")),
        QT_TRANSLATE_NOOP("Examples", "The 3-layer sigmoid network worked by hand in tutorial "
                          "001: hidden outputs 0.761, 0.603, 0.650 and outputs 0.726, 0.709, "
                          "0.778 (0.708 by hand, from the rounded hidden outputs)."),
        weights=MYONN_WEIGHTS, data=sample, learning_rate=0.3, max_epochs=1000,
    )  # fmt: skip


def digits() -> Project:
    document = _with_output(new_mlp((64, 100, 10), "tanh", "Digits 64-100-10"), "softmax")
    return _project(
        document,
        QT_TRANSLATE_NOOP("Examples", "Handwritten digits 0-9 (8x8 pixels) on a 64-100-10 "
                          "network: about 96% right on digits it never saw (tutorial 003)."),
        dataset="digits", loss="cce", learning_rate=0.1, batch_size=32, max_epochs=60,
        normalisation="z-score", validation_share=0.2, use_target_error=False,
    )  # fmt: skip


def digits_rbm() -> Project:
    return _project(
        new_rbm(name="Digits RBM 64-100"),
        QT_TRANSLATE_NOOP("Examples", "A restricted Boltzmann machine learns the handwritten "
                          "digits without their labels: watch its filters, its reconstructions "
                          "and, once trained, the digits it dreams."),
        **RBM_SETTINGS,
    )  # fmt: skip


def iris() -> Project:
    document = _with_output(new_mlp((4, 8, 3), "tanh", "Iris 4-8-3"), "softmax")
    return _project(
        document,
        QT_TRANSLATE_NOOP("Examples", "Three species of iris from four measurements, with a "
                          "validation share to watch for overfitting."),
        dataset="iris", loss="cce", learning_rate=0.05, batch_size=16, max_epochs=300,
        normalisation="z-score", validation_share=0.2, use_target_error=False,
    )  # fmt: skip


#: The screening example's people: how many are healthy and ill, and how far the ill ones'
#: two test results lie from the healthy ones' (in standard deviations, along each test).
SCREENING_PEOPLE, SCREENING_ILL, SCREENING_SHIFT = 450, 50, 1.0


def screening() -> Project:
    # Two overlapping clouds, one ten times the other: a line that calls almost everyone
    # healthy loses little error, so accuracy stays high while most ill people are missed.
    rng = np.random.default_rng(12)
    healthy = rng.normal(0.0, 1.0, (SCREENING_PEOPLE, 2))
    ill = rng.normal(SCREENING_SHIFT, 1.0, (SCREENING_ILL, 2))
    people = make_dataset(
        "screening",
        QT_TRANSLATE_NOOP("Datasets", "Two test results for 500 people, 1 in 10 of them ill "
                          "(made up: two overlapping normal clouds)."),
        np.round(np.vstack([healthy, ill]), 2),
        [0] * SCREENING_PEOPLE + [1] * SCREENING_ILL,
        feature_names=("test A", "test B"), class_names=("healthy", "ill"),
    )  # fmt: skip
    return _project(
        new_mlp((2, 1), name="Screening 2-1"),
        QT_TRANSLATE_NOOP("Examples", "Imbalanced data: one sigmoid neuron screens 500 people "
                          "for a rare illness (1 in 10 ill; 100 held out). It scores over 90% on "
                          "the held-out people while finding only 3 of the 10 ill ones: read the "
                          "ill class's recall, not the accuracy."),
        data=people, loss="bce", learning_rate=0.5, max_epochs=500, validation_share=0.2,
        use_target_error=False,
    )  # fmt: skip


#: The letters the Hopfield example stores.  They are alike (white round a black letter:
#: 'C' and 'L' overlap 0.66), which mixes Hebb's rule up; the pseudo-inverse rule recalls
#: them from 20% noise.
HOPFIELD_LETTERS = ("A", "C", "H", "L", "T")


def hopfield_letters() -> Project:
    memory = PatternMemory(10, 10)
    letters = dict(built_in_set("letters").patterns)
    memory.add_patterns([(name, letters[name]) for name in HOPFIELD_LETTERS])
    memory.store("hebb")
    memory.set_current(letters["A"])
    memory.corrupt(0.2, rng=7)
    return Project(
        new_hopfield(10, 10, name="Hopfield letters"), Settings().values(),
        description=QT_TRANSLATE_NOOP("Examples", "Five letters stored in 100 neurons by Hebb's "
        "rule, the default; the grid shows 'A' with 20% of its cells flipped. Run it: the letters "
        "are alike (they overlap up to 0.66), and Hebb's rule ends in a mixture far below its 14 "
        "patterns. Undo, store them by the pseudo-inverse rule and Run again: 'A' comes back."),
        memory=memory,
    )  # fmt: skip


#: name -> (title, recipe), in the order File > Open Example lists them.  Titles and the
#: recipes' descriptions are marked for translation under "Examples" (the data sets'
#: under "Datasets"); the project files keep the English.
RECIPES: dict[str, tuple[str, Callable[[], Project]]] = {
    "km_to_miles": (QT_TRANSLATE_NOOP("Examples", "Kilometres to miles"), km_to_miles),
    "ladybird_caterpillar": (
        QT_TRANSLATE_NOOP("Examples", "Ladybird or caterpillar: the dividing line"),
        slope_classifier,
    ),
    "bug_perceptron": (
        QT_TRANSLATE_NOOP("Examples", "Ladybirds and caterpillars: a perceptron"),
        bug_perceptron,
    ),
    "three_input_neuron": (QT_TRANSLATE_NOOP("Examples", "The 3-input neuron"), three_input_neuron),
    "xor_2_2_1": (QT_TRANSLATE_NOOP("Examples", "XOR, 2-2-1"), xor(2)),
    "xor_2_4_1": (QT_TRANSLATE_NOOP("Examples", "XOR, 2-4-1"), xor(4)),
    "xor_2_10_1": (QT_TRANSLATE_NOOP("Examples", "XOR, 2-10-1 with tanh"), xor(10, "tanh")),
    "xor_keras_2_10_1": (
        QT_TRANSLATE_NOOP("Examples", "XOR, the Keras recipe (2-10-1, tanh, cross-entropy)"),
        xor_keras,
    ),
    "matrix_layer": (QT_TRANSLATE_NOOP("Examples", "A layer in matrix form: 0.7408"), matrix_layer),
    "one_update": (
        QT_TRANSLATE_NOOP("Examples", "One weight update: 2.0 becomes 2.00265"),
        one_update,
    ),
    "three_layer_network": (
        QT_TRANSLATE_NOOP("Examples", "3-layer sigmoid network, by hand"),
        three_layer_network,
    ),
    "digits": (QT_TRANSLATE_NOOP("Examples", "Digits 64-100-10"), digits),
    "digits_rbm": (QT_TRANSLATE_NOOP("Examples", "Digits, a Boltzmann machine"), digits_rbm),
    "iris": (QT_TRANSLATE_NOOP("Examples", "Iris"), iris),
    "screening": (
        QT_TRANSLATE_NOOP("Examples", "Screening: a rare illness (imbalanced data)"),
        screening,
    ),
    "hopfield_letters": (QT_TRANSLATE_NOOP("Examples", "Hopfield letters"), hopfield_letters),
}


def examples() -> list[Example]:
    """The examples, each with its title and one-line description in the window's language."""
    return [
        Example(name, translate("Examples", title), _description(recipe))
        for name, (title, recipe) in RECIPES.items()
    ]


def _description(recipe: Callable[[], Project]) -> str:
    """A recipe's description, translated: an XOR recipe's sentence is translated before its
    network is filled in (the project file holds it filled in, in English)."""
    fields = getattr(recipe, "description_fields", None)
    if fields is not None:
        return translate("Examples", XOR_DESCRIPTION).format(**fields)
    return translate("Examples", recipe().description)


def load_example(name: str) -> Project:
    """Read an example's project file."""
    return load_project(resource_path(EXAMPLES_FOLDER, name + SUFFIX))


def write_examples(folder: Path) -> None:
    """Write every example's project file into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (_title, recipe) in RECIPES.items():
        save_project(folder / (name + SUFFIX), recipe())


if __name__ == "__main__":
    write_examples(Path(sys.argv[1]) if len(sys.argv) > 1 else resource_path(EXAMPLES_FOLDER))
