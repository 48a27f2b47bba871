"""The Data group's derived inputs and the Training group's input noise, as settings."""

import json

import numpy as np
import pytest

from nnsim.engine import MLP, TrainingConfig, train
from nnsim.model.run_data import derived_inputs, training_data, without_derived
from nnsim.model.session import Session
from nnsim.model.settings import Settings
from nnsim.resource_files import resource_path

ALL_DERIVED = {"input_product": True, "input_squares": True, "input_sines": True}


def test_columns_are_made_from_the_normalised_inputs():
    plain = Settings(dataset="moons", normalisation="z-score", validation_share=0.25)
    derived = Settings(dataset="moons", normalisation="z-score", validation_share=0.25,
                       **ALL_DERIVED)  # fmt: skip
    for before, after in zip(training_data(plain), training_data(derived), strict=True):
        x1, x2 = before.X[:, 0], before.X[:, 1]
        expected = np.column_stack([x1, x2, x1 * x2, x1**2, x2**2, np.sin(x1), np.sin(x2)])
        np.testing.assert_array_equal(after.X, expected)
        assert after.feature_names[2:] == ("x1·x2", "x1²", "x2²", "sin x1", "sin x2")
        np.testing.assert_array_equal(without_derived(after, derived).X, before.X)


def test_data_of_other_than_two_inputs_ignore_them():
    settings = Settings(dataset="iris", **ALL_DERIVED)
    assert derived_inputs(settings) == ()
    assert training_data(settings)[0].n_features == 4


def test_input_noise_reaches_the_training_config():
    assert Settings(input_noise=0.25).training_config().input_noise == 0.25
    assert Settings().training_config().input_noise == 0.0  # old files: off


def test_a_probe_becomes_the_network_inputs_with_derived_ones():
    session = Session.new_mlp((5, 3, 1))
    for name, value in {"dataset": "xor", "input_product": True, "input_squares": True}.items():
        session.settings.set(name, value)
    np.testing.assert_array_equal(session.network_inputs([2.0, -3.0]), [2, -3, -6, 4, 9])


def _accuracy(seed: int, derived: bool) -> float:
    settings = Settings(dataset="spirals", samples=200, noise=0.1, seed=seed,
                        **(ALL_DERIVED if derived else {}))  # fmt: skip
    data, _ = training_data(settings)
    net = MLP((data.n_features, 6, 1), activation="tanh", output_activation="sigmoid",
              loss="bce", rng=seed)  # fmt: skip
    config = TrainingConfig(learning_rate=0.03, optimizer="adam", max_epochs=400,
                            batch_size=10, seed=seed)  # fmt: skip
    for _ in train(net, data, config):
        pass
    return float(np.mean((net.predict(data.X) > 0.5) == data.T))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_derived_inputs_make_the_spirals_learnable_by_a_small_net(seed):
    """2-6-1 (tanh), 400 epochs of Adam: about 0.87 of the spirals right on their own
    inputs, 0.97 with the derived ones (measured; the margins leave room for any CPU)."""
    with_derived, without = _accuracy(seed, True), _accuracy(seed, False)
    assert with_derived >= 0.93
    assert with_derived >= without + 0.04


def test_a_project_from_before_opens_with_them_off(tmp_path):
    """A file written before these settings existed (the keys removed from a copy)."""
    content = json.loads(resource_path("examples", "xor_2_4_1.nnsim").read_text("utf-8"))
    for name in ("input_noise", *ALL_DERIVED):
        del content["settings"][name]
    old = tmp_path / "old.nnsim"
    old.write_text(json.dumps(content), "utf-8")
    settings = Session.open(old).settings
    assert settings["input_noise"] == 0.0
    assert not any(settings[name] for name in ALL_DERIVED)
    assert Session.open(resource_path("examples", "xor_2_4_1.nnsim")).settings.values() == (
        settings.values()
    )


def test_a_network_that_does_not_fit_derived_inputs_is_told_which_are_derived():
    session = Session(dataset="spirals", input_product=True)  # the XOR net keeps 2 inputs
    assert "3 inputs (x1·x2 derived from its own)" in session.problem
