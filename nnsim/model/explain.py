"""One training step written out with its numbers, stage by stage, as the tutorials do it.

:func:`explain_step` takes a compiled network, one sample and its target,
and returns the stages of one update on that sample (a network with several
layers has a stage of the second kind for each; the view counts the stages
as they come):

1. the inputs;
2. every neuron's weighted sum z = Σ w x + b with the actual numbers, and
   its activation a = f(z) (e.g. 1.0 × 0.9 + 0.5 × 0.3 = 1.05 and
   sigmoid(1.05) = 0.7408);
3. each output neuron's factors, one line each, as tutorial 001 derives
   2.0 → 2.00265: the output o, the target t and where it comes from, the
   error e = t − o, the slope σ′(z) = o (1 − o) and δ = ∂E/∂z = −e σ′;
4. the error each hidden neuron is sent back: the tutorials' split in
   proportion to the weights, the matrix product Wᵀe, and what
   backpropagation really sends, Σₖ wₖⱼ δₖ, then its σ′ and δ;
5. each weight's gradient ∂E/∂w = δ x and its step Δw = −η ∂E/∂w;
6. the new weights, w + Δw.

A perceptron's stages follow its rule instead (Δw = η (t − y) x, or the
normalised ΔA = L·E/x).  The numbers are the engine's own: outputs as
:func:`~nnsim.model.values.layer_values` computes them (bit-identical to
``forward_all`` of the one sample), δ and ∂E/∂w from
:meth:`~nnsim.engine.MLP.gradients`, and the new weights are what one SGD
step (no momentum, no penalties) or one perceptron update makes.  Each
stage also carries short notes keyed by the neuron ids and connections of
the document, for the editor to draw beside them.

At about 420 lines this module is a little past the usual size: the
perceptron's stages, a job of their own, are the part to move out next.
"""

# The formulas use the mathematical signs ×, − and ′ on purpose.
# ruff: noqa: RUF001

from dataclasses import dataclass, field

import numpy as np

from nnsim.engine import MLP, Perceptron
from nnsim.engine.activations import get_activation
from nnsim.engine.losses import MATCHED_PAIRS
from nnsim.errors import ConfigError
from nnsim.model.compiler import CompiledNetwork
from nnsim.model.values import layer_values

#: At most this many terms of a sum, neurons of a layer, or weights are written out.
SHOWN = 8
RULE_NAMES = {"rosenblatt": "Rosenblatt", "lms": "LMS", "nlms": "normalised LMS"}


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
        Every layer's output for the sample, the input first.
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


def explain_step(
    compiled: CompiledNetwork, x, t, learning_rate: float, source: str = ""
) -> Explanation:
    """The stages of one update of ``compiled``'s network on sample ``x`` with target ``t``.

    ``source`` says where ``t`` comes from (:func:`target_source`), beside the target.
    """
    net = compiled.network
    x = np.asarray(x, dtype=np.float64).ravel()
    t = np.asarray(t, dtype=np.float64).ravel()
    names = _Names(compiled)
    if isinstance(net, Perceptron):
        return _perceptron_step(net, names, x, t, learning_rate)
    if isinstance(net, MLP):
        return _mlp_step(net, names, x, t, learning_rate, source)
    raise ConfigError("A Hopfield network does not train on samples: nothing to explain.")


def target_source(data, row: int) -> str:
    """Where sample ``row`` (from 0) of the data set ``data`` takes its target from."""
    return f"sample {row + 1}'s target in the data {data.name}: {data.description}"


class _Names:
    """Neuron ids by (layer, row), and how a neuron is written in formulas."""

    def __init__(self, compiled: CompiledNetwork):
        self.ids = {place: nid for nid, place in compiled.index.items()}

    def id(self, layer: int, row: int) -> str:
        return self.ids[(layer, row)]

    @staticmethod
    def symbol(letter: str, layer: int, row: int) -> str:
        """``x₂`` for the second input; ``a₁,₂`` for neuron 2 of layer 1."""
        return f"{letter}{_sub(layer)},{_sub(row + 1)}" if layer else f"{letter}{_sub(row + 1)}"

    @staticmethod
    def weight(layer: int, source: int, target: int) -> str:
        """``w[2] 1→3``: the weight of layer 2 from neuron 1 (of layer 1) to neuron 3."""
        return f"w[{layer}] {source + 1}→{target + 1}"


# ----------------------------------------------------------------------- MLP
def _mlp_step(net: MLP, names: _Names, x, t, rate, source) -> Explanation:
    weights, activations = net.weights, list(net.activations)
    masks = net.masks or [np.ones_like(w) for w in weights]  # 0 where no connection is drawn
    biases = net.biases if net.has_bias else None
    zs, outputs = layer_values(weights, biases, activations, x)
    _loss, dW, db = net.gradients(x[None, :], t[None, :])
    deltas = db  # one sample: dE/db = δ = dE/dz, as the engine computes it
    new_W = tuple(W - rate * g for W, g in zip(weights, dW, strict=True))
    new_b = tuple(b - rate * g for b, g in zip(net.biases, db, strict=True))
    if biases is None:
        new_b = tuple(np.zeros_like(b) for b in net.biases)
    sums = [
        _layer_sums(names, k, weights[k - 1], biases, zs[k - 1], outputs, activations[k - 1])
        for k in range(1, len(weights) + 1)
    ]
    stages = [
        _inputs(names, x),
        *sums,
        _output_deltas(names, net, t, zs[-1], outputs[-1], deltas[-1], source),
        _errors_back(names, net, t - outputs[-1], zs, outputs, deltas),
        _gradients(names, weights, outputs, deltas, dW, rate, masks),
        _new_weights(names, weights, new_W, biases is not None, masks),
    ]
    return Explanation(tuple(stages), tuple(outputs), tuple(dW), new_W, new_b)


def _inputs(names: _Names, x) -> Stage:
    lines = [f"{names.symbol('x', 0, i)} = {_n(v)}" for i, v in enumerate(x[:SHOWN])]
    lines += _more(len(x), "inputs")
    notes = {names.id(0, i): _n(v) for i, v in enumerate(x)}
    return Stage("The inputs", ("The sample goes in as the input layer's outputs.", *lines),
                 notes)  # fmt: skip


def _layer_sums(names, k, W, biases, z, outputs, activation) -> Stage:
    a_in, a = outputs[k - 1], outputs[k]
    lines = [
        f"Each neuron of layer {k} sums its inputs times their weights"
        f"{' plus its bias' if biases is not None else ''}, then applies {activation}:"
    ]
    notes = {}
    for j in range(min(len(z), SHOWN)):
        terms = [f"{_p(a_in[i])} × {_p(W[j, i])}" for i in range(min(W.shape[1], SHOWN))]
        terms += ["…"] if W.shape[1] > SHOWN else []
        if biases is not None:
            terms.append(_p(biases[k - 1][j]))
        lines.append(f"z{_sub(k)},{_sub(j + 1)} = {' + '.join(terms)} = {_n(z[j])}")
        lines.append(f"    a = {activation}({_n(z[j])}) = {_n(a[j])}")
    lines += _more(len(z), "neurons")
    for j in range(len(z)):
        notes[names.id(k, j)] = f"z={_n(z[j])}\na={_n(a[j])}"
    return Stage(f"Layer {k}: weighted sums and activations", tuple(lines), notes)


def _output_error(names, last: int, t, o, how: str) -> Stage:
    e = t - o
    lines = [f"The output error is the target minus the output ({how}):"]
    lines += [
        f"e{_sub(k + 1)} = {_p(t[k])} − {_p(o[k])} = {_n(e[k])}" for k in range(min(len(e), SHOWN))
    ]
    lines += _more(len(e), "outputs")
    notes = {names.id(last, k): f"e={_n(e[k])}" for k in range(len(e))}
    return Stage("The output error", tuple(lines), notes)


def _output_deltas(names, net, t, z, o, delta, source) -> Stage:
    """Each output's factors on lines of their own: o, t, e = t − o, σ′ and δ (tutorial 001)."""
    last, act, loss = len(net.weights), net.activations[-1], net.loss
    e = t - o
    lines = [f"Each output neuron: its error e = t − o, then δ = ∂E/∂z (the loss is {loss}):"]
    notes = {}
    for k in range(len(e)):
        notes[names.id(last, k)] = f"e={_n(e[k])}\nδ={_n(delta[k])}"
        if k >= SHOWN:
            continue
        i = _sub(k + 1)
        lines += [
            f"Output neuron {k + 1}:",
            f"  o{i} = {act}({_n(z[k])}) = {_n(o[k])}"  # z: the weighted sum above
            + ("  (with the other outputs' z)" if act == "softmax" else ""),
            f"  t{i} = {_n(t[k])}, {source or 'the target of this sample'}",
            f"  e{i} = t{i} − o{i} = {_p(t[k])} − {_p(o[k])} = {_n(e[k])}",
        ]
        if (act, loss) in MATCHED_PAIRS:
            lines.append(f"  δ{i} = o{i} − t{i} = −e{i} = {_n(delta[k])}  ({act} with {loss})")
        elif act == "softmax":
            lines.append(f"  δ{i} = {_n(delta[k])}  (the softmax mixes every output's error)")
        else:
            formula, slope = _slope(act, "o", z[k], o[k])
            scale = "" if loss == "sse" else f"(2/{len(e)}) × "  # mse: E = Σ e² / K
            lines += [
                f"  {formula}",
                f"  δ{i} = −{scale}e{i} × f′ = −{scale}{_p(e[k])} × {_p(slope)} = {_n(delta[k])}",
            ]
    lines += _more(len(e), "outputs")
    lines += [
        "δ is −e times a factor that is never negative, so an output's δ has the sign",
        "opposite to its error: an output below its target (e > 0) has δ < 0, and the",
        "step −η δ x raises the weights of its positive inputs.",
    ]
    if act == "softmax" and (act, loss) not in MATCHED_PAIRS:
        lines[-3:] = [
            "With a softmax and this loss, a δ's sign need not be its own error's opposite."
        ]
    return Stage("The output error and δ", tuple(lines), notes)


def _slope(activation: str, letter: str, z: float, a: float) -> tuple[str, float]:
    """The activation's slope at ``z`` (output ``a``) written out, and its value."""
    slope = float(get_activation(activation).derivative(np.array([a]))[0])
    a, value = _p(a), _n(slope)
    if activation == "sigmoid":
        return f"f′ = σ′(z) = {letter} (1 − {letter}) = {a} × (1 − {a}) = {value}", slope
    if activation == "tanh":
        return f"f′ = 1 − {letter}² = 1 − {a}² = {value}", slope
    if activation == "linear":
        return "f′ = 1  (a linear neuron)", slope
    return f"f′ = {value}  ({activation} at z = {_n(z)})", slope


def _errors_back(names, net, e, zs, outputs, deltas) -> Stage:
    """Hidden errors: the tutorials' proportional split, Wᵀe, and Σₖ wₖⱼ δₖ, σ′ and δ."""
    weights, lines, notes, error = net.weights, [], {}, e
    for k in range(len(weights) - 1, 0, -1):
        W, after = weights[k], deltas[k]
        column_sums = W.sum(axis=1, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            split = np.where(column_sums != 0, W / column_sums, 0.0).T @ error
        matrix, back = W.T @ error, W.T @ after
        lines.append(f"Layer {k} gets back, neuron by neuron:")
        for h in range(len(matrix)):
            delta = deltas[k - 1][h]
            notes[names.id(k, h)] = f"Wᵀe={_n(matrix[h])}\nΣwδ={_n(back[h])}\nδ={_n(delta)}"
            if h >= SHOWN:
                continue
            rows = range(min(W.shape[0], SHOWN))
            shares = " + ".join(
                f"{_p(W[j, h])}/{_p(column_sums[j, 0])} × {_p(error[j])}" for j in rows
            )
            terms = " + ".join(f"{_p(W[j, h])} × {_p(after[j])}" for j in rows)
            terms += " + …" if W.shape[0] > SHOWN else ""
            formula, slope = _slope(net.activations[k - 1], "a", zs[k - 1][h], outputs[k][h])
            lines += [
                f"Hidden neuron {names.symbol('a', k, h)}:",
                f"  split by weight share: {shares} = {_n(split[h])}",
                f"  Wᵀe = {_n(matrix[h])}",
                f"  Σₖ wₖⱼ δₖ = {terms} = {_n(back[h])}",
                f"  {formula}",
                f"  {names.symbol('δ', k, h)} = Σₖ wₖⱼ δₖ × f′ = "
                f"{_p(back[h])} × {_p(slope)} = {_n(delta)}",
            ]
        lines += _more(len(matrix), "neurons")
        error = matrix
    lines += [
        "The tutorials split each error in proportion to the weights, w/(w₁+w₂+…); Wᵀe leaves",
        "out the division by each sum. Backpropagation sends back δ = ∂E/∂z instead: the δ of",
        "each neuron fed times the weight to it, summed (Σₖ wₖⱼ δₖ), times the slope f′.",
        "f′ is never negative, so a hidden δ has the sign of Σₖ wₖⱼ δₖ: the δ of all the outputs",
        "it feeds, weighted. It need not be the sign of any one error, nor its opposite.",
    ]
    if len(weights) == 1:
        lines = ["No hidden layer: the output error goes straight to the weights."]
    return Stage("The error sent back", tuple(lines), notes)


def _gradients(names, weights, outputs, deltas, dW, rate, masks) -> Stage:
    lines = [f"Each weight moves against its gradient: Δw = −η ∂E/∂w, with η = {_n(rate)}."]
    notes = {}
    shown = 0
    for k in range(len(weights), 0, -1):
        a_in, delta, g = outputs[k - 1], deltas[k - 1], dW[k - 1]
        for j, i in zip(*np.nonzero(masks[k - 1]), strict=True):
            step = -rate * g[j, i]
            connection = (names.id(k - 1, i), names.id(k, j))
            notes[connection] = f"Δw={_n(step)}"
            if shown < SHOWN:
                x = names.symbol("a" if k > 1 else "x", k - 1, i)  # what the weight carries
                lines += [
                    f"{names.weight(k, i, j)}: ∂E/∂w = δ × {x} = "
                    f"{_p(delta[j])} × {_p(a_in[i])} = {_n(g[j, i])}",
                    f"    Δw = −η ∂E/∂w = −{_p(rate)} × {_p(g[j, i])} = {_n(step, 6)}",
                ]
                shown += 1
    lines += _more(int(sum(m.sum() for m in masks)), "weights")
    return Stage("Gradients and updates", tuple(lines), {}, notes)


def _new_weights(names, weights, new_W, with_bias, masks) -> Stage:
    lines = ["Every weight plus its change:"]
    notes = {}
    for k in range(len(weights), 0, -1):
        W, new = weights[k - 1], new_W[k - 1]
        for j, i in zip(*np.nonzero(masks[k - 1]), strict=True):
            notes[(names.id(k - 1, i), names.id(k, j))] = f"w={_n(new[j, i], 6)}"
            if len(lines) <= SHOWN:
                lines.append(
                    f"{names.weight(k, i, j)}: "
                    f"{_p(W[j, i], 6)} + {_p(new[j, i] - W[j, i], 6)} = {_n(new[j, i], 6)}"
                )
    lines += _more(int(sum(m.sum() for m in masks)), "weights")
    if with_bias:
        lines.append("The biases learn the same way, as weights on a constant input 1.")
    return Stage("The new weights", tuple(lines), {}, notes)


# ---------------------------------------------------------------- perceptron
def _perceptron_step(net: Perceptron, names: _Names, x, t, rate) -> Explanation:
    W, b = net.weights, net.bias
    u = W @ x + b  # the engine's formula for one sample
    rosenblatt = net.rule == "rosenblatt"
    y = (u >= 0).astype(np.float64) if rosenblatt else u
    e = t - y
    scale = rate
    if net.rule == "nlms":
        norm = float(x @ x) + net.has_bias
        scale = rate / norm if norm else 0.0
    mask = net.mask if net.mask is not None else np.ones_like(W)  # 0: no connection drawn
    step = scale * np.outer(e, x) * mask
    if rosenblatt and not e.any():
        step = np.zeros_like(W)
    new_W = W + step
    new_b = b + scale * e if net.has_bias and (e.any() or not rosenblatt) else b.copy()
    stages = [
        _inputs(names, x),
        _perceptron_output(names, W, b, x, u, y, net),
        _output_error(names, 1, t, y, f"the {RULE_NAMES[net.rule]} rule learns from it"),
        _perceptron_update(names, W, x, e, step, rate, scale, net, mask),
        _new_weights(names, [W], (new_W,), net.has_bias, [mask]),
    ]
    return Explanation(tuple(stages), (x, y), (step,), (new_W,), (new_b,))


def _perceptron_output(names, W, b, x, u, y, net) -> Stage:
    lines = []
    notes = {}
    for j in range(len(u)):
        terms = [f"{_p(x[i])} × {_p(W[j, i])}" for i in range(min(len(x), SHOWN))]
        terms += [_p(b[j])] if net.has_bias else []
        lines.append(f"u{_sub(j + 1)} = {' + '.join(terms)} = {_n(u[j])}")
        if net.rule == "rosenblatt":
            lines.append(f"    y = step(u) = {_n(y[j])}  (1 when u ≥ 0)")
        else:
            lines.append(f"    y = u = {_n(y[j])}  (a linear output)")
        notes[names.id(1, j)] = f"u={_n(u[j])}\ny={_n(y[j])}"
    return Stage("The net input and the output", tuple(lines), notes)


def _perceptron_update(names, W, x, e, step, rate, scale, net, mask) -> Stage:
    if net.rule == "rosenblatt":
        lines = [f"Rosenblatt's rule: Δw = η (t − y) x with η = {_n(rate)}; no error, no change."]
    elif net.rule == "lms":
        lines = [f"The LMS (ADALINE) rule: Δw = η (t − y) x with η = {_n(rate)}."]
    else:
        lines = [
            f"The normalised rule: Δw = η (t − y) x / ‖x‖² with η = {_n(rate)}"
            f"{' (the bias counts as an input 1)' if net.has_bias else ''}; with one input "
            "and no bias this is ΔA = L·E/x."
        ]
    notes = {}
    for j in range(W.shape[0]):
        for i in np.flatnonzero(mask[j]):
            notes[(names.id(0, i), names.id(1, j))] = f"Δw={_n(step[j, i], 6)}"
            if i < SHOWN:
                lines.append(
                    f"Δ{names.weight(1, i, j)} = "
                    f"{_p(scale, 6)} × {_p(e[j])} × {_p(x[i])} = {_n(step[j, i], 6)}"
                )
    return Stage("The update", tuple(lines), {}, notes)


# ------------------------------------------------------------------ helpers
def _n(value: float, digits: int = 4) -> str:
    """A number as the tutorials write it: ``digits`` significant figures, a true minus sign."""
    text = f"{value:.{digits}g}"
    return "0" if text == "-0" else text.replace("-", "−")


def _p(value: float, digits: int = 4) -> str:
    """A number inside a sum or a product: in brackets when negative, 0.5 × (−0.3)."""
    text = _n(value, digits)
    return f"({text})" if text.startswith("−") else text


def _more(count: int, what: str) -> list[str]:
    return [f"… and {count - SHOWN} more {what} (on the canvas)."] if count > SHOWN else []


_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _sub(number: int) -> str:
    return str(number).translate(_SUBSCRIPTS)
