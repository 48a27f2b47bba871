"""Moving through the window's panels with the keyboard.

View > Go To puts the keyboard in a panel: Ctrl+1 the middle of the window
(the network editor, or the pattern grid of a Hopfield memory), then for a
trainable network Ctrl+2 Parameters, Ctrl+3 Data, Ctrl+4 Plots and Ctrl+5
Explain, and for a Hopfield memory Ctrl+2 Patterns and Ctrl+3 Recall.  A
panel closed or behind another's tab is shown first.  Tab and Shift+Tab then
move within the window in Qt's order (the contents of a dock behind another's
tab are disabled, so Tab passes them: see :mod:`nnsim.gui.docks`).
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from nnsim.gui.actions import make_action

#: (dock object name, menu text, shortcut) per kind: False trainable, True Hopfield.
PANELS = {
    False: (
        ("parametersDock", "&Parameters", "Ctrl+2"),
        ("dataDock", "&Data", "Ctrl+3"),
        ("plotsDock", "P&lots", "Ctrl+4"),
        ("explainDock", "&Explain a Step", "Ctrl+5"),
    ),
    True: (
        ("patternsDock", "&Patterns", "Ctrl+2"),
        ("recallDock", "&Recall", "Ctrl+3"),
    ),
}


def is_tab_stop(widget: QWidget) -> bool:
    """Whether Tab may stop at ``widget``: enabled, visible, taking focus from Tab itself.

    A widget handing its focus to a proxy (a view's viewport) is no stop.
    """
    return (
        widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.isVisible()
    )


def first_tab_stop(container: QWidget) -> QWidget | None:
    """The first widget inside ``container`` that Tab would stop at, in the window's order."""
    widget = container.nextInFocusChain()
    while widget is not container:
        if container.isAncestorOf(widget) and is_tab_stop(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None


def next_tab_stop(start: QWidget, forward: bool, outside: QWidget | None = None) -> QWidget | None:
    """The widget Tab (``forward``) or Shift+Tab moves to from ``start``.

    Widgets inside ``outside`` (a widget being left) are passed over.
    """
    widget = start
    while (
        widget := widget.nextInFocusChain() if forward else widget.previousInFocusChain()
    ) is not start:
        inside = outside is not None and outside.isAncestorOf(widget)
        if is_tab_stop(widget) and widget.window() is start.window() and not inside:
            return widget
    return None


def tab_to(widget: QWidget | None, forward: bool) -> None:
    """Give ``widget`` (if any) the focus as Tab (``forward``) or Shift+Tab would."""
    if widget is not None:
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        widget.setFocus(reason)


def show_and_focus(window: QMainWindow, panel: QWidget) -> None:
    """Show ``panel`` (a dock, or the middle of the window) and give it the keyboard."""
    if isinstance(panel, QDockWidget):
        panel.show()
        panel.raise_()  # to the front of its tabs
    stop = panel if is_tab_stop(panel) else first_tab_stop(panel)
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
        self.menu = QMenu("&Go To", window)
        middle = make_action(
            window, "actionGoToMiddle", "&Network or Pattern Grid", "Ctrl+1",
            "Put the keyboard in the middle of the window: the network or the pattern grid",
        )  # fmt: skip
        middle.triggered.connect(lambda: show_and_focus(window, window.middle.currentWidget()))
        self.menu.addAction(middle)
        self._kinds: dict[bool, list[QAction]] = {}
        for hopfield, panels in PANELS.items():
            self._kinds[hopfield] = [self._action(*panel) for panel in panels]
            self.menu.addActions(self._kinds[hopfield])

    def _action(self, dock_name: str, text: str, shortcut: str) -> QAction:
        dock = self.window.findChild(QDockWidget, dock_name)
        title = text.replace("&", "")
        action = make_action(
            self.window, f"actionGoTo{dock_name}", text, shortcut,
            f"Show the {title} panel and put the keyboard in it ({shortcut})",
        )  # fmt: skip
        action.triggered.connect(lambda: show_and_focus(self.window, dock))
        return action

    def show_kind(self, hopfield: bool) -> None:
        """Offer the panels of the kind of network shown (the others' keys are free)."""
        for kind, actions in self._kinds.items():
            for action in actions:
                action.setVisible(kind == hopfield)
