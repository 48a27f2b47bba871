"""Snapshots of the weights during training, in bounded memory, to rewind to.

:class:`WeightSnapshots` keeps the weights and biases every ``every``
epochs (and of epoch 0, the start).  When it holds :data:`MAX_SNAPSHOTS`, it
keeps every other one and takes snapshots half as often from then on, so a
run of any length costs at most about that many copies of the network, spread
evenly over it.
"""

import bisect

import numpy as np

MAX_SNAPSHOTS = 200


class WeightSnapshots:
    """The weights at epochs 0, k, 2k, ... of a run (k doubling as the run grows)."""

    def __init__(self, every: int = 1, limit: int = MAX_SNAPSHOTS):
        self.every, self.limit = every, limit
        self.epochs: list[int] = []
        self._weights: list[tuple[list[np.ndarray], list[np.ndarray]]] = []

    def clear(self) -> None:
        self.epochs, self._weights = [], []

    def offer(self, epoch: int, weights, biases) -> bool:
        """Keep a copy of the weights at ``epoch`` if one is due; True if kept."""
        if self.epochs and epoch < self.epochs[-1] + self.every:
            return False
        self.epochs.append(epoch)
        self._weights.append(([np.array(w) for w in weights], [np.array(b) for b in biases]))
        if len(self.epochs) > self.limit:
            self._thin()
        return True

    def _thin(self) -> None:
        """Keep every other snapshot (the first and the last stay) and take them half as often."""
        keep = list(range(0, len(self.epochs), 2))
        if keep[-1] != len(self.epochs) - 1:
            keep.append(len(self.epochs) - 1)
        self.epochs = [self.epochs[k] for k in keep]
        self._weights = [self._weights[k] for k in keep]
        self.every *= 2

    def at_or_before(self, epoch: int) -> tuple[int, list[np.ndarray], list[np.ndarray]]:
        """(snapshot epoch, weights, biases) of the latest snapshot at or before ``epoch``.

        An epoch before the first snapshot gets the first (the bar starts there).
        """
        index = max(bisect.bisect_right(self.epochs, epoch) - 1, 0)
        weights, biases = self._weights[index]
        return self.epochs[index], [w.copy() for w in weights], [b.copy() for b in biases]

    @property
    def first(self) -> int | None:
        """The epoch of the earliest snapshot (None: none yet)."""
        return self.epochs[0] if self.epochs else None

    def truncate(self, epoch: int) -> None:
        """Forget the snapshots after ``epoch`` (training goes on from there)."""
        count = bisect.bisect_right(self.epochs, epoch)
        self.epochs, self._weights = self.epochs[:count], self._weights[:count]
