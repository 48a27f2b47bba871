"""Moving through the window's panels with the keyboard.

View > Go To puts the keyboard in a panel: Ctrl+1 the middle of the window
(the network editor, or the pattern grid of a Hopfield memory), then for a
trainable network Ctrl+2 Parameters, Ctrl+3 Data, Ctrl+4 Plots and Ctrl+5
Explain, and for a Hopfield memory Ctrl+2 Patterns and Ctrl+3 Recall.  A
panel closed or behind another's tab is shown first.  Tab and Shift+Tab then
move within the window in Qt's order (the contents of a dock behind another's
tab are disabled, so Tab passes them: see :mod:`nnsim.gui.window.docks`).
"""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from nnsim.gui.actions import make_action, without_accelerator
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: The name Help > Keyboard Shortcuts gives an action, where its menu text is not
#: enough ("Data" in View > Go To is "Go to Data" there).
LISTED_AS = "listedAs"
#: (dock object name, menu text, shortcut) per kind: False trainable, True Hopfield.
#: The texts are translated by make_action, under "Actions".
PANELS = {
    False: (
        ("parametersDock", QT_TRANSLATE_NOOP("Actions", "&Parameters"), "Ctrl+2"),
        ("dataDock", QT_TRANSLATE_NOOP("Actions", "&Data"), "Ctrl+3"),
        ("plotsDock", QT_TRANSLATE_NOOP("Actions", "P&lots"), "Ctrl+4"),
        ("explainDock", QT_TRANSLATE_NOOP("Actions", "&Explain a Step"), "Ctrl+5"),
        ("analysisDock", QT_TRANSLATE_NOOP("Actions", "&Analysis"), "Ctrl+6"),
    ),
    True: (
        ("patternsDock", QT_TRANSLATE_NOOP("Actions", "&Patterns"), "Ctrl+2"),
        ("recallDock", QT_TRANSLATE_NOOP("Actions", "&Recall"), "Ctrl+3"),
    ),
}


def is_tab_stop(widget: QWidget) -> bool:
    """Whether Tab may stop at ``widget``: enabled, visible, taking focus from Tab."""
    return (
        widget.isEnabled()
        and widget.isVisible()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def entry_point(panel: QWidget) -> QWidget | None:
    """The Tab stop a person reads first in ``panel``: the top one, then the leftmost.

    (Qt's focus chain is not walked from Python: PySide then takes the widgets it
    returns for children of the widget asked, and deletes them with it.)
    """
    stops = [w for w in (panel, *panel.findChildren(QWidget)) if is_tab_stop(w)]
    if not stops:
        return None

    def reading_order(widget: QWidget) -> tuple[int, int, bool]:
        corner = widget.mapTo(panel, QPoint(0, 0))
        return corner.y(), corner.x(), widget is not panel

    return min(stops, key=reading_order)


def show_and_focus(panel: QWidget) -> None:
    """Show ``panel`` (a dock, or the middle of the window) and give it the keyboard."""
    if isinstance(panel, QDockWidget):
        panel.show()
        panel.raise_()  # to the front of its tabs
    stop = entry_point(panel)
    if stop is not None:
        stop.setFocus(Qt.FocusReason.TabFocusReason)


class PanelKeys:
    """View > Go To: an action per panel, those of the kind not shown hidden.

    Parameters
    ----------
    window : MainWindow
        With ``middle`` (the central stack) and its docks made.

    Attributes
    ----------
    menu : QMenu
        "Go To", for the View menu.
    """

    def __init__(self, window: QMainWindow):
        self.window = window
        self.menu = QMenu(translate("Keyboard", "&Go To"), window)
        middle = make_action(
            window, "actionGoToMiddle", QT_TRANSLATE_NOOP("Actions", "&Network or Pattern Grid"),
            "Ctrl+1",
            QT_TRANSLATE_NOOP(
                "Actions",
                "Put the keyboard in the middle of the window: the network or the pattern grid",
            ),
        )  # fmt: skip
        middle.setProperty(LISTED_AS, translate("Keyboard", "Go to Network or Pattern Grid"))
        middle.triggered.connect(lambda: show_and_focus(window.middle.currentWidget()))
        self.menu.addAction(middle)
        self._kinds: dict[bool, list[QAction]] = {}
        for hopfield, panels in PANELS.items():
            self._kinds[hopfield] = [self._action(*panel) for panel in panels]
            self.menu.addActions(self._kinds[hopfield])

    def _action(self, dock_name: str, text: str, shortcut: str) -> QAction:
        dock = self.window.findChild(QDockWidget, dock_name)
        title = without_accelerator(translate("Actions", text))
        tip = translate("Keyboard", "Show the {panel} panel and put the keyboard in it ({keys})")
        action = make_action(
            self.window, f"actionGoTo{dock_name}", text, shortcut,
            tip.format(panel=title, keys=shortcut),
        )  # fmt: skip
        action.setProperty(LISTED_AS, translate("Keyboard", "Go to {panel}").format(panel=title))
        action.triggered.connect(lambda: show_and_focus(dock))
        return action

    def show_kind(self, hopfield: bool) -> None:
        """Offer the panels of the kind of network shown (the others' keys are free)."""
        for kind, actions in self._kinds.items():
            for action in actions:
                action.setVisible(kind == hopfield)
