"""Properties that must hold for any input, checked with hypothesis."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnsim.engine import Hopfield, metrics
from nnsim.engine.activations import activate

finite = st.floats(-50, 50, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(2, 12), seed=st.integers(0, 2**32 - 1))
def test_async_recall_never_raises_energy_and_ends_at_a_fixed_point(n, seed):
    rng = np.random.default_rng(seed)
    net = Hopfield(n)
    net.store(rng.choice([-1.0, 1.0], size=(rng.integers(1, n + 1), n)), rule="hebb")
    result = net.recall(rng.choice([-1.0, 1.0], n), mode="async", rng=rng)
    assert np.all(np.diff(result.energies) <= 1e-12)
    assert result.converged
    fields = net.weights @ result.state
    assert np.all(fields * result.state >= -1e-9), "every neuron agrees with its field"


@given(arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(2, 6)), elements=finite))
def test_softmax_outputs_are_a_distribution(z):
    y = activate("softmax", z)
    assert np.all(y >= 0) and np.allclose(y.sum(axis=1), 1.0)


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1, max_size=40))
def test_confusion_matrix_counts_every_sample_once(pairs):
    y_true, y_pred = np.array(pairs).T
    matrix = metrics.confusion_matrix(y_true, y_pred)
    assert matrix.sum() == len(pairs)
    assert metrics.accuracy(y_true, y_pred) == np.trace(matrix) / len(pairs)
