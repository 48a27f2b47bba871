r"""Whether the error's gradient reaches a network's first layers: vanishing and exploding.

Backpropagation multiplies the error signal, layer by layer on its way to
the input, by each layer's weights and activation slope
(:math:`\delta_{l-1} = (\delta_l W_l) \odot f'`).  A sigmoid's slope is at
most 1/4, so in a deep sigmoid network the first layers get a tiny share of
the gradient the output layer gets and barely learn; weights too large make
it grow instead.  :func:`flow_ratio` measures the share, the first weight
layer's gradient size over the last one's (sizes from
:func:`nnsim.engine.insight.gradient_sizes`), and :func:`flow_problem` names
it when it is below :data:`VANISHING` or above :data:`EXPLODING`.

Measured at the start of training on XOR (8 hidden units per layer, 5 seeds),
the share is 0.1 with one sigmoid hidden layer, 0.004-0.009 with three,
1e-4-5e-4 with five and about 1e-7 with ten (xavier); with tanh and xavier
it stays within 0.2-3 at any depth up to ten, and with relu and he within
0.02-70.
"""

import math

from nnsim.engine import MLP
from nnsim.engine.datasets import Dataset
from nnsim.engine.insight import gradient_sizes
from nnsim.errors import NnsimError
from nnsim.model.hints import Hint
from nnsim.text import translate

#: The first layer's gradient below this share of the last one's: vanishing gradients.
VANISHING = 1e-3
#: ... above this many times the last one's: exploding gradients.
EXPLODING = 1e3
#: Every layer's gradient below this while the error is still above STALLED_ERROR: the
#: gradients have vanished everywhere (saturated units), whatever the share says.
STALLED = 1e-6
STALLED_ERROR = 0.01


def flow_ratio(sizes) -> float | None:
    """The first weight layer's gradient size over the last one's (None with fewer than two
    layers, or no gradient at the output)."""
    if len(sizes) < 2 or not sizes[-1] or not all(math.isfinite(s) for s in sizes):
        return None
    return sizes[0] / sizes[-1]


def flow_problem(sizes, error: float | None = None) -> str | None:
    """The gradients' problem: "vanishing", "exploding", "stalled" (every gradient below
    :data:`STALLED` while ``error``, the training error now, is above :data:`STALLED_ERROR`),
    or None when the gradient reaches the first layer well."""
    if error is not None and error > STALLED_ERROR and len(sizes) and max(sizes) < STALLED:
        return "stalled"
    ratio = flow_ratio(sizes)
    if ratio is None:
        return None
    if ratio < VANISHING:
        return "vanishing"
    if ratio > EXPLODING:
        return "exploding"
    return None


def gradient_hints(net: MLP, data: Dataset) -> list[Hint]:
    """A hint when ``net``'s gradients vanish or explode on ``data`` now (else none)."""
    try:
        sizes = gradient_sizes(net, data.X, data.T)
    except NnsimError:  # a step layer, or targets the loss cannot take: no gradient
        return []
    return [flow_hint(problem, flow_ratio(sizes))] if (problem := flow_problem(sizes)) else []


def flow_hint(problem: str, ratio: float) -> Hint:
    """The hint for a ``problem`` of :func:`flow_problem` at share ``ratio``, in words."""
    if problem == "stalled":
        return Hint(
            "stalled_gradients",
            translate(
                "GradientFlow",
                "Every layer's gradient is below a millionth while the error is still high: "
                "the units sit at the flat ends of their activations and training has stalled.",
            ),
            translate(
                "GradientFlow",
                "Reset the weights, use tanh or relu in the hidden layers, or a smaller "
                "learning rate so the units do not saturate.",
            ),
        )
    if problem == "vanishing":
        return Hint(
            "vanishing_gradients",
            translate(
                "GradientFlow",
                "The first layer's gradient is only {ratio} of the output layer's: the gradients "
                "vanish on their way back, so the first layers barely learn.",
            ).format(ratio=f"{ratio:.1g}"),
            translate(
                "GradientFlow",
                "Use tanh or relu in the hidden layers (with the xavier or he initialiser), "
                "or fewer layers.",
            ),
        )
    return Hint(
        "exploding_gradients",
        translate(
            "GradientFlow",
            "The first layer's gradient is {ratio} times the output layer's: the gradients "
            "grow on their way back (they explode), and training jumps about.",
        ).format(ratio=f"{ratio:,.0f}"),
        translate(
            "GradientFlow",
            "Lower the learning rate, start from smaller weights (the xavier initialiser), "
            "or use fewer layers.",
        ),
    )
