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
        ``derivative(y, out=None) -> dy/dz`` from the output ``y``, written into
        ``out`` (an array shaped like ``y``) when one is given, so training
        allocates nothing; None when there is no element-wise derivative
        (softmax, step, sign).
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


def _sigmoid_derivative(y, out=None):
    r""":math:`y (1 - y)`; into ``out`` as :math:`(1 - y) \cdot y`, the same number."""
    if out is None:
        return y * (1.0 - y)
    np.subtract(1.0, y, out=out)
    out *= y
    return out


def _tanh(z):
    return np.tanh(z, out=z)


def _tanh_derivative(y, out=None):
    if out is None:
        return 1.0 - y * y
    np.multiply(y, y, out=out)
    return np.subtract(1.0, out, out=out)


def _linear(z):
    return z


def _linear_derivative(y, out=None):
    if out is None:
        return np.ones_like(y)
    out.fill(1.0)
    return out


def _relu(z):
    r""":math:`\max(z, 0)` in place, against an array of zeros (:func:`_zeros_like`)."""
    return np.maximum(z, _zeros_like(z), out=z)


def _relu_derivative(y, out=None):
    """1 where ``y > 0``, else 0 (NaN included), in the dtype of ``y``."""
    if out is None:
        return (y > 0).astype(y.dtype)
    return np.greater(y, 0.0, out=out)


def _leaky_relu(z):
    return np.where(z > 0, z, LEAKY_SLOPE * z)


def _leaky_relu_derivative(y, out=None):
    slope = np.where(y > 0, 1.0, LEAKY_SLOPE).astype(y.dtype, copy=False)
    if out is None:
        return slope
    np.copyto(out, slope)
    return out


#: Flat read-only zeros per dtype, grown to the largest array seen (:func:`_zeros_like`).
_ZEROS: dict[np.dtype, np.ndarray] = {}


def _zeros_like(z):
    """A read-only array of zeros shaped like ``z``: a view of one kept buffer per dtype.

    NumPy's ``maximum`` runs several times faster against a contiguous array
    than against the scalar 0 (about 2 against 7 us for 64 x 256 float32), so
    relu compares with these.  Big ones cost almost no memory: ``np.zeros``
    takes fresh pages from the system, which stay the shared zero page while
    only read.
    """
    flat = _ZEROS.get(z.dtype)
    if flat is None or flat.size < z.size:
        flat = np.zeros(z.size, z.dtype)
        flat.flags.writeable = False
        _ZEROS[z.dtype] = flat
    return flat[: z.size].reshape(z.shape)


def _step(z):
    """Heaviside step: 1 where ``z >= 0``, else 0."""
    return (z >= 0).astype(z.dtype)


def _sign(z):
    """Bipolar sign: +1 where ``z >= 0``, else -1."""
    return np.where(z >= 0, 1.0, -1.0).astype(z.dtype)


def _softmax(z):
    r""":math:`y_k = e^{z_k} / \sum_j e^{z_j}` over the last axis, shifted by the max.

    The reductions are the ufuncs' own (what ``z.max`` and ``z.sum`` call, without
    their Python wrappers).
    """
    np.subtract(z, np.maximum.reduce(z, axis=-1, keepdims=True), out=z)
    np.exp(z, out=z)
    np.divide(z, np.add.reduce(z, axis=-1, keepdims=True), out=z)
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
