"""What each Analysis view costs training while it is shown, measured within one run.

Timed as separate runs, the window's cost cannot be read to 10% on a shared
machine: headless XOR alone took 2.9 to 5.1 s within minutes, and pairs of
runs (one headless, one in the window, back to back) gave ratios from 0.68
to 1.48.  So the window's cost is measured in two parts that each compare
like with like, close in time:

* **drawing** (:func:`drawing_cost`): one long run in the window, whose
  redraws are switched off and on every :data:`SEGMENT_S` seconds; the
  training process's speed in each drawn second, against the mean of the
  undrawn seconds either side of it (the child's own epochs and clock, from
  its reports);
* **the training process** (:func:`process_cost`): the same run trained
  headless in this process, and as the window's session has it trained (in a
  training process, its reports carrying the views' insight, at most
  ``INSIGHT_SHARE`` of its time) but with no window, in pairs.

The window's cost is their product.  Run by ``bench_gui.py --views``.
"""

import dataclasses
import sys
import time

import numpy as np
from gui_runs import (
    digits_case,
    headless_seconds,
    open_case,
    run_event_loop,
    run_parts,
    train_to_the_end,
    xor_case,
)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from nnsim.model.training_process import ProcessRun

#: The runs drawn with each view shown (long enough for several drawn seconds; shorter ones
#: for ``--quick``, still with a few), and the runs timed for the training process's cost
#: (as long as bench_gui's).
DRAWN_CASES = (xor_case(600_000), digits_case(6_000))
QUICK_DRAWN_CASES = (xor_case(150_000), digits_case(1_500))
PROCESS_CASES = (xor_case(100_000), digits_case(200))
#: Seconds between two switches of the window's redraws within a run, and pairs of runs
#: timed for the training process's cost.
SEGMENT_S = 1.0
PROCESS_PAIRS = 8
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


def drawing_cost(window, make_document, values) -> tuple[np.ndarray, float]:
    """Train a run in the window with its redraws off and on by turns, every SEGMENT_S.

    Returns, for each drawn segment between two undrawn ones, the training
    process's epochs a second undrawn (the mean of the two) over drawn, and
    the redraws a second while drawn.  Switched off, the window's live view
    draws nothing (its ``draw`` does nothing); reports still arrive and are
    taken as ever.
    """
    open_case(window, make_document, values)
    live, session = window.live, window.session
    marks = []  # (the segment just ended was drawn, epoch, elapsed, frames drawn so far)

    def switch() -> None:
        drawn = "draw" not in vars(live)
        if session.latest is not None:
            marks.append((drawn, session.latest.epoch, session.latest.elapsed, live.frames))
        if drawn:
            live.draw = lambda force=False: None
        else:
            del live.draw

    timer = QTimer(interval=int(1000 * SEGMENT_S))
    timer.timeout.connect(switch)
    timer.start()
    train_to_the_end(window)
    timer.stop()
    if "draw" in vars(live):
        del live.draw
    drawn, epochs, elapsed, frames = np.array(marks, dtype=float).T
    rates, frame_rates = np.diff(epochs) / np.diff(elapsed), np.diff(frames) / np.diff(elapsed)
    drawn = drawn[1:].astype(bool)
    middle = np.flatnonzero(drawn[1:-1]) + 1
    ratios = 0.5 * (rates[middle - 1] + rates[middle + 1]) / rates[middle]
    return ratios, float(np.median(frame_rates[drawn]))


def process_seconds(make_document, values) -> float:
    """The run trained through a training process with no window, as the window's session
    asks for it (with the views' insight: gradient sizes, sample errors): its elapsed time."""
    network, data, validation, config = run_parts(make_document, values)
    config = dataclasses.replace(config, include_insight=True)
    run = ProcessRun(network, data, validation, config, threads=1)
    last = None
    while (report := run.advance(ahead=True)) is not None:
        last = report
    run.close()
    return last.elapsed


def process_cost(make_document, values, pairs: int) -> np.ndarray:
    """Pairs of the run trained in this process and through a training process, by turns
    first; returns each pair's process / in-process time."""
    ratios = []
    for pair in range(pairs):
        if pair % 2:
            apart = process_seconds(make_document, values)
            ratios.append(apart / headless_seconds(make_document, values))
        else:
            alone = headless_seconds(make_document, values)
            ratios.append(process_seconds(make_document, values) / alone)
    return np.array(ratios)


def quartiles(ratios: np.ndarray) -> str:
    low, middle, high = np.percentile(ratios, (25, 50, 75))
    return f"{middle:.3f} ({low:.2f}-{high:.2f})"


def measure_views(window, quick: bool = False) -> str:
    """The training process's cost, then per Analysis view shown each case's drawing cost,
    redraws a second and GUI-thread time of a frame; returns the tables."""
    process_seconds(*PROCESS_CASES[0][1:])  # a training process started and warm
    lines = ["| run | training process, no window / headless (quartiles) |", "| --- | --- |"]
    for name, make_document, values in PROCESS_CASES:
        ratios = process_cost(make_document, values, 1 if quick else PROCESS_PAIRS)
        lines.append(f"| {name} | {quartiles(ratios)} |")
        print(lines[-1], file=sys.stderr, flush=True)
    drawn_cases = QUICK_DRAWN_CASES if quick else DRAWN_CASES
    lines += ["", "| view shown | " + " | ".join(
        f"{name}: drawing's cost (quartiles) | redraws per second | frame"
        for name, _, _ in drawn_cases
    ) + " |", "| --- |" + " --- | --- | --- |" * len(drawn_cases)]  # fmt: skip
    for view in ANALYSIS_VIEWS:
        cells = []
        for _, make_document, values in drawn_cases:
            show_analysis(window, view)
            ratios, frame_rate = drawing_cost(window, make_document, values)
            cells.append(f"{quartiles(ratios)} | {frame_rate:.1f} | {frame_ms(window):.1f} ms")
        label = "Analysis closed" if view is None else f"`{view}`"
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
        print(lines[-1], file=sys.stderr, flush=True)
    show_analysis(window, None)
    return "\n".join(lines)
