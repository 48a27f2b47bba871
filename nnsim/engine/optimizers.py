r"""Parameter updates: gradient descent with momentum, and Adam.

Both update a list of parameter arrays in place from a list of gradients of
the same shapes.  The network computes those gradients already multiplied by
:meth:`gradient_scale` (the learning rate for ``sgd``, 1 for ``adam``), which
spares a pass over every gradient on small networks.  With learning rate
:math:`\eta`, momentum :math:`\mu` and gradient :math:`g = \partial E / \partial w`:

* ``sgd``: :math:`v \leftarrow \mu v - \eta g,\; w \leftarrow w + v`
  (with :math:`\mu = 0` simply :math:`w \leftarrow w - \eta g`);
* ``adam``: :math:`m \leftarrow \beta_1 m + (1-\beta_1) g`,
  :math:`s \leftarrow \beta_2 s + (1-\beta_2) g^2`,
  :math:`w \leftarrow w - \eta \hat m / (\sqrt{\hat s} + \epsilon)` with the
  bias-corrected :math:`\hat m, \hat s`.
"""

import numpy as np

from nnsim.errors import ConfigError
from nnsim.text import translate

OPTIMIZERS = ("sgd", "adam")


class SGD:
    """Gradient descent, with momentum when ``momentum > 0``."""

    def __init__(self):
        self._velocity = None

    @staticmethod
    def gradient_scale(learning_rate: float) -> float:
        """SGD wants gradients already multiplied by the learning rate."""
        return learning_rate

    def step(self, params, grads, learning_rate: float, momentum: float = 0.0) -> None:
        r"""Update ``params`` in place from ``grads`` :math:`= \eta g` (already scaled)."""
        if momentum == 0.0:
            self._velocity = None
            for p, g in zip(params, grads, strict=True):
                p -= g
            return
        if self._velocity is None:
            self._velocity = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, self._velocity, strict=True):
            v *= momentum
            v -= g
            p += v


class Adam:
    """Adam (Kingma and Ba, 2015) with the usual constants."""

    def __init__(self, beta1: float = 0.9, beta2: float = 0.999, epsilon: float = 1e-8):
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
        self._moments = None
        self._steps = 0

    @staticmethod
    def gradient_scale(learning_rate: float) -> float:
        """Adam wants the plain gradients."""
        return 1.0

    def step(self, params, grads, learning_rate: float, momentum: float = 0.0) -> None:
        """Update ``params`` in place; ``momentum`` is ignored (Adam keeps its own)."""
        if self._moments is None:
            self._moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
        self._steps += 1
        b1, b2 = self.beta1, self.beta2
        step_size = learning_rate * np.sqrt(1.0 - b2**self._steps) / (1.0 - b1**self._steps)
        for p, g, (m, s) in zip(params, grads, self._moments, strict=True):
            m *= b1
            m += (1.0 - b1) * g
            s *= b2
            s += (1.0 - b2) * (g * g)
            p -= step_size * m / (np.sqrt(s) + self.epsilon)


def make_optimizer(name: str):
    """Return a fresh optimizer called ``name`` ("sgd" or "adam")."""
    if name == "sgd":
        return SGD()
    if name == "adam":
        return Adam()
    message = translate("Optimizers", "Unknown optimizer {name}: choose one of {known}.")
    raise ConfigError(message.format(name=repr(name), known=", ".join(OPTIMIZERS)))
