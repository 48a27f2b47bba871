"""The main window's actions, menus and training toolbar, built in one place.

:func:`make_window_actions` creates the window's own actions (each named as
DESIGN.md section 7 lists, with shortcut and tooltip) and connects them to
its slots; :func:`make_training_toolbar` and :func:`make_menus` arrange
them, with the editor's and the file handlers' actions, into the training
toolbar and File, Edit, View, Network, Train and Help.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from nnsim.gui.actions import TRAINING_ACTIONS, make_action
from nnsim.gui.data.pattern_data import make_pattern_set_action
from nnsim.gui.hopfield.grid import grid_table
from nnsim.gui.project.export_menu import View, make_export_menu
from nnsim.gui.project.report import export_report
from nnsim.gui.training.diagnostics_view import check_gradients
from nnsim.gui.training.probe import ask_probe
from nnsim.gui.window.help import guide_dialog, shortcuts_dialog, show_about
from nnsim.gui.window.presentation import Presentation
from nnsim.gui.window.pruning import make_prune_action
from nnsim.model import new_mlp, new_perceptron, new_rbm
from nnsim.text import QT_TRANSLATE_NOOP, translate


def make_window_actions(window) -> None:
    """Give ``window`` its actions: New, Quit, training, view and help (DESIGN.md section 7)."""
    window.training_actions = {
        key: make_action(window, *spec) for key, spec in TRAINING_ACTIONS.items()
    }
    slots = {
        "start": window.start_training,
        "pause": window.pause_or_resume,
        "step": window.step_epoch,
        "sample": window.step_sample,
        "stop": window.stop_training,
        "reset": window.reset_weights,
    }
    for key, slot in slots.items():
        window.training_actions[key].triggered.connect(slot)
    window.new_actions = {
        "mlp": make_action(
            window, "actionNewMLP", QT_TRANSLATE_NOOP("Actions", "New &MLP"), "Ctrl+N",
            QT_TRANSLATE_NOOP("Actions", "A new 2-2-1 multi-layer perceptron"),
        ),
        "perceptron": make_action(
            window, "actionNewPerceptron", QT_TRANSLATE_NOOP("Actions", "New &Perceptron"),
            "Ctrl+Shift+N",
            QT_TRANSLATE_NOOP("Actions", "A new single-layer perceptron with 2 inputs"),
        ),
    }  # fmt: skip
    window.new_actions["hopfield"] = make_action(
        window, "actionNewHopfield", QT_TRANSLATE_NOOP("Actions", "New &Hopfield Memory"),
        "Ctrl+Alt+N",
        QT_TRANSLATE_NOOP(
            "Actions", "A new Hopfield associative memory: draw patterns, store them, recall them"
        ),
    )  # fmt: skip
    window.new_actions["rbm"] = make_action(
        window, "actionNewBoltzmann", QT_TRANSLATE_NOOP("Actions", "New &Boltzmann Machine"), "",
        QT_TRANSLATE_NOOP(
            "Actions",
            "A new restricted Boltzmann machine: 64 visible units (the digits' 8 x 8 pixels) "
            "and 100 hidden ones, learning the digits",
        ),
    )  # fmt: skip
    window.new_actions["hopfield"].triggered.connect(window.new_hopfield)
    window.new_actions["rbm"].triggered.connect(lambda: window.new_network(new_rbm()))
    window.new_actions["mlp"].triggered.connect(lambda: window.new_network(new_mlp()))
    window.new_actions["perceptron"].triggered.connect(lambda: window.new_network(new_perceptron()))
    window.presentation = Presentation(window)
    for attribute, name, text, keys, tip, slot, checkable in (
        ("classroom_action", "actionClassroom",
         QT_TRANSLATE_NOOP("Actions", "C&lassroom Settings…"), "",
         QT_TRANSLATE_NOOP(
             "Actions",
             "Fix parts of an exercise (settings, the network, the data) for students",
         ),
         window.edit_classroom, False),
        ("quit_action", "actionQuit", QT_TRANSLATE_NOOP("Actions", "&Quit"),
         QKeySequence.StandardKey.Quit, QT_TRANSLATE_NOOP("Actions", "Close nnsim"),
         window.close, False),
        ("preferences_action", "actionPreferences", QT_TRANSLATE_NOOP("Actions", "&Preferences…"),
         QKeySequence.StandardKey.Preferences,
         QT_TRANSLATE_NOOP("Actions", "Choose the language of the window"),
         window.show_preferences, False),
        ("log_action", "actionLogError", QT_TRANSLATE_NOOP("Actions", "&Log Error Scale"), "",
         QT_TRANSLATE_NOOP("Actions", "Draw the error on a log scale"),
         window.error_plot.set_log_scale, True),
        ("presentation_action", "actionPresentationMode",
         QT_TRANSLATE_NOOP("Actions", "&Presentation Mode"), "F11",
         QT_TRANSLATE_NOOP(
             "Actions",
             "Full screen, larger fonts, thicker lines, fewer panels: for a projector (F11)",
         ),
         window.presentation.set_on, True),
        ("trail_action", "actionLineTrail", QT_TRANSLATE_NOOP("Actions", "Perceptron Line &Trail"),
         "", QT_TRANSLATE_NOOP(
             "Actions",
             "Keep a perceptron's earlier separating lines on the decision plot, faded",
         ),
         window.decision_plot.set_trail, True),
        ("reset_layout_action", "actionResetLayout", QT_TRANSLATE_NOOP("Actions", "Reset &Layout"),
         "", QT_TRANSLATE_NOOP("Actions", "Put the docks back where they began"),
         window.reset_layout, False),
        ("randomise_action", "actionRandomiseWeights",
         QT_TRANSLATE_NOOP("Actions", "Randomise &Weights"), "Ctrl+Shift+R",
         QT_TRANSLATE_NOOP("Actions", "New random weights from a new seed (Ctrl+Shift+R)"),
         window.randomise_weights, False),
        ("guide_action", "actionUserGuide", QT_TRANSLATE_NOOP("Actions", "&User Guide"),
         QKeySequence.StandardKey.HelpContents,
         QT_TRANSLATE_NOOP("Actions", "How to use nnsim, with pictures (F1)"),
         lambda: guide_dialog(window).open(), False),
        ("lessons_action", "actionLessons", QT_TRANSLATE_NOOP("Actions", "&Lessons"), "",
         QT_TRANSLATE_NOOP("Actions", "Short guided lessons, done in the window"),
         window.show_lessons, False),
        ("gradient_check_action", "actionCheckGradients",
         QT_TRANSLATE_NOOP("Actions", "Check &Gradients"), "",
         QT_TRANSLATE_NOOP(
             "Actions",
             "Compare backpropagation's gradient with finite differences, weight by weight",
         ),
         lambda: check_gradients(window.session, window), False),
        ("probe_action", "actionProbe", QT_TRANSLATE_NOOP("Actions", "&Probe an Input…"), "Ctrl+P",
         QT_TRANSLATE_NOOP(
             "Actions",
             "Type any inputs and see every neuron's value for them (Ctrl+P)",
         ),
         lambda: ask_probe(window.session, window), False),
        ("shortcuts_action", "actionShortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
         "Ctrl+/", QT_TRANSLATE_NOOP("Actions", "Every shortcut (Ctrl+/)"),
         lambda: shortcuts_dialog(window).open(), False),
        ("about_action", "actionAbout", QT_TRANSLATE_NOOP("Actions", "&About nnsim"), "",
         QT_TRANSLATE_NOOP("Actions", "About nnsim"), lambda: show_about(window), False),
    ):  # fmt: skip
        action = make_action(window, name, text, keys, tip)
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        setattr(window, attribute, action)


def make_training_toolbar(window) -> None:
    """The toolbar of the training actions and the sample chooser (``trainingToolBar``)."""
    toolbar = window.training_toolbar = window.addToolBar(translate("Menus", "Training"))
    toolbar.setObjectName("trainingToolBar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # words for learners
    toolbar.addActions(list(window.training_actions.values()))
    toolbar.addWidget(window.status.sample_selector)
    toolbar.addAction(window.explainer.action)


def make_menus(window) -> None:
    """Fill ``window``'s menu bar with its actions (the docks exist already)."""
    view = window.editor.view
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Menus", "&File"))
    file_menu.addActions(list(window.new_actions.values()))
    file_menu.addSeparator()
    file_menu.addActions([window.files.open_action, window.files.open_example_action])
    file_menu.addMenu(window.files.recent_menu)
    file_menu.addActions([window.files.save_action, window.files.save_as_action])
    file_menu.addSeparator()
    file_menu.addActions([window.importer.action, make_pattern_set_action(window.importer)])
    # A view's name is also its actions' objectName: File > Export translates it, under "Menus".
    export_menu = make_export_menu(window.session, window, window.files.file_stem, views=(
        View(QT_TRANSLATE_NOOP("Menus", "Network Diagram"), "network", lambda: window.editor.view,
             absent=translate(
                 "Menus", "A Hopfield memory has no network diagram: export its pattern grid."
             )),
        View(QT_TRANSLATE_NOOP("Menus", "Pattern Grid"), "pattern", lambda: window.hopfield.grid,
             table=lambda: grid_table(window.session.memory),
             absent=translate("Menus", "Only a Hopfield memory has a pattern grid.")),
        View(QT_TRANSLATE_NOOP("Menus", "Results"), "results", lambda: window.results,
             table=window.results.table,
             absent=translate("Menus", "Show the Results tab first (Plots > Results).")),
        View(QT_TRANSLATE_NOOP("Menus", "Diagnostics"), "diagnostics", lambda: window.diagnostics,
             absent=translate("Menus", "Show the Diagnostics tab first (Plots > Diagnostics).")),
    ))  # fmt: skip
    explained = make_action(
        window, "actionExportExplainedStep",
        QT_TRANSLATE_NOOP("Actions", "Explained Step as Text…"), "",
        QT_TRANSLATE_NOOP("Actions", "Every stage of the step Explain a Step shows"),
    )  # fmt: skip
    explained.triggered.connect(lambda: save_explained_step(window))
    numbers = make_action(
        window, "actionExportExplainedNumbers",
        QT_TRANSLATE_NOOP("Actions", "Explained Step Numbers as CSV…"), "",
        QT_TRANSLATE_NOOP("Actions", "Every number of the step Explain a Step shows: outputs, "
                                     "gradients, the weights after it"),
    )  # fmt: skip
    numbers.triggered.connect(
        lambda: window.explainer.view.save_numbers(window.files.file_stem().replace(" ", "_"))
    )
    export_menu.addActions([explained, numbers])
    file_menu.addMenu(export_menu)
    report = make_action(
        window, "actionExportReport", QT_TRANSLATE_NOOP("Actions", "Export &Report…"), "",
        QT_TRANSLATE_NOOP("Actions", "The project as one web page or PDF for a lab hand-in: the "
                                     "network, settings, curves, results and your notes"),
    )  # fmt: skip
    report.triggered.connect(lambda: export_report(window))
    file_menu.addAction(report)
    file_menu.addSeparator()
    file_menu.addAction(window.classroom_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit_menu = bar.addMenu(translate("Menus", "&Edit"))
    edit_menu.addActions([view.undo_action, view.redo_action, view.delete_action])
    edit_menu.addAction(view.select_all_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.preferences_action)
    view_menu = bar.addMenu(translate("Menus", "&View"))
    view_menu.addActions(
        [dock.toggleViewAction() for dock in (*window.docks(), *window.hopfield_docks())]
    )
    view_menu.addMenu(window.panel_keys.menu)
    view_menu.addMenu(window.analysis.menu)
    view_menu.addSeparator()
    view_menu.addActions([view.bottom_to_top_action, view.weight_labels_action,
                          view.neuron_maps_action, view.zoom_in_action, view.zoom_out_action,
                          view.fit_action])  # fmt: skip
    view_menu.addSeparator()
    view_menu.addActions([window.log_action, window.trail_action, window.reset_layout_action])
    view_menu.addSeparator()
    view_menu.addAction(window.presentation_action)
    network_menu = bar.addMenu(translate("Menus", "&Network"))
    network_menu.addActions([view.auto_connect_action, window.randomise_action,
                             window.training_actions["reset"]])  # fmt: skip
    network_menu.addSeparator()
    network_menu.addAction(window.gradient_check_action)
    network_menu.addAction(window.probe_action)
    network_menu.addAction(make_prune_action(window))
    train_menu = bar.addMenu(translate("Menus", "&Train"))
    train_menu.addActions(list(window.training_actions.values()))
    train_menu.addSeparator()
    train_menu.addAction(window.explainer.action)
    train_menu.addAction(window.compare_regularisers_action())
    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_menu.addActions(
        [window.lessons_action, window.guide_action, window.shortcuts_action, window.about_action]
    )


def save_explained_step(window) -> None:
    """File > Export > Explained Step as Text: what Explain a Step shows, every stage."""
    window.explainer.view.save_text(window.files.file_stem().replace(" ", "_"))
