"""The numbers behind each plot as tables (header, rows), ready for :func:`write_csv`.

Values stay Python floats, so a CSV written from them reads back exactly.
"""

from collections.abc import Sequence

import numpy as np

from nnsim.engine.datasets import Dataset

Table = tuple[list[str], list[list]]


def error_table(epochs: np.ndarray, train: np.ndarray, validation: np.ndarray) -> Table:
    """One row per epoch: its number, training error and validation error (NaN if none)."""
    columns = (epochs.tolist(), train.tolist(), validation.tolist())
    return ["epoch", "training error", "validation error"], [
        list(r) for r in zip(*columns, strict=True)
    ]


def predictions_table(data: Dataset, outputs: np.ndarray) -> Table:
    """One row per sample: its inputs, its target (class or value) and the network's outputs.

    ``outputs`` has shape (n_samples, n_outputs).
    """
    names = list(data.feature_names) or [f"x{k + 1}" for k in range(data.n_features)]
    header = [*names, "target", *(f"output {k + 1}" for k in range(outputs.shape[1]))]
    rows = [
        [*x, y, *o]
        for x, y, o in zip(data.X.tolist(), data.y.tolist(), outputs.tolist(), strict=True)
    ]
    return header, rows


def weights_table(weights: Sequence[np.ndarray], biases=None) -> Table:
    """One row per weight and bias: layer, neuron it feeds, neuron it comes from, value.

    Neurons count from 1 within their layer; a bias's "from" is "bias".
    """
    rows = []
    for layer, matrix in enumerate(weights):
        rows += [
            [layer + 1, to + 1, source + 1, float(matrix[to, source])]
            for to, source in np.ndindex(matrix.shape)
        ]
        if biases is not None:
            rows += [[layer + 1, to + 1, "bias", float(b)] for to, b in enumerate(biases[layer])]
    return ["layer", "to neuron", "from neuron", "weight"], rows


def explanation_table(explanation) -> Table:
    """The numbers of one explained step, one row each: what it is, its layer, the neuron it
    belongs to (or feeds), the neuron it comes from, and its value.

    ``explanation`` is an :class:`~nnsim.model.explain_parts.Explanation`: every layer's
    output for the sample (layer 0 is the input), then per layer of weights its gradient
    dE/dW (a perceptron: its update dw), the weights after the step and the biases after
    it.  Layers and neurons count from 1, as the explain view writes them.
    """
    rows = [
        ["output", layer, neuron + 1, "", float(value)]
        for layer, values in enumerate(explanation.outputs)
        for neuron, value in enumerate(np.ravel(values))
    ]
    for name, matrices in (("gradient", explanation.gradients),
                           ("new weight", explanation.new_weights)):  # fmt: skip
        rows += [
            [name, layer, to + 1, source + 1, float(matrix[to, source])]
            for layer, matrix in enumerate(matrices, 1)
            for to, source in np.ndindex(np.shape(matrix))
        ]
    rows += [
        ["new bias", layer, to + 1, "bias", float(value)]
        for layer, biases in enumerate(explanation.new_biases, 1)
        for to, value in enumerate(np.ravel(biases))
    ]
    return ["quantity", "layer", "neuron", "from neuron", "value"], rows
