r"""Every sample's activations in one layer, projected onto a plane: the state-space view.

Simbrain's projection plot: the outputs of one layer for the samples of the
data are points in a space with one axis per neuron; drawn in 2-D and
coloured by class, they show what the network has made of the data (a
hidden layer that separates the classes puts them in separate clusters).
A layer of more than two neurons is projected by principal component
analysis (PCA): with the samples' activations :math:`A` (one row each)
centred on their mean,

.. math::

    A_c = A - \mathbf{1}\mu^T, \qquad A_c = U S V^T, \qquad
    P = A_c \, [v_1 \; v_2], \qquad \text{share}_i = \frac{s_i^2}{\sum_j s_j^2},

the points :math:`P` are the samples' coordinates along the two directions
:math:`v_1, v_2` in which they vary most, and :math:`\text{share}_i` the
part of all their variance that direction :math:`i` holds.  A layer of two
neurons is drawn as it is (its own plane, no PCA); a layer of one neuron
puts its output on the x axis and the sample's number on the y axis (see
:func:`project`).  Layer 0 is the inputs: their PCA is the data's own, a
picture to compare the hidden layers' with.

Live, the weights change between frames and a PCA's axes may flip sign or
swap places though the points hardly moved; a :class:`Projector` turns and
orders each frame's axes to follow the previous frame's, so the points glide.

At most :data:`MAX_SAMPLES` samples are drawn, spread evenly over the data,
so a frame stays cheap.  Measured on the 2-core development machine (medians
of 200 frames, forward pass and projection, other people's jobs running:
take them to within a factor of two): XOR (4 samples) through a 2-4-1
network, 0.07 ms; the digits (all 1,797 samples, 64 inputs) through a
64-32-10 network, 0.8-0.9 ms for its hidden layer (32 neurons) and 1.1 ms
for the inputs (64); the digits example's 64-100-10 network (1,438 training
samples), 3-5 ms.  When there are more samples than neurons the scatter
matrix :math:`A_c^T A_c` (d x d) is what is decomposed: its singular vectors
are :math:`V` and its singular values :math:`s_i^2`, at a fraction of the
cost of decomposing :math:`A_c` (1,797 x 100: 2 ms against 11-16 ms); wide
layers take a randomized range finder (:data:`EXACT_LIMIT`).
"""

from dataclasses import dataclass

import numpy as np

from nnsim.model.values import forward_pass, input_blocks

#: The most samples a frame projects; more are thinned evenly (see :func:`sample_rows`).
MAX_SAMPLES = 2_000
#: Above this many samples and neurons alike the leading axes are found by a randomized
#: range finder of :data:`SKETCH` columns and :data:`POWER_STEPS` power steps, not by a
#: whole decomposition (its cost grows as the neurons' cube: 55 ms for 400 of them).
EXACT_LIMIT = 200
SKETCH, POWER_STEPS = 10, 3


@dataclass(frozen=True)
class Projection:
    """One frame of the state-space view.

    Attributes
    ----------
    rows : (m,) int array
        The data rows drawn, in order.
    points : (m, 2) array
        Each drawn row's (x, y).
    kind : {"line", "plane", "pca"}
        One neuron (its output, then the sample's number), two neurons (their outputs),
        or more (the first two principal components).
    components : tuple of int
        For "pca": which principal component (1 the largest) each axis shows, x first.
    shares : tuple of float
        For "pca": the share of the layer's variance each axis explains, x first.
    axes : (2, d) array or None
        For "pca": the unit directions of x and y in the layer's space (what the
        next frame is aligned to).
    """

    rows: np.ndarray
    points: np.ndarray
    kind: str
    components: tuple[int, ...] = ()
    shares: tuple[float, ...] = ()
    axes: np.ndarray | None = None


def sample_rows(n_samples: int, limit: int = MAX_SAMPLES) -> np.ndarray:
    r"""The rows to draw: all ``n_samples`` up to ``limit``, else ``limit`` spread evenly.

    Row :math:`\lfloor i \, n / m \rfloor` for :math:`i = 0 \dots m-1`, :math:`m` = ``limit``:
    the same rows at every frame, none twice, classes in their proportions when the
    data are in no particular order.

    Returns
    -------
    (min(n_samples, limit),) int array, increasing
    """
    if n_samples <= limit:
        return np.arange(n_samples)
    return np.arange(limit) * n_samples // limit


def layer_sizes(network) -> list[int]:
    """The neurons of each layer of an MLP or Perceptron, inputs first."""
    return [network.n_inputs] + [W.shape[0] for W in network.parameters()[0]]


def layer_activations(network, X: np.ndarray, layer: int) -> np.ndarray:
    """The outputs of ``network``'s layer ``layer`` for the samples ``X``.

    Parameters
    ----------
    network : MLP or Perceptron
        Weights read through ``parameters()``; only the layers up to ``layer`` are computed.
    X : (n, n_inputs) array
    layer : int
        0 for the inputs (``X`` itself), k for the k-th layer after them.

    Returns
    -------
    (n, n_k) float array
    """
    X = np.asarray(X, dtype=np.float64)
    if layer == 0:
        return X
    weights, biases = network.parameters()
    blocks = input_blocks(network)
    blocks = None if blocks is None else blocks[:layer]
    return forward_pass(weights[:layer], biases[:layer], network.activations[:layer], X, blocks)[1][
        -1
    ]


def principal_axes(A: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The mean, principal directions and variance shares of the rows of ``A``.

    Parameters
    ----------
    A : (n, d) array

    Returns
    -------
    mean : (d,) array
        :math:`\mu`, the rows' mean.
    axes : (2, d) array
        :math:`v_1, v_2`, unit rows, the largest variance first (a row of zeros when
        there are fewer than two directions), each signed so that its entry of largest
        magnitude is positive (as scikit-learn's ``svd_flip``): the same data give the
        same axes.
    shares : (2,) array
        :math:`s_i^2 / \sum_j s_j^2`; 0 when all the rows are equal.
    """
    mean = A.mean(axis=0)
    centred = A - mean
    n, d = centred.shape
    if min(n, d) > EXACT_LIMIT:
        directions, variances = _leading_directions(centred)
    elif n >= d:  # decompose the (d, d) scatter matrix: V and s² at a tenth of the cost
        V, variances, _ = np.linalg.svd(centred.T @ centred)
        directions = V.T
    else:
        _, s, directions = np.linalg.svd(centred, full_matrices=False)
        variances = s**2
    varies = np.ptp(A, axis=0).any()  # (equal rows leave a mean's rounding after centring)
    total = np.einsum("ij,ij->", centred, centred)  # the sum of every s², squared Frobenius
    shares = variances / total if varies else np.zeros_like(variances)
    axes, top = np.zeros((2, d)), np.zeros(2)
    axes[: len(directions[:2])], top[: len(shares[:2])] = directions[:2], shares[:2]
    largest = axes[np.arange(2), np.argmax(np.abs(axes), axis=1)]
    axes *= np.where(largest < 0, -1.0, 1.0)[:, None]
    return mean, axes, top


def _leading_directions(centred: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""The two leading right singular vectors of ``centred`` (n, d) and their :math:`s^2`,
    by a randomized range finder (Halko, Martinsson and Tropp 2011, algorithms 4.4 and 5.1).

    .. math::

        Y = (A_c A_c^T)^q A_c \Omega, \quad Y = Q R, \quad Q^T A_c = \tilde U S V^T

    with :math:`\Omega` a (d, 10) Gaussian matrix drawn from a fixed seed (the same
    data give the same axes) and :math:`q = 3` power steps, re-orthonormalised between
    them.  2,000 samples in 784 dimensions: 24 ms instead of 150 ms (the scatter matrix's
    decomposition), the leading axes within 1e-5 of it.
    """
    Q = centred @ np.random.default_rng(0).standard_normal((centred.shape[1], SKETCH))
    for _ in range(POWER_STEPS):
        Q = np.linalg.qr(Q)[0]
        Q = centred @ (centred.T @ Q)
    Q = np.linalg.qr(Q)[0]
    _, s, directions = np.linalg.svd(Q.T @ centred, full_matrices=False)
    return directions[:2], s[:2] ** 2


def align(axes: np.ndarray, previous: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""The order and signs that turn ``axes`` nearest to the ``previous`` frame's.

    The two axes swap when :math:`|v_2 \cdot p_1| + |v_1 \cdot p_2|` exceeds
    :math:`|v_1 \cdot p_1| + |v_2 \cdot p_2|`; then each takes the sign that
    makes its dot product with the previous axis it follows non-negative.

    Parameters
    ----------
    axes, previous : (2, d) arrays of unit (or zero) rows

    Returns
    -------
    order : (2,) int array
        ``axes[order]`` follows ``previous`` row by row.
    signs : (2,) array of ±1
    """
    overlap = axes @ previous.T  # overlap[i, j] = v_i . p_j
    swapped = abs(overlap[1, 0]) + abs(overlap[0, 1]) > abs(overlap[0, 0]) + abs(overlap[1, 1])
    order = np.array([1, 0]) if swapped else np.array([0, 1])
    signs = np.where(overlap[order, [0, 1]] < 0, -1.0, 1.0)
    return order, signs


def project(A: np.ndarray, rows: np.ndarray, previous: np.ndarray | None = None) -> Projection:
    """Project a layer's activations ``A`` (one row per drawn sample) onto a plane.

    One neuron: x is its output and y the sample's number (its row + 1, as the
    data table counts them).  A second axis of zeros would pile samples with
    equal outputs onto one spot and hide how many there are; the number
    spreads them without inventing a meaning (and the class colours still show
    whether the one output separates them).
    Two neurons: their outputs, as they are.  More: the first two principal
    components (see the module docstring), aligned to ``previous`` (a former
    frame's :attr:`Projection.axes` in the same space) when given.

    Parameters
    ----------
    A : (m, d) array
    rows : (m,) int array
        The data rows of ``A``'s rows.
    previous : (2, d) array or None
    """
    d = A.shape[1]
    if d == 1:
        return Projection(rows, np.column_stack([A[:, 0], rows + 1.0]), "line")
    if d == 2:
        return Projection(rows, A.copy(), "plane")
    mean, axes, shares = principal_axes(A)
    order = np.array([0, 1])
    if previous is not None and previous.shape == axes.shape:
        order, signs = align(axes, previous)
        axes = axes[order] * signs[:, None]
        shares = shares[order]
    points = (A - mean) @ axes.T
    components = tuple(int(k) + 1 for k in order)
    return Projection(rows, points, "pca", components, tuple(float(s) for s in shares), axes)


def state_space(
    network, X: np.ndarray, layer: int, previous=None, limit: int = MAX_SAMPLES
) -> Projection:
    """Layer ``layer``'s activations for (at most ``limit`` of) the samples ``X``, projected.

    Parameters
    ----------
    network : MLP or Perceptron
    X : (n, n_inputs) array
        The inputs as the network sees them.
    layer : int
        0 for the inputs, k for the k-th layer after them.
    previous : (2, d) array or None
        The former frame's axes to align to (see :func:`project`).
    """
    rows = sample_rows(len(X), limit)
    X = X if len(rows) == len(X) else np.asarray(X)[rows]
    return project(layer_activations(network, X, layer), rows, previous)


class Projector:
    """Projects frame after frame, each PCA's axes aligned to the frame before.

    The axes are forgotten by :meth:`reset` (another network or other data) and
    whenever the layer asked for changes: a new picture starts in its natural
    order (PC 1 on x).
    """

    def __init__(self, limit: int = MAX_SAMPLES):
        self.limit = limit
        self._previous: tuple[int, np.ndarray] | None = None  # (layer, axes)

    def reset(self) -> None:
        """Start again: the next frame's axes are not aligned to anything."""
        self._previous = None

    def __call__(self, network, X: np.ndarray, layer: int) -> Projection:
        """The :func:`state_space` of this frame, aligned to the last one of the same layer."""
        last = self._previous
        previous = last[1] if last is not None and last[0] == layer else None
        projection = state_space(network, X, layer, previous, self.limit)
        self._previous = None if projection.axes is None else (layer, projection.axes)
        return projection
