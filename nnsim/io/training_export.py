"""A network's training taken elsewhere: a NumPy script, a notebook, a PyTorch script.

:func:`write_training_script` writes a Python file needing only NumPy that
builds the project's data and network, trains it from the seed with the
project's settings and prints (or saves) the weights.  It does nnsim's
arithmetic in nnsim's order (:mod:`nnsim.io.training_code`), so on the
machine and NumPy that ran nnsim its weights are nnsim's after the same
epochs, bit for bit (tested by running it); elsewhere the last digits may
differ, as any two BLAS kernels round differently.  :func:`write_notebook`
writes the same code as a Jupyter notebook, in cells with words between them
and the error curve plotted; :func:`write_torch_script` writes the same
network in PyTorch (:mod:`nnsim.io.torch_code`), which trains alike but not
to the same bits.  Each takes a :class:`~nnsim.io.project.Project`
(``session.project()`` for the open work) and writes atomically.

Why the script's own code, not the engine's source (``inspect.getsource``):
the engine's methods live in classes with buffers, stop requests, snapshots
and nnsim's errors, so lifting them would copy most of the engine, about
1,500 lines, into a file meant for a student to read, and would fail in an
installation without sources.  The script holds the hundred lines of plain
NumPy that do the same sums; the activations are :mod:`network_export`'s
formulas (one definition for both scripts), and the tests compare the script
with the engine for every activation, loss, optimiser and perceptron rule,
so a change to the engine's arithmetic that the script does not follow fails
them.

Files are data, never code (DESIGN.md section 6): every value from the
project enters the code as a literal made here: ``repr()`` of a float, an
int, a bool or a string, lists of them, and names checked against the
engine's (activations, losses, initialisers, optimisers, rules).  The
network's name is the only free text, and it appears only as ``NAME = '...'``
(never in a docstring, a comment or a notebook's text cell).
"""

from dataclasses import dataclass

import numpy as np

from nnsim import __version__
from nnsim.engine.activations import LEAKY_SLOPE, backprop_obstacle, get_activation
from nnsim.engine.losses import LOG_EPSILON, check_targets
from nnsim.engine.mlp import MLP
from nnsim.engine.optimizers import DELTA_MAX, DELTA_MIN, ETA_MINUS, ETA_PLUS, Adam
from nnsim.errors import ConfigError, ExportError
from nnsim.io import training_code as code
from nnsim.io.network_export import _functions_source, _write_text, skip_sources
from nnsim.io.project import Project
from nnsim.model.run_data import derived_inputs, source_data
from nnsim.model.settings import Settings
from nnsim.model.starters import DEFAULT_SETTINGS
from nnsim.model.training_run import prepare_training
from nnsim.text import translate


@dataclass(frozen=True)
class TrainingExport:
    """What a training depends on, each value already a literal of Python code.

    Build it with :meth:`of`; ``values`` maps the templates' ``$names`` to literals.
    """

    kind: str
    values: dict
    sizes: tuple
    has_data_split: bool

    @classmethod
    def of(cls, project: Project) -> "TrainingExport":
        """Gather a project's training; raises ConfigError (or another NnsimError) if none."""
        if project.document.kind == "hopfield":
            raise ConfigError(
                translate(
                    "TrainingExport",
                    "This export is for trained networks: a Hopfield memory stores its "
                    "patterns in one step rather than training on data, so it has no training "
                    "to export.",
                )
            )
        settings = Settings(project.data, **{**DEFAULT_SETTINGS, **project.settings})
        config = settings.training_config()  # refuses what a run would refuse
        compiled, data, validation = prepare_training(project.document, settings)
        if config.patience and validation is None:
            raise ConfigError(
                translate(
                    "TrainingExport",
                    "Early stopping (patience) needs validation data: set a validation share "
                    "or set the patience to 0.",
                )
            )
        network = compiled.network
        is_mlp = isinstance(network, MLP)
        if is_mlp:
            obstacle = backprop_obstacle([get_activation(a) for a in network.activations])
            if obstacle:
                raise ConfigError(obstacle)
            check_targets(network.loss, data.T)
        source = source_data(settings)
        sizes = (network.n_inputs, *(w.shape[0] for w in network.parameters()[0]))
        masks = network.masks
        v = {
            "name": repr(str(project.document.name)),
            "kind": repr("mlp" if is_mlp else "perceptron"),
            "sizes": repr([int(n) for n in sizes]),
            "bias": repr(bool(network.has_bias)),
            "learning_rate": _float(config.learning_rate),
            "lr_schedule": repr(str(config.lr_schedule)),
            "lr_decay": _float(config.lr_decay),
            "lr_step": repr(int(config.lr_step)),
            "seed": repr(int(config.seed)),
            "max_epochs": repr(int(config.max_epochs)),
            "target_error": _float_or_none(config.target_error),
            "patience": repr(None if not config.patience else int(config.patience)),
            "validation_share": _float(settings["validation_share"]),
            "normalisation": repr(str(settings["normalisation"])),
            "derived": repr(list(derived_inputs(settings))),
            "input_noise": _float(config.input_noise),
            "masks": "None" if masks is None else _list_of_arrays(masks),
            "activations": repr([str(a) for a in network.activations]),
            "skips": repr(skip_sources(network)),
            "X": _array(source.X),
            "T": _array(source.T),
            "labels": (
                f"np.array({[int(k) for k in source.y]!r})"
                if source.task == "classification"
                else "None"
            ),
            "n_classes": repr(int(source.n_classes)),
        }
        if is_mlp:
            adam = Adam()
            v |= {
                "loss": repr(str(network.loss)),
                "dropout": repr([float(p) for p in network.dropout]),
                "init": repr(str(settings["init"])),
                "init_limit": _float(settings["init_limit"]),
                "optimizer": repr(str(config.optimizer)),
                "momentum": _float(config.momentum),
                "batch_size": repr(None if config.batch_size is None else int(config.batch_size)),
                "l1": _float(config.l1),
                "l2": _float(config.l2),
                "epsilon": _float(LOG_EPSILON),
                "adam": ", ".join(_float(x) for x in (adam.beta1, adam.beta2, adam.epsilon)),
                "rprop": ", ".join(_float(x) for x in (ETA_PLUS, ETA_MINUS, DELTA_MAX, DELTA_MIN)),
            }
        else:
            v["rule"] = repr(str(network.rule))
        epochs = _epochs_trained(project)
        v |= _saved_weights(project, epochs, [w.shape for w in network.parameters()[0]])
        v["epochs"] = repr(epochs if epochs else int(config.max_epochs))
        return cls("mlp" if is_mlp else "perceptron", v, sizes, validation is not None)

    def part(self, template) -> str:
        """``template`` (of :mod:`~nnsim.io.training_code`) with this training's literals."""
        return template.substitute(self.values)

    def settings_code(self) -> str:
        own = code.MLP_SETTINGS if self.kind == "mlp" else code.PERCEPTRON_SETTINGS
        return self.part(code.COMMON_SETTINGS) + self.part(own)

    def network_code(self) -> str:
        if self.kind == "perceptron":
            return self.part(code.PERCEPTRON_NETWORK)
        slopes = "\n".join(
            f"    if name == {name!r}:\n        return {formula}"
            for name, formula in code.SCRIPT_SLOPES.items()
        )
        slopes = slopes.replace("$leaky", repr(LEAKY_SLOPE))
        return code.MLP_NETWORK.substitute(self.values, slopes=slopes)


def _float(value) -> str:
    number = float(value)
    if not np.isfinite(number):
        raise ExportError(
            translate(
                "TrainingExport", "A setting holds {number}, which a script cannot train with."
            ).format(number=number)
        )
    return repr(number)


def _float_or_none(value) -> str:
    return "None" if value is None else _float(value)


def _array(values, indent: str = "") -> str:
    """An array as ``np.array([...])`` code: one row a line, every float written exactly."""
    array = np.asarray(values, dtype=np.float64)
    if not np.isfinite(array).all():
        raise ExportError(
            translate(
                "TrainingExport",
                "The data or weights hold a number that is not finite: a script cannot train "
                "on it.",
            )
        )
    if array.ndim == 1:
        return f"np.array({array.tolist()!r})"
    rows = "".join(f"{indent}    {row!r},\n" for row in array.tolist())
    return f"np.array([\n{rows}{indent}])"


def _list_of_arrays(arrays) -> str:
    return "[\n" + "".join(f"    {_array(a, '    ')},\n" for a in arrays) + "]"


def _epochs_trained(project: Project) -> int:
    epochs = project.history.get("epochs")
    return int(epochs[-1]) if epochs is not None and len(epochs) else 0


def _saved_weights(project: Project, epochs: int, shapes) -> dict:
    """The project's trained weights as literals, or None when it holds none that fit."""
    weights, biases = project.weights, project.biases
    fits = (
        weights is not None
        and biases is not None
        and [np.shape(w) for w in weights] == shapes
        and [np.shape(b) for b in biases] == [(n_out,) for n_out, _ in shapes]
    )
    if not fits:
        return {"weights": "None", "biases": "None", "nnsim_epochs": "0"}
    return {
        "weights": _list_of_arrays(weights),
        "biases": _list_of_arrays(biases),
        "nnsim_epochs": repr(int(epochs)),
    }


# ------------------------------------------------------------------ the script
def training_script_text(project: Project) -> str:
    """The text :func:`write_training_script` writes."""
    export = TrainingExport.of(project)
    header = SCRIPT_HEADER.format(
        version=__version__,
        sizes="-".join(str(n) for n in export.sizes),
        kind="MLP" if export.kind == "mlp" else "perceptron",
    )
    parts = [
        header,
        "import argparse\n" + code.IMPORTS.template,
        export.settings_code(),
        export.part(code.DATA),
        export.part(code.NNSIM_WEIGHTS),
        code.PREPARE.template,
        _functions_source(),
        export.network_code(),
        code.TRAIN.template,
        code.REPORT.template,
        code.OUTPUTS.template,
        code.COMPARE.template,
        code.MAIN.template,
    ]
    return "\n\n\n".join(part.rstrip("\n") for part in parts) + "\n"


def write_training_script(path, project: Project) -> None:
    """Write a Python file (NumPy only) that trains ``project``'s network again from its seed.

    Run as ``python FILE.py [--epochs N] [--save W.npz] [--compare W.npz]`` it
    prints the error as training goes, the weights, and whether they are the
    project's.  Raises ConfigError (a Hopfield memory, a network that cannot
    train) or ExportError (the file cannot be written).
    """
    _write_text(path, training_script_text(project))


SCRIPT_HEADER = '''#!/usr/bin/env python3
"""Training a {sizes} {kind} again, exported from nnsim {version}; it needs only NumPy.

    python this_file.py                  train as nnsim did, print the error and weights
    python this_file.py --epochs 500     train 500 epochs instead
    python this_file.py --save w.npz     also write the weights W1, b1, W2, ... to w.npz

It builds the data and the network, draws the first weights from SEED and
trains with the settings below, doing nnsim's sums in nnsim's order: on the
computer (and NumPy) that trained the network in nnsim, its weights are
nnsim's after as many epochs, bit for bit; on another, the last digits may
differ. The network's name in nnsim is NAME.
"""'''


# ---------------------------------------------------------------- the notebook
def write_notebook(path, project: Project) -> None:
    """Write a Jupyter notebook (.ipynb) that trains ``project``'s network again, step by step.

    Its cells explain each step, build the data and network, train as
    :func:`write_training_script`'s script does, plot the error (matplotlib if
    installed, else a table) and compare the weights with the project's
    (:mod:`nnsim.io.training_notebook`).
    """
    from nnsim.io.training_notebook import notebook_text

    _write_text(path, notebook_text(TrainingExport.of(project)))


# ------------------------------------------------------------ the PyTorch script
def write_torch_script(path, project: Project) -> None:
    """Write a PyTorch script that builds and trains ``project``'s network the torch way.

    The same layers, activations, loss, optimiser, learning rate, momentum,
    batch size, seed and skip connections, but PyTorch's own random numbers
    and kernels: it trains alike, not to the same bits (its header says so).
    """
    from nnsim.io.torch_code import torch_script_text

    _write_text(path, torch_script_text(TrainingExport.of(project)))
