"""Right-click menus of the editor: the same edits as the tools, and layer properties.

Its texts' context is ``"EditorMenus"`` (``"Menus"`` is the window's menus.py).

:func:`context_menu` builds the menu for whatever lies under a scene point
(a neuron, a connection, a layer's column or empty canvas); the view shows
it.  Every entry edits through the view, so each is one undoable step.
"""

from PySide6.QtCore import QPointF
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu

from nnsim.engine.activations import ACTIVATIONS
from nnsim.gui.editor.items import ConnectionItem, NeuronItem
from nnsim.gui.project.exporting import ask_and_save, save_png, save_svg
from nnsim.gui.rbm.kind import refusal
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Largest layer the size dialog offers (784 inputs of a 28 x 28 image fit easily).
MAX_LAYER_SIZE = 100_000


#: The diagram saved from the canvas's menu, as drawn now: text, file kind, suffix, saver
#: (the texts translated when shown).
DIAGRAM_EXPORTS = (
    (
        QT_TRANSLATE_NOOP("EditorMenus", "Save Diagram as PNG…"),
        QT_TRANSLATE_NOOP("EditorMenus", "PNG image (*.png)"),
        ".png",
        save_png,
    ),
    (
        QT_TRANSLATE_NOOP("EditorMenus", "Save Diagram as SVG…"),
        QT_TRANSLATE_NOOP("EditorMenus", "SVG drawing (*.svg)"),
        ".svg",
        save_svg,
    ),
)


def context_menu(view, pos: QPointF) -> QMenu:
    """The menu for scene point ``pos`` of ``view`` (an :class:`EditorView`)."""
    scene, doc = view.network_scene, view.document
    menu = QMenu(view)
    menu.setObjectName("editorContextMenu")
    item = scene.item_under(pos)
    layer_id = None
    if isinstance(item, NeuronItem) and doc.kind != "hopfield":
        layer_id = doc.neuron(item.neuron_id).layer
        biased = doc.layer_index(layer_id) > 0 or doc.kind == "rbm"  # (a machine's visible too)
        if doc.bias and biased:
            menu.addAction(
                translate("EditorMenus", "Set Bias…"),
                lambda: view.number_requested.emit(item.neuron_id, None),
            )
        _add_delete(menu, view, item, translate("EditorMenus", "Delete neuron"))
    elif isinstance(item, ConnectionItem):
        source, target = item.connection
        menu.addAction(
            translate("EditorMenus", "Set Weight…"),
            lambda: view.number_requested.emit(target, source),
        )
        delete = _add_delete(menu, view, item, translate("EditorMenus", "Delete connection"))
        delete.setEnabled(refusal(doc, connections=[item.connection]) is None)
    elif doc.kind != "hopfield":
        layer_id = scene.layer_at(scene.to_document(pos)[0])
    if layer_id is not None and doc.kind != "hopfield":
        _add_layer_entries(menu, view, layer_id, pos)
    if doc.kind != "hopfield":
        menu.addSeparator()
        add_layer = menu.addAction(
            translate("EditorMenus", "Add layer here"), lambda: view.add_layer_at(pos)
        )
        add_layer.setEnabled(doc.kind == "mlp" or len(doc.layers) < 2)
        biases = menu.addAction(translate("EditorMenus", "Biases"))
        biases.setCheckable(True)
        biases.setChecked(doc.bias)
        biases.setEnabled(refusal(doc, bias=not doc.bias) is None)
        biases.triggered.connect(view.set_biases)
        menu.addAction(view.auto_connect_action)
    menu.addSeparator()
    menu.addAction(view.bottom_to_top_action)
    menu.addAction(view.fit_action)
    menu.addSeparator()
    for text, kind, suffix, save in DIAGRAM_EXPORTS:
        kind = translate("EditorMenus", kind)  # the words; the pattern stays
        menu.addAction(translate("EditorMenus", text), lambda k=kind, s=suffix, f=save:
            ask_and_save(view, "network" + s, k, lambda path: f(view, path)))  # fmt: skip
    return menu


def _add_delete(menu: QMenu, view, item, text: str) -> QAction:
    """Delete the selection if the item is part of it, else just the item (the action)."""

    def delete():
        if not item.isSelected():
            view.network_scene.clearSelection()
            item.setSelected(True)
        view.delete_selection()

    return menu.addAction(text, delete)


def _add_layer_entries(menu: QMenu, view, layer_id: str, pos: QPointF) -> None:
    doc = view.document
    name = view.network_scene.layer_title(layer_id)
    menu.addSection(name)
    y = view.network_scene.to_document(pos)[1]
    menu.addAction(
        translate("EditorMenus", "Add neuron to {layer}").format(layer=name),
        lambda: view.add_neuron_to(layer_id, y),
    )
    menu.addAction(translate("EditorMenus", "Layer size…"), lambda: ask_layer_size(view, layer_id))
    role = doc.role(layer_id)
    if role != "input" and doc.kind == "mlp":  # a perceptron's rule decides its output
        activations = menu.addMenu(translate("EditorMenus", "Activation"))
        group = QActionGroup(activations)
        current = doc.layer(layer_id).activation
        for activation in ACTIVATIONS.values():
            if activation.output_only and role != "output":
                continue
            action = activations.addAction(
                activation.name,  # not translated: the function's name, as files write it
                lambda _=False, a=activation.name: view.set_activation(layer_id, a),
            )
            action.setCheckable(True)
            action.setChecked(activation.name == current)
            group.addAction(action)
    deleting = translate("EditorMenus", "Delete {layer}").format(layer=name)
    delete = menu.addAction(
        deleting, lambda: view.edit(deleting, lambda: doc.remove(layer_ids=[layer_id]))
    )
    delete.setEnabled(doc.kind == "mlp")


def ask_layer_size(view, layer_id: str) -> None:
    """Ask for a layer's number of neurons, then resize it as one undoable step."""
    current = len(view.document.neurons_of(layer_id))
    name = view.network_scene.layer_title(layer_id)
    size, accepted = QInputDialog.getInt(
        view,
        translate("EditorMenus", "Layer size"),
        translate("EditorMenus", "Neurons in {layer}:").format(layer=name),
        current,
        1,
        MAX_LAYER_SIZE,
    )
    if accepted:
        view.set_layer_size(layer_id, size)
