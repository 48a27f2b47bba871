"""A network document as plain data, and back, and the checks every reader of a file shares.

:func:`document_to_dict` gives what a project file stores; :func:`document_from_dict`
rebuilds the document and refuses, with the reason, anything a document could
not hold (an unknown activation, a neuron in no layer, a connection that runs
backwards, a dropout rate of 1, a position that is not a number).  Ids, order and positions come
back exactly, so edits and undo behave as before saving.  :func:`settings_from_dict`
checks saved settings; :mod:`~nnsim.model.serial_data` reads and writes an imported
data set, :mod:`~nnsim.model.serial_memory` a pattern memory, with :func:`require`,
:func:`shown` and :func:`number_array` from here.

Readers trust nothing: every field's type is checked (``true`` is not a
number, ``"0.5"`` is not one either), integers beyond any real value are
refused by name rather than overflowing, and sizes (neurons, weights,
classes, patterns; :mod:`nnsim.model.limits`) are checked before anything
is allocated.  A problem is a :class:`~nnsim.errors.ConfigError` (or
:class:`~nnsim.errors.DataError`) of one line that quotes at most a few dozen
characters of what it found.
"""

import math

import numpy as np

from nnsim.engine.activations import ACTIVATIONS
from nnsim.errors import ConfigError, TopologyError
from nnsim.model.compiler import check_rbm
from nnsim.model.document import DOCUMENT_PROPERTIES, KINDS, NetworkDocument, is_rate
from nnsim.model.limits import (
    MAX_NEURONS,
    check_network_size,
)
from nnsim.model.records import Change, Layer, Neuron
from nnsim.model.settings import SPECS, Settings, short_title
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Whole numbers a file may hold anywhere: beyond, no count, epoch or seed is meant
#: (and a float could not hold it exactly).
MAX_INTEGER = 2**63
#: Characters of a value quoted in a message.
QUOTED = 40


def document_to_dict(document: NetworkDocument) -> dict:
    """Everything that makes the document, in JSON-friendly types."""
    return {
        "kind": document.kind,
        "name": document.name,
        "bias": document.bias,
        "rule": document.rule,
        "grid": list(document.grid) if document.grid else None,
        "layers": [_layer_out(layer) for layer in document.layers],
        "neurons": [{"id": n.id, "layer": n.layer, "x": n.x, "y": n.y} for n in document.neurons],
        "connections": [list(link) for link in document.connections],
    }


def document_from_dict(data: dict) -> NetworkDocument:
    """Rebuild a document from :func:`document_to_dict`'s output.

    Raises
    ------
    ConfigError, TopologyError
        Saying what in ``data`` no document could hold, or that the network
        is larger than nnsim builds (:func:`~nnsim.model.limits.check_network_size`).
    """
    require(
        isinstance(data, dict),
        QT_TRANSLATE_NOOP("Serial", "The network is not a table of named fields."),
    )
    kind = data.get("kind")
    if not (isinstance(kind, str) and kind in KINDS):
        require(
            False,
            QT_TRANSLATE_NOOP("Serial", "The network kind {kind} is not one of {kinds}."),
            kind=shown(kind),
            kinds=", ".join(KINDS),
        )
    document = NetworkDocument(kind)
    for name, check in DOCUMENT_PROPERTIES.items():
        value = data.get(name)
        if not check(value):
            require(
                False,
                QT_TRANSLATE_NOOP("Serial", "The network's {name} {value} is not valid."),
                name=name,
                value=shown(value),
            )
        setattr(document, name, value)
    document.grid = _grid(data.get("grid"), kind)
    not_a_list = QT_TRANSLATE_NOOP("Serial", "The network's {key} are not a list.")
    entries = {
        key: required_list(data, key, not_a_list) for key in ("layers", "neurons", "connections")
    }
    require(
        len(entries["neurons"]) <= MAX_NEURONS,
        QT_TRANSLATE_NOOP(
            "Serial", "The network has {neurons} neurons; nnsim builds networks of up to {most}."
        ),
        neurons=f"{len(entries['neurons']):,}",
        most=f"{MAX_NEURONS:,}",
    )
    layers = [_layer(entry) for entry in entries["layers"]]
    layer_ids = [layer.id for layer in layers]
    require(
        len(set(layer_ids)) == len(layer_ids),
        QT_TRANSLATE_NOOP("Serial", "Two layers share an id."),
    )
    neurons = [_neuron(entry, set(layer_ids)) for entry in entries["neurons"]]
    require(
        len({n.id for n in neurons}) == len(neurons),
        QT_TRANSLATE_NOOP("Serial", "Two neurons share an id."),
    )
    counts: dict[str, int] = dict.fromkeys(layer_ids, 0)
    placed = []  # (row in its layer, neuron)
    for neuron in neurons:
        placed.append((counts[neuron.layer], neuron))
        counts[neuron.layer] += 1
    if document.grid:
        rows, columns = document.grid
        require(
            len(neurons) == rows * columns,
            QT_TRANSLATE_NOOP("Serial", "The Hopfield grid and its neurons disagree."),
        )
    check_network_size(kind, [counts[layer_id] for layer_id in layer_ids])
    links = _links(entries["connections"], neurons, layer_ids, kind)
    document.apply(Change(added_layers=tuple(enumerate(layers)), added_neurons=tuple(placed)))
    if links:
        document.apply(Change(added_connections=tuple(links)))
        check_network_size(kind, document.layer_sizes, document.skip_layers())
    if kind == "rbm":  # its shape is fixed: two layers, fully connected
        check_rbm(document)
    return document


def shown(value) -> str:
    """``value`` as a message quotes it: its repr, cut to a few dozen characters."""
    if isinstance(value, list | dict):
        return "a list" if isinstance(value, list) else "a table"
    if type(value) is int and not -MAX_INTEGER < value < MAX_INTEGER:
        return "a number of more than 18 digits"
    text = repr(value)
    return text if len(text) <= QUOTED else text[: QUOTED - 4] + "...'"


def require(condition: bool, problem: str, **fields) -> None:
    """Refuse the file with ``problem`` (marked for translation, translated only when
    refused), its ``fields`` filled in, unless ``condition`` holds."""
    if not condition:
        raise ConfigError(translate("Serial", problem).format(**fields))


def required_list(data: dict, key: str, problem: str) -> list:
    """``data[key]`` if it is a list; else refuse the file with ``problem`` (marked for
    translation; ``{key}`` is filled in)."""
    value = data.get(key)
    require(isinstance(value, list), problem, key=key)
    return value


def _layer(entry) -> Layer:
    require(
        isinstance(entry, dict) and isinstance(entry.get("id"), str),
        QT_TRANSLATE_NOOP("Serial", "A layer has no id."),
    )
    activation = entry.get("activation")
    if not (isinstance(activation, str) and activation in ACTIVATIONS):
        require(
            False,
            QT_TRANSLATE_NOOP(
                "Serial", "Unknown activation {activation} in layer {layer}: choose one of {known}."
            ),
            activation=shown(activation),
            layer=shown(entry["id"]),
            known=", ".join(ACTIVATIONS),
        )
    dropout = entry.get("dropout", 0.0)
    require(
        is_rate(dropout),
        QT_TRANSLATE_NOOP(
            "Serial", "The dropout rate {rate} of layer {layer} is not a number from 0 up to 1."
        ),
        rate=shown(dropout),
        layer=shown(entry["id"]),
    )
    return Layer(entry["id"], activation, float(dropout))


def _layer_out(layer: Layer) -> dict:
    """A layer's entry: its id, activation, and dropout rate unless 0 (files from before
    dropout read the same)."""
    entry = {"id": layer.id, "activation": layer.activation}
    return entry | ({"dropout": layer.dropout} if layer.dropout else {})


def _neuron(entry, layer_ids: set) -> Neuron:
    require(
        isinstance(entry, dict) and isinstance(entry.get("id"), str),
        QT_TRANSLATE_NOOP("Serial", "A neuron has no id."),
    )
    neuron_id, layer = entry["id"], entry.get("layer")
    if not (isinstance(layer, str) and layer in layer_ids):  # (messages made only if needed)
        require(
            False,
            QT_TRANSLATE_NOOP("Serial", "Neuron {neuron} belongs to no layer of the network."),
            neuron=shown(neuron_id),
        )
    x, y = entry.get("x"), entry.get("y")
    if not all(is_number(value) and math.isfinite(value) for value in (x, y)):
        require(
            False,
            QT_TRANSLATE_NOOP("Serial", "Neuron {neuron} has no position."),
            neuron=shown(neuron_id),
        )
    return Neuron(neuron_id, layer, float(x), float(y))


def is_number(value) -> bool:
    """A JSON number a float holds: an int (not a bool) of at most 63 bits, or a float."""
    kind = type(value)
    return kind is float or (kind is int and -MAX_INTEGER < value < MAX_INTEGER)


def _links(entries: list, neurons: list, layer_ids: list, kind: str) -> list[tuple[str, str]]:
    """The connections, each checked to run to a later layer (the next, or a skip), none twice."""
    position = {layer_id: k for k, layer_id in enumerate(layer_ids)}
    depth = {neuron.id: position[neuron.layer] for neuron in neurons}
    links = []
    for entry in entries:
        require(
            isinstance(entry, list) and len(entry) == 2 and all(isinstance(e, str) for e in entry),
            QT_TRANSLATE_NOOP("Serial", "A connection is not a pair of neuron ids."),
        )
        source, target = entry
        require(
            kind != "hopfield",
            QT_TRANSLATE_NOOP("Serial", "A Hopfield network's connections are not drawn."),
        )
        for end in (source, target):
            if end not in depth:
                raise TopologyError(
                    translate("Serial", "There is no neuron {neuron} in this network.").format(
                        neuron=shown(end)
                    )
                )
        if depth[target] <= depth[source]:
            raise TopologyError(
                translate(
                    "Serial",
                    "Connections run forward, from a neuron to one in a later layer: "
                    "{target} is not in a layer after that of {source}.",
                ).format(source=shown(source), target=shown(target)),
                neuron_ids=(source, target),
            )
        links.append((source, target))
    require(
        len(set(links)) == len(links), QT_TRANSLATE_NOOP("Serial", "A connection is listed twice.")
    )
    return links


def _grid(value, kind: str):
    if kind != "hopfield":
        require(value is None, QT_TRANSLATE_NOOP("Serial", "Only a Hopfield network has a grid."))
        return None
    require(
        isinstance(value, list)
        and len(value) == 2
        and all(is_number(v) and type(v) is int and v >= 1 for v in value),
        QT_TRANSLATE_NOOP("Serial", "A Hopfield network needs a grid of rows and columns."),
    )
    return tuple(value)


def number_array(values, dimensions=(1, 2)) -> np.ndarray | None:
    """JSON ``values`` as a float64 array with one of ``dimensions``, or None if they are not.

    Only numbers count (:func:`is_number`): not ``true``, not ``"1.5"``; a
    table's rows are all as long.  Non-finite floats pass (the caller decides).
    """
    if not isinstance(values, list):
        return None
    if values and isinstance(values[0], list):
        if 2 not in dimensions or not all(isinstance(row, list) for row in values):
            return None
        if len({len(row) for row in values}) != 1:
            return None
        numbers = (v for row in values for v in row)
    elif 1 in dimensions:
        numbers = iter(values)
    else:
        return None
    if not all(map(is_number, numbers)):
        return None
    return np.array(values, dtype=np.float64)


def settings_from_dict(values) -> dict:
    """Saved settings, each a known setting of the right type and in range, or ConfigError.

    A number is a JSON number (``true`` and ``"0.5"`` are not), a whole number
    for a whole-number setting; ranges are checked as the panel checks them.
    Returns the values as :class:`~nnsim.model.settings.Settings` holds them.
    """
    require(
        isinstance(values, dict),
        QT_TRANSLATE_NOOP("Serial", "The settings are not a table of named values."),
    )
    checked = {}
    for name, value in values.items():
        spec = SPECS.get(name)
        if spec is None:
            require(
                False,
                QT_TRANSLATE_NOOP("Serial", "There is no setting called {name}."),
                name=shown(name),
            )
        if spec.kind == "int":
            good = is_number(value) and float(value).is_integer()
            problem = QT_TRANSLATE_NOOP("Serial", "{setting} must be a whole number, not {value}.")
        elif spec.kind == "float":
            good = is_number(value)
            problem = QT_TRANSLATE_NOOP("Serial", "{setting} must be a number, not {value}.")
        elif spec.kind == "bool":
            good = isinstance(value, bool)
            problem = QT_TRANSLATE_NOOP("Serial", "{setting} is true or false, not {value}.")
        else:
            good = isinstance(value, str) and value in spec.choices
            problem = QT_TRANSLATE_NOOP(
                "Serial", "{setting} must be one of {choices}, not {value}."
            )
        if not good:
            require(
                False,
                problem,
                setting=short_title(spec),
                value=shown(value),
                choices=", ".join(spec.choices),
            )
        checked[name] = value
    return {name: Settings(**checked)[name] for name in checked}
