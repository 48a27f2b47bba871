"""Plain-language hints about training, each backed by a measured condition.

:func:`diagnose` looks at a network, its data and its error history and
returns the :class:`Hint` objects whose condition holds:

* ``plateau``: the error has moved less than 1% over the last
  :data:`PLATEAU_EPOCHS` epochs (or a fifth of the run) while above the target;
* ``saturated``: most hidden units sit at the flat ends of their activation
  (sigmoid outputs within 0.02 of 0 or 1, tanh within 0.02 of ±1) for most samples;
* ``symmetric``: every neuron of a hidden layer has the same weights, so they
  all learn the same thing (as after the zeros initialiser);
* ``oscillating``: the error went up in over 40% of the last epochs, by more
  than 1% of its size: the learning rate is too high;
* ``stuck``: the error has stopped moving while outputs sit at the wrong flat
  end of a sigmoid or tanh (a squared-error loss then has almost no slope to
  follow), the state a too-high learning rate often throws a network into;
* ``vanishing_gradients``, ``exploding_gradients``: the first layer's
  gradient is below a thousandth (above a thousand times) the output
  layer's (:mod:`nnsim.model.gradient_flow`);
* ``not_separable``: a Rosenblatt perceptron has made mistakes in every epoch
  of a long run: the classes may not be linearly separable.

:func:`hopfield_hint` says when a Hopfield memory holds more patterns than
its storage rule recalls (Hebb's 0.138 N, say); :func:`alike_hint` when
patterns stored by Hebb's rule are so alike that some are no longer stable
(:func:`most_alike` finds the two that overlap most); and
:func:`gradient_check` compares backpropagation's gradient with finite
differences.
"""

import numpy as np

from nnsim.engine import MLP, Perceptron
from nnsim.engine.datasets import Dataset
from nnsim.engine.hopfield import Hopfield, pattern_overlaps
from nnsim.engine.hopfield_rules import STORAGE_RULES
from nnsim.model.gradient_flow import gradient_hints
from nnsim.model.hints import Hint
from nnsim.model.memory import Capacity
from nnsim.text import translate

PLATEAU_EPOCHS = 200
#: Over this share of the hidden units saturated for most samples is worth a hint.
SATURATED_SHARE = 0.5
SATURATION_MARGIN = 0.02
OSCILLATION_WINDOW = 50
#: A Rosenblatt perceptron still making mistakes after this many epochs gets a hint.
SEPARABLE_EPOCHS = 100


def diagnose(
    network, data: Dataset | None, losses: np.ndarray, target: float | None = None
) -> list[Hint]:
    """The hints whose conditions hold for ``network`` trained on ``data`` with ``losses``.

    ``losses`` holds the training error of every epoch so far; ``target`` is
    the error training stops at (None: none).
    """
    losses = np.asarray(losses, dtype=np.float64)
    hints = []
    if isinstance(network, MLP):
        hints += _symmetric(network)
        if data is not None:
            hints += _saturated(network, data)
        hints += _oscillating(losses)
        if data is not None:
            hints += _stuck(network, data, losses)
            hints += gradient_hints(network, data)
        hints += _plateau(losses, target)
    elif isinstance(network, Perceptron):
        hints += _not_separable(network, losses)
    return hints


def _plateau(losses: np.ndarray, target: float | None) -> list[Hint]:
    window = max(PLATEAU_EPOCHS, len(losses) // 5)
    if len(losses) < window + 1:
        return []
    recent = losses[-window:]
    if target is not None and recent[-1] <= target:
        return []
    change = abs(recent[0] - recent[-1]) / max(abs(recent[0]), 1e-12)
    if change >= 0.01:
        return []
    return [Hint(
        "plateau",
        translate(
            "Diagnostics", "The error has stayed near {error} for {epochs} epochs: a plateau."
        ).format(error=f"{recent[-1]:.4g}", epochs=window),
        translate(
            "Diagnostics",
            "Wait (plateaus often end), raise the learning rate a little, add momentum, "
            "or reset the weights to start from elsewhere.",
        ),
    )]  # fmt: skip


def _saturated(net: MLP, data: Dataset) -> list[Hint]:
    outputs = net.forward_all(data.X[:500])
    flat, total = 0, 0
    for layer_output, activation in zip(outputs[1:-1], net.activations[:-1], strict=True):
        if activation == "sigmoid":
            at_ends = (layer_output < SATURATION_MARGIN) | (layer_output > 1 - SATURATION_MARGIN)
        elif activation == "tanh":
            at_ends = np.abs(layer_output) > 1 - SATURATION_MARGIN
        else:
            continue
        flat += int(np.count_nonzero(at_ends.mean(axis=0) > 0.9))
        total += layer_output.shape[1]
    if not total or flat / total <= SATURATED_SHARE:
        return []
    return [Hint(
        "saturated",
        translate(
            "Diagnostics",
            "{flat} of {total} hidden units are saturated: their outputs sit at the flat ends "
            "of the activation for almost every sample, where they barely learn.",
        ).format(flat=flat, total=total),
        translate(
            "Diagnostics",
            "Normalise the inputs, start from smaller weights (the xavier initialiser), or "
            "lower the learning rate.",
        ),
    )]  # fmt: skip


def _symmetric(net: MLP) -> list[Hint]:
    for layer, W in enumerate(net.weights[:-1], start=1):
        if (
            W.shape[0] > 1
            and np.all(W[0] == W)
            and np.all(net.biases[layer - 1] == net.biases[layer - 1][0])
        ):
            return [Hint(
                "symmetric",
                translate(
                    "Diagnostics",
                    "Every neuron of hidden layer {layer} has the same weights, so they all "
                    "compute, and learn, the same thing: the symmetry is never broken.",
                ).format(layer=layer),
                translate(
                    "Diagnostics",
                    "Start from random weights (Network > Randomise Weights, or any initialiser "
                    "but zeros).",
                ),
            )]  # fmt: skip
    return []


def _oscillating(losses: np.ndarray) -> list[Hint]:
    if len(losses) < OSCILLATION_WINDOW + 1:
        return []
    recent = losses[-(OSCILLATION_WINDOW + 1) :]
    rises = np.diff(recent) > 0.01 * np.abs(recent[:-1])
    if rises.mean() <= 0.4:
        return []
    return [Hint(
        "oscillating",
        translate(
            "Diagnostics",
            "The error went up in {rises} of the last {epochs} epochs: each "
            "step overshoots the valley it is trying to reach.",
        ).format(rises=rises.sum(), epochs=OSCILLATION_WINDOW),
        translate(
            "Diagnostics",
            "Lower the learning rate (try a tenth), or use smaller batches with momentum.",
        ),
    )]  # fmt: skip


#: An output this far from its target (of the activation's range 1 or 2) is wrong.
WRONG_SHARE_OF_RANGE = 0.5


def _stuck(net: MLP, data: Dataset, losses: np.ndarray) -> list[Hint]:
    r"""Outputs saturated at the wrong end under a squared error, and an error gone flat.

    With :math:`E = \tfrac12 (t - y)^2` the output's delta is
    :math:`-(t - y)\,\sigma'(z)`, and :math:`\sigma'` is almost 0 at the flat
    ends, so a confidently wrong output hardly learns.  Cross-entropy losses
    cancel :math:`\sigma'` and are not stuck this way.
    """
    activation = net.activations[-1]
    if activation not in ("sigmoid", "tanh") or net.loss not in ("sse", "mse"):
        return []
    if len(losses) < OSCILLATION_WINDOW + 1:
        return []
    recent = losses[-(OSCILLATION_WINDOW + 1) :]
    if abs(recent[0] - recent[-1]) >= 0.01 * max(abs(recent[0]), 1e-12):
        return []
    X, T = data.X[:500], data.T[:500]
    Y = net.forward(X)
    low, high = (0.0, 1.0) if activation == "sigmoid" else (-1.0, 1.0)
    middle, half_range = (low + high) / 2, (high - low) / 2
    saturated = np.abs(Y - middle) > half_range - SATURATION_MARGIN * (high - low)
    wrong = np.abs(T - Y) > WRONG_SHARE_OF_RANGE * (high - low)
    stuck_samples = int(np.count_nonzero(np.any(saturated & wrong, axis=1)))
    if not stuck_samples:
        return []
    return [Hint(
        "stuck",
        translate(
            "Diagnostics",
            "The error has stopped moving at {error}, and {stuck} of {samples} "
            "samples get an output stuck at the wrong flat end of its {activation}: there its "
            "slope is almost zero, so the error hardly teaches it anything. A too-high learning "
            "rate often throws the weights there.",
        ).format(
            error=f"{recent[-1]:.4g}", stuck=stuck_samples, samples=len(X), activation=activation
        ),
        translate(
            "Diagnostics",
            "Reset the weights and train with a lower learning rate (try a tenth); a "
            "cross-entropy loss also keeps learning from outputs that are confidently wrong.",
        ),
    )]  # fmt: skip


def _not_separable(net: Perceptron, mistakes: np.ndarray) -> list[Hint]:
    if net.rule != "rosenblatt" or len(mistakes) < SEPARABLE_EPOCHS or mistakes.min() == 0:
        return []
    return [Hint(
        "not_separable",
        translate(
            "Diagnostics",
            "After {epochs} epochs the perceptron still misclassifies at least "
            "{mistakes} sample(s) every epoch: no straight line may separate the classes.",
        ).format(epochs=len(mistakes), mistakes=f"{mistakes.min():g}"),
        translate(
            "Diagnostics",
            "A single layer draws one straight line. Add a hidden layer (File > New MLP) to "
            "bend the boundary, as XOR needs.",
        ),
    )]  # fmt: skip


def hopfield_hint(load: Capacity) -> list[Hint]:
    """A hint when a Hopfield memory holds more patterns than its rule recalls.

    The advice names every rule whose limit at the memory's N is higher than
    the limit of the rule in use (never that rule), in the registry's order.
    Hebb's 0.138 N < Storkey's N / sqrt(2 ln N) < the pseudo-inverse's N - 1
    on every grid nnsim draws; the dense rule holds the most from about 80
    neurons up (a cubic's N^2 / (18 ln N): 121 at N = 100, 657 at N = 256), but
    fewer than the pseudo-inverse on an 8 x 8 grid (55 against 63).  A dense
    memory is measured against its own interaction's limit.
    """
    if not load.exceeded:
        return []
    rule, n = load.rule, load.neurons
    larger = [
        translate("HopfieldRules", other.adjective)  # (the engine's table, marked there)
        for other in STORAGE_RULES.values()
        if other.limit(n) > load.limit
    ]
    if larger:
        advice = translate(
            "Diagnostics", "Store fewer patterns, use a bigger grid, or try the {rules} rule."
        ).format(rules=translate("Diagnostics", " or ").join(larger))
    else:
        advice = translate("Diagnostics", "Store fewer patterns or use a bigger grid.")
    return [Hint(
        "over_capacity",
        translate(
            "Diagnostics",
            "{stored} patterns in {neurons} neurons is a load of {load}, past "
            "the {limit} at which {rule} recall breaks down.",
        ).format(
            stored=load.stored, neurons=n, load=f"{load.load:.3f}", limit=f"{load.limit / n:.3g}",
            rule=translate("HopfieldRules", rule.adjective),
        ),
        advice,
    )]  # fmt: skip


#: Stored patterns that overlap more than this (|m| = |ξ·ξ'| / N; random ones on a 10 x 10
#: grid: about 0.1) break Hebb's rule once three or more are stored.  Measured on 100
#: neurons, three patterns made alike by a shared background: overlapping up to 0.5,
#: 86-100% come back from 10% noise; past 0.5, 0-28% (the five example letters, up to
#: 0.66: 19%).  Two patterns never mix (each one's field keeps its sign).  One alike pair
#: among random patterns hurts less, so the hint also asks that some pattern be unstable.
ALIKE_OVERLAP = 0.5


def most_alike(patterns) -> tuple[int, int, float] | None:
    """The two patterns (P, N) of ±1 that overlap most in size: (i, j, m_ij), i < j.

    None for fewer than two patterns.
    """
    if len(patterns) < 2:
        return None
    overlaps = pattern_overlaps(patterns)
    i, j = np.triu_indices(len(overlaps), k=1)
    best = int(np.argmax(np.abs(overlaps[i, j])))
    return int(i[best]), int(j[best]), float(overlaps[i[best], j[best]])


def alike_hint(network: Hopfield, names) -> list[Hint]:
    """A hint when patterns stored by Hebb's rule are too alike to be recalled.

    It holds when three or more patterns are stored by Hebb's rule, two of
    them overlap more than :data:`ALIKE_OVERLAP`, and some stored patterns
    are not fixed points (recall starting on them moves away): however few
    they are, Hebb's rule adds alike patterns into a mixture.  ``names``
    names the stored patterns in order.
    """
    patterns = network.patterns if network.states == "bipolar" else 2 * network.patterns - 1
    if network.rule != "hebb" or len(patterns) < 3:
        return []
    i, j, overlap = most_alike(patterns)
    unstable = int(np.count_nonzero(~network.stable()))
    if abs(overlap) <= ALIKE_OVERLAP or not unstable:
        return []
    return [Hint(
        "alike_patterns",
        translate(
            "Diagnostics",
            "{first} and {second} overlap {overlap}, and {unstable} of the "
            "{stored} stored patterns are not stable: recall starting on them moves to a "
            "mixture. Hebb's rule mixes patterns this alike long before its 0.138 N limit, "
            "which is for patterns as unlike as random ones.",
        ).format(
            first=repr(names[i]), second=repr(names[j]), overlap=f"{overlap:.2f}",
            unstable=unstable, stored=len(patterns),
        ),
        translate(
            "Diagnostics",
            "Store them with the pseudo-inverse or Storkey rule, which recall alike patterns, "
            "or store fewer patterns that differ more.",
        ),
    )]  # fmt: skip


def gradient_check(net: MLP, X, T, epsilon: float = 1e-6) -> float:
    r"""The largest relative error between backpropagation's gradient and finite differences.

    For every weight and bias, the central difference
    :math:`(E(w + \epsilon) - E(w - \epsilon)) / 2\epsilon` is compared with
    :meth:`~nnsim.engine.MLP.gradients`; the relative error of a pair is
    :math:`|g - \hat g| / \max(|g| + |\hat g|, 10^{-12})`.  A correct
    backpropagation gives about 1e-7 or less.
    """
    X, T = np.asarray(X, dtype=np.float64), np.asarray(T, dtype=np.float64)
    _loss, dW, db = net.gradients(X, T)
    weights, biases = [w.copy() for w in net.weights], [b.copy() for b in net.biases]
    worst = 0.0
    parameters = [(weights, k, g) for k, g in enumerate(dW)]
    if net.has_bias:
        parameters += [(biases, k, g) for k, g in enumerate(db)]
    for arrays, k, analytic in parameters:
        for index in np.ndindex(arrays[k].shape):
            original = arrays[k][index]
            losses = []
            for shift in (epsilon, -epsilon):
                arrays[k][index] = original + shift
                net.weights, net.biases = weights, biases
                losses.append(net.loss_value(X, T))
            arrays[k][index] = original
            numeric = (losses[0] - losses[1]) / (2 * epsilon)
            denominator = max(abs(numeric) + abs(analytic[index]), 1e-12)
            worst = max(worst, abs(numeric - analytic[index]) / denominator)
    net.weights, net.biases = weights, biases
    return worst
