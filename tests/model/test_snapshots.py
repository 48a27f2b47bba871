"""Weight snapshots stay bounded and evenly spread over a run of any length."""

import numpy as np

from nnsim.model.snapshots import WeightSnapshots


def test_snapshots_stay_bounded_over_a_long_run():
    snapshots = WeightSnapshots(limit=50)
    for epoch in range(10_000):
        snapshots.offer(epoch, [np.full((2, 2), epoch)], [np.zeros(2)])
    assert len(snapshots.epochs) <= 51 and snapshots.epochs[0] == 0
    gaps = np.diff(snapshots.epochs)
    assert gaps.max() <= 2 * gaps.min()  # spread evenly
    epoch, weights, _ = snapshots.at_or_before(5000)
    assert epoch <= 5000 and weights[0][0, 0] == epoch


def test_truncating_forgets_the_later_snapshots():
    snapshots = WeightSnapshots()
    for epoch in range(10):
        snapshots.offer(epoch, [np.full((1, 1), epoch)], [np.zeros(1)])
    snapshots.truncate(4)
    assert snapshots.epochs == [0, 1, 2, 3, 4]
    assert snapshots.offer(5, [np.zeros((1, 1))], [np.zeros(1)])
