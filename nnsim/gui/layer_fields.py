"""The parameter panel's fields for the document: each layer's activation and dropout rate."""

from nnsim.engine.activations import ACTIVATIONS
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Activations whose names are English words, shown translated (the key stays the value);
#: the others are names (sigmoid, tanh, ReLU...) and show their key.
ACTIVATION_TITLES = {
    "step": QT_TRANSLATE_NOOP("Panels", "step"),
    "sign": QT_TRANSLATE_NOOP("Panels", "sign"),
    "linear": QT_TRANSLATE_NOOP("Panels", "linear"),
}
#: The highest dropout rate the panel offers (a rate must stay below 1).
MAX_DROPOUT = 0.95


def activation_field(layer, index: int, output: bool) -> dict:
    """The field of hidden layer ``index``'s activation, or of the output layer's."""
    choices = {
        activation_title(a.name): a.name
        for a in ACTIVATIONS.values()
        if output or not a.output_only
    }
    if output:
        shown = translate("ParameterPanel", "Output activation")
        does = translate(
            "ParameterPanel", "The function the output neurons apply to their weighted sums"
        )
    else:
        shown = translate("ParameterPanel", "Hidden {index} activation")
        does = translate(
            "ParameterPanel",
            "The function the neurons of hidden layer {index} apply to their weighted sums",
        )
    return document_field(
        f"layer:{layer.id}", shown.format(index=index), "list", layer.activation,
        limits=choices, tip=does.format(index=index),
    )  # fmt: skip


def dropout_field(layer, index: int) -> dict:
    """The field of hidden layer ``index``'s dropout rate (a share of its neurons)."""
    does = translate(
        "ParameterPanel",
        "The share of the neurons of hidden layer {index} left out at random for each sample "
        "in training (0: none). The training error is measured with them left out; "
        "predictions, the validation error and the views use every neuron",
    )
    return document_field(
        f"dropout:{layer.id}",
        translate("ParameterPanel", "Hidden {index} dropout").format(index=index),
        "float", layer.dropout, limits=(0.0, MAX_DROPOUT), step=0.1, decimals=3,
        tip=does.format(index=index),
    )  # fmt: skip


def activation_title(name: str) -> str:
    """An activation as its field lists it (translated where its name is an English word)."""
    listed = ACTIVATION_TITLES.get(name)
    return name if listed is None else translate("Panels", listed)


def document_field(name, title, kind, value, **options) -> dict:
    """A field of the parameter panel that edits the document (not a setting)."""
    return {
        "name": name, "title": title, "type": kind, "value": value, "document": True,
        "default": None,  # no "back to default" button (see the settings' fields)
        **options,
    }  # fmt: skip
