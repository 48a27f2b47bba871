"""The PyTorch script builds skip connections as nnsim stores them: a layer's Linear takes the
previous layer's outputs and then each skip source's, so its weight is nnsim's W with the skip
columns. With nnsim's weights copied in, its outputs are nnsim's; left alone, it trains; without
PyTorch (CI), its text still compiles and sizes its layers as nnsim does."""

import ast
import importlib.util
import subprocess
import sys

import numpy as np
import pytest

from nnsim.io.torch_code import torch_script_text
from nnsim.io.training_export import TrainingExport, write_torch_script
from nnsim.model.session import Session
from nnsim.model.starters import NEW_SETTINGS, new_mlp
from nnsim.resource_files import resource_path

needs_torch = pytest.mark.skipif(
    importlib.util.find_spec("torch") is None, reason="PyTorch is not installed here"
)


def skipping_session(activation="tanh", output=None, **settings) -> Session:
    """2-3-2-1 on moons with skips input 1 -> the output, hidden 1 -> the output and
    input 2 -> hidden 2 (the skip columns the other neurons leave undrawn are masked), one
    ordinary connection removed and dropout in the first hidden layer."""
    document = new_mlp((2, 3, 2, 1), activation)
    layers = [document.neurons_of(layer.id) for layer in document.layers]
    document.connect(layers[0][0], layers[3][0])
    document.connect(layers[1][1], layers[3][0])
    document.connect(layers[0][1], layers[2][0])
    document.remove(connections=[(layers[1][2], layers[2][1])])
    document.set_property(document.layers[1].id, "dropout", 0.3)
    if output:
        document.set_property(document.layers[-1].id, "activation", output)
    return Session(document, dataset="moons", samples=30, **settings)


def skipping_iris() -> Session:
    """Iris's 4-8-3 (softmax, cross-entropy) with a skip from the inputs to the outputs."""
    session = Session.open(resource_path("examples", "iris.nnsim"))
    inputs, _, outputs = (
        session.document.neurons_of(layer.id) for layer in session.document.layers
    )
    for source in inputs:
        session.document.connect(source, outputs[0])
    session.document.connect(inputs[2], outputs[2])
    return session


def trained(session: Session, epochs: int) -> Session:
    for _ in session.train(max_epochs=epochs):
        pass
    return session


def script_text(session: Session) -> str:
    return torch_script_text(TrainingExport.of(session.project()))


def namespace_of(text: str) -> dict:
    """The generated script's functions, run as a module not named __main__ (so not trained)."""
    namespace = {"__name__": "torch_skip_script"}
    exec(compile(text, "torch_skip_script.py", "exec"), namespace)
    return namespace


def linears_of(network):
    return [module for module in network if type(module).__name__ == "Linear"]


# ------------------------------------------------------------------ without PyTorch
def test_the_text_compiles_and_sizes_each_layer_with_its_skip_columns(tmp_path):
    session = skipping_session()
    write_torch_script(tmp_path / "t.py", session.project())  # no longer refused
    text = (tmp_path / "t.py").read_text(encoding="utf-8")
    compile(text, "t.py", "exec")
    assert "return WithSkips(*layers)" in text and "SKIPS = [[], [0], [0, 1]]" in text
    tree = ast.parse(text)  # input_widths() run on its own: it needs no PyTorch
    wanted = [
        node
        for node in tree.body
        if (
            isinstance(node, ast.Assign)
            and ast.unparse(node.targets[0]) in ("LAYER_SIZES", "SKIPS")
        )
        or (isinstance(node, ast.FunctionDef) and node.name == "input_widths")
    ]
    namespace = {}
    exec(compile(ast.Module(wanted, type_ignores=[]), "widths", "exec"), namespace)
    shapes = [W.shape for W in session.compiled.network.parameters()[0]]
    assert namespace["input_widths"]() == [n_in for _, n_in in shapes] == [2, 5, 7]


def test_a_network_without_skips_keeps_the_plain_sequential():
    text = script_text(Session.new_mlp((2, 3, 1)))
    assert "return nn.Sequential(*layers)" in text
    assert "zip(LAYER_SIZES[:-1], LAYER_SIZES[1:])" in text
    assert "WithSkips" not in text and "input_widths" not in text


# ------------------------------------------------------------------ with PyTorch
@needs_torch
@pytest.mark.parametrize(
    "make",
    [
        lambda: skipping_session(),  # tanh, sse
        lambda: skipping_session("relu", "sigmoid", loss="bce", init="he"),  # the net input's loss
        lambda: skipping_session("leaky_relu", "linear", l1=0.01, l2=0.02),
        skipping_iris,  # softmax, cce
    ],
)
def test_with_nnsims_weights_it_computes_nnsims_outputs(make):
    import torch

    session = trained(make(), 5)
    network = session.compiled.network
    script = namespace_of(script_text(session))
    built = script["build_network"]()
    weights, biases = network.parameters()
    linears = linears_of(built)
    assert [tuple(linear.weight.shape) for linear in linears] == [W.shape for W in weights]
    with torch.no_grad():
        for linear, W, b in zip(linears, weights, biases, strict=True):
            linear.weight.copy_(torch.tensor(W))
            linear.bias.copy_(torch.tensor(b))
    X = np.random.default_rng(1).normal(size=(9, network.n_inputs))
    outputs = script["outputs_of"](built, torch.tensor(X)).numpy()
    np.testing.assert_allclose(outputs, network.forward(X), rtol=0, atol=1e-12)
    with torch.no_grad():
        penalty = float(script["penalty"](built))  # L1 |w| + L2/2 w^2 over every column
    W = np.concatenate([w.ravel() for w in weights])
    expected = session.settings["l1"] * np.abs(W).sum() + 0.5 * session.settings["l2"] * W @ W
    assert penalty == pytest.approx(expected, rel=1e-12, abs=1e-15)


@needs_torch
@pytest.mark.parametrize("init", ["normal_fan_in", "xavier", "he"])
def test_its_first_weights_count_the_skip_columns_in_the_fan_in_and_keep_masks(monkeypatch, init):
    import torch

    drawn = []  # (the shape filled, the arguments after it) of every initialiser called
    for name in ("normal_", "xavier_uniform_", "kaiming_normal_"):
        original = getattr(torch.nn.init, name)

        def recorded(weight, *args, original=original, **kwargs):
            drawn.append((tuple(weight.shape), args))
            return original(weight, *args, **kwargs)

        monkeypatch.setattr(torch.nn.init, name, recorded)
    session = skipping_session(init=init)
    network = session.compiled.network
    linears = linears_of(namespace_of(script_text(session))["build_network"]())
    shapes = [W.shape for W in network.parameters()[0]]
    assert [shape for shape, _ in drawn] == shapes  # xavier and he take the fan-in from these
    if init == "normal_fan_in":  # sigma = 1 / sqrt(n_in), the skip columns counted
        assert [args for _, args in drawn] == [(0.0, n_in**-0.5) for _, n_in in shapes]
    for linear, mask in zip(linears, network.masks, strict=True):
        weight = linear.weight.detach().numpy()
        assert not weight[mask == 0].any() and weight[mask == 1].all()
    # nnsim's columns: the layer before, then each skip source (inputs, then hidden 1)
    assert network.masks[1].tolist() == [[1, 1, 1, 0, 1], [1, 1, 0, 0, 0]]
    assert network.masks[2].tolist() == [[1, 1, 1, 0, 0, 1, 0]]


@needs_torch
def test_in_training_a_skip_takes_the_outputs_dropout_left():
    import torch

    script = namespace_of(script_text(skipping_session()))  # dropout 0.3 in hidden 1
    torch.manual_seed(0)
    network = script["build_network"]()
    network.train()
    seen = []  # what the Linear layers of hidden 2 and the output are given
    for linear in linears_of(network)[1:]:
        linear.register_forward_pre_hook(lambda _, args: seen.append(args[0].detach().clone()))
    X = torch.randn(50, 2, dtype=torch.float64)
    network(X)
    to_hidden2, to_output = seen  # [hidden 1 | inputs] and [hidden 2 | inputs | hidden 1]
    assert to_hidden2.shape == (50, 5) and to_output.shape == (50, 7)
    assert torch.equal(to_hidden2[:, 3:], X) and torch.equal(to_output[:, 2:4], X)
    assert torch.equal(to_output[:, 4:], to_hidden2[:, :3])  # the same neurons dropped
    assert 0 < (to_hidden2[:, :3] == 0).sum() < 150  # tanh is 0 only where dropped


@needs_torch
def test_the_script_trains_xor_with_a_skip_and_saves_weights_nnsim_can_load(tmp_path):
    document = new_mlp((2, 3, 1), "tanh")
    (first, second), _, (output,) = (document.neurons_of(layer.id) for layer in document.layers)
    document.connect(first, output)
    document.connect(second, output)
    document.set_property(document.layers[-1].id, "activation", "sigmoid")
    session = Session(document, **NEW_SETTINGS["mlp"])
    path = tmp_path / "xor_skip_torch.py"
    write_torch_script(path, session.project())
    done = subprocess.run(
        [sys.executable, str(path), "--epochs", "3000", "--save", str(tmp_path / "w.npz")],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with np.load(tmp_path / "w.npz") as arrays:
        errors = arrays["errors"]
        weights, biases = [arrays["W1"], arrays["W2"]], [arrays["b1"], arrays["b2"]]
    network = session.compiled.network
    assert (
        [W.shape for W in weights]
        == [W.shape for W in network.parameters()[0]]
        == [
            (3, 2),
            (1, 5),
        ]
    )
    assert errors[-1] < errors[0] / 20  # XOR reaches the target error, 0.001, by then
    network.set_parameters(weights, biases)  # nnsim takes them as they are
    X, T = session.data.X, session.data.T
    nnsim_error = 0.5 * ((network.forward(X) - T) ** 2).sum() / len(X)
    assert nnsim_error == pytest.approx(errors[-1], rel=0.1, abs=1e-3)
