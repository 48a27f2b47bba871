"""The runs the window benchmarks time: the same training headless and in the main window.

Shared by ``bench_gui.py`` (the window's cost, responsiveness, startup) and
``view_costs.py`` (each Analysis view's cost to training).
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer

from nnsim.engine import train
from nnsim.model import compile, new_mlp
from nnsim.model.blas_threads import blas_threads, limit_blas
from nnsim.model.run_data import training_data
from nnsim.model.settings import Settings
from nnsim.model.training_run import REPORT_INTERVAL


def xor_case(epochs):
    settings = {"dataset": "xor", "learning_rate": 0.5, "max_epochs": epochs}
    return "XOR 2-4-1 sigmoid, full batch", lambda: new_mlp((2, 4, 1)), settings


def digits_case(epochs):
    def document():
        doc = new_mlp((64, 100, 10), activation="tanh")
        doc.set_property(doc.layers[-1].id, "activation", "softmax")
        return doc

    settings = {
        "dataset": "digits",
        "loss": "cce",
        "learning_rate": 0.1,
        "batch_size": 32,
        "normalisation": "z-score",
        "max_epochs": epochs,
    }
    return "digits 64-100-10 tanh/softmax, batch 32", document, settings


def as_settings(values) -> Settings:
    return Settings(use_target_error=False, speed="fastest", **values)


def headless_seconds(make_document, values) -> float:
    """The run as the worker does it, without a window: the engine's own elapsed time.

    It multiplies with the BLAS threads nnsim's own headless run takes
    (:func:`~nnsim.model.blas_threads.blas_threads`: one for these small networks), as the
    window's training process does, whatever limit a window in this process has set.
    """
    network, data, validation, config = run_parts(make_document, values)
    rows = min(config.batch_size or len(data.X), len(data.X))
    with limit_blas(blas_threads(network.layer_sizes, rows, window_open=False)):
        reports = list(train(network, data, config, validation=validation))
    return reports[-1].elapsed


def run_parts(make_document, values):
    """The network, training data, validation data (or None) and config of a case's run, as
    the window's session makes them."""
    settings = as_settings(values)
    data, validation = training_data(settings)
    network = compile(make_document(), loss=settings["loss"], rng=settings["seed"]).network
    config = settings.training_config(report_interval=REPORT_INTERVAL, include_weights=True)
    return network, data, validation, config


def window_seconds(window, probe, make_document, values) -> float:
    """The same run in the main window; the worker's own elapsed time.

    ``probe`` (or None) watches the event loop meanwhile; the run's redraws per
    second are left in ``window_seconds.frame_rate``.
    """
    open_case(window, make_document, values)
    if probe is not None:
        probe.start()
    frames = window.live.frames
    train_to_the_end(window)
    elapsed = window.session.latest.elapsed
    if probe is not None:
        probe.stop()
    window_seconds.frame_rate = (window.live.frames - frames) / elapsed
    return elapsed


def open_case(window, make_document, values) -> None:
    """Open a case's network in the window at full speed, and let it paint first."""
    window.open_document(make_document(), **values, use_target_error=False, speed="fastest")
    run_event_loop(300)  # the new editor and panel paint first: that is not training


def train_to_the_end(window) -> None:
    """Start training the window's network and return when the run has finished, in a real
    event loop (it sleeps between events, as the app's does)."""
    finished = QEventLoop()

    def quit_when_finished(state: str) -> None:
        if state == "finished":
            finished.quit()

    window.session.events.state_changed.connect(quit_when_finished)
    window.training_actions["start"].trigger()
    finished.exec()
    window.session.events.state_changed.disconnect(quit_when_finished)


def run_event_loop(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
