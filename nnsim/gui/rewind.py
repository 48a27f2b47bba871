"""The rewind bar under the error plot: move the whole window back to an earlier epoch.

Dragging the slider (``rewindSlider``) shows the weights as they were at the
nearest snapshot (the controller keeps one every few epochs): the editor's
colours, the decision boundary and the weights plot all follow, and a line
on the error plot marks the epoch.  **Train From Here** makes that the
network's state, forgetting the epochs after it, so training starts again
from there.  While training runs the bar follows the latest epoch.
"""

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSlider, QWidget

from nnsim.gui.palette import WRONG


class RewindBar(QWidget):
    """The slider, a label saying what is shown, and Train From Here, for one main window.

    The window provides ``controller``, ``error_plot``, ``status`` and
    ``redraw()``; it calls :meth:`follow` after every redraw.
    """

    def __init__(self, window):
        super().__init__()
        self.setObjectName("rewindBar")
        self.window = window
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="rewindSlider")
        self.slider.setToolTip("Drag back to see the network as it was at an earlier epoch")
        self.slider.valueChanged.connect(self._moved)
        self.label = QLabel(objectName="rewindLabel")
        self.button = QPushButton("Train From Here", objectName="trainFromHereButton")
        self.button.setToolTip("Go back to this epoch: the later epochs are forgotten")
        self.button.clicked.connect(self.train_from_here)
        layout = QGridLayout(self)  # the slider gets the whole width of a narrow dock
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(QLabel("Rewind"), 0, 0)
        layout.addWidget(self.slider, 0, 1, 1, 2)
        layout.addWidget(self.label, 1, 1)
        layout.addWidget(self.button, 1, 2)
        layout.setColumnStretch(1, 1)
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(WRONG, style=Qt.PenStyle.DotLine))
        self.shown: int | None = None  # the epoch shown, None while following the latest
        self._first = 0  # the earliest epoch there is a snapshot of
        self._quiet = False
        self.follow()

    @property
    def latest(self) -> int:
        return self.window.controller.history.count

    def forget(self) -> None:
        """The window shows the latest weights again (a step, a report, a new network)."""
        self.shown = None

    def follow(self) -> None:
        """Keep the bar at the latest epoch, unless a person has moved it back."""
        controller = self.window.controller
        running = controller.state in ("training", "pausing")
        if running or (self.shown is not None and self.shown > self.latest):
            self.shown = None  # training shows what it does now; a reset has no past
        first = controller.snapshots.first
        first = self.latest if first is None else min(first, self.latest)
        can_rewind = self.latest > first
        self._first = first
        self._quiet = True
        # Nothing to show before the first snapshot.  With nothing to go back to, the
        # slider is off, its handle at the right end like the latest epoch it stands for
        # (a range of one value draws the handle at the left).
        self.slider.setRange(first if can_rewind else self.latest - 1, self.latest)
        if self.shown is None:
            self.slider.setValue(self.latest)
        self._quiet = False
        self.slider.setEnabled(not running and can_rewind)
        self.button.setEnabled(self.shown is not None and not running)
        self._label()

    def _moved(self, epoch: int) -> None:
        if self._quiet:
            return
        controller = self.window.controller
        epoch = max(epoch, self._first)  # the one-value range's spare slot shows the latest
        if epoch >= self.latest:
            self.shown = None
            self.window.show_latest_weights()
        else:
            self.shown = controller.rewind(epoch)
        self._label()
        self.window.redraw()

    def _label(self) -> None:
        plot = self.window.error_plot.widget
        if self.shown is None:
            self.label.setText(f"epoch {self.latest} (latest)")
            if self.marker.scene() is not None:
                plot.removeItem(self.marker)
            return
        self.label.setText(f"epoch {self.shown} of {self.latest}")
        self.marker.setValue(self.shown)
        if self.marker.scene() is None:
            plot.addItem(self.marker)

    def train_from_here(self) -> None:
        """Make the epoch shown the network's state, the later ones forgotten."""
        if self.shown is None:
            return
        epoch = self.window.controller.train_from(self.shown)
        self.shown = None
        self.window.status.clear()  # no progress or error to show until training goes on
        self.window.status.show_message(
            f"Back at epoch {epoch}: the epochs after it are forgotten; Train goes on from here."
        )
        self.follow()
        self.window.redraw()
