r"""Dropout in an explained step: the sample's mask, drawn so that it can be seen again.

In training, each output of a hidden layer with dropout rate :math:`p` is
kept or dropped anew for every sample (:mod:`nnsim.engine.mlp_dropout`,
inverted dropout): kept, it is multiplied by :math:`m = 1/(1 - p)`; dropped,
:math:`m = 0`.  The next layers take :math:`\tilde a = a\,m`, and
backpropagation multiplies the neuron's δ by the same :math:`m`, so a
dropped neuron sends nothing on, gets δ = 0 and none of its weights, in or
out, moves in that step.

An explained step draws the mask of its one sample from

.. code-block:: python

    numpy.random.default_rng([seed, epoch, sample])

the project's random seed, the epoch of the weights shown (0 before
training) and the sample's number on the toolbar (from 1): one uniform draw
:math:`u` in [0, 1) per neuron of each layer with dropout, layers in order,
as the engine's :func:`~nnsim.engine.mlp_dropout.keep_masks` draws for a
batch of one; a neuron is kept when :math:`u \ge p`.  The same seed, epoch
and sample give the same mask every time.  A training run draws its masks
from the run's own generator, batch by batch, so its masks are others.
"""

# The formulas use the mathematical signs ×, − and ≥ on purpose.
# ruff: noqa: RUF001

from dataclasses import dataclass

import numpy as np

from nnsim.engine import MLP
from nnsim.engine.activations import activate
from nnsim.engine.mlp_dropout import keep_masks
from nnsim.engine.mlp_skips import net_input
from nnsim.model.explain_parts import NEURONS, SHOWN, Names, more_lines, num, term
from nnsim.text import translate


@dataclass(frozen=True)
class DropoutDraw:
    """Where an explained step's dropout mask comes from (see the module).

    Attributes
    ----------
    seed : int
        The project's random seed, at least 0.
    epoch : int
        The epoch of the weights the step starts from (0 before training).
    sample : int
        The sample's number, from 1, as the toolbar shows it.
    """

    seed: int
    epoch: int
    sample: int

    def generator(self) -> np.random.Generator:
        """A new generator that draws this sample's mask: ``default_rng([seed, epoch, sample])``."""
        return np.random.default_rng([self.seed, self.epoch, self.sample])


@dataclass(frozen=True)
class DroppedPass:
    r"""One sample's forward pass in a training step with dropout.

    Attributes
    ----------
    draw : DropoutDraw
    rates : tuple of float
        :math:`p_l` of each layer after the input (0 for none).
    uniforms, keep : tuple of (np.ndarray or None)
        For each layer after the input, the draws :math:`u_l` and the mask
        :math:`M_l` (shape (n_l,): 0 where dropped, :math:`1/(1 - p_l)` where
        kept), None for a layer without dropout.
    net_inputs : tuple of np.ndarray
        :math:`z_l = W_l \tilde a_{l-1} + b_l`, shape (n_l,), l = 1..L.
    whole : tuple of np.ndarray
        :math:`a_l = f_l(z_l)` before the mask, the input first.
    outputs : tuple of np.ndarray
        :math:`\tilde a_l = a_l \odot M_l`, what the next layers take, the input first.
    """

    draw: DropoutDraw
    rates: tuple[float, ...]
    uniforms: tuple[np.ndarray | None, ...]
    keep: tuple[np.ndarray | None, ...]
    net_inputs: tuple[np.ndarray, ...]
    whole: tuple[np.ndarray, ...]
    outputs: tuple[np.ndarray, ...]


def dropped_pass(net: MLP, x: np.ndarray, draw: DropoutDraw) -> DroppedPass:
    r"""Forward sample ``x`` (shape (n_inputs,)) through ``net`` with ``draw``'s masks, as
    the engine's training forward pass does (:func:`nnsim.engine.mlp_skips.forward`).

    The mask is the engine's own (:func:`~nnsim.engine.mlp_dropout.keep_masks`
    of a batch of one from ``draw.generator()``), so ``net.gradients(X, T,
    dropout_rng=draw.generator())`` backpropagates through the same one; the
    draws :math:`u` shown beside it are taken again from a second generator
    of the same key.
    """
    sizes, rates = net.layer_sizes[1:], net.dropout
    rng = draw.generator()
    uniforms = tuple(rng.random(n) if p else None for p, n in zip(rates, sizes, strict=True))
    keep = keep_masks(rates, 1, sizes, draw.generator(), net.dtype)
    outputs, whole, net_inputs = [np.asarray(x, dtype=net.dtype)[None, :]], [x], []
    for W, b, name, blocks, mask in zip(
        net.weights, net.biases, net.activations, net.input_blocks, keep, strict=True
    ):
        Z = net_input(W, outputs, blocks)
        if net.has_bias:
            Z += b
        A = activate(name, Z)
        net_inputs.append(Z[0])
        whole.append(A[0])
        outputs.append(A if mask is None else A * mask)
    return DroppedPass(
        draw,
        rates,
        uniforms,
        tuple(None if m is None else m[0] for m in keep),
        tuple(net_inputs),
        tuple(whole),
        tuple(out[0] for out in outputs),
    )


def masked(passed: DroppedPass | None, layer: int) -> bool:
    """Whether layer ``layer`` (from 1; 0 is the input) is masked in this step."""
    return passed is not None and layer > 0 and passed.keep[layer - 1] is not None


def dropout_lines(names: Names, layer: int, rate: float, passed: DroppedPass | None) -> list[str]:
    """What layer ``layer``'s stage says of its dropout ``rate``: its mask, drawn and applied
    (``passed``), or, with no mask drawn, that this step leaves it out; nothing at rate 0."""
    if not rate:
        return []
    if not masked(passed, layer):
        return _left_out(rate)
    u, m = passed.uniforms[layer - 1], passed.keep[layer - 1]
    a, kept_a = passed.whole[layer], passed.outputs[layer]
    draw = passed.draw
    lines = translate(
        "ExplainDropout",
        "Dropout {rate}, in training only: each output is kept when its draw u ≥ {rate}, then\n"
        "multiplied by m = 1/(1 − {rate}) = {scale}, or dropped (m = 0); the next layer takes\n"
        "ã = a × m. The draws u come from numpy.random.default_rng([{seed}, {epoch}, {sample}]):\n"
        "the seed {seed}, epoch {epoch} (the weights shown) and sample {sample}, one per neuron,\n"
        "layer by layer, so this sample at this epoch always gets this mask:",
    ).format(
        rate=num(rate),
        scale=num(1 / (1 - rate)),
        seed=draw.seed,
        epoch=draw.epoch,
        sample=draw.sample,
    )
    lines = lines.splitlines()
    kept = translate("ExplainDropout", "(u = {u} ≥ {rate}: kept)")
    dropped = translate("ExplainDropout", "(u = {u} < {rate}: dropped)")
    for j in range(min(len(a), SHOWN)):
        symbol = names.symbol("ã", layer, j)
        if m[j]:
            why = kept.format(u=num(u[j]), rate=num(rate))
            lines.append(f"  {symbol} = {term(a[j])} × {term(m[j])} = {num(kept_a[j])}  {why}")
        else:
            lines.append(f"  {symbol} = 0  " + dropped.format(u=num(u[j]), rate=num(rate)))
    lines += more_lines(len(a), NEURONS)
    lines += (
        translate(
            "ExplainDropout",
            "This mask drops {dropped} of the layer's {count} neurons. A dropped neuron sends\n"
            "nothing on and gets δ = 0 back, so none of its weights moves in this step. Training\n"
            "draws its own masks from the run's generator: other neurons drop there.",
        )
        .format(dropped=int(np.count_nonzero(m == 0)), count=len(m))
        .splitlines()
    )
    return lines


def _left_out(rate: float) -> list[str]:
    """The lines saying that this explained step, drawing no mask, leaves dropout out."""
    said = translate(
        "ExplainDropout",
        "This layer has dropout {rate}: in training, each of its outputs is left out for a\n"
        "sample with probability {rate}, and the others are divided by 1 − {rate}. This\n"
        "explained step leaves dropout out and uses every neuron, as predictions do.",
    )
    return said.format(rate=num(rate)).splitlines()


def neuron_note(passed: DroppedPass | None, layer: int, row: int) -> str:
    """What the canvas adds beside a neuron's z and a: its ã, or that it is dropped."""
    if not masked(passed, layer):
        return ""
    if passed.keep[layer - 1][row]:
        return f"\nã={num(passed.outputs[layer][row])}"
    return "\n" + translate("ExplainDropout", "dropped: ã=0")


def delta_factor(passed: DroppedPass | None, layer: int, row: int) -> tuple[str, str]:
    """The mask's factor in a hidden δ = Σₖ wₖⱼ δₖ × f′ × m: (" × m", " × its value"), or
    ("", "") where the layer is not masked."""
    if not masked(passed, layer):
        return "", ""
    return " × m", f" × {term(passed.keep[layer - 1][row])}"


def delta_lines(passed: DroppedPass | None) -> list[str]:
    """What the stage of the error sent back adds in a step with dropout: the factor m."""
    if passed is None:
        return []
    said = translate(
        "ExplainDropout",
        "With dropout, a hidden δ is also multiplied by its neuron's m, as its output was:\n"
        "0 for a dropped neuron (it learns nothing from this sample), 1/(1 − p) for a kept one.",
    )
    return said.splitlines()


def carried(passed: DroppedPass | None, layer: int) -> str:
    """The letter of what a weight from layer ``layer`` carries: x, a, or ã after a mask."""
    if not layer:
        return "x"
    return "ã" if masked(passed, layer) else "a"
