"""A project's training as a NumPy script, a notebook and a PyTorch script, checked by running them.

The NumPy script and the notebook promise nnsim's weights bit for bit on the
machine that trained them, so these tests compare with ``np.array_equal``:
the script runs here, with the same NumPy and BLAS as the engine beside it,
doing the same operations in the same order, so the same kernel rounds the
same numbers the same way.  That holds under any OPENBLAS_CORETYPE too
(both run under the one chosen); what is never asserted is a number either
reaches, which differs from kernel to kernel.
"""

import ast
import dataclasses
import importlib.util
import json
import runpy
import subprocess
import sys
import types
from pathlib import Path

import nbformat
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnsim.errors import ConfigError, NnsimError
from nnsim.io.network_export import ExportedNetwork, write_npz
from nnsim.io.project import load_project
from nnsim.io.training_export import (
    TrainingExport,
    training_script_text,
    write_notebook,
    write_torch_script,
    write_training_script,
)
from nnsim.io.training_notebook import notebook
from nnsim.model.session import Session
from nnsim.model.starters import new_mlp, new_perceptron
from nnsim.resource_files import resource_path

HAS_TORCH = importlib.util.find_spec("torch") is not None


def example(name: str):
    return resource_path("examples", f"{name}.nnsim")


def trained(session: Session, epochs: int) -> Session:
    """``session`` reset to its seed's weights and trained ``epochs`` epochs in one run."""
    session.reset()
    for _ in session.train(max_epochs=epochs):
        pass
    return session


def opened(name: str, epochs: int, **changes) -> Session:
    session = Session.open(example(name))
    for setting, value in changes.items():
        session.settings.set(setting, value)
    return trained(session, epochs)


def assert_same(weights, biases, session: Session):
    """np.array_equal, not a tolerance: see the module docstring."""
    nnsim_weights, nnsim_biases = session.compiled.network.parameters()
    assert len(weights) == len(nnsim_weights)
    for mine, theirs in zip([*weights, *biases], [*nnsim_weights, *nnsim_biases], strict=True):
        assert np.array_equal(mine, theirs)


def run(path: Path, *arguments, cwd=None) -> str:
    done = subprocess.run(
        [sys.executable, str(path), *map(str, arguments)],
        capture_output=True, text=True, cwd=cwd, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def saved(path: Path, layers: int, bias: bool):
    with np.load(path) as arrays:
        weights = [arrays[f"W{k}"] for k in range(1, layers + 1)]
        biases = [arrays[f"b{k}"] if bias else np.zeros(w.shape[0]) for k, w in
                  enumerate(weights, start=1)]  # fmt: skip
    return weights, biases


# ------------------------------------------------------------------ the script, run
@pytest.mark.parametrize(
    ("name", "epochs", "changes"),
    [
        ("xor_2_4_1", 300, {}),  # an MLP: full batch, sse
        ("bug_perceptron", 50, {}),  # Rosenblatt's rule, stops at 0 mistakes
        ("km_to_miles", 50, {}),  # normalised LMS without a bias
        ("iris", 40, {"momentum": 0.9}),  # validation split, z-score, batches of 16, momentum
        ("screening", 300, {"patience": 5}),  # bce, validation split, early stopping
    ],
)
def test_the_script_trains_to_nnsims_weights(tmp_path, name, epochs, changes):
    session = opened(name, epochs, **changes)
    path = tmp_path / "train.py"
    write_training_script(path, session.project())
    printed = run(path, "--save", tmp_path / "w.npz", cwd=tmp_path)
    network = session.compiled.network
    weights, biases = saved(tmp_path / "w.npz", len(network.parameters()[0]), network.has_bias)
    assert_same(weights, biases, session)
    count = session.history.count  # (the project's epochs: the script's default)
    assert f"Trained {count} epochs" in printed
    assert f"The weights are nnsim's after epoch {count}, bit for bit." in printed


def test_the_script_compares_with_weights_nnsim_exported(tmp_path):
    session = opened("xor_2_2_1", 100)
    path = tmp_path / "train.py"
    write_training_script(path, session.project())
    write_npz(tmp_path / "nnsim.npz", ExportedNetwork.of(session.compiled.network, "xor"))
    assert "Those weights are these, bit for bit." in run(path, "--compare", tmp_path / "nnsim.npz")
    shorter = run(path, "--epochs", 99)
    assert "Trained 99 epochs" in shorter
    assert "these after epoch 99: train as many epochs to compare" in shorter


def test_the_script_says_when_the_project_holds_other_weights(tmp_path):
    session = opened("xor_2_2_1", 50)
    session.set_number(1.5, session.document.neurons_of(session.document.layers[1].id)[0])
    path = tmp_path / "train.py"
    write_training_script(path, session.project())
    assert "The weights differ from nnsim's by up to" in run(path)


# ---------------------------------------------- every path of the engine, in process
def mlp(sizes, hidden, output, dataset, remove=None, bias=True, **settings) -> Session:
    document = new_mlp(sizes, hidden)
    document.set_property(document.layers[-1].id, "activation", output)
    document.bias = bias
    if remove is not None:  # a connection the person deleted: a mask
        document.remove(connections=[document.connections[remove]])
    return Session(document, dataset=dataset, **settings)


def perceptron(rule, dataset, remove=None, bias=True, sizes=(2, 1), **settings) -> Session:
    document = new_perceptron(*sizes, rule)
    document.bias = bias
    if remove is not None:
        document.remove(connections=[document.connections[remove]])
    return Session(document, dataset=dataset, **settings)


CASES = {
    "tanh-linear-mse-adam-batches-penalties": lambda: mlp(
        (1, 6, 1), "tanh", "linear", "sine", loss="mse", optimizer="adam", learning_rate=0.01,
        batch_size=7, l1=0.001, l2=0.01, samples=40),
    "relu-softmax-sse-momentum-minmax": lambda: mlp(
        (4, 5, 3), "relu", "softmax", "iris", batch_size=16, momentum=0.5, learning_rate=0.1,
        normalisation="min-max", init="he"),
    "leaky-softmax-cce-patience": lambda: mlp(
        (4, 5, 3), "leaky_relu", "softmax", "iris", loss="cce", init="normal_fan_in",
        validation_share=0.3, patience=3, normalisation="z-score", learning_rate=0.2),
    "sigmoid-bce-mask-no-bias": lambda: mlp(
        (2, 4, 1), "sigmoid", "sigmoid", "circles", remove=2, bias=False, loss="bce",
        batch_size=10, samples=40, init="uniform", init_limit=0.3, use_target_error=False),
    "two-hidden-layers-sse-momentum": lambda: mlp(
        (2, 3, 3, 1), "tanh", "sigmoid", "moons", samples=30, momentum=0.8, batch_size=4,
        validation_share=0.2, learning_rate=0.2),
    "rosenblatt-mask-validation": lambda: perceptron(
        "rosenblatt", "iris", remove=0, sizes=(4, 3), validation_share=0.25, learning_rate=0.1),
    "lms-min-max": lambda: perceptron(
        "lms", "blobs", samples=30, normalisation="min-max", learning_rate=0.05),
    "nlms-no-bias": lambda: perceptron("nlms", "and", bias=False, learning_rate=0.5),
    "rprop-mask-penalties": lambda: mlp(
        (2, 3, 1), "sigmoid", "sigmoid", "xor", remove=2, optimizer="rprop", learning_rate=0.1,
        l1=0.001, l2=0.01, use_target_error=False),
    "irprop-bce-no-bias-batches": lambda: mlp(
        (2, 4, 1), "tanh", "sigmoid", "moons", loss="bce", bias=False, optimizer="irprop-",
        learning_rate=0.05, batch_size=10, samples=30),
    "sgd-momentum-step-schedule": lambda: mlp(
        (2, 3, 1), "tanh", "sigmoid", "circles", samples=30, momentum=0.5, learning_rate=0.5,
        batch_size=8, lr_schedule="step", lr_decay=0.5, lr_step=7),
    "adam-exponential-schedule": lambda: mlp(
        (1, 6, 1), "tanh", "linear", "sine", loss="mse", optimizer="adam", learning_rate=0.02,
        samples=30, lr_schedule="exponential", lr_decay=0.9),
    "lms-exponential-schedule": lambda: perceptron(
        "lms", "blobs", samples=30, learning_rate=0.05, lr_schedule="exponential", lr_decay=0.8),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_every_activation_loss_optimiser_and_rule_trains_as_the_engine_does(tmp_path, case):
    session = trained(CASES[case](), 25)
    path = tmp_path / "train.py"
    write_training_script(path, session.project())
    script = runpy.run_path(str(path))  # not as __main__: only what it defines
    X, T, X_val, T_val = script["prepare_data"]()
    weights, biases, errors, validation_errors, _ = script["train"](
        session.history.count, X, T, X_val, T_val
    )
    assert_same(weights, biases, session)
    assert np.array_equal(errors, session.history.train)
    if X_val is not None:  # (the history keeps the validation error at reports only)
        kept = ~np.isnan(session.history.validation)
        measured = np.array(validation_errors)[session.history.epochs[kept] - 1]
        assert np.array_equal(measured, session.history.validation[kept])


def test_an_epoch_count_past_the_seeds_start_keeps_matching(tmp_path):
    """Two runs from one script: 10 epochs, then 30 from scratch, each nnsim's."""
    path = tmp_path / "train.py"
    session = trained(CASES["two-hidden-layers-sse-momentum"](), 10)
    write_training_script(path, session.project())
    script = runpy.run_path(str(path))
    data = script["prepare_data"]()
    assert_same(*script["train"](10, *data)[:2], session)
    assert_same(*script["train"](30, *data)[:2], trained(session, 30))


# ------------------------------------------------------------------ the notebook
class FakePyplot(types.ModuleType):
    """matplotlib.pyplot for a test: records what is plotted."""

    def __init__(self):
        super().__init__("matplotlib.pyplot")
        self.lines, self.shown = [], False

    def plot(self, x, y, label=""):
        self.lines.append((list(x), list(y), label))

    def xlabel(self, text):
        pass

    ylabel = xlabel

    def legend(self):
        pass

    def show(self):
        self.shown = True


def run_notebook(path: Path, monkeypatch, pyplot=None) -> dict:
    """Execute the notebook's code cells in order in one namespace, as Jupyter would."""
    book = nbformat.read(path, as_version=4)
    nbformat.validate(book)
    if pyplot is None:
        monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails: not installed
    else:
        matplotlib = types.ModuleType("matplotlib")
        matplotlib.pyplot = pyplot
        monkeypatch.setitem(sys.modules, "matplotlib", matplotlib)
        monkeypatch.setitem(sys.modules, "matplotlib.pyplot", pyplot)
    namespace = {"__name__": "__main__"}
    for number, cell in enumerate(book.cells):
        if cell.cell_type == "code":
            exec(compile(cell.source, f"cell {number}", "exec"), namespace)
    return namespace


def test_the_notebook_trains_to_nnsims_weights_and_plots_the_error(tmp_path, monkeypatch, capsys):
    session = opened("iris", 30, momentum=0.9)
    path = tmp_path / "iris.ipynb"
    write_notebook(path, session.project())
    pyplot = FakePyplot()
    namespace = run_notebook(path, monkeypatch, pyplot)
    assert_same(namespace["weights"], namespace["biases"], session)
    assert "The weights are nnsim's after epoch 30, bit for bit." in capsys.readouterr().out
    (_, train, label), (_, validation, _) = pyplot.lines
    assert label == "training error" and pyplot.shown
    assert np.array_equal(train, session.history.train) and len(validation) == 30
    book = nbformat.read(path, as_version=4)
    kinds = [cell.cell_type for cell in book.cells]
    assert kinds.count("markdown") >= 6 and kinds.count("code") >= 6
    assert book.metadata["kernelspec"]["name"] == "python3"


def test_an_rprop_notebook_says_how_it_learns_and_trains_to_nnsims_weights(
    tmp_path, monkeypatch, capsys
):
    session = opened("xor_2_4_1", 40, optimizer="rprop", learning_rate=0.1, lr_schedule="step")
    path = tmp_path / "rprop.ipynb"
    write_notebook(path, session.project())
    namespace = run_notebook(path, monkeypatch)
    assert_same(namespace["weights"], namespace["biases"], session)
    assert f"after epoch {session.history.count}, bit for bit." in capsys.readouterr().out
    words = " ".join(c.source for c in nbformat.read(path, as_version=4).cells)
    assert "learns by Rprop" in words and "The learning rate falls as training goes" in words


def test_the_notebook_needs_no_matplotlib(tmp_path, monkeypatch, capsys):
    session = opened("bug_perceptron", 20)
    path = tmp_path / "bug.ipynb"
    write_notebook(path, session.project())
    namespace = run_notebook(path, monkeypatch)
    assert_same(namespace["weights"], namespace["biases"], session)
    printed = capsys.readouterr().out
    assert "epoch      error" in printed  # the table instead of the plot
    assert f"after epoch {session.history.count}, bit for bit" in printed


# -------------------------------------------------------------- the PyTorch script
needs_torch = pytest.mark.skipif(not HAS_TORCH, reason="PyTorch is not installed here")


@needs_torch
def test_the_torch_script_learns_xor_as_nnsim_does(tmp_path):
    session = opened("xor_2_10_1", 20_000)  # until the target error, 0.001
    assert session.latest.stop_reason == "target_error"
    path = tmp_path / "xor_torch.py"
    write_torch_script(path, session.project())
    printed = run(path, "--epochs", 3 * session.history.count, "--save", tmp_path / "w.npz")
    assert "reached the target error" in printed
    with np.load(tmp_path / "w.npz") as arrays:
        errors, shapes = arrays["errors"], [arrays["W1"].shape, arrays["W2"].shape]
    assert errors[-1] <= 0.001 < errors[0]
    assert shapes == [w.shape for w in session.compiled.network.parameters()[0]]


@needs_torch
@pytest.mark.parametrize(("name", "epochs"), [("km_to_miles", 50), ("iris", 60)])
def test_the_torch_script_reaches_an_error_like_nnsims(tmp_path, name, epochs):
    session = opened(name, epochs)
    path = tmp_path / "torch_train.py"
    write_torch_script(path, session.project())
    run(path, "--save", tmp_path / "w.npz")
    with np.load(tmp_path / "w.npz") as arrays:
        errors = arrays["errors"]
    nnsim_errors = session.history.train
    assert len(errors) == len(nnsim_errors) == epochs
    assert errors[-1] < errors[0] / 5
    assert errors[-1] < 3 * nnsim_errors[-1] + 1e-3


def test_the_torch_script_says_it_cannot_match_nnsims_bits(tmp_path):
    path = tmp_path / "t.py"
    write_torch_script(path, opened("xor_2_2_1", 5).project())
    header = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert "does NOT give nnsim's numbers" in header and "NumPy" in header


# ----------------------------------------------------------- what cannot be exported
def test_a_hopfield_memory_has_no_training_to_export(tmp_path):
    project = load_project(example("hopfield_letters"))
    for write in (write_training_script, write_notebook, write_torch_script):
        with pytest.raises(ConfigError, match="This export is for trained networks"):
            write(tmp_path / "out", project)
    assert not list(tmp_path.iterdir())


def test_a_network_that_cannot_train_is_refused_in_words(tmp_path):
    session = Session.new_mlp((2, 2, 1))
    session.document.set_property(session.document.layers[1].id, "activation", "step")
    with pytest.raises(NnsimError, match="backpropagation cannot train it"):
        write_training_script(tmp_path / "x.py", session.project())


# ------------------------------------------------------------ hostile projects
HOSTILE_NAMES = [
    "'''\nimport os; os.system('touch PWNED')\n'''",
    '"""; open("PWNED", "w")  # """',
    "\\N{oops} \\x and \\",
    "$name ${sizes} {version} %(default)s",
    "name\r\nimport os\u2028os.system('touch PWNED')",
    "</script><script>alert(1)</script> **bold** [link](javascript:alert(1))",
    "\ud800 lone surrogate \x00 nul \x1b[31m",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_name_stays_data_in_every_export(tmp_path, name):
    session = opened("xor_2_2_1", 5)
    session.document.name = name
    project = session.project()
    script, torch_script = tmp_path / "s.py", tmp_path / "t.py"
    write_training_script(script, project)
    write_torch_script(torch_script, project)
    write_notebook(tmp_path / "n.ipynb", project)
    for path in (script, torch_script):
        assert assigned_name(path.read_text(encoding="utf-8")) == name
    assert "bit for bit" in run(script, cwd=tmp_path)
    assert not (tmp_path / "PWNED").exists()
    book = json.loads((tmp_path / "n.ipynb").read_text(encoding="utf-8"))
    for cell in book["cells"]:
        if cell["cell_type"] == "markdown":  # text cells hold nnsim's words only
            assert "PWNED" not in "".join(cell["source"]) and "script>" not in "".join(
                cell["source"]
            )
    code = "".join(book["cells"][1]["source"])
    assert assigned_name(code) == name


def assigned_name(source: str):
    """The value of ``NAME = ...`` in ``source``, which must be a plain literal."""
    (value,) = [
        node.value
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "NAME"
    ]
    return ast.literal_eval(value)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(min_size=1, max_size=40))
def test_any_name_compiles_and_comes_back_as_it_was(name):
    project = PROJECT_FOR_NAMES.project()
    project.document.name = name
    text = training_script_text(project)
    compile(text, "script", "exec")
    assert assigned_name(text) == name
    book = notebook(TrainingExport.of(project))
    assert assigned_name(book.cells[1].source) == name
    assert [c.source for c in book.cells if c.cell_type == "markdown"] == NOTEBOOK_WORDS


PROJECT_FOR_NAMES = Session.new_perceptron()
NOTEBOOK_WORDS = [c.source for c in notebook(TrainingExport.of(PROJECT_FOR_NAMES.project())).cells
                  if c.cell_type == "markdown"]  # fmt: skip


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("loss", "sse'); import os; os.system('touch PWNED') #"),
        ("optimizer", "sgd\nimport os"),
        ("init", "__import__('os')"),
        ("dataset", "xor'); import os #"),
        ("learning_rate", "0.5); import os #"),
        ("activation", "sigmoid'); import os #"),
    ],
)
def test_hostile_settings_and_activations_are_refused(tmp_path, where, value):
    project = Session.new_mlp().project()
    if where == "activation":  # (the document checks a layer's activation as it is set)
        layer = project.document.layers[-1]
        project.document._layers[-1] = dataclasses.replace(layer, activation=value)
    else:
        project.settings[where] = value
    with pytest.raises(NnsimError):
        write_training_script(tmp_path / "x.py", project)
    assert not (tmp_path / "x.py").exists()
