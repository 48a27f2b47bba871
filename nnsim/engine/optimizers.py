r"""Parameter updates: gradient descent with momentum, Adam, Rprop and iRprop-.

Each updates a list of parameter arrays in place from a list of gradients of
the same shapes.  The network computes those gradients already multiplied by
:meth:`gradient_scale` (the learning rate for ``sgd``, 1 for the others), which
spares a pass over every gradient on small networks.  With learning rate
:math:`\eta`, momentum :math:`\mu` and gradient :math:`g = \partial E / \partial w`:

* ``sgd``: :math:`v \leftarrow \mu v - \eta g,\; w \leftarrow w + v`
  (with :math:`\mu = 0` simply :math:`w \leftarrow w - \eta g`);
* ``adam``: :math:`m \leftarrow \beta_1 m + (1-\beta_1) g`,
  :math:`s \leftarrow \beta_2 s + (1-\beta_2) g^2`,
  :math:`w \leftarrow w - \eta \hat m / (\sqrt{\hat s} + \epsilon)` with the
  bias-corrected :math:`\hat m, \hat s`;
* ``rprop`` and ``irprop-``: each weight has its own step :math:`\Delta`, grown
  while :math:`\partial E/\partial w` keeps its sign and shrunk when it flips;
  only the sign of the gradient moves the weight (see :class:`Rprop`).
"""

import numpy as np

from nnsim.errors import ConfigError
from nnsim.text import translate

OPTIMIZERS = ("sgd", "adam", "rprop", "irprop-")


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


#: Rprop's constants (Riedmiller and Braun, 1993): how much a step grows and shrinks,
#: and the bounds it is kept within.
ETA_PLUS, ETA_MINUS = 1.2, 0.5
DELTA_MAX, DELTA_MIN = 50.0, 1e-6


class _Resilient:
    r"""What Rprop and iRprop- share: a step :math:`\Delta` per weight, adapted to the sign.

    With :math:`g(t)` the gradient of this update and :math:`g(t-1)` the one
    kept from the last (0 at the start):

    .. math::

        \Delta(t) = \begin{cases}
            \min(\eta^+ \Delta(t-1), \Delta_{max}) & \text{if } g(t-1)\, g(t) > 0 \\
            \max(\eta^- \Delta(t-1), \Delta_{min}) & \text{if } g(t-1)\, g(t) < 0 \\
            \Delta(t-1) & \text{otherwise}
        \end{cases}

    with :math:`\eta^+ = 1.2`, :math:`\eta^- = 0.5`, :math:`\Delta_{max} = 50`,
    :math:`\Delta_{min} = 10^{-6}`.  The first steps :math:`\Delta(0)` are the
    learning rate :math:`\eta` (SNNS's :math:`\delta_0`), kept within
    :math:`[\Delta_{min}, \Delta_{max}]` as PyTorch does; after that the learning
    rate plays no part (a schedule or a change while training runs does not reach
    the steps) until the optimiser starts again (new weights, Reset).

    Only the gradient's sign moves a weight, so a weight whose gradient is 0 (a
    removed connection, a bias switched off) never moves.  Rprop is meant for
    full batches: a mini-batch's gradient changes sign with the samples drawn,
    shrinking the steps for noise; it still runs.
    """

    def __init__(self):
        self._steps = self._previous = None

    @staticmethod
    def gradient_scale(learning_rate: float) -> float:
        """Rprop wants the plain gradients (only their signs count)."""
        return 1.0

    def step(self, params, grads, learning_rate: float, momentum: float = 0.0) -> None:
        r"""Update ``params`` in place; ``learning_rate`` is :math:`\Delta(0)` (momentum unused)."""
        if self._steps is None:
            self._start(params, learning_rate)
        for k, (p, g) in enumerate(zip(params, grads, strict=True)):
            product = g * self._previous[k]
            flipped = product < 0
            steps = self._steps[k]
            steps *= np.where(product > 0, ETA_PLUS, np.where(flipped, ETA_MINUS, 1.0))
            np.clip(steps, DELTA_MIN, DELTA_MAX, out=steps)
            self._move(k, p, g, flipped)

    def _start(self, params, learning_rate):
        self._steps = [np.full_like(p, learning_rate) for p in params]
        self._previous = [np.zeros_like(p) for p in params]

    def _keep_gradient(self, k, g, flipped):
        """g(t) kept for the next update, 0 where the sign flipped (no second shrink)."""
        previous = self._previous[k]
        np.copyto(previous, g)
        previous[flipped] = 0.0
        return previous


class Rprop(_Resilient):
    r"""Rprop with weight-backtracking, "Rprop+" (Riedmiller and Braun, 1993).

    The steps :math:`\Delta` adapt as :class:`_Resilient` says; then, where the
    gradient's sign held (or one of the two gradients is 0),

    .. math::

        \Delta w(t) = -\operatorname{sign}(g(t))\, \Delta(t),\quad w \leftarrow w + \Delta w(t),

    and where it flipped the last step went past a minimum and is taken back,
    :math:`w \leftarrow w - \Delta w(t-1)`, with :math:`g(t)` then kept as 0.
    """

    def _start(self, params, learning_rate):
        super()._start(params, learning_rate)
        self._moves = [np.zeros_like(p) for p in params]

    def _move(self, k, p, g, flipped):
        last = self._moves[k]
        move = -np.sign(g) * self._steps[k]
        move[flipped] = -last[flipped]
        p += move
        np.copyto(last, move)
        self._keep_gradient(k, g, flipped)


class IRpropMinus(_Resilient):
    r"""iRprop- (Igel and Hüsken, 2000): Rprop without backtracking.

    The steps :math:`\Delta` adapt as :class:`_Resilient` says; where the
    gradient's sign flipped, :math:`g(t)` counts as 0 (that weight waits one
    update), and

    .. math:: w \leftarrow w - \operatorname{sign}(g(t))\, \Delta(t).

    This is ``torch.optim.Rprop``.
    """

    def _move(self, k, p, g, flipped):
        p -= np.sign(self._keep_gradient(k, g, flipped)) * self._steps[k]


def make_optimizer(name: str):
    """Return a fresh optimizer called ``name`` (one of :data:`OPTIMIZERS`)."""
    if name == "sgd":
        return SGD()
    if name == "adam":
        return Adam()
    if name == "rprop":
        return Rprop()
    if name == "irprop-":
        return IRpropMinus()
    message = translate("Optimizers", "Unknown optimizer {name}: choose one of {known}.")
    raise ConfigError(message.format(name=repr(name), known=", ".join(OPTIMIZERS)))
