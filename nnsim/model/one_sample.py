"""One training sample shown to a perceptron, as its rule learns online, said in numbers.

Train > Step One Sample teaches the perceptron rules the way the tutorials
work them by hand: one sample, its output, its error and the update
:math:`\\Delta w = \\eta (t - y) x`, :math:`\\Delta b = \\eta (t - y)`.  :func:`learn_one_sample`
makes that step on the network (or refuses it, leaving the weights as they
were, when it would make them infinite) and :func:`describe` says it.
"""

from dataclasses import dataclass

import numpy as np

from nnsim.engine import Perceptron
from nnsim.errors import ConfigError, DivergenceError


@dataclass(frozen=True)
class SampleStep:
    """What one sample did: its inputs ``x`` (n_in,), target ``t`` and output ``y`` (n_out,),
    and the changes of the weights (n_out, n_in) and biases (n_out,)."""

    x: np.ndarray
    t: np.ndarray
    y: np.ndarray
    weight_change: np.ndarray
    bias_change: np.ndarray


def learn_one_sample(network, x: np.ndarray, t: np.ndarray, learning_rate: float) -> SampleStep:
    """Show ``network`` one sample (``x`` (n_in,), target ``t`` (n_out,)) and update it.

    Raises
    ------
    ConfigError
        For a network that is not a perceptron (an MLP steps by epochs).
    DivergenceError
        When the update made a weight infinite; the weights are put back as they were.
    """
    if not isinstance(network, Perceptron):
        raise ConfigError("One sample at a time is for perceptrons; an MLP steps by epochs.")
    X, T = x[np.newaxis], t[np.newaxis]
    output = network.predict(X)[0]
    before = (network.weights.copy(), network.bias.copy())
    with np.errstate(over="ignore", invalid="ignore"):  # checked just below
        network.train_epoch(X, T, learning_rate=learning_rate)
    if not (np.isfinite(network.weights).all() and np.isfinite(network.bias).all()):
        network.weights, network.bias = before
        raise DivergenceError(
            "made the weights too large to hold (infinite): they are back to where they were. "
            f"Try a smaller learning rate (it is {learning_rate:g})."
        )
    return SampleStep(x, t, output, network.weights - before[0], network.bias - before[1])


def describe(step: SampleStep, row: int, n_samples: int) -> str:
    """What ``step`` did, e.g. 'Sample 2 of 4: x = [0, 1], target [0], output [1]: Δw = [0, 0.1],
    Δb = [0.1]; the line moves.'"""
    said = (
        f"Sample {row + 1} of {n_samples}: x = {_numbers(step.x)}, target {_numbers(step.t)}, "
        f"output {_numbers(step.y)}: "
    )
    if not (step.weight_change.any() or step.bias_change.any()):
        return said + "no change (no mistake to learn from)."
    return (
        said + f"Δw = {_numbers(step.weight_change)}, Δb = {_numbers(step.bias_change)}; "
        "the line moves."
    )


def _numbers(values) -> str:
    """A short vector as a person writes it: [1, 0.5]."""
    return "[" + ", ".join(f"{v:.4g}" for v in np.ravel(values)) + "]"
