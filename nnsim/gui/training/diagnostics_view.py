"""The Diagnostics tab: plain-language hints while and after training, and the gradient check.

:class:`DiagnosticsView` (``diagnosticsView``) lists the hints of
:func:`~nnsim.model.diagnostics.diagnose` for a session, at each frame while
it is on screen; :func:`check_gradients` is Network > Check Gradients.
"""

import html
import math

from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from nnsim.engine import MLP
from nnsim.errors import NnsimError
from nnsim.gui.plain_text import message_box
from nnsim.model.diagnostics import Hint, diagnose, gradient_check
from nnsim.model.session import Session
from nnsim.text import translate

#: The gradient check uses at most this many samples, and networks of at most this many
#: parameters (two error evaluations each): beyond, it would keep the window waiting.
CHECK_SAMPLES = 20
CHECK_PARAMETERS = 5_000
#: Relative errors below this mean backpropagation and finite differences agree.
AGREEMENT = 1e-6


class DiagnosticsView(QTextBrowser):
    """What the diagnostics see in ``session``, with what to try."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("diagnosticsView")
        self.session = session
        self.hints: list[Hint] = []
        self.show_hints([])

    def draw(self) -> None:
        """Diagnose the network shown and its history so far, if on screen."""
        session = self.session
        if self.isVisible() and session.compiled is not None:
            target = session.settings.training_config().target_error
            network, history = session.display_network, session.history
            self.show_hints(diagnose(network, session.data, history.train, target))

    def show_hints(self, hints: list[Hint]) -> None:
        if [h.kind for h in hints] == [h.kind for h in self.hints] and self.toPlainText():
            return  # unchanged: keep the reader's scroll position
        self.hints = hints
        if not hints:
            self.setHtml(
                translate(
                    "DiagnosticsView",
                    "<p><b>Nothing to report.</b> The diagnostics watch for a plateau, saturated "
                    "hidden units, weights that never broke their symmetry, an error that "
                    "oscillates, and a perceptron on classes no line separates.</p>",
                )
            )
            return
        items = "".join(
            f"<li><p><b>{html.escape(hint.text)}</b><br>{html.escape(hint.advice)}</p></li>"
            for hint in hints
        )
        self.setHtml(f"<ul>{items}</ul>")  # not translated: HTML around the hints


def check_gradients(session: Session, parent: QWidget) -> str:
    """Network > Check Gradients: backpropagation against finite differences, said in words
    (through the session, and in a dialog over ``parent``); returns what it said."""
    network = session.display_network
    if not isinstance(network, MLP):
        text = translate(
            "DiagnosticsView",
            "The gradient check is for multi-layer perceptrons: a perceptron's rule does not "
            "follow a gradient of its output.",
        )
    elif (
        count := sum(w.size + b.size for w, b in zip(network.weights, network.biases, strict=True))
    ) > CHECK_PARAMETERS:
        text = translate(
            "DiagnosticsView",
            "This network has {count} weights and biases; checking each by finite differences "
            "would take too long (the check takes up to {limit}).",
        ).format(count=f"{count:,}", limit=f"{CHECK_PARAMETERS:,}")
    else:
        data = session.data
        try:
            worst = gradient_check(network, data.X[:CHECK_SAMPLES], data.T[:CHECK_SAMPLES])
        except NnsimError as exc:  # a step layer: no gradient to check
            text = translate("DiagnosticsView", "No gradient to check: {reason}").format(reason=exc)
        else:
            verdict = (
                translate("DiagnosticsView", "backpropagation agrees with finite differences.")
                if worst < AGREEMENT or math.isclose(worst, 0.0)
                else translate(
                    "DiagnosticsView",
                    "larger than expected: a kink of the activation (relu, step) near a sample "
                    "can cause this.",
                )
            )
            text = translate(
                "DiagnosticsView",
                "Largest relative error over {count} weights and biases: {error}; {verdict}",
            ).format(count=f"{count:,}", error=f"{worst:.2g}", verdict=verdict)
    session.say(text)
    title = translate("DiagnosticsView", "Gradient check")
    box = message_box(QMessageBox.Icon.Information, title, text, parent)
    box.setObjectName("gradientCheckDialog")
    box.open()
    return text
