"""Every number a drawn network computes for one sample, by neuron and by connection.

The editor shows these next to the neurons and connections they belong to
(a neuron's fill, a tooltip with its net input and output, a connection's
colour and width).  They are computed from copies of the weights (a training
report's, never the arrays a worker is updating) with the same formula and
the same activation functions as :class:`~nnsim.engine.MLP`, so they agree
to the last bit with its ``forward_all`` of the same one sample (a batch may
differ in the last bit: BLAS sums a batch's products in another order).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnsim.engine.activations import activate
from nnsim.engine.mlp_skips import net_input
from nnsim.errors import DataError
from nnsim.model.compiler import CompiledNetwork
from nnsim.model.document import NetworkDocument
from nnsim.model.records import Connection
from nnsim.text import translate


@dataclass(frozen=True)
class NeuronValue:
    """One neuron's numbers for one sample: net input ``z`` (None for inputs) and output ``a``."""

    net_input: float | None
    output: float


def layer_values(
    weights: Sequence[np.ndarray],
    biases: Sequence[np.ndarray] | None,
    activations: Sequence[str],
    x: np.ndarray,
    blocks=None,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    r"""Forward one sample through the layers and keep every net input and output.

    .. math::

        z_k = W_k a_{k-1} + b_k, \qquad a_k = f_k(z_k), \qquad a_0 = x

    Parameters
    ----------
    weights : sequence of (n_k, n_{k-1}) arrays
    biases : sequence of (n_k,) arrays, or None for a network without biases
    activations : sequence of str
        The activation name of each layer after the input.
    x : (n_0,) array
        The sample.
    blocks : the network's ``input_blocks``, optional
        Needed when it has skip connections (see :func:`forward_pass`).

    Returns
    -------
    net_inputs : list of (n_k,) arrays, k = 1..L
    outputs : list of (n_k,) arrays, k = 0..L (``outputs[0]`` is ``x``)
    """
    a = np.asarray(x, dtype=np.float64).reshape(1, -1)
    if a.shape[1] != weights[0].shape[1]:
        raise DataError(
            translate(
                "Values", "The sample has {values} values but the network has {inputs} inputs."
            ).format(values=a.shape[1], inputs=weights[0].shape[1])
        )
    net_inputs, outputs = forward_pass(weights, biases, activations, a, blocks)
    return [z[0] for z in net_inputs], [a[0]] + [out[0] for out in outputs]


def forward_pass(
    weights: Sequence[np.ndarray],
    biases: Sequence[np.ndarray] | None,
    activations: Sequence[str],
    A: np.ndarray,
    blocks=None,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    r"""Every layer's net inputs and outputs for every row of ``A``, in one pass.

    .. math::

        Z_k = A_{k-1} W_k^T + b_k, \qquad A_k = f_k(Z_k), \qquad A_0 = A

    the engine's ``X @ W.T``, so the sums round as in training; a layer with
    skip connections adds :math:`A_s S_{k,s}^T` for each source ``s`` as the
    engine does (:func:`nnsim.engine.mlp_skips.net_input`).

    Parameters
    ----------
    weights : sequence of (n_k, n_{k-1}) arrays
    biases : sequence of (n_k,) arrays, or None for a network without biases
    activations : sequence of str
        The activation name of each layer after the input.
    A : (n_points, n_0) array
        The inputs: one sample, or a grid over the input plane.
    blocks : tuple, optional
        The network's ``input_blocks`` (which weight columns each earlier layer
        feeds); None for a network without skip connections.

    Returns
    -------
    net_inputs, outputs : lists of (n_points, n_k) arrays, k = 1..L
    """
    A = A0 = np.asarray(A, dtype=np.float64)
    net_inputs, outputs = [], []
    for k, (W, name) in enumerate(zip(weights, activations, strict=True)):
        Z = A @ W.T if blocks is None else net_input(W, [A0, *outputs], blocks[k])
        if biases is not None:
            Z += biases[k]
        A = activate(name, Z)
        net_inputs.append(Z)
        outputs.append(A)
    return net_inputs, outputs


def neuron_values(
    document: NetworkDocument,
    compiled: CompiledNetwork,
    weights: Sequence[np.ndarray],
    biases: Sequence[np.ndarray] | None,
    x: np.ndarray,
) -> dict[str, NeuronValue]:
    """Map every neuron id of ``compiled`` to its :class:`NeuronValue` for sample ``x``."""
    activations = [document.activation_of(layer.id) for layer in document.layers[1:]]
    net_inputs, outputs = layer_values(
        weights, biases, activations, x, input_blocks(compiled.network)
    )
    return {
        nid: NeuronValue(
            None if layer == 0 else float(net_inputs[layer - 1][row]),
            float(outputs[layer][row]),
        )
        for nid, (layer, row) in compiled.index.items()
    }


def connection_weights(
    compiled: CompiledNetwork, connections: Sequence[Connection], weights: Sequence[np.ndarray]
) -> dict[Connection, float]:
    """Map each connection (source id, target id) to its weight in ``weights``."""
    values = {}
    for source, target in connections:
        _is_weight, layer, where = compiled.parameter_index(target, source)
        values[(source, target)] = float(weights[layer][where])
    return values


def input_blocks(network):
    """An MLP's ``input_blocks`` (for :func:`forward_pass`); None for a perceptron."""
    return getattr(network, "input_blocks", None)
