r"""The loss over a plane through weight space, and the training path projected on it.

All of a network's weights and biases, layer after layer (``W_1`` row by row,
then ``b_1``, ``W_2``, ``b_2``, ...), make one vector :math:`\theta` of
:math:`P` numbers (:func:`flatten`).  A :class:`Plane` is a centre
:math:`\theta_0` and two orthonormal directions :math:`d_1, d_2`; the
landscape is the loss over its points

.. math::

    E(a, b) = E(\theta_0 + a\,d_1 + b\,d_2),

computed with the network's own loss function on a grid of :math:`(a, b)`
(a row's points go through the layers together, :func:`losses_at`), one
row of the grid at a time (:func:`surface_rows`), so a worker thread can
report progress and stop between rows.  The grid has :data:`RESOLUTION`
points a side, fewer for big networks and data (:func:`resolution`).  Two
planes:

* :func:`chosen_plane`: two chosen numbers of the network (two weights, or a
  weight and a bias) vary and every other stays; the axes read those numbers'
  own values (:attr:`Plane.origin` is their value at the centre).
* :func:`random_plane`: two random directions, filter-normalised as Li et al.
  (2018, "Visualizing the loss landscape of neural nets") do: the block of a
  direction that goes into one neuron (a row of ``W``, that neuron's filter) is
  scaled to the norm of that neuron's weights, so every neuron is moved in
  proportion to its own size.  Biases get 0, as in the paper: the plane moves
  the weights only.  The second is then made orthogonal to the first
  (Gram-Schmidt), and both are scaled to length 1, so that the coordinates
  of a point are its exact projection and the axes are distances in weight
  space.  (Li et al. keep each direction's filter-normalised length instead,
  so that a step of 1 is the size of the weights; here the orthonormal pair
  keeps the projection of a path exact, and the filter normalisation still
  shapes which way each neuron is moved.)

A removed (masked) connection is 0 in every direction, so the plane never
brings it back.  A training path (weights at several epochs) is projected
onto a plane by :meth:`Plane.project`; the path also moves in the
:math:`P - 2` other directions, so the loss at a path's point (its own) may
differ from the surface's at its projection: :func:`path_losses` gives both.
The surface uses at most :data:`MAX_SAMPLES` training samples, spread evenly
over the data (:func:`landscape_samples`).
"""

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from nnsim.engine import MLP
from nnsim.engine.losses import get_loss
from nnsim.errors import ConfigError
from nnsim.model.values import forward_pass, input_blocks
from nnsim.text import translate

#: The surface's loss is the mean over at most this many training samples, spread evenly.
MAX_SAMPLES = 1000
#: Points whose forward passes go together take at most this many numbers per layer.
BATCH_NUMBERS = 4_000_000
#: Grid points along each axis, and the fewest a big network or data set gets.
RESOLUTION, MIN_RESOLUTION = 41, 21
#: A grid of :data:`RESOLUTION` squared points is made when a loss costs at most this many
#: multiplications (samples x weights); above, the grid thins so the whole takes about as long.
FULL_RESOLUTION_COST = 1_500_000


@dataclass(frozen=True)
class Plane:
    """A plane through weight space: :math:`\\theta_0 + a\\,d_1 + b\\,d_2`.

    Attributes
    ----------
    centre : (P,) array
        :math:`\\theta_0`, the flattened weights and biases at ``(a, b) = (0, 0)``.
    d1, d2 : (P,) arrays
        Orthonormal directions (0 at every masked connection).
    origin : (float, float)
        What the axes read at the centre: the two chosen numbers' values for a
        :func:`chosen_plane`, (0, 0) otherwise.  Axis values are ``origin + (a, b)``.
    shapes : tuple of tuple
        The weight matrices' shapes, then the bias vectors' (for :func:`unflatten`).
    """

    centre: np.ndarray
    d1: np.ndarray
    d2: np.ndarray
    origin: tuple[float, float]
    shapes: tuple

    def point(self, a: float, b: float) -> np.ndarray:
        """The flattened parameters at plane coordinates ``(a, b)``: shape (P,)."""
        return self.centre + a * self.d1 + b * self.d2

    def project(self, thetas) -> np.ndarray:
        """Coordinates of the points nearest ``thetas`` (k, P) on the plane: (k, 2) ``(a, b)``.

        With orthonormal directions the least-squares projection is
        :math:`a = d_1 \\cdot (\\theta - \\theta_0)`, :math:`b = d_2 \\cdot (\\theta - \\theta_0)`.
        """
        offsets = np.atleast_2d(thetas) - self.centre
        return offsets @ np.column_stack([self.d1, self.d2])

    def off_plane(self, thetas) -> np.ndarray:
        """How far each of ``thetas`` (k, P) lies from the plane (Euclidean): shape (k,)."""
        offsets = np.atleast_2d(thetas) - self.centre
        ab = self.project(thetas)
        return np.linalg.norm(offsets - ab[:, :1] * self.d1 - ab[:, 1:] * self.d2, axis=1)

    def fits(self, network) -> bool:
        """Whether ``network``'s parameters have the shapes this plane was made for."""
        return parameter_shapes(network) == self.shapes


def flatten(weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> np.ndarray:
    """Weights and biases (as ``parameters()`` gives them) as one (P,) float64 vector."""
    pairs = zip(weights, biases, strict=True)
    return np.concatenate([np.ravel(part) for pair in pairs for part in pair]).astype(np.float64)


def unflatten(theta: np.ndarray, shapes: tuple) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The (weights, biases) lists that :func:`flatten` made ``theta`` from."""
    layers = len(shapes) // 2
    pieces, start = [], 0
    for shape in (s for pair in zip(shapes[:layers], shapes[layers:], strict=True) for s in pair):
        size = int(np.prod(shape))
        pieces.append(theta[start : start + size].reshape(shape))
        start += size
    return pieces[0::2], pieces[1::2]


def parameter_shapes(network) -> tuple:
    """The shapes of ``network``'s weight matrices, then of its bias vectors (a plane's)."""
    weights, biases = network.parameters()
    return tuple(w.shape for w in weights) + tuple(b.shape for b in biases)


def _mask_vector(network) -> np.ndarray:
    """1 where a parameter may move, 0 at masked connections and at the biases of a network
    without them: shape (P,)."""
    weights, biases = network.parameters()
    masks = network.masks or [np.ones_like(w) for w in weights]
    has_bias = getattr(network, "has_bias", True)
    return flatten(masks, [np.full_like(b, float(has_bias)) for b in biases])


def parameter_position(network, is_weight: bool, layer: int, where: tuple) -> int:
    """The position in :func:`flatten`'s vector of ``weights[layer][where]`` (``is_weight``)
    or ``biases[layer][where]``, as ``CompiledNetwork.parameter_index`` names a number."""
    weights, biases = network.parameters()
    start = sum(w.size + b.size for w, b in zip(weights[:layer], biases[:layer], strict=True))
    if is_weight:
        return start + int(np.ravel_multi_index(where, weights[layer].shape))
    return start + weights[layer].size + int(np.ravel_multi_index(where, biases[layer].shape))


def chosen_plane(network, first: int, second: int) -> Plane:
    """The plane where the numbers at positions ``first`` and ``second`` (of :func:`flatten`,
    see :func:`parameter_position`) vary and every other keeps its value.

    Raises
    ------
    ConfigError
        For the same number twice, or one that cannot move (masked, or a bias of a
        network without biases).
    """
    movable = _mask_vector(network)
    if first == second or not (movable[first] and movable[second]):
        raise ConfigError(
            translate("Landscape", "Choose two different weights that the network can change.")
        )
    centre = flatten(*network.parameters())
    d1, d2 = np.zeros_like(centre), np.zeros_like(centre)
    d1[first] = d2[second] = 1.0
    origin = (float(centre[first]), float(centre[second]))
    return Plane(centre, d1, d2, origin, parameter_shapes(network))


def random_plane(network, rng: np.random.Generator) -> Plane:
    """Two random filter-normalised, orthonormal directions through the network's weights
    (see the module docstring); ``rng`` draws them, the same seed the same plane.

    Raises
    ------
    ConfigError
        When fewer than two weights can move (nothing to span a plane with).
    """
    weights, biases = network.parameters()
    movable = _mask_vector(network)
    zero_biases = [np.zeros_like(b) for b in biases]
    weight_mask = flatten([np.ones_like(w) for w in weights], zero_biases) * movable
    if np.count_nonzero(weight_mask) < 2:
        raise ConfigError(
            translate("Landscape", "A random plane needs at least two weights that can change.")
        )
    directions = []
    for _ in range(2):
        blocks = [rng.standard_normal(w.shape) for w in weights]
        if network.masks is not None:
            blocks = [block * mask for block, mask in zip(blocks, network.masks, strict=True)]
        blocks = [_filter_normalised(block, w) for block, w in zip(blocks, weights, strict=True)]
        directions.append(flatten(blocks, zero_biases) * weight_mask)
    d1, d2 = orthonormal(*directions)
    return Plane(flatten(weights, biases), d1, d2, (0.0, 0.0), parameter_shapes(network))


def _filter_normalised(block: np.ndarray, W: np.ndarray) -> np.ndarray:
    """Each row of ``block`` (a neuron's incoming direction) scaled to the norm of the same
    row of ``W``; rows of weights all 0 get a unit row (nothing to scale by)."""
    target = np.linalg.norm(W, axis=1, keepdims=True)
    target = np.where(target > 0, target, 1.0)
    own = np.linalg.norm(block, axis=1, keepdims=True)
    return block * np.divide(target, own, out=np.zeros_like(own), where=own > 0)


def orthonormal(u: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Gram-Schmidt: ``u`` scaled to length 1, and ``v`` less its part along ``u``, length 1."""
    d1 = u / np.linalg.norm(u)
    rest = v - (v @ d1) * d1
    return d1, rest / np.linalg.norm(rest)


def landscape_samples(X: np.ndarray, T: np.ndarray, limit: int = MAX_SAMPLES):
    """At most ``limit`` rows of (X, T), spread evenly over them (all when there are fewer)."""
    n = len(X)
    if n <= limit:
        return X, T
    rows = np.linspace(0, n - 1, limit).round().astype(int)
    return X[rows], T[rows]


def resolution(n_samples: int, n_parameters: int) -> int:
    """Grid points along each axis: :data:`RESOLUTION`, fewer (down to
    :data:`MIN_RESOLUTION`) when one loss costs more than :data:`FULL_RESOLUTION_COST`."""
    cost = max(n_samples * n_parameters, 1)
    if cost <= FULL_RESOLUTION_COST:
        return RESOLUTION
    thinned = int(RESOLUTION * np.sqrt(FULL_RESOLUTION_COST / cost))
    return max(MIN_RESOLUTION, thinned | 1)  # odd: the centre is a grid point


def surface_rows(network, plane: Plane, X, T, a_values, b_values) -> Iterator[np.ndarray]:
    """Yield the loss over the grid one row at a time: row ``j`` holds
    :math:`E(\theta_0 + a_i d_1 + b_j d_2)` for every ``a_i`` of ``a_values``, shape (n_a,).

    ``network`` is never changed.  Stop asking for rows to stop the work (a
    worker checks between rows).
    """
    for b in b_values:
        yield losses_at(network, plane.shapes, [plane.point(a, b) for a in a_values], X, T)


def surface(network, plane: Plane, X, T, a_values, b_values) -> np.ndarray:
    """The whole grid of :func:`surface_rows`: shape (n_b, n_a), row ``j`` at ``b_values[j]``."""
    return np.array(list(surface_rows(network, plane, X, T, a_values, b_values)))


def path_losses(network, plane: Plane, thetas, X, T) -> tuple[np.ndarray, np.ndarray]:
    """The loss at each of ``thetas`` (k, P) itself, and at its projection on the plane:
    two (k,) arrays (equal where the path lies in the plane)."""
    thetas = np.atleast_2d(thetas)
    under = [plane.point(a, b) for a, b in plane.project(thetas)]
    return losses_at(network, plane.shapes, thetas, X, T), losses_at(
        network, plane.shapes, under, X, T
    )


def losses_at(network, shapes: tuple, thetas, X, T) -> np.ndarray:
    """``network``'s loss over (X, T) with each of the parameter vectors ``thetas`` (k, P):
    shape (k,), inf where it overflows; ``network`` itself is not changed.

    An MLP's points go through :func:`~nnsim.model.values.forward_pass` together,
    in groups of up to :data:`BATCH_NUMBERS` outputs: the group's weight matrices
    stacked into one (k, n_out, n_in) array make every layer one batched matrix
    product (measured twice as fast as one forward pass per point on the digits'
    64-16-10 network, four times on XOR's 2-4-1).  Other networks (perceptrons)
    take their own ``loss_value`` point by point.
    """
    thetas = np.atleast_2d(np.asarray(thetas, dtype=np.float64))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        if isinstance(network, MLP):
            X, T = np.asarray(X, dtype=np.float64), np.asarray(T, dtype=np.float64)
            group = max(1, BATCH_NUMBERS // (len(X) * max(network.layer_sizes)))
            losses = np.concatenate([
                _mlp_losses(network, shapes, thetas[start : start + group], X, T)
                for start in range(0, len(thetas), group)
            ])  # fmt: skip
        else:
            probe = copy.deepcopy(network)
            losses = np.array([_probe_loss(probe, theta, shapes, X, T) for theta in thetas])
    return np.where(np.isfinite(losses), losses, np.inf)


def _mlp_losses(network, shapes: tuple, thetas: np.ndarray, X, T) -> np.ndarray:
    """The MLP's loss at each of ``thetas`` (k, P), all k at once (see :func:`losses_at`)."""
    pieces = [unflatten(theta, shapes) for theta in thetas]
    layers = range(len(network.activations))
    # forward_pass computes A @ W.T.  Each W below is the k matrices laid out as
    # (n_out, n_in, k), so W.T is their (k, n_in, n_out) stack and A @ W.T one batched
    # matrix product, (k, n, n_out); each bias stack (k, 1, n_out) adds row by row.
    weights = [np.stack([w[k] for w, _ in pieces]).transpose(1, 2, 0) for k in layers]
    biases = [np.stack([b[k] for _, b in pieces])[:, None, :] for k in layers]
    blocks = input_blocks(network)
    outputs = forward_pass(weights, biases, network.activations, X, blocks)[1][-1]  # (k, n, n_out)
    loss = get_loss(network.loss, network.activations[-1])
    return np.array([loss.value(O, T) for O in outputs])


def _probe_loss(probe, theta: np.ndarray, shapes: tuple, X, T) -> float:
    """The probe's own loss over (X, T) with the parameters ``theta``."""
    probe.set_parameters(*unflatten(theta, shapes))
    return float(probe.loss_value(X, T))


def span(points, margin: float = 0.15, least: float = 0.5) -> tuple[tuple[float, float], ...]:
    """The ranges of ``a`` and of ``b`` that hold the centre (0, 0) and ``points`` (k, 2),
    widened by ``margin`` of their size on each side, each at least ``least`` wide."""
    ab = np.vstack([np.zeros((1, 2)), np.atleast_2d(points)])
    ab = ab[np.isfinite(ab).all(axis=1)]
    low, high = ab.min(axis=0), ab.max(axis=0)
    pad = np.maximum((high - low) * margin, (least - (high - low)) / 2)
    return tuple((float(lo), float(hi)) for lo, hi in zip(low - pad, high + pad, strict=True))
