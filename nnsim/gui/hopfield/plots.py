"""Live plots of recall: the energy (``energyPlot``), the overlaps (``overlapPlot``), the
recall's path (``distancePlot``), the weights.

The energy is drawn after every update, so its fall (never a rise, in
asynchronous mode at T = 0; fluctuations at T > 0) can be seen step by step;
the overlap with each stored pattern, m = ξ·s / N, is measured at every
frame, so a person sees which memory is winning.  The path is the Hamming
distance to each stored pattern (solid) and to its inverse (dashed, the
mirror attractor), d = N (1 ∓ m) / 2: which basin recall is falling into.
The weights view shows the N x N matrix as an image.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from nnsim.gui.palette import CLASS_COLOURS, NEGATIVE, POSITIVE, TRAIN
from nnsim.gui.plain_text import escaped
from nnsim.gui.plots import legend_below, style_axes
from nnsim.model.basins import path_distances
from nnsim.model.memory import PatternMemory
from nnsim.text import translate

#: Stored patterns beyond this many share one grey, unnamed curve style.
NAMED_CURVES = 10


def _plot(name: str, title: str, left: str) -> pg.PlotWidget:
    widget = pg.PlotWidget(background="w")
    widget.setObjectName(name)
    widget.setTitle(title, color="#333333")
    widget.showGrid(x=True, y=True, alpha=0.2)
    style_axes(widget.getPlotItem())
    widget.setLabel("bottom", translate("Plots", "updates"))
    widget.setLabel("left", left)
    return widget


class RecallPlots:
    """The energy, overlap and distance plots of one recall at a time."""

    def __init__(self):
        self.energy_widget = _plot("energyPlot", translate("RecallPlots", "Energy"), "E")
        self.distance_widget = _plot(
            "distancePlot",
            translate("RecallPlots", "Distance to each pattern, - - its inverse"),
            translate("RecallPlots", "Hamming distance"),
        )
        self.distance_legend = legend_below(self.distance_widget)
        self.overlap_widget = _plot(
            "overlapPlot", translate("RecallPlots", "Overlap with each stored pattern"), "m"
        )
        self.overlap_widget.setYRange(-1.05, 1.05)
        self.legend = legend_below(self.overlap_widget)  # under the curves, not over them
        self.energy_curve = self.energy_widget.plot(pen=pg.mkPen(TRAIN, width=2))
        self.energies: list[np.ndarray] = []
        self.overlaps: list[np.ndarray] = []
        self.distances: list[np.ndarray] = []  # (2, P) a frame: to each pattern, to its inverse
        self.frame_updates: list[int] = []
        self.names: tuple[str, ...] = ()  # the stored patterns the overlaps are with
        self._curves: list = []
        self._distance_curves: list = []  # to each pattern, then to each inverse

    def start(self, memory: PatternMemory, probe: np.ndarray) -> None:
        """A new recall from ``probe``: the curves start at its energy and overlaps."""
        network = memory.network
        self.energies = [np.array([network.energy(probe)])]
        self.overlaps = [network.overlaps(probe)]
        self.distances = [path_distances(network.patterns, probe)]
        self.frame_updates = [0]
        self.names = tuple(memory.stored_names)
        self._curves = self._make_curves(self.overlap_widget, self.legend, Qt.PenStyle.SolidLine)
        self._distance_curves = [
            *self._make_curves(self.distance_widget, self.distance_legend, Qt.PenStyle.SolidLine),
            *self._make_curves(self.distance_widget, None, Qt.PenStyle.DashLine),
        ]
        self.distance_widget.setYRange(0, network.n_neurons)
        self._title_energy(0.0)
        self._draw()

    def _make_curves(self, widget: pg.PlotWidget, legend, style) -> list:
        """One curve per stored pattern in ``widget`` (cleared first when a ``legend`` is
        given), the first NAMED_CURVES in colour and named in ``legend``, the rest grey."""
        if legend is not None:
            widget.clear()
            legend.clear()
        curves = []
        for k, name in enumerate(self.names):
            named = k < NAMED_CURVES
            colour = CLASS_COLOURS[k % len(CLASS_COLOURS)] if named else "#BBBBBB"
            pen = pg.mkPen(colour, width=2 if named else 1, style=style)
            shown = escaped(name) if named and legend is not None else None  # legend: HTML
            curves.append(widget.plot(pen=pen, name=shown))
        return curves

    def add(self, memory: PatternMemory, frame) -> None:
        """A frame of recall: its energies, and the overlaps of its state."""
        if not self.frame_updates:
            return
        self.energies.append(frame.energies)
        self.overlaps.append(memory.network.overlaps(frame.state))
        self.distances.append(path_distances(memory.network.patterns, frame.state))
        self.frame_updates.append(frame.updates)
        self._title_energy(frame.temperature)
        self._draw()

    def _title_energy(self, temperature: float) -> None:
        """Title the energy plot with the temperature of the sweep under way (none at 0)."""
        title = translate("RecallPlots", "Energy")
        if temperature:
            title = translate("RecallPlots", "Energy at T = {temperature}")
            title = title.format(temperature=f"{temperature:.3g}")
        if title != self.energy_widget.getPlotItem().titleLabel.text:
            self.energy_widget.setTitle(title, color="#333333")

    def energy_table(self) -> tuple[tuple[str, ...], list[list[float]]]:
        """The energy curve's numbers: (header, one row per update)."""
        energies = np.concatenate(self.energies) if self.energies else np.zeros(0)
        return ("update", "energy"), [[k, float(e)] for k, e in enumerate(energies)]

    def overlap_table(self) -> tuple[tuple[str, ...], list[list[float]]]:
        """The overlap curves' numbers: (header, one row per frame: its update, each m)."""
        rows = [[u, *map(float, m)] for u, m in zip(self.frame_updates, self.overlaps, strict=True)]
        return ("update", *(f"overlap with {name}" for name in self.names)), rows

    def distance_table(self) -> tuple[tuple[str, ...], list[list[float]]]:
        """The path's numbers: (header, one row per frame: its update, the distance to each
        pattern, then to each pattern's inverse)."""
        rows = [[u, *map(float, d.ravel())]
                for u, d in zip(self.frame_updates, self.distances, strict=True)]  # fmt: skip
        header = ("update", *(f"distance to {name}" for name in self.names),
                  *(f"distance to inverse of {name}" for name in self.names))  # fmt: skip
        return header, rows

    def _draw(self) -> None:
        energies = np.concatenate(self.energies)
        self.energy_curve.setData(np.arange(len(energies)), energies)
        overlaps = np.array(self.overlaps)
        for k, curve in enumerate(self._curves):
            curve.setData(self.frame_updates, overlaps[:, k])
        distances = np.array(self.distances).reshape(len(self.distances), -1)
        for k, curve in enumerate(self._distance_curves):
            curve.setData(self.frame_updates, distances[:, k])


class WeightsView:
    """The weight matrix as an image (``hopfieldWeights``): blue positive, orange negative."""

    def __init__(self):
        self.widget = _plot(
            "hopfieldWeights",
            translate("WeightsView", "Weights w_ij"),
            translate("WeightsView", "neuron i"),
        )
        self.widget.setLabel("bottom", translate("WeightsView", "neuron j"))
        self.widget.getPlotItem().getViewBox().invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(_diverging_lut())
        self.widget.addItem(self.image)
        self.weights = np.zeros((0, 0))  # the matrix shown

    def table(self) -> tuple[tuple[str, ...], list[list[float]]]:
        """The matrix shown: one row per neuron i, w_ij for each j."""
        n = self.weights.shape[1]
        header = ("neuron i", *(f"w_i{j}" for j in range(n)))
        return header, [[i, *map(float, row)] for i, row in enumerate(self.weights)]

    def show(self, weights: np.ndarray) -> None:
        """Draw the N x N matrix filling the plot, its axes the neurons 0 to N.

        The cells need not be square: a locked aspect showed a wide or tall
        panel's extra room as neurons -60 to 160 of a 100-neuron net.
        """
        self.weights = weights
        largest = float(np.abs(weights).max()) or 1.0
        self.image.setImage(weights, levels=(-largest, largest))
        rows, columns = weights.shape
        view = self.widget.getPlotItem().getViewBox()
        view.setLimits(xMin=0, xMax=columns, yMin=0, yMax=rows)  # no panning off the matrix
        view.setRange(xRange=(0, columns), yRange=(0, rows), padding=0)


def _diverging_lut() -> np.ndarray:
    """256 colours from the negative colour through white to the positive one."""
    negative, positive = (
        np.array(pg.mkColor(c).getRgb()[:3], dtype=float) for c in (NEGATIVE, POSITIVE)
    )
    share = np.linspace(-1.0, 1.0, 256)[:, None]
    white = np.full(3, 255.0)
    lut = np.where(
        share < 0, white - share * (negative - white), white + share * (positive - white)
    )
    return lut.astype(np.uint8)
