"""Property-based fuzz of everything nnsim reads: project files, CSV files, the command line.

Hostile shapes go through the real readers: JSON fields replaced by wrong
types, huge integers, deep nesting and 5,000-digit numbers; names holding
markup (``<img src=...>``), quotes, NULs, control characters and lone
surrogates; huge declared sizes (layers of 40,000 neurons, a million class
names, a 10**9-row pattern grid); special files (FIFOs, links to /dev/zero,
folders, link loops, a sparse 201 MB file); and the command line's own
arguments.  Every case runs under ``bounded``: it must end within seconds and
ask for less than 1 GiB more memory (RLIMIT_AS), or the test fails.  The only
things allowed out are an :class:`NnsimError` with a one-line message, a
result, or (for arguments) ``SystemExit(2)`` with one line on stderr.

The default run is quick (about 1,000 cases in all); ``NNSIM_FUZZ_EXAMPLES=N``
runs N per test, and ``NNSIM_FUZZ_REPORT=FILE`` appends how many cases each
test ran and how long it took.
"""

import contextlib
import io
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_project import saved_content
from test_safe_read import bounded

from nnsim import cli
from nnsim.errors import NnsimError
from nnsim.io.csv_data import guess_roles, make_csv_dataset, read_table, read_text
from nnsim.io.pattern_sets import read_pattern_set
from nnsim.io.project import Project, load_project, save_project
from nnsim.model import new_hopfield, new_perceptron
from nnsim.model.limits import MAX_CLASSES, MAX_DATA_VALUES, MAX_INPUTS
from nnsim.model.memory import PatternMemory
from nnsim.model.settings import Settings

EXAMPLES = int(os.environ.get("NNSIM_FUZZ_EXAMPLES", "0"))
#: Seconds one case may take (a CLI case trains one epoch), and memory it may add.
SECONDS, MEMORY = 20, 2**30
COUNTS: dict[str, list] = {}


def fuzz(default: int):
    """Hypothesis settings: ``default`` examples unless NNSIM_FUZZ_EXAMPLES says more."""
    return settings(
        max_examples=EXAMPLES or default,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


def counted(name: str) -> None:
    COUNTS.setdefault(name, [0, time.perf_counter()])[0] += 1


@pytest.fixture(scope="module", autouse=True)
def report_counts():
    started = time.perf_counter()
    yield
    target = os.environ.get("NNSIM_FUZZ_REPORT")
    if target:
        total = sum(count for count, _ in COUNTS.values())
        with open(target, "a", encoding="utf-8") as f:
            for name, (count, _) in COUNTS.items():
                f.write(f"{name}: {count} cases\n")
            f.write(f"total: {total} cases in {time.perf_counter() - started:.1f} s\n")


def one_line(exc: BaseException) -> str:
    message = str(exc)
    assert message and "\n" not in message and "Traceback" not in message, repr(message)
    assert len(message) < 25_000, f"{len(message)} characters"  # a long name, quoted twice
    return message


# ---------------------------------------------------------------- hostile values
HOSTILE_TEXT = st.one_of(
    st.sampled_from([
        '<img src="/dev/zero">', '<a href="file:///etc/passwd">x</a>', "<b>bold</b>&amp;",
        '"; import os; os.system("x") #', "'''", '"""\n', "\\N{", "\ud800", "\udcff",
        "a\0b", "\n\r\t", "\x1b[2J", "\u202eevil", "\U0001f600", "", " ", "NaN", "Infinity",
        "-Infinity", "1e999", "-0", "custom", "x" * 10_000, "1" * 5000, "hopfield", "mlp",
    ]),
    st.text(max_size=30),
)  # fmt: skip
HUGE_INTEGERS = st.sampled_from([2**31, 2**53 + 1, 2**63, -(2**63) - 1, 10**400, -(10**400)])
HOSTILE_VALUES = st.one_of(
    HOSTILE_TEXT,
    HUGE_INTEGERS,
    st.sampled_from([None, True, False, 0, -1, 1, 1.5, 1e308, -1e308, [], {}, [[]], [None],
                     {"": None}, [[1, 2], [3]], float("nan"), float("inf"), -float("inf")]),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.integers(-3, 3), max_size=4),
)  # fmt: skip
#: Raw JSON text spliced in where a value goes: what json.dumps cannot write.
RAW_JSON = st.one_of(
    st.sampled_from(["1" * 5000, "-" + "9" * 4301, "1e99999", "NaN", "-Infinity", "[]" * 3]),
    st.integers(100, 20_000).map(lambda depth: "[" * depth + "]" * depth),
    st.integers(100, 20_000).map(lambda depth: '{"a":' * depth + "1" + "}" * depth),
)
RAW = "@@raw@@"


def starting_contents(tmp_path) -> dict:
    """Saved projects of every kind, as JSON content."""
    contents = {"mlp": saved_content(tmp_path)}
    memory = PatternMemory(5, 5)
    memory.add_patterns([("a", [1.0] * 25), ("b", [1.0, -1.0] * 12 + [1.0])])
    memory.store("hebb")
    hopfield = Project(new_hopfield(5, 5), Settings().values(), memory=memory)
    perceptron = Project(new_perceptron(), Settings(dataset="and").values())
    for name, project in (("hopfield", hopfield), ("perceptron", perceptron)):
        save_project(tmp_path / f"{name}.nnsim", project)
        contents[name] = json.loads((tmp_path / f"{name}.nnsim").read_text())
    return contents


def mutate(data, content):
    """Change one place in ``content``: replace, delete, or splice raw JSON; return the text."""
    content = json.loads(json.dumps(content))
    parent, key = None, None
    node = content
    for _ in range(data.draw(st.integers(0, 6), label="depth")):
        if isinstance(node, dict) and node:
            choice = data.draw(st.sampled_from(sorted(node)), label="key")
        elif isinstance(node, list) and node:
            choice = data.draw(st.integers(0, len(node) - 1), label="index")
        else:
            break
        parent, key, node = node, choice, node[choice]
    action = data.draw(st.sampled_from(["replace", "replace", "delete", "raw", "new key"]))
    if parent is None:
        return json.dumps(data.draw(HOSTILE_VALUES), allow_nan=True)
    if action == "delete":
        if isinstance(parent, dict):
            del parent[key]
        else:
            parent.pop(key)
    elif action == "new key" and isinstance(node, dict):
        node[data.draw(HOSTILE_TEXT, label="new key")] = data.draw(HOSTILE_VALUES)
    elif action == "raw":
        parent[key] = RAW
    else:
        parent[key] = data.draw(HOSTILE_VALUES, label="value")
    text = json.dumps(content, allow_nan=True)
    if RAW in text:
        text = text.replace(json.dumps(RAW), data.draw(RAW_JSON, label="raw"), 1)
    return text


def load_or_refuse(path: Path, tmp_path: Path):
    """Load ``path``: a project (which then saves and opens again) or a one-line refusal."""
    with bounded(SECONDS, MEMORY):
        try:
            project = load_project(path)
        except NnsimError as exc:
            event(f"refused: {one_line(exc).split(':')[-1][:40]}")
            return None
        event("loaded")
        again = tmp_path / "again.nnsim"
        try:
            save_project(again, project)
        except NnsimError as exc:
            one_line(exc)
            return project
        load_project(again)  # a project nnsim saved opens again
        return project


# ---------------------------------------------------------------- project files
@fuzz(300)
@given(data=st.data())
def test_project_files_with_a_hostile_field_load_or_say_why_in_one_line(tmp_path, data):
    counted("project fields")
    contents = starting_contents(tmp_path)
    kind = data.draw(st.sampled_from(sorted(contents)), label="kind")
    text = mutate(data, contents[kind])
    path = tmp_path / "fuzzed.nnsim"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    load_or_refuse(path, tmp_path)


def layered(sizes, kind="mlp"):
    layers = [{"id": f"L{k}", "activation": "sigmoid"} for k in range(len(sizes))]
    neurons = [{"id": f"n{k}_{i}", "layer": f"L{k}", "x": 0.0, "y": float(i)}
               for k, size in enumerate(sizes) for i in range(size)]  # fmt: skip
    grid = None if kind != "hopfield" else [1, sum(sizes)]
    return {"kind": kind, "name": "big", "bias": True, "rule": "rosenblatt", "grid": grid,
            "layers": layers, "neurons": neurons, "connections": []}  # fmt: skip


def bomb_layers(d):
    sizes = d.draw(st.lists(st.sampled_from([1, 10, 300, 5000, 40_000]), min_size=1, max_size=3))
    return {"document": layered(sizes), "weights": None, "biases": None}


def bomb_hopfield(d):
    size = d.draw(st.sampled_from([25, 4096, 5000, 40_000]))
    return {
        "document": layered([size], "hopfield"),
        **{"weights": None, "biases": None, "data": None, "settings": {"dataset": "xor"}},
    }


def bomb_grid(d):
    return {"document": {**layered([25], "hopfield"), "grid": [d.draw(HUGE_INTEGERS), 1]}}


def data_set(**fields):
    return {"name": "d", "description": "", "task": "classification", "feature_names": ["x"],
            "class_names": ["a", "b"], "X": [[0.0], [1.0]], "y": [0, 1], **fields}  # fmt: skip


def bomb_classes(d):
    count = d.draw(st.sampled_from([3, MAX_CLASSES + 1, 200_000]))
    return {"data": data_set(class_names=[f"c{k}" for k in range(count)])}


def bomb_inputs(d):
    n = d.draw(st.sampled_from([2, MAX_INPUTS + 1]))
    names, rows = ["x"] * n, [[0.0] * n] * 2
    return {"data": data_set(task="regression", feature_names=names, X=rows, y=[0.0, 1.0])}


def bomb_pattern_grid(d):
    rows = d.draw(st.sampled_from([5, 64, 65, 10**9, 10**400]))
    memory = {"rows": rows, "columns": 5, "current": "", "library": [], "stored": []}
    return {"memory": memory}


def bomb_patterns(d):
    library = [{"name": "p", "cells": "#" * 25}] * d.draw(st.sampled_from([2, 1001]))
    stored = [{"name": "p", "cells": "#." * 12 + "#"}] * d.draw(st.sampled_from([1, 1001]))
    memory = {"rows": 5, "columns": 5, "current": "." * 25, "rule": "storkey",
              "library": library, "stored": stored}  # fmt: skip
    document = {**layered([25], "hopfield"), "grid": [5, 5]}
    return {"document": document, "weights": None, "biases": None, "memory": memory}


def bomb_history(d):
    length = d.draw(st.sampled_from([3, 1_000_001]))
    return {"history": {"train": [0.5] * length, "epochs": None}}


def bomb_settings(d):
    name = d.draw(st.sampled_from(["samples", "batch_size", "max_epochs", "seed", "patience"]))
    value = d.draw(st.one_of(HUGE_INTEGERS, st.sampled_from([100_000, 10**7, -1, 0])))
    return {"settings": {name: value}}


SIZE_BOMBS = {bomb.__name__: bomb for bomb in (
    bomb_layers, bomb_hopfield, bomb_grid, bomb_classes, bomb_inputs, bomb_pattern_grid,
    bomb_patterns, bomb_history, bomb_settings,
)}  # fmt: skip


@fuzz(30)
@given(data=st.data())
def test_huge_declared_sizes_are_refused_before_anything_is_allocated(tmp_path, data):
    counted("size bombs")
    content = saved_content(tmp_path)
    bomb = data.draw(st.sampled_from(sorted(SIZE_BOMBS)), label="bomb")
    for key, value in SIZE_BOMBS[bomb](data).items():
        if key == "settings":
            content["settings"].update(value)
        else:
            content[key] = value
    path = tmp_path / "bomb.nnsim"
    path.write_text(json.dumps(content))
    load_or_refuse(path, tmp_path)


# ---------------------------------------------------------------- special files
NAMES = st.text(
    alphabet=st.sampled_from([*"ab <>\"'&;|$`\\\n\t\x1b.-_é😀", "\udcff"]),
    min_size=1, max_size=12,
).filter(lambda name: name not in (".", ".."))  # fmt: skip


def special_file(folder: Path, kind: str, name: str) -> Path:
    path = folder / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "loop":
        path.symlink_to(path)
    elif kind == "dangling":
        path.symlink_to(folder / "nowhere")
    elif kind == "proc":
        path.symlink_to("/proc/self/status")
    elif kind == "sparse":
        with open(path, "wb") as f:
            f.truncate(201 * 1024 * 1024)
    else:
        path.write_text(kind)
    return path


SPECIAL = ["fifo", "dev zero", "folder", "loop", "dangling", "proc", "sparse",
           '{"format": "nnsim-project", "version": 1}', "a,b\n1,2\n3,4\n",
           "size 2 x 2\n"]  # fmt: skip
SUFFIXES = [".nnsim", ".csv", ".txt", ""]


@fuzz(80)
@given(
    kind=st.sampled_from(SPECIAL),
    name=NAMES,
    suffix=st.sampled_from([".nnsim", ".csv", ".txt", ""]),
)
def test_special_files_with_hostile_names_are_refused_at_once(tmp_path, kind, name, suffix):
    counted("special files")
    folder = tmp_path / f"case{time.perf_counter_ns()}"
    folder.mkdir()
    path = special_file(folder, kind, name + suffix)
    for read in (load_project, read_text, read_pattern_set):
        with bounded(SECONDS, MEMORY):
            try:
                read(path)
            except NnsimError as exc:
                one_line(exc)
    for target in (path, folder / "link.nnsim"):  # saving onto it (or a link to it)
        if target != path:
            target.symlink_to(path)
        with bounded(SECONDS, MEMORY):
            try:
                save_project(target, Project(new_perceptron(), Settings().values()))
            except NnsimError as exc:
                one_line(exc)
        assert os.path.lexists(path), "a save never removes what it was refused"
    if kind in ("fifo", "dev zero", "folder"):
        assert not path.is_file(), "the special file is as it was"


# ---------------------------------------------------------------- CSV files
CELLS = st.one_of(
    st.sampled_from(["1", "-2.5", "1e999", "nan", "inf", "1,5", "1_000", "", " ", '"', '""',
                     '"a,b"', '"line\nbreak"', "1" * 5000, "٣", "²"]),
    HOSTILE_TEXT.filter(lambda t: "\0" not in t and not any("\ud800" <= c <= "\udfff" for c in t)),
    st.integers(-5, 5).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
)  # fmt: skip


@st.composite
def csv_files(draw):
    width = draw(st.sampled_from([1, 2, 3, 5, 40]))
    rows = draw(st.integers(0, 12))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|", " "]))
    cells = st.lists(CELLS, min_size=width, max_size=width)
    table = [draw(cells) for _ in range(rows)]
    if draw(st.booleans()):  # many different labels in the last column
        count = draw(st.sampled_from([3, MAX_CLASSES + 1, 5000]))
        table += [["1"] * (width - 1) + [f"label{k}"] for k in range(count)]
    text = "\n".join(delimiter.join(row) for row in table)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "bytes"]))
    if encoding == "bytes":
        return draw(st.binary(max_size=200)) + text.encode("utf-8", "replace")
    return text.encode(encoding, "replace")


ROLE_LISTS = st.none() | st.lists(st.sampled_from(["input", "target", "ignore"]), max_size=6)
TASKS = st.sampled_from([None, "classification", "regression"])


@fuzz(300)
@given(
    raw=csv_files(), roles=ROLE_LISTS, task=st.sampled_from([None, "classification", "regression"])
)
def test_csv_files_give_a_data_set_or_a_one_line_reason(tmp_path, raw, roles, task):
    counted("CSV files")
    path = tmp_path / "hostile.csv"
    path.write_bytes(raw)
    with bounded(SECONDS, MEMORY):
        try:
            table = read_table(read_text(path), path.stem)
            data = make_csv_dataset(table, roles if roles is not None else guess_roles(table), task)
        except NnsimError as exc:
            one_line(exc)
            return
    assert data.n_samples >= 2 and data.X.size + data.T.size <= MAX_DATA_VALUES
    assert len(data.class_names) <= MAX_CLASSES and data.n_features <= MAX_INPUTS


# ---------------------------------------------------------------- the command line
@contextlib.contextmanager
def strict_streams():
    """stdout and stderr that encode strict UTF-8, like a terminal (a lone surrogate fails)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def run_command(argv) -> tuple[int, str]:
    """``nnsim argv`` in-process: (exit status, stderr); any other exception fails."""
    with bounded(SECONDS, MEMORY), strict_streams() as (_, err):
        try:
            status = cli.main(argv)
        except SystemExit as stopped:
            status = stopped.code
        err.seek(0)
        message = err.buffer.getvalue().decode("utf-8")
    event(f"exit status {status}")
    if status != 0:
        assert status in (1, 2), status
        assert message.startswith("nnsim: ") and message.count("\n") == 1, message
    return status, message


@fuzz(50)
@given(data=st.data())
def test_the_command_line_trains_a_hostile_project_or_says_why_in_one_line(tmp_path, data):
    counted("command line, projects")
    contents = starting_contents(tmp_path)
    kind = data.draw(st.sampled_from(["mlp", "perceptron", "mlp"]), label="kind")
    if data.draw(st.booleans(), label="names only"):  # loads, and its names are printed
        content = contents[kind]
        content["document"]["name"] = data.draw(HOSTILE_TEXT.filter(str.strip), label="name")
        content["description"] = data.draw(HOSTILE_TEXT, label="description")
        if content["data"] is not None:
            content["data"]["name"] = data.draw(HOSTILE_TEXT, label="data name")
        text = json.dumps(content)
    else:
        text = mutate(data, contents[kind])
    name = data.draw(NAMES, label="name") + ".nnsim"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    run_command(["train", str(path), "--epochs", "1", "--out", str(tmp_path / "out.nnsim")])


OPTIONS = ["--epochs", "--hidden", "--seed", "--example", "--out", "--learning-rate",
           "--momentum", "--batch-size", "--activation", "--loss", "--target-error",
           "--optimizer"]  # fmt: skip
ARGUMENTS = st.one_of(
    st.sampled_from(OPTIONS),
    st.sampled_from(["xor", "and", "digits", "sine", "4", "0", "-1", "1e308", "inf", "nan",
                     "100000", "50000,50000", "3,", ",", "sgd", "adam", "relu", "cce",
                     "examples", "train", "--", "-x", "--hel"]),
    HOSTILE_TEXT.filter(lambda t: "\0" not in t),
    HUGE_INTEGERS.map(str),
)  # fmt: skip


@fuzz(100)
@given(argv=st.lists(ARGUMENTS, max_size=6))
def test_any_arguments_give_a_result_or_one_line(tmp_path, argv):
    counted("command line, arguments")
    argv = ["train", *argv, "--epochs", "1", "--out", str(tmp_path / "o.nnsim")]
    if "examples" in argv[:2]:
        argv = argv[1:]
    run_command(argv)
