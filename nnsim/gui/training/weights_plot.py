"""Every weight at a glance (``weightsPlot``): a Hinton diagram per layer and a histogram.

A Hinton diagram draws weight ``W[j, i]`` (to neuron j from input i) as a
square in row j, column i, blue for positive and vermillion for negative,
its area proportional to ``|w| / max|w|`` of the layer.  Matrices with more
than ``HINTON_LIMIT`` entries are drawn as an image of the same colours
instead.  Below them, a histogram of all the network's weights.  The plot
shows a session's display network, redrawn at each frame while it is on screen.
"""

import numpy as np
import pyqtgraph as pg

from nnsim.gui.palette import NEGATIVE, POSITIVE
from nnsim.gui.plots import style_axes
from nnsim.model.session import Session
from nnsim.text import translate

#: Above this many weights a layer is drawn as an image, not as squares.
HINTON_LIMIT = 4096
HISTOGRAM_BINS = 40


class WeightsPlot:
    """Per-layer weight matrices and a histogram of ``session``'s display network."""

    def __init__(self, session: Session):
        self.session = session
        self.widget = pg.GraphicsLayoutWidget()
        self.widget.setBackground("w")
        self.widget.setObjectName("weightsPlot")
        self.layers: list[tuple[pg.PlotItem, pg.GraphicsObject]] = []
        self.histogram = None
        self._shapes: list[tuple[int, int]] = []

    def draw(self) -> None:
        """Draw the weights shown now, if the plot is on screen (its tab shown, its dock open)."""
        if self.widget.isVisible() and self.session.compiled is not None:
            self.show_weights(self.session.display_network.parameters()[0])

    def set_network(self, weights) -> None:
        """Lay out one diagram per weight matrix (shape (n_out, n_in)) and the histogram."""
        self.widget.clear()
        self.layers, self._shapes = [], [w.shape for w in weights]
        title = translate("WeightsPlot", "layer {layer}: {shape}")
        source, target = translate("WeightsPlot", "from"), translate("WeightsPlot", "to")
        skips = translate("WeightsPlot", "{title} (from column {column} on: skips)")
        for k, matrix in enumerate(weights):
            named = title.format(layer=k + 1, shape=_shape(matrix))
            before = weights[k - 1].shape[0] if k else matrix.shape[1]  # the previous layer
            if matrix.shape[1] > before:  # skip connections' columns follow the previous layer's
                named = skips.format(title=named, column=before + 1)
            plot = self.widget.addPlot(row=0, col=k, title=named)
            style_axes(plot)
            plot.setLabel("bottom", source)
            plot.setLabel("left", target)
            plot.invertY(True)  # row 0 at the top, as the matrix is written
            plot.setAspectLocked(True)
            item = _matrix_item(matrix.size)
            plot.addItem(item)
            self.layers.append((plot, item))
        self.histogram = self.widget.addPlot(row=1, col=0, colspan=max(len(weights), 1))
        style_axes(self.histogram)
        self.histogram.setTitle(translate("WeightsPlot", "all weights"))
        self.histogram.setLabel("bottom", translate("WeightsPlot", "weight w"))
        self.histogram.setLabel("left", translate("WeightsPlot", "count"))
        self.bars = pg.PlotDataItem(
            stepMode="center", fillLevel=0, brush="#0072B2AA", pen=pg.mkPen("#0072B2")
        )
        self.histogram.addItem(self.bars)
        self.show_weights(weights)
        for plot, _ in self.layers:
            plot.autoRange()

    def show_weights(self, weights) -> None:
        """Redraw the diagrams and the histogram for new values of the same matrices."""
        if [w.shape for w in weights] != self._shapes:
            self.set_network(weights)
            return
        for (_, item), matrix in zip(self.layers, weights, strict=True):
            _draw_matrix(item, np.asarray(matrix))
        every = np.concatenate([np.ravel(w) for w in weights])
        every = every[np.isfinite(every)]  # a histogram of numbers only
        if every.size == 0:
            self.bars.setData([], [])
            return
        counts, edges = np.histogram(every, bins=min(HISTOGRAM_BINS, max(5, every.size // 3)))
        self.bars.setData(edges, counts)


def _shape(matrix) -> str:
    return f"{matrix.shape[0]} x {matrix.shape[1]}"


def _matrix_item(size: int):
    if size > HINTON_LIMIT:
        return pg.ImageItem(axisOrder="row-major")
    return pg.ScatterPlotItem(symbol="s", pxMode=False, pen=None)


def _draw_matrix(item, matrix: np.ndarray) -> None:
    largest = float(np.abs(matrix).max()) or 1.0
    if isinstance(item, pg.ImageItem):
        item.setLookupTable(_diverging_lut())
        item.setImage(matrix, levels=(-largest, largest))
        return
    rows, columns = np.indices(matrix.shape)
    sizes = np.sqrt(np.abs(matrix) / largest) * 0.95  # area proportional to |w|
    brushes = np.where(matrix.ravel() >= 0, _BRUSHES[0], _BRUSHES[1])
    item.setData(
        x=columns.ravel(), y=rows.ravel(), size=np.maximum(sizes.ravel(), 0.02), brush=brushes
    )


_BRUSHES = (pg.mkBrush(POSITIVE), pg.mkBrush(NEGATIVE))


def _diverging_lut() -> np.ndarray:
    colours = [pg.mkColor(NEGATIVE), pg.mkColor("#FFFFFF"), pg.mkColor(POSITIVE)]
    stops = pg.ColorMap([0.0, 0.5, 1.0], [c.getRgb()[:3] for c in colours])
    return stops.getLookupTable(0.0, 1.0, 256)
