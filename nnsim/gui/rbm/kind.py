"""What the window offers while a Boltzmann machine is open: the actions that do not apply to
one turned off, and the editing it refuses, in words.

A restricted Boltzmann machine is drawn as its visible and hidden layers,
every visible neuron joined to every hidden one, every neuron with a bias
(:func:`~nnsim.model.compiler.check_rbm`): its sizes change, its shape does
not.  It learns by contrastive divergence from batches, not by
backpropagation from one sample: explaining, checking or pruning a
backpropagation step means nothing for it.
"""

from PySide6.QtGui import QAction

from nnsim.text import translate


def not_for_rbm(window) -> list[QAction]:
    """The window's actions that do not apply to a Boltzmann machine (Step One Sample is
    the Train menu's own: it follows the run's state too)."""
    view = window.editor.view
    return [
        window.gradient_check_action,
        window.findChild(QAction, "actionPruneWeights"),
        window.explainer.action,
        view.neuron_maps_action,
        view.tool_actions["add_layer"],
        view.tool_actions["connect"],
        view.auto_connect_action,  # (a machine's new neurons always connect)
    ]


def show_kind_actions(window) -> None:
    """Turn the actions of :func:`not_for_rbm` off for a Boltzmann machine, on for the rest."""
    rbm = window.document.kind == "rbm"
    for action in not_for_rbm(window):
        if action is not None:  # (Prune Weights comes with the menus, after the first network)
            action.setEnabled(not rbm)
    if rbm and window.editor.view.tool in ("add_layer", "connect"):
        window.editor.view.set_tool("select")


def refusal(document, connections=(), bias: bool | None = None) -> str | None:
    """Why a Boltzmann machine refuses an edit that removes ``connections`` or turns biases
    to ``bias``; None for an edit it allows (or another kind of network)."""
    if document.kind != "rbm":
        return None
    if connections:
        return translate(
            "RbmEditing",
            "A Boltzmann machine joins every visible neuron to every hidden one: its "
            "connections cannot be removed. Change a layer's size instead.",
        )
    if bias is False:
        return translate(
            "RbmEditing", "Every neuron of a Boltzmann machine has a bias: they stay on."
        )
    return None
