"""The loss landscape's controls: which plane, how far it reaches, who races.

:class:`LandscapeControls` is the row above the landscape: the plane (random
directions from a seed, or two chosen weights from lists naming them as
"w 1→3 (layer 1)"), its reach (± a distance, or fitted to the run's path),
Compute, Race and the racers.  Rprop and iRprop- start unticked in Racers:
their steps grow up to 50 per weight, so beside them the other paths shrink
into a corner of the plane; ticked, they race too.
"""

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from nnsim.gui.training.landscape_items import numbers
from nnsim.model import landscape
from nnsim.model.landscape_race import racers
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: The planes offered: (key, title shown translated).
PLANES = (
    ("random", QT_TRANSLATE_NOOP("LandscapeControls", "Random directions")),
    ("chosen", QT_TRANSLATE_NOOP("LandscapeControls", "Two chosen weights")),
)
#: Racers left out until ticked (see the module docstring).
UNTICKED = frozenset({"rprop", "irprop-"})


#: The view settings (:mod:`nnsim.model.view_settings`) of the plane, its seed and reach.
PLANE, SEED, REACH = "lossLandscape.plane", "lossLandscape.seed", "lossLandscape.reach"


class LandscapeControls(QWidget):
    """The plane's choices, and the Compute and Race buttons (their ``clicked`` signals)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = QComboBox(objectName="landscapePlane")
        for key, title in PLANES:
            self.kind.addItem(translate("LandscapeControls", title), key)
        self.kind.setToolTip(
            translate("LandscapeControls", "The plane through the weights the error is drawn on")
        )
        self.seed = QSpinBox(objectName="landscapeSeed", minimum=0, maximum=999_999)
        self.seed.setPrefix(translate("LandscapeControls", "seed "))
        self.first = QComboBox(objectName="landscapeFirst")
        self.second = QComboBox(objectName="landscapeSecond")
        self.extent = QDoubleSpinBox(objectName="landscapeRange", minimum=0.0, maximum=1000.0)
        self.extent.setPrefix("± ")
        self.extent.setSingleStep(0.5)
        self.extent.setSpecialValueText(translate("LandscapeControls", "± fit the path"))
        self.extent.setToolTip(
            translate("LandscapeControls", "How far the plane reaches from the weights shown")
        )
        self.compute_button = QPushButton(
            translate("LandscapeControls", "Compute"), objectName="landscapeCompute"
        )
        self.race_button = QPushButton(
            translate("LandscapeControls", "Race"), objectName="landscapeRace"
        )
        self.race_button.setToolTip(
            translate(
                "LandscapeControls", "Train each optimiser ticked in Racers from the run's start"
            )
        )
        self.racers_button = QToolButton(objectName="landscapeRacers")
        self.racers_button.setText(translate("LandscapeControls", "Racers"))
        self.racers_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.racers_menu = QMenu(self.racers_button)
        for racer in racers(1.0):
            action = self.racers_menu.addAction(racer.name)  # a name: data, not translated
            action.setCheckable(True)
            action.setChecked(racer.name not in UNTICKED)
        self.racers_button.setMenu(self.racers_menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.seed, self.first, self.second, self.extent,
                       self.compute_button, self.race_button, self.racers_button):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)
        self._listed = None
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    @property
    def chosen(self) -> bool:
        """Whether the plane is that of two chosen weights (else random directions)."""
        return self.kind.currentData() == "chosen"

    @Slot(int)
    def _kind_changed(self, _index: int = 0) -> None:
        self.seed.setVisible(not self.chosen)
        self.first.setVisible(self.chosen)
        self.second.setVisible(self.chosen)

    def set_network(self, network) -> None:
        """List ``network``'s numbers (None: none) in both choices, keeping those chosen; only
        when they changed (every run starts with a new compile of the same network)."""
        listed = None if network is None else numbers(network)
        if listed == self._listed:
            return
        self._listed = listed
        kept = (self.first.currentData(), self.second.currentData())
        for combo in (self.first, self.second):
            combo.clear()
        for position, text in listed or ():
            self.first.addItem(text, position)
            self.second.addItem(text, position)
        for combo, position, fallback in zip((self.first, self.second), kept, (0, 1), strict=True):
            index = combo.findData(position)
            combo.setCurrentIndex(index if index >= 0 else min(fallback, combo.count() - 1))

    def plane(self, network) -> landscape.Plane:
        """The plane chosen, through ``network``'s weights (ConfigError for an impossible one)."""
        if self.chosen:
            return landscape.chosen_plane(
                network, self.first.currentData(), self.second.currentData()
            )
        return landscape.random_plane(network, np.random.default_rng(self.seed.value()))

    def axis_labels(self) -> tuple[str, str]:
        """The chosen plane's axes, in words."""
        if self.chosen:
            return self.first.currentText(), self.second.currentText()
        return translate("LandscapeControls", "a (random direction 1)"), translate(
            "LandscapeControls", "b (random direction 2)"
        )

    def racers(self, learning_rate: float) -> list:
        """The racers ticked, at ``learning_rate``."""
        ticked = {action.text() for action in self.racers_menu.actions() if action.isChecked()}
        return [racer for racer in racers(learning_rate) if racer.name in ticked]

    def enable(self, running: bool) -> None:
        """Nothing to choose while a computation runs."""
        for widget in (self.kind, self.seed, self.first, self.second, self.extent,
                       self.compute_button, self.race_button, self.racers_button):  # fmt: skip
            widget.setEnabled(not running)

    def restore(self, saved: dict) -> None:
        """Show the plane, seed and reach of ``saved`` view settings (the first ones if none)."""
        self.kind.setCurrentIndex(max(0, self.kind.findData(saved.get(PLANE, PLANES[0][0]))))
        self.seed.setValue(saved.get(SEED, 0))
        self.extent.setValue(saved.get(REACH, 0.0))

    def choices(self) -> dict:
        """The plane, seed and reach chosen, as view settings."""
        return {PLANE: self.kind.currentData(), SEED: self.seed.value(), REACH: self.extent.value()}
