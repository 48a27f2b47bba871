"""Activation functions: name -> (f, f' written in terms of the output).

Each activation maps the net input ``z`` (any shape) to the output ``y``.  Its
derivative is written from the output, as the tutorials do for the sigmoid
(:math:`y' = y (1 - y)`), so backpropagation never has to keep ``z``.

``softmax`` is the exception: its derivative is a Jacobian, so it has no
element-wise derivative here; :mod:`nnsim.engine.mlp` treats it as an output
layer only.  ``step`` and ``sign`` have a zero derivative almost everywhere:
they compute forward passes and train perceptrons, but backpropagation refuses
them.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnsim.errors import ConfigError
from nnsim.text import translate

#: Slope of ``leaky_relu`` for negative inputs.
LEAKY_SLOPE = 0.01


@dataclass(frozen=True)
class Activation:
    """One activation function.

    Attributes
    ----------
    name : str
        The name used in settings and files.
    apply : callable
        ``apply(z) -> y``; may overwrite ``z`` (the MLP passes a scratch buffer).
    derivative : callable or None
        ``derivative(y) -> dy/dz`` from the output ``y``; None when there is no
        element-wise derivative (softmax, step, sign).
    differentiable : bool
        False for step and sign, whose derivative is zero almost everywhere.
    output_only : bool
        True for softmax, which normalises across a layer's neurons.
    """

    name: str
    apply: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray], np.ndarray] | None
    differentiable: bool = True
    output_only: bool = False


def _sigmoid(z):
    r""":math:`y = 1 / (1 + e^{-z})`, computed as :math:`(1 + \tanh(z/2)) / 2`.

    The tanh form never overflows, so large ``|z|`` gives 0 or 1 without a
    warning; it is written in place into ``z``.
    """
    z *= 0.5
    np.tanh(z, out=z)
    z += 1.0
    z *= 0.5
    return z


def _sigmoid_derivative(y):
    return y * (1.0 - y)


def _tanh(z):
    return np.tanh(z, out=z)


def _tanh_derivative(y):
    return 1.0 - y * y


def _linear(z):
    return z


def _linear_derivative(y):
    return np.ones_like(y)


def _relu(z):
    return np.maximum(z, 0.0, out=z)


def _relu_derivative(y):
    return (y > 0).astype(y.dtype)


def _leaky_relu(z):
    return np.where(z > 0, z, LEAKY_SLOPE * z)


def _leaky_relu_derivative(y):
    return np.where(y > 0, 1.0, LEAKY_SLOPE).astype(y.dtype)


def _step(z):
    """Heaviside step: 1 where ``z >= 0``, else 0."""
    return (z >= 0).astype(z.dtype)


def _sign(z):
    """Bipolar sign: +1 where ``z >= 0``, else -1."""
    return np.where(z >= 0, 1.0, -1.0).astype(z.dtype)


def _softmax(z):
    r""":math:`y_k = e^{z_k} / \sum_j e^{z_j}` over the last axis, shifted by the max."""
    z -= z.max(axis=-1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=-1, keepdims=True)
    return z


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("step", _step, None, differentiable=False),
        Activation("sign", _sign, None, differentiable=False),
        Activation("linear", _linear, _linear_derivative),
        Activation("sigmoid", _sigmoid, _sigmoid_derivative),
        Activation("tanh", _tanh, _tanh_derivative),
        Activation("relu", _relu, _relu_derivative),
        Activation("leaky_relu", _leaky_relu, _leaky_relu_derivative),
        Activation("softmax", _softmax, None, output_only=True),
    )
}


def get_activation(name: str) -> Activation:
    """Return the activation called ``name``.

    Raises
    ------
    ConfigError
        If no activation has that name; the message lists the known ones.
    """
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        message = translate("Activations", "Unknown activation {name}: choose one of {known}.")
        known = ", ".join(ACTIVATIONS)
        raise ConfigError(message.format(name=repr(name), known=known)) from None


def layer_activations(activation, output_activation, n_layers, default_output):
    """Return one :class:`Activation` per weight layer of an MLP.

    Parameters
    ----------
    activation : str or sequence of str
        One name for every hidden layer, or exactly ``n_layers`` names.
    output_activation : str or None
        The output layer's name when ``activation`` is one name.
    n_layers : int
        Number of weight layers.
    default_output : str or None
        The output activation to use when none is named (the loss's own).

    Raises
    ------
    ConfigError
        For an unknown name, a wrong count, or softmax below the output layer.
    """
    if isinstance(activation, str):
        output = output_activation or default_output or activation
        names = [activation] * (n_layers - 1) + [output]
    else:
        names = list(activation)
        if len(names) != n_layers or output_activation not in (None, names[-1]):
            message = translate(
                "Activations", "Give one activation per weight layer: {count} names, got {names}."
            )
            raise ConfigError(message.format(count=n_layers, names=names))
    acts = tuple(get_activation(name) for name in names)
    for position, act in enumerate(acts[:-1]):
        if act.output_only:
            message = translate(
                "Activations",
                "{name} can only be the output activation, but hidden layer {layer} uses it.",
            )
            raise ConfigError(message.format(name=act.name, layer=position + 1))
    return acts


def backprop_obstacle(acts) -> str | None:
    """Return why backpropagation cannot train layers with ``acts``, or None if it can."""
    for position, act in enumerate(acts):
        if not act.differentiable:
            message = translate(
                "Activations",
                "Layer {layer} uses the {name} activation, whose slope is 0 almost everywhere, "
                "so backpropagation cannot train it: use sigmoid (a smooth step) or tanh "
                "(a smooth sign).",
            )
            return message.format(layer=position + 1, name=act.name)
    return None


def activate(name: str, z: np.ndarray) -> np.ndarray:
    """Apply the activation ``name`` to a float copy of ``z`` and return the output."""
    return get_activation(name).apply(np.array(z, dtype=np.float64))
