"""Which part of the data to score a trained network on: the held-out part whenever there is one.

A network that has learned its training data scores it almost perfectly (the
digits example: all 1438 training samples right), so a score on the training
data says little about digits it has never seen.  The held-out (validation)
part is what the network never trained on, and its mistakes are the lesson;
the training part stays available for comparison.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from nnsim.engine.datasets import Dataset

HELD_OUT = "held-out"
TRAINING = "training"


@dataclass(frozen=True)
class DataPart:
    """One part of the data a network can be scored on.

    Attributes
    ----------
    kind : {"held-out", "training"}
    data : Dataset
    """

    kind: str
    data: Dataset

    @property
    def label(self) -> str:
        """What a list of parts calls it, with its size: "Held-out data (359 samples)"."""
        return f"{self.kind.capitalize()} data ({_samples(self.data.n_samples)})"

    @property
    def sentence(self) -> str:
        """Which part is scored, in words, for the line above the scores."""
        n = _samples(self.data.n_samples)
        if self.kind == HELD_OUT:
            return f"Scored on the held-out data: {n} the network never trained on."
        return f"Scored on the training data: the {n} the network learned from."


def data_parts(data: Dataset, validation: Dataset | None = None) -> tuple[DataPart, ...]:
    """The parts of the data that can be scored, the one to score by default first.

    Parameters
    ----------
    data : Dataset
        The training part.
    validation : Dataset or None
        The held-out part (None, or no samples, when nothing is held out).

    Returns
    -------
    tuple of DataPart
        ``(held-out, training)`` when something is held out, else ``(training,)``.
    """
    training = DataPart(TRAINING, data)
    if validation is None or validation.n_samples == 0:
        return (training,)
    return (DataPart(HELD_OUT, validation), training)


def choose_part(parts: Sequence[DataPart], wanted: str | None) -> DataPart:
    """The part of kind ``wanted`` if ``parts`` has one, else the default (the first)."""
    return next((part for part in parts if part.kind == wanted), parts[0])


def _samples(n: int) -> str:
    return f"{n} sample" if n == 1 else f"{n} samples"
