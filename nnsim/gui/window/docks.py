"""The main window's docks and their layout, for each kind of network.

A trainable network (perceptron, MLP) has the Parameters and Data docks
(tabbed, left) and Plots (right), and Explain and Analysis (bottom, tabbed) when
asked for; a
Hopfield memory has Patterns (left) and Recall (right).  :class:`WindowDocks`
shows one kind's docks and hides the other's, remembers which docks a
person closed in each kind, and saves and restores the layout in the
window's QSettings (always in the trainable arrangement, as the window
opens on XOR).
"""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDockWidget,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QWidget,
)

from nnsim.text import QT_TRANSLATE_NOOP, translate

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
#: The side docks' first widths in pixels, (left, right), trainable and Hopfield, in a
#: window REFERENCE_WIDTH wide: the parameters' names unelided, the plot tabs whole.
WIDTHS = {False: (280, 385), True: (240, 460)}
REFERENCE_WIDTH = 1280
#: The least first widths in a narrower window: the parameters' names and values still
#: side by side, the plot tabs whole; the middle (the editor or the grid) has the rest.
LEAST_WIDTHS = {False: (250, 355), True: (200, 300)}
#: The tooltips of a dock's own buttons, by the button's object name (translated when shown).
DOCK_BUTTON_TIPS = {
    "qt_dockwidget_floatbutton": QT_TRANSLATE_NOOP(
        "Docks", "Float {panel} in its own window (double-click its title to dock it)"
    ),
    "qt_dockwidget_closebutton": QT_TRANSLATE_NOOP("Docks", "Close {panel} (View shows it again)"),
}


class WindowDocks:
    """The seven docks of ``window``, around the given widgets.

    Attributes
    ----------
    training : tuple of QDockWidget
        Parameters, Data and Plots.
    hopfield : tuple of QDockWidget
        Patterns and Recall.
    """

    def __init__(self, window: QMainWindow, widgets: dict[str, QWidget], toolbar: QToolBar):
        self.window, self._toolbar = window, toolbar
        self._seen: dict[str, bool] = {}  # dock name: whether a person can see it
        patterns = self._dock(
            "patternsDock", translate("Docks", "Patterns"), widgets["patterns"], LEFT
        )
        recall = self._dock("recallDock", translate("Docks", "Recall"), widgets["recall"], RIGHT)
        parameters = self._dock(
            "parametersDock", translate("Docks", "Parameters"), widgets["parameters"], LEFT
        )
        data = self._dock("dataDock", translate("Docks", "Data"), widgets["data"], LEFT)
        window.tabifyDockWidget(parameters, data)
        parameters.raise_()
        plots = self._dock("plotsDock", translate("Docks", "Plots"), widgets["plots"], RIGHT)
        self.training, self.hopfield = (parameters, data, plots), (patterns, recall)
        #: Train > Explain a Step's dock: shown only when asked for.
        self.explain = self._dock(
            "explainDock", translate("Docks", "Explain a step"), widgets["explain"], BOTTOM
        )
        self.explain.hide()
        #: The Analysis views (gradient flow, ...): tabbed with Explain, hidden until asked for.
        self.analysis = self._dock(
            "analysisDock", translate("Docks", "Analysis"), widgets["analysis"], BOTTOM
        )
        window.tabifyDockWidget(self.explain, self.analysis)
        self.analysis.hide()
        self._showing: bool | None = None  # True: the Hopfield docks; None: none yet
        self._shown: dict[bool, set[str]] = {}  # each kind's docks as a person left them
        self._widths: dict[bool, list[int]] = {}  # each kind's side docks' widths, as left
        self._default = None
        self._restored = False  # whether the layout of last time came back

    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        if isinstance(widget, QTabWidget):
            # Every tab's name whole, never behind scroll arrows: the dock is at least
            # as wide as its tabs.
            widget.tabBar().setUsesScrollButtons(False)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        dock.visibilityChanged.connect(lambda seen: self._seen_or_not(dock, seen))
        for button, tip in DOCK_BUTTON_TIPS.items():  # Qt's own buttons come without words
            words = translate("Docks", tip).format(panel=title)
            dock.findChild(QAbstractButton, button).setToolTip(words)
        return dock

    def _seen_or_not(self, dock: QDockWidget, seen: bool) -> None:
        """A dock behind another's tab still counts as visible to Qt, and Tab would walk
        into it: its contents are disabled while nobody can see them (hiding them would
        upset the docks' widths)."""
        self._seen[dock.objectName()] = seen
        dock.widget().setEnabled(seen)

    def set_widget(self, dock: QDockWidget, widget: QWidget) -> None:
        """Put ``widget`` in ``dock`` in its place, enabled only if the dock can be seen."""
        dock.setWidget(widget)
        widget.setEnabled(self._seen.get(dock.objectName(), True))

    def show_kind(self, hopfield: bool, again: bool = False) -> None:
        """Show the docks of ``hopfield``'s kind as a person last left them (``again``: all)."""
        if hopfield == self._showing and not again:
            return
        if self._showing is not None and hopfield != self._showing:
            self._shown[self._showing] = self._visible()
            self._widths[self._showing] = [dock.width() for dock in self._sides(self._showing)]
        self._showing = hopfield
        self._show(hopfield, None if again else self._shown.get(hopfield))
        if hopfield in self._widths and not again:
            self._resize(hopfield, self._widths[hopfield])  # as a person left them
        elif hopfield or again:
            self.fit_widths()

    def _sides(self, hopfield: bool) -> tuple[QDockWidget, QDockWidget]:
        """A kind's left and right docks."""
        return self.hopfield if hopfield else (self.training[0], self.training[2])

    def _resize(self, hopfield: bool, widths) -> None:
        self.window.resizeDocks(
            list(self._sides(hopfield)), list(widths), Qt.Orientation.Horizontal
        )

    def first_widths(self, hopfield: bool) -> tuple[int, int]:
        """The side docks' first widths in this window: :data:`WIDTHS`, in proportion
        to the window when it is narrower than :data:`REFERENCE_WIDTH`, never below
        :data:`LEAST_WIDTHS`."""
        share = min(1.0, self.window.width() / REFERENCE_WIDTH)
        sides = self._sides(hopfield)
        return tuple(
            max(least, dock.minimumSizeHint().width(), round(width * share))
            for width, least, dock in zip(
                WIDTHS[hopfield], LEAST_WIDTHS[hopfield], sides, strict=True
            )
        )

    def fit_widths(self) -> None:
        """Give the side docks of the kind shown their first widths (:meth:`first_widths`);
        the middle takes the rest.  Only a window being shown can be given widths."""
        hopfield = bool(self._showing)
        self._resize(hopfield, self.first_widths(hopfield))

    def first_shown(self) -> None:
        """The window is being shown for the first time: the first widths, unless last
        time's came back."""
        if not self._restored:
            self.fit_widths()

    def _visible(self) -> set[str]:
        return {dock.objectName() for dock in self.training + self.hopfield if dock.isVisible()}

    def _show(self, hopfield: bool, shown: set[str] | None) -> None:
        """Show one kind's docks (those in ``shown``; all if None), hide the other kind's."""
        mine, others = (
            (self.hopfield, self.training) if hopfield else (self.training, self.hopfield)
        )
        for dock in others:
            dock.hide()
        if hopfield:
            self.explain.hide()
            self.analysis.hide()
        for dock in mine:
            dock.setVisible(shown is None or dock.objectName() in shown)
        self._toolbar.setVisible(not hopfield)

    def remember_default(self) -> None:
        """What View > Reset Layout goes back to: the layout as it is now."""
        self._default = self.window.saveState()

    def restore(self, store: QSettings) -> None:
        """The geometry and layout saved last time (the window opens on a trainable network)."""
        geometry, state = store.value("window/geometry"), store.value("window/state")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        self._restored = state is not None and self.window.restoreState(state)
        for dock in (*self.hopfield, self.explain):
            dock.hide()

    def reset(self) -> None:
        """Every dock of the shown kind back where it began, and shown."""
        self.window.restoreState(self._default)
        self.show_kind(bool(self._showing), again=True)
        self.fit_widths()
        self.training[0].raise_()  # last, so the Data tab behind it hears it is covered

    def save(self, store: QSettings) -> None:
        """Keep the geometry and the trainable network's layout as a person left it
        (not squeezed by the Hopfield workspace, if that is shown)."""
        if self._showing:
            self._show(False, self._shown.get(False))
            self._resize(False, self._widths.get(False) or self.first_widths(False))
        store.setValue("window/geometry", self.window.saveGeometry())
        store.setValue("window/state", self.window.saveState())
