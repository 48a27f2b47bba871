"""Turning a derived input (x1·x2, x1² and x2², sin x1 and sin x2) on or off from the panel.

The setting and the input layer's size change together, as one undo step:
the network gets (or loses) an input neuron per derived column, connected
as new neurons are, so it still fits the data it trains on.
"""

from collections.abc import Callable

from PySide6.QtGui import QUndoStack

from nnsim.engine.features import derived_names
from nnsim.gui.commands import SettingCommand
from nnsim.model import NetworkDocument
from nnsim.model.run_data import derived_inputs, plane_size
from nnsim.model.settings import Settings, title
from nnsim.text import translate


def network_inputs_wanted(settings: Settings) -> int:
    """How many inputs a network needs for the data ``settings`` make (derived ones too)."""
    return plane_size(settings) + len(derived_names(derived_inputs(settings)))


def set_derived_input(
    settings: Settings,
    document: NetworkDocument,
    undo_stack: QUndoStack,
    edit_document: Callable,
    name: str,
    value: bool,
) -> None:
    """Set the derived-input setting ``name`` and resize the input layer to fit, one step.

    The input layer changes only if it fitted the data before (a network that
    did not fit is left for the person to mend).  Raises ConfigError, changing
    nothing, for a refused value.
    """
    fitted = network_inputs_wanted(settings)
    old = settings[name]
    settings.set(name, value)
    if settings[name] == old:
        return
    wanted = network_inputs_wanted(settings)
    layers = document.layers
    undo_stack.beginMacro(
        translate("SettingCommand", "Set {setting}").format(setting=title(settings.spec(name)))
    )
    undo_stack.push(SettingCommand(settings, name, old, settings[name]))
    if len(layers) >= 2 and document.layer_sizes[0] == fitted != wanted:
        edit_document(
            translate("DerivedInputs", "Resize the input layer"),
            lambda: document.set_layer_size(layers[0].id, wanted),
        )
    undo_stack.endMacro()
