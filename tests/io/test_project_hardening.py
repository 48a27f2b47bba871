"""Project files that are hostile or odd: each is one plain line, never a traceback or a hang.

And every state nnsim reaches can be saved (non-finite errors in the history
round-trip as strict JSON), or saving says why not.
"""

import json
import math
import time

import numpy as np
import pytest
from test_project import saved_content, trained_project

from nnsim.errors import ProjectFileError
from nnsim.io.project import MAX_BYTES, MAX_JSON, Project, load_project, save_project
from nnsim.model import new_hopfield, new_mlp
from nnsim.model.limits import MAX_CLASSES, MAX_PATTERNS, MAX_WEIGHTS
from nnsim.model.settings import Settings


def write(tmp_path, content, name="edited.nnsim"):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


def refused(path, reason):
    """The file is refused with ``reason`` in one line."""
    with pytest.raises(ProjectFileError, match=reason or None) as caught:
        load_project(path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400, message
    return message


def edited(tmp_path, change):
    content = saved_content(tmp_path)
    change(content)
    return write(tmp_path, content)


# ---------------------------------------------------------------- JSON shapes
def test_deeply_nested_json_is_a_message_not_a_recursion_error(tmp_path):
    path = write(tmp_path, '{"format": "nnsim-project", "version": 1, "document": '
                 + "[" * 100_000 + "]" * 100_000 + "}")  # fmt: skip
    refused(path, "nested too deeply")


def test_a_5000_digit_integer_is_a_message(tmp_path):
    refused(write(tmp_path, "1" * 5000), "number too long")
    content = json.dumps(saved_content(tmp_path)).replace('"seed": 7', '"seed": ' + "9" * 5000)
    refused(write(tmp_path, content), "number too long")


HUGE = 10**400
HUGE_INTEGERS = {
    "version": lambda c: c.update(version=HUGE),
    "setting": lambda c: c["settings"].update(max_epochs=HUGE),
    "float setting": lambda c: c["settings"].update(learning_rate=-HUGE),
    "weight": lambda c: c["weights"][0][0].__setitem__(0, HUGE),
    "bias": lambda c: c["biases"][0].__setitem__(0, HUGE),
    "history": lambda c: c["history"]["train"].__setitem__(0, HUGE),
    "epoch": lambda c: c["history"].update(epochs=[1, 2, HUGE]),
    "sample": lambda c: c["data"]["X"][0].__setitem__(0, HUGE),
    "label": lambda c: c["data"]["y"].__setitem__(0, HUGE),
    "position": lambda c: c["document"]["neurons"][0].update(x=HUGE),
    "grid": lambda c: c["document"].update(kind="hopfield", grid=[HUGE, HUGE]),
    "memory": lambda c: c.update(memory={"rows": HUGE, "columns": 3}),
}


@pytest.mark.parametrize("case", list(HUGE_INTEGERS))
def test_huge_integers_are_a_message_not_an_overflow(tmp_path, case):
    message = refused(edited(tmp_path, HUGE_INTEGERS[case]), "")
    assert "0000000000" not in message, "the number is named, not printed in full"


WRONG_TYPES = {
    "history is a list": (lambda c: c.update(history=[]), "error history is not a table"),
    "history column is text": (
        lambda c: c["history"].update(train="0.1"),
        "error history is not a list of numbers",
    ),
    "text in the history": (
        lambda c: c["history"]["train"].__setitem__(0, "x"),
        "error history is not a list",
    ),
    "true in the history": (
        lambda c: c["history"]["train"].__setitem__(0, True),
        "error history is not a list",
    ),
    "settings key custom_data": (
        lambda c: c["settings"].update(custom_data=[[1, 2]]),
        "no setting called 'custom_data'",
    ),
    "true for epochs": (
        lambda c: c["settings"].update(max_epochs=True),
        "Epochs must be a whole number",
    ),
    "text for a rate": (
        lambda c: c["settings"].update(learning_rate="0.5"),
        "Learning rate η must be a number",
    ),
    "text weight": (
        lambda c: c["weights"][0][0].__setitem__(0, "1.5"),
        "weights are not tables of numbers",
    ),
    "true weight": (
        lambda c: c["weights"][0][0].__setitem__(0, True),
        "weights are not tables of numbers",
    ),
    "weights not a list": (lambda c: c.update(weights={"a": 1}), "weights are not"),
    "true sample": (lambda c: c["data"]["X"][0].__setitem__(0, True), "not a table of finite"),
    "text sample": (lambda c: c["data"]["X"][0].__setitem__(0, "1.0"), "not a table of finite"),
    "layer of a neuron is a list": (
        lambda c: c["document"]["neurons"][0].update(layer=["L1"]),
        "belongs to no layer",
    ),
    "classroom names are lists": (
        lambda c: c.update(classroom={"frozen": [["seed"]]}),
        "not names of settings",
    ),
    "description is a number": (lambda c: c.update(description=5), "description is not text"),
    "document is a list": (lambda c: c.update(document=[]), "not a table of named fields"),
    "kind is a list": (lambda c: c["document"].update(kind=["mlp"]), "network kind"),
    "activation is long": (
        lambda c: c["document"]["layers"][1].update(activation="w" * 100_000),
        "activation",
    ),
}


@pytest.mark.parametrize("case", list(WRONG_TYPES))
def test_wrong_types_are_named(tmp_path, case):
    change, reason = WRONG_TYPES[case]
    refused(edited(tmp_path, change), reason)


def test_a_lone_surrogate_in_a_name_is_replaced_as_it_is_read(tmp_path):
    path = edited(tmp_path, lambda c: c["document"].update(name="net \ud800 x\udcff"))
    project = load_project(path)
    assert project.document.name == "net \ufffd x\ufffd"
    project.document.name.encode("utf-8")  # prints and saves
    save_project(tmp_path / "again.nnsim", project)
    assert load_project(tmp_path / "again.nnsim").document.name == "net \ufffd x\ufffd"


def test_a_valid_surrogate_pair_is_one_character(tmp_path):
    path = edited(tmp_path, lambda c: c["document"].update(name="smile \U0001f600"))
    assert "\\ud83d\\ude00" in path.read_text()  # as json writes it
    assert load_project(path).document.name == "smile \U0001f600"


# ---------------------------------------------------------------- sizes
def layered(sizes):
    """A document dict of layers of ``sizes`` neurons, no connections (small on disk)."""
    layers = [{"id": f"L{k}", "activation": "sigmoid"} for k in range(len(sizes))]
    neurons = [
        {"id": f"n{k}_{i}", "layer": f"L{k}", "x": 0.0, "y": float(i)}
        for k, size in enumerate(sizes)
        for i in range(size)
    ]
    return {"kind": "mlp", "name": "big", "bias": True, "rule": "rosenblatt", "grid": None,
            "layers": layers, "neurons": neurons, "connections": []}  # fmt: skip


def test_two_layers_of_40000_neurons_are_refused_before_anything_is_allocated(tmp_path):
    content = saved_content(tmp_path)
    content.update(document=layered([40_000, 40_000]), weights=None, biases=None)
    path = write(tmp_path, content)
    started = time.perf_counter()
    message = refused(path, "1,600,000,000 weights")
    assert f"{MAX_WEIGHTS:,}" in message
    assert time.perf_counter() - started < 5


def test_a_network_that_fits_opens(tmp_path):
    content = saved_content(tmp_path)
    content.update(document=layered([784, 256, 256, 10]), weights=None, biases=None)
    assert load_project(write(tmp_path, content)).document.layer_sizes == (784, 256, 256, 10)


def test_a_hopfield_grid_too_big_is_refused(tmp_path):
    content = saved_content(tmp_path)
    document = layered([100 * 100])
    document.update(kind="hopfield", grid=[100, 100])
    content.update(document=document, weights=None, biases=None, data=None)
    content["settings"]["dataset"] = "xor"
    refused(write(tmp_path, content), "100,000,000 weights")


def test_a_million_class_names_are_refused_before_the_one_hot_table(tmp_path):
    names = [f"c{k}" for k in range(1_000_000)]
    message = refused(
        edited(tmp_path, lambda c: c["data"].update(class_names=names)), "1,000,000 different"
    )
    assert f"{MAX_CLASSES:,}" in message


def test_too_many_patterns_are_refused(tmp_path):
    project = Project(new_hopfield(5, 5), Settings().values())
    save_project(tmp_path / "h.nnsim", project)
    content = json.loads((tmp_path / "h.nnsim").read_text())
    pattern = {"name": "p", "cells": "#" * 25}
    content["memory"] = {"rows": 5, "columns": 5, "current": "." * 25, "rule": "hebb",
                         "library": [pattern] * (MAX_PATTERNS + 1), "stored": []}  # fmt: skip
    refused(write(tmp_path, content), f"{MAX_PATTERNS + 1:,} patterns")


def test_a_long_history_is_refused(tmp_path):
    n = 1_000_001
    refused(
        edited(tmp_path, lambda c: c.update(history={"train": [0.5] * n, "epochs": None})),
        "1,000,001 epochs",
    )


# ---------------------------------------------------------------- saving
def test_infinite_errors_in_the_history_save_as_strict_json_and_come_back(tmp_path):
    project = trained_project()
    project.history["validation"] = np.array([np.inf, np.nan, -np.inf])
    project.history["train"] = np.array([np.inf, 0.5, np.nan])
    path = tmp_path / "inf.nnsim"
    save_project(path, project)

    def no_constants(name):
        raise AssertionError(f"{name} is not strict JSON")

    json.loads(path.read_text(), parse_constant=no_constants)
    loaded = load_project(path)
    for name in ("train", "validation"):
        np.testing.assert_array_equal(loaded.history[name], project.history[name])


def test_weights_that_are_not_finite_are_refused_with_the_reason_and_nothing_written(tmp_path):
    project = trained_project()
    project.weights[0][0, 0] = math.nan
    path = tmp_path / "nan.nnsim"
    with pytest.raises(ProjectFileError, match="weights hold values that are not finite"):
        save_project(path, project)
    assert list(tmp_path.iterdir()) == []


def test_numpy_numbers_in_the_settings_are_saved(tmp_path):
    project = trained_project()
    project.settings["seed"] = np.int64(3)
    project.settings["learning_rate"] = np.float64(0.25)
    save_project(tmp_path / "np.nnsim", project)
    loaded = load_project(tmp_path / "np.nnsim")
    assert (loaded.settings["seed"], loaded.settings["learning_rate"]) == (3, 0.25)


def test_a_network_too_big_to_reopen_is_not_saved(tmp_path):
    document = new_mlp((2, 1))
    for _ in range(2):  # unconnected: drawing 25 million connections would take minutes
        document.add_layer(1, 5000, connect=False)
    assert document.layer_sizes == (2, 5000, 5000, 1)
    project = Project(document, Settings().values())
    with pytest.raises(ProjectFileError, match="25,015,000 weights"):
        save_project(tmp_path / "big.nnsim", project)
    assert list(tmp_path.iterdir()) == []


def test_a_project_larger_than_the_reader_accepts_is_not_saved(tmp_path, monkeypatch):
    import nnsim.io.project as project_module

    monkeypatch.setattr(project_module, "MAX_BYTES", 2000)
    with pytest.raises(ProjectFileError, match="nnsim opens projects of up to 2 KB"):
        save_project(tmp_path / "big.nnsim", trained_project())
    assert list(tmp_path.iterdir()) == []
    assert MAX_BYTES == 200 * 1024 * 1024


@pytest.mark.parametrize(
    ("filler", "mark", "what"),
    [("[],", "[", "lists"), ("{},", "{", "tables"), ("0,", ",", "values")],
)
def test_a_file_of_tiny_lists_tables_or_values_is_refused_before_parsing(
    tmp_path, filler, mark, what
):
    """A 200 MB file of "[]," would need 4 GB as Python lists: they are counted first."""
    from test_safe_read import bounded

    text = "[" + filler * (MAX_JSON[mark] + 1) + "0]"
    with bounded(20, 2**30):
        message = refused(write(tmp_path, text), f"{text.count(mark):,} {what}")
    assert f"at most {MAX_JSON[mark]:,}" in message
