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
step (no momentum, no penalties) or one perceptron update makes.  A skip
connection's terms join the sums of the layer it feeds, and its δ term the error
sent back to its source.  Given a :class:`~nnsim.model.explain_dropout.DropoutDraw`,
a network with dropout is explained as a training step takes it: each
hidden layer with a rate gets the sample's mask, drawn so that the same
seed, epoch and sample show it again (:mod:`nnsim.model.explain_dropout`),
its stage shows which neurons drop and the scaled outputs ã = a × m, and the
same mask multiplies the δ sent back, so a dropped neuron's weights do not
move; the outputs are then the engine's training forward pass with that
mask, and δ and ∂E/∂w those of ``gradients(..., dropout_rng=...)`` with it.
Without a draw, dropout is left out, and the stage of a layer with dropout
says so.  Each
stage also carries short notes keyed by the neuron ids and connections of
the document, for the editor to draw beside them.

The stages shared by both kinds (the inputs, the output error, the new weights),
:class:`Stage`, :class:`Explanation` and the way numbers are written are in
:mod:`nnsim.model.explain_parts`; a perceptron's own stages in
:mod:`nnsim.model.explain_perceptron`.
"""

# The formulas use the mathematical signs ×, − and ′ on purpose.
# ruff: noqa: RUF001

import numpy as np

from nnsim.engine import MLP, Perceptron
from nnsim.engine.activations import get_activation
from nnsim.engine.losses import MATCHED_PAIRS
from nnsim.errors import ConfigError
from nnsim.model.compiler import CompiledNetwork
from nnsim.model.drawing import shown_description
from nnsim.model.explain_dropout import (
    DropoutDraw,
    carried,
    delta_factor,
    delta_lines,
    dropout_lines,
    dropped_pass,
    neuron_note,
)
from nnsim.model.explain_parts import (
    NEURONS,
    OUTPUTS,
    SHOWN,
    WEIGHTS,
    Explanation,
    Names,
    Stage,
    inputs_stage,
    more_lines,
    new_weights_stage,
    num,
    subscript,
    term,
)
from nnsim.model.explain_perceptron import perceptron_step
from nnsim.model.values import input_blocks, layer_values
from nnsim.text import translate

__all__ = ["DropoutDraw", "Explanation", "Stage", "explain_step", "target_source"]


def explain_step(
    compiled: CompiledNetwork,
    x,
    t,
    learning_rate: float,
    source: str = "",
    dropout: DropoutDraw | None = None,
) -> Explanation:
    """The stages of one update of ``compiled``'s network on sample ``x`` with target ``t``.

    ``source`` says where ``t`` comes from (:func:`target_source`), beside the target;
    ``dropout`` where an MLP's dropout masks are drawn from (None: dropout is left out).
    """
    net = compiled.network
    x = np.asarray(x, dtype=np.float64).ravel()
    t = np.asarray(t, dtype=np.float64).ravel()
    names = Names(compiled)
    if isinstance(net, Perceptron):
        return perceptron_step(net, names, x, t, learning_rate)
    if isinstance(net, MLP):
        return _mlp_step(net, names, x, t, learning_rate, source, dropout)
    raise ConfigError(
        translate("Explain", "A Hopfield network does not train on samples: nothing to explain.")
    )


def target_source(data, row: int) -> str:
    """Where sample ``row`` (from 0) of the data set ``data`` takes its target from."""
    return translate(
        "Explain", "sample {number}'s target in the data {name}: {description}"
    ).format(number=row + 1, name=data.name, description=shown_description(data.description))


# ----------------------------------------------------------------------- MLP
def _mlp_step(net: MLP, names: Names, x, t, rate, source, draw) -> Explanation:
    weights, activations = net.weights, list(net.activations)
    masks = net.masks or [np.ones_like(w) for w in weights]  # 0 where no connection is drawn
    biases = net.biases if net.has_bias else None
    passed, rng = None, None
    if draw is not None and any(net.dropout):
        passed, rng = dropped_pass(net, x, draw), draw.generator()  # the engine draws the same
        zs, whole, outputs = passed.net_inputs, passed.whole, passed.outputs
    else:
        zs, outputs = layer_values(weights, biases, activations, x, input_blocks(net))
        whole = outputs
    _loss, dW, db = net.gradients(x[None, :], t[None, :], dropout_rng=rng)
    deltas = db  # one sample: dE/db = δ = dE/dz, as the engine computes it
    new_W = tuple(W - rate * g for W, g in zip(weights, dW, strict=True))
    new_b = tuple(b - rate * g for b, g in zip(net.biases, db, strict=True))
    if biases is None:
        new_b = tuple(np.zeros_like(b) for b in net.biases)
    sums = [
        _layer_sums(
            names, k, weights[k - 1], biases, zs[k - 1], whole[k], outputs, activations[k - 1],
            masks, dropout_lines(names, k, net.dropout[k - 1], passed), passed,
        )
        for k in range(1, len(weights) + 1)
    ]  # fmt: skip
    stages = [
        inputs_stage(names, x),
        *sums,
        _output_deltas(names, net, t, zs[-1], outputs[-1], deltas[-1], source),
        _errors_back(names, net, t - outputs[-1], zs, whole, deltas, passed),
        _gradients(names, weights, outputs, deltas, dW, rate, masks, passed),
        new_weights_stage(names, weights, new_W, biases is not None, masks),
    ]
    return Explanation(tuple(stages), tuple(outputs), tuple(dW), new_W, new_b)


def _layer_sums(names, k, W, biases, z, a, outputs, activation, masks, dropout, passed) -> Stage:
    """Each neuron's z = Σ w a + b and a = f(z) (``a``): the terms of the previous layer's
    ``outputs``, then any skip connection's; then the ``dropout`` lines of
    :func:`~nnsim.model.explain_dropout.dropout_lines`."""
    a_in = [outputs[s][r] for s, r in (names.source(k, i) for i in range(W.shape[1]))]
    main = len(outputs[k - 1])
    if biases is not None:
        said = translate(
            "Explain",
            "Each neuron of layer {layer} sums its inputs times their weights plus its bias, "
            "then applies {activation}:",
        )
    else:
        said = translate(
            "Explain",
            "Each neuron of layer {layer} sums its inputs times their weights, "
            "then applies {activation}:",
        )
    lines = [said.format(layer=k, activation=activation)]
    notes = {}
    for j in range(min(len(z), SHOWN)):
        drawn = [i for i in range(W.shape[1]) if i < main or masks[k - 1][j, i]]
        terms = [f"{term(a_in[i])} × {term(W[j, i])}" for i in drawn[:SHOWN]]
        terms += ["…"] if len(drawn) > SHOWN else []
        if biases is not None:
            terms.append(term(biases[k - 1][j]))
        lines.append(f"z{subscript(k)},{subscript(j + 1)} = {' + '.join(terms)} = {num(z[j])}")
        lines.append(f"    a = {activation}({num(z[j])}) = {num(a[j])}")
    lines += more_lines(len(z), NEURONS)
    lines += dropout
    for j in range(len(z)):
        notes[names.id(k, j)] = f"z={num(z[j])}\na={num(a[j])}" + neuron_note(passed, k, j)
    title = translate("Explain", "Layer {layer}: weighted sums and activations").format(layer=k)
    return Stage(title, tuple(lines), notes)


def _output_deltas(names, net, t, z, o, delta, source) -> Stage:
    """Each output's factors on lines of their own: o, t, e = t − o, σ′ and δ (tutorial 001)."""
    last, act, loss = len(net.weights), net.activations[-1], net.loss
    e = t - o
    lines = [
        translate(
            "Explain",
            "Each output neuron: its error e = t − o, then δ = ∂E/∂z (the loss is {loss}):",
        ).format(loss=loss)
    ]
    target = source or translate("Explain", "the target of this sample")
    notes = {}
    for k in range(len(e)):
        notes[names.id(last, k)] = f"e={num(e[k])}\nδ={num(delta[k])}"
        if k >= SHOWN:
            continue
        i = subscript(k + 1)
        mixed = translate("Explain", "  (with the other outputs' z)") if act == "softmax" else ""
        lines += [
            translate("Explain", "Output neuron {number}:").format(number=k + 1),
            f"  o{i} = {act}({num(z[k])}) = {num(o[k])}" + mixed,  # z: the weighted sum above
            f"  t{i} = {num(t[k])}, {target}",
            f"  e{i} = t{i} − o{i} = {term(t[k])} − {term(o[k])} = {num(e[k])}",
        ]
        if (act, loss) in MATCHED_PAIRS:
            paired = translate("Explain", "({activation} with {loss})")
            paired = paired.format(activation=act, loss=loss)
            lines.append(f"  δ{i} = o{i} − t{i} = −e{i} = {num(delta[k])}  {paired}")
        elif act == "softmax":
            mixes = translate("Explain", "(the softmax mixes every output's error)")
            lines.append(f"  δ{i} = {num(delta[k])}  {mixes}")
        else:
            formula, slope = _slope(act, "o", z[k], o[k])
            scale = "" if loss == "sse" else f"(2/{len(e)}) × "  # mse: E = Σ e² / K
            lines += [
                f"  {formula}",
                f"  δ{i} = −{scale}e{i} × f′ = −{scale}{term(e[k])} × {term(slope)} = "
                f"{num(delta[k])}",
            ]
    lines += more_lines(len(e), OUTPUTS)
    if act == "softmax" and (act, loss) not in MATCHED_PAIRS:
        lines.append(
            translate(
                "Explain",
                "With a softmax and this loss, a δ's sign need not be its own error's opposite.",
            )
        )
    else:
        lines += translate(
            "Explain",
            "δ is −e times a factor that is never negative, so an output's δ has the sign\n"
            "opposite to its error: an output below its target (e > 0) has δ < 0, and the\n"
            "step −η δ x raises the weights of its positive inputs.",
        ).splitlines()
    return Stage(translate("Explain", "The output error and δ"), tuple(lines), notes)


def _slope(activation: str, letter: str, z: float, a: float) -> tuple[str, float]:
    """The activation's slope at ``z`` (output ``a``) written out, and its value."""
    slope = float(get_activation(activation).derivative(np.array([a]))[0])
    a, value = term(a), num(slope)
    if activation == "sigmoid":
        return f"f′ = σ′(z) = {letter} (1 − {letter}) = {a} × (1 − {a}) = {value}", slope
    if activation == "tanh":
        return f"f′ = 1 − {letter}² = 1 − {a}² = {value}", slope
    if activation == "linear":
        return "f′ = 1  " + translate("Explain", "(a linear neuron)"), slope
    at = translate("Explain", "({activation} at z = {z})").format(activation=activation, z=num(z))
    return f"f′ = {value}  {at}", slope


def _errors_back(names, net, e, zs, outputs, deltas, passed) -> Stage:
    """Hidden errors: the tutorials' proportional split, Wᵀe, and Σₖ wₖⱼ δₖ, σ′ and δ
    (``outputs``: a = f(z) before any dropout mask, which ``passed`` multiplies δ by)."""
    weights, lines, notes, error = net.weights, [], {}, e
    skipped = _skip_terms(net, deltas)
    for k in range(len(weights) - 1, 0, -1):
        W, after = weights[k][:, : len(outputs[k])], deltas[k]  # the next layer's weights
        column_sums = W.sum(axis=1, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            split = np.where(column_sums != 0, W / column_sums, 0.0).T @ error
        matrix, back = W.T @ error, W.T @ after + skipped[k]
        lines.append(
            translate("Explain", "Layer {layer} gets back, neuron by neuron:").format(layer=k)
        )
        for h in range(len(matrix)):
            delta = deltas[k - 1][h]
            notes[names.id(k, h)] = f"Wᵀe={num(matrix[h])}\nΣwδ={num(back[h])}\nδ={num(delta)}"
            if h >= SHOWN:
                continue
            rows = range(min(W.shape[0], SHOWN))
            shares = " + ".join(
                f"{term(W[j, h])}/{term(column_sums[j, 0])} × {term(error[j])}" for j in rows
            )
            terms = " + ".join(f"{term(W[j, h])} × {term(after[j])}" for j in rows)
            terms += " + …" if W.shape[0] > SHOWN else ""
            if skipped[k].any():
                terms += " + " + translate("Explain", "{sum} (its skip connections)").format(
                    sum=term(skipped[k][h])
                )
            formula, slope = _slope(net.activations[k - 1], "a", zs[k - 1][h], outputs[k][h])
            mask, factor = delta_factor(passed, k, h)
            hidden = translate("Explain", "Hidden neuron {neuron}:")
            split_by = translate("Explain", "  split by weight share: {shares} = {split}")
            lines += [
                hidden.format(neuron=names.symbol("a", k, h)),
                split_by.format(shares=shares, split=num(split[h])),
                f"  Wᵀe = {num(matrix[h])}",
                f"  Σₖ wₖⱼ δₖ = {terms} = {num(back[h])}",
                f"  {formula}",
                f"  {names.symbol('δ', k, h)} = Σₖ wₖⱼ δₖ × f′{mask} = "
                f"{term(back[h])} × {term(slope)}{factor} = {num(delta)}",
            ]
        lines += more_lines(len(matrix), NEURONS)
        error = matrix
    lines += translate(
        "Explain",
        "The tutorials split each error in proportion to the weights, w/(w₁+w₂+…); Wᵀe leaves\n"
        "out the division by each sum. Backpropagation sends back δ = ∂E/∂z instead: the δ of\n"
        "each neuron fed times the weight to it, summed (Σₖ wₖⱼ δₖ), times the slope f′.\n"
        "f′ is never negative, so a hidden δ has the sign of Σₖ wₖⱼ δₖ: the δ of all the outputs\n"
        "it feeds, weighted. It need not be the sign of any one error, nor its opposite.",
    ).splitlines()
    lines += delta_lines(passed)
    if len(weights) == 1:
        lines = [
            translate("Explain", "No hidden layer: the output error goes straight to the weights.")
        ]
    return Stage(translate("Explain", "The error sent back"), tuple(lines), notes)


def _skip_terms(net, deltas) -> list[np.ndarray]:
    """For each layer k, Σ δ_l S_{l,k} over the later layers l its skip connections feed
    (zeros without skips): the part of the error sent back that jumps layers."""
    sums = [np.zeros(len(d)) for d in deltas]
    sums.insert(0, np.zeros(net.n_inputs))
    for layer, blocks in enumerate(net.input_blocks, start=1):
        for source, start, stop in blocks[1:]:
            S = net.weights[layer - 1][:, start:stop]
            sums[source] = sums[source] + S.T @ deltas[layer - 1]
    return sums


def _gradients(names, weights, outputs, deltas, dW, rate, masks, passed) -> Stage:
    lines = [
        translate(
            "Explain", "Each weight moves against its gradient: Δw = −η ∂E/∂w, with η = {rate}."
        ).format(rate=num(rate))
    ]
    notes = {}
    shown = 0
    for k in range(len(weights), 0, -1):
        delta, g = deltas[k - 1], dW[k - 1]
        for j, i in zip(*np.nonzero(masks[k - 1]), strict=True):
            step = -rate * g[j, i]
            notes[names.connection(k, i, j)] = f"Δw={num(step)}"
            if shown < SHOWN:
                source, row = names.source(k, i)
                x = names.symbol(carried(passed, source), source, row)  # what the weight carries
                lines += [
                    f"{names.weight(k, i, j)}: ∂E/∂w = δ × {x} = "
                    f"{term(delta[j])} × {term(outputs[source][row])} = {num(g[j, i])}",
                    f"    Δw = −η ∂E/∂w = −{term(rate)} × {term(g[j, i])} = {num(step, 6)}",
                ]
                shown += 1
    lines += more_lines(int(sum(m.sum() for m in masks)), WEIGHTS)
    return Stage(translate("Explain", "Gradients and updates"), tuple(lines), {}, notes)
