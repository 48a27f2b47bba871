"""The editor's actions: its tools, Delete, Undo and Redo, and the view's commands.

:func:`install_actions` gives an :class:`~nnsim.gui.editor.view.EditorView`
these attributes, each a QAction with the objectName of CONTRIBUTING.md section 7
(so a main window can put the same actions in its menus):

``tool_actions`` (a dict by tool name), ``delete_action``, ``undo_action``,
``redo_action``, ``select_all_action``, ``auto_connect_action``,
``bottom_to_top_action``, ``weight_labels_action``, ``fit_action``, ``zoom_in_action``,
``zoom_out_action``.
"""

from PySide6.QtGui import QActionGroup, QKeySequence

from nnsim.gui.actions import make_action

#: Tool name -> (action objectName, label, shortcut, tooltip).
TOOLS = {
    "select": ("actionToolSelect", "Select/Move", "S", "Select and move neurons (S)"),
    "add_neuron": (
        "actionToolAddNeuron",
        "Add Neuron",
        "N",
        "Click in a layer to add a neuron; beside the layers to start a new one (N)",
    ),
    "add_layer": ("actionToolAddLayer", "Add Layer", "L", "Click to insert a layer there (L)"),
    "connect": (
        "actionToolConnect",
        "Connect",
        "C",
        "Drag from a neuron to a neuron of the next layer (C)",
    ),
}

Keys = QKeySequence.StandardKey
#: Attribute -> (objectName, label, shortcut, tooltip, view method it triggers or None).
COMMANDS = {
    "delete_action": (
        "actionDelete", "Delete", Keys.Delete,
        "Delete the selected neurons and connections (Del)", "delete_selection",
    ),
    "select_all_action": (
        "actionSelectAll", "Select All", Keys.SelectAll,
        "Select every neuron and connection (Ctrl+A)", "select_all",
    ),
    "fit_action": (
        "actionFitToWindow", "Fit to Window", "Ctrl+0", "Show the whole network (Ctrl+0)",
        "fit_to_window",
    ),
    "zoom_in_action": ("actionZoomIn", "Zoom In", Keys.ZoomIn, "Zoom in", "zoom_in"),
    "zoom_out_action": ("actionZoomOut", "Zoom Out", Keys.ZoomOut, "Zoom out", "zoom_out"),
}  # fmt: skip
#: Attribute -> (objectName, label, tooltip, checked at first): on/off settings.
TOGGLES = {
    "auto_connect_action": (
        "actionAutoConnect",
        "Connect New Neurons",
        "New neurons and layers connect fully to the layers beside them",
        True,
    ),
    "bottom_to_top_action": (
        "actionLayoutBottomToTop",
        "Layers Bottom to Top",
        "Draw the input at the bottom and the output at the top, as some textbooks do",
        False,
    ),
    "weight_labels_action": (
        "actionWeightLabels",
        "Weights on Connections",
        "Write each weight on its connection (for networks of up to 16 connections)",
        True,
    ),
}

#: Shorter labels on the toolbar (menus keep the full ones), so it fits beside the docks.
TOOLBAR_LABELS = {
    "actionToolSelect": "Select",
    "actionAutoConnect": "Auto-Connect",
    "actionFitToWindow": "Fit",
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
    for action in view.actions():
        if action.objectName() in TOOLBAR_LABELS:
            action.setIconText(TOOLBAR_LABELS[action.objectName()])
    _install_undo(view)


def _install_undo(view) -> None:
    stack = view.undo_stack
    view.undo_action = stack.createUndoAction(view, "Undo")
    view.undo_action.setObjectName("actionUndo")
    view.undo_action.setShortcut(Keys.Undo)
    view.redo_action = stack.createRedoAction(view, "Redo")
    view.redo_action.setObjectName("actionRedo")
    view.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for action, verb in ((view.undo_action, "Undo"), (view.redo_action, "Redo")):
        action.setIconText(verb)  # a toolbar button that keeps its width
        _add(view, action)


def _add(view, action):
    view.addAction(action)  # its shortcut works while the view's window is active
    return action
