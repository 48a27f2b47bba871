"""Every epoch's error of a network's training, kept for plots, project files and exports."""

import numpy as np


class LossHistory:
    """Every epoch's training error, and the values measured at reports, growing by doubling.

    ``train`` has a value for every epoch; ``validation`` and ``accuracy``
    only at the last epoch of each report (NaN elsewhere), as the engine
    measures them there.
    """

    SPARSE = ("validation", "accuracy")

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self.count = 0
        self._train = np.empty(1024)
        self._sparse = {name: np.full(1024, np.nan) for name in self.SPARSE}

    def extend(self, losses: np.ndarray, validation_loss=None, accuracy=None) -> None:
        """Add a report's losses; its validation loss and accuracy belong to the last."""
        needed = self.count + len(losses)
        if needed > len(self._train):
            size = max(needed, 2 * len(self._train))
            self._train = np.resize(self._train, size)
            for name, column in self._sparse.items():
                grown = np.full(size, np.nan)
                grown[: self.count] = column[: self.count]
                self._sparse[name] = grown
        self._train[self.count : needed] = losses
        for name, value in (("validation", validation_loss), ("accuracy", accuracy)):
            if value is not None and needed:
                self._sparse[name][needed - 1] = value
        self.count = needed

    def restore(self, train: np.ndarray, validation=None, accuracy=None) -> None:
        """Start again from saved columns (one value per epoch; NaN where not measured)."""
        self.clear()
        self.extend(np.asarray(train, dtype=float))
        for name, column in (("validation", validation), ("accuracy", accuracy)):
            if column is not None:
                self._sparse[name][: self.count] = column

    def truncate(self, count: int) -> None:
        """Forget the epochs after the first ``count`` (training went back to that one)."""
        if count < self.count:
            for column in self._sparse.values():
                column[max(count, 0) : self.count] = np.nan
            self.count = max(count, 0)

    @property
    def epochs(self) -> np.ndarray:
        return np.arange(1, self.count + 1)

    @property
    def train(self) -> np.ndarray:
        return self._train[: self.count]

    @property
    def validation(self) -> np.ndarray:
        return self._sparse["validation"][: self.count]

    @property
    def accuracy(self) -> np.ndarray:
        return self._sparse["accuracy"][: self.count]
