"""The restricted Boltzmann machine as a network kind: document, compile, settings, data, runs."""

import numpy as np
import pytest

from nnsim.engine import RBM, TrainingConfig, datasets, train
from nnsim.errors import ConfigError, DataError, TopologyError
from nnsim.model import compile, new_rbm
from nnsim.model.compiler import layer_name
from nnsim.model.memory import PatternMemory
from nnsim.model.rbm_data import pattern_dataset, rbm_training_data
from nnsim.model.session import Session
from nnsim.model.settings import SPECS, Settings
from nnsim.model.starters import NEW_SETTINGS, RBM_SETTINGS


def test_a_new_machine_is_two_fully_connected_layers_that_compile_to_an_rbm():
    document = new_rbm(6, 3)
    visible, hidden = (layer.id for layer in document.layers)
    assert document.layer_sizes == (6, 3) and len(document.connections) == 18
    assert [document.role(visible), document.role(hidden)] == ["visible", "hidden"]
    assert [layer_name(document, visible), layer_name(document, hidden)] == [
        "the visible layer",
        "the hidden layer",
    ]
    compiled = compile(document, rng=0)
    net = compiled.network
    assert isinstance(net, RBM) and (net.n_visible, net.n_hidden) == (6, 3)
    assert [w.shape for w in compiled.weight_matrices()] == [(3, 6)]
    assert [b.shape for b in compiled.bias_vectors()] == [(3,), (6,)]
    # A visible neuron's bias is b_v (biases[1]); a hidden one's b_h (biases[0]).
    first_visible, first_hidden = document.neurons_of(visible)[2], document.neurons_of(hidden)[1]
    assert compiled.parameter_index(first_visible) == (False, 1, (2,))
    assert compiled.parameter_index(first_hidden) == (False, 0, (1,))
    assert compiled.parameter_index(first_hidden, first_visible) == (True, 0, (1, 2))


def test_a_machine_keeps_its_shape_or_refuses_to_compile_saying_why():
    document = new_rbm(4, 2)
    with pytest.raises(TopologyError, match="just a visible and a hidden layer"):
        document.add_layer(1, 3)
    document.remove(connections=[document.connections[0]])
    with pytest.raises(TopologyError, match="every visible neuron to every hidden one"):
        compile(document)
    with pytest.raises(TopologyError, match="at least one visible and one hidden"):
        new_rbm(0, 3)
    document = new_rbm(4, 2)
    document.set_property("", "bias", False)
    with pytest.raises(TopologyError, match="turn biases on"):
        compile(document)


def test_the_settings_of_a_machine_and_its_training_config():
    names = {name for name, spec in SPECS.items() if "rbm" in spec.kinds}
    assert {"cd_steps", "persistent", "learning_rate", "momentum", "l2", "batch_size",
            "max_epochs", "seed", "dataset"} <= names  # fmt: skip
    assert not names & {"loss", "optimizer", "l1", "init", "input_noise", "normalisation"}
    config = Settings(cd_steps=3, persistent=True).training_config()
    assert (config.cd_steps, config.persistent) == (3, True)
    with pytest.raises(ConfigError, match="at least 1"):
        Settings(cd_steps=0)
    with pytest.raises(ConfigError, match="at least 1"):
        TrainingConfig(cd_steps=0)


def test_the_digits_are_binarised_at_half_their_largest_value():
    train_part, validation = rbm_training_data(Settings(dataset="digits"))
    assert validation is None
    np.testing.assert_array_equal(train_part.X, datasets.digits().X > 0.5)  # pixels 9-16 of 16
    train_part, validation = rbm_training_data(Settings(dataset="digits", validation_share=0.2))
    assert len(train_part.X) + len(validation.X) == 1797
    assert set(np.unique(validation.X)) == {0.0, 1.0}
    with pytest.raises(ConfigError, match="choose the data set digits, or custom"):
        rbm_training_data(Settings(dataset="xor"))


def test_a_pattern_library_becomes_rows_of_zero_and_one():
    memory = PatternMemory(5, 5)
    cells = -np.ones(25)
    cells[:5] = 1.0  # the top row black
    memory.add_patterns([("bar", cells), ("inverse", -cells)])
    data = pattern_dataset(memory.library)
    np.testing.assert_array_equal(data.X, [(cells + 1) / 2, (1 - cells) / 2])
    for bad in ([], [cells, cells[:20]], [cells * 0.5]):
        with pytest.raises(DataError, match="-1 and \\+1 cells"):
            pattern_dataset(bad)


def test_a_session_trains_a_machine_as_the_engine_does_with_the_same_numbers():
    session = Session(new_rbm(64, 16), **{**RBM_SETTINGS, "max_epochs": 4, "momentum": 0.5})
    reports = list(session.train())
    losses = np.concatenate([report.losses for report in reports])
    assert len(losses) == 4 and losses[-1] < losses[0]
    last = reports[-1]
    assert last.accuracy is None and last.sample_errors.shape == (1797,)
    assert [w.shape for w in last.weights] == [(16, 64)]
    assert [b.shape for b in last.biases] == [(16,), (64,)]
    # The engine alone, seeded alike, gives the very same errors and weights.
    net = compile(new_rbm(64, 16), rng=RBM_SETTINGS.get("seed", 0)).network
    data, _ = rbm_training_data(session.settings)
    config = session.settings.training_config(max_epochs=4)
    direct = np.concatenate([report.losses for report in train(net, data, config)])
    np.testing.assert_array_equal(direct, losses)
    np.testing.assert_array_equal(net.weights, session.compiled.network.weights)
    assert session.history.count == 4 and session.state == "finished"


def test_a_session_learns_a_pattern_library_and_says_when_sizes_differ():
    memory = PatternMemory(5, 5)
    rng = np.random.default_rng(0)
    memory.add_patterns([(f"p{k}", rng.choice([-1.0, 1.0], 25)) for k in range(4)])
    settings = {**NEW_SETTINGS["rbm"], "dataset": "custom", "batch_size": 0,
                "max_epochs": 300, "learning_rate": 0.5, "persistent": False}  # fmt: skip
    session = Session(new_rbm(25, 8), **settings)
    session.settings.set_custom_data(pattern_dataset(memory.library))
    session.reset()
    list(session.train())
    # CD-1 learns 4 random patterns (max error 0.07, 0.22, 0.28 for seeds 0-2 here).
    recalled = session.compiled.network.reconstruct(session.data.X)
    assert np.abs(recalled - session.data.X).max() < 0.5  # every cell of 4 patterns right
    assert session.history.train[-1] < 0.01
    wrong = Session(new_rbm(16, 4), **{**NEW_SETTINGS["rbm"], "dataset": "custom"})
    wrong.settings.set_custom_data(pattern_dataset(memory.library))
    wrong.reset()
    assert "25 values per sample" in wrong.problem and "16 visible neurons" in wrong.problem


def test_a_machine_stepped_epoch_by_epoch_gives_the_numbers_of_one_run():
    settings = {**RBM_SETTINGS, "max_epochs": 3}
    stepped = Session(new_rbm(64, 8), **settings)
    assert stepped.step() and stepped.state == "paused" and stepped.history.count == 1
    assert stepped.step() and stepped.state == "paused"
    assert stepped.step() and stepped.state == "finished" and stepped.history.count == 3
    whole = Session(new_rbm(64, 8), **settings)
    list(whole.train())
    np.testing.assert_array_equal(stepped.history.train, whole.history.train)


def test_the_windows_training_process_trains_a_machine_to_the_same_numbers():
    from nnsim.model.training_process import ProcessRun

    settings = {**RBM_SETTINGS, "max_epochs": 3}
    apart = Session(new_rbm(64, 8), **settings)
    apart.train_in_process = True
    assert apart.start_run() and isinstance(apart.run, ProcessRun)
    apart.end_run("ready")
    list(apart.train())
    here = Session(new_rbm(64, 8), **settings)
    list(here.train())
    np.testing.assert_array_equal(apart.history.train, here.history.train)
    np.testing.assert_array_equal(apart.compiled.network.weights, here.compiled.network.weights)


def test_a_grown_hidden_layer_keeps_the_trained_weights_and_both_layers_biases():
    document = new_rbm(4, 2)
    before = compile(document, rng=0)
    W, (b_h, b_v) = before.weight_matrices()[0], before.bias_vectors()
    W[...], b_h[...], b_v[...] = 0.5, [1.0, 2.0], [3.0, 4.0, 5.0, 6.0]  # "trained"
    document.set_layer_size(document.layers[1].id, 3)
    after = compile(document, rng=1, previous=before)
    (b_h, b_v) = after.bias_vectors()
    np.testing.assert_array_equal(after.weight_matrices()[0][:2], 0.5)
    np.testing.assert_array_equal(b_h[:2], [1.0, 2.0])
    np.testing.assert_array_equal(b_v, [3.0, 4.0, 5.0, 6.0])
    assert (after.kept, after.initialised) == (8 + 2 + 4, 4 + 1)  # the new unit's weights, bias
