"""The maps on the editor's neurons (``neuronMaps``, View > Neuron Maps).

For a network with two inputs, each neuron after the input shows inside its
circle its own output over the input plane, as TensorFlow Playground does: a
student sees each hidden unit draw its line and the output combine them.  With
more inputs (iris' four) the plane is two inputs chosen on the decision plot
(``axes``), the others at their training mean.  For
image data (the digits) each neuron of the first layer after the input shows
its receptive field instead: its incoming weights as an 8 x 8 picture, in the
colours of a weight's sign.

The plane is the decision plot's (the same grid, ``GRID_SIZE`` a side, over
the data and a margin), and so are the colours (class 0's blue through white
to class 1's orange, at full strength), so the output neuron's map is the
decision boundary in small.

The maps are worked out by :func:`nnsim.model.neuron_maps.neuron_maps` (one
forward pass of the whole grid) only when the weights shown have changed since
the last frame, and written into images made once per neuron and reused.
"""

import numpy as np
from PySide6.QtGui import QColor, QImage

from nnsim.engine.features import own_inputs, plane_grid_inputs
from nnsim.gui.editor.items import level_range
from nnsim.gui.palette import CLASS_COLOURS, NEGATIVE, POSITIVE
from nnsim.gui.plots.decision_plot import _grid_over
from nnsim.model.neuron_maps import (
    has_chosen_plane,
    image_side,
    neuron_maps,
    plane_inputs,
    receptive_fields,
)

#: Above this many neurons after the input the network gets no maps: each costs a
#: forward pass of the grid through its layer at every frame, and they would be too
#: small to read.
MAX_MAP_NEURONS = 64


def _colour_table(low: str, high: str, size: int = 256) -> list[int]:
    """Colour ``low`` through white (the middle) to ``high``, as an 8-bit image's table."""
    low, high = (np.array(QColor(c).getRgb()[:3], float) for c in (low, high))
    share = np.linspace(-1.0, 1.0, size)[:, None]
    white = np.full(3, 255.0)
    rgb = np.where(share < 0, white + (white - low) * share, white + (high - white) * share)
    return [0xFF000000 | (r << 16) | (g << 8) | b for r, g, b in rgb.round().astype(int).tolist()]


#: The maps' colours, low to high: the decision plot's at full strength (its map is pale,
#: under the data), so the output neuron's map is the decision boundary in small.
COLOUR_TABLE = _colour_table(*CLASS_COLOURS[:2])
#: A receptive field's colours: a weight's sign, as on the connections.
WEIGHT_TABLE = _colour_table(NEGATIVE, POSITIVE)


def input_plane(data, validation=None, axes=(0, 1)) -> tuple[np.ndarray, tuple[int, int]] | None:
    """The decision plot's grid over the data: (points (n, n_inputs), (n_rows, n_columns)).

    Over the data's two inputs, or for more (not images, see
    :func:`~nnsim.model.neuron_maps.has_chosen_plane`) over inputs ``axes``, the others at
    their mean over ``data``; None for other data.  ``data`` and ``validation`` hold the
    inputs as the network sees them; the points are too (with any derived inputs).
    """
    if data is None or (own_inputs(data) != 2 and not has_chosen_plane(data)):
        return None
    axes = list(axes) if own_inputs(data) > 2 else [0, 1]
    parts = [part.X[:, axes] for part in (data, validation) if part is not None]
    xs, ys, points = _grid_over(np.vstack(parts))
    if own_inputs(data) > 2:
        return plane_inputs(points, data.X.mean(axis=0), axes), (len(ys), len(xs))
    return plane_grid_inputs(points, data.feature_names), (len(ys), len(xs))


class MapImage:
    """An 8-bit image of one map, in the maps' colours, over a buffer rewritten in place.

    ``image`` is a QImage over ``indices`` (colour numbers, the top row
    first): :meth:`fill` writes a new map into the same memory.
    """

    def __init__(self, shape: tuple[int, int], table: list[int] = COLOUR_TABLE):
        rows, columns = shape
        stride = -(-columns // 4) * 4  # QImage's rows start on 32-bit boundaries
        self._buffer = np.zeros((rows, stride), np.uint8)
        self.indices = self._buffer[:, :columns]
        self._scaled = np.empty((rows, columns))
        self.image = QImage(self._buffer.data, columns, rows, stride, QImage.Format.Format_Indexed8)
        self.table = table
        self.image.setColorTable(table)

    @property
    def shape(self) -> tuple[int, int]:
        return self.indices.shape

    def fill(self, picture: np.ndarray, low: float, high: float) -> None:
        """Draw ``picture`` (n_rows, n_columns; row 0 the plane's lowest), ``low`` to
        ``high`` spanning the colours (beyond them the end colours; NaN the middle)."""
        scaled = self._scaled
        np.subtract(picture[::-1], low, out=scaled)  # the plane's x2 grows upwards
        scaled *= (len(COLOUR_TABLE) - 1) / (high - low)
        np.nan_to_num(scaled, copy=False, nan=(len(COLOUR_TABLE) - 1) / 2)
        np.clip(scaled, 0, len(COLOUR_TABLE) - 1, out=scaled)
        self.indices[...] = scaled


class NeuronMaps:
    """What a scene's neurons show of the input plane, and whether it needs drawing again.

    Attributes
    ----------
    shown : bool
        Whether maps are drawn at all (View > Neuron Maps).
    drawn : int
        How many times the maps were worked out and drawn (for measuring and tests).
    axes : (int, int)
        The two inputs the maps are drawn over when the data have more (not images).
    """

    def __init__(self, scene):
        self.scene = scene
        self.shown = True
        self.drawn = 0
        self.axes = (0, 1)
        self._plane = (None, None, None, None)  # (data, validation, axes, their input_plane)
        self._last = None  # (compiled, weights, biases, plane) drawn last

    def show(self, compiled, weights, biases, data, validation=None) -> bool:
        """Draw every neuron's map for these weights (copies) over ``data``'s plane.

        For image data (:data:`~nnsim.model.neuron_maps.IMAGE_SIDES`) the first layer's
        neurons show their receptive fields instead; for more than two inputs the plane
        is inputs ``axes``.  Nothing is drawn (and maps drawn before go) when maps are
        off, or the data have one input, or the network has more than
        ``MAX_MAP_NEURONS`` neurons after the input (plane maps); nothing is worked
        out again when the weights, network and data are those drawn last.
        Returns whether anything was drawn.
        """
        source = self._source_of(data, validation) if self.shown else None
        mapped = sum(layer > 0 for layer, _ in compiled.index.values()) if source else 0
        if source is None or (isinstance(source, tuple) and mapped > MAX_MAP_NEURONS):
            self.clear()
            return False
        if self._same_as_last(compiled, weights, biases, source):
            return False
        if isinstance(source, tuple):
            pictures = self._plane_pictures(compiled, weights, biases, source)
        else:
            pictures = self._field_pictures(compiled, weights, source)
        for neuron_id, (picture, low, high, table) in pictures.items():
            item = self.scene.neuron_items.get(neuron_id)
            if item is None:
                continue  # not drawn (inside a compact layer)
            image = item.map_image
            if image is None or image.shape != picture.shape or image.table is not table:
                image = MapImage(picture.shape, table)
            image.fill(picture, low, high)
            item.set_map(image)
        self._last = (compiled, [w.copy() for w in weights],
                      None if biases is None else [b.copy() for b in biases], source)  # fmt: skip
        self.drawn += 1
        return True

    def _plane_pictures(self, compiled, weights, biases, plane) -> dict:
        """Each neuron's output over the plane, spanning its activation's range."""
        document = self.scene.document
        pictures = {}
        for neuron_id, picture in neuron_maps(document, compiled, weights, biases, *plane).items():
            activation = document.activation_of(document.neuron(neuron_id).layer)
            low, high = level_range(activation, [float(picture.min()), float(picture.max())])
            pictures[neuron_id] = (picture, low, high, COLOUR_TABLE)
        return pictures

    @staticmethod
    def _field_pictures(compiled, weights, side: int) -> dict:
        """Each first-layer neuron's incoming weights, white at 0, its largest at the ends."""
        pictures = {}
        for neuron_id, field in receptive_fields(compiled, weights, side).items():
            reach = float(np.abs(field).max()) or 1.0
            pictures[neuron_id] = (field[::-1], -reach, reach, WEIGHT_TABLE)  # (fill flips)
        return pictures

    def _source_of(self, data, validation):
        """What ``data`` gets maps over: its input plane, an image side, or None."""
        return self._plane_of(data, validation) or image_side(data)

    def _plane_of(self, data, validation):
        """The input plane of ``data``, worked out once per data set."""
        last_data, last_validation, last_axes, _ = self._plane
        if last_data is not data or last_validation is not validation or last_axes != self.axes:
            self._plane = (data, validation, self.axes, input_plane(data, validation, self.axes))
        return self._plane[3]

    def _same_as_last(self, compiled, weights, biases, source) -> bool:
        if self._last is None:
            return False
        last_compiled, last_weights, last_biases, last_source = self._last
        return (
            compiled is last_compiled
            and (source is last_source if isinstance(source, tuple) else source == last_source)
            and _equal(weights, last_weights)
            and (biases is None) == (last_biases is None)
            and (biases is None or _equal(biases, last_biases))
        )

    def set_shown(self, shown: bool) -> None:
        """Draw maps (from the next frame) or take them away now."""
        self.shown = shown
        if not shown:
            self.clear()

    def clear(self) -> None:
        """Take every map away (the neurons show their layer's colour again)."""
        self._last = None
        for item in self.scene.neuron_items.values():
            if item.map_image is not None:
                item.set_map(None)


def _equal(arrays, others) -> bool:
    return len(arrays) == len(others) and all(
        np.array_equal(a, b) for a, b in zip(arrays, others, strict=True)
    )
