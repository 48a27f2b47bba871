"""The ``nnsim`` command.

``nnsim train --example xor --epochs 5000`` trains a network on one of the
built-in data sets without a window, printing progress (a bar on a terminal,
plain lines otherwise) and the final error and accuracy.  ``nnsim examples``
lists the data sets.  Until the desktop window lands, ``nnsim`` on its own
runs the XOR demo.
"""

import argparse
import sys

from nnsim import __version__
from nnsim.engine import MLP, Perceptron, TrainingConfig, datasets, train
from nnsim.errors import NnsimError

#: How each example is trained unless the command line says otherwise.
PRESETS = {
    "and": {"model": "perceptron", "learning_rate": 0.1, "target_error": 0.0},
    "or": {"model": "perceptron", "learning_rate": 0.1, "target_error": 0.0},
    "nand": {"model": "perceptron", "learning_rate": 0.1, "target_error": 0.0},
    "blobs": {"model": "perceptron", "learning_rate": 0.1, "target_error": 0.0},
    "ladybird_caterpillar": {"model": "perceptron", "learning_rate": 0.1, "target_error": 0.0},
    "km_to_miles": {"model": "perceptron", "rule": "nlms", "bias": False, "learning_rate": 0.5},
    "xor": {"hidden": [4], "activation": "sigmoid", "loss": "sse", "learning_rate": 0.5},
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


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block."""

    def error(self, message):
        self.exit(2, f"nnsim: {message} (see nnsim --help)\n")


def _hidden_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--hidden wants neuron counts separated by commas, like 4 or 10,10; got {text!r}"
        ) from None
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError(f"every hidden layer needs at least 1 neuron: {text!r}")
    return sizes


def _positive(kind):
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"{text!r} must be greater than 0")
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="nnsim", description="A neural-network simulator for learning.")
    parser.add_argument("--version", action="version", version=f"nnsim {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_OneLineParser)
    commands.add_parser("examples", help="list the built-in data sets")
    trainer = commands.add_parser("train", help="train a network without a window")
    trainer.add_argument("--example", default="xor", choices=sorted(datasets.DATASETS))
    trainer.add_argument("--epochs", type=_positive(int), default=5000)
    trainer.add_argument("--learning-rate", type=_positive(float))
    trainer.add_argument("--momentum", type=float)
    trainer.add_argument("--optimizer", choices=["sgd", "adam"])
    trainer.add_argument("--batch-size", type=_positive(int))
    trainer.add_argument("--hidden", type=_hidden_sizes, help="hidden layer sizes, e.g. 4 or 10,10")
    trainer.add_argument("--activation", help="hidden activation (sigmoid, tanh, relu, ...)")
    trainer.add_argument("--loss", choices=["sse", "mse", "bce", "cce"])
    trainer.add_argument("--target-error", type=float)
    trainer.add_argument("--seed", type=int, default=0)
    return parser


def _settings(args) -> dict:
    settings = {"model": "mlp", "rule": "rosenblatt", "bias": True, "hidden": [4]}
    settings.update({"activation": "sigmoid", "output": None, "loss": "sse", "learning_rate": 0.5})
    settings.update(PRESETS.get(args.example, {}))
    overrides = {
        "learning_rate": args.learning_rate,
        "momentum": args.momentum,
        "optimizer": args.optimizer,
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
    data = datasets.load(args.example)
    settings = _settings(args)
    if settings.get("standardize"):
        (data,) = datasets.standardize(data)
    net = _network(settings, data, args.seed)
    config_keys = ("learning_rate", "momentum", "optimizer", "batch_size", "target_error")
    config = TrainingConfig(
        max_epochs=args.epochs,
        seed=args.seed,
        **{key: settings[key] for key in config_keys if key in settings},
    )
    on_terminal = out.isatty()
    print(f"Training a {_describe(net)} on {data.name}: {data.description}", file=out)
    run = train(net, data, config)
    next_line_at = 0
    while True:
        try:
            report = next(run)
        except StopIteration as finished:
            summary = finished.value
            break
        if on_terminal:
            print(_progress_line(report, True), end="", flush=True, file=out)
        elif report.epoch >= next_line_at:  # a plain line per tenth of the run at most
            print(_progress_line(report, False), file=out)
            tenth = report.max_epochs / 10
            next_line_at = (report.epoch // tenth + 1) * tenth
    if on_terminal:
        print(file=out)
    accuracy = f", accuracy {summary.accuracy:.1%}" if summary.accuracy is not None else ""
    print(f"{summary.message} Final error {summary.train_loss:.6g}{accuracy}.", file=out)
    return 0


def _list_examples() -> int:
    for name, make in datasets.DATASETS.items():
        print(f"{name:22} {make().description}")
    return 0


def main(argv=None) -> int:
    """Run the ``nnsim`` command and return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "examples":
            return _list_examples()
        if args.command is None:
            from nnsim.gui.app import run  # Qt loads only for the window

            return run()
        return run_training(args)
    except NnsimError as exc:
        print(f"nnsim: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nnnsim: stopped.", file=sys.stderr)
        return 130
