"""A perceptron's step written out: its net input and output, and its rule's update.

Rosenblatt's rule (Δw = η (t − y) x after a mistake), the LMS rule (the same on a
linear output) and the normalised one (Δw = η (t − y) x / ‖x‖², the tutorials'
ΔA = L·E/x) share the stages of :mod:`nnsim.model.explain_parts` for the inputs,
the output error and the new weights.
"""

# The formulas use the mathematical signs ×, − and ′ on purpose.
# ruff: noqa: RUF001

import numpy as np

from nnsim.engine import Perceptron
from nnsim.model.explain_parts import (
    SHOWN,
    Explanation,
    Names,
    Stage,
    inputs_stage,
    new_weights_stage,
    num,
    output_error_stage,
    subscript,
    term,
)
from nnsim.text import QT_TRANSLATE_NOOP, translate

RULE_NAMES = {
    "rosenblatt": "Rosenblatt",
    "lms": "LMS",
    "nlms": QT_TRANSLATE_NOOP("ExplainPerceptron", "normalised LMS"),
}


def perceptron_step(net: Perceptron, names: Names, x, t, rate) -> Explanation:
    """The stages of one update of perceptron ``net`` on sample ``x`` (target ``t``) at
    learning rate ``rate``, as its rule makes it."""
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
        inputs_stage(names, x),
        _perceptron_output(names, W, b, x, u, y, net),
        output_error_stage(names, 1, t, y, _learns(net.rule)),
        _perceptron_update(names, W, x, e, step, rate, scale, net, mask),
        new_weights_stage(names, [W], (new_W,), net.has_bias, [mask]),
    ]
    return Explanation(tuple(stages), (x, y), (step,), (new_W,), (new_b,))


def _learns(rule: str) -> str:
    """What learns from the output error: "the LMS rule learns from it" (translated)."""
    learns = translate("ExplainPerceptron", "the {rule} rule learns from it")
    return learns.format(rule=translate("ExplainPerceptron", RULE_NAMES[rule]))


def _perceptron_output(names, W, b, x, u, y, net) -> Stage:
    lines = []
    notes = {}
    for j in range(len(u)):
        terms = [f"{term(x[i])} × {term(W[j, i])}" for i in range(min(len(x), SHOWN))]
        terms += [term(b[j])] if net.has_bias else []
        lines.append(f"u{subscript(j + 1)} = {' + '.join(terms)} = {num(u[j])}")
        if net.rule == "rosenblatt":
            when = translate("ExplainPerceptron", "(1 when u ≥ 0)")
            lines.append(f"    y = step(u) = {num(y[j])}  {when}")
        else:
            linear = translate("ExplainPerceptron", "(a linear output)")
            lines.append(f"    y = u = {num(y[j])}  {linear}")
        notes[names.id(1, j)] = f"u={num(u[j])}\ny={num(y[j])}"
    title = translate("ExplainPerceptron", "The net input and the output")
    return Stage(title, tuple(lines), notes)


def _perceptron_update(names, W, x, e, step, rate, scale, net, mask) -> Stage:
    if net.rule == "rosenblatt":
        rule = translate(
            "ExplainPerceptron",
            "Rosenblatt's rule: Δw = η (t − y) x with η = {rate}; no error, no change.",
        )
    elif net.rule == "lms":
        rule = translate(
            "ExplainPerceptron", "The LMS (ADALINE) rule: Δw = η (t − y) x with η = {rate}."
        )
    elif net.has_bias:
        rule = translate(
            "ExplainPerceptron",
            "The normalised rule: Δw = η (t − y) x / ‖x‖² with η = {rate} (the bias counts as "
            "an input 1); with one input and no bias this is ΔA = L·E/x.",
        )
    else:
        rule = translate(
            "ExplainPerceptron",
            "The normalised rule: Δw = η (t − y) x / ‖x‖² with η = {rate}; with one input "
            "and no bias this is ΔA = L·E/x.",
        )
    lines = [rule.format(rate=num(rate))]
    notes = {}
    for j in range(W.shape[0]):
        for i in np.flatnonzero(mask[j]):
            notes[(names.id(0, i), names.id(1, j))] = f"Δw={num(step[j, i], 6)}"
            if i < SHOWN:
                lines.append(
                    f"Δ{names.weight(1, i, j)} = "
                    f"{term(scale, 6)} × {term(e[j])} × {term(x[i])} = {num(step[j, i], 6)}"
                )
    return Stage(translate("ExplainPerceptron", "The update"), tuple(lines), {}, notes)
