"""The errors of a network's training, kept for plots, project files and exports, in bounded memory.

:class:`LossHistory` keeps the training error of every epoch while a run is
short.  Once it holds :data:`MAX_POINTS` values it keeps every other one and
from then on one epoch in two (then four, ...), so however long training
runs, the history costs at most about that many points, spread evenly over
the run, and a plot of it looks the same.  The last epoch of every report
is always kept, with the validation error and accuracy the engine measured
there.
"""

import numpy as np

#: The most values kept; beyond, the history is thinned (every other one kept).  A plot
#: draws at most a few thousand points, and a run of up to 65,536 epochs keeps every one;
#: the bound also keeps each redraw's passes over the history short and the memory put:
#: at 2**19 the half-hour soak's memory rose in steps to 53% above its first minute (25%
#: at the end), as the allocator kept the thinning's multi-MB copies.
MAX_POINTS = 2**16
#: Room beyond MAX_POINTS for the report that overfills the history before it is thinned.
GROWTH_SLACK = 4096


class LossHistory:
    """The training error per kept epoch, and the values measured at reports.

    Attributes
    ----------
    count : int
        Epochs trained so far (all of them, kept or not).
    every : int
        One epoch in ``every`` is kept (1 until the history first fills up).
    """

    SPARSE = ("validation", "accuracy")

    def __init__(self, limit: int = MAX_POINTS):
        self.limit = limit
        self.clear()

    def clear(self) -> None:
        self.count, self.every, self._kept = 0, 1, 0
        self._epochs = np.empty(1024, dtype=np.int64)
        self._train = np.empty(1024)
        self._sparse = {name: np.full(1024, np.nan) for name in self.SPARSE}

    def extend(self, losses: np.ndarray, validation_loss=None, accuracy=None) -> None:
        """Add a report's losses, one per epoch; its validation loss and accuracy go to the last."""
        losses = np.asarray(losses, dtype=np.float64)
        if not len(losses):
            return
        epochs = np.arange(self.count + 1, self.count + len(losses) + 1)
        keep = epochs % self.every == 0
        keep[-1] = True  # a report's last epoch carries its measurements
        self._append(epochs[keep], losses[keep])
        for name, value in (("validation", validation_loss), ("accuracy", accuracy)):
            if value is not None:
                self._sparse[name][self._kept - 1] = value
        self.count = int(epochs[-1])
        if self._kept > self.limit:
            self._thin()

    def _append(self, epochs: np.ndarray, losses: np.ndarray) -> None:
        needed = self._kept + len(epochs)
        if needed > len(self._train):
            # Double, but no further than the bound and a report's worth: memory stays put
            # once the history first fills up.
            size = max(needed, min(2 * len(self._train), self.limit + GROWTH_SLACK))
            self._epochs = np.resize(self._epochs, size)
            self._train = np.resize(self._train, size)
            for name, column in self._sparse.items():
                grown = np.full(size, np.nan)
                grown[: self._kept] = column[: self._kept]
                self._sparse[name] = grown
        self._epochs[self._kept : needed] = epochs
        self._train[self._kept : needed] = losses
        self._kept = needed

    def _thin(self) -> None:
        """Keep the epochs that are multiples of twice ``every``, and the last; double ``every``."""
        self.every *= 2
        kept = self._epochs[: self._kept] % self.every == 0
        kept[-1] = True
        count = int(kept.sum())
        self._epochs[:count] = self._epochs[: self._kept][kept]
        self._train[:count] = self._train[: self._kept][kept]
        for column in self._sparse.values():
            column[:count] = column[: self._kept][kept]
            column[count : self._kept] = np.nan
        self._kept = count

    def restore(self, train: np.ndarray, validation=None, accuracy=None, epochs=None) -> None:
        """Start again from saved columns (one value per kept epoch; NaN where not measured).

        ``epochs`` numbers the kept epochs (None: every epoch, 1, 2, 3, ...).
        """
        self.clear()
        train = np.asarray(train, dtype=np.float64)
        epochs = np.arange(1, len(train) + 1) if epochs is None else np.asarray(epochs)
        self._append(epochs.astype(np.int64), train)
        for name, column in (("validation", validation), ("accuracy", accuracy)):
            if column is not None:
                self._sparse[name][: self._kept] = column
        self.count = int(epochs[-1]) if len(epochs) else 0
        gaps = np.diff(epochs)
        self.every = int(gaps.min()) if len(gaps) else 1

    def truncate(self, count: int) -> None:
        """Forget the epochs after the first ``count`` (training went back to that one)."""
        if count < self.count:
            kept = int(np.searchsorted(self._epochs[: self._kept], max(count, 0), side="right"))
            for column in self._sparse.values():
                column[kept : self._kept] = np.nan
            self._kept = kept
            self.count = max(count, 0)

    @property
    def epochs(self) -> np.ndarray:
        """The epoch of each kept value, from 1."""
        return self._epochs[: self._kept]

    @property
    def train(self) -> np.ndarray:
        return self._train[: self._kept]

    @property
    def validation(self) -> np.ndarray:
        return self._sparse["validation"][: self._kept]

    @property
    def accuracy(self) -> np.ndarray:
        return self._sparse["accuracy"][: self._kept]
