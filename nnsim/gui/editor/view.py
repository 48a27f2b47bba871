"""The topology editor: a QGraphicsView with tools to build a network by clicking.

Tools (each a checkable action with a one-key shortcut):

* Select/Move (S): click or rubber-band to select, drag to move (one undo step);
* Add Neuron (N): a click in a layer's column adds a neuron to it; a click
  beside or between columns starts a new layer there;
* Add Layer (L): a click between (or beside) columns inserts a layer of
  ``new_layer_size`` neurons there, and the columns re-flow evenly;
* Connect (C): drag from a neuron to a neuron of a later layer (the next, or a skip).

Delete removes the selection as one step.  The wheel zooms about the
cursor (:mod:`nnsim.gui.editor.zooming`); the middle button, or the left
button with Space held, pans.  Every edit goes through
:func:`~nnsim.gui.commands.push_edit`.

At about 470 lines this module is longer than most: the tools, the mouse and
keys, locking and the edits they make are one state machine (a drag holds
Undo and Delete; a lock asks before any edit), clearer read together.
"""

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtGui import QPainter, QPen, QUndoStack
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsView
from shiboken6 import isValid

from nnsim.errors import NnsimError, TopologyError
from nnsim.gui.commands import push_edit
from nnsim.gui.editor.actions import install_actions
from nnsim.gui.editor.items import SELECTED, ConnectionItem, NeuronItem
from nnsim.gui.editor.layout import add_layer_evenly
from nnsim.gui.editor.menus import context_menu
from nnsim.gui.editor.scene import NetworkScene, titled
from nnsim.gui.editor.zooming import ZoomingView
from nnsim.gui.plain_text import plain
from nnsim.gui.rbm.kind import refusal
from nnsim.model import NetworkDocument, check_topology
from nnsim.text import translate

#: Scene units an arrow key moves the selected neurons (five times that with Shift).
NUDGE_STEP = 4.0


class EditorView(ZoomingView):
    """The editor canvas (objectName ``topologyView``) over a :class:`NetworkScene`.

    Parameters
    ----------
    document : NetworkDocument
    undo_stack : QUndoStack, optional
        The stack edits go on; a new one when not given.

    Signals
    -------
    problem(str)
        A plain-words message when an edit was refused.
    number_requested(str, object)
        A person asks to set a number by hand (a double-click, or the right-click
        menu): the weight of the connection from the second id (a neuron id) to the
        first, or the first's bias when the second is None.
    """

    problem = Signal(str)
    number_requested = Signal(str, object)

    def __init__(
        self, document: NetworkDocument, undo_stack: QUndoStack | None = None, parent=None
    ):
        super().__init__(parent)
        self.setObjectName("topologyView")
        self.document = document
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.setScene(NetworkScene(document, self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A canvas, not a page: pan with the middle button or Space, zoom with the wheel.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        # A band around a column selects its neurons, not every line crossing it.
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.ContainsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        #: Neurons in a layer made with the Add Layer tool.
        self.new_layer_size = 2
        self.tool = "select"
        self._rubber_line: QGraphicsLineItem | None = None
        self._connect_from: NeuronItem | None = None
        self._pan_from: QPointF | None = None
        self._space_held = False
        self._gesture = False  # a left-button drag (move, band or connect) is under way
        self.locked_reason: str | None = None
        #: Called with an edit's name while locked; True when it unlocked the view.
        self.unlock_request: Callable[[str], bool] | None = None
        install_actions(self)
        # The stack moves (indexChanged) before the actions take their new texts.
        self.undo_stack.undoTextChanged.connect(self._name_undo_steps)
        self.undo_stack.redoTextChanged.connect(self._name_undo_steps)
        for changed in (
            self.undo_stack.indexChanged,
            self.undo_stack.canUndoChanged,
            self.undo_stack.canRedoChanged,
        ):
            changed.connect(self._keep_undo_held)

    @Slot()
    def _name_undo_steps(self) -> None:
        """Tooltips of Undo and Redo name the step they would take ("Undo Add neuron")."""
        if not isValid(self.undo_action):
            return  # the window is going: its undo stack, cleared last, outlives the actions
        self.undo_action.setToolTip(plain(self.undo_action.text()))  # "Undo Import <file name>"
        self.redo_action.setToolTip(plain(self.redo_action.text()))

    @property
    def network_scene(self) -> NetworkScene:
        return self.scene()

    def set_document(self, document: NetworkDocument) -> None:
        """Edit another document; tools, actions and the undo stack stay the same."""
        old = self.network_scene
        old.detach()
        self.document = document
        self.setScene(NetworkScene(document, self))
        self.network_scene.set_bottom_to_top(self.bottom_to_top_action.isChecked())
        self.network_scene.set_weight_labels(self.weight_labels_action.isChecked())
        self.network_scene.neuron_maps.set_shown(self.neuron_maps_action.isChecked())
        old.deleteLater()
        self.fit_to_window()

    @Slot(bool)
    def set_weight_labels(self, on: bool) -> None:
        """Write the weights on the connections (True), or leave them to the tooltips."""
        self.network_scene.set_weight_labels(on)

    @Slot(bool)
    def set_neuron_maps(self, on: bool) -> None:
        """Draw each neuron's output over the input plane in it (True), or take the maps away;
        they come at the next frame (the window draws one when they are turned on)."""
        self.network_scene.neuron_maps.set_shown(on)

    @Slot(bool)
    def set_bottom_to_top(self, on: bool) -> None:
        """Draw the layers bottom to top (True) or left to right."""
        self.network_scene.set_bottom_to_top(on)

    @property
    def auto_connect(self) -> bool:
        """Whether new neurons and layers connect fully to their neighbours (a Boltzmann
        machine's always do)."""
        return self.auto_connect_action.isChecked() or self.document.kind == "rbm"

    @auto_connect.setter
    def auto_connect(self, on: bool) -> None:
        self.auto_connect_action.setChecked(on)

    # ------------------------------------------------------------------ tools
    def set_tool(self, tool: str) -> None:
        """Switch the editing tool ("select", "add_neuron", "add_layer", "connect")."""
        self.tool = tool
        self.tool_actions[tool].setChecked(True)
        selecting = tool == "select"
        self.setDragMode(
            QGraphicsView.DragMode.RubberBandDrag if selecting else QGraphicsView.DragMode.NoDrag
        )
        cursor = Qt.CursorShape.ArrowCursor if selecting else Qt.CursorShape.CrossCursor
        self.viewport().setCursor(cursor)

    # ----------------------------------------------------------------- edits
    def edit(self, text: str, mutate, *, merge: bool = False):
        """Push one undoable edit; a refused edit becomes a ``problem`` message.

        ``merge`` lets consecutive moves of the same neurons (nudges) become one step.
        While the view is locked (:meth:`set_locked`) an edit first asks
        ``unlock_request(text)`` (the window offers to stop training); it is
        refused with the lock's reason unless that unlocked the view.
        """
        if self.locked_reason and not (self.unlock_request and self.unlock_request(text)):
            self.problem.emit(self.locked_reason)
            return None
        try:
            return push_edit(self.undo_stack, self.document, text, mutate, merge=merge)
        except NnsimError as exc:
            self.problem.emit(str(exc))
            return None

    def check_topology(self) -> bool:
        """Check that the drawing is a network; highlight the neurons at fault if not.

        Returns True for a sound network.  Otherwise the neurons (or the
        neurons of the layers) a :class:`TopologyError` named are marked, the
        message goes out as ``problem``, and the marks clear by themselves
        once an edit mends the graph.
        """
        try:
            check_topology(self.document)
        except TopologyError as exc:
            self.network_scene.mark_faults(exc.neuron_ids, exc.layer_ids)
            self.problem.emit(str(exc))
            return False
        self.network_scene.mark_faults()
        return True

    def show_values(self, compiled, weights, biases=None, sample=None) -> None:
        """Draw a trained network's weights (and a sample's values) on the canvas.

        See :meth:`NetworkScene.show_values`; call it from the GUI thread
        with copies of the arrays, at most about 30 times a second.
        """
        self.network_scene.show_values(compiled, weights, biases, sample)

    def show_maps(self, compiled, weights, biases, data, validation=None, axes=(0, 1)) -> bool:
        """Draw each neuron's output over the input plane in it (View > Neuron Maps), over
        inputs ``axes`` when the data have more than two: see :meth:`NetworkScene.show_maps`.
        Call it at the live view's frames with copies of the arrays; it works nothing out
        while they stay the same."""
        self.network_scene.neuron_maps.axes = axes
        return self.network_scene.show_maps(compiled, weights, biases, data, validation)

    def show_notes(self, neuron_notes: dict, connection_notes: dict) -> None:
        """Write the explain view's numbers beside neurons and connections (see the scene's)."""
        self.network_scene.show_notes(neuron_notes, connection_notes)

    def clear_notes(self) -> None:
        self.network_scene.clear_notes()

    def add_neuron_at(self, pos: QPointF) -> None:
        """Add a neuron to the layer whose column holds scene point ``pos``, or start a layer."""
        scene = self.network_scene
        x, y = scene.to_document(pos)
        layer_id = scene.layer_at(x)
        if layer_id is None:
            self._add_layer(x, size=1, y=y)  # a neuron placed by hand stays at its height
        else:
            self.add_neuron_to(layer_id, y)

    def add_neuron_to(self, layer_id: str, y: float | None = None) -> None:
        """Add a neuron to a layer's column at height ``y`` (default: below its last)."""
        scene = self.network_scene
        if scene.is_compact(layer_id):
            y = None  # a compact layer grows at its end, not where the click fell
        column = scene.column_x(layer_id)
        self.edit(
            translate("EditorView", "Add neuron"),
            lambda: self.document.add_neuron(layer_id, column, y, connect=self.auto_connect),
        )

    def add_layer_at(self, pos: QPointF) -> None:
        """Insert a layer of ``new_layer_size`` neurons at scene point ``pos``."""
        self._add_layer(self.network_scene.to_document(pos)[0], size=self.new_layer_size)

    def _add_layer(self, x: float, size: int, y: float | None = None) -> None:
        """Insert a layer in the slot ``x`` falls in; the columns re-flow evenly around it.

        The click chooses between which columns the layer goes, not its exact
        place; the layer is centred on ``y``, or on its neighbours when None.
        Afterwards the whole network is brought back into view.
        """
        scene = self.network_scene
        index = scene.insertion_index(x)
        activation = "linear" if index == 0 else "sigmoid"
        title = f"{titled('hidden', max(index, 1))} ({size}, {activation})"  # (to measure)
        spacing = scene.column_spacing(title)
        change = self.edit(
            translate("EditorView", "Add layer"),
            lambda: add_layer_evenly(
                self.document,
                index,
                size,
                activation,
                connect=self.auto_connect,
                spacing=spacing,
                y=y,
            ),
        )
        if change:
            self.keep_in_view([layer.id for _, layer in change.added_layers])

    def keep_in_view(self, layer_ids=()) -> None:
        """After an edit that grew the drawing, show it whole again (and ``layer_ids``).

        While the view is fitted (the person has not zoomed) it refits when
        the network no longer fits; at any zoom it scrolls the named layers
        into sight.
        """
        if self.auto_fit and not self._fits(self._drawing_rect()):
            self.fit_to_window()
        for layer_id in layer_ids:
            item = self.network_scene.layer_items.get(layer_id)
            if item is not None:
                self.ensureVisible(item.sceneBoundingRect(), 20, 20)
        self._update_scroll_bars()

    def set_layer_size(self, layer_id: str, size: int) -> None:
        """Grow or shrink a layer to ``size`` neurons, as one undoable step."""
        self.edit(
            translate("EditorView", "Change layer size"),
            lambda: self.document.set_layer_size(layer_id, size, connect=self.auto_connect),
        )

    def set_activation(self, layer_id: str, activation: str) -> None:
        self.edit(
            translate("EditorView", "Change activation"),
            lambda: self.document.set_property(layer_id, "activation", activation),
        )

    def set_biases(self, on: bool) -> None:
        """Give the neurons after the input biases (True) or none."""
        if refused := refusal(self.document, bias=bool(on)):
            self.problem.emit(refused)
            return
        self.edit(
            translate("EditorView", "Biases on") if on else translate("EditorView", "Biases off"),
            lambda: self.document.set_property("", "bias", bool(on)),
        )

    def connect_neurons(self, first: str, second: str) -> None:
        """Connect two neurons of different layers, from the earlier to the later one."""
        doc = self.document

        def connect():
            a, b = doc.neuron(first), doc.neuron(second)
            if doc.layer_index(a.layer) > doc.layer_index(b.layer):
                return doc.connect(second, first)
            return doc.connect(first, second)

        self.edit(translate("EditorView", "Connect"), connect)

    def nudge(self, dx: float, dy: float) -> None:
        """Move the selected neurons by (dx, dy) scene units; repeated nudges are one step."""
        scene = self.network_scene
        moved = {
            item.neuron_id: scene.to_document(item.pos() + QPointF(dx, dy))
            for item in scene.selectedItems()
            if isinstance(item, NeuronItem) and item.movable
        }
        if moved:
            self.edit(
                translate("EditorView", "Nudge"), lambda: self.document.move(moved), merge=True
            )

    def delete_selection(self) -> None:
        items = self.network_scene.selectedItems()
        neurons = [i.neuron_id for i in items if isinstance(i, NeuronItem)]
        links = [i.connection for i in items if isinstance(i, ConnectionItem)]
        if refused := refusal(self.document, connections=links):
            self.problem.emit(refused)
            return
        if neurons or links:
            if len(items) > 1:
                text = translate("EditorView", "Delete")
            elif neurons:
                text = translate("EditorView", "Delete neuron")
            else:
                text = translate("EditorView", "Delete connection")
            self.edit(text, lambda: self.document.remove(neuron_ids=neurons, connections=links))

    def _commit_moves(self) -> None:
        """After a drag, put the neurons' new positions into the document as one step."""
        scene, moved = self.network_scene, {}
        for neuron_id, item in scene.neuron_items.items():
            neuron = self.document.neuron(neuron_id)
            position = scene.to_document(item.pos())
            if item.movable and position != (neuron.x, neuron.y):
                moved[neuron_id] = position
        if moved:
            text = (
                translate("EditorView", "Move neuron")
                if len(moved) == 1
                else translate("EditorView", "Move {count} neurons").format(count=len(moved))
            )
            self.edit(text, lambda: self.document.move(moved))

    # ----------------------------------------------------------------- mouse
    def set_locked(self, reason: str | None) -> None:
        """Refuse every edit, saying ``reason`` (training is using the network); None unlocks.

        The canvas still shows values, tooltips, zoom and pan while locked;
        Undo and Redo wait; any other edit goes through :meth:`edit`, which
        asks ``unlock_request`` first.
        """
        self.locked_reason = reason
        self._hold_edits(self._gesture)

    def _hold_edits(self, held: bool) -> None:
        """While a drag is under way, Delete, Undo and Redo wait: they would pull the
        dragged items out from under the mouse."""
        self._gesture = held
        free = not held and not self.locked_reason
        self.delete_action.setEnabled(not held)  # while locked, Delete asks (see edit())
        self.undo_action.setEnabled(free and self.undo_stack.canUndo())
        self.redo_action.setEnabled(free and self.undo_stack.canRedo())

    @Slot()
    def _keep_undo_held(self) -> None:
        """The stack re-enables Undo and Redo on every change: hold them while locked."""
        if self.locked_reason or self._gesture:
            self._hold_edits(self._gesture)

    def mousePressEvent(self, event):  # noqa: N802 - Qt's name
        pos = self.mapToScene(event.position().toPoint())
        left = event.button() == Qt.MouseButton.LeftButton
        if event.button() == Qt.MouseButton.MiddleButton or (left and self._space_held):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if left and self.tool in ("select", "connect"):
            self._hold_edits(True)
        if left and self.tool == "add_neuron":
            self.add_neuron_at(pos)
            return
        if left and self.tool == "add_layer":
            self.add_layer_at(pos)
            return
        if left and self.tool == "connect":
            self._start_connection(pos)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):  # noqa: N802 - Qt's name
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        if self._rubber_line is not None:
            line = self._rubber_line.line()
            line.setP2(self.mapToScene(event.position().toPoint()))
            self._rubber_line.setLine(line)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if self._pan_from is not None:
            self._pan_from = None
            self.set_tool(self.tool)
            return
        left = event.button() == Qt.MouseButton.LeftButton
        if self._rubber_line is not None:
            if left:
                self._hold_edits(False)
                self._finish_connection(self.mapToScene(event.position().toPoint()))
            return
        super().mouseReleaseEvent(event)
        if left and self._gesture:
            self._hold_edits(False)
            if self.tool == "select":
                self._commit_moves()

    def _start_connection(self, pos: QPointF) -> None:
        start = self.network_scene.neuron_at(pos)
        if start is None:
            return
        self._connect_from = start
        self._rubber_line = QGraphicsLineItem(start.pos().x(), start.pos().y(), pos.x(), pos.y())
        self._rubber_line.setPen(QPen(SELECTED, 2, Qt.PenStyle.DashLine))
        self.network_scene.addItem(self._rubber_line)

    def _finish_connection(self, pos: QPointF) -> None:
        self.network_scene.removeItem(self._rubber_line)
        self._rubber_line = None
        end = self.network_scene.neuron_at(pos)
        start, self._connect_from = self._connect_from, None
        if end is not None and end is not start:  # dropping elsewhere cancels
            self.connect_neurons(start.neuron_id, end.neuron_id)

    # ------------------------------------------------------- keys
    def select_all(self) -> None:
        for item in self.network_scene.items():
            if isinstance(item, NeuronItem | ConnectionItem):
                item.setSelected(True)

    def input_side_at_bottom(self) -> bool:
        return self.network_scene.bottom_to_top

    def mouseDoubleClickEvent(self, event):  # noqa: N802 - Qt's name
        """A double-click on a connection or a neuron (not an input) asks to set its number."""
        item = self.network_scene.item_under(self.mapToScene(event.position().toPoint()))
        document = self.document
        if isinstance(item, ConnectionItem):
            source, target = item.connection
            self.number_requested.emit(target, source)
        elif isinstance(item, NeuronItem) and document.bias:
            if document.layer_index(document.neuron(item.neuron_id).layer) > 0:
                self.number_requested.emit(item.neuron_id, None)
        else:
            super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event):  # noqa: N802 - Qt's name
        context_menu(self, self.mapToScene(event.pos())).exec(event.globalPos())

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        step = NUDGE_STEP * (5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
        arrows = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if event.key() in arrows and not self._gesture:
            self.nudge(*arrows[event.key()])
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.set_tool(self.tool)
            return
        super().keyReleaseEvent(event)
