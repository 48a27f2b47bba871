"""``nnsim recall`` and ``nnsim capacity``: the Hopfield workspace's experiments without a window.

``nnsim recall PROJECT.nnsim --pattern K --noise 0.2 [--temperature T]
[--sweeps N] [--mode async|sync] [--seed S]`` opens a saved Hopfield memory,
puts its stored pattern K (1-based, or its name) on the grid, flips that
share of the cells with :meth:`PatternMemory.corrupt
<nnsim.model.memory.PatternMemory.corrupt>` (the window's Corrupt) and runs
a recall process to its end as the window's Run does at full speed (at
T > 0, N sweeps): one generator, seeded by S, draws the flipped cells, then
the recall's random order and, at T > 0, its Glauber draws.  It prints the
overlaps with every stored pattern before and after, the energy before and after, the sweeps,
how recall ended and the final grid in ``#`` (black) and ``.`` (white).

``nnsim capacity --rule storkey --n 100 [--loads 0.02:0.3:0.02] [--trials T]
[--seed S] [--csv FILE]`` runs :func:`~nnsim.model.memory.capacity_trials`
(the Capacity dialog's experiment) and prints, for each load, the share of
patterns recalled exactly and with few errors, averaged over the trials as
the dialog averages them, and the rule's theory limits.

Every refusal of what was asked (a missing file, a project that is no
Hopfield memory, a pattern it does not hold, a share of noise out of range)
is one line on stderr and exit status 2, as argparse's own refusals are.
"""

import argparse
import math
import sys
from pathlib import Path

import numpy as np

from nnsim.engine.hopfield_rules import STORAGE_RULES
from nnsim.engine.hopfield_sweeps import MODES
from nnsim.errors import ConfigError, NnsimError
from nnsim.io.exports import write_csv
from nnsim.model.capacity_lab import theory_loads
from nnsim.model.limits import check_pattern_count
from nnsim.model.memory import (
    CAPACITY_LOADS,
    MAX_SIDE,
    PatternMemory,
    capacity_trials,
    recall_outcome,
)
from nnsim.model.session import Session

#: The subcommands this module adds.
COMMANDS = ("recall", "capacity")
#: Status for what was asked but cannot be done (as argparse exits on a bad argument).
BAD_INPUT = 2
#: Neurons a capacity experiment may have: 2 to the window's largest grid.
MOST_NEURONS = MAX_SIDE * MAX_SIDE
MOST_LOADS, MOST_TRIALS = 200, 1000
#: The highest load asked for: the dense rule holds several patterns per neuron (the
#: capacity lab tries it up to 8); the patterns themselves are bounded by MAX_PATTERNS.
MOST_LOAD = 10
#: Sweeps a recall makes at T > 0 unless --sweeps says otherwise: the window's Sweeps box's
#: first value (nnsim.gui.hopfield.recall.TemperatureControls), and at most its largest.
HOT_SWEEPS, MOST_SWEEPS = 30, 10_000
#: The most sweeps a recall at T = 0 makes before it stops unsettled (the window's too).
COLD_SWEEPS = 100


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a finite number")
    return value


def _whole(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text[:40]!r} must be from {low} to {high:,}")
        return value

    return parse


def loads_from(text: str) -> tuple[float, ...]:
    """Loads from ``first:last:step`` (``last`` included) or ``a,b,c``; each in (0, MOST_LOAD]."""
    parts = text.split(":")
    if len(parts) == 3:
        first, last, step = (_finite(part) for part in parts)
        if step <= 0 or last < first:
            raise argparse.ArgumentTypeError(
                "--loads FIRST:LAST:STEP needs FIRST <= LAST, STEP > 0"
            )
        count = math.floor((last - first) / step + 1e-9) + 1
        if count > MOST_LOADS:
            raise argparse.ArgumentTypeError(f"at most {MOST_LOADS} loads, not {count:,}")
        loads = tuple(round(first + k * step, 10) for k in range(count))
    else:
        loads = tuple(_finite(part) for part in text.split(","))
    if not all(0 < load <= MOST_LOAD for load in loads) or len(loads) > MOST_LOADS:
        raise argparse.ArgumentTypeError(
            f"loads are patterns per neuron, each above 0 and at most {MOST_LOAD} "
            f"(at most {MOST_LOADS} loads)"
        )
    return loads


def add_commands(commands, seed) -> None:
    """Add ``recall`` and ``capacity`` to the ``nnsim`` subcommands; ``seed`` parses --seed."""
    recall = commands.add_parser("recall", help="corrupt a stored pattern and recall it")
    recall.add_argument("project", help="a .nnsim project holding a Hopfield memory")
    recall.add_argument(
        "--pattern", required=True, help="the stored pattern to corrupt: 1, 2, ... or its name"
    )
    recall.add_argument(
        "--noise", type=_finite, default=0.2, help="the share of cells flipped, 0 to 0.5"
    )
    recall.add_argument("--mode", choices=MODES, default="async")
    recall.add_argument(
        "--temperature", type=_finite, default=0.0,
        help="units flip with probability sigma(2h/T) (0: deterministic recall)",
    )  # fmt: skip
    recall.add_argument(
        "--sweeps", type=_whole(1, MOST_SWEEPS), default=HOT_SWEEPS,
        help=f"sweeps made at a temperature above 0 (default {HOT_SWEEPS})",
    )  # fmt: skip
    recall.add_argument("--seed", type=seed, default=0)
    capacity = commands.add_parser("capacity", help="measure a storage rule's capacity")
    capacity.add_argument("--rule", choices=tuple(STORAGE_RULES), default="hebb")
    capacity.add_argument("--n", type=_whole(2, MOST_NEURONS), default=100, help="neurons")
    capacity.add_argument(
        "--loads", type=loads_from, default=CAPACITY_LOADS,
        help="patterns per neuron, FIRST:LAST:STEP or a,b,c (default 0.02:0.3:0.02)",
    )  # fmt: skip
    capacity.add_argument("--trials", type=_whole(1, MOST_TRIALS), default=10)
    capacity.add_argument("--seed", type=seed, default=0)
    capacity.add_argument("--csv", help="also write the table to this CSV file")


def run(args, out, say, printable) -> int:
    """Run ``nnsim recall`` or ``nnsim capacity``; ``say`` and ``printable`` as in the cli."""
    try:
        if args.command == "recall":
            recall(args, out, say, printable)
        else:
            capacity(args, out, say)
    except NnsimError as exc:
        say(f"nnsim: {printable(exc)}", sys.stderr)
        return BAD_INPUT
    return 0


# ------------------------------------------------------------------ recall
def opened_memory(path) -> PatternMemory:
    """The pattern memory of the project at ``path``, with patterns stored (else ConfigError)."""
    session = Session.open(path)
    name = Path(path).name
    if not session.is_hopfield:
        raise ConfigError(
            f"{name} is not a Hopfield memory (its network is a {session.document.kind})."
        )
    if not session.memory.stored_names:
        raise ConfigError(f"{name} has no patterns stored: store some in the window first.")
    return session.memory


def pattern_index(memory: PatternMemory, pattern: str) -> int:
    """The 0-based index of stored pattern ``pattern``: "1", "2", ... or a stored name."""
    names = memory.stored_names
    if pattern.isascii() and pattern.isdigit() and len(pattern) <= 9:
        if 1 <= int(pattern) <= len(names):
            return int(pattern) - 1
        raise ConfigError(f"--pattern {pattern}: the memory stores patterns 1 to {len(names)}.")
    if pattern in names:
        return names.index(pattern)
    raise ConfigError(
        f"--pattern {pattern[:40]!r}: no stored pattern has that name "
        f"(give 1 to {len(names)}, or a name)."
    )


def corrupted_recall(memory: PatternMemory, index: int, noise: float, mode: str, seed: int,
                     temperature: float = 0.0, sweeps: int = HOT_SWEEPS):  # fmt: skip
    """Corrupt stored pattern ``index`` as the window's Corrupt does and recall it to the end.

    Returns (probe, energy, process): the corrupted pattern (N,), its energy,
    and the recall process (done) that :meth:`Hopfield.recall_process
    <nnsim.engine.hopfield.Hopfield.recall_process>` makes, with the options
    the window's recall gives it: at a ``temperature`` T > 0, ``sweeps``
    sweeps.  One ``default_rng(seed)`` chooses the flipped cells, then the
    recall's order (and its draws at T > 0).
    """
    rng = np.random.default_rng(seed)
    memory.set_current(memory.network.patterns[index])
    memory.corrupt(noise, rng)
    probe = memory.current.copy()
    process = memory.network.recall_process(
        probe, mode=mode, rng=rng, temperature=temperature,
        max_sweeps=sweeps if temperature > 0 else COLD_SWEEPS,
    )  # fmt: skip
    energy = process.energy
    while not process.done:
        process.advance(memory.n)
    return probe, energy, process


def recall(args, out, say, printable) -> None:
    memory = opened_memory(args.project)
    index = pattern_index(memory, args.pattern)
    probe, energy, process = corrupted_recall(
        memory, index, args.noise, args.mode, args.seed, args.temperature, args.sweeps
    )
    names, network = memory.stored_names, memory.network
    flipped = int(np.sum(probe != network.patterns[index]))
    hot = f", T = {args.temperature:g}" if args.temperature else ""
    say(
        f"Recalling {printable(repr(names[index]))} (stored pattern {index + 1} of {len(names)}, "
        f"{memory.rows}x{memory.columns} grid, {memory.rule} rule) from {flipped} flipped "
        f"cells (noise {args.noise:g}, seed {args.seed}), {args.mode} recall{hot}.",
        out,
    )
    start, final = network.overlaps(probe), network.overlaps(process.state)
    width = max(7, *(len(printable(repr(name))) for name in names))
    say(f"{'pattern':<{width}}  {'start':>7}  {'final':>7}", out)
    for name, before, after in zip(names, start, final, strict=True):
        say(f"{printable(repr(name)):<{width}}  {before:7.3f}  {after:7.3f}", out)
    say(f"energy {energy:.6g} -> {process.energy:.6g}", out)
    say(f"sweeps {process.sweep}, converged: {'yes' if process.converged else 'no'}", out)
    settled = process.converged or process.cycle
    outcome = recall_outcome(network.patterns, process.state, process.cycle, settled=settled,
                             temperature=process.temperature, sweeps=process.sweep)  # fmt: skip
    say(printable(outcome.describe(names)), out)
    for row in process.state.reshape(memory.rows, memory.columns):
        say("".join("#" if cell > 0 else "." for cell in row), out)


# ---------------------------------------------------------------- capacity
def capacity_shares(n: int, rule: str, loads, trials: int, seed: int) -> np.ndarray:
    """Mean shares recalled (exactly, with few errors) at each load, shape (2, len(loads)).

    The trials of :func:`~nnsim.model.memory.capacity_trials` from
    ``default_rng(seed)``, summed in order and divided by their count, as the
    Capacity dialog does.
    """
    sums, counts = np.zeros((2, len(loads))), np.zeros(len(loads))
    for index, exact, few in capacity_trials(n, rule, loads, trials, rng=seed):
        sums[:, index] += exact, few
        counts[index] += 1
    return sums / counts


def capacity(args, out, say) -> None:
    check_pattern_count(max(1, round(max(args.loads) * args.n)), "stored patterns")
    say(f"Capacity of {args.n} neurons, {args.rule} rule, {args.trials} trials per load, "
        f"10% noise, seed {args.seed}.", out)  # fmt: skip
    for formula, load, exact in theory_loads(args.rule, args.n):
        say(f"theory ({'exact' if exact else 'few errors'}): {formula} = load {load:.4g}", out)
    shares = capacity_shares(args.n, args.rule, args.loads, args.trials, args.seed)
    say(f"{'load':>6}  {'patterns':>8}  {'exact':>6}  {'few errors':>10}", out)
    rows = []
    for load, exact, few in zip(args.loads, *shares, strict=True):
        count = max(1, round(load * args.n))
        say(f"{load:6.3g}  {count:8}  {exact:6.3f}  {few:10.3f}", out)
        rows.append((float(load), count, float(exact), float(few)))
    if args.csv:
        write_csv(args.csv, ("load", "patterns", "exact", "few_errors"), rows)
        say(f"Wrote {args.csv}.", out)
