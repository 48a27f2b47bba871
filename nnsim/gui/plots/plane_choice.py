"""The two inputs the decision plot and the neuron maps are drawn over (``planeInputX/Y``).

For data with more than two inputs of their own that are not images (iris'
four), a row above the decision plot offers two lists of the data's inputs:
the plot and the editor's maps show the network's answer over those two, the
others held at their mean over the training data
(:func:`nnsim.model.neuron_maps.plane_inputs`).  Hidden for other data.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Each list's name and the label before it.
COMBOS = (
    ("planeInputX", QT_TRANSLATE_NOOP("PlaneChoice", "Map over x:")),
    ("planeInputY", QT_TRANSLATE_NOOP("PlaneChoice", "y:")),
)


class PlaneChoice(QWidget):
    """Two lists of the data's inputs: the plane's x and y (``planeInputX``, ``planeInputY``).

    ``chosen(x, y)`` is emitted when the person picks another input; picking for
    one axis the input the other shows swaps them, so the two always differ.
    """

    chosen = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("planeChoice")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 0)
        self.combos = []
        for axis, (name, text) in enumerate(COMBOS):
            combo = QComboBox()
            combo.setObjectName(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setToolTip(
                translate("PlaneChoice", "The other inputs are held at their training mean.")
            )
            combo.activated.connect(lambda index, axis=axis: self._picked(axis, index))
            label = QLabel(translate("PlaneChoice", text))
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
            self.combos.append(combo)
        row.addStretch(1)
        self.axes = (0, 1)
        self.hide()

    def offer(self, names, axes: tuple[int, int]) -> None:
        """Offer inputs ``names`` (None: hide the choice) with ``axes`` chosen."""
        self.setVisible(names is not None)
        if names is None:
            return
        self.axes = axes
        for combo, index in zip(self.combos, axes, strict=True):
            if [combo.itemText(k) for k in range(combo.count())] != list(names):
                combo.clear()
                combo.addItems(list(names))  # a combo's items are plain text
            combo.setCurrentIndex(index)

    def _picked(self, axis: int, index: int) -> None:
        axes = list(self.axes)
        if axes[1 - axis] == index:
            axes[1 - axis] = axes[axis]  # the other axis takes the input given up
        axes[axis] = index
        self.offer([self.combos[0].itemText(k) for k in range(self.combos[0].count())], tuple(axes))
        self.chosen.emit(*self.axes)


def choice_panel(choice: PlaneChoice, plot: QWidget) -> QWidget:
    """The decision plot's panel: ``choice`` above ``plot``."""
    panel = QWidget()
    column = QVBoxLayout(panel)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(choice)
    column.addWidget(plot, 1)
    return panel
