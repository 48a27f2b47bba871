"""Setting a number of the network by hand: the editor asks, the session sets it, one undo step.

A double-click on a connection (or on a neuron, for its bias), or Set Weight…
and Set Bias… in the editor's right-click menu, ask for the number; the
session sets it in the network (:meth:`~nnsim.model.session.Session.set_number`),
every view follows at once (outputs, error, decision boundary), and Undo puts
the old number back.  While training holds the network the session refuses,
and the status bar says why.
"""

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QInputDialog, QWidget

from nnsim.errors import NnsimError
from nnsim.gui.commands import NumberCommand
from nnsim.model.session import Session
from nnsim.text import translate

#: The largest number the dialog takes; weights far past it saturate every activation.
LIMIT = 1e6


class NumberSetter(QObject):
    """Answers ``view.number_requested`` for ``session``: asks, sets, one undo step."""

    def __init__(self, session: Session, undo_stack, view, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.undo_stack, self.dialog_parent = session, undo_stack, parent
        view.number_requested.connect(self.ask)

    @Slot(str, object)
    def ask(self, target: str, source: str | None) -> None:
        """Ask for the number (starting from the one now) and set it."""
        current = self.current(target, source)
        if current is None:
            return
        value = self.ask_value(*self.words(target, source), current)
        if value is not None:
            self.set(value, target, source)

    def words(self, target: str, source: str | None) -> tuple[str, str]:
        """The dialog's title and question, naming neurons as a person sees them."""
        document = self.session.document
        if source is None:
            return translate("NumberSetter", "Set Bias"), translate(
                "NumberSetter", "The bias of {neuron}:"
            ).format(neuron=neuron_words(document, target))
        return translate("NumberSetter", "Set Weight"), translate(
            "NumberSetter", "The weight from {source} to {target}:"
        ).format(source=neuron_words(document, source), target=neuron_words(document, target))

    def current(self, target: str, source: str | None) -> float | None:
        """The number shown now, or None (said why) when there is no network to set it in."""
        session = self.session
        if session.busy:
            session.say(
                translate(
                    "NumberSetter",
                    "Training is using the network: stop it to set a number by hand.",
                )
            )
            return None
        try:
            return session.number(target, source)
        except NnsimError as exc:
            session.say(str(exc))
            return None

    def ask_value(self, title: str, question: str, current: float) -> float | None:
        """The number a person types (None if cancelled); tests replace this."""
        value, ok = QInputDialog.getDouble(
            self.dialog_parent, title, question, current, -LIMIT, LIMIT, 6
        )
        return value if ok else None

    def set(self, value: float, target: str, source: str | None) -> bool:
        """Set the number, as one undo step; False (said why) if the session refuses."""
        try:
            before = self.session.set_number(value, target, source)
        except NnsimError as exc:
            self.session.say(str(exc))
            return False
        self.undo_stack.push(NumberCommand(self.session, target, source, before, value))
        return True


def neuron_words(document, neuron_id: str) -> str:
    """A neuron as a person finds it on the canvas: "neuron 2 of hidden layer 1", or "the
    output neuron" when its layer has one; translated, each phrase whole."""
    layer = document.neuron(neuron_id).layer
    members = document.neurons_of(layer)
    role, hidden = document.role(layer), document.layer_index(layer)
    if document.kind == "rbm":
        return _unit_words(role, members.index(neuron_id) + 1)
    if len(members) == 1:
        if role == "input":
            return translate("Numbers", "the input neuron")
        if role == "output":
            return translate("Numbers", "the output neuron")
        return translate("Numbers", "the neuron of hidden layer {layer}").format(layer=hidden)
    number = members.index(neuron_id) + 1
    if role == "input":
        return translate("Numbers", "neuron {number} of the input layer").format(number=number)
    if role == "output":
        return translate("Numbers", "neuron {number} of the output layer").format(number=number)
    return translate("Numbers", "neuron {number} of hidden layer {layer}").format(
        number=number, layer=hidden
    )


def _unit_words(role: str, number: int) -> str:
    """A Boltzmann machine's unit: "visible neuron 3", "hidden neuron 5" (translated)."""
    if role == "visible":
        return translate("Numbers", "visible neuron {number}").format(number=number)
    return translate("Numbers", "hidden neuron {number}").format(number=number)
