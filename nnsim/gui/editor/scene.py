"""The scene that draws a :class:`NetworkDocument` and follows its changes.

It draws the document (neurons, connections, layer columns, compact big
layers) and, over that drawing, the values a network computes and the notes
Explain a Step adds; at about 430 lines it is a little past the usual size,
the values being drawn on the very items the document's drawing makes.
"""

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from nnsim.errors import TopologyError
from nnsim.gui.editor.items import (
    NEURON_RADIUS,
    ConnectionItem,
    LayerItem,
    NeuronItem,
    NoteItem,
    level_range,
)
from nnsim.gui.editor.maps import NeuronMaps
from nnsim.model import NetworkDocument, check_topology
from nnsim.model.document import LAYER_SPACING, NEURON_SPACING
from nnsim.model.values import connection_weights, neuron_values
from nnsim.text import translate

#: A click this close to a layer's column (in scene units) counts as inside it.
COLUMN_HALF_WIDTH = 45.0
#: Least room between two layers' names, in scene units.
LABEL_GAP = 16.0
#: A layer with more neurons is drawn compactly: the first HEAD, a count, the last TAIL.
COMPACT_ABOVE = 32
COMPACT_HEAD = 5
COMPACT_TAIL = 2
#: Above this many connections, weights are drawn as hairlines of varying opacity.
CROWDED_CONNECTIONS = 400
#: Above this many, connections' notes stay off the canvas (they would cover it).
MAX_CONNECTION_NOTES = 60
#: Up to this many connections, each has its weight written on it (View > Weights on
#: Connections); more would cover the drawing.
MAX_WEIGHT_LABELS = 16


class NetworkScene(QGraphicsScene):
    """Neurons, connections and layer columns of one document.

    The scene observes the document's ``changed`` signal and brings its items
    in step; it never edits the document itself.  A Hopfield document draws
    nothing: its grid is shown and edited in the Hopfield workspace
    (:mod:`nnsim.gui.hopfield`), and an item for each of a large grid's
    neurons cost time and memory at every open for a drawing nobody saw.
    """

    def __init__(self, document: NetworkDocument, parent=None):
        super().__init__(parent)
        self.document = document
        #: Draw layers from the bottom up instead of left to right.
        self.bottom_to_top = False
        self.weight_labels = True
        self.neuron_items: dict[str, NeuronItem] = {}
        self.connection_items: dict[tuple[str, str], ConnectionItem] = {}
        self.layer_items: dict[str, LayerItem] = {}
        self._links_of: dict[str, set[tuple[str, str]]] = {}
        self._notes: list[NoteItem] = []  # the explain view's numbers
        #: Each neuron's output over the input plane, drawn in it (View > Neuron Maps).
        self.neuron_maps = NeuronMaps(self)
        self._syncing = False
        document.changed.connect(self.sync)
        self.sync()

    def detach(self) -> None:
        """Stop following the document (before the scene goes away)."""
        self.document.changed.disconnect(self.sync)

    # ------------------------------------------------------------ orientation
    def to_scene(self, x: float, y: float) -> QPointF:
        """The scene point of document position (x, y): x runs along the layers."""
        return QPointF(y, -x) if self.bottom_to_top else QPointF(x, y)

    def to_document(self, point: QPointF) -> tuple[float, float]:
        """The document position drawn at scene ``point`` (inverse of :meth:`to_scene`)."""
        return (-point.y(), point.x()) if self.bottom_to_top else (point.x(), point.y())

    def set_weight_labels(self, shown: bool) -> None:
        """Write each weight on its connection (when there are few enough to read) or not."""
        self.weight_labels = shown
        labelled = self._labelled()
        for item in self.connection_items.values():
            item.show_label(labelled)
        for item in self.neuron_items.values():
            item.show_bias(labelled)
        self._place_names()  # the layers' names step off the weights, or back

    def _write_biases(self, compiled, biases, shown: bool) -> None:
        """Each neuron's bias under it, if ``shown`` (``biases`` None: the network has none)."""
        for neuron_id, item in self.neuron_items.items():
            layer, row = compiled.index.get(neuron_id, (0, 0))
            bias = None if biases is None or layer == 0 else float(biases[layer - 1][row])
            item.set_bias(bias, shown)

    def _labelled(self) -> bool:
        return self.weight_labels and len(self.connection_items) <= MAX_WEIGHT_LABELS

    def set_bottom_to_top(self, bottom_to_top: bool) -> None:
        """Draw the layers bottom to top (True) or left to right (False)."""
        if bottom_to_top != self.bottom_to_top:
            self.bottom_to_top = bottom_to_top
            self.sync()

    # ------------------------------------------------------------------ sync
    def sync(self, change=None) -> None:
        """Add, remove and update items until they match the document.

        A change of structure clears the trained values shown: they belong
        to the network as it was compiled.  A layer of more than
        ``COMPACT_ABOVE`` neurons is drawn compactly: its first and last few
        neurons, and between them a count of the rest.
        """
        if change is not None and not change.only_moves():
            self.clear_values()
        self._syncing = True
        try:
            self._sync_items()
        finally:
            self._syncing = False

    def _sync_items(self) -> None:
        drawn = self._drawn_positions()
        for neuron_id in set(self.neuron_items) - set(drawn):
            self.removeItem(self.neuron_items.pop(neuron_id))
        doc = self.document
        for neuron_id, (x, y, compact) in drawn.items():
            item = self.neuron_items.get(neuron_id)
            role = doc.role(doc.neuron(neuron_id).layer)
            has_bias = doc.bias and role != "input"
            if doc.kind == "rbm" and role == "hidden":
                role = "rbm hidden"  # coloured as a Boltzmann machine's, not an MLP's
            if item is None:
                item = self.neuron_items[neuron_id] = NeuronItem(neuron_id, role, has_bias)
                self.addItem(item)
            elif (item.role, item.has_bias) != (role, has_bias):
                item.set_role(role, has_bias)
            item.set_movable(not compact)
            point = self.to_scene(x, y)
            if item.pos() != point:
                item.setPos(point)
        self._sync_connections()
        self._sync_layers(drawn)
        self._separate_labels()
        self._recheck_faults()
        # Room around the drawing to click new layers into, and no stale extent to scroll to.
        margin = 2 * LAYER_SPACING
        self.setSceneRect(self.itemsBoundingRect().adjusted(-margin, -margin, margin, margin))

    def _drawn_layers(self) -> tuple:
        """The layers that get a column: a layered network's all, a Hopfield grid's none."""
        return () if self.document.kind == "hopfield" else self.document.layers

    def _drawn_positions(self) -> dict[str, tuple[float, float, bool]]:
        """Neuron id -> (x, y, in a compact layer) for every neuron that gets an item."""
        drawn = {}
        for layer in self._drawn_layers():
            members = self.document.neurons_of(layer.id)
            if not self.is_compact(layer.id):
                for neuron_id in members:
                    neuron = self.document.neuron(neuron_id)
                    drawn[neuron_id] = (neuron.x, neuron.y, False)
                continue
            x, (rows, _) = self.column_x(layer.id), self._compact_rows(layer.id)
            shown = members[:COMPACT_HEAD] + members[-COMPACT_TAIL:]
            for neuron_id, y in zip(shown, rows, strict=True):
                drawn[neuron_id] = (x, y, True)
        return drawn

    def is_compact(self, layer_id: str) -> bool:
        """Whether a layer is drawn compactly (layered networks' layers above COMPACT_ABOVE)."""
        doc = self.document
        return doc.kind != "hopfield" and len(doc.neurons_of(layer_id)) > COMPACT_ABOVE

    def _compact_rows(self, layer_id: str) -> tuple[list[float], float]:
        """The ys of a compact layer's drawn neurons, and the y of the count between them.

        They stand one neuron spacing apart around the mean y of all the
        layer's neurons, with one free row for the count.
        """
        members = self.document.neurons_of(layer_id)
        centre = sum(self.document.neuron(n).y for n in members) / len(members)
        slots = COMPACT_HEAD + 1 + COMPACT_TAIL
        ys = [centre + (slot - (slots - 1) / 2) * NEURON_SPACING for slot in range(slots)]
        return ys[:COMPACT_HEAD] + ys[COMPACT_HEAD + 1 :], ys[COMPACT_HEAD]

    def _sync_connections(self) -> None:
        drawn = self.neuron_items
        wanted = {  # in the document's order (a set's would follow the string hash: the
            # connections' order, and so which line is drawn over which, would change by run)
            link: None
            for link in self.document.connections
            if link[0] in drawn and link[1] in drawn
        }
        for link in set(self.connection_items) - wanted.keys():
            self.removeItem(self.connection_items.pop(link))
        self._links_of = {}
        depth = {layer.id: k for k, layer in enumerate(self.document.layers)}
        for link in wanted:
            item = self.connection_items.get(link)
            if item is None:
                item = self.connection_items[link] = ConnectionItem(link)
                self.addItem(item)
            source, target = (depth[self.document.neuron(n).layer] for n in link)
            item.set_ends(drawn[link[0]].pos(), drawn[link[1]].pos(), target > source + 1)
            for neuron_id in link:
                self._links_of.setdefault(neuron_id, set()).add(link)

    def _sync_layers(self, drawn) -> None:
        doc = self.document
        layers = self._drawn_layers()
        wanted = {layer.id for layer in layers}
        for layer_id in set(self.layer_items) - wanted:
            item = self.layer_items.pop(layer_id)
            self.removeItem(item.elision)
            self.removeItem(item)
        for index, layer in enumerate(layers):
            item = self.layer_items.get(layer.id)
            if item is None:
                item = self.layer_items[layer.id] = LayerItem(layer.id)
                self.addItem(item)
                self.addItem(item.elision)
            title = self.layer_title(layer.id)
            members = doc.neurons_of(layer.id)
            ys = [drawn[n][1] for n in members if n in drawn] or [0.0]
            x, m = self.column_x(layer.id, index), LayerItem.MARGIN
            corners = (self.to_scene(x - m, min(ys) - m), self.to_scene(x + m, max(ys) + m))
            item.set_column(
                QRectF(*corners).normalized(),
                f"{title} ({len(members)}, {doc.activation_of(layer.id)})",
                label_left=self.bottom_to_top,
            )
            if self.is_compact(layer.id):
                hidden = len(members) - COMPACT_HEAD - COMPACT_TAIL
                item.set_elision(hidden, self.to_scene(x, self._compact_rows(layer.id)[1]))
            else:
                item.set_elision(0)

    def _place_names(self) -> None:
        """Each layer's name back at its column, then stepped off what is in its way."""
        for item in self.layer_items.values():
            item.label.setPos(item.label_home)
        self._separate_labels()

    def _separate_labels(self) -> None:
        """Move layer names apart where they would overlap (columns dragged close together),
        and off the weights written on connections (View > Weights on Connections).

        Names are placed one by one along the layers; a name that meets one
        already placed, or a weight's label, steps away from its column (up, or
        left when the layers run bottom to top) until it is clear.
        """
        labelled = self._labelled()  # (at most MAX_WEIGHT_LABELS connections then)
        placed = [item.label_area() for item in self.connection_items.values()] if labelled else []
        placed += [note.sceneBoundingRect() for note in self._notes]
        items = self.layer_items.values()
        for item in sorted(items, key=lambda i: self.to_document(i.rect().center())[0]):
            label = item.label
            rect = label.sceneBoundingRect()
            step = (
                QPointF(-(rect.width() + LABEL_GAP / 2), 0.0)
                if self.bottom_to_top
                else QPointF(0.0, -(rect.height() + 2.0))
            )
            clear = rect.adjusted(-LABEL_GAP / 4, -1.0, LABEL_GAP / 4, 1.0)
            while any(clear.intersects(other) for other in placed):
                label.setPos(label.pos() + step)
                rect, clear = rect.translated(step), clear.translated(step)
            placed.append(clear)

    def column_spacing(self, new_title: str = "") -> float:
        """How far apart columns stand so that neighbouring layers' names never meet.

        At least ``LAYER_SPACING``; wider when the longest name (or
        ``new_title``, a layer about to be added) needs it.
        """
        if self.bottom_to_top:  # names stand to the left, one line high: any spacing fits
            return LAYER_SPACING
        widths = [item.label.boundingRect().width() for item in self.layer_items.values()]
        if new_title:
            widths.append(
                QFontMetricsF(QGraphicsSimpleTextItem().font()).horizontalAdvance(new_title)
            )
        return max(LAYER_SPACING, max(widths, default=0.0) + LABEL_GAP)

    # ---------------------------------------------------------- live values
    def show_values(self, compiled, weights, biases=None, sample=None) -> None:
        """Draw a trained network's numbers on the canvas.

        Parameters
        ----------
        compiled : CompiledNetwork
            The compile of this document the weights belong to (its index
            maps neuron ids to rows).
        weights : sequence of (n_out, n_in) arrays
            Copies, e.g. a training report's; never the arrays a worker updates.
        biases : sequence of (n_out,) arrays, optional
        sample : (n_inputs,) array, optional
            An input: each neuron then shows its output for it, and its
            tooltip the net input and activation.

        Connections take the colour of their weight's sign and a width (or,
        above ``CROWDED_CONNECTIONS``, an opacity) from its magnitude.
        """
        known = compiled.index
        links = [link for link in self.connection_items if link[0] in known and link[1] in known]
        found = connection_weights(compiled, links, weights)
        largest = max((abs(w) for w in found.values()), default=0.0)
        crowded = len(links) > CROWDED_CONNECTIONS
        labelled = self._labelled()
        for link, weight in found.items():
            self.connection_items[link].set_weight(weight, largest, crowded, labelled)
        self._write_biases(compiled, biases, labelled)
        if sample is None:
            for item in self.neuron_items.values():
                item.set_value(None)
            return
        values = neuron_values(self.document, compiled, weights, biases, sample)
        for layer_index, layer in enumerate(self.document.layers):
            members = [
                n
                for n in self.document.neurons_of(layer.id)
                if n in self.neuron_items and n in values
            ]
            activation = self.document.activation_of(layer.id)
            low, high = level_range(activation, [values[n].output for n in members])
            for neuron_id in members:
                bias = None
                if biases is not None and layer_index > 0:
                    bias = biases[layer_index - 1][compiled.index[neuron_id][1]]
                value = values[neuron_id]
                self.neuron_items[neuron_id].set_value(
                    _short(value.output),
                    _level(value.output, low, high),
                    _neuron_tooltip(neuron_id, activation, value, bias),
                )

    def show_maps(self, compiled, weights, biases, data, validation=None) -> bool:
        """Draw in each neuron its output over ``data``'s input plane (two inputs only):
        see :meth:`NeuronMaps.show <nnsim.gui.editor.maps.NeuronMaps.show>`."""
        return self.neuron_maps.show(compiled, weights, biases, data, validation)

    def show_notes(self, neuron_notes: dict, connection_notes: dict) -> None:
        """Write numbers beside neurons (to their upper right) and along connections.

        Connections get theirs a third of the way from their source, so the
        notes of connections into one neuron do not pile up.  Above
        ``MAX_CONNECTION_NOTES`` connections, theirs are left to the side panel.
        A layer's name in a note's way steps up off it.
        """
        self._remove_notes()
        for neuron_id, text in neuron_notes.items():
            item = self.neuron_items.get(neuron_id)
            if item is not None:
                self._add_note(text, item.pos() + QPointF(NEURON_RADIUS, -2.2 * NEURON_RADIUS))
        if len(connection_notes) > MAX_CONNECTION_NOTES:
            connection_notes = {}
        for link, text in connection_notes.items():
            source, target = self.neuron_items.get(link[0]), self.neuron_items.get(link[1])
            if source is not None and target is not None:
                self._add_note(text, source.pos() + (target.pos() - source.pos()) / 3)
        self._place_names()  # the layers' names step off the notes

    def _add_note(self, text: str, at: QPointF) -> None:
        note = NoteItem(text)
        note.setPos(at)
        self.addItem(note)
        self._notes.append(note)

    def clear_notes(self) -> None:
        """Take the notes away; the layers' names go back to their columns."""
        if self._notes:
            self._remove_notes()
            self._place_names()

    def _remove_notes(self) -> None:
        for note in self._notes:
            self.removeItem(note)
        self._notes = []

    def clear_values(self) -> None:
        """Back to the plain drawing: grey connections, empty neurons, no maps."""
        self.neuron_maps.clear()
        for item in self.connection_items.values():
            item.set_weight(None)
        for item in self.neuron_items.values():
            item.set_value(None)
            item.set_bias(None, False)

    def neuron_item_moved(self, item: NeuronItem) -> None:
        """Keep the lines of a neuron being dragged attached to it."""
        if self._syncing:
            return  # sync() redraws every line once the neurons stand where they belong
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

    def layer_title(self, layer_id: str) -> str:
        """ "Input", "Hidden 1", "Hidden 2", ..., "Output" (a Hopfield network's: "Hopfield"),
        translated: a name shown, never written into a file."""
        doc = self.document
        index = doc.layer_index(layer_id)
        return titled(doc.role(layer_id), 0 if doc.kind == "rbm" else index)

    def neuron_at(self, pos: QPointF) -> NeuronItem | None:
        for item in self.items(pos):
            if isinstance(item, NeuronItem):
                return item
        return None

    def item_under(self, pos: QPointF) -> NeuronItem | ConnectionItem | None:
        """The neuron at ``pos``, else the connection, else None."""
        found = [i for i in self.items(pos) if isinstance(i, NeuronItem | ConnectionItem)]
        found.sort(key=lambda i: not isinstance(i, NeuronItem))
        return found[0] if found else None

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


def _level(value: float, low: float, high: float) -> float:
    """Where ``value`` lies between ``low`` and ``high`` (0.5 when the range is empty)."""
    span = high - low
    if not (span > 0 and math.isfinite(span) and math.isfinite(value)):
        return 0.5
    return (value - low) / span


def titled(role: str, index: int) -> str:
    """The name on the canvas of the layer of ``role`` at ``index``: "Hidden 1", "Output"."""
    if role == "input":
        return translate("Scene", "Input")
    if role == "output":
        return translate("Scene", "Output")
    if role == "visible":
        return translate("Scene", "Visible")
    if role == "hidden":
        if not index:  # a Boltzmann machine's one hidden layer
            return translate("Scene", "Hidden")
        return translate("Scene", "Hidden {index}").format(index=index)
    return "Hopfield"  # (a name, the same in every language)


def _neuron_tooltip(neuron_id: str, activation: str, value, bias) -> str:
    """A neuron's numbers for the sample shown (its id is the file's, shown as it is)."""
    if value.net_input is None:
        return translate("Scene", "{neuron} (input)\noutput a = x = {output}").format(
            neuron=neuron_id, output=f"{value.output:.6g}"
        )
    lines = [
        neuron_id,
        translate("Scene", "net input z = {z}").format(z=f"{value.net_input:.6g}"),
    ]
    if bias is not None:
        lines.append(translate("Scene", "bias b = {b}").format(b=f"{bias:.6g}"))
    lines.append(
        translate("Scene", "output a = {activation}(z) = {output}").format(
            activation=activation, output=f"{value.output:.6g}"
        )
    )
    return "\n".join(lines)


def _short(value: float) -> str:
    """A number short enough to fit inside a neuron's circle (the tooltip has it in full)."""
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.3g}"
