"""The network document: the one source of truth for what the person drew.

A :class:`NetworkDocument` holds layers in order (input, hidden..., output),
neurons with stable ids and positions, and connections between neurons of
consecutive layers.  It is plain Python with psygnal signals, so views
observe it and tests drive it without Qt.

Every edit goes through :meth:`NetworkDocument.apply` as a :class:`Change`,
a record of what was added, removed, moved and set.  A mutator returns the
Change it applied, and ``document.apply(change.inverse())`` undoes it
exactly (same ids, same order, same positions), which is all an undo
command needs.

Positions are in a left-to-right frame: ``x`` runs along the layers,
``y`` across a layer; a view that draws bottom to top turns them.

The module is longer than most (about 500 lines) because it is one class
whose every mutator builds, checks and applies its own Change; the records
it holds are in :mod:`nnsim.model.records`, new documents in
:mod:`nnsim.model.starters`.

A Hopfield document holds its grid and keeps no record of its layer or
neurons: every neuron is connected to every other, none is drawn or moved,
so they follow from the grid (:class:`GridRecords`).  They are made only
when asked for (a 64 x 64 grid would be 4,096 records), with the ids and
positions version-1 project files list, so files save as before.
"""

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import replace

from psygnal import Signal

from nnsim.engine.activations import get_activation
from nnsim.engine.perceptron import RULES as PERCEPTRON_RULES
from nnsim.errors import ConfigError, TopologyError
from nnsim.model.limits import check_network_size
from nnsim.model.records import (
    GRID_ONLY,
    LAYER_SPACING,
    NEURON_SPACING,
    Change,
    Connection,
    GridRecords,
    Layer,
    Neuron,
    Position,
)
from nnsim.text import translate

KINDS = ("perceptron", "mlp", "hopfield", "rbm")
#: Document properties a person may set, with the check each value must pass.
DOCUMENT_PROPERTIES = {
    "name": lambda v: isinstance(v, str) and v.strip() != "",
    "bias": lambda v: isinstance(v, bool),
    "rule": lambda v: v in PERCEPTRON_RULES,
}


class NetworkDocument:
    """What the person built: layers, neurons, connections and a few properties.

    Parameters
    ----------
    kind : {"perceptron", "mlp", "hopfield", "rbm"}
        "rbm" is a restricted Boltzmann machine: a visible and a hidden layer,
        every pair of their neurons connected.
    name : str

    Attributes
    ----------
    kind : str
    name : str
    bias : bool
        Whether the neurons after the input layer have biases.
    rule : str
        The learning rule of a perceptron ("rosenblatt", "lms", "nlms").
    grid : tuple of int or None
        (rows, columns) of a Hopfield document's neurons.
    """

    neuron_added = Signal(str)
    neuron_removed = Signal(str)
    neuron_moved = Signal(str, float, float)
    connection_added = Signal(str, str)
    connection_removed = Signal(str, str)
    layer_added = Signal(str)
    layer_removed = Signal(str)
    property_changed = Signal(str, str, object)  # target ("" or a layer id), name, value
    changed = Signal(object)  # the Change just applied, after its own signals

    def __init__(self, kind: str = "mlp", name: str | None = None):
        if kind not in KINDS:
            raise ConfigError(
                translate(
                    "NetworkDocument", "Unknown network kind {kind}: choose one of {kinds}."
                ).format(kind=repr(kind), kinds=", ".join(KINDS))
            )
        self.kind = kind
        self.name = translate("NetworkDocument", "Untitled") if name is None else name
        self.bias = True
        self.rule = "rosenblatt"
        self.grid: tuple[int, int] | None = None
        self._layers: list[Layer] = []
        self._members: dict[str, list[str]] = {}
        self._neurons: dict[str, Neuron] = {}
        self._connections: dict[Connection, None] = {}
        self._counter = itertools.count(1)

    # ------------------------------------------------------------------ reading
    @property
    def grid_records(self) -> GridRecords | None:
        """A Hopfield document's layer and neurons (None for a layered network or no grid)."""
        return GridRecords(*self.grid) if self.kind == "hopfield" and self.grid else None

    @property
    def layers(self) -> tuple[Layer, ...]:
        """The layers in order, input first."""
        grid = self.grid_records
        return (grid.layer,) if grid else tuple(self._layers)

    @property
    def layer_sizes(self) -> tuple[int, ...]:
        if grid := self.grid_records:
            return (grid.size,)
        return tuple(len(self._members[layer.id]) for layer in self._layers)

    @property
    def neurons(self) -> tuple[Neuron, ...]:
        """Every neuron, layer by layer, in row order."""
        if grid := self.grid_records:
            return grid.neurons()
        return tuple(
            self._neurons[nid] for layer in self._layers for nid in self._members[layer.id]
        )

    @property
    def connections(self) -> tuple[Connection, ...]:
        """Every connection as (source neuron id, target neuron id)."""
        return tuple(self._connections)

    def layer(self, layer_id: str) -> Layer:
        return self.layers[self.layer_index(layer_id)]

    def layer_index(self, layer_id: str) -> int:
        for index, layer in enumerate(self.layers):
            if layer.id == layer_id:
                return index
        raise TopologyError(self._no_layer(layer_id))

    def activation_of(self, layer_id: str) -> str:
        """The activation a layer's neurons compute.

        A perceptron's output follows its rule (step for Rosenblatt's, linear
        for LMS and normalised LMS), whatever the layer says.
        """
        layer = self.layer(layer_id)
        if self.kind == "perceptron" and self.role(layer_id) == "output":
            return "step" if self.rule == "rosenblatt" else "linear"
        return layer.activation

    def role(self, layer_id: str) -> str:
        """Return "input", "hidden" or "output" (a Hopfield network's one layer is "hopfield",
        a Boltzmann machine's are "visible" and "hidden")."""
        if self.kind == "hopfield":
            return "hopfield"
        index = self.layer_index(layer_id)
        if self.kind == "rbm":
            return "hidden" if index else "visible"
        if index == 0:
            return "input"
        return "output" if index == len(self._layers) - 1 else "hidden"

    def neurons_of(self, layer_id: str) -> tuple[str, ...]:
        """The ids of a layer's neurons, in row order."""
        self.layer_index(layer_id)
        grid = self.grid_records
        return grid.ids() if grid else tuple(self._members[layer_id])

    def neuron(self, neuron_id: str) -> Neuron:
        grid = self.grid_records
        found = grid.neuron(neuron_id) if grid else self._neurons.get(neuron_id)
        if found is None:
            raise TopologyError(
                translate("NetworkDocument", "There is no neuron {neuron} in this network.").format(
                    neuron=repr(neuron_id)
                )
            )
        return found

    def snapshot(self) -> tuple:
        """Everything a person can see of the document, as one comparable value.

        Two documents with equal snapshots draw and compile the same; tests
        compare snapshots before and after an edit and its undo.
        """
        return (
            self.layers,
            tuple(self.neurons_of(layer.id) for layer in self._layers),
            self.neurons,
            tuple(sorted(self._connections)),
            (self.kind, self.name, self.bias, self.rule, self.grid),
        )

    def skip_layers(self) -> set[tuple[int, int]]:
        """(target layer, source layer) of every skip connection: one past the next layer."""
        position = {layer.id: k for k, layer in enumerate(self._layers)}
        pairs = {
            (position[self._neurons[target].layer], position[self._neurons[source].layer])
            for source, target in self._connections
        }
        return {(target, source) for target, source in pairs if target > source + 1}

    def has_connection(self, source: str, target: str) -> bool:
        return (source, target) in self._connections

    def connections_of(self, neuron_ids: Iterable[str]) -> tuple[Connection, ...]:
        """Every connection that starts or ends at one of ``neuron_ids``."""
        ids = set(neuron_ids)
        return tuple(c for c in self._connections if c[0] in ids or c[1] in ids)

    # ---------------------------------------------------------------- applying
    def apply(self, change: Change) -> Change:
        """Carry out ``change`` and emit a signal for each part; return it.

        Removals go first (connections, neurons, layers), then additions
        (layers, neurons, connections), then moves and properties, so a
        change and its inverse both apply cleanly.  A Hopfield document
        keeps only the properties (see :meth:`_grid_change`).
        """
        if self.kind == "hopfield":
            change = self._grid_change(change)
        for source, target in change.removed_connections:
            del self._connections[(source, target)]
            self.connection_removed.emit(source, target)
        for _, neuron in change.removed_neurons:
            self._members[neuron.layer].remove(neuron.id)
            del self._neurons[neuron.id]
            self.neuron_removed.emit(neuron.id)
        for _, layer in sorted(change.removed_layers, key=lambda item: -item[0]):
            self._layers.remove(self.layer(layer.id))
            del self._members[layer.id]
            self.layer_removed.emit(layer.id)
        for index, layer in sorted(change.added_layers, key=lambda item: item[0]):
            self._layers.insert(index, layer)
            self._members[layer.id] = []
            self.layer_added.emit(layer.id)
        for index, neuron in sorted(change.added_neurons, key=lambda item: item[0]):
            self._members[neuron.layer].insert(index, neuron.id)
            self._neurons[neuron.id] = neuron
            self.neuron_added.emit(neuron.id)
        for source, target in change.added_connections:
            self._connections[(source, target)] = None
            self.connection_added.emit(source, target)
        for neuron_id, _, (x, y) in change.moves:
            self._neurons[neuron_id] = replace(self._neurons[neuron_id], x=x, y=y)
            self.neuron_moved.emit(neuron_id, x, y)
        for target, name, _, value in change.properties:
            self._set(target, name, value)
            self.property_changed.emit(target, name, value)
        if change:
            self.changed.emit(change)
        return change

    def _grid_change(self, change: Change) -> Change:
        """What a Hopfield document keeps of ``change``: its properties.

        Its layer and neurons follow from its grid.  The records of them a
        version-1 project file lists (which
        :func:`~nnsim.model.serial.document_from_dict` hands on) are dropped
        once there are as many neurons as the grid has; anything else that
        adds, removes, moves or connects neurons is refused.
        """
        reshaping = (
            change.added_connections or change.removed_connections or change.removed_layers
            or change.removed_neurons or change.moves or len(change.added_layers) > 1
        )  # fmt: skip
        if reshaping or len(change.added_neurons) not in (0, sum(self.layer_sizes)):
            raise TopologyError(translate("Records", GRID_ONLY))
        return Change(properties=change.properties)

    def _set(self, target: str, name: str, value) -> None:
        if target:
            index = self.layer_index(target)
            self._layers[index] = replace(self._layers[index], **{name: value})
        else:
            setattr(self, name, value)

    # ---------------------------------------------------------------- mutators
    def _new_id(self, prefix: str) -> str:
        while True:
            candidate = f"{prefix}{next(self._counter)}"
            if candidate not in self._neurons and candidate not in self._members:
                return candidate

    def add_layer(
        self,
        index: int | None = None,
        size: int = 0,
        activation: str = "sigmoid",
        *,
        connect: bool = True,
        x: float | None = None,
        y: float = 0.0,
    ) -> Change:
        """Insert a layer of ``size`` neurons at ``index`` (default: before the output).

        The neurons stand in a column at ``x`` (default: the layer's slot),
        centred on ``y``.  Connections that ran across the insertion point are
        removed (they would skip the new layer); layers from ``index`` on move
        one column right; with ``connect`` the new neurons connect fully to
        both neighbouring layers.
        """
        self._require_layered(translate("NetworkDocument", "add a layer"))
        if self.kind == "perceptron" and len(self._layers) >= 2:
            raise TopologyError(
                translate(
                    "NetworkDocument",
                    "A perceptron has just an input and an output layer: "
                    "start a new MLP to add hidden layers.",
                )
            )
        if self.kind == "rbm" and len(self._layers) >= 2:
            raise TopologyError(
                translate(
                    "NetworkDocument",
                    "A restricted Boltzmann machine has just a visible and a hidden layer: "
                    "change their sizes instead.",
                )
            )
        get_activation(activation)
        if index is None:  # a new hidden layer, just before the output
            index = len(self._layers) - 1 if len(self._layers) >= 2 else len(self._layers)
        if not 0 <= index <= len(self._layers):
            raise TopologyError(
                translate("NetworkDocument", "A new layer can go at positions 0 to {last}.").format(
                    last=len(self._layers)
                )
            )
        layer = Layer(self._new_id("L"), activation)
        before = self._layers[index - 1].id if index > 0 else None
        after = self._layers[index].id if index < len(self._layers) else None
        crossing = ()
        if before and after:
            crossing = self._between(before, after)
        x = index * LAYER_SPACING if x is None else x
        neurons = tuple(
            (row, Neuron(self._new_id("n"), layer.id, float(x), y + _row_y(row, size)))
            for row in range(size)
        )
        moves = tuple(
            (n.id, (n.x, n.y), (n.x + LAYER_SPACING, n.y))
            for later in self._layers[index:]
            for n in (self._neurons[nid] for nid in self._members[later.id])
        )
        links = ()
        if connect:
            new_ids = [n.id for _, n in neurons]
            links = _full(self._members.get(before, []), new_ids)
            links += _full(new_ids, self._members.get(after, []))
        return self.apply(
            Change(
                added_layers=((index, layer),),
                added_neurons=neurons,
                added_connections=links,
                removed_connections=crossing,
                moves=moves,
            )
        )

    def add_neuron(
        self,
        layer_id: str,
        x: float | None = None,
        y: float | None = None,
        *,
        connect: bool = True,
    ) -> Change:
        """Add a neuron at the end of a layer, connected to its neighbours when ``connect``.

        Without a position it goes one row below the layer's last neuron.
        """
        if self.kind == "hopfield":
            raise TopologyError(translate("Records", GRID_ONLY))
        members = self._members.get(layer_id)
        if members is None:
            raise TopologyError(self._no_layer(layer_id))
        index = self.layer_index(layer_id)
        if x is None or y is None:
            last = self._neurons[members[-1]] if members else None
            x = x if x is not None else (last.x if last else index * LAYER_SPACING)
            y = y if y is not None else (last.y + NEURON_SPACING if last else 0.0)
        neuron = Neuron(self._new_id("n"), layer_id, float(x), float(y))
        links = ()
        if connect:
            if index > 0:
                links += _full(self._members[self._layers[index - 1].id], [neuron.id])
            if index < len(self._layers) - 1:
                links += _full([neuron.id], self._members[self._layers[index + 1].id])
        return self.apply(Change(added_neurons=((len(members), neuron),), added_connections=links))

    def connect(self, source: str, target: str) -> Change:
        """Connect a neuron to one of a later layer: the next, or further on (a skip)."""
        self._require_layered(translate("NetworkDocument", "draw connections"))
        s, t = self.neuron(source), self.neuron(target)
        if self.layer_index(t.layer) <= self.layer_index(s.layer):
            raise TopologyError(
                translate(
                    "NetworkDocument",
                    "Connections run forward, from a neuron to one in a later layer: "
                    "{target} is not in a layer after that of {source}.",
                ).format(source=source, target=target),
                neuron_ids=(source, target),
            )
        if self.has_connection(source, target):
            return Change()
        skip = (self.layer_index(t.layer), self.layer_index(s.layer))
        if skip[0] > skip[1] + 1:  # a skip allocates its layers' whole block of weights
            check_network_size(self.kind, self.layer_sizes, self.skip_layers() | {skip})
        return self.apply(Change(added_connections=((source, target),)))

    def remove(
        self,
        neuron_ids: Iterable[str] = (),
        connections: Iterable[Connection] = (),
        layer_ids: Iterable[str] = (),
    ) -> Change:
        """Remove layers (with their neurons), neurons and connections as one change.

        Connections touching a removed neuron go with it.
        """
        layer_ids = set(layer_ids)
        doomed = set(neuron_ids)
        if self.kind == "hopfield" and (doomed or layer_ids):
            raise TopologyError(translate("Records", GRID_ONLY))
        for layer_id in layer_ids:
            doomed.update(self.neurons_of(layer_id))
        for neuron_id in doomed:
            self.neuron(neuron_id)
        links = set(connections)
        for link in links:
            if link not in self._connections:
                raise TopologyError(
                    translate(
                        "NetworkDocument", "There is no connection {source} -> {target}."
                    ).format(source=link[0], target=link[1])
                )
        links.update(self.connections_of(doomed))
        return self.apply(
            Change(
                removed_layers=tuple(
                    (i, layer) for i, layer in enumerate(self._layers) if layer.id in layer_ids
                ),
                removed_neurons=tuple(
                    (row, self._neurons[nid])
                    for layer in self._layers
                    for row, nid in enumerate(self._members[layer.id])
                    if nid in doomed
                ),
                removed_connections=tuple(c for c in self._connections if c in links),
            )
        )

    def move(self, positions: Mapping[str, Position]) -> Change:
        """Move neurons to new positions, as one change."""
        moves = []
        for neuron_id, (x, y) in positions.items():
            neuron = self.neuron(neuron_id)
            if (neuron.x, neuron.y) != (x, y):
                moves.append((neuron_id, (neuron.x, neuron.y), (float(x), float(y))))
        return self.apply(Change(moves=tuple(moves)))

    def set_property(self, target: str, name: str, value) -> Change:
        """Set a document property (target "") or a layer's activation or dropout rate
        (target = layer id)."""
        if target:
            self._check_layer_property(target, name, value)
            old = getattr(self.layer(target), name)
        else:
            check = DOCUMENT_PROPERTIES.get(name)
            if check is None:
                known = ", ".join(DOCUMENT_PROPERTIES)
                raise ConfigError(
                    translate(
                        "NetworkDocument", "The network has no property {name}: it has {known}."
                    ).format(name=repr(name), known=known)
                )
            if not check(value):
                raise ConfigError(
                    translate(
                        "NetworkDocument", "{value} is not a valid {name} for the network."
                    ).format(value=repr(value), name=name)
                )
            old = getattr(self, name)
        if old == value:
            return Change()
        return self.apply(Change(properties=((target, name, old, value),)))

    def _check_layer_property(self, layer_id: str, name: str, value) -> None:
        """Raise ConfigError unless ``value`` may be layer ``layer_id``'s ``name``."""
        if name not in ("activation", "dropout"):
            raise ConfigError(
                translate(
                    "NetworkDocument",
                    "A layer has no property {name}; it has an activation and a dropout rate.",
                ).format(name=repr(name))
            )
        if self.kind != "mlp":
            raise ConfigError(
                translate(
                    "NetworkDocument",
                    "Only an MLP's layers take an activation: a perceptron's rule decides its "
                    "output, and a Hopfield neuron takes the sign of its input.",
                )
            )
        if name == "activation":
            get_activation(value)
        elif self.role(layer_id) != "hidden" or not is_rate(value):
            raise ConfigError(
                translate(
                    "NetworkDocument",
                    "Dropout applies to hidden layers, at a rate of at least 0 and below 1; "
                    "{value} for {layer} is not one.",
                ).format(value=repr(value), layer=layer_id)
            )

    def set_layer_size(self, layer_id: str, size: int, *, connect: bool = True) -> Change:
        """Grow a layer or shrink it (from the end) to ``size`` neurons.

        A grown layer stays centred where it was: its neurons are spread one
        spacing apart about their old mean height, the new ones last.
        """
        if self.kind == "hopfield":
            raise TopologyError(translate("Records", GRID_ONLY))
        members = self.neurons_of(layer_id)
        if size < 1:
            raise TopologyError(
                translate(
                    "NetworkDocument",
                    "A layer needs at least one neuron; delete the layer instead.",
                )
            )
        if size < len(members):
            return self.remove(neuron_ids=members[size:])
        # Connections are objects here: 100,000 beside 100,000 would be 10^10 of them.
        check_network_size(self.kind, [
            size if layer.id == layer_id else len(self._members[layer.id])
            for layer in self._layers
        ])  # fmt: skip
        index = self.layer_index(layer_id)
        x = self._neurons[members[0]].x if members else index * LAYER_SPACING
        centre = sum(self._neurons[n].y for n in members) / len(members) if members else 0.0
        moves = tuple(
            (nid, (self._neurons[nid].x, self._neurons[nid].y), (x, centre + _row_y(row, size)))
            for row, nid in enumerate(members)
            if (self._neurons[nid].x, self._neurons[nid].y) != (x, centre + _row_y(row, size))
        )
        added = tuple(
            (row, Neuron(self._new_id("n"), layer_id, x, centre + _row_y(row, size)))
            for row in range(len(members), size)
        )
        links = ()
        if connect:
            new_ids = [n.id for _, n in added]
            if index > 0:
                links += _full(self._members[self._layers[index - 1].id], new_ids)
            if index < len(self._layers) - 1:
                links += _full(new_ids, self._members[self._layers[index + 1].id])
        return self.apply(Change(added_neurons=added, added_connections=links, moves=moves))

    def _between(self, earlier: str, later: str) -> tuple[Connection, ...]:
        sources = set(self._members[earlier])
        targets = set(self._members[later])
        return tuple(c for c in self._connections if c[0] in sources and c[1] in targets)

    def _require_layered(self, action: str) -> None:
        """Refuse ``action`` (translated, "add a layer") on a Hopfield network."""
        if self.kind == "hopfield":
            raise TopologyError(
                translate(
                    "NetworkDocument",
                    "A Hopfield network connects every neuron to every other: you cannot {action}.",
                ).format(action=action)
            )

    @staticmethod
    def _no_layer(layer_id: str) -> str:
        return translate("NetworkDocument", "There is no layer {layer} in this network.").format(
            layer=repr(layer_id)
        )


def is_rate(value) -> bool:
    """Whether ``value`` is a dropout rate: a number (not a bool) from 0 up to, not with, 1."""
    return type(value) in (int, float) and 0 <= value < 1


def _row_y(row: int, size: int) -> float:
    """The y of neuron ``row`` of ``size``, centred on 0."""
    return (row - (size - 1) / 2) * NEURON_SPACING


def _full(sources: Iterable[str], targets: Iterable[str]) -> tuple[Connection, ...]:
    targets = list(targets)
    return tuple((s, t) for s in sources for t in targets)
