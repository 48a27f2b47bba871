"""Train > Compare With and Without Regulariser…: one network trained twice, side by side.

Overfitting is easiest to see beside a run that does not overfit.  The
comparison trains the network in the editor on its data twice, each time
from the seed's initial weights and for the settings' epochs: first with
the chosen regulariser off (0), then with it at the chosen strength.  Both
runs go through the window's own training worker (so the window answers
and the plots move) and are kept by the Runs view's log, which highlights
the one setting they differ in; the Runs view then comes to the front.

The network ends holding the regularised run (the one the setting now
says; Restore in the Runs view switches), and the setting's change from
before the comparison is one undo step.  The person's own weights are never
replaced without asking: unsaved work is asked about first.  Stopping
either run ends the comparison there.
"""

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QMessageBox,
    QVBoxLayout,
)

from nnsim.gui.commands import SettingCommand
from nnsim.gui.plain_text import message_box, plain_label
from nnsim.model.settings import SPECS, title
from nnsim.text import translate

#: The regularisers offered, with the strength first suggested: enough to show the
#: difference on a small noisy data set (measured on 20 moons samples, noise 0.35, a
#: 2-24-24-1 network: the held-out error falls to about a third with either).
REGULARISERS = {"l2": 0.01, "input_noise": 0.2}


def regularisers_for(kind: str) -> list[str]:
    """The regularisers that mean something for a network of ``kind`` ("mlp", "perceptron")."""
    return [name for name in REGULARISERS if kind in SPECS[name].kinds]


class RegulariserDialog(QDialog):
    """Which regulariser to compare, and how strong (``regulariserDialog``)."""

    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        self.setObjectName("regulariserDialog")
        self.setWindowTitle(translate("RegulariserDialog", "Compare With and Without Regulariser"))
        self.choice = QComboBox(objectName="regulariserChoice")
        for name in regularisers_for(kind):
            self.choice.addItem(title(SPECS[name]), name)
        self.strength = QDoubleSpinBox(objectName="regulariserStrength", decimals=4)
        self.strength.setSingleStep(0.01)
        self.choice.currentIndexChanged.connect(self._suggest)
        self._suggest()
        form = QFormLayout()
        form.addRow(translate("RegulariserDialog", "Regulariser:"), self.choice)
        form.addRow(translate("RegulariserDialog", "Strength:"), self.strength)
        hint = plain_label(
            translate(
                "RegulariserDialog",
                "The network is trained twice from its seed's weights, without the regulariser "
                "and with it, and both runs are shown side by side in the Runs view. "
                "Overfitting shows best with few noisy samples, a big network and a validation "
                "share: for example moons, 40 samples, noise 0.35, validation share 0.5 and two "
                "hidden layers of 24.",
            ),
            wordWrap=True,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("RegulariserDialog", "Train Both")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _suggest(self) -> None:
        """The chosen regulariser's range, and its suggested strength."""
        name = self.chosen()[0]
        if name is not None:
            spec = SPECS[name]
            self.strength.setRange(spec.low, spec.high)
            self.strength.setValue(REGULARISERS[name])

    def chosen(self) -> tuple[str | None, float]:
        """(setting name, strength) as chosen."""
        return self.choice.currentData(), self.strength.value()


class RegulariserComparison(QObject):
    """The action ``actionCompareRegulariser`` and the two runs it trains, one after the other.

    It uses the window's ``session``, ``settings``, ``controller``,
    ``undo_stack``, ``files`` (whether work is unsaved), ``analysis`` (the
    Runs view) and ``ask_to_stop``.

    Signals
    -------
    ended(bool)
        The comparison is over: True when both runs were trained and kept.
    """

    ended = Signal(bool)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.action = QAction(
            translate("RegulariserComparison", "Compare With and Without &Regulariser…"), window
        )
        self.action.setObjectName("actionCompareRegulariser")
        self.action.setStatusTip(
            translate(
                "RegulariserComparison",
                "Train the network twice from its seed's weights, without and with a "
                "regulariser, and compare the runs",
            )
        )
        self.action.triggered.connect(self.start)
        self._name: str | None = None  # the setting compared, while a comparison runs
        self._original = None
        self._values: list[float] = []  # the setting's values still to train with
        window.session.events.state_changed.connect(self._state_changed)

    @property
    def running(self) -> bool:
        return self._name is not None

    def start(self) -> None:
        """Ask what to compare (and about unsaved weights), then train both runs."""
        window, session = self.window, self.window.session
        if session.is_hopfield or self.running:
            return
        what = translate("RegulariserComparison", "compare regularisers")
        if session.busy and not window.ask_to_stop(what):
            return
        if window.files.modified() and not self.ask_to_replace():
            return
        name, strength = self.choose(session.document.kind)
        if name is not None:
            self.compare(name, strength)

    def choose(self, kind: str) -> tuple[str | None, float]:
        """The regulariser and strength chosen in the dialog; (None, 0) if cancelled (tests
        replace this)."""
        dialog = RegulariserDialog(kind, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen() if accepted else (None, 0.0)
        dialog.deleteLater()
        return chosen

    def ask_to_replace(self) -> bool:
        """Whether unsaved weights may be replaced by the two runs (tests replace this)."""
        box = message_box(
            QMessageBox.Icon.Question,
            translate("RegulariserComparison", "Compare With and Without Regulariser"),
            translate(
                "RegulariserComparison",
                "The network's weights are not saved: training it twice replaces them. "
                "Train anyway?",
            ),
            self.window,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def compare(self, name: str, strength: float) -> None:
        """Train with setting ``name`` at 0, then at ``strength``, each from the seed."""
        self._name, self._original = name, self.window.settings[name]
        self._values = [0.0, strength]
        self._train_next()

    def _train_next(self) -> None:
        window, session = self.window, self.window.session
        window.controller.shutdown()  # the last run's worker let go before the next starts
        window.settings.set(self._name, self._values.pop(0))
        session.reset()
        if not window.controller.start():
            session.say(session.problem or "")
            self._end(False)

    def _state_changed(self, state: str) -> None:
        if not self.running or state not in ("finished", "stopped"):
            return
        if state == "finished" and self._values:
            QTimer.singleShot(0, self._train_next)  # after the worker's own end
        else:
            self._end(state == "finished")

    def _end(self, completed: bool) -> None:
        """The setting's change from before the comparison becomes one undo step; with both
        runs kept, the Runs view comes to the front."""
        window, name, original = self.window, self._name, self._original
        self._name, self._values = None, []
        now = window.settings[name]
        if now != original:
            window.undo_stack.push(SettingCommand(window.settings, name, original, now))
        if completed:
            analysis = window.analysis
            analysis.show_view(analysis.views["runComparison"])
            window.session.say(
                translate(
                    "RegulariserComparison",
                    "Both runs are in the Runs view; the network holds the one with {setting}.",
                ).format(setting=title(SPECS[name]))
            )
        self.ended.emit(completed)
