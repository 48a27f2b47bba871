"""The main window: the editor in the middle, parameters and live plots in docks.

:class:`MainWindow` builds the views around one :class:`~nnsim.model.session.Session`
and places them, with its menus (:mod:`~nnsim.gui.window.menus`) and docks;
it owns nothing else (DESIGN.md section 4).  The session holds the work, the
:class:`TrainingController` runs its training in a thread, every view follows
the session's events, and :class:`LiveView` says when to redraw while training
runs (DESIGN.md section 5).  The Train menu's commands are
:class:`~nnsim.gui.window.train_menu.TrainMenu`'s.
"""

import time
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nnsim.gui.classroom_dialog import ClassroomDialog
from nnsim.gui.commands import ClassroomCommand
from nnsim.gui.data.data_dock import DataView, PointDrawing
from nnsim.gui.data.importing import DataImporter
from nnsim.gui.editor import EditorWidget
from nnsim.gui.editor.input_names import InputNames
from nnsim.gui.editor.numbers import NumberSetter
from nnsim.gui.hopfield.workspace import HopfieldWorkspace
from nnsim.gui.panels import GROUPS, ParameterPanel
from nnsim.gui.plain_text import complain
from nnsim.gui.plots import DecisionPlot, ErrorPlot
from nnsim.gui.project.autosave import Autosave
from nnsim.gui.project.dropping import FileDrops
from nnsim.gui.project.export_menu import error_history, predictions, weights
from nnsim.gui.project.exporting import install_exports, install_view_exports
from nnsim.gui.project.files import ProjectFiles
from nnsim.gui.rbm.kind import show_kind_actions
from nnsim.gui.rbm.views import RbmTabs
from nnsim.gui.training.diagnostics_view import DiagnosticsView
from nnsim.gui.training.explain_view import StepExplainer
from nnsim.gui.training.live_view import LiveView, Throttle, live_values
from nnsim.gui.training.results import ResultsView
from nnsim.gui.training.rewind import RewindBar
from nnsim.gui.training.status import TrainingStatus
from nnsim.gui.training.weights_plot import WeightsPlot
from nnsim.gui.training.worker import TrainingController
from nnsim.gui.window.analysis import AnalysisViews
from nnsim.gui.window.docks import WindowDocks
from nnsim.gui.window.keyboard import PanelKeys
from nnsim.gui.window.lessons import LessonsMenu
from nnsim.gui.window.menus import make_menus, make_training_toolbar, make_window_actions
from nnsim.gui.window.train_menu import TrainMenu
from nnsim.model import NetworkDocument, new_hopfield, training_process
from nnsim.model.blas_threads import leave_a_core
from nnsim.model.classroom import Classroom
from nnsim.model.memory import PatternMemory
from nnsim.model.session import Session
from nnsim.model.starters import NEW_SETTINGS
from nnsim.text import translate

#: Sides of the square grids File > New Hopfield Memory offers.
#: 128 x 128 (N = 16,384) stores in float32 and peaked at 2.2 GiB in the window (measured).
GRID_SIDES = (5, 8, 10, 16, 32, 64, 128)
#: Seconds a canvas's live colouring may take and still follow a run at every frame ...
COSTLY_CANVAS = 0.002
#: ... and the seconds between two colourings of a costlier one while a run trains.
CANVAS_PERIOD = 0.1


#: Room a window manager's frame (title bar, borders) takes round the window, in pixels.
FRAME = 48


class MainWindow(TrainMenu, LessonsMenu, QMainWindow):
    """nnsim's window. ``document`` is the open network, ``undo_stack`` its edits."""

    def __init__(self, store: QSettings | None = None, data_folder=None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.store = store if store is not None else QSettings("nnsim", "nnsim")
        if data_folder is None:
            data_folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.AppDataLocation
            )
        #: Where the window autosaves (a window built again in another language keeps it).
        self.data_folder = Path(data_folder)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._try_again_after_edit)
        #: What the person is working on; the window lives as long as it.
        self.session = Session()
        self.session.window_open = True  # runs leave the window a core ...
        self.session.train_in_process = training_process.AVAILABLE  # ... in a process apart
        if self.session.train_in_process:
            training_process.start_ahead()
        leave_a_core()  # ... and so does every product while the window is open
        self.settings = self.session.settings
        self.error_plot, self.decision_plot = ErrorPlot(self.session), DecisionPlot(self.session)
        self.weights_plot, self.results = WeightsPlot(self.session), ResultsView(self.session)
        self.diagnostics = DiagnosticsView(self.session)
        self.status = TrainingStatus(self.statusBar(), self.session)
        self.live = LiveView(self.session, self)
        self._canvas_pace = Throttle(self.session, CANVAS_PERIOD, COSTLY_CANVAS)
        self.document = self.editor = self.panel = self.data_fields = None
        self.rewind = self.lessons_dock = None
        self._lesson_document = None  # the example a lesson opened last
        self._shown_before = False
        self._retired = False
        self.files = ProjectFiles(self.session, self.undo_stack, self, self.store, self.ask_to_stop)
        self.files.title_changed.connect(self._show_title)
        self.files.modified_changed.connect(self.setWindowModified)
        self.files.opened()  # the session's first document
        self.controller = TrainingController(self.session, self)
        self._follow_session()
        make_window_actions(self)
        self.layout_docks = self.data_view = None
        self.hopfield = HopfieldWorkspace(self.session, self.undo_stack, self)
        self.middle = QStackedWidget(objectName="middle")
        self.middle.addWidget(self.hopfield.widget)
        self.setCentralWidget(self.middle)
        self._show_document()
        selector = self.status.sample_selector
        self.explainer = StepExplainer(self.session, self.editor.view, selector, self)
        self.input_names = InputNames(self.session, self.editor.view)  # derived inputs
        self.rewind = RewindBar(self.session, self.error_plot.widget)
        self._make_plot_tabs()
        self.analysis = AnalysisViews(self.session, self.live, self)
        self._draw_live_views()
        session, edit = self.session, self.editor.view.edit
        self.importer = DataImporter(session, self.undo_stack, self, edit, self.ask_to_stop)
        self.numbers = NumberSetter(session, self.undo_stack, self.editor.view, self)
        self.data_view = DataView(session, self.data_fields)
        self.data_view.samples_shown.connect(self.status.set_samples)
        self._follow_analysis()
        self.drawing = PointDrawing(session, self.data_view, self.decision_plot, self.importer)
        # Choosing a data row ends a probe; either way the session says so, and the views redraw.
        self.status.sample_selector.valueChanged.connect(lambda _row: session.set_probe(None))
        make_training_toolbar(self)
        self._make_docks()
        make_menus(self)
        self.drops = FileDrops(self, self.files.open, self.importer.import_file, [self.editor.view])
        self.autosave = Autosave(self.session, self.undo_stack, self.data_folder, self, self.files)
        # The least size as the docks now shown need it (the Analysis and Explain docks were
        # laid out before they were hidden, and would keep the window 1,100 pixels tall).
        self.layout().activate()
        self.resize(1280, 800)
        self.layout_docks.remember_default()  # the training docks shown, the others hidden
        self.layout_docks.restore(self.store)

    def _make_docks(self) -> None:
        hopfield = self.hopfield
        widgets = {"parameters": self.panel, "data": self.data_view, "plots": self.plot_tabs,
                   "patterns": hopfield.library, "recall": hopfield.side_tabs,
                   "explain": self.explainer.view, "analysis": self.analysis.tabs}  # fmt: skip
        self.layout_docks = WindowDocks(self, widgets, self.training_toolbar)
        self.panel_keys = PanelKeys(self)
        self.explain_dock = self.layout_docks.explain
        self.analysis.attach(self.layout_docks.analysis)
        self.explainer.action.toggled.connect(self.explain_dock.setVisible)
        self.explain_dock.visibilityChanged.connect(self._explain_shown)
        self.parameters_dock, self.data_dock, self.plots_dock = self.layout_docks.training
        self.patterns_dock, self.recall_dock = self.layout_docks.hopfield
        self._show_kind()

    # ------------------------------------------------------------- building
    def _make_plot_tabs(self) -> None:
        training = QSplitter(Qt.Orientation.Vertical)
        errors = QWidget()
        column = QVBoxLayout(errors)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.error_plot.widget, 1)
        column.addWidget(self.rewind)
        training.addWidget(errors)
        training.addWidget(self.decision_plot.panel)
        self.plot_tabs = QTabWidget()
        self.plot_tabs.setObjectName("plotTabs")
        self.plot_tabs.addTab(training, translate("MainWindow", "Error && boundary"))
        self.plot_tabs.addTab(self.weights_plot.widget, translate("MainWindow", "Weights"))
        self.plot_tabs.addTab(self.results, translate("MainWindow", "Results"))
        self.plot_tabs.addTab(self.diagnostics, translate("MainWindow", "Diagnostics"))
        elsewhere = (self.decision_plot.panel, self.results)  # (a machine's have no use)
        self.rbm_tabs = RbmTabs(self.session, self.live, self.plot_tabs, elsewhere, training)
        self.plot_tabs.currentChanged.connect(self._tab_changed)
        for widget, name, table in (
            (self.error_plot.widget, "error", error_history),
            (self.decision_plot.widget, "decisions", predictions),
            (self.weights_plot.widget, "weights", weights),
        ):
            install_exports(widget, name, lambda table=table: table(self.session))
        # The Results and Diagnostics tabs save themselves from their own right-click menu too.
        install_view_exports(self.results, "results", self.results.table)
        install_view_exports(self.diagnostics, "diagnostics")

    def _draw_live_views(self) -> None:
        """Each live view redraws itself from the session at LiveView's frames; the first now."""
        for draw in (
            self.status.draw, self.error_plot.draw, self.decision_plot.draw,
            self._show_live_values, self.weights_plot.draw, self.results.draw,
            self.diagnostics.draw, self.rewind.follow, self.explainer.refresh,
        ):  # fmt: skip
            self.live.frame.connect(draw)
        self.editor.view.neuron_maps_action.toggled.connect(self._redraw_when_shown)
        self.decision_plot.choice.chosen.connect(self.redraw)  # the maps over the new plane
        self.redraw()

    def _follow_analysis(self) -> None:
        """The Samples view and the sample selector choose the same sample; the Runs view
        asks before replacing weights only when they are unsaved."""
        ledger, selector = self.analysis.views["sampleLedger"], self.status.sample_selector
        ledger.sample_chosen.connect(lambda row: selector.setValue(row + 1))
        selector.valueChanged.connect(lambda value: ledger.show_sample(value - 1))
        self.analysis.views["runComparison"].unsaved = self.files.modified

    @Slot()
    def _show_live_values(self) -> None:
        """The editor's live colours, values and maps: the weights shown, the sample chosen.

        Only for the network the editor draws: after an edit the compiled network is the
        one before it (its neuron ids may name other neurons now) until it is built again.
        A canvas whose colouring took :data:`COSTLY_CANVAS` seconds or more follows a run
        at most every :data:`CANVAS_PERIOD` seconds (the digits' 64-100-10: 4.6 ms, and
        painting it 6 more, of a 28-ms frame).
        """
        if self.session.network_up_to_date and self._canvas_pace.due():
            start = time.thread_time()
            row = self.status.sample_selector.value() - 1
            compiled, weights, biases, sample = live_values(self.session, row)
            view, session = self.editor.view, self.session
            view.show_values(compiled, weights, biases, sample)
            axes = self.decision_plot.axes  # the plane's inputs, chosen on its panel
            view.show_maps(compiled, weights, biases, session.data, session.validation, axes)
            self._canvas_pace.cost = time.thread_time() - start

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        self.redraw()

    @Slot(bool)
    def _redraw_when_shown(self, shown: bool) -> None:
        """View > Neuron Maps turned on: draw them now, not at the next report."""
        if shown:
            self.redraw()

    # --------------------------------------------------------- the document
    def _follow_session(self) -> None:
        """Subscribe to what the session says (once: the session lives as long as the window)."""
        events = self.session.events
        events.state_changed.connect(self._state_changed)
        events.message.connect(self.status.show_message)
        events.message_withdrawn.connect(self.status.withdraw)
        events.failed.connect(self._failed)
        events.message.connect(self._show_problem_in_panel)
        events.classroom_changed.connect(self._show_classroom)
        events.data_changed.connect(self._data_changed)
        events.document_replaced.connect(self._show_document)

    @property
    def classroom(self) -> Classroom:
        return self.session.classroom

    def open_document(
        self,
        document: NetworkDocument,
        memory: PatternMemory | None = None,
        classroom: Classroom | None = None,
        **settings,
    ) -> None:
        """Show ``document`` with fresh panels, stopping any training or recall first.

        A Hopfield document opens in the Hopfield workspace, on ``memory``
        (an empty one of the document's grid when None); ``classroom`` is what
        the exercise fixes (nothing when None).  Every setting not given in
        ``settings`` takes its default: nothing carries over from what was open.
        """
        if document.kind == "hopfield" and memory is None:
            memory = PatternMemory(*document.grid)  # refuses a grid it cannot draw
        self.controller.shutdown()
        custom_data = self.settings.custom_data
        self.session.replace(document, memory, classroom, custom_data, **settings)

    def _show_document(self) -> None:
        """Fresh panels and editor for the session's (new) document."""
        self.undo_stack.clear()
        document = self.document = self.session.document
        if self.editor is None:
            self.editor = EditorWidget(document, self.undo_stack, self)
            self.editor.view.problem.connect(self.status.show_message)
            self.middle.addWidget(self.editor)
        else:
            self.editor.set_document(document)
        old_panels = (self.panel, self.data_fields)
        self.panel, self.data_fields = (
            ParameterPanel(
                self.settings, document, self.undo_stack, self.editor.view.edit, self, *shown
            )
            for shown in ((GROUPS, ()), (("Data",), ("seed",)))
        )
        for panel in (self.panel, self.data_fields):
            panel.problem.connect(self.status.show_message)
            panel.unlock_request = self.ask_to_stop
        self.editor.view.unlock_request = self._unlock_network
        if old_panels[0] is not None:
            self.layout_docks.set_widget(self.parameters_dock, self.panel)
            self.data_view.set_fields(self.data_fields)
            for old in old_panels:
                old.detach()
                old.deleteLater()
        self._show_classroom(self.session.classroom)
        if self.session.classroom.lesson is not None or self.session.lesson_progress is not None:
            self.show_lessons()  # the exercise's lesson, or the one the student was in
        self.status.clear(messages=True)  # what was said was about the network before
        self._show_kind()
        self._state_changed(self.session.state)
        self._show_problem_in_panel("")

    @property
    def is_hopfield(self) -> bool:
        return self.document.kind == "hopfield"

    def _show_kind(self, again: bool = False) -> None:
        """The editor and the training docks, or the Hopfield workspace and its docks.

        The docks change only when the kind of network does (so a dock a
        person closed stays closed), or ``again`` to put them right.
        """
        hopfield = self.is_hopfield
        shown = self.hopfield.widget if hopfield else self.editor
        self.middle.setCurrentWidget(shown)
        for page in (self.hopfield.widget, self.editor):  # the hidden page's size is no limit
            policy = QSizePolicy.Policy.Preferred if page is shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        if self.layout_docks is not None:
            self.layout_docks.show_kind(hopfield, again)
            self.panel_keys.show_kind(hopfield)
            show_kind_actions(self)

    def new_network(self, document: NetworkDocument, **settings) -> None:
        """File > New: show ``document`` unsaved, after asking about a run and unsaved edits.

        It starts from its kind's own settings (:data:`NEW_SETTINGS`), changed by
        ``settings``, and no imported data.
        """
        what = translate("MainWindow", "start a new network")
        if self.session.busy and not self.ask_to_stop(what):
            return
        if self.files.maybe_save():
            self.settings.set_custom_data(None)
            self.open_document(document, **{**NEW_SETTINGS[document.kind], **settings})
            self.files.forget()

    def new_hopfield(self) -> None:
        """File > New Hopfield Memory: a grid of the size asked for."""
        size = self.ask_grid_size()
        if size is not None:
            name = translate("MainWindow", "Hopfield memory")  # as a new perceptron's is
            self.new_network(new_hopfield(*size, name=name))

    def ask_grid_size(self) -> tuple[int, int] | None:
        """(rows, columns) for a new Hopfield grid, or None (tests replace this)."""
        sizes = [f"{n} x {n}" for n in GRID_SIDES]
        chosen, ok = QInputDialog.getItem(
            self, translate("MainWindow", "New Hopfield memory"),
            translate("MainWindow", "Neurons (a square grid):"), sizes,
            sizes.index("10 x 10"), False,
        )  # fmt: skip
        if not ok:
            return None
        side = int(chosen.split()[0])
        return side, side

    def _show_title(self, name: str) -> None:
        """The project's name in the title bar, "[*]" where Qt marks unsaved work."""
        self.setWindowTitle(translate("MainWindow", "{name}[*] - nnsim").format(name=name))

    def redraw(self) -> None:
        """Draw everything again now (the rewind bar moved, say)."""
        self.live.draw(force=True)

    def _explain_shown(self, shown: bool) -> None:
        self.explainer.action.setChecked(shown)
        self.explainer.set_shown(shown)

    # ----------------------------------------------------------- lifecycle
    def reset_layout(self) -> None:
        """View > Reset Layout: the docks of the open network back where they began, shown."""
        self.layout_docks.reset()

    def docks(self) -> tuple[QDockWidget, ...]:
        """Parameters, Data and Plots."""
        return self.layout_docks.training

    def hopfield_docks(self) -> tuple[QDockWidget, ...]:
        """Patterns and Recall (shown while a Hopfield network is open)."""
        return self.layout_docks.hopfield

    def _show_classroom(self, classroom: Classroom) -> None:
        """Show the exercise as ``classroom`` fixes it: fields hidden or frozen, editor locked."""
        for panel in (self.panel, self.data_fields):
            panel.set_classroom(classroom)
        self._state_changed(self.session.state)

    def edit_classroom(self) -> None:
        """File > Classroom Settings: the teacher's dialog; OK is one undo step."""
        dialog = ClassroomDialog(self.classroom, self.document.kind, self)
        dialog.accepted.connect(lambda: self._classroom_chosen(dialog.classroom()))
        dialog.finished.connect(dialog.deleteLater)
        self.classroom_dialog = dialog
        dialog.open()

    def _classroom_chosen(self, classroom: Classroom) -> None:
        if classroom != self.classroom:
            self.undo_stack.push(
                ClassroomCommand(self.session.set_classroom, self.classroom, classroom)
            )

    def show_preferences(self) -> None:
        """Edit > Preferences: the language of the window."""
        from nnsim.gui.preferences import show_preferences  # only when asked for

        show_preferences(self)

    def _unlock_network(self, what: str) -> bool:
        """An edit of a locked network: never while the exercise freezes it, else ask to stop."""
        return not self.classroom.network_frozen and self.ask_to_stop(what)

    def show_on_screen(self) -> None:
        """Show the window, maximised when it and its frame would not fit on the screen
        (1280x800 with a title bar is taller than a 1280x800 laptop's screen)."""
        available = self.screen().availableGeometry()
        if self.width() > available.width() or self.height() + FRAME > available.height():
            self.showMaximized()
        else:
            self.show()

    def complain(self, title: str, text: str) -> None:
        """Say what went wrong in the status bar and in a dialog."""
        complain(self, self.session, title, text)

    def showEvent(self, event):  # noqa: N802 - Qt's name
        """The first time on screen, the docks take their first widths."""
        super().showEvent(event)
        if not self._shown_before:
            self._shown_before = True
            self.layout_docks.first_shown()

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        """Ask about unsaved edits, then :meth:`retire` (unless already retired)."""
        if self._retired:
            super().closeEvent(event)
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self.retire()
        super().closeEvent(event)

    def retire(self) -> None:
        """Stop training and wait for it, end the autosave, remember the layout: the window
        is about to go, its work saved, discarded or carried into a new window, so closing
        it then asks nothing."""
        self._retired = True
        self.live.timer.stop()
        self.controller.shutdown()
        self.hopfield.shutdown()
        self.analysis.shutdown()
        self.rbm_tabs.shutdown()
        self.autosave.finish()
        self.layout_docks.save(self.store)
        # The stack empties itself when deleted, signalling views already gone.
        self.undo_stack.blockSignals(True)
