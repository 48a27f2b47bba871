"""The colours nnsim draws with, one place for all views (Okabe-Ito: safe for colour-blind eyes)."""

#: A weight's sign, on the network diagram and in every plot of weights.
POSITIVE = "#0072B2"
NEGATIVE = "#D55E00"
#: Classes 0, 1, 2, ... in plots of data.
CLASS_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")

#: Curves of the training and the validation error.
TRAIN = "#0072B2"
VALIDATION = "#D55E00"
ACCURACY = "#009E73"
#: Marks of something wrong: a misclassified sample, a neuron a topology error names.
WRONG = "#E00000"


def class_colour(label) -> str:
    """Class ``label``'s colour in plots of data: :data:`CLASS_COLOURS` in turn, from the start
    again after the seventh class."""
    return CLASS_COLOURS[int(label) % len(CLASS_COLOURS)]


#: Kept runs side by side (runComparison): each run's curve, swatch and column.
RUNS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
