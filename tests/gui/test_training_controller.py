"""The training controller: a worker thread driven by start, pause, step, stop and reset.

Each test with ``make_controller`` (or ``apart``) runs twice: training in this
process, as a script's session does, and in a training process, as the window's.
"""

import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from nnsim.engine import MLP, TrainingConfig, datasets, train
from nnsim.gui.training.worker import TrainingController
from nnsim.model import compile, new_mlp
from nnsim.model.session import Session
from nnsim.model.settings import Settings

WAIT_MS = 20_000


def trainer(document, settings: Settings, apart: bool = False) -> TrainingController:
    """A worker for a session on ``document`` with ``settings`` (and their custom data),
    training in a process of its own when ``apart``."""
    session = Session()
    session.replace(document, data=settings.custom_data, **settings.values())
    session.train_in_process = apart
    return TrainingController(session)


@pytest.fixture(params=[False, True], ids=["here", "apart"])
def apart(request) -> bool:
    """Whether the session trains in a process of its own."""
    return request.param


@pytest.fixture
def make_controller(qtbot, apart):
    """Return a function building a controller; every one is shut down after the test."""
    made = []

    def make(sizes=(2, 4, 1), activation="sigmoid", **values):
        values = {"max_epochs": 200_000, "target_error": 0.05, **values}
        controller = trainer(new_mlp(sizes, activation), Settings(**values), apart)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()


def test_training_xor_in_the_worker_brings_the_error_below_005(qtbot, make_controller):
    controller = make_controller()
    states = []
    controller.session.events.state_changed.connect(states.append)
    with qtbot.waitSignal(controller.session.events.message, timeout=WAIT_MS) as finished:
        controller.start()
    assert "Reached the target error 0.05" in finished.args[0]
    qtbot.waitUntil(lambda: controller.session.state == "finished", timeout=WAIT_MS)
    assert states[0] == "training" and states[-1] == "finished"
    history = controller.session.history
    assert history.count == controller.session.latest.epoch > 1, "every epoch is in the history"
    assert history.train[-1] <= 0.05 < history.train[0]
    outputs = controller.session.display_network.forward(datasets.xor().X).ravel()
    np.testing.assert_array_equal(outputs.round(), [0, 1, 1, 0])


def test_pause_holds_the_epoch_count_and_resume_goes_on(qtbot, make_controller):
    controller = make_controller(target_error=0.0, max_epochs=10_000_000)
    controller.start()
    qtbot.waitUntil(lambda: controller.session.history.count > 100, timeout=WAIT_MS)
    controller.pause()
    qtbot.waitUntil(lambda: controller.session.state == "paused", timeout=WAIT_MS)
    held = controller.session.history.count
    qtbot.wait(150)
    assert controller.session.history.count == held, "nothing trains while paused"
    controller.start()
    assert controller.session.state == "training"
    qtbot.waitUntil(lambda: controller.session.history.count > held + 100, timeout=WAIT_MS)
    controller.stop()
    qtbot.waitUntil(lambda: controller.session.state == "stopped", timeout=WAIT_MS)


def test_step_trains_exactly_one_epoch_and_continues_the_same_run(qtbot, make_controller):
    controller = make_controller(seed=3, target_error=0.0)
    for expected in (1, 2, 3):
        controller.session.step()
        assert controller.session.latest.epoch == controller.session.history.count == expected
        assert controller.session.state == "paused"
    controller.start()  # the worker takes the same run over
    qtbot.waitUntil(lambda: controller.session.history.count >= 50, timeout=WAIT_MS)
    controller.pause()
    qtbot.waitUntil(lambda: controller.session.state == "paused", timeout=WAIT_MS)
    controller.session.step()
    steps = controller.session.history.count
    assert controller.session.latest.epoch == steps

    # The same epochs without the GUI: identical losses, bit for bit.
    net = compile(new_mlp((2, 4, 1)), rng=3).network
    config = TrainingConfig(max_epochs=steps, seed=3, report_interval=0.0)
    losses = np.concatenate([r.losses for r in train(net, datasets.xor(), config)])
    np.testing.assert_array_equal(controller.session.history.train, losses)


def test_a_new_learning_rate_reaches_the_running_network(qtbot, make_controller):
    controller = make_controller(target_error=0.0, max_epochs=10_000_000)
    controller.start()
    qtbot.waitUntil(lambda: controller.session.latest is not None, timeout=WAIT_MS)
    controller.session.settings.set("learning_rate", 0.125)
    qtbot.waitUntil(lambda: controller.session.latest.learning_rate == 0.125, timeout=WAIT_MS)
    assert controller.session.state == "training", "no restart"
    controller.stop()
    qtbot.waitUntil(lambda: controller.session.state == "stopped", timeout=WAIT_MS)


def test_divergence_is_reported_and_the_last_good_weights_stay(qtbot, make_controller):
    controller = make_controller(
        (1, 1), "linear", dataset="km_to_miles", learning_rate=1000.0, use_target_error=False
    )
    with qtbot.waitSignal(controller.session.events.failed, timeout=WAIT_MS) as failed:
        controller.start()
    assert "diverged" in failed.args[0] and "smaller learning rate" in failed.args[0]
    qtbot.waitUntil(lambda: controller.session.state == "stopped", timeout=WAIT_MS)
    network = controller.session.compiled.network
    assert all(np.isfinite(w).all() for w in [*network.weights, *network.biases])
    kept = int(failed.args[0].split("after epoch ")[1].split(".")[0])
    assert controller.session.history.count == kept, "the history ends where the weights are"
    for shown, live in zip(
        controller.session.display_network.weights, network.weights, strict=True
    ):
        np.testing.assert_array_equal(shown, live)


def test_shutdown_mid_training_leaves_no_worker(qtbot, make_controller):
    controller = make_controller(target_error=0.0, max_epochs=10_000_000)
    controller.start()
    qtbot.waitUntil(lambda: controller.session.history.count > 10, timeout=WAIT_MS)
    controller.shutdown()
    assert not controller.session.busy and controller.session.state == "stopped"
    count, weights = (
        controller.session.history.count,
        controller.session.compiled.network.weights[0].copy(),
    )
    assert controller.session.latest.epoch == count, "reports queued before the end were delivered"
    qtbot.wait(100)
    assert controller.session.history.count == count
    np.testing.assert_array_equal(controller.session.compiled.network.weights[0], weights)


@pytest.mark.parametrize("speed", ["3", "30"])
def test_a_speed_limit_holds_even_below_ten_epochs_a_second(qtbot, make_controller, speed):
    controller = make_controller(target_error=0.0, speed=speed)
    controller.start()
    qtbot.wait(1000)
    controller.pause()
    qtbot.waitUntil(lambda: controller.session.state == "paused", timeout=2000)
    rate = float(speed)
    assert rate * 0.4 <= controller.session.history.count <= rate * 1.2 + 2, "about the speed set"


def long_epochs(samples: int) -> Settings:
    """Settings training on ``samples`` random points two at a time: epochs of seconds."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(samples, 2))
    data = datasets.make_dataset("many", "random points", X, (X[:, 0] > 0).astype(int))
    settings = Settings(dataset="custom", batch_size=2, max_epochs=10, speed="fastest")
    settings.set_custom_data(data)
    return settings


def test_stop_ends_a_long_epoch_at_its_next_batch(qtbot, apart):
    controller = trainer(new_mlp((2, 4, 1), "sigmoid"), long_epochs(400_000), apart)
    assert controller.session.prepare()
    start = controller.session.compiled.network.weights[0].copy()
    assert controller.start()
    qtbot.wait(300)  # well inside the first epoch (about 10 s here)
    began = time.perf_counter()
    with qtbot.waitSignal(controller.session.events.state_changed, timeout=WAIT_MS):
        controller.stop()
    assert time.perf_counter() - began < 2.0, "stopping waited for the epoch to end"
    assert controller.session.state == "stopped" and controller.session.history.count == 0
    np.testing.assert_array_equal(controller.session.compiled.network.weights[0], start)


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
    controller = trainer(new_mlp((2, 4, 1), "sigmoid"), Settings(dataset="xor"))
    assert controller.start()
    assert entered.wait(5)
    told = []
    controller.session.events.message.connect(told.append)
    began = time.perf_counter()
    controller.shutdown(timeout_ms=100)
    assert time.perf_counter() - began < 1.0
    assert controller.session.state == "stopped" and not controller.session.busy
    assert told and "the run was left there" in told[-1]
    controller.session.reset()  # raised 'generator already executing'
    assert controller.session.history.count == 0 and controller.session.state == "ready"
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.sendPostedEvents()
    assert controller.session.history.count == 0, "the abandoned run reports nothing here"
