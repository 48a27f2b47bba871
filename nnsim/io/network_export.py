"""A trained network taken elsewhere: its weights as NPZ or JSON, or the whole as a script.

:class:`ExportedNetwork` gathers what the outputs depend on: each layer's
activation, (n_out, n_in) weights and (n_out,) biases, and the input
scaling the network was trained with (inputs are mapped to
(x - offset) / scale before the first layer).  :func:`write_npz` and
:func:`write_json` store those arrays; :func:`write_script` writes a Python
file that needs only NumPy, holds the numbers as exact float literals and
computes the outputs with the same operations as nnsim's engine, so its
predictions equal nnsim's (tested to 1e-12 by running it).  Every write is
atomic.

The network's name comes from a project file, so it is data, never code
(DESIGN.md section 6): it enters the script only as a ``repr()`` literal
(``NAME = '...'``), never inside a docstring or a comment, where closing
quotes would end the string and run what follows and a ``\\N`` would not
compile.  Activation names are checked against :data:`SCRIPT_ACTIVATIONS`.
"""

import json
from dataclasses import dataclass

import numpy as np

from nnsim import __version__
from nnsim.engine.activations import LEAKY_SLOPE
from nnsim.errors import ExportError
from nnsim.io.exports import replacing
from nnsim.text import translate

FORMAT = "nnsim-weights"
#: What the script computes for each activation of the engine's registry
#: (:data:`~nnsim.engine.activations.ACTIVATIONS`): its formula, op for op.  A test
#: runs every registered activation through a script, so a new one needs its line here.
SCRIPT_ACTIVATIONS = {
    "linear": "z",
    "sigmoid": "(np.tanh(z * 0.5) + 1.0) * 0.5",
    "tanh": "np.tanh(z)",
    "relu": "np.maximum(z, 0.0)",
    "leaky_relu": "np.where(z > 0, z, {leaky} * z)",
    "step": "(z >= 0).astype(float)",
    "sign": "np.where(z >= 0, 1.0, -1.0)",
    "softmax": "_softmax(z)",
}


@dataclass(frozen=True)
class ExportedNetwork:
    """What a network's outputs depend on.

    Attributes
    ----------
    name : str
    activations : tuple of str
        One per layer after the input.
    weights : tuple of np.ndarray, each (n_out, n_in)
    biases : tuple of np.ndarray, each (n_out,), or None for a network without biases
    input_offset, input_scale : np.ndarray, shape (n_inputs,), or None
        The input scaling the network was trained with (None: none).
    skips : tuple of tuple of int
        Each layer's skip sources (0: the inputs), whose outputs it takes through the
        columns of its W after the previous layer's, in this order; () without skips.
    """

    name: str
    activations: tuple[str, ...]
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...] | None
    input_offset: np.ndarray | None = None
    input_scale: np.ndarray | None = None
    skips: tuple[tuple[int, ...], ...] = ()

    @classmethod
    def of(cls, network, name: str, scaling=None) -> "ExportedNetwork":
        """Gather an engine MLP or perceptron; ``scaling`` is (offset, scale) or None."""
        weights, biases = network.parameters()
        offset, scale = scaling if scaling is not None else (None, None)
        return cls(
            name, tuple(network.activations),
            tuple(np.array(w, dtype=np.float64) for w in weights),
            tuple(np.array(b, dtype=np.float64) for b in biases) if network.has_bias else None,
            offset, scale,
            tuple(map(tuple, skip_sources(network))) if getattr(network, "skips", ()) else (),
        )  # fmt: skip

    def skips_of(self, layer: int) -> tuple[int, ...]:
        """The skip sources of layer ``layer`` (1 the first after the input)."""
        return self.skips[layer - 1] if self.skips else ()

    def _layers(self) -> list:
        biases = self.biases or (None,) * len(self.weights)
        return list(zip(self.activations, self.weights, biases, strict=True))


def write_npz(path, network: ExportedNetwork) -> None:
    """Arrays W1, b1, W2, ... (b only with biases), ``activations``, and input_offset/scale."""
    arrays = {"activations": np.array(network.activations)}
    for layer, weights in enumerate(network.weights, start=1):
        arrays[f"W{layer}"] = weights
        if network.biases is not None:
            arrays[f"b{layer}"] = network.biases[layer - 1]
        if network.skips_of(layer):
            arrays[f"skips{layer}"] = np.array(network.skips_of(layer))
    if network.input_offset is not None:
        arrays["input_offset"], arrays["input_scale"] = network.input_offset, network.input_scale
    with replacing(path) as temporary, open(temporary, "wb") as f:
        np.savez(f, **arrays)


def write_json(path, network: ExportedNetwork) -> None:
    """A JSON object: format, name, layers (activation, weights, biases) and input scaling."""
    layers = [
        {
            "activation": activation,
            "weights": weights.tolist(),
            "biases": None if biases is None else biases.tolist(),
            **({"skips": list(network.skips_of(k))} if network.skips_of(k) else {}),
        }
        for k, (activation, weights, biases) in enumerate(network._layers(), start=1)
    ]
    content = {
        "format": FORMAT,
        "version": 1,
        "name": network.name,
        "layers": layers,
        "input_offset": _list_or_none(network.input_offset),
        "input_scale": _list_or_none(network.input_scale),
    }
    _write_text(path, json.dumps(content, indent=1, allow_nan=False))


def write_script(path, network: ExportedNetwork) -> None:
    """A Python file needing only NumPy that computes the network's outputs.

    Run as ``python FILE.py INPUTS.csv`` it prints one CSV row of outputs per
    row of inputs; imported, ``predict(X)`` returns them as an array.
    """
    _write_text(path, script_text(network))


def script_text(network: ExportedNetwork) -> str:
    """The text :func:`write_script` writes."""
    layer_lines = []
    for k, (activation, weights, biases) in enumerate(network._layers(), start=1):
        if activation not in SCRIPT_ACTIVATIONS:
            message = translate("NetworkExport", "A script cannot compute the activation {name}.")
            raise ExportError(message.format(name=repr(activation)))
        rows = "".join(f"        {row!r},\n" for row in weights.tolist())
        bias_text = "None" if biases is None else f"np.array({biases.tolist()!r})"
        skips = f", {list(network.skips_of(k))!r}" if network.skips_of(k) else ""
        layer_lines.append(f"    ({activation!r}, np.array([\n{rows}    ]), {bias_text}{skips}),")
    scaling = (
        f"INPUT_OFFSET = np.array({network.input_offset.tolist()!r})\n"
        f"INPUT_SCALE = np.array({network.input_scale.tolist()!r})"
        if network.input_offset is not None
        else "INPUT_OFFSET = INPUT_SCALE = None  # the network was trained on unscaled inputs"
    )
    return SCRIPT_TEMPLATE.format(
        name=repr(str(network.name)),  # a literal: the only way file text enters code
        version=__version__,
        sizes="-".join(str(n) for n in _sizes(network)),
        layers="\n".join(layer_lines),
        scaling=scaling,
        functions=_functions_source(),
    )


def skip_sources(network) -> list[list[int]]:
    """Each layer's skip sources after the previous layer (an MLP's ``input_blocks``)."""
    blocks = getattr(network, "input_blocks", ((),))
    return [[int(source) for source, _start, _stop in layer[1:]] for layer in blocks]


def _sizes(network: ExportedNetwork) -> list[int]:
    return [network.weights[0].shape[1], *(w.shape[0] for w in network.weights)]


def _functions_source() -> str:
    cases = "\n".join(
        f"    if name == {name!r}:\n        return {formula.format(leaky=LEAKY_SLOPE)}"
        for name, formula in SCRIPT_ACTIVATIONS.items()
    )
    return FUNCTIONS_TEMPLATE.format(cases=cases)


def _list_or_none(array):
    return None if array is None else array.tolist()


def _write_text(path, text: str) -> None:
    with replacing(path) as temporary:
        temporary.write_text(text, encoding="utf-8")


FUNCTIONS_TEMPLATE = '''def _softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def activate(name, z):
    """The activation ``name`` of net inputs ``z`` (as nnsim computes it)."""
{cases}
    raise ValueError("unknown activation " + repr(name))


def net_input(outputs, W, skips=()):
    """The last layer's outputs times W^T; with skip connections, plus the outputs of each
    earlier layer in ``skips`` (0: the inputs) times its columns of W, in that order."""
    if not skips:
        return outputs[-1] @ W.T
    n = outputs[-1].shape[-1]
    z = outputs[-1] @ W[:, :n].T
    for source in skips:
        width = outputs[source].shape[-1]
        z = z + outputs[source] @ W[:, n : n + width].T
        n += width
    return z


def predict(X, layers, offset=None, scale=None):
    """Outputs (n, n_outputs) for inputs X (n, n_inputs): a = f(a W^T + b), layer by layer
    (a layer given as (name, W, b, skips) also takes the outputs of the layers in skips)."""
    a = np.array(X, dtype=np.float64, ndmin=2)
    if offset is not None:
        a = (a - offset) / scale
    outputs = [a]
    for name, weights, biases, *skips in layers:
        z = net_input(outputs, weights, *skips)
        if biases is not None:
            z += biases
        outputs.append(activate(name, z))
    return outputs[-1]
'''

SCRIPT_TEMPLATE = '''#!/usr/bin/env python3
"""A {sizes} network exported from nnsim {version} (its name is NAME). It needs only NumPy.

    python this_file.py INPUTS.csv     print the outputs, one CSV row per row of inputs
    from this_file import outputs      outputs(X) -> array of shape (n, n_outputs)

Each layer computes a = f(a W^T + b) from the layer before it; W has one row
per neuron of the layer, b one bias per neuron.
"""

import sys

import numpy as np

#: The network's name in nnsim.
NAME = {name}


{functions}

#: (activation, weights W of shape (n_out, n_in), biases b of shape (n_out,) or None[,
#: skip sources: earlier layers whose outputs the layer also takes, through W's last columns])
LAYERS = [
{layers}
]
{scaling}


def outputs(X):
    """The network's outputs for raw inputs X, shape (n, n_inputs)."""
    return predict(X, LAYERS, INPUT_OFFSET, INPUT_SCALE)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python " + sys.argv[0] + " INPUTS.csv")
    inputs = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
    np.savetxt(sys.stdout, outputs(inputs), delimiter=",", fmt="%.17g")
'''
