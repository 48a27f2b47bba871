r"""Single-layer networks: Rosenblatt's perceptron, ADALINE (LMS) and normalised LMS.

Each output neuron ``j`` has a weight row :math:`w_j` and a bias :math:`b_j`;
its net input is :math:`u_j = w_j \cdot x + b_j`.  Training goes sample by
sample in the given order; with learning rate :math:`\eta`, target :math:`t`
and output :math:`y` the rules are

* ``rosenblatt``: :math:`y = 1` if :math:`u \ge 0` else 0;
  :math:`\Delta w = \eta (t - y) x`, so only misclassified samples change it;
* ``lms`` (ADALINE, Widrow-Hoff): :math:`y = u`; :math:`\Delta w = \eta (t - y) x`;
* ``nlms``: :math:`y = u`; :math:`\Delta w = \eta (t - y) x / \lVert x \rVert^2`.
  With one input and no bias this is the tutorials' :math:`\Delta A = L E / x`.

The bias learns as a weight on a constant input 1 (which also counts in
:math:`\lVert x \rVert^2` for ``nlms``).
"""

import numpy as np

from nnsim.engine._checks import as_matrix, as_rng, check_finite, check_same_length
from nnsim.errors import ConfigError, DataError, EpochInterrupted
from nnsim.text import translate

#: Samples between two looks at ``should_stop`` in an epoch.
STOP_CHECK_SAMPLES = 256

RULES = ("rosenblatt", "lms", "nlms")


class Perceptron:
    """A single layer of output neurons fed directly by the inputs.

    Parameters
    ----------
    n_inputs, n_outputs : int
        Layer sizes.
    rule : {"rosenblatt", "lms", "nlms"}
        The learning rule (module docstring).
    bias : bool
        Whether each neuron has a trainable bias.
    rng : np.random.Generator or int, optional
        Source of the initial weights (uniform in [-0.5, 0.5]) and of shuffling.
    """

    def __init__(self, n_inputs, n_outputs=1, *, rule="rosenblatt", bias=True, rng=None):
        if rule not in RULES:
            message = translate(
                "Perceptron", "Unknown perceptron rule {name}: choose one of {known}."
            )
            raise ConfigError(message.format(name=repr(rule), known=", ".join(RULES)))
        if int(n_inputs) < 1 or int(n_outputs) < 1:
            message = translate(
                "Perceptron",
                "A perceptron needs at least one input and one output, got {inputs} and {outputs}.",
            )
            raise ConfigError(message.format(inputs=n_inputs, outputs=n_outputs))
        self.n_inputs, self.n_outputs = int(n_inputs), int(n_outputs)
        self.rule = rule
        #: What :meth:`loss_value` measures: misclassified samples, or the mean squared error.
        self.loss = "mistakes" if rule == "rosenblatt" else "mse"
        #: The activation of the output layer: the step, or the linear output the LMS rules fit.
        self.activations = ("step",) if rule == "rosenblatt" else ("linear",)
        self.has_bias = bool(bias)
        self._rng = as_rng(rng)
        self._weights = self._rng.uniform(-0.5, 0.5, size=(self.n_outputs, self.n_inputs))
        self._bias = np.zeros(self.n_outputs)
        self._mask = None

    @property
    def weights(self) -> np.ndarray:
        """Weights, shape (n_outputs, n_inputs); row j feeds output neuron j."""
        return self._weights

    @weights.setter
    def weights(self, values):
        values = np.array(values, dtype=np.float64).reshape(self._weights.shape)
        check_finite(**{translate("Perceptron", "weights"): values})
        self._weights = values if self._mask is None else values * self._mask

    @property
    def mask(self) -> np.ndarray | None:
        """0/1 connection mask shaped like the weights, or None: masked weights stay 0."""
        return self._mask

    @mask.setter
    def mask(self, values):
        if values is None:
            self._mask = None
            return
        values = np.array(values, dtype=np.float64)
        if values.shape != self._weights.shape or not np.isin(values, (0.0, 1.0)).all():
            message = translate(
                "Perceptron", "The mask must be 0s and 1s of shape {shape}, like the weights."
            )
            raise ConfigError(message.format(shape=self._weights.shape))
        self._mask = values
        self._weights *= values

    @property
    def masks(self) -> list[np.ndarray] | None:
        """The mask as a list of one (as an MLP's, one per layer), or None."""
        return None if self._mask is None else [self._mask]

    @masks.setter
    def masks(self, values) -> None:
        self.mask = None if values is None else values[0]

    @property
    def bias(self) -> np.ndarray:
        """Biases, shape (n_outputs,); stay 0 when the perceptron has none."""
        return self._bias

    @bias.setter
    def bias(self, values):
        values = np.array(values, dtype=np.float64).reshape(self._bias.shape)
        check_finite(**{translate("Perceptron", "bias"): values})
        if not self.has_bias and values.any():
            raise ConfigError(
                translate("Perceptron", "This perceptron has no bias (bias=False): it must stay 0.")
            )
        self._bias = values

    def _check_data(self, X, T):
        inputs, targets = translate("Checks", "The input X"), translate("Checks", "The target T")
        X = as_matrix(X, inputs, self.n_inputs, np.float64)
        T = as_matrix(T, targets, self.n_outputs, np.float64)
        check_same_length(X, T)
        check_finite(**{inputs: X, targets: T})
        if self.rule == "rosenblatt" and not np.isin(T, (0.0, 1.0)).all():
            message = translate(
                "Perceptron",
                "The Rosenblatt rule needs targets 0 or 1 (its output is a step): "
                "relabel the classes, or use the lms rule for other targets.",
            )
            raise DataError(message)
        return X, T

    def net_input(self, X) -> np.ndarray:
        """Return :math:`u = X W^T + b`, shape (n, n_outputs)."""
        X = as_matrix(X, translate("Checks", "The input X"), self.n_inputs, np.float64)
        return X @ self._weights.T + self._bias

    def predict(self, X) -> np.ndarray:
        """Return the outputs, shape (n, n_outputs): 0/1 for rosenblatt, linear otherwise."""
        u = self.net_input(X)
        return (u >= 0).astype(np.float64) if self.rule == "rosenblatt" else u

    def decision_line(self) -> tuple[float, float, float] | None:
        r"""Return the line on the input plane where the answer changes class.

        The output changes class where the net input :math:`u = w \cdot x + b`
        crosses a threshold :math:`\theta`: 0 for ``rosenblatt`` (its step),
        :math:`\tfrac12` for ``lms`` and ``nlms`` (their linear output meets
        classes 0 and 1 half-way, where
        :func:`~nnsim.engine.metrics.labels_from_outputs` splits them).  That is
        the line

        .. math:: w_1 x_1 + w_2 x_2 + (b - \theta) = 0,

        with class 1 on the side where the left-hand side is :math:`\ge 0`.

        Returns
        -------
        tuple of float or None
            :math:`(w_1, w_2, b - \theta)`, the :math:`(a, b, c)` of
            :math:`a x_1 + b x_2 + c = 0`.  None when there is no line: a
            perceptron with other than two inputs or one output, or both
            weights 0 (the answer is the same everywhere).
        """
        if self.n_inputs != 2 or self.n_outputs != 1 or not self._weights.any():
            return None
        (w1, w2), b = self._weights[0], self._bias[0]
        threshold = 0.0 if self.rule == "rosenblatt" else 0.5
        return float(w1), float(w2), float(b - threshold)

    def parameters(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """([weights], [bias]): the one layer's live ``(n_out, n_in)`` and ``(n_out,)`` arrays.

        The same shape of answer as :meth:`MLP.parameters <nnsim.engine.MLP.parameters>`.
        """
        return [self._weights], [self._bias]

    def set_parameters(self, weights, biases) -> None:
        """Take the one layer's weights and bias (as :meth:`parameters` gives them)."""
        self.weights, self.bias = weights[0], biases[0]

    def loss_value(self, X, T) -> float:
        """Return what :meth:`train_epoch` reports, without training.

        The number of misclassified samples (rosenblatt) or the mean squared
        error over samples and outputs (lms, nlms).
        """
        X, T = self._check_data(X, T)
        diff = T - self.predict(X)
        if self.rule == "rosenblatt":
            return float(np.count_nonzero(diff.any(axis=1)))
        return float(np.mean(diff**2))

    def train_epoch(
        self, X, T, *, learning_rate, shuffle=False, rng=None, should_stop=None
    ) -> float:
        """Update sample by sample over (X, T) and report the pass.

        ``should_stop``, a callable, is asked every :data:`STOP_CHECK_SAMPLES`
        samples; True raises :class:`~nnsim.errors.EpochInterrupted` there.

        Returns
        -------
        float
            rosenblatt: how many samples were misclassified, and so updated,
            during the pass; lms and nlms: the mean of :math:`(t - y)^2` over the
            pass, each error taken just before its sample's update.
        """
        X, T = self._check_data(X, T)
        if shuffle:
            order = as_rng(rng if rng is not None else self._rng).permutation(len(X))
            X, T = X[order], T[order]
        W, b = self._weights, self._bias
        rosenblatt, normalised = self.rule == "rosenblatt", self.rule == "nlms"
        mistakes = 0
        squared_error = 0.0
        for i, (x, t) in enumerate(zip(X, T, strict=True)):
            if i and not i % STOP_CHECK_SAMPLES and should_stop is not None and should_stop():
                raise EpochInterrupted
            u = W @ x + b
            error = t - ((u >= 0).astype(np.float64) if rosenblatt else u)
            if rosenblatt:
                if not error.any():
                    continue
                mistakes += 1
            else:
                squared_error += float(error @ error)
            scale = learning_rate
            if normalised:
                norm = float(x @ x) + self.has_bias
                if norm == 0.0:
                    continue  # x = 0 carries no information about the weights
                scale = learning_rate / norm
            step = scale * np.outer(error, x)
            W += step if self._mask is None else step * self._mask
            if self.has_bias:
                b += scale * error
        if rosenblatt:
            return float(mistakes)
        return squared_error / T.size
