"""The Gradient flow view (``gradientFlow``): how much of the error's gradient reaches each layer.

Two plots over the epochs of the run, one curve per weight layer (log
scale): the layer's root-mean-square gradient, and its update relative to
its weights.  Above them a sentence says whether the gradients reach the
first layer, vanish or explode (:mod:`nnsim.model.gradient_flow`), with the
advice the Diagnostics tab gives.  The numbers come from the session's
:class:`~nnsim.model.insight.TrainingInsight`, measured at each report.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from nnsim.engine import MLP
from nnsim.gui.palette import CLASS_COLOURS
from nnsim.gui.plots import SteadyAxes, run_extent, style_axes
from nnsim.model.gradient_flow import flow_hint, flow_problem, flow_ratio
from nnsim.model.session import Session
from nnsim.text import sentences, translate

#: A healthy update moves a layer's weights by about this share per step.
HEALTHY_RATIO = 1e-3


class GradientFlowView(QWidget):
    """Each layer's gradient size and update ratio over ``session``'s run, and a verdict."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("gradientFlow")
        self.session = session
        self.verdict = QLabel()
        self.verdict.setObjectName("gradientVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.plot = pg.GraphicsLayoutWidget()
        self.plot.setBackground("w")
        # Side by side: the Analysis dock is wide and low.
        self.sizes = self._log_plot(0, translate("GradientFlowView", "gradient size per layer"))
        self.ratios = self._log_plot(
            1, translate("GradientFlowView", "update / weight size per layer")
        )
        healthy = pg.InfiniteLine(
            np.log10(HEALTHY_RATIO), angle=0, pen=pg.mkPen("#999999", style=Qt.PenStyle.DashLine)
        )
        self.ratios.addItem(healthy)
        self.size_axes, self.ratio_axes = SteadyAxes(self.sizes), SteadyAxes(self.ratios)
        # Beside the plots, a layer a row: below them it took the plots' height in a low dock.
        self.legend = pg.LegendItem(labelTextColor="#333333", labelTextSize="8pt", verSpacing=-6)
        self.plot.addItem(self.legend, row=0, col=2)
        self.legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.plot.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)
        self.curves: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []
        self._drawn = None  # (reports kept, newest epoch) last drawn
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.verdict)
        layout.addWidget(self.plot, 1)
        self._say_verdict()

    def _log_plot(self, column: int, title: str) -> pg.PlotItem:
        plot = self.plot.addPlot(row=0, col=column, title=title)
        style_axes(plot)
        plot.setLogMode(y=True)
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setLabel("bottom", translate("GradientFlowView", "epoch"))
        return plot

    def draw(self) -> None:
        """Redraw from the session's records, if on screen and they have grown or shrunk."""
        if not self.isVisible():
            return
        record = self.session.insight.gradients
        drawn = (len(record), int(record.epochs[-1]) if len(record) else 0)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        self._draw_curves()
        self._say_verdict()

    def _draw_curves(self) -> None:
        insight = self.session.insight
        epochs, sizes, ratios = (
            insight.gradients.epochs,
            insight.gradients.rows,
            insight.ratios.rows,
        )
        layers = sizes.shape[1] if len(epochs) else 0
        if layers != len(self.curves):
            self._make_curves(layers)
        for layer, (size_curve, ratio_curve) in enumerate(self.curves):
            size_curve.setData(epochs, _positive(sizes[:, layer]))
            ratio_curve.setData(epochs, _positive(ratios[:, layer]))
        extent = run_extent(self.session, int(epochs[-1]) if len(epochs) else 0)
        self.size_axes.show(extent, sizes)
        self.ratio_axes.show(extent, np.append(ratios, HEALTHY_RATIO))  # its line in view

    def _make_curves(self, layers: int) -> None:
        for size_curve, ratio_curve in self.curves:
            self.sizes.removeItem(size_curve)
            self.ratios.removeItem(ratio_curve)
        self.legend.clear()
        self.curves = []
        names = _layer_names(self.session.display_network, layers)
        for layer, name in enumerate(names):
            pen = pg.mkPen(CLASS_COLOURS[layer % len(CLASS_COLOURS)], width=2)
            size_curve = self.sizes.plot(pen=pen)
            self.curves.append((size_curve, self.ratios.plot(pen=pen)))
            self.legend.addItem(size_curve, name)

    def _say_verdict(self) -> None:
        network, history = self.session.display_network, self.session.history
        latest = self.session.insight.gradients.latest
        error = float(history.train[-1]) if history.count else None
        if not isinstance(network, MLP):
            text = translate(
                "GradientFlowView",
                "Gradient flow is for multi-layer perceptrons: a perceptron learns by its own "
                "rule, with no gradient sent back through layers.",
            )
        elif latest is None:
            text = translate(
                "GradientFlowView",
                "Train the network to see how much of the error's gradient reaches each layer.",
            )
        elif problem := flow_problem(latest, error):
            hint = flow_hint(problem, flow_ratio(latest))
            text = sentences(hint.text, hint.advice)
        elif (ratio := flow_ratio(latest)) is not None:
            text = translate(
                "GradientFlowView",
                "The gradients reach the first layer: it gets {ratio} of the output layer's.",
            ).format(ratio=f"{ratio:.2g}")
        else:
            text = translate(
                "GradientFlowView",
                "One layer of weights: its gradient is all there is to see.",
            )
        self.verdict.setText(text)

    def table(self) -> tuple[list[str], list[list]]:
        """Epoch, then each layer's gradient size and update ratio, one row per report kept."""
        insight = self.session.insight
        sizes, ratios = insight.gradients.rows, insight.ratios.rows
        layers = sizes.shape[1] if sizes.size else 0
        header = ["epoch"]
        header += [f"gradient size layer {k + 1}" for k in range(layers)]
        header += [f"update ratio layer {k + 1}" for k in range(layers)]
        rows = [
            [int(epoch), *map(float, size_row), *map(float, ratio_row)]
            for epoch, size_row, ratio_row in zip(
                insight.gradients.epochs, sizes, ratios, strict=True
            )
        ]
        return header, rows


def _positive(values: np.ndarray) -> np.ndarray:
    """Values a log axis can draw: zeros (a layer at rest) drawn as NaN, a gap."""
    return np.where(values > 0, values, np.nan)


def _layer_names(network: MLP, layers: int) -> list[str]:
    """ "layer 1 (2→8)" for each of the first ``layers`` weight layers of ``network``."""
    name = translate("GradientFlowView", "layer {layer} ({inputs}→{outputs})")
    sizes = network.layer_sizes
    return [name.format(layer=k + 1, inputs=sizes[k], outputs=sizes[k + 1]) for k in range(layers)]
