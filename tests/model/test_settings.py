"""Settings: every bad value refused with its reason, good ones reaching the engine."""

import numpy as np
import pytest

from nnsim.engine import TrainingConfig
from nnsim.errors import ConfigError
from nnsim.model.run_data import training_data
from nnsim.model.settings import SETTINGS, Settings


def test_defaults_make_a_valid_training_config():
    config = Settings().training_config()
    assert isinstance(config, TrainingConfig)
    assert (config.learning_rate, config.batch_size, config.max_epochs) == (0.5, None, 5000)
    assert config.target_error == 0.001 and config.patience is None


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        ("learning_rate", 0.0, "at least 1e-09"),
        ("learning_rate", 1e9, "at most 1000"),
        ("learning_rate", float("nan"), "finite number"),
        ("learning_rate", "fast", "must be a number"),
        ("momentum", 1.0, "below 1"),
        ("batch_size", 2.5, "whole number"),
        ("max_epochs", 0, "at least 1"),
        ("optimizer", "rmsprop", "one of sgd, adam"),
        ("use_target_error", "yes", "on or off"),
        ("validation_share", 0.95, "at most 0.9"),
    ],
)
def test_a_bad_value_is_refused_with_the_reason_and_changes_nothing(name, value, reason):
    settings = Settings()
    before = settings.values()
    seen = []
    settings.changed.connect(lambda *args: seen.append(args))
    with pytest.raises(ConfigError, match=reason):
        settings.set(name, value)
    assert settings.values() == before and seen == []


def test_accepted_values_are_converted_emitted_and_reach_the_config():
    settings = Settings()
    seen = []
    settings.changed.connect(lambda *args: seen.append(args))
    assert settings.set("batch_size", 4.0) == (0, 4)
    settings.set("use_target_error", False)
    settings.set("learning_rate", 0.1)
    settings.set("learning_rate", 0.1)  # no change, no signal
    assert seen == [("batch_size", 4), ("use_target_error", False), ("learning_rate", 0.1)]
    config = settings.training_config(max_epochs=7)
    assert (config.batch_size, config.target_error, config.learning_rate) == (4, None, 0.1)
    assert config.max_epochs == 7


def test_every_default_passes_its_own_check_and_names_are_unique():
    names = [spec.name for spec in SETTINGS]
    assert len(names) == len(set(names))
    Settings(**{spec.name: spec.default for spec in SETTINGS})
    with pytest.raises(ConfigError, match="no setting called 'warp'"):
        Settings().set("warp", 3)


def test_training_data_splits_and_normalises_from_the_training_part():
    settings = Settings(dataset="iris", validation_share=0.2, normalisation="z-score", seed=3)
    train, validation = training_data(settings)
    assert (train.n_samples, validation.n_samples) == (120, 30)
    np.testing.assert_allclose(train.X.mean(axis=0), 0.0, atol=1e-12)
    assert abs(validation.X.mean()) > 1e-6, "validation statistics are not its own"
    plain, none = training_data(Settings(dataset="xor"))
    assert none is None and plain.X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]


def test_generated_sets_take_the_settings_size_noise_and_seed():
    settings = Settings(dataset="moons", samples=60, noise=0.0, seed=4)
    data, _ = training_data(settings)
    assert data.n_samples == 60
    upper = data.X[data.y == 0]
    np.testing.assert_allclose((upper**2).sum(axis=1), 1.0, err_msg="no noise: on the moon")
    again, _ = training_data(Settings(dataset="moons", samples=60, noise=0.0, seed=4))
    np.testing.assert_array_equal(again.X, data.X)
    noisy, _ = training_data(Settings(dataset="moons", samples=60, noise=0.3, seed=4))
    assert not np.allclose(noisy.X, data.X)
    blobs, _ = training_data(Settings(dataset="blobs", samples=40, noise=0.2))
    assert blobs.n_samples == 40
