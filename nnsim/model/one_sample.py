r"""One training sample shown to a network, one update, said in numbers.

Train > Step One Sample teaches learning the way the tutorials work it by
hand: one sample, its output, its error, and the update it makes.  A
perceptron learns by its rule, :math:`\Delta w = \eta (t - y) x` and
:math:`\Delta b = \eta (t - y)`; an MLP takes one step of backpropagation on
that sample alone, :math:`\Delta w = -\eta \, \partial E / \partial w`, with
the optimiser, momentum and penalties of its settings.
:func:`learn_one_sample` makes that step on the network (or refuses it,
leaving the weights as they were, when it would make them infinite) and
:func:`describe` says it.
"""

from dataclasses import dataclass

import numpy as np

from nnsim.engine import Perceptron
from nnsim.errors import DivergenceError
from nnsim.text import translate


@dataclass(frozen=True)
class SampleStep:
    """What one sample did.

    Attributes
    ----------
    x : ndarray, shape (n_in,)
    t, y : ndarray, shape (n_out,)
        The target and the network's output before the update.
    loss : float
        The network's loss on this sample before the update (its ``loss``: the
        seeds' E = 1/2 sum (t - y)^2 for "sse").
    weight_changes, bias_changes : list of ndarray
        Each layer's change, shapes (n_out, n_in) and (n_out,).
    """

    x: np.ndarray
    t: np.ndarray
    y: np.ndarray
    loss: float
    weight_changes: list
    bias_changes: list


def learn_one_sample(network, x: np.ndarray, t: np.ndarray, **training) -> SampleStep:
    """Show ``network`` one sample (``x`` (n_in,), target ``t`` (n_out,)) and update it.

    ``training`` holds ``learning_rate`` and, for an MLP, the optimiser options of
    :meth:`MLP.train_epoch <nnsim.engine.MLP.train_epoch>` (momentum, optimizer,
    l1, l2).

    Raises
    ------
    DivergenceError
        When the update made a weight infinite; the weights are put back as they were.
    """
    X, T = x[np.newaxis], t[np.newaxis]
    output, loss = network.predict(X)[0], network.loss_value(X, T)
    weights, biases = network.parameters()
    before = ([w.copy() for w in weights], [b.copy() for b in biases])
    with np.errstate(over="ignore", invalid="ignore"):  # checked just below
        if isinstance(network, Perceptron):  # its rule has a learning rate and nothing else
            network.train_epoch(X, T, learning_rate=training["learning_rate"])
        else:
            network.train_epoch(X, T, shuffle=False, **training)
    weights, biases = network.parameters()
    if not all(np.isfinite(p).all() for p in [*weights, *biases]):
        network.set_parameters(*before)
        raise DivergenceError(
            translate(
                "OneSample",
                "made the weights too large to hold (infinite): they are back to where they were. "
                "Try a smaller learning rate (it is {rate}).",
            ).format(rate=f"{training['learning_rate']:g}")
        )
    return SampleStep(
        x, t, output, loss,
        [w - old for w, old in zip(weights, before[0], strict=True)],
        [b - old for b, old in zip(biases, before[1], strict=True)],
    )  # fmt: skip


def describe(step: SampleStep, row: int, n_samples: int) -> str:
    """What ``step`` did, e.g. 'Sample 2 of 4: x = [0, 1], target [0], output [1]: Δw = [0, 0.1],
    Δb = [0.1]; the line moves.' (a perceptron) or '... error 0.1401; 17 weights and biases
    changed, the largest by 0.0123.' (an MLP)."""
    said = translate(
        "OneSample", "Sample {number} of {samples}: x = {x}, target {target}, output {output}: "
    ).format(
        number=row + 1, samples=n_samples, x=_numbers(step.x), target=_numbers(step.t),
        output=_numbers(step.y),
    )  # fmt: skip
    changes = [*step.weight_changes, *step.bias_changes]
    if not any(change.any() for change in changes):
        return said + translate("OneSample", "no change (no mistake to learn from).")
    if len(step.weight_changes) == 1:  # one layer: every change can be read
        moves = translate("OneSample", "Δw = {dw}, Δb = {db}; the line moves.")
        return said + moves.format(
            dw=_numbers(step.weight_changes[0]), db=_numbers(step.bias_changes[0])
        )
    moved = sum(int(np.count_nonzero(change)) for change in changes)
    largest = max(float(np.abs(change).max()) for change in changes if change.size)
    return said + translate(
        "OneSample", "error {error}; {moved} weights and biases changed, the largest by {largest}."
    ).format(error=f"{step.loss:.4g}", moved=f"{moved:,}", largest=f"{largest:.4g}")


def _numbers(values) -> str:
    """A short vector as a person writes it: [1, 0.5]."""
    return "[" + ", ".join(f"{v:.4g}" for v in np.ravel(values)) + "]"
