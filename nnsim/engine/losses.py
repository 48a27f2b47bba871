r"""Loss functions and the error signal they send back through a network.

For a batch of ``n`` samples with outputs ``O`` and targets ``T`` (both of
shape ``(n, K)``) every loss is the mean over the samples of a per-sample
loss:

* ``sse``: :math:`E = \tfrac12 \sum_k (t_k - o_k)^2`, the tutorials' error,
  whose gradient :math:`\partial E / \partial o_k = -(t_k - o_k)` has no factor 2;
* ``mse``: :math:`E = \tfrac1K \sum_k (t_k - o_k)^2`;
* ``bce``: :math:`E = -\sum_k [t_k \ln o_k + (1 - t_k) \ln (1 - o_k)]` (sigmoid outputs);
* ``cce``: :math:`E = -\sum_k t_k \ln o_k` (softmax outputs).

For the matched pairs sigmoid + bce and softmax + cce the error at the net
input simplifies to :math:`\delta = (o - t) / n`, which is both cheaper and
exact where the outputs saturate.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnsim.errors import ConfigError, DataError
from nnsim.text import translate

#: Outputs are kept this far from 0 and 1 inside logarithms.
LOG_EPSILON = 1e-12


@dataclass(frozen=True)
class Loss:
    """One loss function.

    Attributes
    ----------
    name : str
        The name used in settings and files.
    value : callable
        ``value(O, T) -> float``, the mean over the batch, shapes ``(n, K)``.
    value_and_gradient : callable
        ``value_and_gradient(O, T, scale) -> (E, scale * dE/dO)``: the batch
        mean and its gradient, shape ``(n, K)``, multiplied by ``scale`` (the
        training loop passes the learning rate, saving a pass over every
        gradient).
    required_output : str or None
        The output activation this loss demands, if any.
    """

    name: str
    value: Callable[[np.ndarray, np.ndarray], float]
    value_and_gradient: Callable[[np.ndarray, np.ndarray, float], tuple[float, np.ndarray]]
    required_output: str | None = None


def _sse(O, T):
    return _sse_and_gradient(O, T)[0]


def _sse_and_gradient(O, T, scale=1.0):
    diff = O - T
    n = O.shape[0]
    value = 0.5 * float(np.vdot(diff, diff)) / n
    diff *= scale / n
    return value, diff


def _mse(O, T):
    return _mse_and_gradient(O, T)[0]


def _mse_and_gradient(O, T, scale=1.0):
    diff = O - T
    value = float(np.vdot(diff, diff)) / O.size
    diff *= 2.0 * scale / O.size
    return value, diff


def _clipped(O):
    return np.clip(O, LOG_EPSILON, 1.0 - LOG_EPSILON)


def _bce(O, T):
    P = _clipped(O)
    return -float(np.sum(T * np.log(P) + (1.0 - T) * np.log1p(-P))) / O.shape[0]


def _bce_and_gradient(O, T, scale=1.0):
    P = _clipped(O)
    return _bce(O, T), (P - T) / (P * (1.0 - P)) * (scale / O.shape[0])


def _cce(O, T):
    # Softmax outputs never exceed 1, so only the lower end needs a guard.
    logs = np.maximum(O, LOG_EPSILON)
    return -float(np.vdot(T, np.log(logs, out=logs))) / O.shape[0]


def _cce_and_gradient(O, T, scale=1.0):
    return _cce(O, T), T / np.maximum(O, LOG_EPSILON) * (-scale / O.shape[0])


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss("sse", _sse, _sse_and_gradient),
        Loss("mse", _mse, _mse_and_gradient),
        Loss("bce", _bce, _bce_and_gradient, required_output="sigmoid"),
        Loss("cce", _cce, _cce_and_gradient, required_output="softmax"),
    )
}

#: The output activation a cross-entropy loss implies when none is named.
IMPLIED_OUTPUT = {"bce": "sigmoid", "cce": "softmax"}

#: (output activation, loss) pairs whose delta at the net input is (O - T) / n.
MATCHED_PAIRS = frozenset({("sigmoid", "bce"), ("softmax", "cce")})


def get_loss(name: str, output_activation: str) -> Loss:
    """Return the loss ``name`` after checking it suits ``output_activation``.

    Raises
    ------
    ConfigError
        For an unknown name, or a pair that makes no sense (cce without a
        softmax output, bce without a sigmoid output).
    """
    try:
        loss = LOSSES[name]
    except (KeyError, TypeError):
        message = translate("Losses", "Unknown loss {name}: choose one of {known}.")
        raise ConfigError(message.format(name=repr(name), known=", ".join(LOSSES))) from None
    if loss.required_output and output_activation != loss.required_output:
        message = translate(
            "Losses",
            "The {name} loss needs a {required} output layer, but the output activation is "
            "{activation}: change one of them (sse or mse suit any output).",
        )
        raise ConfigError(
            message.format(name=name, required=loss.required_output, activation=output_activation)
        )
    return loss


def _squares(O, T):
    diff = O - T
    return np.einsum("nk,nk->n", diff, diff)


#: Each loss's per-sample value, shape (n,), from outputs and targets of shape (n, K).
_PER_SAMPLE = {
    "sse": lambda O, T: 0.5 * _squares(O, T),
    "mse": lambda O, T: _squares(O, T) / O.shape[1],
    "bce": lambda O, T: -np.sum(T * np.log(_clipped(O)) + (1.0 - T) * np.log1p(-_clipped(O)), 1),
    "cce": lambda O, T: -np.einsum("nk,nk->n", T, np.log(np.maximum(O, LOG_EPSILON))),
}


def sample_losses(name: str, O: np.ndarray, T: np.ndarray) -> np.ndarray:
    r"""Return each sample's loss, shape ``(n,)``, for outputs and targets of shape ``(n, K)``.

    Their mean is the loss ``name`` reports (the module's formulas before the
    mean): for sse :math:`\tfrac12 \sum_k (t_k - o_k)^2`, for mse
    :math:`\tfrac1K \sum_k (t_k - o_k)^2`, and the cross-entropies' sums.
    """
    if name not in _PER_SAMPLE:
        get_loss(name, "")  # says the name is unknown
    return _PER_SAMPLE[name](O, T)


def check_targets(loss_name: str, T: np.ndarray) -> None:
    """Refuse targets a loss cannot take (bce and cce need targets in [0, 1]).

    Raises
    ------
    DataError
        If a target lies outside [0, 1] for bce or cce.
    """
    if loss_name in ("bce", "cce") and T.size and (T.min() < 0.0 or T.max() > 1.0):
        message = translate(
            "Losses",
            "The {name} loss needs targets between 0 and 1, but they range from {low} to "
            "{high}: rescale the targets or use the sse loss.",
        )
        raise DataError(message.format(name=loss_name, low=f"{T.min():g}", high=f"{T.max():g}"))
