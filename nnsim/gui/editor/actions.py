"""The editor's actions: its tools, Delete, Undo and Redo, and the view's commands.

:func:`install_actions` gives an :class:`~nnsim.gui.editor.view.EditorView`
these attributes, each a QAction with the objectName of CONTRIBUTING.md section 7
(so a main window can put the same actions in its menus):

``tool_actions`` (a dict by tool name), ``delete_action``, ``undo_action``,
``redo_action``, ``select_all_action``, ``auto_connect_action``,
``bottom_to_top_action``, ``weight_labels_action``, ``neuron_maps_action``, ``fit_action``,
``zoom_in_action``, ``zoom_out_action``.
"""

from PySide6.QtGui import QActionGroup, QKeySequence

from nnsim.gui.actions import make_action
from nnsim.text import QT_TRANSLATE_NOOP, translate

# The labels and tooltips are marked for "Actions", the context make_action translates them in.

#: Tool name -> (action objectName, label, shortcut, tooltip).
TOOLS = {
    "select": (
        "actionToolSelect",
        QT_TRANSLATE_NOOP("Actions", "Select/Move"),
        "S",
        QT_TRANSLATE_NOOP("Actions", "Select and move neurons (S)"),
    ),
    "add_neuron": (
        "actionToolAddNeuron",
        QT_TRANSLATE_NOOP("Actions", "Add Neuron"),
        "N",
        QT_TRANSLATE_NOOP(
            "Actions", "Click in a layer to add a neuron; beside the layers to start a new one (N)"
        ),
    ),
    "add_layer": (
        "actionToolAddLayer",
        QT_TRANSLATE_NOOP("Actions", "Add Layer"),
        "L",
        QT_TRANSLATE_NOOP("Actions", "Click to insert a layer there (L)"),
    ),
    "connect": (
        "actionToolConnect",
        QT_TRANSLATE_NOOP("Actions", "Connect"),
        "C",
        QT_TRANSLATE_NOOP("Actions", "Drag from a neuron to a neuron of a later layer (C)"),
    ),
}

Keys = QKeySequence.StandardKey
#: Attribute -> (objectName, label, shortcut, tooltip, view method it triggers or None).
COMMANDS = {
    "delete_action": (
        "actionDelete", QT_TRANSLATE_NOOP("Actions", "Delete"), Keys.Delete,
        QT_TRANSLATE_NOOP("Actions", "Delete the selected neurons and connections (Del)"),
        "delete_selection",
    ),
    "select_all_action": (
        "actionSelectAll", QT_TRANSLATE_NOOP("Actions", "Select All"), Keys.SelectAll,
        QT_TRANSLATE_NOOP("Actions", "Select every neuron and connection (Ctrl+A)"),
        "select_all",
    ),
    "fit_action": (
        "actionFitToWindow", QT_TRANSLATE_NOOP("Actions", "Fit to Window"), "Ctrl+0",
        QT_TRANSLATE_NOOP("Actions", "Show the whole network (Ctrl+0)"), "fit_to_window",
    ),
    "zoom_in_action": (
        "actionZoomIn", QT_TRANSLATE_NOOP("Actions", "Zoom In"), Keys.ZoomIn,
        QT_TRANSLATE_NOOP("Actions", "Zoom in"), "zoom_in",
    ),
    "zoom_out_action": (
        "actionZoomOut", QT_TRANSLATE_NOOP("Actions", "Zoom Out"), Keys.ZoomOut,
        QT_TRANSLATE_NOOP("Actions", "Zoom out"), "zoom_out",
    ),
}  # fmt: skip
#: Attribute -> (objectName, label, tooltip, checked at first): on/off settings.
TOGGLES = {
    "auto_connect_action": (
        "actionAutoConnect",
        QT_TRANSLATE_NOOP("Actions", "Connect New Neurons"),
        QT_TRANSLATE_NOOP(
            "Actions", "New neurons and layers connect fully to the layers beside them"
        ),
        True,
    ),
    "bottom_to_top_action": (
        "actionLayoutBottomToTop",
        QT_TRANSLATE_NOOP("Actions", "Layers Bottom to Top"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Draw the input at the bottom and the output at the top, as some textbooks do",
        ),
        False,
    ),
    "weight_labels_action": (
        "actionWeightLabels",
        QT_TRANSLATE_NOOP("Actions", "Weights on Connections"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Write each weight on its connection (for networks of up to 16 connections)",
        ),
        True,
    ),
    "neuron_maps_action": (
        "actionNeuronMaps",
        QT_TRANSLATE_NOOP("Actions", "Neuron Maps"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Draw in each neuron its output over the input plane, coloured as the decision "
            "boundary (for networks with two inputs and up to 64 neurons after them); for "
            "the digits, each first hidden neuron's weights as an 8 x 8 picture. Networks "
            "with other inputs get no maps",
        ),
        True,
    ),
}

#: Shorter labels on the toolbar (menus keep the full ones), so it fits beside the docks.
TOOLBAR_LABELS = {
    "actionToolSelect": QT_TRANSLATE_NOOP("Actions", "Select"),
    "actionAutoConnect": QT_TRANSLATE_NOOP("Actions", "Auto-Connect"),
    "actionFitToWindow": QT_TRANSLATE_NOOP("Actions", "Fit"),
}


def install_actions(view) -> None:
    """Create the editor's actions on ``view`` (see the module docstring for the names)."""
    group = QActionGroup(view)
    view.tool_actions = {}
    for tool, (name, text, key, tip) in TOOLS.items():
        action = _add(view, make_action(view, name, text, key, tip))
        action.setCheckable(True)
        action.triggered.connect(lambda _=False, t=tool: view.set_tool(t))
        group.addAction(action)
        view.tool_actions[tool] = action
    view.tool_actions["select"].setChecked(True)
    for attribute, (name, text, key, tip, method) in COMMANDS.items():
        action = _add(view, make_action(view, name, text, key, tip))
        action.triggered.connect(getattr(view, method))
        setattr(view, attribute, action)
    for attribute, (name, text, tip, checked) in TOGGLES.items():
        action = _add(view, make_action(view, name, text, "", tip))
        action.setCheckable(True)
        action.setChecked(checked)
        setattr(view, attribute, action)
    view.bottom_to_top_action.toggled.connect(view.set_bottom_to_top)
    view.weight_labels_action.toggled.connect(view.set_weight_labels)
    view.neuron_maps_action.toggled.connect(view.set_neuron_maps)
    for action in view.actions():
        if action.objectName() in TOOLBAR_LABELS:
            action.setIconText(translate("Actions", TOOLBAR_LABELS[action.objectName()]))
    _install_undo(view)


def _install_undo(view) -> None:
    stack = view.undo_stack
    undo, redo = translate("Actions", "Undo"), translate("Actions", "Redo")
    view.undo_action = stack.createUndoAction(view, undo)  # "Undo Add neuron"
    view.undo_action.setObjectName("actionUndo")
    view.undo_action.setShortcut(Keys.Undo)
    view.redo_action = stack.createRedoAction(view, redo)
    view.redo_action.setObjectName("actionRedo")
    view.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for action, verb in ((view.undo_action, undo), (view.redo_action, redo)):
        action.setIconText(verb)  # a toolbar button that keeps its width
        _add(view, action)


def _add(view, action):
    view.addAction(action)  # its shortcut works while the view's window is active
    return action
