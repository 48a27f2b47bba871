"""An MLP's training epoch: mini-batches, dropout's masks, penalties and the optimizer's step.

:class:`Training` is the part of :class:`~nnsim.engine.MLP` that updates the
weights; the forward and backward passes it calls are the MLP's own.
"""

import numpy as np

from nnsim.engine._checks import as_rng
from nnsim.engine.losses import check_targets
from nnsim.engine.mlp_dropout import keep_masks
from nnsim.engine.optimizers import make_optimizer
from nnsim.errors import ConfigError, EpochInterrupted
from nnsim.text import translate


class Training:
    """:meth:`train_epoch` and its helpers, mixed into :class:`~nnsim.engine.MLP`."""

    def train_epoch(
        self,
        X,
        T,
        *,
        learning_rate,
        momentum=0.0,
        optimizer="sgd",
        batch_size=None,
        l1=0.0,
        l2=0.0,
        shuffle=True,
        rng=None,
        should_stop=None,
    ) -> float:
        r"""Run one pass over (X, T) and return the mean loss seen before each update.

        Parameters
        ----------
        X : array, shape (n, n_inputs)
        T : array, shape (n, n_outputs)
        learning_rate : float
            :math:`\eta`.
        momentum : float
            :math:`\mu` for ``sgd`` (ignored by the others).
        optimizer : {"sgd", "adam", "rprop", "irprop-"}
            See :mod:`nnsim.engine.optimizers`; rprop and irprop- are meant for full batches.
        batch_size : int, optional
            Samples per update; None (or ``>= n``) means one full-batch update.
        l1, l2 : float
            Penalties :math:`\lambda_1 \sum |w| + \tfrac{\lambda_2}{2} \sum w^2` on the
            weights (not the biases), added to the gradient; the returned loss
            leaves them out.
        shuffle : bool
            Visit mini-batches in a new random order each epoch (a full batch is
            never shuffled: the order cannot change its mean gradient).
        rng : np.random.Generator, optional
            Source of the order; defaults to the network's own generator.
        should_stop : callable, optional
            Asked before every mini-batch after the first; True stops the epoch there.

        Raises
        ------
        DivergenceError
            If a batch's loss is NaN or infinite; that batch's update is not made.
        EpochInterrupted
            When ``should_stop()`` said so, with the batches before it applied.
        """
        self._require_differentiable()
        X, T = self._check_data(X, T)
        check_targets(self.loss, T)
        optimizer = self._optimizer_for(optimizer)
        scale = optimizer.gradient_scale(learning_rate)
        params = self._parameters()
        n = X.shape[0]
        dropping = any(self.dropout)  # (without dropout, the loop draws no masks)
        if dropping or (shuffle and batch_size is not None and batch_size < n):
            rng = as_rng(rng if rng is not None else self._rng)
        if batch_size is None or batch_size >= n:
            keep = self._keep(n, rng) if dropping else None
            loss, grads = self._backprop(X, T, scale, self._workspaces.get(n), keep)
            self._regularise(grads, scale * l1, scale * l2)
            optimizer.step(params, grads, learning_rate, momentum)
            return loss
        if batch_size < 1:
            message = translate("MLP", "The batch size must be at least 1, not {size}.")
            raise ConfigError(message.format(size=batch_size))
        order = rng.permutation(n) if shuffle else None
        total = 0.0
        for start in range(0, n, batch_size):
            if start and should_stop is not None and should_stop():
                raise EpochInterrupted
            stop = min(start + batch_size, n)
            work = self._workspaces.get(stop - start)
            if order is None:
                Xb, Tb = X[start:stop], T[start:stop]
            elif work is None:
                Xb, Tb = X[order[start:stop]], T[order[start:stop]]
            else:  # gather into reused buffers; mode="clip" (indices are valid) is unbuffered
                Xb = X.take(order[start:stop], axis=0, out=work.inputs, mode="clip")
                Tb = T.take(order[start:stop], axis=0, out=work.targets, mode="clip")
            keep = self._keep(stop - start, rng) if dropping else None
            loss, grads = self._backprop(Xb, Tb, scale, work, keep)
            self._regularise(grads, scale * l1, scale * l2)
            optimizer.step(params, grads, learning_rate, momentum)
            total += loss * (stop - start)
        return total / n

    def _keep(self, n, rng):
        """Dropout's masks for a batch of ``n`` samples (see :func:`~.mlp_dropout.keep_masks`)."""
        return keep_masks(self.dropout, n, self.layer_sizes[1:], rng, self.dtype)

    def _parameters(self):
        """Return [W_1, b_1, W_2, b_2, ...], the arrays the optimizer updates in place.

        Without biases, scratch zeros stand in for them so the real ones stay 0.
        """
        if self._params is None:
            self._params = []
            for W, b in zip(self._W, self._b, strict=True):
                self._params += [W, b if self.has_bias else np.zeros_like(b)]
        return self._params

    def _optimizer_for(self, name):
        if self._optimizer_name != name:
            self._optimizer = make_optimizer(name)
            self._optimizer_name = name
        return self._optimizer

    def _regularise(self, grads, l1, l2):
        if not (l1 or l2):
            return
        for layer, W in enumerate(self._W):
            if l2:
                grads[2 * layer] += l2 * W
            if l1:
                grads[2 * layer] += l1 * np.sign(W)
