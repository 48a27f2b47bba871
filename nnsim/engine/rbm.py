r"""Restricted Boltzmann machine with binary (Bernoulli) visible and hidden units.

``n_v`` visible units :math:`v` and ``n_h`` hidden units :math:`h`, each 0 or 1,
joined by weights :math:`W` of shape ``(n_h, n_v)`` (row ``j`` holds hidden unit
``j``'s weights, as a layer of :class:`~nnsim.engine.MLP` holds its neurons'),
with visible biases :math:`b_v` ``(n_v,)`` and hidden biases :math:`b_h` ``(n_h,)``.
A joint state has the energy

.. math::

    E(v, h) = -v \cdot b_v - h \cdot b_h - h^T W v,

and the units of one layer are independent given the other:

.. math::

    p(h_j = 1 \mid v) = \sigma(v W^T + b_h)_j, \qquad
    p(v_i = 1 \mid h) = \sigma(h W + b_v)_i.

Summing :math:`e^{-E}` over the hidden states gives the free energy

.. math::

    F(v) = -\log \sum_h e^{-E(v, h)}
         = -v \cdot b_v - \sum_j \log\left(1 + e^{(v W^T + b_h)_j}\right),

so :math:`p(v) \propto e^{-F(v)}`.  Training (contrastive divergence, CD-k and
persistent CD) is in :mod:`nnsim.engine.rbm_training`.
"""

import numpy as np

from nnsim.engine._checks import as_matrix, as_rng, check_finite
from nnsim.engine.rbm_training import Training, sample_from
from nnsim.errors import ConfigError, DataError
from nnsim.text import translate


def sigmoid(Z: np.ndarray) -> np.ndarray:
    r""":math:`\sigma(z) = 1 / (1 + e^{-z}) = (1 + \tanh(z/2)) / 2`, written into ``Z``.

    The tanh form never overflows, so a large ``|z|`` gives 0 or 1 without a warning.
    """
    Z *= 0.5
    np.tanh(Z, out=Z)
    Z += 1.0
    Z *= 0.5
    return Z


class RBM(Training):
    """A Bernoulli restricted Boltzmann machine.

    Parameters
    ----------
    n_visible, n_hidden : int
        :math:`n_v` and :math:`n_h`, at least 1 each.
    init_scale : float
        The initial weights are drawn from :math:`N(0, s^2)` with this :math:`s`
        (0.01, as Hinton's guide and scikit-learn's ``BernoulliRBM`` start); the
        biases start at 0.
    dtype : numpy dtype
        float64 (default) or float32.
    rng : np.random.Generator or int, optional
        Source of the initial weights, and of the samples when a method is given none.
    """

    #: Connections are always full (the training loop and the views ask for masks).
    masks = None
    #: As the layered networks answer: both layers have biases, the hidden units are
    #: sigmoid, and :meth:`loss_value` is the reconstruction error.
    has_bias = True
    activations = ("sigmoid",)
    loss = "reconstruction"

    def __init__(self, n_visible, n_hidden, *, init_scale=0.01, dtype=np.float64, rng=None):
        if int(n_visible) < 1 or int(n_hidden) < 1:
            message = translate(
                "RBM",
                "A Boltzmann machine needs at least one visible and one hidden unit, "
                "got {visible} and {hidden}.",
            )
            raise ConfigError(message.format(visible=n_visible, hidden=n_hidden))
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            raise ConfigError(
                f"dtype must be float32 or float64, not {self.dtype}."  # not translated: API misuse
            )
        self._rng = as_rng(rng)
        shape = (int(n_hidden), int(n_visible))
        self._W = (init_scale * self._rng.standard_normal(shape)).astype(self.dtype)
        self._b_h = np.zeros(shape[0], dtype=self.dtype)
        self._b_v = np.zeros(shape[1], dtype=self.dtype)
        self.reset_optimizer()

    # ----------------------------------------------------------------- parameters
    @property
    def n_visible(self) -> int:
        return self._W.shape[1]

    @property
    def n_hidden(self) -> int:
        return self._W.shape[0]

    @property
    def n_inputs(self) -> int:
        """:math:`n_v`: what :meth:`predict` (a reconstruction) takes and gives per sample."""
        return self.n_visible

    n_outputs = n_inputs

    @property
    def layer_sizes(self) -> tuple[int, int]:
        """(n_v, n_h): the visible layer first, as the document draws it."""
        return self.n_visible, self.n_hidden

    @property
    def weights(self) -> np.ndarray:
        """:math:`W`, shape ``(n_h, n_v)`` (the live array)."""
        return self._W

    @property
    def hidden_bias(self) -> np.ndarray:
        """:math:`b_h`, shape ``(n_h,)`` (the live array)."""
        return self._b_h

    @property
    def visible_bias(self) -> np.ndarray:
        """:math:`b_v`, shape ``(n_v,)`` (the live array)."""
        return self._b_v

    def parameters(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """([W], [b_h, b_v]): the live ``(n_h, n_v)``, ``(n_h,)`` and ``(n_v,)`` arrays.

        As in :meth:`MLP.parameters <nnsim.engine.MLP.parameters>`, ``biases[0]``
        belongs to the layer ``weights[0]`` feeds (the hidden one); ``biases[1]`` is
        the visible layer's.
        """
        return [self._W], [self._b_h, self._b_v]

    def set_parameters(self, weights, biases) -> None:
        """Take copies of ``[W]`` and ``[b_h, b_v]`` (as :meth:`parameters` gives them).

        The momentum and the persistent chains are forgotten.

        Raises
        ------
        DataError
            If a shape differs from this machine's or a value is not finite.
        """
        new = [np.array(a, dtype=self.dtype) for a in (*weights, *biases)]
        expected = [a.shape for a in (self._W, self._b_h, self._b_v)]
        if [a.shape for a in new] != expected:
            message = translate(
                "RBM", "The weights and biases must have shapes {expected}, got {shapes}."
            )
            raise DataError(message.format(expected=expected, shapes=[a.shape for a in new]))
        check_finite(W=new[0], b_h=new[1], b_v=new[2])
        self._W, self._b_h, self._b_v = new
        self.reset_optimizer()

    # ------------------------------------------------------------------- the maths
    def _check_visible(self, V) -> np.ndarray:
        """``V`` as an (n, n_v) array of numbers in [0, 1] (DataError otherwise)."""
        V = as_matrix(V, translate("Checks", "The input X"), self.n_visible, self.dtype)
        if not (V.min() >= 0.0 and V.max() <= 1.0):  # NaN fails both
            check_finite(**{translate("Checks", "The input X"): V})
            raise DataError(
                translate(
                    "RBM",
                    "A Boltzmann machine's visible units are 0 or 1: every input must lie "
                    "between 0 and 1 (binarise or rescale the data first).",
                )
            )
        return V

    def hidden_probabilities(self, V) -> np.ndarray:
        r""":math:`p(h = 1 \mid v) = \sigma(v W^T + b_h)` for ``V`` (n, n_v): (n, n_h)."""
        return self._hidden(self._check_visible(V))

    def visible_probabilities(self, H) -> np.ndarray:
        r""":math:`p(v = 1 \mid h) = \sigma(h W + b_v)` for ``H`` (n, n_h): (n, n_v)."""
        H = as_matrix(H, translate("RBM", "The hidden states H"), self.n_hidden, self.dtype)
        return self._visible(H)

    def _hidden(self, V):
        Z = V @ self._W.T
        Z += self._b_h
        return sigmoid(Z)

    def _visible(self, H):
        Z = H @ self._W
        Z += self._b_v
        return sigmoid(Z)

    def free_energy(self, V) -> np.ndarray:
        r""":math:`F(v) = -v \cdot b_v - \sum_j \log(1 + e^{(v W^T + b_h)_j})` per row: (n,)."""
        V = self._check_visible(V)
        return self._free_energy(V)

    def _free_energy(self, V):
        return -(V @ self._b_v) - np.logaddexp(0.0, V @ self._W.T + self._b_h).sum(axis=1)

    def reconstruct(self, V) -> np.ndarray:
        r"""The one-step mean reconstruction of ``V`` (n, n_v): (n, n_v).

        .. math:: \hat v = \sigma(\sigma(v W^T + b_h) W + b_v)
        """
        return self._visible(self._hidden(self._check_visible(V)))

    def reconstruction_error(self, V) -> float:
        r"""Mean over samples and units of :math:`(v - \hat v)^2`, :math:`\hat v` from
        :meth:`reconstruct`: what :meth:`train_epoch` reports."""
        V = self._check_visible(V)
        return float(np.mean((V - self._visible(self._hidden(V))) ** 2))

    def loss_value(self, X, T=None) -> float:
        """:meth:`reconstruction_error` of ``X`` (``T`` is ignored: an RBM has no targets)."""
        return self.reconstruction_error(X)

    predict = reconstruct

    def gibbs(self, V, steps: int, rng=None, *, means: bool = False) -> np.ndarray:
        r"""Run ``steps`` steps of block Gibbs sampling from ``V`` (n, n_v): (n, n_v).

        Each step draws :math:`h \sim p(h \mid v)`, then :math:`v \sim p(v \mid h)`.
        From a random start, many steps give the machine's own samples (its "dreams").
        With ``means`` the last step gives :math:`p(v = 1 \mid h)` instead of a sample
        (a smoother picture of the same state).
        """
        if int(steps) < 1:
            raise ConfigError(
                translate("RBM", "Gibbs sampling needs at least 1 step, not {steps}.").format(
                    steps=steps
                )
            )
        rng = as_rng(rng if rng is not None else self._rng)
        V = self._check_visible(V)
        for step in range(int(steps)):
            P = self._visible(sample_from(self._hidden(V), rng))
            V = P if means and step == steps - 1 else sample_from(P, rng)
        return V

    def pseudo_likelihood(self, V, rng=None) -> np.ndarray:
        r"""Each sample's stochastic pseudo-log-likelihood, (n,), as scikit-learn scores it.

        For each row one unit :math:`i`, drawn uniformly, is flipped (:math:`\tilde v`):

        .. math::

            \mathrm{PL}(v) = n_v \log \sigma\left(F(\tilde v) - F(v)\right),

        :math:`n_v` times the log-probability of unit :math:`i` given the others
        (``BernoulliRBM.score_samples``).  The indices are ``rng.integers(0, n_v, n)``.
        """
        rng = as_rng(rng if rng is not None else self._rng)
        V = self._check_visible(V)
        flipped = V.copy()
        rows, units = np.arange(len(V)), rng.integers(0, self.n_visible, len(V))
        flipped[rows, units] = 1.0 - flipped[rows, units]
        gap = self._free_energy(flipped) - self._free_energy(V)
        return -self.n_visible * np.logaddexp(0.0, -gap)
