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
