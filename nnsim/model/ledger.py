r"""What the Samples view reads from the sample ledger: each training sample's error.

:attr:`TrainingInsight.ledger <nnsim.model.insight.TrainingInsight.ledger>` keeps,
for each kept report of a run, every training sample's error :math:`E_p`
(shape (n,)).  :func:`frame_at` picks the report of the epoch shown (the
newest, or the one at or before a rewound epoch) and, to show which way each
error goes, the one a quarter of the run before it; :func:`hardest` orders
samples by error, :func:`misclassified` lists the wrongly classified ones
worst first, and :func:`ledger_table` writes every sample's numbers for a CSV
file.  Qt-free, so a script reads the same numbers as the view.
"""

from dataclasses import dataclass

import numpy as np

from nnsim.engine.datasets import Dataset
from nnsim.engine.insight import evenly_chosen
from nnsim.engine.metrics import labels_from_outputs

#: The trend compares each error with the one this share of the run (in epochs) before.
TREND_SHARE = 0.25
#: A CSV file holds each sample's errors at most at this many kept reports, evenly spread.
TABLE_EPOCHS = 64


@dataclass(frozen=True)
class LedgerFrame:
    """Each training sample's error at one kept report, and at an earlier one.

    Attributes
    ----------
    epoch : int
        The report's epoch (counted since the last reset).
    errors : np.ndarray, shape (n,)
        :math:`E_p` of each training sample ``p`` at ``epoch``.
    earlier_epoch : int
        The kept report about :data:`TREND_SHARE` of the run before ``epoch``
        (``epoch`` itself when no report is kept before it).
    earlier : np.ndarray, shape (n,)
        The errors at ``earlier_epoch``.
    """

    epoch: int
    errors: np.ndarray
    earlier_epoch: int
    earlier: np.ndarray

    @property
    def change(self) -> np.ndarray:
        r""":math:`E_p(\text{epoch}) - E_p(\text{earlier epoch})`, shape (n,): above 0, worse."""
        return self.errors.astype(np.float64) - self.earlier


def frame_at(epochs: np.ndarray, rows: np.ndarray, epoch: int | None = None) -> LedgerFrame | None:
    """The errors of the newest kept report at or before ``epoch`` (None: the newest).

    Parameters
    ----------
    epochs : array, shape (m,)
        The kept reports' epochs, ascending (``ledger.epochs``).
    rows : array, shape (m, n)
        Their sample errors (``ledger.rows``).
    epoch : int or None
        The epoch shown (a rewound one), or None for the newest report.

    Returns
    -------
    LedgerFrame or None
        None when no report is kept by ``epoch``.
    """
    index = len(epochs) - 1 if epoch is None else int(np.searchsorted(epochs, epoch, "right")) - 1
    if index < 0:
        return None
    now = int(epochs[index])
    back = int(np.searchsorted(epochs, now * (1.0 - TREND_SHARE), "right")) - 1
    back = min(max(back, 0), index)
    return LedgerFrame(now, rows[index], int(epochs[back]), rows[back])


def hardest(errors: np.ndarray, count: int) -> np.ndarray:
    """The indices of the ``count`` largest ``errors`` (shape (n,)), largest first, ties by
    index: :meth:`TrainingInsight.hardest <nnsim.model.insight.TrainingInsight.hardest>`
    for any row of the ledger."""
    order = np.lexsort((np.arange(errors.size), -np.asarray(errors)))
    return order[:count]


def misclassified(y: np.ndarray, predicted: np.ndarray, errors: np.ndarray, most: int):
    """The samples whose ``predicted`` class (n,) is not their class ``y`` (n,): at most
    ``most`` of them, those with the largest ``errors`` (n,) first."""
    wrong = np.flatnonzero(np.asarray(predicted) != np.asarray(y))
    return wrong[hardest(errors[wrong], most)]


def ledger_table(
    data: Dataset, outputs: np.ndarray, frame: LedgerFrame, epochs: np.ndarray, rows: np.ndarray
) -> tuple[list[str], list[list]]:
    """Every training sample's numbers, for a CSV file (English column names: data).

    Parameters
    ----------
    data : Dataset
        The training part the ledger counts (n samples).
    outputs : array, shape (n, K)
        The network's outputs for ``data.X``.
    frame : LedgerFrame
        The errors shown.
    epochs, rows : arrays, shapes (m,) and (m, n)
        The ledger; at most :data:`TABLE_EPOCHS` of its reports, evenly spread, get a column.

    Returns
    -------
    header, rows
        One row per sample: its number (1-based), its class and the class predicted
        (classification) or its targets and the outputs (regression), its error at
        the epoch shown, then its error at each chosen report.
    """
    kept = evenly_chosen(len(epochs), TABLE_EPOCHS)
    history = rows[kept].T.tolist()  # (n, chosen)
    header = ["sample", *_target_columns(data, outputs.shape[1]), f"error at epoch {frame.epoch}"]
    header += [f"error at epoch {e}" for e in epochs[kept]]
    targets = _target_cells(data, outputs)
    errors = frame.errors.tolist()
    body = [
        [p + 1, *targets[p], errors[p], *history[p]] for p in range(data.n_samples)
    ]  # fmt: skip
    return header, body


def _target_columns(data: Dataset, n_outputs: int) -> list[str]:
    if data.task == "classification":
        return ["class", "predicted"]
    if n_outputs == 1:
        return ["target", "output"]
    return [f"target {k}" for k in range(1, n_outputs + 1)] + [
        f"output {k}" for k in range(1, n_outputs + 1)
    ]


def _target_cells(data: Dataset, outputs: np.ndarray) -> list[list]:
    """Each sample's class and predicted class (names), or its targets and outputs."""
    if data.task == "classification":
        names = np.array(data.class_names, dtype=object)
        return np.column_stack([names[data.y], names[labels_from_outputs(outputs)]]).tolist()
    return np.hstack([data.T, outputs]).tolist()
