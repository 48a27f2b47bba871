"""The ``.nnsim`` project file (DESIGN.md section 6): UTF-8 JSON, written atomically.

A project holds the network document, the settings (data set, seed and
training parameters among them), the person's own data set if there is one
(inline), the trained weights and biases, the error history and a one-line
description, so opening it shows exactly what was saved and training on
gives the same numbers as if it had never stopped being open.  Floats are
written by ``json`` as their shortest exact text and read back bit for bit;
NaN (an epoch without a validation error) is written as ``null``.

Reading refuses, with a message saying what is wrong, a file that is not
JSON, not an nnsim project, from a newer nnsim, or edited into something no
network could be; nothing already open is touched by a failed read.
"""

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nnsim.engine.datasets import Dataset
from nnsim.errors import NnsimError, ProjectFileError
from nnsim.io.exports import replacing
from nnsim.model import NetworkDocument, compile
from nnsim.model.classroom import Classroom
from nnsim.model.memory import PatternMemory
from nnsim.model.serial import (
    dataset_from_dict,
    dataset_to_dict,
    document_from_dict,
    document_to_dict,
    memory_from_dict,
    memory_to_dict,
)
from nnsim.model.settings import CUSTOM, Settings

FORMAT = "nnsim-project"
VERSION = 1
SUFFIX = ".nnsim"
#: A project bigger than this is surely not one (the digits example is ~2 MB).
MAX_BYTES = 200 * 1024 * 1024
HISTORY_COLUMNS = ("train", "validation", "accuracy")


@dataclass
class Project:
    """What a project file holds.

    Attributes
    ----------
    document : NetworkDocument
    settings : dict
        Values of :class:`~nnsim.model.settings.Settings`, by name.
    weights, biases : list of arrays, or None
        The trained network's (n_out, n_in) weight matrices and (n_out,)
        biases, in layer order; None before any training.
    history : dict of 1-D arrays
        "train", "validation" and "accuracy" per kept epoch (NaN where not
        measured), and "epochs", the epoch each belongs to (every epoch while a
        run is short; one in two, four, ... in a long one).
    data : Dataset or None
        The custom data set (imported), used when settings["dataset"] is "custom".
    description : str
        One line saying what the project shows (examples have one).
    memory : PatternMemory or None
        A Hopfield network's grid, pattern library and stored patterns.
    classroom : Classroom
        What the exercise fixes (nothing by default).
    """

    document: NetworkDocument
    settings: dict
    weights: list[np.ndarray] | None = None
    biases: list[np.ndarray] | None = None
    history: dict[str, np.ndarray] = field(default_factory=dict)
    data: Dataset | None = None
    description: str = ""
    memory: PatternMemory | None = None
    classroom: Classroom = field(default_factory=Classroom)


def save_project(path, project: Project) -> None:
    """Write ``project`` to ``path`` (whole, or not at all)."""
    content = {
        "format": FORMAT,
        "version": VERSION,
        "document": document_to_dict(project.document),
        "settings": project.settings,
        "weights": _arrays_out(project.weights),
        "biases": _arrays_out(project.biases),
        "history": {
            **{name: _floats_out(project.history.get(name, ())) for name in HISTORY_COLUMNS},
            "epochs": [int(e) for e in project.history.get("epochs", ())],
        },
        "data": None if project.data is None else dataset_to_dict(project.data),
        "description": project.description,
        "memory": None if project.memory is None else memory_to_dict(project.memory),
        "classroom": project.classroom.to_dict(),
    }
    text = json.dumps(content, allow_nan=False, indent=1)
    with replacing(path) as temporary:
        temporary.write_text(text, encoding="utf-8")


def load_project(path) -> Project:
    """Read a project; raise ProjectFileError saying what is wrong if it cannot be one."""
    path = Path(path)
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ProjectFileError(f"{name} is larger than any nnsim project; it is not one.")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProjectFileError(f"Could not read {name}: {exc.strerror or exc}.") from exc
    except UnicodeDecodeError:
        raise ProjectFileError(f"{name} is not a text file, so not an nnsim project.") from None
    try:
        content = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            f"{name} is not a readable nnsim project: its text breaks off or is not JSON "
            f"(line {exc.lineno}, column {exc.colno})."
        ) from None
    _check_header(content, name)
    try:
        return _project_from(content)
    except (NnsimError, KeyError, TypeError, ValueError) as exc:
        raise ProjectFileError(f"{name} cannot be opened: {_reason(exc)}") from None


def _check_header(content, name: str) -> None:
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise ProjectFileError(f"{name} is JSON but not an nnsim project.")
    version = content.get("version")
    if not isinstance(version, int) or version < 1:
        raise ProjectFileError(f"{name} has no valid project version.")
    if version > VERSION:
        raise ProjectFileError(
            f"{name} was saved by a newer nnsim (project version {version}; this one reads "
            f"up to {VERSION}). Update nnsim to open it."
        )


def _project_from(content: dict) -> Project:
    document = document_from_dict(content["document"])
    values = content["settings"]
    if not isinstance(values, dict):
        raise ValueError("the settings are not a table of named values.")
    Settings(**values)  # every value checked as the panel would
    data = content.get("data")
    data = None if data is None else dataset_from_dict(data)
    if values.get("dataset") == CUSTOM and data is None:
        raise ValueError("its settings use custom data, but it holds none.")
    description = content.get("description", "")
    if not isinstance(description, str):
        raise ValueError("its description is not text.")
    weights, biases = _arrays_in(content.get("weights")), _arrays_in(content.get("biases"))
    if weights is not None:
        _check_fit(document, weights, biases)
    history = {name: _floats_in(content["history"].get(name, [])) for name in HISTORY_COLUMNS}
    epochs = content["history"].get("epochs") or list(range(1, len(history["train"]) + 1))
    if not (
        isinstance(epochs, list)
        and all(isinstance(e, int) and not isinstance(e, bool) for e in epochs)
        and all(a < b for a, b in zip([0, *epochs], epochs, strict=False))
    ):
        raise ValueError("the error history's epochs are not rising whole numbers.")
    history["epochs"] = np.array(epochs, dtype=np.int64)
    if len({len(column) for column in history.values()}) > 1:
        raise ValueError("the error history's columns differ in length.")
    memory = content.get("memory")
    memory = None if memory is None else memory_from_dict(memory)
    if memory is not None and (
        document.kind != "hopfield" or document.grid != (memory.rows, memory.columns)
    ):
        raise ValueError("its pattern memory does not fit its network.")
    classroom = Classroom.from_dict(content.get("classroom", {}))
    return Project(document, values, weights, biases, history, data, description, memory, classroom)


def _check_fit(document: NetworkDocument, weights, biases) -> None:
    """Refuse weights whose shapes are not the network's (compiled from the document)."""
    compiled = compile(document, rng=0)
    wanted = [w.shape for w in compiled.weight_matrices()]
    if [w.shape for w in weights] != wanted:
        raise ValueError("its weights do not fit its network (the layers have other sizes).")
    wanted_biases = [b.shape for b in compiled.bias_vectors()]
    if biases is None or [b.shape for b in biases] != wanted_biases:
        raise ValueError("its biases do not fit its network.")


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"it has no {exc.args[0]!r}."
    text = str(exc)
    return text if text.endswith(".") else text + "."


def _arrays_out(arrays):
    return None if arrays is None else [np.asarray(a, dtype=float).tolist() for a in arrays]


def _arrays_in(lists):
    if lists is None:
        return None
    arrays = [np.array(a, dtype=np.float64) for a in lists]
    if not all(np.isfinite(a).all() for a in arrays):
        raise ValueError("its weights hold values that are not finite numbers.")
    return arrays


def _floats_out(values) -> list:
    return [None if math.isnan(v) else v for v in np.asarray(values, dtype=float).tolist()]


def _floats_in(values) -> np.ndarray:
    if not isinstance(values, list):
        raise ValueError("the error history is not a list of numbers.")
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)
