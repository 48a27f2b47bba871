"""The rewind bar under the error plot: move the whole window back to an earlier epoch.

Dragging the slider (``rewindSlider``) shows the weights as they were at the
nearest snapshot (the session keeps one every few epochs): the editor's
colours, the decision boundary and the weights plot all follow, and a line
on the error plot marks the epoch.  **Train From Here** makes that the
network's state, forgetting the epochs after it, so training starts again
from there.  While training runs the bar follows the latest epoch.  The
session keeps the epoch shown; the bar asks it to rewind and follows its events.
"""

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSlider, QWidget

from nnsim.gui.palette import WRONG
from nnsim.model.session import Session
from nnsim.text import translate


class RewindBar(QWidget):
    """The slider, a label saying what is shown, and Train From Here, for ``session``.

    ``plot`` is the error plot's widget, where a line marks the epoch shown.
    """

    def __init__(self, session: Session, plot: pg.PlotWidget):
        super().__init__()
        self.setObjectName("rewindBar")
        self.session, self.plot = session, plot
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="rewindSlider")
        self.slider.setToolTip(
            translate("RewindBar", "Drag back to see the network as it was at an earlier epoch")
        )
        self.slider.valueChanged.connect(self._moved)
        self.label = QLabel(objectName="rewindLabel")
        self.button = QPushButton(
            translate("RewindBar", "Train From Here"), objectName="trainFromHereButton"
        )
        self.button.setToolTip(
            translate("RewindBar", "Go back to this epoch: the later epochs are forgotten")
        )
        self.button.clicked.connect(self.train_from_here)
        layout = QGridLayout(self)  # the slider gets the whole width of a narrow dock
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(QLabel(translate("RewindBar", "Rewind")), 0, 0)
        layout.addWidget(self.slider, 0, 1, 1, 2)
        layout.addWidget(self.label, 1, 1)
        layout.addWidget(self.button, 1, 2)
        layout.setColumnStretch(1, 1)
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(WRONG, style=Qt.PenStyle.DotLine))
        # Translated once: the label is written at every frame of a run.
        self._latest_text = translate("RewindBar", "epoch {epoch} (latest)")
        self._shown_text = translate("RewindBar", "epoch {epoch} of {latest}")
        self._fix_label_size()
        self._first = 0  # the earliest epoch there is a snapshot of
        self._quiet = False
        events = session.events
        # (The live view calls follow() as it draws a report.)
        for event in (events.rewound, events.state_changed, events.network_changed,
                      events.document_replaced):  # fmt: skip
            event.connect(self.follow)
        self.follow()

    @property
    def shown(self) -> int | None:
        """The epoch shown, None while the latest is."""
        return self.session.shown_epoch

    @property
    def latest(self) -> int:
        return self.session.history.count

    def follow(self, *_what_changed) -> None:
        """Keep the bar at the epoch the session shows: the latest, unless moved back."""
        session = self.session
        running = session.state in ("training", "pausing")
        first = session.snapshots.first
        first = self.latest if first is None else min(first, self.latest)
        can_rewind = self.latest > first
        self._first = first
        self.slider.setEnabled(not running and can_rewind)
        if not (running and self.slider.value() == self.slider.maximum()):
            self._set_range(can_rewind)
        self.button.setEnabled(self.shown is not None and not running)
        self._label()

    def _set_range(self, can_rewind: bool) -> None:
        """The slider from the first snapshot to the latest epoch, at the epoch shown.

        Not while a run goes on and the handle stands at the right end: the slider is
        off then, and moving the handle to the same place at every frame only painted
        the slider and the dock behind it again (0.35 ms of an 8 ms frame).
        """
        self._quiet = True
        # Nothing to show before the first snapshot.  With nothing to go back to, the
        # slider is off, its handle at the right end like the latest epoch it stands for
        # (a range of one value draws the handle at the left).
        self.slider.setRange(self._first if can_rewind else self.latest - 1, self.latest)
        if self.shown is None:
            self.slider.setValue(self.latest)
        self._quiet = False

    def _fix_label_size(self) -> None:
        """Give the label a fixed size, wide enough for eight-digit epochs.

        Its text changes at every frame of a run: a label whose size may change asks
        its layout to be redone and its parents to repaint behind it (1.3 ms of a
        frame's 6-7 ms painting); a fixed, opaque one only repaints itself (1.8 ms less).
        """
        widest = self._shown_text.format(epoch=88_888_888, latest=88_888_888)
        self.label.setFixedSize(
            self.label.fontMetrics().horizontalAdvance(widest) + 4,
            self.label.fontMetrics().height() + 2,
        )
        self.label.setAutoFillBackground(True)

    def _moved(self, epoch: int) -> None:
        if self._quiet:
            return
        epoch = max(epoch, self._first)  # the one-value range's spare slot shows the latest
        self.session.rewind(epoch)  # the session says rewound: follow() shows it

    def _label(self) -> None:
        plot = self.plot
        if self.shown is None:
            self.label.setText(self._latest_text.format(epoch=self.latest))
            if self.marker.scene() is not None:
                plot.removeItem(self.marker)
            return
        self.label.setText(self._shown_text.format(epoch=self.shown, latest=self.latest))
        self.marker.setValue(self.shown)
        if self.marker.scene() is None:
            plot.addItem(self.marker)

    def train_from_here(self) -> None:
        """Make the epoch shown the network's state, the later ones forgotten."""
        if self.shown is not None:
            self.session.train_from(self.shown)
