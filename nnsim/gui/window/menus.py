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
from nnsim.gui.hopfield.grid import grid_table
from nnsim.gui.project.export_menu import View, make_export_menu
from nnsim.gui.training.diagnostics_view import check_gradients
from nnsim.gui.training.probe import ask_probe
from nnsim.gui.window.help import guide_dialog, shortcuts_dialog, show_about
from nnsim.gui.window.presentation import Presentation
from nnsim.model import new_mlp, new_perceptron


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
            window, "actionNewMLP", "New &MLP", "Ctrl+N", "A new 2-2-1 multi-layer perceptron"
        ),
        "perceptron": make_action(
            window, "actionNewPerceptron", "New &Perceptron", "Ctrl+Shift+N",
            "A new single-layer perceptron with 2 inputs",
        ),
    }  # fmt: skip
    window.new_actions["hopfield"] = make_action(
        window, "actionNewHopfield", "New &Hopfield Memory", "Ctrl+Alt+N",
        "A new Hopfield associative memory: draw patterns, store them, recall them",
    )  # fmt: skip
    window.new_actions["hopfield"].triggered.connect(window.new_hopfield)
    window.new_actions["mlp"].triggered.connect(lambda: window.new_network(new_mlp()))
    window.new_actions["perceptron"].triggered.connect(lambda: window.new_network(new_perceptron()))
    window.presentation = Presentation(window)
    for attribute, name, text, keys, tip, slot, checkable in (
        ("classroom_action", "actionClassroom", "C&lassroom Settings…", "",
         "Fix parts of an exercise (settings, the network, the data) for students",
         window.edit_classroom, False),
        ("quit_action", "actionQuit", "&Quit", QKeySequence.StandardKey.Quit, "Close nnsim",
         window.close, False),
        ("log_action", "actionLogError", "&Log Error Scale", "", "Draw the error on a log scale",
         window.error_plot.set_log_scale, True),
        ("presentation_action", "actionPresentationMode", "&Presentation Mode", "F11",
         "Full screen, larger fonts, thicker lines, fewer panels: for a projector (F11)",
         window.presentation.set_on, True),
        ("trail_action", "actionLineTrail", "Perceptron Line &Trail", "",
         "Keep a perceptron's earlier separating lines on the decision plot, faded",
         window.decision_plot.set_trail, True),
        ("reset_layout_action", "actionResetLayout", "Reset &Layout", "",
         "Put the docks back where they began", window.reset_layout, False),
        ("randomise_action", "actionRandomiseWeights", "Randomise &Weights", "Ctrl+Shift+R",
         "New random weights from a new seed (Ctrl+Shift+R)", window.randomise_weights, False),
        ("guide_action", "actionUserGuide", "&User Guide", QKeySequence.StandardKey.HelpContents,
         "How to use nnsim, with pictures (F1)", lambda: guide_dialog(window).open(), False),
        ("lessons_action", "actionLessons", "&Lessons", "",
         "Short guided lessons, done in the window", window.show_lessons, False),
        ("gradient_check_action", "actionCheckGradients", "Check &Gradients", "",
         "Compare backpropagation's gradient with finite differences, weight by weight",
         lambda: check_gradients(window.session, window), False),
        ("probe_action", "actionProbe", "&Probe an Input…", "Ctrl+P",
         "Type any inputs and see every neuron's value for them (Ctrl+P)",
         lambda: ask_probe(window.session, window), False),
        ("shortcuts_action", "actionShortcuts", "&Keyboard Shortcuts", "Ctrl+/",
         "Every shortcut (Ctrl+/)", lambda: shortcuts_dialog(window).open(), False),
        ("about_action", "actionAbout", "&About nnsim", "", "About nnsim",
         lambda: show_about(window), False),
    ):  # fmt: skip
        action = make_action(window, name, text, keys, tip)
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        setattr(window, attribute, action)


def make_training_toolbar(window) -> None:
    """The toolbar of the training actions and the sample chooser (``trainingToolBar``)."""
    toolbar = window.training_toolbar = window.addToolBar("Training")
    toolbar.setObjectName("trainingToolBar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # words for learners
    toolbar.addActions(list(window.training_actions.values()))
    toolbar.addWidget(window.status.sample_selector)
    toolbar.addAction(window.explainer.action)


def make_menus(window) -> None:
    """Fill ``window``'s menu bar with its actions (the docks exist already)."""
    view = window.editor.view
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions(list(window.new_actions.values()))
    file_menu.addSeparator()
    file_menu.addActions([window.files.open_action, window.files.open_example_action])
    file_menu.addMenu(window.files.recent_menu)
    file_menu.addActions([window.files.save_action, window.files.save_as_action])
    file_menu.addSeparator()
    file_menu.addAction(window.importer.action)
    export_menu = make_export_menu(window.session, window, window.files.file_stem, views=(
        View("Network Diagram", "network", lambda: window.editor.view,
             absent="A Hopfield memory has no network diagram: export its pattern grid."),
        View("Pattern Grid", "pattern", lambda: window.hopfield.grid,
             table=lambda: grid_table(window.session.memory),
             absent="Only a Hopfield memory has a pattern grid."),
        View("Results", "results", lambda: window.results, table=window.results.table,
             absent="Show the Results tab first (Plots > Results)."),
        View("Diagnostics", "diagnostics", lambda: window.diagnostics,
             absent="Show the Diagnostics tab first (Plots > Diagnostics)."),
    ))  # fmt: skip
    explained = make_action(window, "actionExportExplainedStep", "Explained Step as Text…", "",
                            "Every stage of the step Explain a Step shows")  # fmt: skip
    explained.triggered.connect(lambda: save_explained_step(window))
    export_menu.addAction(explained)
    file_menu.addMenu(export_menu)
    file_menu.addSeparator()
    file_menu.addAction(window.classroom_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([view.undo_action, view.redo_action, view.delete_action])
    edit_menu.addAction(view.select_all_action)
    view_menu = bar.addMenu("&View")
    view_menu.addActions(
        [dock.toggleViewAction() for dock in (*window.docks(), *window.hopfield_docks())]
    )
    view_menu.addMenu(window.panel_keys.menu)
    view_menu.addSeparator()
    view_menu.addActions([view.bottom_to_top_action, view.weight_labels_action, view.zoom_in_action,
                          view.zoom_out_action, view.fit_action])  # fmt: skip
    view_menu.addSeparator()
    view_menu.addActions([window.log_action, window.trail_action, window.reset_layout_action])
    view_menu.addSeparator()
    view_menu.addAction(window.presentation_action)
    network_menu = bar.addMenu("&Network")
    network_menu.addActions([view.auto_connect_action, window.randomise_action,
                             window.training_actions["reset"]])  # fmt: skip
    network_menu.addSeparator()
    network_menu.addAction(window.gradient_check_action)
    network_menu.addAction(window.probe_action)
    train_menu = bar.addMenu("&Train")
    train_menu.addActions(list(window.training_actions.values()))
    train_menu.addSeparator()
    train_menu.addAction(window.explainer.action)
    help_menu = bar.addMenu("&Help")
    help_menu.addActions(
        [window.lessons_action, window.guide_action, window.shortcuts_action, window.about_action]
    )


def save_explained_step(window) -> None:
    """File > Export > Explained Step as Text: what Explain a Step shows, every stage."""
    window.explainer.view.save_text(window.files.file_stem().replace(" ", "_"))
