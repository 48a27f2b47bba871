r"""Skip connections: a layer fed by earlier layers besides the one before it.

A skip connection joins a neuron of layer :math:`s` to one of a later layer
:math:`l > s + 1`.  Layer :math:`l`'s net input then sums over every layer
that feeds it:

.. math::

    Z_l = A_{l-1} W_l^T + \sum_{s \in S(l)} A_s S_{l,s}^T + b_l,

where :math:`S(l)` are the earlier layers with connections into :math:`l`
and each skip matrix :math:`S_{l,s}` has shape ``(n_l, n_s)``.  Backpropagation
gives

.. math::

    \frac{\partial E}{\partial S_{l,s}} = \delta_l^T A_s, \qquad
    \delta_s = \Bigl(\delta_{s+1} W_{s+1} + \sum_{l:\, s \in S(l)} \delta_l S_{l,s}\Bigr)
    \odot f_s'(A_s).

**Storage.**  The skip matrices are not separate arrays: they are column
blocks of the layer's weight matrix, which becomes
:math:`[W_l \mid S_{l,s_1} \mid S_{l,s_2} \dots]` of shape
``(n_l, n_{l-1} + n_{s_1} + n_{s_2} + ...)``, sources in increasing order.
So the list of weights, ``parameters()``, ``set_parameters``, the connection
masks, the optimizers and the training loop's snapshots carry the skips
with no change, and a network without skips is laid out (and trained) exactly
as before.  :func:`input_blocks` says which columns belong to which layer.

The products are made block by block, ``A_{l-1} W_l^T`` first, so every
module that recomputes a forward pass with :func:`net_input` rounds as the
engine does.  :func:`forward` and :func:`backprop` also leave out the neurons
dropout drops in training (``keep``: :mod:`nnsim.engine.mlp_dropout`), with or
without skips.
"""

import numpy as np

from nnsim.errors import ConfigError
from nnsim.text import translate

#: Which layer feeds which columns of a weight matrix: (source layer, first column, end).
Block = tuple[int, int, int]


def check_skips(skips, n_layers: int) -> tuple[tuple[int, int], ...]:
    """The skips ``(target, source)`` sorted, each checked to jump forward over a layer.

    Layers are numbered as in ``layer_sizes`` (0 the input); ``n_layers`` counts them.
    """
    pairs = sorted({(int(t), int(s)) for t, s in skips})
    for target, source in pairs:
        if not 0 <= source < target - 1 < n_layers - 1:
            message = translate(
                "MLP",
                "A skip connection runs from a layer to a later one past the next: "
                "layer {source} to layer {target} is not one (layers 0 to {last}).",
            )
            raise ConfigError(message.format(source=source, target=target, last=n_layers - 1))
    return tuple(pairs)


def input_blocks(layer_sizes, skips) -> tuple[tuple[Block, ...], ...]:
    """For each layer after the input, the column blocks of its weight matrix.

    Returns
    -------
    tuple of tuples of (source, start, stop)
        Layer ``l``'s entry (index ``l - 1``) starts with ``(l - 1, 0, n_{l-1})``
        and goes on with each skip source ``s`` and its columns.
    """
    layouts = []
    for target in range(1, len(layer_sizes)):
        sources = [target - 1, *sorted(s for t, s in skips if t == target)]
        blocks, start = [], 0
        for source in sources:
            blocks.append((source, start, start + layer_sizes[source]))
            start += layer_sizes[source]
        layouts.append(tuple(blocks))
    return tuple(layouts)


def net_input(W, outputs, blocks):
    """Layer's net input without its bias: :math:`\\sum_s A_s S_{l,s}^T`, block by block.

    Parameters
    ----------
    W : array, shape (n_out, n_in_total), or (n_out, n_in_total, k) for k networks at once
    outputs : list of arrays
        The outputs of the layers so far, input first, each (n, n_s) (or (k, n, n_s)).
    blocks : tuple of (source, start, stop)
        From :func:`input_blocks`.
    """
    source, start, stop = blocks[0]
    if len(blocks) == 1:
        return outputs[source] @ W.T
    Z = outputs[source] @ W[:, start:stop].T
    for source, start, stop in blocks[1:]:
        Z = Z + outputs[source] @ W[:, start:stop].T
    return Z


def forward(net, X, keep=None):
    r"""Every layer's output ``[X, A_1, ..., A_L]`` of an MLP (new arrays), skips included.

    ``keep`` holds dropout's masks :math:`M_l` (None, or None for a layer without):
    then the outputs are :math:`A_l \odot M_l`, and the second value returned maps
    each such layer to its output before the mask.
    """
    outputs, whole = [X], {}
    for layer, (W, b, apply, blocks) in enumerate(
        zip(net._W, net._b, net._apply, net.input_blocks, strict=True), start=1
    ):
        Z = net_input(W, outputs, blocks)
        if net.has_bias:
            Z += b
        A = apply(Z)
        if keep is not None and keep[layer - 1] is not None:
            whole[layer], A = A, A * keep[layer - 1]
        outputs.append(A)
    return (outputs, whole) if keep is not None else outputs


def backprop(net, X, T, scale, keep=None):
    """(E, [scale * dE/dW_l, scale * dE/db_l, ...]) of an MLP with skips or dropout masks
    ``keep`` (see the module and :mod:`~nnsim.engine.mlp_dropout`)."""
    outputs, whole = forward(net, X, keep) if keep is not None else (forward(net, X), {})
    loss, delta = net._output_delta(outputs[-1], T, scale)
    if not np.isfinite(loss):
        net._raise_non_finite(X, T, loss)
    grads = [None] * (2 * len(net._W))
    pending = {}  # layer s -> sum of delta_l S_{l,s} over the later layers l it feeds
    for layer in range(len(net._W) - 1, -1, -1):
        W, blocks = net._W[layer], net.input_blocks[layer]
        gradient = np.empty_like(W)
        for source, start, stop in blocks:
            gradient[:, start:stop] = delta.T @ outputs[source]
        grads[2 * layer], grads[2 * layer + 1] = gradient, np.add.reduce(delta, axis=0)
        for source, start, stop in blocks[1:]:
            if source:  # the input layer needs no delta
                back = delta @ W[:, start:stop]
                pending[source] = back if source not in pending else pending[source] + back
        if layer:
            delta = delta @ W[:, : blocks[0][2]]
            if layer in pending:
                delta += pending.pop(layer)
            delta *= net._derivative[layer - 1](whole.get(layer, outputs[layer]))
            if layer in whole:
                delta *= keep[layer - 1]
    if net.masks is not None:
        for layer, mask in enumerate(net.masks):
            grads[2 * layer] *= mask
    return loss, grads
