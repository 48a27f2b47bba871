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
from gui_runs import digits_case, headless_seconds, window_seconds, xor_case
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QPushButton
from results import README, write_section
from view_costs import measure_views

from nnsim.gui.app import create_main_window
from nnsim.model import compile, new_mlp

TICK_MS = 10
CLICK_EVERY_MS = 50


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
    if args.views:
        print(measure_views(window, quick=args.quick))
        window.retire()  # training left unsaved work: close without asking
        window.close()
        return
    repeats = 1 if args.quick else 3
    cases = [xor_case(10_000 if args.quick else 100_000), digits_case(20 if args.quick else 200)]
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
