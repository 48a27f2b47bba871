"""GUI tests: collect a test's cyclic garbage before the next test starts a worker."""

import gc

import pytest


@pytest.fixture(autouse=True)
def collect_garbage_here():
    """Collect each test's cyclic garbage in the main thread, as the app does on a timer.

    Left to itself, Python may collect a closed window's cycles in the next
    test's training worker, destroying Qt objects in the wrong thread.
    """
    yield
    gc.collect()
