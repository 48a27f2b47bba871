"""Actions with the names, shortcuts and tooltips of DESIGN.md section 7.

:func:`make_action` translates an action's text and tooltip under the context
``"Actions"``: a caller passes English marked ``QT_TRANSLATE_NOOP("Actions", ...)``
(so ``lupdate`` lists it there), or a text it translated itself (one with
fields, say), which ``"Actions"`` does not know and so keeps as it is.
"""

import re

from PySide6.QtGui import QAction, QKeySequence

from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Training actions: key -> (objectName, text, shortcut, tooltip).
TRAINING_ACTIONS = {
    "start": (
        "actionTrainStart",
        QT_TRANSLATE_NOOP("Actions", "&Train"),
        "F5",
        QT_TRANSLATE_NOOP("Actions", "Start training, or resume it (F5)"),
    ),
    "pause": (
        "actionTrainPause",
        QT_TRANSLATE_NOOP("Actions", "&Pause"),
        "F6",
        QT_TRANSLATE_NOOP("Actions", "Pause training; press again to resume (F6)"),
    ),
    "step": (
        "actionTrainStep",
        QT_TRANSLATE_NOOP("Actions", "&Step"),
        "F10",
        QT_TRANSLATE_NOOP("Actions", "Train exactly one epoch, then pause (F10)"),
    ),
    "sample": (
        "actionTrainStepSample",
        QT_TRANSLATE_NOOP("Actions", "Step One S&ample"),
        "Shift+F10",
        QT_TRANSLATE_NOOP(
            "Actions", "Learn from the next training sample alone, then pause (Shift+F10)"
        ),
    ),
    "stop": (
        "actionTrainStop",
        QT_TRANSLATE_NOOP("Actions", "St&op"),
        "Shift+F5",
        QT_TRANSLATE_NOOP("Actions", "Stop training; the weights stay (Shift+F5)"),
    ),
    "reset": (
        "actionTrainReset",
        QT_TRANSLATE_NOOP("Actions", "&Reset Weights"),
        "Ctrl+R",
        QT_TRANSLATE_NOOP(
            "Actions", "New random weights from the seed, and an empty error history (Ctrl+R)"
        ),
    ),
}
#: A menu text's accelerator: "&" before a letter, or a translation's "(&F)" after its words.
_ACCELERATOR = re.compile(r"\s*\(&[^&)]\)|&(?=[^&])")


def make_action(parent, name: str, text: str, shortcut, tip: str) -> QAction:
    """A QAction called ``name`` with a shortcut (a string, a StandardKey or "") and a tooltip.

    ``text`` and ``tip`` are translated under the context ``"Actions"`` (see the
    module docstring); ``name`` and ``shortcut`` are data, never translated.
    """
    words = translate("Actions", text)
    action = QAction(words, parent)
    if "(&" in words:  # "训练(&T)": Qt's toolbar would show "训练(T)", dropping only the "&"
        action.setIconText(without_accelerator(words))
    action.setObjectName(name)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    tip = translate("Actions", tip)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


def without_accelerator(text: str) -> str:
    """A menu text as words: ``"&File"`` is ``"File"``, ``"文件(&F)"`` is ``"文件"``, and
    ``"Error && boundary"`` is ``"Error & boundary"``."""
    return _ACCELERATOR.sub("", text).replace("&&", "&")
