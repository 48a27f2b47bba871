"""Where the editor puts a new layer: columns re-flow evenly around it.

A layer inserted exactly where the click fell could sit a few pixels from
its neighbour (their names overlapping) and push the output far off the
canvas.  :func:`add_layer_evenly` inserts it in the slot the click chose
and then sets every column one ``spacing`` apart from the input's, as one
:class:`~nnsim.model.Change` (so one undo step).  A layer's neurons keep
their places relative to its column; only whole columns move.

No Qt here: the scene measures the spacing the layers' names need.
"""

from dataclasses import replace

from nnsim.model import Change, NetworkDocument
from nnsim.model.document import LAYER_SPACING


def column_x(document: NetworkDocument, layer_id: str) -> float:
    """A layer's column: its neurons' mean x, or its slot when it has none."""
    members = document.neurons_of(layer_id)
    if not members:
        return document.layer_index(layer_id) * LAYER_SPACING
    return sum(document.neuron(n).x for n in members) / len(members)


def column_centre_y(document: NetworkDocument, layer_id: str) -> float | None:
    """The mean y of a layer's neurons (None for an empty layer)."""
    members = document.neurons_of(layer_id)
    if not members:
        return None
    return sum(document.neuron(n).y for n in members) / len(members)


def add_layer_evenly(
    document: NetworkDocument,
    index: int,
    size: int,
    activation: str,
    *,
    connect: bool,
    spacing: float = LAYER_SPACING,
    y: float | None = None,
) -> Change:
    """Insert a layer at ``index`` and space every column ``spacing`` apart.

    The input column stays where it is (it is the page's left edge); the new
    layer is centred on ``y``, by default on its neighbours' middle height.
    Returns the one change that did both, so undo takes both back.
    """
    layers = document.layers
    origin = column_x(document, layers[0].id) if layers else 0.0
    if index == 0 and layers:
        origin -= spacing  # a new input goes left of the old one, which stays put
    if y is None:
        centres = [
            column_centre_y(document, layers[i].id)
            for i in (index - 1, index)
            if 0 <= i < len(layers)
        ]
        centres = [c for c in centres if c is not None]
        y = sum(centres) / len(centres) if centres else 0.0
    added = document.add_layer(
        index, size, activation, connect=connect, x=origin + index * spacing, y=y
    )
    try:
        positions = {}
        for slot, layer in enumerate(document.layers):
            if slot == index:
                continue  # the new layer stands in its slot already
            shift = origin + slot * spacing - column_x(document, layer.id)
            for neuron_id in document.neurons_of(layer.id):
                neuron = document.neuron(neuron_id)
                positions[neuron_id] = (neuron.x + shift, neuron.y)
        moved = document.move(positions)
    except Exception:
        document.apply(added.inverse())
        raise
    return combine(added, moved)


def combine(first: Change, then: Change) -> Change:
    """One change doing ``first`` and then ``then``, where ``then`` only moves neurons.

    A neuron moved by both goes from where it was before ``first`` to where
    ``then`` left it; a neuron that ends where it began is not listed.
    """
    if then != Change(moves=then.moves):
        raise ValueError("combine() takes a change that only moves neurons second")
    path = {nid: (old, new) for nid, old, new in first.moves}
    for nid, old, new in then.moves:
        path[nid] = (path[nid][0] if nid in path else old, new)
    moves = tuple((nid, old, new) for nid, (old, new) in path.items() if old != new)
    return replace(first, moves=moves)
