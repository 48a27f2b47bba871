"""The notebook of an exported training (:func:`.training_export.write_notebook`).

The cells hold the NumPy script's code (:mod:`nnsim.io.training_code`), cut
where a student would stop to read: the settings, the data, holding samples
out and rescaling, the network and how it learns, training, the error curve
(matplotlib when it is installed, else a table: the notebook runs without
it), and the weights compared with the project's.  The text cells hold
nnsim's words and numbers only (the sizes, nnsim's version): a name from the
project appears only in a code cell, as a literal, never as Markdown a
notebook would render.
"""

import nbformat
import nbformat.v4 as nbf

from nnsim import __version__
from nnsim.io import training_code as code
from nnsim.io.network_export import _functions_source
from nnsim.io.training_export import TrainingExport
from nnsim.text import translate


def notebook(export: TrainingExport):
    """The notebook of a training, as an ``nbformat`` NotebookNode."""
    texts = notebook_texts(export)
    cells = [
        nbf.new_markdown_cell(texts["title"]),
        nbf.new_code_cell(code.IMPORTS.template + "\n" + export.settings_code()),
        nbf.new_markdown_cell(texts["data"]),
        nbf.new_code_cell(export.part(code.DATA)),
        nbf.new_markdown_cell(texts["prepare"]),
        nbf.new_code_cell(code.PREPARE.template + "\n\n" + PREPARE_CALL),
        nbf.new_markdown_cell(texts["network"]),
        nbf.new_code_cell(_functions_source() + "\n\n" + export.network_code()),
        nbf.new_markdown_cell(texts["train"]),
        nbf.new_code_cell(
            code.TRAIN.template + "\n\n" + code.REPORT.template + "\n\n" + TRAIN_CALL
        ),
        nbf.new_markdown_cell(texts["plot"]),
        nbf.new_code_cell(PLOT),
        nbf.new_markdown_cell(texts["compare"]),
        nbf.new_code_cell(
            export.part(code.NNSIM_WEIGHTS)
            + "\n\n"
            + code.OUTPUTS.template
            + "\n\n"
            + code.COMPARE.template
            + COMPARE_CALL
        ),
    ]
    book = nbf.new_notebook(cells=cells)
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                   "language": "python"}  # fmt: skip
    book.metadata["language_info"] = {"name": "python"}
    return book


def notebook_text(export: TrainingExport) -> str:
    """The notebook's file: JSON, as ``nbformat`` writes it."""
    return nbformat.writes(notebook(export))


PREPARE_CALL = """X, T, X_val, T_val = prepare_data()
print(f"{len(X)} samples to train on", "" if X_val is None else f"and {len(X_val)} held out")"""

TRAIN_CALL = """weights, biases, errors, validation_errors, stopped = train(
    EPOCHS, X, T, X_val, T_val
)
print(f"Trained {len(errors)} epochs ({stopped}); the error is now {errors[-1]:.6g}."
      if errors else "No epoch was trained.")"""

PLOT = """try:
    import matplotlib.pyplot as plt
except ImportError:  # no matplotlib: the error as a table instead
    plt = None
if plt is None:
    print_errors(errors, validation_errors)
else:
    plt.plot(range(1, len(errors) + 1), errors, label="training error")
    if validation_errors:
        plt.plot(range(1, len(validation_errors) + 1), validation_errors, label="validation error")
    plt.xlabel("epoch")
    plt.ylabel("error")
    plt.legend()
    plt.show()"""

COMPARE_CALL = """

print_outputs(weights, biases, X, T)
print_weights(weights, biases)
compare_with_nnsim(weights, biases, len(errors))"""


def notebook_texts(export: TrainingExport) -> dict:
    """The notebook's text cells: nnsim's words, with only numbers of the project in them."""
    sizes = "-".join(str(n) for n in export.sizes)
    if export.kind == "mlp":
        network = translate(
            "TrainingExport",
            "## The network\n\nEach layer computes *A* = *f*(*A*<sub>before</sub> *W*<sup>T</sup>"
            " + *b*): *W* holds one row of weights per neuron. Training sends the error back "
            "through the layers (backpropagation) and moves every weight a step against its "
            "gradient: Δ*w* = -η ∂*E*/∂*w*. The functions below do the sums nnsim does, in "
            "the same order.",
        )
        if export.values["optimizer"] in (repr("rprop"), repr("irprop-")):
            network += translate(
                "TrainingExport",
                "\n\nThis network learns by Rprop (`OPTIMIZER`): each weight has its own "
                "step, which starts at the learning rate, grows while ∂*E*/∂*w* keeps its sign "
                "and shrinks when the sign flips; only the sign of the gradient moves the "
                "weight.",
            )
    else:
        network = translate(
            "TrainingExport",
            "## The network\n\nA perceptron is one layer of neurons fed by the inputs: each "
            "computes *u* = *w*·*x* + *b*. It learns sample by sample, Δ*w* = η (*t* - *y*) "
            "*x* (the normalised rule divides by |*x*|²); the Rosenblatt rule learns only from "
            "its mistakes.",
        )
    return {
        "title": translate(
            "TrainingExport",
            "# Training a {sizes} network again, as nnsim does\n\nThis notebook was "
            "exported from nnsim {version}. It builds the data and the network, draws the "
            "first weights from the seed and trains with nnsim's settings, using NumPy only. "
            "On the computer that trained the network in nnsim, the weights it ends with are "
            "nnsim's, bit for bit. Run the cells in order; change a setting in the next cell "
            "and run them again to see what it does.",
        ).format(sizes=sizes, version=__version__),
        "data": translate(
            "TrainingExport",
            "## The data\n\nEvery sample is one row: its inputs in `X_ALL`, the outputs the "
            "network should give in `T_ALL`.",
        ),
        "prepare": translate(
            "TrainingExport",
            "## Held-out samples and rescaled inputs\n\nA share of the samples can be held "
            "out to see how the network does on data it never learns from; inputs can be "
            "rescaled, measured on the training part only.",
        ),
        "network": network,
        "train": translate(
            "TrainingExport",
            "## Training\n\nOne epoch is one pass over the training samples. Training stops "
            "after `EPOCHS` epochs, or earlier at the target error or when the validation "
            "error stops falling.",
        )
        + _schedule_text(export),
        "plot": translate(
            "TrainingExport",
            "## The error curve\n\nHow the error fell, epoch by epoch.",
        ),
        "compare": translate(
            "TrainingExport",
            "## The weights, and nnsim's\n\nThe trained weights, compared with those the "
            "project held when it was exported.",
        ),
    }


def _schedule_text(export: TrainingExport) -> str:
    """A sentence on the learning-rate schedule, when there is one (translated), else ''."""
    if export.values["lr_schedule"] == repr("constant"):
        return ""
    return translate(
        "TrainingExport",
        " The learning rate falls as training goes (`LR_SCHEDULE`): `learning_rate(epoch)` "
        "gives the rate of each epoch.",
    )
