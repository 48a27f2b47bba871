"""The ``nnsim`` command.

``nnsim`` opens the window; ``nnsim PROJECT.nnsim`` opens it on a project.
``nnsim train --example xor --epochs 5000`` trains a network on one of the
built-in data sets without a window, printing progress (a bar on a terminal,
plain lines otherwise) and the final error and accuracy.  ``nnsim train
PROJECT.nnsim [--epochs N] [--out FILE]`` trains a saved project on from
where it stands, exactly as the window's Train would, and saves it (to
FILE, or back to PROJECT).  ``nnsim export-training PROJECT.nnsim --script
OUT.py`` (or ``--notebook OUT.ipynb``, ``--torch OUT.py``) writes the
project's training as a NumPy script that retrains it to nnsim's weights, a
notebook, or a PyTorch script.  ``nnsim recall`` and ``nnsim capacity`` run
the Hopfield workspace's recall and capacity experiment
(:mod:`nnsim.cli_memory`).  ``nnsim examples`` lists the data sets.

Every problem is one line on stderr (``nnsim: ...``) and a non-zero exit
status: 2 for bad arguments, 1 for anything else nnsim refuses (an
:class:`~nnsim.errors.NnsimError`: a bad project file, a network too big).
Text from files and arguments is printed with control characters escaped
(``\\n``, ``\\x1b``) and whatever the stream cannot encode, such as the lone
surrogate of a file name that is not UTF-8, as a backslash escape.
"""

import argparse
import re
import sys
from pathlib import Path

from nnsim import __version__, cli_memory
from nnsim.engine import MLP, RBM, Perceptron, TrainingConfig, datasets, train
from nnsim.engine.optimizers import OPTIMIZERS
from nnsim.engine.runner import SCHEDULES
from nnsim.errors import ConfigError, NnsimError
from nnsim.io import training_export
from nnsim.io.project import SUFFIX, load_project
from nnsim.model.limits import check_network_size
from nnsim.model.session import Session
from nnsim.model.settings import MAX_EPOCHS, SPECS
from nnsim.model.starters import XOR_HIDDEN, XOR_SETTINGS

#: How each example is trained unless the command line says otherwise.
PRESETS = {
    "and": {"model": "perceptron", "learning_rate": 0.1, "target_error": 0.0},
    "or": {"model": "perceptron", "learning_rate": 0.1, "target_error": 0.0},
    "nand": {"model": "perceptron", "learning_rate": 0.1, "target_error": 0.0},
    "blobs": {"model": "perceptron", "learning_rate": 0.1, "target_error": 0.0},
    "ladybird_caterpillar": {"model": "perceptron", "learning_rate": 0.1, "target_error": 0.0},
    "km_to_miles": {"model": "perceptron", "rule": "nlms", "bias": False, "learning_rate": 0.5},
    "xor": {
        "hidden": [XOR_HIDDEN],
        "activation": "sigmoid",
        "loss": "sse",
        "learning_rate": XOR_SETTINGS["learning_rate"],
    },
    "three_input_table": {"hidden": [], "bias": False, "loss": "sse", "learning_rate": 4.0},
    "circles": {"hidden": [8], "activation": "tanh", "output": "sigmoid", "loss": "bce"},
    "moons": {"hidden": [8], "activation": "tanh", "output": "sigmoid", "loss": "bce"},
    "spirals": {
        "hidden": [16, 16],
        "activation": "tanh",
        "output": "sigmoid",
        "loss": "bce",
        "optimizer": "adam",
        "learning_rate": 0.02,
    },
    "sine": {
        "hidden": [10],
        "activation": "tanh",
        "output": "linear",
        "loss": "mse",
        "learning_rate": 0.1,
    },
    "digits": {
        "standardize": True,
        "hidden": [100],
        "activation": "tanh",
        "output": "softmax",
        "loss": "cce",
        "learning_rate": 0.1,
        "batch_size": 32,
    },
    "iris": {
        "standardize": True,
        "hidden": [8],
        "activation": "tanh",
        "output": "softmax",
        "loss": "cce",
        "learning_rate": 0.05,
        "batch_size": 16,
    },
}

BAR_WIDTH = 30
DEFAULT_EPOCHS = 5000
#: Characters that would move a terminal's cursor or break the line: shown escaped.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: Characters of an argument quoted in a message.
QUOTED = 40


def printable(text: str) -> str:
    """``text`` on one line: control characters as escapes (``\\n``, ``\\x1b``)."""
    return CONTROL.sub(lambda match: repr(match.group())[1:-1], str(text))


def say(text: str, file=None, end: str = "\n", flush: bool = False) -> None:
    """Print ``text`` as ``file`` can encode it (a lone surrogate as ``\\udcff``)."""
    file = file if file is not None else sys.stdout
    encoding = getattr(file, "encoding", None) or "utf-8"
    text = text.encode(encoding, "backslashreplace").decode(encoding, "replace")
    print(text, end=end, file=file, flush=flush)


def _quoted(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= QUOTED else shown[: QUOTED - 4] + "...'"


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block."""

    def error(self, message):
        self.exit(2, f"nnsim: {printable(message)} (see nnsim --help)\n")

    def _print_message(self, message, file=None):
        if message:
            say(message, file or sys.stderr, end="")


def _hidden_sizes(text: str) -> list[int]:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not all(part.isascii() and part.isdigit() and len(part) <= 9 for part in parts):
        raise argparse.ArgumentTypeError(
            "--hidden wants neuron counts separated by commas, like 4 or 10,10; "
            f"got {_quoted(text)}"
        )
    sizes = [int(part) for part in parts]
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError(
            f"every hidden layer needs at least 1 neuron: {_quoted(text)}"
        )
    return sizes


def _positive(kind, high=None):
    def parse(text):
        try:
            value = kind(text)
        except ValueError:  # a float("x"), an int("1.5"), an int of 5,000 digits
            raise argparse.ArgumentTypeError(f"{_quoted(text)} is not a number") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"{_quoted(text)} must be greater than 0")
        if high is not None and value > high:
            raise argparse.ArgumentTypeError(f"{_quoted(text)} must be at most {high:,}")
        return value

    return parse


def _seed(text: str) -> int:
    high = int(SPECS["seed"].high)
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_quoted(text)} is not a whole number") from None
    if not 0 <= value <= high:
        raise argparse.ArgumentTypeError(f"{_quoted(text)} must be from 0 to {high:,}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="nnsim", description="A neural-network simulator for learning.")
    parser.add_argument("--version", action="version", version=f"nnsim {__version__}")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help="add nnsim to the Linux desktop: menu entry, icon, .nnsim files",
    )
    desktop.add_argument("--uninstall-desktop", action="store_true",
                         help="take nnsim off the Linux desktop again")  # fmt: skip
    commands = parser.add_subparsers(dest="command", parser_class=_OneLineParser)
    commands.add_parser("examples", help="list the built-in data sets")
    trainer = commands.add_parser("train", help="train a network without a window")
    trainer.add_argument(
        "project", nargs="?", type=Path,
        help="a .nnsim project to train on (its own settings; --epochs and --out apply)",
    )  # fmt: skip
    trainer.add_argument(
        "--out", type=Path, help="where a trained project is saved (default: back into it)"
    )
    trainer.add_argument("--example", choices=sorted(datasets.DATASETS))
    trainer.add_argument(
        "--epochs", type=_positive(int, MAX_EPOCHS),
        help="epochs to train (default 5000; for a project, what its Epochs setting leaves)",
    )  # fmt: skip
    trainer.add_argument("--learning-rate", type=_positive(float))
    trainer.add_argument("--momentum", type=float)
    trainer.add_argument(
        "--optimizer",
        choices=OPTIMIZERS,
        help="rprop and irprop- start each weight's step at the learning rate",
    )
    trainer.add_argument(
        "--lr-schedule",
        choices=SCHEDULES,
        help="step: rate times --lr-decay every --lr-step epochs; "
        "exponential: times --lr-decay every epoch",
    )
    trainer.add_argument("--lr-decay", type=float, help="the schedule's factor, in (0, 1]")
    trainer.add_argument("--lr-step", type=_positive(int), help="epochs per step (step schedule)")
    trainer.add_argument("--batch-size", type=_positive(int))
    trainer.add_argument("--hidden", type=_hidden_sizes, help="hidden layer sizes, e.g. 4 or 10,10")
    trainer.add_argument("--activation", help="hidden activation (sigmoid, tanh, relu, ...)")
    trainer.add_argument("--loss", choices=["sse", "mse", "bce", "cce"])
    trainer.add_argument("--target-error", type=float)
    trainer.add_argument("--seed", type=_seed, default=0)
    exporter = commands.add_parser(
        "export-training",
        help="write a project's training as a NumPy script, a notebook or a PyTorch script",
    )
    exporter.add_argument("project", type=Path, help="the .nnsim project whose training to export")
    formats = exporter.add_mutually_exclusive_group(required=True)
    formats.add_argument(
        "--script",
        type=Path,
        metavar="OUT.py",
        help="a Python script (NumPy only) that trains to nnsim's weights",
    )
    formats.add_argument(
        "--notebook",
        type=Path,
        metavar="OUT.ipynb",
        help="the same as a Jupyter notebook, with the error curve plotted",
    )
    formats.add_argument(
        "--torch",
        type=Path,
        metavar="OUT.py",
        help="the same network in PyTorch (trains alike, not to the same bits)",
    )
    cli_memory.add_commands(commands, _seed)
    return parser


def _settings(args) -> dict:
    settings = {"model": "mlp", "rule": "rosenblatt", "bias": True, "hidden": [4]}
    settings.update({"activation": "sigmoid", "output": None, "loss": "sse", "learning_rate": 0.5})
    settings.update(PRESETS.get(args.example, {}))
    overrides = {
        "learning_rate": args.learning_rate,
        "momentum": args.momentum,
        "optimizer": args.optimizer,
        "lr_schedule": args.lr_schedule,
        "lr_decay": args.lr_decay,
        "lr_step": args.lr_step,
        "batch_size": args.batch_size,
        "hidden": args.hidden,
        "activation": args.activation,
        "loss": args.loss,
        "target_error": args.target_error,
    }
    if args.hidden is not None or args.activation or args.loss:
        settings["model"] = "mlp"
    settings.update({key: value for key, value in overrides.items() if value is not None})
    return settings


def _network(settings, data, seed):
    if settings["model"] == "perceptron":
        return Perceptron(
            data.n_features, data.T.shape[1], rule=settings["rule"], bias=settings["bias"], rng=seed
        )
    return MLP(
        [data.n_features, *settings["hidden"], data.T.shape[1]],
        activation=settings["activation"],
        output_activation=settings["output"],
        loss=settings["loss"],
        bias=settings["bias"],
        rng=seed,
    )


def _describe(net) -> str:
    if isinstance(net, Perceptron):
        return f"perceptron ({net.rule} rule)"
    if isinstance(net, RBM):
        return f"{net.n_visible}-{net.n_hidden} restricted Boltzmann machine (reconstruction error)"
    sizes = "-".join(str(n) for n in net.layer_sizes)
    return f"{sizes} MLP ({', '.join(dict.fromkeys(net.activations))}; {net.loss} loss)"


def _progress_line(report, on_terminal: bool) -> str:
    done = report.epoch / report.max_epochs
    accuracy = f"  accuracy {report.accuracy:6.1%}" if report.accuracy is not None else ""
    text = f"epoch {report.epoch:>7}/{report.max_epochs}  error {report.train_loss:.6g}{accuracy}"
    if not on_terminal:
        return text
    filled = round(done * BAR_WIDTH)
    return f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {text}"


def run_training(args, out=None) -> int:
    out = out or sys.stdout
    if args.project is not None:
        return train_project(args, out)
    if args.out is not None:
        raise ConfigError("--out saves a trained project: give the project to train.")
    args.example = args.example or "xor"
    data = datasets.load(args.example)
    settings = _settings(args)
    if settings.get("standardize"):
        (data,) = datasets.standardize(data)
    if settings["model"] == "mlp":
        check_network_size("mlp", [data.n_features, *settings["hidden"], data.T.shape[1]])
    net = _network(settings, data, args.seed)
    config_keys = ("learning_rate", "momentum", "optimizer", "batch_size", "target_error",
                   "lr_schedule", "lr_decay", "lr_step")  # fmt: skip
    config = TrainingConfig(
        max_epochs=args.epochs or DEFAULT_EPOCHS,
        seed=args.seed,
        **{key: settings[key] for key in config_keys if key in settings},
    )
    say(f"Training a {_describe(net)} on {printable(data.name)}: {printable(data.description)}",
        out)  # fmt: skip
    _follow(train(net, data, config), out)
    return 0


def _follow(run, out, on_report=None):
    """Advance a training generator to its end, printing progress; return its summary.

    ``on_report(report)`` sees every report (the project's history grows from them).
    """
    on_terminal = out.isatty()
    next_line_at = 0
    while True:
        try:
            report = next(run)
        except StopIteration as finished:
            summary = finished.value
            break
        if on_report is not None:
            on_report(report)
        if on_terminal:
            say(_progress_line(report, True), out, end="", flush=True)
        elif report.epoch >= next_line_at:  # a plain line per tenth of the run at most
            say(_progress_line(report, False), out)
            tenth = report.max_epochs / 10
            next_line_at = (report.epoch // tenth + 1) * tenth
    if on_terminal:
        say("", out)
    accuracy = f", accuracy {summary.accuracy:.1%}" if summary.accuracy is not None else ""
    validation = summary.validation_loss
    held_out = f", validation error {validation:.6g}" if validation is not None else ""
    say(f"{summary.message} Final error {summary.train_loss:.6g}{accuracy}{held_out}.", out)
    return summary


#: Options of the example trainer that a project's own settings replace.
EXAMPLE_OPTIONS = ("example", "learning_rate", "momentum", "optimizer", "batch_size", "hidden",
                   "activation", "loss", "target_error", "lr_schedule", "lr_decay",
                   "lr_step")  # fmt: skip


def train_project(args, out) -> int:
    """Train a saved project on, as the window's Train would, and save it with the result."""
    given = [f"--{name.replace('_', '-')}" for name in EXAMPLE_OPTIONS if getattr(args, name)]
    if given:
        raise ConfigError(
            f"{', '.join(given)} cannot be combined with a project: the project's own "
            "settings are used. Open it in nnsim to change them."
        )
    session = Session.open(args.project)
    if session.settings["max_epochs"] <= session.history.count and not args.epochs:
        raise ConfigError(
            f"{args.project.name} has trained all {session.settings['max_epochs']:,} epochs its "
            "settings ask for: give --epochs to train on."
        )
    if not session.catch_up():  # a Hopfield memory, or a network that cannot train
        raise ConfigError(session.problem)
    say(f"Training {printable(session.document.name)} ({_describe(session.compiled.network)}) "
        f"on {printable(session.data.name)}, from epoch {session.history.count + 1}.",
        out)  # fmt: skip
    _follow(session.train(max_epochs=args.epochs), out)
    target = args.out or args.project
    session.save(target)
    say(f"Saved {printable(target)}.", out)
    return 0


def export_training(args, out=None) -> int:
    """``nnsim export-training``: write a project's training as a script or a notebook."""
    out = out or sys.stdout
    project = load_project(args.project)
    if args.script is not None:
        target, write = args.script, training_export.write_training_script
    elif args.notebook is not None:
        target, write = args.notebook, training_export.write_notebook
    else:
        target, write = args.torch, training_export.write_torch_script
    write(target, project)
    say(f"Wrote {printable(target)}.", out)
    return 0


def _open_window(project: Path | None) -> int:
    from nnsim.gui.app import run  # Qt loads only for the window

    return run(project=project)


def _desktop(install: bool) -> int:
    """``--install-desktop`` / ``--uninstall-desktop``: the Linux menu entry, icon and type."""
    if not sys.platform.startswith("linux"):
        raise NnsimError("A desktop entry is for Linux desktops (freedesktop.org); on this "
                         "system, start nnsim with the nnsim command.")  # fmt: skip
    from nnsim.gui import desktop  # (Qt draws the icons)

    home = desktop.data_home()
    for line in desktop.install(home) if install else desktop.uninstall(home):
        say(line)
    return 0


def _list_examples() -> int:
    for name, make in datasets.DATASETS.items():
        say(f"{name:22} {make().description}")
    return 0


def main(argv=None) -> int:
    """Run the ``nnsim`` command and return its exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if len(argv) == 1 and argv[0].endswith(SUFFIX):
        return _open_window(Path(argv[0]))
    args = build_parser().parse_args(argv)
    try:
        if args.command == "examples":
            return _list_examples()
        if args.install_desktop or args.uninstall_desktop:
            return _desktop(install=args.install_desktop)
        if args.command is None:
            return _open_window(None)
        if args.command == "export-training":
            return export_training(args)
        if args.command in cli_memory.COMMANDS:
            return cli_memory.run(args, sys.stdout, say, printable)
        return run_training(args)
    except NnsimError as exc:
        say(f"nnsim: {printable(exc)}", sys.stderr)
        return 1
    except KeyboardInterrupt:
        say("\nnnsim: stopped.", sys.stderr)
        return 130
