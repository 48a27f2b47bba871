"""Network > Probe an Input: every neuron's value for inputs a person types, not a data row.

The inputs are typed in the data's own units ("0.3, 0.9"), or clicked on the
decision plot (two inputs: a left click anywhere on the plane); the editor's canvas
then shows each neuron's net input and output for them, and the status bar
the network's output, until a data row is chosen again.
"""

import re

from PySide6.QtWidgets import QInputDialog, QWidget

from nnsim.errors import NnsimError
from nnsim.gui.plain_text import complain
from nnsim.model.session import Session
from nnsim.text import translate


def probe_text(session: Session, text: str) -> str:
    """Set the session's probe to the numbers in ``text``; what the network answers, in words.

    Raises
    ------
    NnsimError
        For text that is not numbers, or numbers the network cannot take.
    """
    try:
        numbers = [float(part) for part in re.split(r"[\s,;]+", text.strip()) if part]
    except ValueError:
        raise NnsimError(
            translate(
                "Probe", "Type the inputs as numbers separated by commas, not {text}."
            ).format(text=repr(text))
        ) from None
    return probe_inputs(session, numbers)


def probe_inputs(session: Session, numbers) -> str:
    """Set the session's probe to ``numbers`` (the data's own units); the answer, in words.

    Raises
    ------
    NnsimError
        For numbers the network cannot take.
    """
    session.set_probe(numbers)
    output = session.display_network.predict(session.probe[None])[0]
    shown = ", ".join(f"{v:.4g}" for v in numbers)
    answer = ", ".join(f"{v:.4g}" for v in output)
    return translate(
        "Probe", "Probe x = [{inputs}]: output [{outputs}]. Choose a sample to go back to the data."
    ).format(inputs=shown, outputs=answer)


def ask_probe(session: Session, parent: QWidget, start: str = "") -> None:
    """Network > Probe an Input: ask for the inputs, then show the network's values for them."""
    text, ok = QInputDialog.getText(
        parent,
        translate("Probe", "Probe an input"),
        translate("Probe", "Inputs (comma separated):"),
        text=start,
    )
    if not ok:
        return
    try:
        session.say(probe_text(session, text))
    except NnsimError as exc:
        complain(parent, session, translate("Probe", "Cannot probe"), str(exc))
