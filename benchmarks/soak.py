"""The soak run: nnsim trains for half an hour with live plots; does its memory stay put?

The window trains the moons data on a 2-8-1 tanh network at full speed, with
the error plot, the decision boundary and the editor's live values all shown,
for ``--minutes`` (30 by default).  Every minute it records the process's
resident memory and how many times the window redrew.  The targets: memory at
the end within 10% of memory after the first minute, and the plots still
redrawing in the last minute.  ``--write`` writes the result in its section of README.md.

Run ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak.py``.
"""

import argparse
import datetime
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from results import README, write_section

from nnsim.gui.app import create_main_window
from nnsim.model import new_mlp


def resident_mb() -> float:
    """The resident memory of this process and its children (the training process), in MB
    (Linux)."""
    pids = [os.getpid(), *children(os.getpid())]
    return sum(status_kb(pid, "VmRSS") for pid in pids) / 1024


def children(parent: int) -> list[int]:
    """The processes whose parent is ``parent``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # (it ended meanwhile)
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


def status_kb(pid: int, key: str) -> int:
    """A kB value of ``/proc/PID/status`` (0 when it has gone)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith(f"{key}:")), 0)


def soak(minutes: float) -> list[tuple[float, float, int, int]]:
    """Train for ``minutes``; return (minute, MB, redraws, epochs) once a minute."""
    QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    window = create_main_window(
        QSettings(str(folder / "l.ini"), QSettings.Format.IniFormat), folder
    )
    window.resize(1280, 800)
    window.show()
    document = new_mlp((2, 8, 1), activation="tanh")
    document.set_property(document.layers[-1].id, "activation", "sigmoid")
    window.open_document(
        document, dataset="moons", loss="bce", learning_rate=0.1, speed="fastest",
        max_epochs=10_000_000, use_target_error=False,
    )  # fmt: skip

    # At full speed a run can reach its epochs limit (10 million) within minutes: when
    # one ends, the next begins, so training never pauses during the soak.
    def train_on(state: str) -> None:
        if state == "finished":
            window.reset_weights()
            window.training_actions["start"].trigger()

    window.session.events.state_changed.connect(train_on)
    window.panel.set_value("batch_size", 8)  # 25 updates an epoch: under 2,000 epochs/s
    window.training_actions["start"].trigger()
    samples = []
    for minute in range(1, int(minutes) + 1):
        loop = QEventLoop()  # the event loop as the app runs it: idle between events
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        samples.append((minute, resident_mb(), window.live.frames, window.session.history.count))
        print(
            f"minute {minute}: {samples[-1][1]:.0f} MB, {samples[-1][2]} redraws, "
            f"{samples[-1][3]:,} epochs", file=sys.stderr, flush=True,
        )  # fmt: skip
    window.training_actions["stop"].trigger()
    window.undo_stack.setClean()  # the soak's own settings: close without asking to save
    window.close()
    return samples


def report(samples) -> str:
    """The soak's section of README.md: the targets' table and memory minute by minute."""
    first, last = samples[0], samples[-1]
    growth = last[1] / first[1] - 1
    still = last[2] - (samples[-2][2] if len(samples) > 1 else 0)
    met = "yes" if growth <= 0.10 and still > 0 else "**no**"
    trace = ", ".join(f"{mb:.0f}" for _, mb, _, _ in samples)
    return (
        f"Measured on {datetime.date.today().isoformat()}: {last[0]:.0f} minute"
        f"{'s' if last[0] != 1 else ''} of training "
        "moons on 2-8-1 at full speed with every plot shown.\n\n"
        "| minutes | epochs | memory after 1 minute | memory at the end | growth | redraws in "
        "the last minute | targets met? |\n| --- | --- | --- | --- | --- | --- | --- |\n"
        f"| {last[0]:.0f} | {last[3]:,} | {first[1]:.0f} MB | {last[1]:.0f} MB | "
        f"{100 * growth:+.1f}% | {still} | {met} |\n\n"
        f"Resident memory at the end of each minute, in MB: {trace}.\n"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--write", action="store_true", help=f"write the result into {README.name}")
    args = parser.parse_args(argv)
    text = report(soak(args.minutes))
    print(text)
    if args.write:
        write_section("soak", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
