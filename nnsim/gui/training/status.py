"""The status bar's training read-out: state, progress with time left, error, speed.

:class:`TrainingStatus` follows a session: its run state as it changes, its
latest report at each frame of :class:`~nnsim.gui.training.live_view.LiveView`, its
data's size in the sample selector.  Messages come from the window, which
connects ``session.events.message`` to :meth:`TrainingStatus.show_message`.
"""

import time

import numpy as np
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QSpinBox

from nnsim.gui.plain_text import plain
from nnsim.model.session import Session
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Each run state's name in the status bar (translated when shown, context "Status").
STATE_TEXT = {
    "ready": QT_TRANSLATE_NOOP("Status", "Ready"),
    "training": QT_TRANSLATE_NOOP("Status", "Training"),
    "pausing": QT_TRANSLATE_NOOP("Status", "Pausing…"),
    "paused": QT_TRANSLATE_NOOP("Status", "Paused"),
    "stopped": QT_TRANSLATE_NOOP("Status", "Stopped"),
    "finished": QT_TRANSLATE_NOOP("Status", "Finished"),
}
#: How a run that ended before its last epoch says so: it did all it had to.
EARLY_ENDS = {
    "target_error": QT_TRANSLATE_NOOP("Status", "target error reached at epoch {epoch}"),
    # (the message beside it says why)
    "no_improvement": QT_TRANSLATE_NOOP("Status", "stopped early at epoch {epoch}"),
}
#: A time left in seconds, minutes and hours (translated when shown, context "Status").
DURATION_UNITS = (
    QT_TRANSLATE_NOOP("Status", "{0} s"),
    QT_TRANSLATE_NOOP("Status", "{0} min"),
    QT_TRANSLATE_NOOP("Status", "{0} h"),
)
#: How long a message stays in the status bar, in milliseconds.
MESSAGE_MS = 10_000
#: Pixels between the message and the widgets at the bar's right, and the least room kept.
MESSAGE_GAP = 12


class TrainingStatus(QObject):
    """Widgets in a QStatusBar that follow ``session``'s training.

    ``sample_selector`` (objectName ``sampleSelector``) picks the sample whose
    values the canvas shows; the main window puts it on its toolbar.  It counts
    the session's training samples and moves to the one a perceptron just saw.

    A QObject (a child of the bar) so that the signals of each new network's
    panels and controller connect to :meth:`show_message` as a Qt slot: a plain
    Python receiver got one PySide weak reference per connection, kept for
    good, three more with every project opened (tests/gui/test_leaks.py).
    """

    def __init__(self, status_bar, session: Session):
        super().__init__(status_bar)
        self.bar, self.session = status_bar, session
        # Translated once: the read-out is written at every frame of a run (the window is
        # built again when the language changes).
        self._states = {state: translate("Status", text) for state, text in STATE_TEXT.items()}
        self._early_ends = {why: translate("Status", text) for why, text in EARLY_ENDS.items()}
        self._texts = {
            "epoch": translate("TrainingStatus", "epoch {epoch} of {epochs}"),
            "error": translate("TrainingStatus", "error {error}"),
            "validation": translate("TrainingStatus", "validation {error}"),
            "speed": translate("TrainingStatus", "{rate} epochs/s"),
            "left": translate("TrainingStatus", "%p% · {left} left"),
        }
        self._units = tuple(translate("Status", unit) for unit in DURATION_UNITS)
        self.state = QLabel(self._states["ready"])
        self.state.setObjectName("trainingState")
        self.progress = QProgressBar()
        self.progress.setObjectName("trainingProgress")
        self.progress.setMaximumWidth(260)
        self.progress.setFormat("%p%")
        self.error = QLabel()
        self.error.setObjectName("trainingError")
        self.speed = QLabel()
        self.speed.setObjectName("trainingSpeed")
        #: What stands at the bar's right, always.
        self.permanent = (self.state, self.progress, self.error, self.speed)
        for widget in self.permanent:
            status_bar.addPermanentWidget(widget)
        self._message = ""
        self.sample_selector = QSpinBox()
        self.sample_selector.setObjectName("sampleSelector")
        self.sample_selector.setPrefix(translate("TrainingStatus", "Sample "))
        self.sample_selector.setToolTip(
            translate("TrainingStatus", "The input whose values the network diagram shows")
        )
        self.sample_selector.setMinimum(1)
        self._last: tuple[float, int] | None = None  # (time, epoch) of the previous report
        self.epochs_per_second = 0.0
        events = session.events
        events.state_changed.connect(self._state_changed)
        events.network_changed.connect(self._network_changed)
        events.document_replaced.connect(self._new_document)
        events.sample_stepped.connect(self._sample_stepped)
        if session.compiled is not None:
            self._network_changed()

    def draw(self) -> None:
        """Show the session's latest report, if there is one (at each frame)."""
        if self.session.latest is not None:
            self.show_report(self.session.latest, self.session.state)

    def _state_changed(self, state: str) -> None:
        latest = self.session.latest
        if state == "ready" and latest is None:
            self.clear()  # no progress or error to show until training goes on
        self.show_state(state, latest)

    def _network_changed(self, *_compiled) -> None:
        """Count the new network's samples; without a report (after a reset) show no progress."""
        self.set_samples(self.session.data.n_samples)
        if self.session.latest is None:
            self.clear()

    def _new_document(self) -> None:
        """Another network and its data: the first sample is shown (a number left from the
        data before would name another row, and a lesson's "the first row" would be wrong)."""
        self.sample_selector.setValue(1)

    def _sample_stepped(self, row: int) -> None:
        self.sample_selector.setValue(row + 1)

    def clear(self, messages: bool = False) -> None:
        """Back to a network that has not been trained: no progress, error or speed.

        With ``messages`` the status bar's message goes too (another network
        is opened: what was said was about the one before).
        """
        if messages:
            self.bar.clearMessage()
        self.progress.reset()
        self.progress.setFormat("%p%")
        self.error.setText("")
        self.speed.setText("")
        self._last = None
        self.epochs_per_second = 0.0

    def set_samples(self, count: int) -> None:
        self.sample_selector.setMaximum(max(count, 1))
        self.sample_selector.setSuffix(
            translate("TrainingStatus", " of {count}").format(count=count)
        )

    @Slot(str)
    def show_message(self, text: str) -> None:
        """Show ``text`` for a while, ending in "…" where the bar's room ends (large fonts,
        a long sentence); the whole of it is then the bar's tooltip."""
        shown = self._fitted(text)
        self.bar.showMessage(shown, MESSAGE_MS)
        self.bar.setToolTip(plain(text) if shown != text else "")  # (may quote a file)
        self._message = text

    def _fitted(self, text: str) -> str:
        """``text`` cut to the room left of the permanent widgets, with "…" (all of it while
        the bar is not shown: its room is not known yet)."""
        if not self.bar.isVisible():
            return text
        taken = sum(w.width() + MESSAGE_GAP for w in self.permanent if w.isVisible())
        room = max(self.bar.width() - taken - MESSAGE_GAP, MESSAGE_GAP)
        return self.bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)

    @property
    def message(self) -> str:
        """The message shown now, whole ("" when none)."""
        return self._message if self.bar.currentMessage() else ""

    def withdraw(self, text: str) -> None:
        """Take ``text`` off the status bar if it is still there (it no longer holds)."""
        if text and self.message == text:
            self.bar.clearMessage()

    def show_state(self, state: str, report=None) -> None:
        """'Training · epoch 1,234 of 5,000', 'Paused · ...', 'Ready' ...

        A run that finished early (it met its target error) says at which epoch, so the
        progress bar short of 100% reads as epochs used, not work left undone.
        """
        text = self._states.get(state, state)
        early = self._early_ends.get(getattr(report, "stop_reason", None))
        if report is not None and early and state == "finished":
            text += " · " + early.format(epoch=f"{report.epoch:,}")
        elif report is not None and state != "ready":
            text += " · " + self._texts["epoch"].format(
                epoch=f"{report.epoch:,}", epochs=f"{report.max_epochs:,}"
            )
        self.state.setText(text)
        if state != "training":
            self._last = None
            self.speed.setText("")
            self.progress.setFormat("%p%")

    def show_report(self, report, state: str) -> None:
        """Progress, time left, current error and epochs per second after a report."""
        done_early = state == "finished" and report.stop_reason in EARLY_ENDS
        self.progress.setMaximum(report.epoch if done_early else report.max_epochs)  # (all done)
        self.progress.setValue(report.epoch)
        text = self._texts["error"].format(error=f"{report.train_loss:.6g}")
        if report.validation_loss is not None and np.isfinite(report.validation_loss):
            # (the held-out part's)
            text += " · " + self._texts["validation"].format(error=f"{report.validation_loss:.6g}")
        self.error.setText(text)
        now = time.perf_counter()
        if self._last is not None and now > self._last[0] and report.epoch > self._last[1]:
            rate = (report.epoch - self._last[1]) / (now - self._last[0])
            smooth = 0.8 * self.epochs_per_second if self.epochs_per_second else 0.0
            self.epochs_per_second = smooth + (0.2 if smooth else 1.0) * rate
            self.speed.setText(self._texts["speed"].format(rate=f"{self.epochs_per_second:,.0f}"))
            left = (report.max_epochs - report.epoch) / self.epochs_per_second
            self.progress.setFormat(self._texts["left"].format(left=_duration(left, self._units)))
        if state == "training":
            self._last = (now, report.epoch)
        self.show_state(state, report)


def _duration(seconds: float, units: tuple[str, str, str] = DURATION_UNITS) -> str:
    """``seconds`` as "40 s", "12 min" or "1.5 h", in ``units`` (:data:`DURATION_UNITS`
    translated)."""
    if seconds < 60:
        return units[0].format(f"{seconds:.0f}")
    if seconds < 3600:
        return units[1].format(f"{seconds / 60:.0f}")
    return units[2].format(f"{seconds / 3600:.1f}")
