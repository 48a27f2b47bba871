r"""Every neuron's output over the input plane: the maps the editor draws on its neurons.

For a network with two inputs each neuron after the input computes a function
of the plane :math:`(x_1, x_2)`; evaluated on a grid of points (the window
uses the decision plot's) it is a small picture of what that neuron has
learned to detect.  The whole grid goes
through all the layers in one batch, one matrix product per layer:

.. math::

    Z_k = A_{k-1} W_k^T + b_k, \qquad A_k = f_k(Z_k), \qquad A_0 = P,

the formula of :func:`nnsim.model.values.layer_values` for one sample, here for
every grid point at once.  Qt-free: the editor turns the maps into images.

:func:`plane_grid` makes the grid: the decision plot's (``GRID_SIZE`` a side),
the editor's maps and the kept runs' small pictures of their boundary
(:func:`decision_picture`, the output neurons' answer over a coarser grid) share it.

Data with more than two inputs that are not images (iris' four) are drawn over
two inputs a person chooses (:func:`plane_axes`), the others held at their
mean over the training data (:func:`plane_inputs`): the network's answer on
that slice through its input space.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnsim.engine.features import own_inputs, plane_grid_inputs
from nnsim.model.compiler import CompiledNetwork
from nnsim.model.document import NetworkDocument
from nnsim.model.values import forward_pass, input_blocks

#: Grid points per side of a small picture of a decision boundary (a kept run's).
PICTURE_SIZE = 48
#: Data sets whose samples are images, and their side in pixels: the first layer's neurons
#: show their incoming weights as a picture (their receptive field).
IMAGE_SIDES = {"digits": 8}
#: The view settings (:mod:`nnsim.model.view_settings`) naming the plane's two inputs.
PLANE_SETTINGS = ("plane.x", "plane.y")


def image_side(data) -> int | None:
    """The side of the square images ``data`` holds (the digits' 8), or None."""
    side = IMAGE_SIDES.get(getattr(data, "name", None))
    return side if side is not None and data.n_features == side * side else None


def has_chosen_plane(data) -> bool:
    """Whether ``data`` are drawn over two chosen inputs: more than two of their own, no image."""
    return data is not None and own_inputs(data) > 2 and image_side(data) is None


def plane_axes(view_settings: dict, n_inputs: int) -> tuple[int, int]:
    """The two inputs (indices) the plane is drawn over, as ``view_settings`` chose them.

    (0, 1) unless both saved choices are inputs of the ``n_inputs`` and differ
    (a project saved with other data, or an older file, gives the first two).
    """
    axes = tuple(view_settings.get(name) for name in PLANE_SETTINGS)
    fits = all(isinstance(k, int) and 0 <= k < n_inputs for k in axes)
    return axes if fits and axes[0] != axes[1] else (0, 1)


def plane_inputs(points: np.ndarray, means: np.ndarray, axes: tuple[int, int]) -> np.ndarray:
    r"""The network's inputs at ``points`` of the plane of inputs ``axes``, the others at ``means``.

    Row :math:`k` is :math:`\bar x` with :math:`x_i = p_{k1}` and :math:`x_j = p_{k2}`,
    :math:`(i, j)` = ``axes``.

    Parameters
    ----------
    points : (n_points, 2) array
    means : (n_inputs,) array
        Every input's mean over the training data, as the network sees them.
    axes : (int, int)

    Returns
    -------
    (n_points, n_inputs) array
    """
    inputs = np.repeat(np.asarray(means, float)[np.newaxis], len(points), axis=0)
    inputs[:, list(axes)] = points
    return inputs


def plane_grid(X: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A ``size`` x ``size`` grid over the box of the points ``X`` and a margin around it.

    The margin is a tenth of the box's side (at least 0.1), so samples on the
    edge are not on the picture's edge.

    Parameters
    ----------
    X : (n_samples, 2) array
        The points to cover (finite).
    size : int

    Returns
    -------
    xs, ys : (size,) arrays
        The grid's coordinates along each axis, increasing.
    points : (size * size, 2) array
        Every grid point, row after row (``np.meshgrid``'s order: x varies fastest).
    """
    low, high = X.min(axis=0), X.max(axis=0)
    margin = np.maximum((high - low) * 0.1, 0.1)
    xs = np.linspace(low[0] - margin[0], high[0] + margin[0], size)
    ys = np.linspace(low[1] - margin[1], high[1] + margin[1], size)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([gx.ravel(), gy.ravel()])


def neuron_maps(
    document: NetworkDocument,
    compiled: CompiledNetwork,
    weights: Sequence[np.ndarray],
    biases: Sequence[np.ndarray] | None,
    points: np.ndarray,
    shape: tuple[int, int],
) -> dict[str, np.ndarray]:
    """Map each neuron after the input to its output over a grid of the input plane.

    Parameters
    ----------
    document, compiled
        The drawn network and its compile (the index from neuron id to (layer, row)).
    weights, biases
        As :func:`~nnsim.model.values.forward_pass` takes them (copies: a report's or the
        display network's).
    points : (n_rows * n_columns, n_inputs) array
        The grid's points, row after row (``np.meshgrid``'s order: x varies fastest).
    shape : (n_rows, n_columns)

    Returns
    -------
    dict of str to (n_rows, n_columns) array
        ``maps[id][i, j]`` is the neuron's output at ``points[i * n_columns + j]``;
        row 0 is the grid's first (lowest x2) row.
    """
    activations = [document.activation_of(layer.id) for layer in document.layers[1:]]
    outputs = forward_pass(weights, biases, activations, points, input_blocks(compiled.network))[1]
    return {
        neuron_id: outputs[layer - 1][:, row].reshape(shape)
        for neuron_id, (layer, row) in compiled.index.items()
        if layer > 0
    }


def receptive_fields(
    compiled: CompiledNetwork, weights: Sequence[np.ndarray], side: int
) -> dict[str, np.ndarray]:
    """Map each neuron of the first layer after the input to its incoming weights as a picture.

    For image data (the digits' 8 x 8 pixels, ``side`` = 8): the weight from pixel
    ``(i, j)`` to the neuron is ``fields[id][i, j]``, row 0 the image's top row.

    Returns
    -------
    dict of str to (side, side) array
    """
    first = np.asarray(weights[0])
    return {
        neuron_id: first[row].reshape(side, side)
        for neuron_id, (layer, row) in compiled.index.items()
        if layer == 1
    }


@dataclass(frozen=True)
class DecisionPicture:
    """A network's answer over the plane of its two inputs, small, with the data on it.

    Attributes
    ----------
    values : (size, size) array
        The output (one output) or the winning class (several) at each grid point;
        row 0 is the lowest x2, column 0 the lowest x1 (``np.meshgrid``'s order).
    classes : bool
        Whether ``values`` are class numbers.
    extent : (x1 low, x1 high, x2 low, x2 high)
        The grid's first and last points, in the inputs the network sees.
    points : (n_samples, 2) array
        The training and validation inputs.
    labels : (n_samples,) int array or None
        Their classes (None for a regression).
    """

    values: np.ndarray
    classes: bool
    extent: tuple[float, float, float, float]
    points: np.ndarray
    labels: np.ndarray | None


def decision_picture(network, data, validation=None, size: int = PICTURE_SIZE):
    """``network``'s :class:`DecisionPicture` over ``data`` (and ``validation``); None unless
    the data have two inputs of their own (derived inputs are made at each grid point).
    The grid is the decision plot's, ``size`` points a side."""
    if data is None or own_inputs(data) != 2:
        return None
    parts = [part for part in (data, validation) if part is not None]
    points = np.vstack([part.X[:, :2] for part in parts])
    xs, ys, grid = plane_grid(points, size)
    outputs = network.predict(plane_grid_inputs(grid, data.feature_names))
    classes = outputs.shape[1] > 1
    values = outputs.argmax(axis=1) if classes else outputs[:, 0]
    labels = None
    if data.task == "classification":
        labels = np.concatenate([part.y for part in parts]).astype(int)
    extent = (float(xs[0]), float(xs[-1]), float(ys[0]), float(ys[-1]))
    return DecisionPicture(values.reshape(len(ys), len(xs)), classes, extent, points, labels)
