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
from nnsim.text import translate

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
        if self.kind == HELD_OUT:
            label = translate("DataPart", "Held-out data ({samples})")
        else:
            label = translate("DataPart", "Training data ({samples})")
        return label.format(samples=_samples(self.data.n_samples))

    @property
    def sentence(self) -> str:
        """Which part is scored, in words, for the line above the scores."""
        n = _samples(self.data.n_samples)
        if self.kind == HELD_OUT:
            said = translate(
                "DataPart", "Scored on the held-out data: {samples} the network never trained on."
            )
        else:
            said = translate(
                "DataPart", "Scored on the training data: the {samples} the network learned from."
            )
        return said.format(samples=n)


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
    if n == 1:
        return translate("Scoring", "{count} sample").format(count=n)
    return translate("Scoring", "{count} samples").format(count=n)
