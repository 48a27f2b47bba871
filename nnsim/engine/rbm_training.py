r"""A restricted Boltzmann machine's training epoch: contrastive divergence, CD-k and PCD.

The log-likelihood's gradient is a difference of correlations, measured on the
data and on the machine's own samples:

.. math::

    \frac{\partial \log p(v)}{\partial W} = \langle h v^T \rangle_{data}
        - \langle h v^T \rangle_{model}, \qquad
    \frac{\partial}{\partial b_v} = \langle v \rangle_{data} - \langle v \rangle_{model},
    \qquad
    \frac{\partial}{\partial b_h} = \langle h \rangle_{data} - \langle h \rangle_{model}.

The data term takes :math:`h = p(h \mid v)` for each sample of the batch.  The
model term is estimated by Gibbs sampling: CD-k starts a chain at each sample
(:math:`h \sim p(h \mid v)`) and runs ``k`` steps; persistent CD (PCD) keeps one
chain per row of a full batch from update to update (and epoch to epoch), their
hidden states starting at 0 as scikit-learn's ``BernoulliRBM`` starts them (a
shorter last batch is compared with all of them).
Either way the model term takes the last visible sample :math:`\tilde v` and
:math:`p(h \mid \tilde v)`.  With learning rate :math:`\eta`, momentum
:math:`\mu` and L2 penalty :math:`\lambda_2` each parameter :math:`\theta`
(the L2 term on :math:`W` only) moves by

.. math::

    \Delta\theta \leftarrow \mu\, \Delta\theta
        + \eta \left(\frac{\partial \log p}{\partial \theta} - \lambda_2 \theta\right),
    \qquad \theta \leftarrow \theta + \Delta\theta.
"""

import math

import numpy as np

from nnsim.engine._checks import as_rng
from nnsim.errors import ConfigError, DivergenceError, EpochInterrupted
from nnsim.text import translate


class Training:
    """:meth:`train_epoch` and its helpers, mixed into :class:`~nnsim.engine.rbm.RBM`."""

    def reset_optimizer(self) -> None:
        """Forget the momentum and the persistent chains (new weights, or a new run)."""
        self._velocity = None
        self._chains = None

    def cd_gradients(self, V, V_model) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        r"""The log-likelihood's ascent direction estimated from ``V`` and the model's samples.

        Parameters
        ----------
        V : array, shape (n, n_v)
            A batch of data.
        V_model : array, shape (m, n_v)
            The visible samples at the chains' ends (:math:`\tilde v`).

        Returns
        -------
        dW : (n_h, n_v)
            :math:`\frac1n \sum p(h|v) v^T - \frac1m \sum p(h|\tilde v) \tilde v^T`.
        db_h : (n_h,)
            :math:`\frac1n \sum p(h|v) - \frac1m \sum p(h|\tilde v)`.
        db_v : (n_v,)
            :math:`\frac1n \sum v - \frac1m \sum \tilde v`.
        """
        V, V_model = self._check_visible(V), self._check_visible(V_model)
        return self._gradients(V, self._hidden(V), V_model, self._hidden(V_model))

    @staticmethod
    def _gradients(V, H, V_model, H_model, scale=1.0):
        """``scale`` times :meth:`cd_gradients` from the data's and the chains' states."""
        data, model = scale / len(V), scale / len(V_model)
        dW = np.matmul(H.T, V)
        dW *= data
        dW -= np.matmul(H_model.T, V_model) * model
        db_h = np.add.reduce(H, axis=0) * data - np.add.reduce(H_model, axis=0) * model
        db_v = np.add.reduce(V, axis=0) * data - np.add.reduce(V_model, axis=0) * model
        return dW, db_h, db_v

    def _model_samples(self, H_data, cd_steps, persistent, chains, rng):
        r"""The chains' last visible samples and :math:`p(h \mid \tilde v)` for one batch.

        CD-k starts from :math:`h \sim p(h \mid v)` of the batch (``H_data``); PCD from
        the hidden states of its ``chains`` persistent chains (as many as a full batch
        has rows, so a shorter last batch does not restart them), which it moves on.
        """
        if persistent:
            if self._chains is None or len(self._chains) != chains:
                self._chains = np.zeros((chains, H_data.shape[1]), dtype=H_data.dtype)
            H = self._chains
        else:
            H = sample_from(H_data, rng)
        for step in range(cd_steps):
            V_model = sample_from(self._visible(H), rng)
            H_model = self._hidden(V_model)
            if persistent or step < cd_steps - 1:
                H = sample_from(H_model, rng)
        if persistent:
            self._chains = H
        return V_model, H_model

    def train_epoch(
        self,
        X,
        T=None,
        *,
        learning_rate,
        momentum=0.0,
        l2=0.0,
        batch_size=None,
        cd_steps=1,
        persistent=False,
        shuffle=True,
        rng=None,
        should_stop=None,
        **unused,
    ) -> float:
        r"""Run one pass of CD-k (or PCD-k) over ``X`` and return its reconstruction error.

        Parameters
        ----------
        X : array, shape (n, n_v)
            Values in [0, 1] (binary, or probabilities of being on).
        T : ignored
            An RBM learns without targets (the training loop passes an empty one).
        learning_rate, momentum, l2 : float
            :math:`\eta`, :math:`\mu` in [0, 1) and :math:`\lambda_2` (module docstring).
        batch_size : int, optional
            Samples per update; None (or ``>= n``) means one update on the whole batch.
        cd_steps : int
            :math:`k`, Gibbs steps per update (at least 1).
        persistent : bool
            Persistent chains (PCD) rather than chains started at the data (CD).
        shuffle : bool
            Visit mini-batches in a new random order each epoch.
        rng : np.random.Generator, optional
            Source of the order and of every sample; defaults to the machine's own.
        should_stop : callable, optional
            Asked before every mini-batch after the first; True stops the epoch there.
        **unused
            The loop's other settings (``optimizer``, ``l1``) when they are at
            their defaults; anything else is refused.

        Returns
        -------
        float
            The mean over the epoch of :math:`(v - \hat v)^2`, :math:`\hat v` the
            one-step mean reconstruction, each batch measured before its update.

        Raises
        ------
        DivergenceError
            If the error is NaN or infinite (the batch's update is not made).
        EpochInterrupted
            When ``should_stop()`` said so, with the batches before it applied.
        """
        _check_unused(unused)
        if not (isinstance(cd_steps, int | np.integer) and cd_steps >= 1):
            message = translate(
                "RBM", "The Gibbs steps per update (k) must be a whole number from 1, not {k}."
            )
            raise ConfigError(message.format(k=repr(cd_steps)))
        X = self._check_visible(X)
        rng = as_rng(rng if rng is not None else self._rng)
        n = len(X)
        size = n if batch_size is None or batch_size >= n else int(batch_size)
        order = rng.permutation(n) if shuffle and size < n else None
        total = 0.0
        for start in range(0, n, size):
            if start and should_stop is not None and should_stop():
                raise EpochInterrupted
            rows = slice(start, start + size) if order is None else order[start : start + size]
            V = X[rows]
            H = self._hidden(V)
            diff = np.subtract(V, self._visible(H))
            error = float(np.vdot(diff, diff))  # summed over the batch's units
            if not math.isfinite(error):
                raise DivergenceError(f"The error became {error}.", error)
            V_model, H_model = self._model_samples(H, cd_steps, persistent, size, rng)
            grads = self._gradients(V, H, V_model, H_model, learning_rate)
            self._step(grads, learning_rate * l2, momentum)
            total += error
        return total / X.size

    def _step(self, steps, decay, momentum):
        r"""Move :math:`W, b_h, b_v` by :math:`\Delta\theta` (module docstring), given the
        ``steps`` :math:`\eta\, \partial \log p / \partial \theta` and ``decay`` =
        :math:`\eta \lambda_2`."""
        dW = steps[0]
        if decay:
            dW -= decay * self._W
        params = (self._W, self._b_h, self._b_v)
        if not momentum:
            self._velocity = None  # momentum turned on later starts from rest
            for param, step in zip(params, steps, strict=True):
                param += step
            return
        if self._velocity is None:
            self._velocity = [np.zeros_like(p) for p in params]
        for param, step, velocity in zip(params, steps, self._velocity, strict=True):
            velocity *= momentum
            velocity += step
            param += velocity


def sample_from(P: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Binary units on with probabilities ``P``: 1.0 where a uniform draw falls below ``P``.

    The draws are ``rng.random(P.shape)``, one per unit, in row order.
    """
    return (rng.random(P.shape, dtype=P.dtype) < P).astype(P.dtype)


def _check_unused(unused: dict) -> None:
    """Refuse the training loop's MLP-only settings unless they are at their defaults."""
    defaults = {"optimizer": "sgd", "l1": 0.0}
    for name, value in unused.items():
        if name not in defaults:
            raise TypeError(f"train_epoch() got an unexpected keyword argument {name!r}")
        if value != defaults[name]:
            message = translate(
                "RBM",
                "A Boltzmann machine learns by contrastive divergence with plain steps "
                "and an L2 penalty: set the optimiser to sgd and the L1 penalty to 0.",
            )
            raise ConfigError(message)
