"""Train > Compare With and Without Regulariser…: one network trained twice, side by side.

Overfitting is easiest to see beside a run that does not overfit.  The
comparison trains the network in the editor on its data twice, each time
from the seed's initial weights and for the settings' epochs: first with
the chosen regulariser off (0), then with it at the chosen strength.  Both
runs go through the window's own training worker (so the window answers
and the plots move) and are kept by the Runs view's log, which highlights
the one setting they differ in; the Runs view then comes to the front.
The regulariser is L2 weight decay, input noise, or dropout: a rate of each
hidden layer rather than a setting, set on every hidden layer alike, which
the Runs view shows in its Network row.

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

from nnsim.gui.commands import DocumentCommand, SettingCommand
from nnsim.gui.plain_text import message_box, plain_label
from nnsim.model import Change
from nnsim.model.runs import dropout_rates
from nnsim.model.settings import SPECS, short_title, title
from nnsim.text import translate

#: Dropout: a property of each hidden layer (its rate), where the others are settings.
DROPOUT = "dropout"

#: The regularisers offered, with the strength first suggested: enough to show the
#: difference on a small noisy data set (measured on 20 moons samples, noise 0.35, a
#: 2-24-24-1 network: the held-out error falls to about a third with L2 or input noise).
REGULARISERS = {"l2": 0.01, "input_noise": 0.2, DROPOUT: 0.2}
#: The highest dropout rate offered (a rate of 1 would leave no neuron).
MAX_DROPOUT = 0.9


def regularisers_for(document) -> list[str]:
    """The regularisers that mean something for ``document``'s network: dropout needs
    hidden layers of an MLP."""
    names = [name for name in REGULARISERS if name != DROPOUT]
    found = [name for name in names if document.kind in SPECS[name].kinds]
    if document.kind == "mlp" and len(document.layers) > 2:
        found.append(DROPOUT)
    return found


def regulariser_title(name: str) -> str:
    """The regulariser ``name`` as shown (translated): its setting's title, or dropout's."""
    if name == DROPOUT:
        return translate("RegulariserDialog", "Dropout (every hidden layer)")
    return title(SPECS[name])


class Regulariser:
    """The regulariser ``name`` of ``window``'s network: a setting, or every hidden layer's
    dropout rate (a property of each layer); read, set, and its change made an undo step."""

    def __init__(self, window, name: str):
        self.window, self.name = window, name

    @property
    def hidden(self) -> list:
        return self.window.document.layers[1:-1]

    def value(self):
        """The setting's value, or the hidden layers' dropout rates (a tuple)."""
        if self.name == DROPOUT:
            return dropout_rates(self.window.document)
        return self.window.settings[self.name]

    def strength(self, strength: float):
        """The value that sets every part of the regulariser to ``strength``."""
        return (strength,) * len(self.hidden) if self.name == DROPOUT else strength

    def set(self, value) -> None:
        """Set it (not an undo step: :meth:`record` makes the whole change one)."""
        if self.name != DROPOUT:
            self.window.settings.set(self.name, value)
            return
        for layer, rate in zip(self.hidden, value, strict=True):
            self.window.document.set_property(layer.id, DROPOUT, rate)

    def record(self, before) -> None:
        """Make the change from ``before`` to the value now one undo step (made already)."""
        window, now = self.window, self.value()
        if now == before:
            return
        if self.name != DROPOUT:
            window.undo_stack.push(SettingCommand(window.settings, self.name, before, now))
            return
        properties = tuple(
            (layer.id, DROPOUT, old, new)
            for layer, old, new in zip(self.hidden, before, now, strict=True)
        )
        text = translate("RegulariserComparison", "Set dropout")
        window.undo_stack.push(
            DocumentCommand(window.document, text, Change(properties=properties))
        )


class RegulariserDialog(QDialog):
    """Which regulariser to compare, and how strong (``regulariserDialog``)."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("regulariserDialog")
        self.setWindowTitle(translate("RegulariserDialog", "Compare With and Without Regulariser"))
        self.choice = QComboBox(objectName="regulariserChoice")
        for name in regularisers_for(document):
            self.choice.addItem(regulariser_title(name), name)
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
            spec = SPECS.get(name)
            self.strength.setRange(0.0, MAX_DROPOUT if spec is None else spec.high)
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
        self._regulariser: Regulariser | None = None  # the one compared, while running
        self._original = None
        self._values: list = []  # the regulariser's values still to train with
        window.session.events.state_changed.connect(self._state_changed)

    @property
    def running(self) -> bool:
        return self._regulariser is not None

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
        name, strength = self.choose(session.document)
        if name is not None:
            self.compare(name, strength)

    def choose(self, document) -> tuple[str | None, float]:
        """The regulariser and strength chosen in the dialog; (None, 0) if cancelled (tests
        replace this)."""
        dialog = RegulariserDialog(document, self.window)
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
        """Train with regulariser ``name`` at 0, then at ``strength``, each from the seed."""
        regulariser = self._regulariser = Regulariser(self.window, name)
        self._original = regulariser.value()
        self._values = [regulariser.strength(0.0), regulariser.strength(strength)]
        self._train_next()

    def _train_next(self) -> None:
        window, session = self.window, self.window.session
        window.controller.shutdown()  # the last run's worker let go before the next starts
        self._regulariser.set(self._values.pop(0))
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
        window, regulariser = self.window, self._regulariser
        self._regulariser, self._values = None, []
        regulariser.record(self._original)
        if completed:
            analysis = window.analysis
            analysis.show_view(analysis.views["runComparison"])
            window.session.say(
                translate(
                    "RegulariserComparison",
                    "Both runs are in the Runs view; the network holds the one with {setting}.",
                ).format(setting=_in_words(regulariser.name))
            )
        self.ended.emit(completed)


def _in_words(name: str) -> str:
    """The regulariser ``name`` for the middle of a sentence: "L2 penalty", "dropout"."""
    if name == DROPOUT:
        return translate("RegulariserComparison", "dropout")
    return short_title(SPECS[name])
