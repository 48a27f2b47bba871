"""Weights as NPZ and JSON, and the standalone script, checked by running it."""

import json
import runpy
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.engine import MLP, Perceptron, datasets
from nnsim.engine.activations import ACTIVATIONS
from nnsim.errors import ExportError
from nnsim.io.network_export import (
    SCRIPT_ACTIVATIONS,
    ExportedNetwork,
    script_text,
    write_json,
    write_npz,
    write_script,
)
from nnsim.model.run_data import input_scaling, training_data
from nnsim.model.settings import Settings

RNG = np.random.default_rng(5)
INPUTS = RNG.normal(size=(40, 3)) * 3

NETWORKS = {
    "sigmoid": lambda: MLP([3, 4, 2], activation="sigmoid", rng=1),
    "tanh-softmax": lambda: MLP([3, 5, 4, 3], activation="tanh", output_activation="softmax",
                                loss="cce", rng=2),
    "relu-linear": lambda: MLP([3, 6, 1], activation="relu", output_activation="linear", rng=3),
    "leaky-no-bias": lambda: MLP([3, 4, 1], activation="leaky_relu", bias=False, rng=4),
    "rosenblatt": lambda: Perceptron(3, 2, rng=5),
    "nlms-no-bias": lambda: Perceptron(3, 1, rule="nlms", bias=False, rng=6),
}  # fmt: skip


def run_script(path, inputs: np.ndarray, tmp_path) -> np.ndarray:
    """Run an exported script on ``inputs`` as a person would, returning what it printed."""
    csv_path = tmp_path / "inputs.csv"
    np.savetxt(csv_path, inputs, delimiter=",", fmt="%.17g")
    done = subprocess.run(
        [sys.executable, str(path), str(csv_path)], capture_output=True, text=True, check=True
    )
    return np.loadtxt(done.stdout.splitlines(), delimiter=",", ndmin=2)


@pytest.mark.parametrize("kind", list(NETWORKS))
def test_the_script_predicts_what_nnsim_predicts(tmp_path, kind):
    network = NETWORKS[kind]()
    if isinstance(network, MLP) and network.has_bias:  # random biases, so they count
        network.biases = [RNG.normal(size=b.shape) for b in network.biases]
    path = tmp_path / "network.py"
    write_script(path, ExportedNetwork.of(network, kind))
    printed = run_script(path, INPUTS, tmp_path)
    expected = network.predict(INPUTS)
    assert printed.shape == expected.shape
    np.testing.assert_allclose(printed, expected, rtol=0, atol=1e-12)


def network_using(name: str) -> MLP:
    """A 3-4-3 MLP with the activation ``name`` in every layer that may have it, random biases."""
    hidden = "tanh" if ACTIVATIONS[name].output_only else name  # softmax: the output only
    network = MLP([3, 4, 3], activation=hidden, output_activation=name, rng=8)
    network.biases = [RNG.normal(size=b.shape) for b in network.biases]
    return network


def test_the_script_knows_the_registrys_activations_and_no_others():
    missing = sorted(set(ACTIVATIONS) - set(SCRIPT_ACTIVATIONS))
    assert not missing, f"add the script's formula of {missing} to SCRIPT_ACTIVATIONS"
    assert sorted(SCRIPT_ACTIVATIONS) == sorted(ACTIVATIONS)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_the_script_computes_every_activation_as_the_engine_does(tmp_path, name):
    network = network_using(name)
    path = tmp_path / f"{name}.py"
    write_script(path, ExportedNetwork.of(network, name))
    computed = runpy.run_path(str(path))["outputs"](INPUTS)  # imported, not run as __main__
    expected = network.predict(INPUTS)
    assert computed.shape == expected.shape == (len(INPUTS), 3)
    np.testing.assert_allclose(computed, expected, rtol=0, atol=1e-12)


def test_the_script_scales_raw_inputs_as_training_did_and_needs_only_numpy(tmp_path):
    settings = Settings(dataset="iris", normalisation="z-score", validation_share=0.2, seed=3)
    data, validation = training_data(settings)
    network = MLP([4, 6, 3], activation="tanh", output_activation="softmax", loss="cce", rng=0)
    path = tmp_path / "iris_net.py"
    write_script(path, ExportedNetwork.of(network, "iris", input_scaling(settings)))
    raw = datasets.iris().X
    printed = run_script(path, raw, tmp_path)
    offset, scale = input_scaling(settings)
    np.testing.assert_allclose(printed, network.predict((raw - offset) / scale), atol=1e-12)
    # The scaling is the training part's: its scaled inputs have mean 0 and deviation 1.
    np.testing.assert_allclose(data.X.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(data.X.std(axis=0), 1, atol=1e-12)
    check = (
        "import runpy, sys; runpy.run_path(sys.argv[1]); "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'nnsim'], 'imports nnsim'"
    )
    subprocess.run([sys.executable, "-c", check, str(path)], check=True)
    assert validation is not None


def test_npz_and_json_hold_the_weights_bit_for_bit(tmp_path):
    network = MLP([3, 4, 2], activation="tanh", rng=7)
    exported = ExportedNetwork.of(network, "net", (np.array([1.0, 2, 3]), np.array([2.0, 2, 2])))
    write_npz(tmp_path / "w.npz", exported)
    write_json(tmp_path / "w.json", exported)
    with np.load(tmp_path / "w.npz") as npz:
        assert list(npz["activations"]) == ["tanh", "tanh"]
        for layer in (1, 2):
            np.testing.assert_array_equal(npz[f"W{layer}"], network.weights[layer - 1])
            np.testing.assert_array_equal(npz[f"b{layer}"], network.biases[layer - 1])
        np.testing.assert_array_equal(npz["input_offset"], [1.0, 2.0, 3.0])
    content = json.loads((tmp_path / "w.json").read_text())
    assert content["format"] == "nnsim-weights" and content["name"] == "net"
    for layer, saved in enumerate(content["layers"]):
        assert saved["activation"] == "tanh"
        np.testing.assert_array_equal(np.array(saved["weights"]), network.weights[layer])
        np.testing.assert_array_equal(np.array(saved["biases"]), network.biases[layer])
    assert content["input_scale"] == [2.0, 2.0, 2.0]


def test_a_network_without_biases_exports_none_for_them(tmp_path):
    exported = ExportedNetwork.of(Perceptron(2, 1, bias=False, rng=0), "p")
    write_npz(tmp_path / "p.npz", exported)
    write_json(tmp_path / "p.json", exported)
    with np.load(tmp_path / "p.npz") as npz:
        assert sorted(npz.files) == ["W1", "activations"]
        assert list(npz["activations"]) == ["step"]
    assert json.loads((tmp_path / "p.json").read_text())["layers"][0]["biases"] is None


def test_a_folder_that_cannot_be_written_is_named(tmp_path):
    exported = ExportedNetwork.of(Perceptron(2, 1, rng=0), "p")
    with pytest.raises(ExportError, match="Cannot write in"):
        write_script(tmp_path / "missing" / "p.py", exported)


# ------------------------------------------------------------ names from files
#: Names a project file may hold, each of which broke the script or ran in it when pasted
#: into its docstring: code after closing quotes, an escape that does not compile, a NUL,
#: a lone surrogate (not UTF-8 at all), line separators, a carriage return.
HOSTILE_NAMES = [
    'X"""\nimport pathlib; pathlib.Path({marker!r}).write_text("ran")\n"""',
    "X'''\nimport pathlib; pathlib.Path({marker!r}).write_text('ran')\n'''",
    'X"""; import pathlib; pathlib.Path({marker!r}).write_text("ran"); """',
    "an ordinary \\N name",
    "ends in a backslash \\",
    "nul \x00 byte",
    "lone \ud800 surrogate",
    "line\u2028and paragraph\u2029separators",
    "carriage\rreturn\r\nimport os",
    "{name} {version} %s",
]


def exported_named(name: str) -> ExportedNetwork:
    return ExportedNetwork.of(MLP([2, 3, 1], activation="tanh", rng=0), name)


def run_module(text: str) -> dict:
    """Run a script's text as an import would (not as __main__); return its globals."""
    namespace = {"__name__": "exported_network"}
    exec(compile(text, "exported_network.py", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("template", HOSTILE_NAMES)
def test_a_name_from_a_file_reaches_the_script_only_as_a_literal(tmp_path, monkeypatch, template):
    marker = tmp_path / "ran"
    name = template.replace("{marker!r}", repr(str(marker)))
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "network.py"
    write_script(path, exported_named(name))
    namespace = run_module(path.read_text(encoding="utf-8"))  # compiles, and imports
    assert not marker.exists(), "code from the network's name ran on import"
    assert namespace["NAME"] == name  # the name itself, exactly
    assert run_script(path, INPUTS[:3, :2], tmp_path).shape == (3, 1)  # as a person runs it
    assert not marker.exists(), "code from the network's name ran"


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(exclude_categories=()), max_size=40))
def test_any_name_compiles_and_round_trips(name):
    text = script_text(exported_named(name))
    text.encode("utf-8")  # the file can be written
    assert run_module(text)["NAME"] == name


def test_an_activation_the_script_cannot_compute_is_refused(tmp_path):
    exported = replace(exported_named("net"), activations=("tanh", "__import__('os')"))
    with pytest.raises(ExportError, match="cannot compute the activation"):
        write_script(tmp_path / "net.py", exported)
    assert not (tmp_path / "net.py").exists()
