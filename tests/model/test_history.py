"""The error history stays bounded however long training runs, and keeps its epochs right."""

import numpy as np

from nnsim.model.history import LossHistory


def test_a_long_run_is_thinned_evenly_and_every_kept_value_is_its_epochs():
    history = LossHistory(limit=64)
    rng = np.random.default_rng(0)
    losses = rng.uniform(size=10_000)
    done = 0
    while done < len(losses):
        size = int(rng.integers(1, 300))
        history.extend(losses[done : done + size], validation_loss=0.5)
        done += size
    assert history.count == 10_000 and history.epochs[-1] == 10_000
    assert len(history.train) <= 64 + 300
    assert np.all(np.diff(history.epochs) > 0)
    assert history.every & (history.every - 1) == 0  # a power of two
    np.testing.assert_array_equal(history.train, losses[history.epochs - 1])
    assert history.validation[-1] == 0.5


def test_a_short_run_keeps_every_epoch_as_before():
    history = LossHistory()
    history.extend(np.array([0.5, 0.4, 0.3]), validation_loss=0.6, accuracy=0.75)
    np.testing.assert_array_equal(history.epochs, [1, 2, 3])
    np.testing.assert_array_equal(history.validation, [np.nan, np.nan, 0.6])
    assert history.every == 1


def test_truncating_and_restoring_keep_the_epoch_numbers():
    history = LossHistory(limit=16)
    history.extend(np.arange(100.0))
    history.truncate(50)
    assert history.count == 50 and history.epochs[-1] <= 50
    again = LossHistory()
    again.restore(history.train, history.validation, history.accuracy, history.epochs)
    np.testing.assert_array_equal(again.epochs, history.epochs)
    assert again.count == history.epochs[-1] and again.every == history.every


def test_loss_history_grows_past_its_first_block():
    history = LossHistory()
    history.extend(np.arange(1000.0), None)
    history.extend(np.arange(1000.0, 2500.0), 7.0)
    assert history.count == 2500
    np.testing.assert_array_equal(history.train, np.arange(2500.0))
    assert np.isnan(history.validation[:-1]).all() and history.validation[-1] == 7.0
    assert history.epochs[-1] == 2500
