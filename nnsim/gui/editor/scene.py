"""The scene that draws a :class:`NetworkDocument` and follows its changes."""

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsScene

from nnsim.errors import TopologyError
from nnsim.gui.editor.items import ConnectionItem, LayerItem, NeuronItem
from nnsim.model import NetworkDocument, check_topology
from nnsim.model.document import LAYER_SPACING

#: A click this close to a layer's column (in scene units) counts as inside it.
COLUMN_HALF_WIDTH = 45.0


class NetworkScene(QGraphicsScene):
    """Neurons, connections and layer columns of one document.

    The scene observes the document's ``changed`` signal and brings its items
    in step; it never edits the document itself.
    """

    def __init__(self, document: NetworkDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.neuron_items: dict[str, NeuronItem] = {}
        self.connection_items: dict[tuple[str, str], ConnectionItem] = {}
        self.layer_items: dict[str, LayerItem] = {}
        self._links_of: dict[str, set[tuple[str, str]]] = {}
        document.changed.connect(self.sync)
        self.sync()

    # ------------------------------------------------------------------ sync
    def sync(self, change=None) -> None:
        """Add, remove and update items until they match the document."""
        doc = self.document
        wanted = {n.id: n for n in doc.neurons}
        for neuron_id in set(self.neuron_items) - set(wanted):
            self.removeItem(self.neuron_items.pop(neuron_id))
        for neuron in wanted.values():
            item = self.neuron_items.get(neuron.id)
            role = doc.role(neuron.layer)
            has_bias = doc.bias and role not in ("input", "hopfield")
            if item is None:
                item = self.neuron_items[neuron.id] = NeuronItem(neuron.id, role, has_bias)
                self.addItem(item)
            elif (item.role, item.has_bias) != (role, has_bias):
                item.set_role(role, has_bias)
            if (item.pos().x(), item.pos().y()) != (neuron.x, neuron.y):
                item.setPos(neuron.x, neuron.y)
        self._sync_connections()
        self._sync_layers()
        self._recheck_faults()

    def _sync_connections(self) -> None:
        wanted = set(self.document.connections)
        for link in set(self.connection_items) - wanted:
            self.removeItem(self.connection_items.pop(link))
        self._links_of = {}
        for link in wanted:
            item = self.connection_items.get(link)
            if item is None:
                item = self.connection_items[link] = ConnectionItem(link)
                self.addItem(item)
            item.set_ends(self.neuron_items[link[0]].pos(), self.neuron_items[link[1]].pos())
            for neuron_id in link:
                self._links_of.setdefault(neuron_id, set()).add(link)

    def _sync_layers(self) -> None:
        doc = self.document
        wanted = {layer.id for layer in doc.layers}
        for layer_id in set(self.layer_items) - wanted:
            self.removeItem(self.layer_items.pop(layer_id))
        hidden_number = 0
        for index, layer in enumerate(doc.layers):
            item = self.layer_items.get(layer.id)
            if item is None:
                item = self.layer_items[layer.id] = LayerItem(layer.id)
                self.addItem(item)
            role = doc.role(layer.id)
            hidden_number += role == "hidden"
            title = {"hidden": f"Hidden {hidden_number}"}.get(role, role.capitalize())
            ys = [doc.neuron(n).y for n in doc.neurons_of(layer.id)] or [0.0]
            text = f"{title} ({len(doc.neurons_of(layer.id))}, {layer.activation})"
            item.set_column(self.column_x(layer.id, index), min(ys), max(ys), text)

    def neuron_item_moved(self, item: NeuronItem) -> None:
        """Keep the lines of a neuron being dragged attached to it."""
        for link in self._links_of.get(item.neuron_id, ()):
            line = self.connection_items.get(link)
            if line is not None:
                line.set_ends(self.neuron_items[link[0]].pos(), self.neuron_items[link[1]].pos())

    # ------------------------------------------------------------- geometry
    def column_x(self, layer_id: str, index: int | None = None) -> float:
        """The x of a layer's column: its neurons' mean x, or its slot when empty."""
        members = self.document.neurons_of(layer_id)
        if members:
            return sum(self.document.neuron(n).x for n in members) / len(members)
        if index is None:
            index = self.document.layer_index(layer_id)
        return index * LAYER_SPACING

    def layer_at(self, x: float) -> str | None:
        """The layer whose column contains ``x``, if any."""
        for layer in self.document.layers:
            if abs(self.column_x(layer.id) - x) <= COLUMN_HALF_WIDTH:
                return layer.id
        return None

    def insertion_index(self, x: float) -> int:
        """Where a new layer clicked at ``x`` goes: after every column left of it."""
        return sum(1 for layer in self.document.layers if self.column_x(layer.id) < x)

    def neuron_at(self, pos: QPointF) -> NeuronItem | None:
        for item in self.items(pos):
            if isinstance(item, NeuronItem):
                return item
        return None

    def mark_faults(self, neuron_ids=(), layer_ids=()) -> None:
        """Highlight the neurons and layers a topology error named (and clear the others)."""
        faulty = set(neuron_ids)
        for neuron_id, item in self.neuron_items.items():
            if item.faulty != (neuron_id in faulty):
                item.set_faulty(neuron_id in faulty)
        for layer_id, item in self.layer_items.items():
            item.set_faulty(layer_id in layer_ids)

    def _recheck_faults(self) -> None:
        """After an edit, keep marks only on what is still at fault."""
        if not any(
            item.faulty for item in (*self.neuron_items.values(), *self.layer_items.values())
        ):
            return
        try:
            check_topology(self.document)
        except TopologyError as exc:
            self.mark_faults(exc.neuron_ids, exc.layer_ids)
        else:
            self.mark_faults()
