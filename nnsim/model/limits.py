"""How big a network, a data set and a pattern memory may be, checked before anything is made.

A file can declare sizes that cost far more memory than its own bytes: a
4.6 MB project with two layers of 40,000 neurons asks for a 40,000 x 40,000
weight matrix (11.9 GiB), and a 259 KB CSV whose target holds 30,000
different labels asks for a 30,000-class one-hot table (6.7 GiB).  Readers
(:mod:`nnsim.model.serial`, :mod:`nnsim.io.csv_data`, the command line)
check the sizes here first and refuse, naming the number and the limit.

Each limit lies far beyond any network taught with nnsim (the digits example
is 64-100-10 with 7,400 weights; the benchmarks' largest, 784-256-256-10,
has 268,800) and keeps one array of weights or of a data set's numbers at
160 MB at most (float64), so opening a file never asks for more than a few
hundred MB.  The largest network nnsim itself builds is a 64 x 64 Hopfield
grid: 4,096 neurons, 16.8 million weights.
"""

import itertools

from nnsim.errors import ConfigError, DataError
from nnsim.text import translate

#: Neurons in one network: two of the editor's largest layers (100,000 each).
MAX_NEURONS = 200_000
#: Weights in one network, masks not counted: 160 MB as float64; a 64 x 64 Hopfield grid
#: (4,096² = 16.8 million) fits.  A layered network's weights are counted between
#: consecutive layers (every pair, drawn or not: removed connections are zeros in a
#: full matrix), a Hopfield network's as N².
MAX_WEIGHTS = 20_000_000
#: Classes of a classification target: one output neuron each.  A column with more
#: different labels holds names or ids, not classes.
MAX_CLASSES = 1_000
#: Inputs of a data set (one input neuron each): a 100 x 100 image.
MAX_INPUTS = 10_000
#: Numbers in a data set, inputs and (one-hot) targets together: 160 MB as float64.
MAX_DATA_VALUES = 20_000_000
#: Patterns in a Hopfield memory's library, and stored in its network.
MAX_PATTERNS = 1_000


def network_weights(kind: str, layer_sizes, skips=()) -> int:
    """The weights a network of ``layer_sizes`` holds (what :func:`compile` allocates).

    ``skips`` are the (target layer, source layer) pairs joined by skip connections:
    each pair's whole block of weights is allocated.
    """
    sizes = list(layer_sizes)
    if kind == "hopfield":
        return sum(sizes) ** 2
    joined = sum(sizes[target] * sizes[source] for target, source in skips)
    return joined + sum(a * b for a, b in itertools.pairwise(sizes))


def check_network_size(kind: str, layer_sizes, skips=()) -> None:
    """Refuse, with the number and the limit, a network too big to build.

    Raises
    ------
    ConfigError
        When the network has more than :data:`MAX_NEURONS` neurons or more
        than :data:`MAX_WEIGHTS` weights.
    """
    sizes = list(layer_sizes)
    neurons = sum(sizes)
    if neurons > MAX_NEURONS:
        raise ConfigError(
            translate(
                "Limits",
                "The network has {neurons} neurons; nnsim builds networks of up to {most}.",
            ).format(neurons=f"{neurons:,}", most=f"{MAX_NEURONS:,}")
        )
    weights = network_weights(kind, sizes, skips)
    if weights > MAX_WEIGHTS:
        if kind == "hopfield":
            text = translate(
                "Limits",
                "The network has {weights} weights; nnsim builds networks of up to {most}. "
                "Use a smaller grid.",
            )
        else:
            text = translate(
                "Limits",
                "The network has {weights} weights; nnsim builds networks of up to {most}. "
                "Use smaller layers.",
            )
        raise ConfigError(text.format(weights=f"{weights:,}", most=f"{MAX_WEIGHTS:,}"))


def check_data_size(samples: int, inputs: int, targets: int, classes: int = 0) -> None:
    """Refuse, with the number and the limit, a data set too big to make.

    ``targets`` counts the target columns (one for classes); ``classes`` the
    classes of a classification target (0 for values), trained as one column
    for two classes and one-hot (one column each) above.

    Raises
    ------
    DataError
    """
    if classes > MAX_CLASSES:
        raise DataError(
            translate(
                "Limits",
                "The target holds {classes} different classes; nnsim trains up to "
                "{most} (one output neuron each). A column of names or ids is not a "
                "class: ignore it, or choose Regression for numbers.",
            ).format(classes=f"{classes:,}", most=f"{MAX_CLASSES:,}")
        )
    if inputs > MAX_INPUTS:
        raise DataError(
            translate(
                "Limits",
                "The data has {inputs} inputs; nnsim trains on up to {most} (one input "
                "neuron each). Ignore the columns that are not inputs.",
            ).format(inputs=f"{inputs:,}", most=f"{MAX_INPUTS:,}")
        )
    columns = inputs + (classes if classes > 2 else targets)
    if samples * columns > MAX_DATA_VALUES:
        raise DataError(
            translate(
                "Limits",
                "The data set would hold {numbers} numbers ({samples} samples of "
                "{columns}); nnsim holds up to {most}. Use a sample of the rows.",
            ).format(
                numbers=f"{samples * columns:,}",
                samples=f"{samples:,}",
                columns=f"{columns:,}",
                most=f"{MAX_DATA_VALUES:,}",
            )
        )


def check_pattern_count(count: int, what: str) -> None:
    """Refuse more than :data:`MAX_PATTERNS` patterns (``what``: "library", "stored patterns")."""
    if count > MAX_PATTERNS:
        if what == "library":
            text = translate(
                "Limits",
                "The pattern memory's library holds {count} patterns; nnsim keeps up to {most}.",
            )
        else:
            text = translate(
                "Limits",
                "The pattern memory stores {count} patterns; nnsim keeps up to {most}.",
            )
        raise ConfigError(text.format(count=f"{count:,}", most=f"{MAX_PATTERNS:,}"))
