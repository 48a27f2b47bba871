"""The training controller: a worker thread driven by start, pause, step, stop and reset."""

import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from nnsim.engine import MLP, TrainingConfig, datasets, train
from nnsim.gui.training import TrainingController
from nnsim.model import compile, new_mlp, new_perceptron
from nnsim.model.history import LossHistory
from nnsim.model.settings import Settings

WAIT_MS = 20_000


@pytest.fixture
def make_controller(qtbot):
    """Return a function building a controller; every one is shut down after the test."""
    made = []

    def make(sizes=(2, 4, 1), activation="sigmoid", **values):
        values = {"max_epochs": 200_000, "target_error": 0.05, **values}
        controller = TrainingController(new_mlp(sizes, activation), Settings(**values))
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()


def test_training_xor_in_the_worker_brings_the_error_below_005(qtbot, make_controller):
    controller = make_controller()
    states = []
    controller.state_changed.connect(states.append)
    with qtbot.waitSignal(controller.message, timeout=WAIT_MS) as finished:
        controller.start()
    assert "Reached the target error 0.05" in finished.args[0]
    qtbot.waitUntil(lambda: controller.state == "finished", timeout=WAIT_MS)
    assert states[0] == "training" and states[-1] == "finished"
    history = controller.history
    assert history.count == controller.latest.epoch > 1, "every epoch is in the history"
    assert history.train[-1] <= 0.05 < history.train[0]
    outputs = controller.display_network.forward(datasets.xor().X).ravel()
    np.testing.assert_array_equal(outputs.round(), [0, 1, 1, 0])


def test_pause_holds_the_epoch_count_and_resume_goes_on(qtbot, make_controller):
    controller = make_controller(target_error=0.0, max_epochs=10_000_000)
    controller.start()
    qtbot.waitUntil(lambda: controller.history.count > 100, timeout=WAIT_MS)
    controller.pause()
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=WAIT_MS)
    held = controller.history.count
    qtbot.wait(150)
    assert controller.history.count == held, "nothing trains while paused"
    controller.start()
    assert controller.state == "training"
    qtbot.waitUntil(lambda: controller.history.count > held + 100, timeout=WAIT_MS)
    controller.stop()
    qtbot.waitUntil(lambda: controller.state == "stopped", timeout=WAIT_MS)


def test_step_trains_exactly_one_epoch_and_continues_the_same_run(qtbot, make_controller):
    controller = make_controller(seed=3, target_error=0.0)
    for expected in (1, 2, 3):
        controller.step()
        assert controller.latest.epoch == controller.history.count == expected
        assert controller.state == "paused"
    controller.start()  # the worker takes the same run over
    qtbot.waitUntil(lambda: controller.history.count >= 50, timeout=WAIT_MS)
    controller.pause()
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=WAIT_MS)
    controller.step()
    steps = controller.history.count
    assert controller.latest.epoch == steps

    # The same epochs without the GUI: identical losses, bit for bit.
    net = compile(new_mlp((2, 4, 1)), rng=3).network
    config = TrainingConfig(max_epochs=steps, seed=3, report_interval=0.0)
    losses = np.concatenate([r.losses for r in train(net, datasets.xor(), config)])
    np.testing.assert_array_equal(controller.history.train, losses)


def test_a_new_learning_rate_reaches_the_running_network(qtbot, make_controller):
    controller = make_controller(target_error=0.0, max_epochs=10_000_000)
    controller.start()
    qtbot.waitUntil(lambda: controller.latest is not None, timeout=WAIT_MS)
    controller.settings.set("learning_rate", 0.125)
    qtbot.waitUntil(lambda: controller.latest.learning_rate == 0.125, timeout=WAIT_MS)
    assert controller.state == "training", "no restart"
    controller.stop()
    qtbot.waitUntil(lambda: controller.state == "stopped", timeout=WAIT_MS)


def test_divergence_is_reported_and_the_last_good_weights_stay(qtbot, make_controller):
    controller = make_controller(
        (1, 1), "linear", dataset="km_to_miles", learning_rate=1000.0, use_target_error=False
    )
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as failed:
        controller.start()
    assert "diverged" in failed.args[0] and "smaller learning rate" in failed.args[0]
    qtbot.waitUntil(lambda: controller.state == "stopped", timeout=WAIT_MS)
    network = controller.compiled.network
    assert all(np.isfinite(w).all() for w in [*network.weights, *network.biases])
    kept = int(failed.args[0].split("after epoch ")[1].split(".")[0])
    assert controller.history.count == kept, "the history ends where the weights are"
    for shown, live in zip(controller.display_network.weights, network.weights, strict=True):
        np.testing.assert_array_equal(shown, live)


def test_data_that_does_not_fit_the_network_is_refused_with_a_message(qtbot, make_controller):
    controller = make_controller(dataset="iris")
    with qtbot.waitSignal(controller.message) as refused:
        controller.start()
    assert "4 inputs and 3 target(s)" in refused.args[0]
    assert "2 input and 1 output neurons" in refused.args[0]
    assert controller.state == "ready" and not controller.busy


def test_reset_gives_the_seeds_weights_and_an_empty_history(qtbot, make_controller):
    controller = make_controller(seed=5)
    controller.step()
    controller.step()
    controller.reset()
    assert controller.history.count == 0 and controller.state == "ready"
    fresh = compile(new_mlp((2, 4, 1)), rng=5).network
    for w, expected in zip(controller.compiled.network.weights, fresh.weights, strict=True):
        np.testing.assert_array_equal(w, expected)


def test_shutdown_mid_training_leaves_no_worker(qtbot, make_controller):
    controller = make_controller(target_error=0.0, max_epochs=10_000_000)
    controller.start()
    qtbot.waitUntil(lambda: controller.history.count > 10, timeout=WAIT_MS)
    controller.shutdown()
    assert not controller.busy and controller.state == "stopped"
    count, weights = controller.history.count, controller.compiled.network.weights[0].copy()
    assert controller.latest.epoch == count, "reports queued before the end were delivered"
    qtbot.wait(100)
    assert controller.history.count == count
    np.testing.assert_array_equal(controller.compiled.network.weights[0], weights)


def test_loss_history_grows_past_its_first_block():
    history = LossHistory()
    history.extend(np.arange(1000.0), None)
    history.extend(np.arange(1000.0, 2500.0), 7.0)
    assert history.count == 2500
    np.testing.assert_array_equal(history.train, np.arange(2500.0))
    assert np.isnan(history.validation[:-1]).all() and history.validation[-1] == 7.0
    assert history.epochs[-1] == 2500


def test_a_topology_change_after_training_keeps_weights_and_says_so(qtbot, make_controller):
    controller = make_controller(target_error=0.0)
    controller.step()
    controller.stop()
    assert controller.state == "stopped"
    doc = controller.document
    doc.add_neuron(doc.layers[1].id)  # kept: 2x4 + 4x1 weights, 4 + 1 biases
    with qtbot.waitSignal(controller.message) as told:
        controller.step()
    assert told.args[0] == ("The network changed: 17 trained weights kept, 4 new ones initialised.")
    assert controller.compiled.network.layer_sizes == (2, 5, 1)
    assert controller.history.count == 2, "the history goes on"


def test_sample_steps_teach_a_perceptron_one_sample_at_a_time(qtbot):
    controller = TrainingController(
        new_perceptron(), Settings(dataset="and", learning_rate=0.1, seed=2)
    )
    twin = compile(new_perceptron(), rng=2).network
    data = datasets.and_gate()
    told = []
    controller.message.connect(told.append)
    for row in (0, 1, 2, 3, 0):
        before = twin.weights.copy()
        with qtbot.waitSignal(controller.sample_stepped) as stepped:
            controller.step_sample()
        assert stepped.args == [row]
        mistakes = twin.train_epoch(data.X[row : row + 1], data.T[row : row + 1], learning_rate=0.1)
        np.testing.assert_array_equal(controller.compiled.network.weights, twin.weights)
        np.testing.assert_array_equal(controller.display_network.weights, twin.weights)
        assert told[-1].startswith(f"Sample {row + 1} of 4: x = ")
        if mistakes:  # the update written out: Δw = η (t - y) x
            change = ", ".join(f"{v:.4g}" for v in (twin.weights - before)[0])
            assert f"Δw = [{change}]" in told[-1] and told[-1].endswith("the line moves.")
        else:
            assert told[-1].endswith("no change (no mistake to learn from).")
    assert controller.history.count == 0, "a sample is not an epoch"


def test_a_sample_step_that_overflows_the_weights_is_undone_and_said(qtbot):
    huge = datasets.make_dataset(
        "huge", "inputs near 1e306", np.array([[1e306, -1e306], [-1e306, 1e306]]), [0, 1]
    )
    settings = Settings(dataset="custom", learning_rate=1000.0, seed=0)
    settings.set_custom_data(huge)
    controller = TrainingController(new_perceptron(), settings)
    assert controller.prepare()
    before = controller.compiled.network.weights.copy()
    stepped = []
    controller.sample_stepped.connect(stepped.append)
    with qtbot.waitSignal(controller.failed) as failed:
        controller.step_sample()  # wrong, so w + 1000 (t - y) x: past the largest float
    assert "too large" in failed.args[0] and not stepped
    np.testing.assert_array_equal(controller.compiled.network.weights, before)


def test_sample_steps_are_refused_for_an_mlp(qtbot, make_controller):
    controller = make_controller()
    with qtbot.waitSignal(controller.message) as told:
        controller.step_sample()
    assert "perceptrons" in told.args[0]


@pytest.mark.parametrize("speed", ["3", "30"])
def test_a_speed_limit_holds_even_below_ten_epochs_a_second(qtbot, make_controller, speed):
    controller = make_controller(target_error=0.0, speed=speed)
    controller.start()
    qtbot.wait(1000)
    controller.pause()
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=2000)
    rate = float(speed)
    assert rate * 0.4 <= controller.history.count <= rate * 1.2 + 2, "about the speed set"


def long_epochs(samples: int) -> Settings:
    """Settings training on ``samples`` random points two at a time: epochs of seconds."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(samples, 2))
    data = datasets.make_dataset("many", "random points", X, (X[:, 0] > 0).astype(int))
    settings = Settings(dataset="custom", batch_size=2, max_epochs=10, speed="fastest")
    settings.set_custom_data(data)
    return settings


def test_stop_ends_a_long_epoch_at_its_next_batch(qtbot):
    controller = TrainingController(new_mlp((2, 4, 1), "sigmoid"), long_epochs(400_000))
    assert controller.prepare()
    start = controller.compiled.network.weights[0].copy()
    assert controller.start()
    qtbot.wait(300)  # well inside the first epoch (about 10 s here)
    began = time.perf_counter()
    with qtbot.waitSignal(controller.state_changed, timeout=WAIT_MS):
        controller.stop()
    assert time.perf_counter() - began < 2.0, "stopping waited for the epoch to end"
    assert controller.state == "stopped" and controller.history.count == 0
    np.testing.assert_array_equal(controller.compiled.network.weights[0], start)


def test_a_batch_that_will_not_stop_is_left_to_its_thread_and_nothing_breaks(qtbot, monkeypatch):
    """Closing or resetting while one batch outlasted the grace closed the running
    generator: a SIGSEGV when closing, 'generator already executing' on Reset Weights."""
    entered = threading.Event()
    train_epoch = MLP.train_epoch

    def one_long_batch(self, *args, **kwargs):  # a full batch cannot look at the stop flag
        entered.set()
        time.sleep(1.5)
        return train_epoch(self, *args, **kwargs)

    monkeypatch.setattr(MLP, "train_epoch", one_long_batch)
    controller = TrainingController(new_mlp((2, 4, 1), "sigmoid"), Settings(dataset="xor"))
    assert controller.start()
    assert entered.wait(5)
    told = []
    controller.message.connect(told.append)
    began = time.perf_counter()
    controller.shutdown(timeout_ms=100)
    assert time.perf_counter() - began < 1.0
    assert controller.state == "stopped" and not controller.busy
    assert told and "left to finish on its own" in told[-1]
    controller.reset()  # raised 'generator already executing'
    assert controller.history.count == 0 and controller.state == "ready"
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.sendPostedEvents()
    assert controller.history.count == 0, "the abandoned run reports nothing here"
