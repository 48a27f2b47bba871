r"""What a training report can carry beyond the error: the views inside a network.

Three measurements, each cheap next to an epoch, made at a report (at most
about 30 a second), never per epoch:

* :func:`gradient_sizes`: the root-mean-square gradient of the loss with
  respect to each layer's weights, :math:`\sqrt{\operatorname{mean}_{ij}
  (\partial E / \partial W_{l,ij})^2}`, over at most :data:`GRADIENT_SAMPLES`
  samples. Layer by layer it shows gradients vanishing (a deep sigmoid
  network's first layers get a millionth of the last one's) or exploding.
* :func:`update_ratios`: each layer's last update relative to its weights,
  :math:`\lVert \Delta W_l \rVert / \lVert W_l \rVert` (about 1e-3 is
  healthy; far below, the layer has stopped learning; near 1, it jumps).
* :func:`sample_errors`: each training sample's error, shape ``(n,)``, from
  one forward pass (the one that scores the accuracy).
"""

import numpy as np

from nnsim.engine.losses import sample_losses
from nnsim.engine.mlp import MLP

#: The gradient sizes come from at most this many samples, spread evenly over the data.
GRADIENT_SAMPLES = 128


def evenly_chosen(n: int, most: int) -> slice:
    """A slice picking at most ``most`` of ``n`` rows, spread evenly (all when n <= most)."""
    return slice(None, None, max(1, -(-n // most)))


def gradient_sizes(net: MLP, X: np.ndarray, T: np.ndarray) -> tuple[float, ...]:
    r"""Return each layer's root-mean-square weight gradient, first layer first.

    Parameters
    ----------
    net : MLP
    X : array, shape (n, n_inputs)
    T : array, shape (n, n_outputs)
        At most :data:`GRADIENT_SAMPLES` rows of them are used, evenly spread.

    Returns
    -------
    tuple of float
        :math:`\sqrt{\operatorname{mean}(\partial E/\partial W_l)^2}` per weight
        layer (masked connections count, with their zero gradient).
    """
    rows = evenly_chosen(len(X), GRADIENT_SAMPLES)
    _, weight_gradients, _ = net.gradients(X[rows], T[rows])
    return tuple(float(np.sqrt(np.mean(g * g))) for g in weight_gradients)


def update_ratios(before, after) -> tuple[float, ...]:
    r"""Return :math:`\lVert W^{after}_l - W^{before}_l \rVert / \lVert W^{after}_l \rVert`
    for each layer's weight matrix (0 where the weights are all 0)."""
    ratios = []
    for old, new in zip(before, after, strict=True):
        size = float(np.linalg.norm(new))
        ratios.append(float(np.linalg.norm(new - old)) / size if size else 0.0)
    return tuple(ratios)


def sample_errors(net, outputs: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Return each sample's error, shape ``(n,)``, from the network's ``outputs`` (n, K).

    For an MLP the loss it trains on, per sample; for a perceptron what its
    rule reports: 1 for a misclassified sample (Rosenblatt), else the mean
    squared error over its outputs (LMS, normalised LMS).
    """
    if isinstance(net, MLP):
        return sample_losses(net.loss, outputs, T)
    diff = T - outputs
    if net.rule == "rosenblatt":
        return diff.any(axis=1).astype(np.float64)
    return np.mean(diff * diff, axis=1)
