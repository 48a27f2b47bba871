"""The Analysis dock's views: inside the network while it learns (issue 18).

:class:`AnalysisViews` holds the views that look inside a trainable network,
as tabs of one widget (``analysisTabs``) that :class:`~nnsim.gui.window.docks.WindowDocks`
puts in the Analysis dock (``analysisDock``, at the bottom, tabbed with
Explain a Step).  Each view is built with the session and redraws itself at
the live view's frames while it is on screen; each saves itself as PNG, SVG
and CSV from its right-click menu.  View > Analysis has an action per view
that shows the dock on that view's tab.
"""

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QTabWidget, QWidget

from nnsim.gui.actions import make_action
from nnsim.gui.project.exporting import install_exports
from nnsim.gui.training.gradient_flow_view import GradientFlowView
from nnsim.gui.training.landscape_view import LossLandscapeView
from nnsim.gui.training.ledger_view import SampleLedgerView
from nnsim.gui.training.live_view import LiveView
from nnsim.gui.training.runs_view import RunComparisonView
from nnsim.gui.training.state_space_view import StateSpaceView
from nnsim.model.session import Session
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: The share of the window's height the Analysis dock first takes: the editor and the
#: plots keep the rest.
DOCK_SHARE = 0.42


@dataclass(frozen=True)
class AnalysisView:
    """One view of the dock: its class, tab title, action name and tip (translated when shown),
    and the file name its exports offer."""

    kind: type
    title: str
    action: str
    tip: str
    file: str
    #: Whether it applies to a Boltzmann machine (else hidden while one is open: contrastive
    #: divergence sends no gradient back, follows no error surface and learns no classes).
    rbm: bool = False


VIEWS = (
    AnalysisView(
        GradientFlowView,
        QT_TRANSLATE_NOOP("AnalysisViews", "Gradient flow"),
        "actionShowGradientFlow",
        QT_TRANSLATE_NOOP(
            "AnalysisViews", "How much of the error's gradient reaches each layer, over the epochs"
        ),
        "gradient_flow",
    ),
    AnalysisView(
        LossLandscapeView,
        QT_TRANSLATE_NOOP("AnalysisViews", "Loss landscape"),
        "actionShowLossLandscape",
        QT_TRANSLATE_NOOP(
            "AnalysisViews",
            "The error over a plane through weight space, with the path training took; "
            "a race of optimisers from one start",
        ),
        "loss_landscape",
    ),
    AnalysisView(
        StateSpaceView,
        QT_TRANSLATE_NOOP("AnalysisViews", "State space"),
        "actionShowStateSpace",
        QT_TRANSLATE_NOOP(
            "AnalysisViews", "Every sample's hidden-layer outputs projected to a plane, by class"
        ),
        "state_space",
    ),
    AnalysisView(
        SampleLedgerView,
        QT_TRANSLATE_NOOP("AnalysisViews", "Samples"),
        "actionShowSampleLedger",
        QT_TRANSLATE_NOOP(
            "AnalysisViews", "Each training sample's error over the run, the hardest ones first"
        ),
        "samples",
        rbm=True,
    ),
    AnalysisView(
        RunComparisonView,
        QT_TRANSLATE_NOOP("AnalysisViews", "Runs"),
        "actionShowRunComparison",
        QT_TRANSLATE_NOOP(
            "AnalysisViews",
            "The last four runs side by side, their differing settings highlighted",
        ),
        "runs",
        rbm=True,
    ),
)


class AnalysisViews(QObject):
    """The Analysis views of ``session``, drawn at ``live``'s frames.

    Attributes
    ----------
    tabs : QTabWidget
        ``analysisTabs``, one tab per view.
    views : dict[str, QWidget]
        Each view by its objectName: ``gradientFlow``, ``lossLandscape``, ``stateSpace``,
        ``sampleLedger``, ``runComparison``.
    menu : QMenu
        View > Analysis: an action per view.
    """

    def __init__(self, session: Session, live: LiveView, parent: QWidget):
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("analysisTabs")
        self.tabs.setDocumentMode(True)
        self.views: dict[str, QWidget] = {}
        self.menu = QMenu(translate("AnalysisViews", "&Analysis"), parent)
        self.menu.setObjectName("analysisMenu")
        self.dock: QDockWidget | None = None
        self._sized = False  # whether the dock has had its first height
        self.session = session
        self._not_for_rbm: list[tuple[QWidget, QAction]] = []
        for spec in VIEWS:
            view = spec.kind(session)
            self.views[view.objectName()] = view
            title = translate("AnalysisViews", spec.title)
            self.tabs.addTab(view, title)
            live.frame.connect(view.draw)
            install_exports(view.plot, spec.file, view.table)
            tip = translate("AnalysisViews", spec.tip)
            action = make_action(parent, spec.action, title, "", tip)  # "Actions" keeps them
            action.triggered.connect(lambda _=False, shown=view: self.show_view(shown))
            self.menu.addAction(action)
            if not spec.rbm:
                self._not_for_rbm.append((view, action))
        self.tabs.currentChanged.connect(self._tab_changed)
        session.events.document_replaced.connect(self._show_kind)
        self._show_kind()

    @Slot()
    def _show_kind(self) -> None:
        """Hide the views that do not apply to a Boltzmann machine while one is open."""
        shown = self.session.document.kind != "rbm"
        for view, action in self._not_for_rbm:
            self.tabs.setTabVisible(self.tabs.indexOf(view), shown)
            action.setVisible(shown)
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            visible = [i for i in range(self.tabs.count()) if self.tabs.isTabVisible(i)]
            self.tabs.setCurrentIndex(visible[0])

    def attach(self, dock: QDockWidget) -> None:
        """The dock the tabs live in: its toggle heads the menu; shown, the tab shown redraws."""
        self.dock = dock
        first = self.menu.actions()[0] if self.menu.actions() else None
        toggle: QAction = dock.toggleViewAction()
        self.menu.insertAction(first, toggle)
        self.menu.insertSeparator(first)
        dock.visibilityChanged.connect(self._dock_shown)

    def show_view(self, view: QWidget) -> None:
        """Show the dock on ``view``'s tab, drawn now."""
        self.tabs.setCurrentWidget(view)
        if self.dock is not None:
            self.dock.show()
            self.dock.raise_()
        view.draw()

    def shutdown(self) -> None:
        """Stop any view's background computation (the window is closing)."""
        for view in self.views.values():
            if hasattr(view, "shutdown"):
                view.shutdown()

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        self.tabs.currentWidget().draw()

    @Slot(bool)
    def _dock_shown(self, shown: bool) -> None:
        """Shown: the tab shown redraws; the first time, the dock takes DOCK_SHARE of the
        window's height (Qt would give it the views' preferred half)."""
        if not shown:
            return
        if not self._sized:
            self._sized = True
            window = self.dock.parentWidget()
            height = max(self.tabs.minimumSizeHint().height(), round(DOCK_SHARE * window.height()))
            window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)
        self.tabs.currentWidget().draw()
