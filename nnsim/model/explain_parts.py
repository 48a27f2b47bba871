"""What every explained step is made of: its stages, the numbers, and how they are written.

:func:`nnsim.model.explain.explain_step` builds an :class:`Explanation` from
these; the stages both a multi-layer perceptron and a perceptron have (the
inputs, the output error, the new weights) are here, and so is the way a
number is written in a formula (four significant figures, a true minus sign,
brackets round a negative factor).
"""

# The formulas use the mathematical signs ×, − and ′ on purpose.
# ruff: noqa: RUF001

from dataclasses import dataclass, field

import numpy as np

from nnsim.model.compiler import CompiledNetwork
from nnsim.text import translate

#: At most this many terms of a sum, neurons of a layer, or weights are written out.
SHOWN = 8
#: What :func:`more_lines` counts.
INPUTS, NEURONS, OUTPUTS, WEIGHTS = "inputs", "neurons", "outputs", "weights"


@dataclass(frozen=True)
class Stage:
    """One stage: a title, lines of formulas, and notes for neurons and connections."""

    title: str
    lines: tuple[str, ...]
    neuron_notes: dict[str, str] = field(default_factory=dict)
    connection_notes: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass(frozen=True)
class Explanation:
    """The stages of one step, and the numbers they show (engine layout).

    Attributes
    ----------
    stages : tuple of Stage
    outputs : tuple of np.ndarray
        Every layer's output for the sample, the input first (in a step with dropout,
        after the sample's mask: what the next layer takes).
    gradients : tuple of np.ndarray
        ∂E/∂W of each layer (an MLP); for a perceptron, the update Δw itself.
    new_weights, new_biases : tuple of np.ndarray
        What the step makes of the weights and biases.
    """

    stages: tuple[Stage, ...]
    outputs: tuple[np.ndarray, ...]
    gradients: tuple[np.ndarray, ...]
    new_weights: tuple[np.ndarray, ...]
    new_biases: tuple[np.ndarray, ...]


class Names:
    """Neuron ids by (layer, row), and how a neuron is written in formulas."""

    def __init__(self, compiled: CompiledNetwork):
        self.ids = {place: nid for nid, place in compiled.index.items()}
        self._blocks = getattr(compiled.network, "input_blocks", None)

    def id(self, layer: int, row: int) -> str:
        return self.ids[(layer, row)]

    def source(self, layer: int, column: int) -> tuple[int, int]:
        """(layer, row) of the neuron that column ``column`` of ``weights[layer - 1]`` comes
        from: of layer ``layer - 1``, or of an earlier one for a skip connection."""
        if self._blocks is None:
            return layer - 1, column
        for source, start, stop in self._blocks[layer - 1]:
            if start <= column < stop:
                return source, column - start
        raise IndexError(column)

    def connection(self, layer: int, column: int, row: int) -> tuple[str, str]:
        """(source id, target id) of the weight ``weights[layer - 1][row, column]``."""
        return self.id(*self.source(layer, column)), self.id(layer, row)

    @staticmethod
    def symbol(letter: str, layer: int, row: int) -> str:
        """``x₂`` for the second input; ``a₁,₂`` for neuron 2 of layer 1."""
        return (
            f"{letter}{subscript(layer)},{subscript(row + 1)}"
            if layer
            else f"{letter}{subscript(row + 1)}"
        )

    def weight(self, layer: int, column: int, target: int) -> str:
        """``w[2] 1→3``: the weight of layer 2 from neuron 1 (of layer 1) to neuron 3;
        ``w[3←1] 2→1`` a skip connection's, into layer 3 from neuron 2 of layer 1."""
        source, row = self.source(layer, column)
        into = f"{layer}" if source == layer - 1 else f"{layer}←{source}"
        return f"w[{into}] {row + 1}→{target + 1}"


def inputs_stage(names: Names, x) -> Stage:
    """The first stage: sample ``x`` (shape (n_inputs,)) going in as the inputs' outputs."""
    lines = [f"{names.symbol('x', 0, i)} = {num(v)}" for i, v in enumerate(x[:SHOWN])]
    lines += more_lines(len(x), INPUTS)
    notes = {names.id(0, i): num(v) for i, v in enumerate(x)}
    goes_in = translate("ExplainParts", "The sample goes in as the input layer's outputs.")
    return Stage(translate("ExplainParts", "The inputs"), (goes_in, *lines), notes)


def output_error_stage(names, last: int, t, o, how: str) -> Stage:
    """Each output's error e = t - o (targets ``t``, outputs ``o`` of layer ``last``); ``how``
    says what learns from it."""
    e = t - o
    lines = [
        translate(
            "ExplainParts", "The output error is the target minus the output ({how}):"
        ).format(how=how)
    ]
    lines += [
        f"e{subscript(k + 1)} = {term(t[k])} − {term(o[k])} = {num(e[k])}"
        for k in range(min(len(e), SHOWN))
    ]
    lines += more_lines(len(e), OUTPUTS)
    notes = {names.id(last, k): f"e={num(e[k])}" for k in range(len(e))}
    return Stage(translate("ExplainParts", "The output error"), tuple(lines), notes)


def new_weights_stage(names, weights, new_W, with_bias, masks) -> Stage:
    """The last stage: each drawn weight w + Δw (``masks``: 0 where no connection is drawn)."""
    lines = [translate("ExplainParts", "Every weight plus its change:")]
    notes = {}
    for k in range(len(weights), 0, -1):
        W, new = weights[k - 1], new_W[k - 1]
        for j, i in zip(*np.nonzero(masks[k - 1]), strict=True):
            notes[names.connection(k, i, j)] = f"w={num(new[j, i], 6)}"
            if len(lines) <= SHOWN:
                lines.append(
                    f"{names.weight(k, i, j)}: "
                    f"{term(W[j, i], 6)} + {term(new[j, i] - W[j, i], 6)} = {num(new[j, i], 6)}"
                )
    lines += more_lines(int(sum(m.sum() for m in masks)), WEIGHTS)
    if with_bias:
        lines.append(
            translate(
                "ExplainParts", "The biases learn the same way, as weights on a constant input 1."
            )
        )
    return Stage(translate("ExplainParts", "The new weights"), tuple(lines), {}, notes)


def num(value: float, digits: int = 4) -> str:
    """A number as the tutorials write it: ``digits`` significant figures, a true minus sign."""
    text = f"{value:.{digits}g}"
    return "0" if text == "-0" else text.replace("-", "−")


def term(value: float, digits: int = 4) -> str:
    """A number inside a sum or a product: in brackets when negative, 0.5 × (−0.3)."""
    text = num(value, digits)
    return f"({text})" if text.startswith("−") else text


def more_lines(count: int, what: str) -> list[str]:
    """A line saying how many of ``count`` ``what`` (:data:`INPUTS`, :data:`NEURONS`,
    :data:`OUTPUTS` or :data:`WEIGHTS`) are left out (on the canvas), if any."""
    if count <= SHOWN:
        return []
    if what == INPUTS:
        line = translate("ExplainParts", "… and {count} more inputs (on the canvas).")
    elif what == NEURONS:
        line = translate("ExplainParts", "… and {count} more neurons (on the canvas).")
    elif what == OUTPUTS:
        line = translate("ExplainParts", "… and {count} more outputs (on the canvas).")
    else:
        line = translate("ExplainParts", "… and {count} more weights (on the canvas).")
    return [line.format(count=count - SHOWN)]


SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def subscript(number: int) -> str:
    """``number`` in subscript digits: 12 -> ₁₂."""
    return str(number).translate(SUBSCRIPTS)
