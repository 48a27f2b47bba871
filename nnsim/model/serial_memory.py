"""A Hopfield workspace's pattern memory as plain data, and back: :func:`memory_to_dict`,
:func:`memory_from_dict`.

Cells are written as "#" (on) and "." (off), a pattern a line of them.  The
reader trusts nothing, as every reader of :mod:`~nnsim.model.serial`: the grid's
size, each pattern's cells and name, the counts
(:func:`~nnsim.model.limits.check_pattern_count`) and the rule are checked
before the weights are stored again; a problem is a one-line
:class:`~nnsim.errors.ConfigError`.
"""

import numpy as np

from nnsim.engine.hopfield_dense import INTERACTIONS, MAX_DEGREE, Interaction
from nnsim.engine.hopfield_rules import STORAGE_RULES
from nnsim.model.limits import check_pattern_count
from nnsim.model.memory import MAX_SIDE, MIN_SIDE, PatternMemory
from nnsim.model.serial import require, required_list
from nnsim.text import QT_TRANSLATE_NOOP


def memory_to_dict(memory: PatternMemory) -> dict:
    """A Hopfield workspace's grid, library and stored patterns, cells written as "#" and ".",
    and, when the dense rule stored them, its interaction ({"kind": "polynomial", "degree": 3};
    files of the other rules are as before it)."""
    interaction = memory.interaction
    dense = {"interaction": {"kind": interaction.kind, "degree": interaction.degree}}
    return {
        "rows": memory.rows,
        "columns": memory.columns,
        "current": _cells_text(memory.current),
        "library": [{"name": p.name, "cells": _cells_text(p.cells)} for p in memory.library],
        "rule": memory.rule,
        **(dense if memory.rule == "dense" else {}),
        "stored": [
            {"name": name, "cells": _cells_text(cells)}
            for name, cells in zip(memory.stored_names, memory.network.patterns, strict=True)
        ],
    }


def memory_from_dict(data: dict) -> PatternMemory:
    """Rebuild a :class:`~nnsim.model.memory.PatternMemory`; the weights are stored again."""
    require(
        isinstance(data, dict),
        QT_TRANSLATE_NOOP("Serial", "The pattern memory is not a table of named fields."),
    )
    rows, columns = data.get("rows"), data.get("columns")
    require(
        all(type(v) is int and MIN_SIDE <= v <= MAX_SIDE for v in (rows, columns)),
        QT_TRANSLATE_NOOP(
            "Serial", "The pattern grid's size is not {fewest} to {most} rows and columns."
        ),
        fewest=MIN_SIDE,
        most=MAX_SIDE,
    )
    not_a_list = QT_TRANSLATE_NOOP("Serial", "The memory's {key} patterns are not a list.")
    library, stored = (required_list(data, key, not_a_list) for key in ("library", "stored"))
    check_pattern_count(len(library), "library")
    check_pattern_count(len(stored), "stored patterns")
    memory = PatternMemory(rows, columns)
    memory.network.interaction = _interaction_in(data.get("interaction"))
    memory.set_current(_cells_in(data.get("current"), memory.n))
    memory.add_patterns([_named_cells(entry, memory.n) for entry in library])
    stored = [_named_cells(entry, memory.n) for entry in stored]
    if stored:
        rule = data.get("rule")
        require(
            isinstance(rule, str) and rule in STORAGE_RULES,
            QT_TRANSLATE_NOOP("Serial", "The storage rule is unknown."),
        )
        memory.store_patterns(stored, rule)
    return memory


def _interaction_in(data) -> Interaction:
    """The dense rule's interaction from a file (a cubic in files written before it)."""
    if data is None:
        return Interaction()
    require(
        isinstance(data, dict)
        and data.get("kind") in INTERACTIONS
        and type(data.get("degree")) is int
        and 2 <= data["degree"] <= MAX_DEGREE,
        QT_TRANSLATE_NOOP(
            "Serial",
            "The dense memory's interaction is not polynomial or exponential with a whole "
            "degree from 2 to {most}.",
        ),
        most=MAX_DEGREE,
    )
    return Interaction(data["kind"], data["degree"])


def _cells_text(cells) -> str:
    return "".join("#" if c > 0 else "." for c in cells)


def _cells_in(text, n: int) -> np.ndarray:
    if not (isinstance(text, str) and len(text) == n and set(text) <= {"#", "."}):
        require(
            False,
            QT_TRANSLATE_NOOP("Serial", "A pattern is not {cells} cells of '#' and '.'."),
            cells=n,
        )
    return np.array([1.0 if c == "#" else -1.0 for c in text])


def _named_cells(entry, n: int):
    require(
        isinstance(entry, dict) and isinstance(entry.get("name"), str),
        QT_TRANSLATE_NOOP("Serial", "A pattern has no name."),
    )
    return entry["name"], _cells_in(entry.get("cells"), n)
