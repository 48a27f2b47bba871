"""The maps on the editor's neurons (``neuronMaps``, View > Neuron Maps).

For a network with two inputs, each neuron after the input shows inside its
circle its own output over the input plane, as TensorFlow Playground does: a
student sees each hidden unit draw its line and the output combine them.  The
plane is the decision plot's (the same grid, ``GRID_SIZE`` a side, over the
data and a margin), and so are the colours (class 0's blue through white to
class 1's orange, at full strength), so the output neuron's map is the decision
boundary in small.

The maps are worked out by :func:`nnsim.model.neuron_maps.neuron_maps` (one
forward pass of the whole grid) only when the weights shown have changed since
the last frame, and written into images made once per neuron and reused.
"""

import numpy as np
from PySide6.QtGui import QColor, QImage

from nnsim.gui.editor.items import level_range
from nnsim.gui.palette import CLASS_COLOURS
from nnsim.gui.plots.decision_plot import _grid_over
from nnsim.model.neuron_maps import neuron_maps

#: Above this many neurons after the input the network gets no maps: each costs a
#: forward pass of the grid through its layer at every frame, and they would be too
#: small to read.
MAX_MAP_NEURONS = 64


def _colour_table(size: int = 256) -> list[int]:
    """Class 0's colour through white (the middle) to class 1's, as an 8-bit image's table.

    The decision plot's colours at full strength (its map is pale, under the data):
    the output neuron's map is the decision boundary in small.
    """
    low, high = (np.array(QColor(c).getRgb()[:3], float) for c in CLASS_COLOURS[:2])
    share = np.linspace(-1.0, 1.0, size)[:, None]
    white = np.full(3, 255.0)
    rgb = np.where(share < 0, white + (white - low) * share, white + (high - white) * share)
    return [0xFF000000 | (r << 16) | (g << 8) | b for r, g, b in rgb.round().astype(int).tolist()]


#: The maps' colours, low to high.
COLOUR_TABLE = _colour_table()


def input_plane(data, validation=None) -> tuple[np.ndarray, tuple[int, int]] | None:
    """The decision plot's grid over the data: (points (n, 2), (n_rows, n_columns)).

    None unless the data have two inputs.  ``data`` and ``validation`` hold the
    inputs as the network sees them.
    """
    if data is None or data.n_features != 2:
        return None
    parts = [part.X for part in (data, validation) if part is not None]
    xs, ys, points = _grid_over(np.vstack(parts))
    return points, (len(ys), len(xs))


class MapImage:
    """An 8-bit image of one map, in the maps' colours, over a buffer rewritten in place.

    ``image`` is a QImage over ``indices`` (colour numbers, the top row
    first): :meth:`fill` writes a new map into the same memory.
    """

    def __init__(self, shape: tuple[int, int]):
        rows, columns = shape
        stride = -(-columns // 4) * 4  # QImage's rows start on 32-bit boundaries
        self._buffer = np.zeros((rows, stride), np.uint8)
        self.indices = self._buffer[:, :columns]
        self._scaled = np.empty((rows, columns))
        self.image = QImage(self._buffer.data, columns, rows, stride, QImage.Format.Format_Indexed8)
        self.image.setColorTable(COLOUR_TABLE)

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
    """

    def __init__(self, scene):
        self.scene = scene
        self.shown = True
        self.drawn = 0
        self._plane = (None, None, None)  # (data, validation, their input_plane)
        self._last = None  # (compiled, weights, biases, plane) drawn last

    def show(self, compiled, weights, biases, data, validation=None) -> bool:
        """Draw every neuron's map for these weights (copies) over ``data``'s plane.

        Nothing is drawn (and maps drawn before go) when maps are off, the data do
        not have two inputs, or the network has more than ``MAX_MAP_NEURONS``
        neurons after the input; nothing is worked out again when the weights,
        network and data are those drawn last.  Returns whether anything was drawn.
        """
        plane = self._plane_of(data, validation) if self.shown else None
        if (
            plane is None
            or sum(layer > 0 for layer, _ in compiled.index.values()) > MAX_MAP_NEURONS
        ):
            self.clear()
            return False
        if self._same_as_last(compiled, weights, biases, plane):
            return False
        maps = neuron_maps(self.scene.document, compiled, weights, biases, *plane)
        document = self.scene.document
        for neuron_id, item in self.scene.neuron_items.items():
            picture = maps.get(neuron_id)
            if picture is None:
                continue  # an input
            activation = document.activation_of(document.neuron(neuron_id).layer)
            low, high = level_range(activation, [float(picture.min()), float(picture.max())])
            image = item.map_image
            if image is None or image.shape != picture.shape:
                image = MapImage(picture.shape)
            image.fill(picture, low, high)
            item.set_map(image)
        self._last = (compiled, [w.copy() for w in weights],
                      None if biases is None else [b.copy() for b in biases], plane)  # fmt: skip
        self.drawn += 1
        return True

    def _plane_of(self, data, validation):
        """The input plane of ``data``, worked out once per data set."""
        if self._plane[0] is not data or self._plane[1] is not validation:
            self._plane = (data, validation, input_plane(data, validation))
        return self._plane[2]

    def _same_as_last(self, compiled, weights, biases, plane) -> bool:
        if self._last is None:
            return False
        last_compiled, last_weights, last_biases, last_plane = self._last
        return (
            compiled is last_compiled
            and plane is last_plane
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
