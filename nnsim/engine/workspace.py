"""Reusable buffers for training on large batches.

Writing a batch's products into buffers allocated once
(``np.matmul(..., out=...)``) spares the allocator a round trip per batch,
which for large layers also means fresh pages to fault in.  Small batches
gain nothing: passing ``out=`` costs more than allocating a few numbers.
"""

import numpy as np

#: Batches whose widest layer holds fewer values than this train without buffers.
MIN_ELEMENTS = 4096

#: Buffers kept per network: a full batch, a mini-batch and the last, shorter one.
MAX_KEPT = 4


class Workspace:
    """Buffers for batches of ``n`` samples through layers of ``layer_sizes``.

    Attributes
    ----------
    inputs, targets : np.ndarray, shapes (n, n_inputs), (n, n_outputs)
        A shuffled batch gathered from the data.
    outputs : list of np.ndarray, shapes (n, size) per layer after the input
    deltas, slopes : lists of np.ndarray, shapes (n, size) per hidden layer
        Each hidden layer's delta, and its activation's derivative.
    grads : list of np.ndarray
        ``[dW_1, db_1, dW_2, db_2, ...]`` shaped like the weights and biases.
    """

    def __init__(self, n, layer_sizes, dtype):
        self.inputs = np.empty((n, layer_sizes[0]), dtype)
        self.targets = np.empty((n, layer_sizes[-1]), dtype)
        self.outputs = [np.empty((n, size), dtype) for size in layer_sizes[1:]]
        self.deltas = [np.empty((n, size), dtype) for size in layer_sizes[1:-1]]
        self.slopes = [np.empty((n, size), dtype) for size in layer_sizes[1:-1]]
        self.grads = []
        for n_out, n_in in zip(layer_sizes[1:], layer_sizes[:-1], strict=True):
            self.grads += [np.empty((n_out, n_in), dtype), np.empty(n_out, dtype)]


class WorkspaceCache:
    """The workspaces of one network, by batch size.

    ``reuse`` False gives no workspaces at all: a network with skip connections
    adds its layers' products into new arrays anyway (:mod:`~nnsim.engine.mlp_skips`).
    """

    def __init__(self, layer_sizes, dtype, reuse=True):
        self.layer_sizes, self.dtype, self.reuse = tuple(layer_sizes), dtype, reuse
        self._widest = max(layer_sizes)
        self._kept: dict[int, Workspace] = {}

    def __len__(self):
        return len(self._kept)

    def get(self, n_samples) -> Workspace | None:
        """Return the workspace for batches of ``n_samples`` rows, or None for small ones."""
        if not self.reuse or n_samples * self._widest < MIN_ELEMENTS:
            return None
        work = self._kept.get(n_samples)
        if work is None:
            if len(self._kept) >= MAX_KEPT:
                self._kept.clear()
            work = self._kept[n_samples] = Workspace(n_samples, self.layer_sizes, self.dtype)
        return work
