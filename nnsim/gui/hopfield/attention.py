r"""The modern Hopfield update, shown (``attentionView``): what beta does.

The stored patterns :math:`x_\mu` are the columns of :math:`X`; from the grid's
pattern :math:`\xi`, the update

.. math::  \xi^{new} = X \operatorname{softmax}(\beta X^T \xi)

(:func:`~nnsim.engine.hopfield_dense.modern_update`, Ramsauer et al. 2020) is
repeated until the state stops moving (:func:`~nnsim.engine.hopfield_dense.modern_recall`).
It is a transformer's attention: the query is the state, the keys and the values
are the stored patterns, and :math:`\beta` is the inverse temperature of the
softmax (in a transformer, :math:`1 / \sqrt{d}`).  The view shows the state it
settles in as grey levels (``attentionState``: black +1, white -1, grey in
between) and the attention weights :math:`\operatorname{softmax}(\beta X^T \xi)`
of the grid's pattern, a bar per stored pattern (``attentionWeights``).  A large
beta (``attentionBeta``) puts all the weight on the nearest pattern, which comes
back whole in one step; a small one spreads it, and the state is a grey mixture.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QSplitter, QVBoxLayout, QWidget

from nnsim.engine.hopfield_dense import attention_weights, modern_recall
from nnsim.gui.palette import TRAIN
from nnsim.gui.plain_text import plain_label
from nnsim.gui.plots import style_axes
from nnsim.gui.project.exporting import install_exports
from nnsim.model.memory import PatternMemory
from nnsim.text import translate

#: The beta slider's steps: beta = 10^(step / STEPS_PER_DECADE), from 10^-3 to 10^0.
LOWEST_STEP, HIGHEST_STEP, STEPS_PER_DECADE = -60, 0, 20
FIRST_STEP = -40  # beta = 0.01


def beta_of(step: int) -> float:
    """The beta of a slider step: 10^(step / 20)."""
    return 10.0 ** (step / STEPS_PER_DECADE)


class AttentionView(QWidget):
    """The modern update of ``memory``'s stored patterns from its grid's pattern, at a beta."""

    def __init__(self, memory: PatternMemory, parent=None):
        super().__init__(parent)
        self.setObjectName("attentionView")
        self.memory = memory
        self.beta = QSlider(Qt.Orientation.Horizontal, objectName="attentionBeta")
        self.beta.setRange(LOWEST_STEP, HIGHEST_STEP)
        self.beta.setValue(FIRST_STEP)
        self.beta.setToolTip(
            translate(
                "AttentionView",
                "The softmax's inverse temperature: large, the state becomes the nearest "
                "stored pattern; small, a mixture of them",
            )
        )
        self.beta_text = QLabel(objectName="attentionBetaText")
        self.state_widget = pg.PlotWidget(background="w", objectName="attentionState")
        self.state_widget.setTitle(
            translate("AttentionView", "The state it settles in"), color="#333333"
        )
        self.state_widget.getPlotItem().hideAxis("left")
        self.state_widget.getPlotItem().hideAxis("bottom")
        self.state_widget.getPlotItem().getViewBox().invertY(True)
        self.state_widget.getPlotItem().getViewBox().setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(np.linspace(255, 0, 256).astype(np.uint8))  # -1 white, +1 black
        self.state_widget.addItem(self.image)
        self.weights_widget = pg.PlotWidget(background="w", objectName="attentionWeights")
        self.weights_widget.setTitle(
            translate("AttentionView", "Attention weights of the grid's pattern"), color="#333333"
        )
        style_axes(self.weights_widget.getPlotItem())
        self.weights_widget.setLabel("left", translate("AttentionView", "weight"))
        self.weights_widget.setYRange(0, 1.05)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=TRAIN)
        self.weights_widget.addItem(self.bars)
        self.exports = install_exports(self.weights_widget, "attention", self.table)
        self.note = plain_label(objectName="attentionNote")  # it names patterns
        self.note.setWordWrap(True)
        self.weights = np.zeros(0)
        self.state = np.zeros(0)
        self._lay_out()
        self.beta.valueChanged.connect(self.refresh)
        memory.changed.connect(self._memory_changed)
        self.refresh()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("AttentionView", "beta")))
        row.addWidget(self.beta, 1)
        row.addWidget(self.beta_text)
        explained = QLabel(
            translate(
                "AttentionView",
                "xi_new = X softmax(beta X^T xi): a transformer's attention, with the state as "
                "the query and the stored patterns as the keys and the values.",
            )
        )
        explained.setWordWrap(True)
        plots = QSplitter(Qt.Orientation.Vertical)
        plots.addWidget(self.state_widget)
        plots.addWidget(self.weights_widget)
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addLayout(row)
        layout.addWidget(plots, 1)
        layout.addWidget(self.note)

    def set_memory(self, memory: PatternMemory) -> None:
        self.memory.changed.disconnect(self._memory_changed)
        self.memory = memory
        memory.changed.connect(self._memory_changed)
        self.refresh()

    def _memory_changed(self, part: str) -> None:
        if part in ("current", "stored"):
            self.refresh()

    def table(self) -> tuple[tuple[str, ...], list[list]]:
        """The bars' numbers: one row per stored pattern, its name and attention weight."""
        rows = [[name, float(w)] for name, w in zip(self.memory.stored_names, self.weights,
                                                     strict=True)]  # fmt: skip
        return ("pattern", "attention weight"), rows

    def refresh(self) -> None:
        """Settle from the grid's pattern at the chosen beta; show the state and the weights."""
        beta = beta_of(self.beta.value())
        self.beta_text.setText(f"{beta:.3g}")
        memory, patterns = self.memory, self.memory.network.patterns
        if memory.network.states == "binary":
            patterns = 2.0 * patterns - 1.0
        if not len(patterns):
            self.weights, self.state = np.zeros(0), np.zeros(0)
            self.image.clear()
            self.bars.setOpts(x=[], height=[])
            self.note.setText(
                translate("AttentionView", "Store patterns to see how beta mixes them.")
            )
            return
        self.weights = attention_weights(patterns, memory.current, beta)
        states, _ = modern_recall(patterns, memory.current, beta)
        self.state = states[-1]
        self.image.setImage(self.state.reshape(memory.rows, memory.columns), levels=(-1.0, 1.0))
        self.bars.setOpts(x=np.arange(len(self.weights)), height=self.weights)
        names = memory.stored_names
        self.weights_widget.getPlotItem().getAxis("bottom").setTicks(
            [list(enumerate(names))] if len(names) <= 20 else None
        )
        best = int(np.argmax(self.weights))
        said = translate(
            "AttentionView",
            "The largest weight: {name}, {weight}. Settled in {steps} steps, overlapping "
            "{name} by {overlap}.",
        )
        self.note.setText(said.format(
            name=repr(names[best]), weight=f"{self.weights[best]:.2f}", steps=len(states) - 1,
            overlap=f"{self.state @ patterns[best] / len(self.state):.2f}",
        ))  # fmt: skip
