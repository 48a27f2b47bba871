r"""Multi-layer perceptron trained by backpropagation.

Layer :math:`l` holds a weight matrix :math:`W_l` of shape ``(n_out, n_in)``
(row ``j`` holds the weights *into* neuron ``j``, as the tutorials write
:math:`X = W \cdot I`) and a bias vector :math:`b_l`.  For a batch ``A0 = X``
of shape ``(n, n_in)``:

.. math::

    Z_l = A_{l-1} W_l^T + b_l, \qquad A_l = f_l(Z_l).

Backpropagation sends the error back from the output,

.. math::

    \delta_L = \frac{\partial E}{\partial O} \odot f_L'(O), \qquad
    \delta_{l-1} = (\delta_l W_l) \odot f_{l-1}'(A_{l-1}),

and the gradients are :math:`\partial E/\partial W_l = \delta_l^T A_{l-1}`,
:math:`\partial E/\partial b_l = \sum_n \delta_l`.  Connection masks (0/1
arrays shaped like the weights) remove connections: a masked weight is 0 and
stays exactly 0 through every update.  Skip connections (a layer fed by
layers before the previous one) are column blocks of the weight matrices: see
:mod:`nnsim.engine.mlp_skips`.
"""

import math

import numpy as np

from nnsim.engine._checks import as_matrix, as_rng, check_finite, check_same_length
from nnsim.engine.activations import backprop_obstacle, layer_activations
from nnsim.engine.init import init_weights
from nnsim.engine.losses import IMPLIED_OUTPUT, MATCHED_PAIRS, check_targets, get_loss
from nnsim.engine.mlp_dropout import check_rates
from nnsim.engine.mlp_skips import backprop, check_skips, forward, input_blocks
from nnsim.engine.mlp_training import Training
from nnsim.engine.workspace import WorkspaceCache
from nnsim.errors import ConfigError, DataError, DivergenceError
from nnsim.text import translate


class MLP(Training):
    """A fully connected feed-forward network.

    Parameters
    ----------
    layer_sizes : sequence of int
        Neurons per layer, input first: ``[2, 4, 1]`` is the 2-4-1 XOR net.
    activation : str or sequence of str
        Hidden-layer activation, or one name per weight layer
        (``len(layer_sizes) - 1`` names, the last for the output layer).
    output_activation : str, optional
        Output activation when ``activation`` is a single name; defaults to
        sigmoid for the bce loss, softmax for cce, and ``activation`` otherwise.
    loss : {"sse", "mse", "bce", "cce"}
        See :mod:`nnsim.engine.losses`.
    bias : bool
        Whether neurons have a trainable bias (when False, biases stay 0).
    init : str
        Weight initialiser (see :mod:`nnsim.engine.init`); ``init_limit`` sets
        the ``uniform`` range.
    dtype : numpy dtype
        float64 (default) or float32.
    rng : np.random.Generator or int, optional
        Source of the initial weights and of the shuffling in training.
    skips : iterable of (int, int)
        Skip connections ``(target layer, source layer)``, layers numbered as in
        ``layer_sizes``, ``source < target - 1``: the target's weight matrix
        gains the source's columns (see :mod:`nnsim.engine.mlp_skips`).
    dropout : sequence of float, optional
        One dropout rate per layer after the input, 0 for the output layer
        (see :mod:`nnsim.engine.mlp_dropout`); None: no dropout.
    """

    def __init__(
        self,
        layer_sizes,
        *,
        activation="sigmoid",
        output_activation=None,
        loss="sse",
        bias=True,
        init="xavier",
        init_limit=0.5,
        dtype=np.float64,
        rng=None,
        skips=(),
        dropout=None,
    ):
        sizes = [int(n) for n in layer_sizes]
        if len(sizes) < 2 or min(sizes) < 1:
            message = translate(
                "MLP",
                "An MLP needs an input and an output layer, each with at least one neuron; "
                "got layer sizes {sizes}.",
            )
            raise ConfigError(message.format(sizes=sizes))
        self.layer_sizes = tuple(sizes)
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            raise ConfigError(
                f"dtype must be float32 or float64, not {self.dtype}."  # not translated: API misuse
            )
        self._acts = layer_activations(
            activation, output_activation, len(sizes) - 1, IMPLIED_OUTPUT.get(loss)
        )
        self.activations = tuple(act.name for act in self._acts)
        self._apply = [act.apply for act in self._acts]
        self._derivative = [act.derivative for act in self._acts]
        self._untrainable_reason = backprop_obstacle(self._acts)
        self.loss = loss
        self._loss = get_loss(loss, self.activations[-1])
        self._matched = (self.activations[-1], loss) in MATCHED_PAIRS
        self.has_bias = bool(bias)
        self.init = init
        self._rng = as_rng(rng)
        #: The skip connections (target layer, source layer), sorted; () for none.
        self.skips = check_skips(skips, len(sizes))
        #: Each layer's weight columns by source layer: :func:`~.mlp_skips.input_blocks`.
        self.input_blocks = input_blocks(sizes, self.skips)
        #: Each layer's dropout rate after the input (0: none), used in training only.
        self.dropout = check_rates(dropout, len(sizes))
        pairs = [(n, blocks[-1][2]) for n, blocks in zip(sizes[1:], self.input_blocks, strict=True)]
        self._W = [init_weights(init, s, self._rng, limit=init_limit, dtype=dtype) for s in pairs]
        self._b = [np.zeros(n_out, dtype=self.dtype) for n_out, _ in pairs]
        self._masks = None
        self._workspaces = WorkspaceCache(sizes, self.dtype, reuse=not self.skips)
        self.reset_optimizer()

    # ----------------------------------------------------------------- parameters
    @property
    def n_inputs(self) -> int:
        return self.layer_sizes[0]

    @property
    def n_outputs(self) -> int:
        return self.layer_sizes[-1]

    @property
    def weights(self) -> list[np.ndarray]:
        """Weight matrices, one ``(n_out, n_in)`` array per layer (the live arrays)."""
        return self._W

    @weights.setter
    def weights(self, matrices):
        self._W = self._checked_like(matrices, self._W, translate("MLP", "weights"))
        self._apply_masks()
        self.reset_optimizer()

    @property
    def biases(self) -> list[np.ndarray]:
        """Bias vectors, one ``(n_out,)`` array per layer (the live arrays)."""
        return self._b

    @biases.setter
    def biases(self, vectors):
        new = self._checked_like(vectors, self._b, translate("MLP", "biases"))
        if not self.has_bias and any(v.any() for v in new):
            raise ConfigError(
                translate("MLP", "This network has no biases (bias=False): they must stay 0.")
            )
        self._b = new
        self.reset_optimizer()

    def parameters(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """(weights, biases): the live ``(n_out, n_in)`` matrices and ``(n_out,)`` vectors."""
        return self._W, self._b

    def set_parameters(self, weights, biases) -> None:
        """Take copies of these weights and biases (as :meth:`parameters` gives them)."""
        self.weights, self.biases = list(weights), list(biases)

    @property
    def masks(self) -> list[np.ndarray] | None:
        """0/1 connection masks shaped like the weights, or None for full connections."""
        return self._masks

    @masks.setter
    def masks(self, masks):
        if masks is None:
            self._masks = None
            return
        checked = self._checked_like(masks, self._W, translate("MLP", "masks"))
        if any(not np.isin(m, (0, 1)).all() for m in checked):
            raise ConfigError(
                translate("MLP", "Connection masks may hold only 0 (no connection) and 1.")
            )
        self._masks = checked
        self._apply_masks()

    def _checked_like(self, arrays, reference, name):
        """``arrays`` as copies in the network's dtype, refused unless shaped like ``reference``;
        ``name`` (translated) names them in the refusal."""
        arrays = [np.array(a, dtype=self.dtype) for a in arrays]
        shapes = [a.shape for a in arrays]
        expected = [r.shape for r in reference]
        if shapes != expected:
            message = translate("MLP", "The {name} must have shapes {expected}, got {shapes}.")
            raise DataError(message.format(name=name, expected=expected, shapes=shapes))
        check_finite(**{f"{name}[{i}]": a for i, a in enumerate(arrays)})
        return arrays

    def _apply_masks(self):
        if self._masks is not None:
            for W, mask in zip(self._W, self._masks, strict=True):
                W *= mask

    def reset_optimizer(self) -> None:
        """Forget momentum and Adam state (new weights, or a new optimizer)."""
        self._optimizer = None
        self._optimizer_name = None
        self._params = None

    # -------------------------------------------------------------------- forward
    def _check_inputs(self, X):
        return as_matrix(X, translate("Checks", "The input X"), self.n_inputs, self.dtype)

    def _check_data(self, X, T):
        X = self._check_inputs(X)
        T = as_matrix(T, translate("Checks", "The target T"), self.n_outputs, self.dtype)
        check_same_length(X, T)
        return X, T

    def _forward(self, X, work=None):
        """Return every layer's output ``[X, A_1, ..., A_L]``.

        With a :class:`_Workspace` the outputs are written into its buffers
        (valid until the next call); without, they are new arrays.
        """
        if self.skips:
            return forward(self, X)
        outputs = [X]
        bias = self.has_bias
        for layer, (W, b, apply) in enumerate(zip(self._W, self._b, self._apply, strict=True)):
            Z = X @ W.T if work is None else np.matmul(X, W.T, out=work.outputs[layer])
            if bias:
                Z += b
            X = apply(Z)
            outputs.append(X)
        return outputs

    def forward(self, X) -> np.ndarray:
        """Return the network's output for inputs ``X`` of shape (n, n_inputs): (n, n_outputs)."""
        return self._forward(self._check_inputs(X))[-1]

    def forward_all(self, X) -> list[np.ndarray]:
        """Return every layer's output, input first: ``[X, A_1, ..., A_L]``, each (n, size)."""
        outputs = self._forward(self._check_inputs(X))
        outputs[0] = outputs[0].copy()
        return outputs

    predict = forward

    def loss_value(self, X, T) -> float:
        """Return the mean loss over the samples (X, T), without training."""
        X, T = self._check_data(X, T)
        return self._loss.value(self._forward(X)[-1], T)

    # ------------------------------------------------------------------- backward
    def _require_differentiable(self):
        if self._untrainable_reason:
            raise ConfigError(self._untrainable_reason)

    def _output_delta(self, O, T, scale):
        """Return (mean loss E, scale * dE/dZ_L) for outputs O and targets T, both (n, K).

        O is the forward pass's own array, not needed after this: for the matched
        pairs the delta ``(O - T) * (scale / n)`` is written over it.
        """
        if self._matched:
            loss = self._loss.value(O, T)
            O -= T
            O *= scale / O.shape[0]
            return loss, O
        loss, grad = self._loss.value_and_gradient(O, T, scale)
        act = self._acts[-1]
        if act.output_only:  # softmax: Jacobian-vector product
            return loss, O * (grad - (grad * O).sum(axis=1, keepdims=True))
        grad *= self._derivative[-1](O)
        return loss, grad

    def _backprop(self, X, T, scale=1.0, work=None, keep=None):
        """Return (E, [scale * dE/dW_l, scale * dE/db_l for each layer]) for one checked batch.

        E is the batch's mean loss; ``scale`` multiplies the error signal at the
        output, and so, backpropagation being linear in it, every gradient.
        With a :class:`_Workspace` the gradients live in its buffers; ``keep``
        holds dropout's masks for the batch (:func:`~.mlp_dropout.keep_masks`).
        """
        if self.skips or keep is not None:
            return backprop(self, X, T, scale, keep)
        outputs = self._forward(X, work)
        loss, delta = self._output_delta(outputs[-1], T, scale)
        if not math.isfinite(loss):
            self._raise_non_finite(X, T, loss)
        W, derivative = self._W, self._derivative
        grads = [None] * (2 * len(W)) if work is None else work.grads
        for layer in range(len(W) - 1, -1, -1):
            if work is None:
                grads[2 * layer] = delta.T @ outputs[layer]
                grads[2 * layer + 1] = np.add.reduce(delta, axis=0)
            else:
                np.matmul(delta.T, outputs[layer], out=grads[2 * layer])
                np.add.reduce(delta, axis=0, out=grads[2 * layer + 1])
            if not layer:
                break  # the inputs need no delta
            if work is None:
                delta = delta @ W[layer]
                delta *= derivative[layer - 1](outputs[layer])
            else:
                delta = np.matmul(delta, W[layer], out=work.deltas[layer - 1])
                delta *= derivative[layer - 1](outputs[layer], work.slopes[layer - 1])
        if self._masks is not None:
            for layer, mask in enumerate(self._masks):
                grads[2 * layer] *= mask
        return loss, grads

    def _raise_non_finite(self, X, T, loss):
        check_finite(
            **{translate("Checks", "The input X"): X, translate("Checks", "The target T"): T}
        )
        message = translate(
            "MLP",
            "The error became {loss} and training stopped; the weights are those from before "
            "the step that went wrong. Try a smaller learning rate.",
        )
        raise DivergenceError(message.format(loss=loss), loss)

    def gradients(self, X, T, dropout_rng=None):
        """Return ``(loss, dW_list, db_list)`` of the mean loss over (X, T).

        ``dW_list[l]`` has the shape of ``weights[l]`` and ``db_list[l]`` that of
        ``biases[l]``; masked connections have a zero gradient.  With ``dropout_rng``
        they are a training step's, with dropout's masks drawn from it.
        """
        self._require_differentiable()
        X, T = self._check_data(X, T)
        check_targets(self.loss, T)
        dropping = dropout_rng is not None and any(self.dropout)
        keep = self._keep(len(X), as_rng(dropout_rng)) if dropping else None
        loss, grads = self._backprop(X, T, keep=keep)
        return loss, grads[0::2], grads[1::2]
