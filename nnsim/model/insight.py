"""What the views inside a network keep of a run, in bounded memory.

Each report of a run made with ``include_insight`` carries each layer's
gradient size and update ratio and each training sample's error
(:mod:`nnsim.engine.insight`).  :class:`TrainingInsight` keeps them over
the run, as :class:`~nnsim.model.history.LossHistory` keeps the error: at
most :data:`MAX_GRADIENT_POINTS` reports of gradients and at most
:data:`MAX_LEDGER_CELLS` sample errors, keeping every other report once
full, so the records cover the whole run at any length.  The Gradient flow
view draws :attr:`TrainingInsight.gradients`, the Samples view
:attr:`TrainingInsight.ledger`.
"""

import numpy as np

from nnsim.model.ledger import hardest

#: Reports of gradient sizes kept (every other one dropped when full).
MAX_GRADIENT_POINTS = 2048
#: Sample errors kept over all reports (float32, 32 MB), and at most this many reports.
MAX_LEDGER_CELLS = 8_000_000
MAX_LEDGER_POINTS = 256


class ThinnedRows:
    """Rows of numbers, one per report, with the report's epoch; every other one is dropped
    when ``limit`` are held (the first and the newest always stay).

    Attributes
    ----------
    epochs : np.ndarray, shape (m,)
    rows : np.ndarray, shape (m, width)
    """

    def __init__(self, limit: int, dtype=np.float64):
        self.limit, self.dtype = limit, dtype
        self.clear()

    def clear(self) -> None:
        self._epochs: list[int] = []
        self._rows: list[np.ndarray] = []

    def add(self, epoch: int, row) -> None:
        """Keep ``row`` for ``epoch``; a row of another width starts the record again."""
        row = np.asarray(row, dtype=self.dtype)
        if self._rows and self._rows[-1].shape != row.shape:
            self.clear()
        self._epochs.append(int(epoch))
        self._rows.append(row)
        if len(self._rows) > self.limit:
            newest = (self._epochs[-1], self._rows[-1])
            self._epochs, self._rows = self._epochs[:-1:2], self._rows[:-1:2]
            self._epochs.append(newest[0])
            self._rows.append(newest[1])

    def truncate(self, epoch: int) -> None:
        """Forget the rows of epochs after ``epoch`` (training went back to it)."""
        kept = int(np.searchsorted(self._epochs, epoch, side="right"))
        del self._epochs[kept:], self._rows[kept:]

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def epochs(self) -> np.ndarray:
        return np.array(self._epochs, dtype=np.int64)

    @property
    def latest(self) -> np.ndarray | None:
        """The newest row (None before any)."""
        return self._rows[-1] if self._rows else None

    @property
    def rows(self) -> np.ndarray:
        if not self._rows:
            return np.empty((0, 0), dtype=self.dtype)
        return np.stack(self._rows)


class TrainingInsight:
    """The gradient sizes, update ratios and sample errors of the reports of a network's runs.

    Attributes
    ----------
    gradients : ThinnedRows
        Per report, each weight layer's root-mean-square gradient, shape (m, L).
    ratios : ThinnedRows
        Per report, each weight layer's update / weight ratio, shape (m, L).
    ledger : ThinnedRows
        Per report, each training sample's error, shape (m, n), float32.
    """

    def __init__(self):
        self.gradients = ThinnedRows(MAX_GRADIENT_POINTS)
        self.ratios = ThinnedRows(MAX_GRADIENT_POINTS)
        self.ledger = ThinnedRows(MAX_LEDGER_POINTS, np.float32)

    def clear(self) -> None:
        for record in self._records:
            record.clear()

    @property
    def _records(self) -> tuple[ThinnedRows, ...]:
        return self.gradients, self.ratios, self.ledger

    def take(self, report) -> None:
        """Keep what ``report`` carries (its ``epoch`` counted since the last reset)."""
        if report.gradient_sizes is not None:
            self.gradients.add(report.epoch, report.gradient_sizes)
            self.ratios.add(report.epoch, report.update_ratios)
        errors = report.sample_errors
        if errors is not None:
            fits = MAX_LEDGER_CELLS // max(errors.size, 1)
            self.ledger.limit = max(2, min(MAX_LEDGER_POINTS, fits))
            self.ledger.add(report.epoch, errors)

    def truncate(self, epoch: int) -> None:
        """Forget what came after ``epoch`` (training went back to it)."""
        for record in self._records:
            record.truncate(epoch)

    def hardest(self, count: int) -> np.ndarray:
        """The indices of the ``count`` training samples with the largest latest error, largest
        first (ties by index); empty before any report."""
        latest = self.ledger.latest
        return np.empty(0, dtype=np.int64) if latest is None else hardest(latest, count)
