"""The exported training script makes the derived inputs and the input noise as nnsim does:
its weights are the engine's bit for bit (see tests/io/test_training_export.py's docstring)."""

import runpy

import numpy as np
import pytest
from test_training_export import (
    assert_same,
    mlp,
    needs_torch,
    perceptron,
    run,
    run_notebook,
    trained,
)

from nnsim.io.training_export import write_notebook, write_torch_script, write_training_script

CASES = {
    "derived-zscore-validation-noise-batches": lambda: mlp(
        (7, 5, 1), "tanh", "sigmoid", "spirals", loss="bce", optimizer="adam",
        learning_rate=0.02, batch_size=8, samples=40, validation_share=0.25,
        normalisation="z-score", input_product=True, input_squares=True, input_sines=True,
        input_noise=0.2),
    "squares-full-batch-noise": lambda: mlp(
        (4, 3, 1), "sigmoid", "sigmoid", "circles", samples=30, input_squares=True,
        input_noise=0.5),
    "perceptron-product-noise": lambda: perceptron(
        "lms", "blobs", sizes=(3, 1), samples=30, learning_rate=0.05, input_product=True,
        input_noise=0.1),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_the_script_makes_derived_inputs_and_noise_as_the_engine_does(tmp_path, case):
    session = trained(CASES[case](), 25)
    path = tmp_path / "train.py"
    write_training_script(path, session.project())
    script = runpy.run_path(str(path))
    X, T, X_val, T_val = script["prepare_data"]()
    np.testing.assert_array_equal(X, session.data.X)  # the derived columns, bit for bit
    weights, biases, errors, _, _ = script["train"](session.history.count, X, T, X_val, T_val)
    assert_same(weights, biases, session)
    assert np.array_equal(errors, session.history.train)


def test_the_notebook_makes_them_as_the_engine_does_too(tmp_path, monkeypatch, capsys):
    session = trained(CASES["derived-zscore-validation-noise-batches"](), 20)
    path = tmp_path / "derived.ipynb"
    write_notebook(path, session.project())
    namespace = run_notebook(path, monkeypatch)
    assert_same(namespace["weights"], namespace["biases"], session)
    assert "bit for bit" in capsys.readouterr().out


@needs_torch
def test_the_torch_script_learns_with_derived_inputs_and_noise(tmp_path):
    """PyTorch draws its own noise (per batch) and rounds its own way: it learns, not bit for
    bit.  2-6-1 on 40 spirals with x1·x2, squares and sines, noise 0.05, 300 epochs."""
    session = mlp((7, 6, 1), "tanh", "sigmoid", "spirals", loss="bce", optimizer="adam",
                  learning_rate=0.03, batch_size=10, samples=40, input_product=True,
                  input_squares=True, input_sines=True, input_noise=0.05)  # fmt: skip
    trained(session, 300)
    path = tmp_path / "torch_train.py"
    write_torch_script(path, session.project())
    run(path, "--save", tmp_path / "w.npz")
    with np.load(tmp_path / "w.npz") as arrays:
        errors, first = arrays["errors"], arrays["W1"]
    assert first.shape == (6, 7)  # the derived inputs reach the network
    assert len(errors) == 300 and errors[-1] < errors[0] / 2
