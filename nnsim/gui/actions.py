"""Actions with the names, shortcuts and tooltips of DESIGN.md section 7."""

from PySide6.QtGui import QAction, QKeySequence

#: Training actions: key -> (objectName, text, shortcut, tooltip).
TRAINING_ACTIONS = {
    "start": ("actionTrainStart", "&Train", "F5", "Start training, or resume it (F5)"),
    "pause": ("actionTrainPause", "&Pause", "F6", "Pause training; press again to resume (F6)"),
    "step": ("actionTrainStep", "&Step", "F10", "Train exactly one epoch, then pause (F10)"),
    "sample": (
        "actionTrainStepSample",
        "Step One S&ample",
        "Shift+F10",
        "Learn from the next training sample alone, then pause (Shift+F10)",
    ),
    "stop": ("actionTrainStop", "St&op", "Shift+F5", "Stop training; the weights stay (Shift+F5)"),
    "reset": (
        "actionTrainReset",
        "&Reset Weights",
        "Ctrl+R",
        "New random weights from the seed, and an empty error history (Ctrl+R)",
    ),
}


def make_action(parent, name: str, text: str, shortcut, tip: str) -> QAction:
    """A QAction called ``name`` with a shortcut (a string, a StandardKey or "") and a tooltip."""
    action = QAction(text, parent)
    action.setObjectName(name)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action
