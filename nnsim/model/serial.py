"""A network document, a person's data set and a pattern memory as plain data, and back.

:func:`document_to_dict` gives what a project file stores; :func:`document_from_dict`
rebuilds the document and refuses, with the reason, anything a document could
not hold (an unknown activation, a neuron in no layer, a connection that skips
a layer, a position that is not a number).  Ids, order and positions come
back exactly, so edits and undo behave as before saving.  :func:`dataset_to_dict`
and :func:`dataset_from_dict` do the same for an imported data set.
"""

import math

import numpy as np

from nnsim.engine.activations import get_activation
from nnsim.engine.datasets import Dataset, make_dataset
from nnsim.engine.hopfield import RULES
from nnsim.errors import ConfigError
from nnsim.model.document import DOCUMENT_PROPERTIES, KINDS, Change, Layer, NetworkDocument, Neuron
from nnsim.model.memory import PatternMemory


def document_to_dict(document: NetworkDocument) -> dict:
    """Everything that makes the document, in JSON-friendly types."""
    return {
        "kind": document.kind,
        "name": document.name,
        "bias": document.bias,
        "rule": document.rule,
        "grid": list(document.grid) if document.grid else None,
        "layers": [{"id": layer.id, "activation": layer.activation} for layer in document.layers],
        "neurons": [{"id": n.id, "layer": n.layer, "x": n.x, "y": n.y} for n in document.neurons],
        "connections": [list(link) for link in document.connections],
    }


def document_from_dict(data: dict) -> NetworkDocument:
    """Rebuild a document from :func:`document_to_dict`'s output.

    Raises
    ------
    ConfigError, TopologyError
        Saying what in ``data`` no document could hold.
    """
    _require(isinstance(data, dict), "the network is not a table of named fields")
    kind = data.get("kind")
    _require(kind in KINDS, f"the network kind {kind!r} is not one of {', '.join(KINDS)}")
    document = NetworkDocument(kind)
    for name, check in DOCUMENT_PROPERTIES.items():
        value = data.get(name)
        _require(check(value), f"the network's {name} {value!r} is not valid")
        setattr(document, name, value)
    document.grid = _grid(data.get("grid"), kind)
    layers = [_layer(entry) for entry in _list(data, "layers")]
    layer_ids = [layer.id for layer in layers]
    _require(len(set(layer_ids)) == len(layer_ids), "two layers share an id")
    neurons = [_neuron(entry, set(layer_ids)) for entry in _list(data, "neurons")]
    _require(len({n.id for n in neurons}) == len(neurons), "two neurons share an id")
    counts: dict[str, int] = {}
    placed = []  # (row in its layer, neuron)
    for neuron in neurons:
        placed.append((counts.get(neuron.layer, 0), neuron))
        counts[neuron.layer] = counts.get(neuron.layer, 0) + 1
    if document.grid:
        rows, columns = document.grid
        _require(len(neurons) == rows * columns, "the Hopfield grid and its neurons disagree")
    links = [_link(entry) for entry in _list(data, "connections")]
    document.apply(Change(added_layers=tuple(enumerate(layers)), added_neurons=tuple(placed)))
    for source, target in links:
        document.connect(source, target)  # checks that both exist, in consecutive layers
    _require(len(document.connections) == len(links), "a connection is listed twice")
    return document


def _require(condition: bool, problem: str) -> None:
    if not condition:
        raise ConfigError(problem[0].upper() + problem[1:] + ".")


def _list(data: dict, key: str) -> list:
    value = data.get(key)
    _require(isinstance(value, list), f"the network's {key} are not a list")
    return value


def _layer(entry) -> Layer:
    _require(isinstance(entry, dict) and isinstance(entry.get("id"), str), "a layer has no id")
    activation = entry.get("activation")
    _require(isinstance(activation, str), f"layer {entry['id']} has no activation")
    get_activation(activation)  # names the known ones if it is not one
    return Layer(entry["id"], activation)


def _neuron(entry, layer_ids: set) -> Neuron:
    _require(isinstance(entry, dict) and isinstance(entry.get("id"), str), "a neuron has no id")
    neuron_id, layer = entry["id"], entry.get("layer")
    _require(layer in layer_ids, f"neuron {neuron_id} belongs to no layer of the network")
    x, y = entry.get("x"), entry.get("y")
    for value in (x, y):
        _require(
            isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value),
            f"neuron {neuron_id} has no position",
        )
    return Neuron(neuron_id, layer, float(x), float(y))


def _link(entry) -> tuple[str, str]:
    _require(
        isinstance(entry, list) and len(entry) == 2 and all(isinstance(e, str) for e in entry),
        "a connection is not a pair of neuron ids",
    )
    return entry[0], entry[1]


def _grid(value, kind: str):
    if kind != "hopfield":
        _require(value is None, "only a Hopfield network has a grid")
        return None
    _require(
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in value),
        "a Hopfield network needs a grid of rows and columns",
    )
    return tuple(value)


def dataset_to_dict(data: Dataset) -> dict:
    """A data set's samples, names and task, in JSON-friendly types (floats exact)."""
    return {
        "name": data.name,
        "description": data.description,
        "task": data.task,
        "feature_names": list(data.feature_names),
        "class_names": list(data.class_names),
        "X": data.X.tolist(),
        "y": data.y.tolist(),
    }


def dataset_from_dict(data: dict) -> Dataset:
    """Rebuild a data set from :func:`dataset_to_dict`'s output, or raise ConfigError."""
    _require(isinstance(data, dict), "the data set is not a table of named fields")
    task = data.get("task")
    _require(task in ("classification", "regression"), "the data set's task is unknown")
    names = {key: data.get(key) for key in ("name", "description")}
    _require(all(isinstance(v, str) for v in names.values()), "the data set has no name")
    features, classes = data.get("feature_names"), data.get("class_names")
    for labels in (features, classes):
        _require(
            isinstance(labels, list) and all(isinstance(v, str) for v in labels),
            "the data set's column names are not a list of names",
        )
    X, y = _samples(data.get("X"), 2), _samples(data.get("y"), (1, 2))
    _require(len(X) >= 1 and len(X) == len(y), "the data set's inputs and targets disagree")
    _require(X.shape[1] == len(features), "the data set's inputs and their names disagree")
    if task == "classification":
        _require(
            y.ndim == 1 and len(classes) >= 2 and set(y.tolist()) <= set(range(len(classes))),
            "the data set's class labels are not numbers of its classes",
        )
    return make_dataset(
        names["name"], names["description"], X, y, task=task,
        feature_names=features, class_names=classes,
    )  # fmt: skip


def _samples(values, dimensions) -> np.ndarray:
    """``values`` as a finite float array of ``dimensions`` (an int or a tuple of them)."""
    try:
        array = np.array(values, dtype=np.float64)
    except (TypeError, ValueError):
        array = np.empty(0)
    wanted = (dimensions,) if isinstance(dimensions, int) else dimensions
    _require(
        array.ndim in wanted and array.size > 0 and np.isfinite(array).all(),
        "the data set's samples are not a table of finite numbers",
    )
    return array


def memory_to_dict(memory: PatternMemory) -> dict:
    """A Hopfield workspace's grid, library and stored patterns, cells written as "#" and "."."""
    return {
        "rows": memory.rows,
        "columns": memory.columns,
        "current": _cells_text(memory.current),
        "library": [{"name": p.name, "cells": _cells_text(p.cells)} for p in memory.library],
        "rule": memory.rule,
        "stored": [
            {"name": name, "cells": _cells_text(cells)}
            for name, cells in zip(memory.stored_names, memory.network.patterns, strict=True)
        ],
    }


def memory_from_dict(data: dict) -> PatternMemory:
    """Rebuild a :class:`~nnsim.model.memory.PatternMemory`; the weights are stored again."""
    _require(isinstance(data, dict), "the pattern memory is not a table of named fields")
    rows, columns = data.get("rows"), data.get("columns")
    _require(
        all(isinstance(v, int) and not isinstance(v, bool) for v in (rows, columns)),
        "the pattern grid has no size",
    )
    memory = PatternMemory(rows, columns)
    memory.set_current(_cells_in(data.get("current"), memory.n))
    memory.add_patterns([_named_cells(entry, memory.n) for entry in _entries(data, "library")])
    stored = [_named_cells(entry, memory.n) for entry in _entries(data, "stored")]
    if stored:
        rule = data.get("rule")
        _require(rule in RULES, "the storage rule is unknown")
        memory.store_patterns(stored, rule)
    return memory


def _cells_text(cells) -> str:
    return "".join("#" if c > 0 else "." for c in cells)


def _cells_in(text, n: int) -> np.ndarray:
    _require(
        isinstance(text, str) and len(text) == n and set(text) <= {"#", "."},
        f"a pattern is not {n} cells of '#' and '.'",
    )
    return np.array([1.0 if c == "#" else -1.0 for c in text])


def _entries(data: dict, key: str) -> list:
    entries = data.get(key)
    _require(isinstance(entries, list), f"the memory's {key} patterns are not a list")
    return entries


def _named_cells(entry, n: int):
    _require(
        isinstance(entry, dict) and isinstance(entry.get("name"), str), "a pattern has no name"
    )
    return entry["name"], _cells_in(entry.get("cells"), n)
