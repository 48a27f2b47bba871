"""What the window costs training, and how quickly it answers while training runs.

For each network the same run (same document, settings, seed and epochs) is timed
headless, through the engine's generator exactly as the window's worker drives it,
and in the main window (offscreen, speed "fastest"), interleaved; the fastest of
each counts and their ratio is the window's cost (target: at most 1.10).  During
the window's runs a 10 ms main-thread timer ticks, and a click is posted to a
button every 50 ms: the longest gap between ticks and the slowest click show how
long the window could leave a person waiting (target: under 100 ms).

Run ``.venv/bin/python benchmarks/bench_gui.py`` (``./dev.sh bench`` runs it after
the engine benchmarks); ``--quick`` for a smoke run, ``--write`` to write its section of
benchmarks/README.md.
"""

import argparse
import datetime
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QEventLoop, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QPushButton
from results import README, write_section

from nnsim.engine import train
from nnsim.gui.app import create_main_window
from nnsim.model import compile, new_mlp
from nnsim.model.run_data import training_data
from nnsim.model.settings import Settings
from nnsim.model.training_run import REPORT_INTERVAL

TICK_MS = 10
CLICK_EVERY_MS = 50


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
    """The run as the worker does it, without a window: the engine's own elapsed time."""
    settings = as_settings(values)
    data, validation = training_data(settings)
    network = compile(make_document(), loss=settings["loss"], rng=settings["seed"]).network
    config = settings.training_config(report_interval=REPORT_INTERVAL, include_weights=True)
    reports = list(train(network, data, config, validation=validation))
    return reports[-1].elapsed


class Probe:
    """A fast main-thread timer and posted clicks, recording how late each is served."""

    def __init__(self, app):
        self.app = app
        self.ticks: list[float] = []
        self.click_delays: list[float] = []
        self._posted_at: float | None = None
        self.button = QPushButton("probe")
        self.button.show()  # a hidden button takes no clicks
        self.button.pressed.connect(self._pressed)
        self.tick_timer = QTimer()
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.click_timer = QTimer()
        self.click_timer.setInterval(CLICK_EVERY_MS)
        self.click_timer.timeout.connect(self._post_click)

    def start(self):
        self.ticks.clear()
        self.click_delays.clear()
        self.tick_timer.start()
        self.click_timer.start()

    def stop(self):
        self.tick_timer.stop()
        self.click_timer.stop()

    def _post_click(self):
        if self._posted_at is not None:
            return  # the last click is still waiting
        centre = QPointF(self.button.rect().center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            event = QMouseEvent(
                kind, centre, centre, Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
            )  # fmt: skip
            self.app.postEvent(self.button, event)
        self._posted_at = time.perf_counter()

    def _pressed(self):
        self.click_delays.append(time.perf_counter() - self._posted_at)
        self._posted_at = None

    def longest_gap_ms(self) -> float:
        return 1000 * float(np.diff(self.ticks).max()) if len(self.ticks) > 1 else float("nan")


def window_seconds(window, probe, make_document, values) -> float:
    """The same run in the main window; the worker's own elapsed time.

    ``probe`` (or None) watches the event loop meanwhile; the run's redraws per
    second are left in ``window_seconds.frame_rate``.
    """
    window.open_document(make_document(), **values, use_target_error=False, speed="fastest")
    run_event_loop(300)  # the new editor and panel paint first: that is not training
    finished = QEventLoop()
    window.session.events.state_changed.connect(
        lambda state: finished.quit() if state == "finished" else None
    )
    if probe is not None:
        probe.start()
    frames = window.live.frames
    window.training_actions["start"].trigger()
    finished.exec()  # a real event loop: it sleeps between events, as the app's does
    elapsed = window.session.latest.elapsed
    if probe is not None:
        probe.stop()
    window_seconds.frame_rate = (window.live.frames - frames) / elapsed
    return elapsed


def run_event_loop(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def measure(case, repeats, window, probe):
    """Interleave headless and window runs; return their best times and the probe's worst."""
    name, make_document, values = case
    headless, windowed, gaps, clicks = [], [], [], []
    window_seconds(window, None, make_document, values)  # warm-up: first paints, caches
    for _ in range(repeats):
        headless.append(headless_seconds(make_document, values))
        windowed.append(window_seconds(window, probe, make_document, values))
        gaps.append(probe.longest_gap_ms())
        clicks.append(1000 * max(probe.click_delays, default=float("nan")))
    window_seconds(window, None, make_document, values)  # the probe takes frames' budget
    frame_rate = window_seconds.frame_rate
    return name, min(headless), min(windowed), max(gaps), max(clicks), frame_rate


#: What a freshly started Python process runs to show the window, printing when it is shown.
STARTUP_SCRIPT = """
import sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from nnsim.gui.app import create_main_window
app = QApplication(sys.argv[:1])
folder = Path(tempfile.mkdtemp())
window = create_main_window(QSettings(str(folder / "l.ini"), QSettings.Format.IniFormat), folder)
window.show()
app.processEvents()
print(time.time())
window.close()
"""


def startup_seconds(repeats: int) -> float:
    """The best time from launching a Python process to the window shown (imports included)."""
    import subprocess

    times = []
    for _ in range(repeats):
        launched = time.time()
        done = subprocess.run(
            [sys.executable, "-c", STARTUP_SCRIPT], capture_output=True, text=True, check=True,
            env={**os.environ, "QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]},
        )  # fmt: skip
        times.append(float(done.stdout.strip().splitlines()[-1]) - launched)
    return min(times)


def editor_frame_ms(window, frames: int = 30) -> float:
    """The median time to show new live weights on a 64-64-10 network and paint the editor."""
    window.open_document(new_mlp((64, 64, 10)), dataset="digits", normalisation="z-score")
    compiled = compile(window.document, rng=0)
    weights, biases = compiled.weight_matrices(), compiled.bias_vectors()
    rng = np.random.default_rng(0)
    sample = rng.normal(size=64)
    view = window.editor.view
    view.fit_to_window()
    times = []
    for _ in range(frames):
        live = [w + rng.normal(scale=0.01, size=w.shape) for w in weights]
        start = time.perf_counter()
        view.show_values(compiled, live, biases, sample)
        view.viewport().repaint()
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))


#: The Analysis dock's views, each measured shown alone (None: the dock closed).
ANALYSIS_VIEWS = (None, "gradientFlow", "lossLandscape", "stateSpace", "sampleLedger",
                  "runComparison")  # fmt: skip


def show_analysis(window, name: str | None) -> None:
    """Show the Analysis dock on view ``name``, or close it (None)."""
    if name is None:
        window.layout_docks.analysis.hide()
    else:
        window.analysis.show_view(window.analysis.views[name])
    run_event_loop(200)


def frame_ms(window, frames: int = 25) -> float:
    """The median GUI-thread time of one frame, as at a report: every live view's redraw
    (the views shown) and the painting, after the weights shown moved a little."""
    app, session = QApplication.instance(), window.session
    network = session.display_network
    rng = np.random.default_rng(0)
    times = []
    for _ in range(frames):
        weights, biases = network.parameters()
        network.set_parameters([w + rng.normal(scale=1e-3, size=w.shape) for w in weights], biases)
        session.history.extend(np.array([session.history.train[-1]]))
        start = time.thread_time()
        window.live.draw(force=True)
        app.processEvents()
        times.append(time.thread_time() - start)
    return 1000 * float(np.median(times[3:]))


def measure_views(cases, repeats, window) -> str:
    """Per Analysis view shown: each case's window / headless ratio (the median of
    ``repeats`` pairs, each run headless then in the window, and their range), redraws a
    second (median) and the GUI-thread time of a frame; returns the table.

    A pair's two runs come a few seconds apart, so a shared machine's drift (headless
    XOR took 2.9 to 5.1 s within minutes here) mostly cancels in its ratio.
    """
    lines = ["| view shown | " + " | ".join(
        f"{name}: window / headless (range) | redraws per second | frame"
        for name, _, _ in cases
    ) + " |", "| --- |" + " --- | --- | --- |" * len(cases)]  # fmt: skip
    for view in ANALYSIS_VIEWS:
        cells = []
        for _, make_document, values in cases:
            window_seconds(window, None, make_document, values)  # the case open and trained
            show_analysis(window, view)
            ratios, frame_rates = [], []
            for _ in range(repeats):
                headless = headless_seconds(make_document, values)
                ratios.append(window_seconds(window, None, make_document, values) / headless)
                frame_rates.append(window_seconds.frame_rate)
            ratio, frame_rate = float(np.median(ratios)), float(np.median(frame_rates))
            cells.append(
                f"{ratio:.3f} ({min(ratios):.2f}-{max(ratios):.2f}) | {frame_rate:.1f} | "
                f"{frame_ms(window):.1f} ms"
            )
        label = "Analysis closed" if view is None else f"`{view}`"
        print(f"{label}: {cells}", file=sys.stderr, flush=True)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    show_analysis(window, None)
    return "\n".join(lines)


def table(results, epochs_of) -> str:
    lines = [
        "| run | epochs | headless | in the window | window / headless | longest tick gap "
        "| slowest click | redraws per second | targets met? |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, headless, windowed, gap, click, frame_rate in results:
        ratio = windowed / headless
        met = "yes" if ratio <= 1.10 and gap < 100 and click < 100 else "**no**"
        lines.append(
            f"| {name} | {epochs_of[name]:,} | {headless:.2f} s | {windowed:.2f} s | "
            f"{ratio:.3f} | {gap:.0f} ms | {click:.0f} ms | {frame_rate:.0f} | {met} |"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer epochs and repeats")
    parser.add_argument("--write", action="store_true", help=f"also write {README.name}")
    parser.add_argument(
        "--views", action="store_true", help="only the cost of each Analysis view shown"
    )
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = QSettings(str(Path(tempfile.mkdtemp()) / "layout.ini"), QSettings.Format.IniFormat)
    window = create_main_window(store)
    window.resize(1280, 800)
    window.show()
    probe = Probe(app)
    repeats = 1 if args.quick else 5 if args.views else 3
    cases = [xor_case(10_000 if args.quick else 100_000), digits_case(20 if args.quick else 200)]
    if args.views:
        print(measure_views(cases, repeats, window))
        window.retire()  # training left unsaved work: close without asking
        window.close()
        return
    epochs_of = {case[0]: case[2]["max_epochs"] for case in cases}
    results = []
    for case in cases:
        print(f"running {case[0]} ...", file=sys.stderr, flush=True)
        results.append(measure(case, repeats, window, probe))
    frame = editor_frame_ms(window)
    window.retire()  # training left unsaved work: close without asking
    window.close()
    startup = startup_seconds(repeats)
    text = table(results, epochs_of) + (
        "\n\n| launch to window shown | editor frame, 64-64-10 with live weights |\n"
        "| --- | --- |\n"
        f"| {startup:.2f} s | {frame:.1f} ms |"
    )
    print(text)
    if args.write:
        write_section("window", section_text(text, args.quick))
        print(f"wrote the window's section of {README}", file=sys.stderr)


def section_text(text: str, quick: bool) -> str:
    """Return the window's section of ``benchmarks/README.md``: when, where, the tables."""
    run = " (a `--quick` run)" if quick else ""
    return (
        f"Measured on {datetime.date.today().isoformat()}{run}: Python "
        f"{platform.python_version()}, PySide6 {pyside_version}, NumPy {np.__version__}, "
        f"{os.cpu_count()} logical CPUs, Qt platform `{os.environ['QT_QPA_PLATFORM']}`.\n\n{text}\n"
    )


if __name__ == "__main__":
    main()
