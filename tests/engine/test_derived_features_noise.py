"""Derived inputs (x1·x2, squares, sines) and input noise during training."""

import numpy as np
import pytest

from nnsim.engine import MLP, TrainingConfig, datasets, train
from nnsim.engine._checks import as_rng
from nnsim.engine.features import derived_in, derived_names, own_inputs, with_derived
from nnsim.errors import ConfigError, DataError


def test_derived_columns_are_the_hand_computed_ones():
    X = np.array([[0.5, -2.0], [3.0, 0.25]])
    made = with_derived(X, ("sines", "product", "squares"))  # order is DERIVED's, not given
    expected = [
        [0.5, -2.0, -1.0, 0.25, 4.0, np.sin(0.5), np.sin(-2.0)],
        [3.0, 0.25, 0.75, 9.0, 0.0625, np.sin(3.0), np.sin(0.25)],
    ]
    np.testing.assert_array_equal(made, expected)
    assert derived_names(("sines", "product", "squares")) == (
        "x1·x2", "x1²", "x2²", "sin x1", "sin x2",
    )  # fmt: skip
    assert with_derived(X, ()) is X


def test_derived_inputs_need_two_inputs():
    with pytest.raises(DataError, match="two inputs"):
        with_derived(np.zeros((3, 4)), ("product",))


def test_derived_inputs_are_read_back_from_the_column_names():
    assert derived_in(("x1", "x2", "x1·x2", "sin x1", "sin x2")) == ("product", "sines")
    assert derived_in(("length", "width", "x1²", "x2²")) == ("squares",)
    assert derived_in(("a", "b", "c")) == ()
    assert derived_in(("a", "b", "x1²")) == ()  # half of the squares: not derived
    data = datasets.iris()
    assert own_inputs(data) == data.n_features


def _linear_net():
    return MLP((1, 1), activation="linear", bias=False, loss="sse", rng=0)


X1 = np.array([[1.0], [2.0], [-1.0]])
T1 = np.array([[2.0], [3.0], [0.5]])


def test_input_noise_zero_draws_nothing():
    """σ = 0 trains as the epochs alone do with the run's generator: no draw is added."""
    net, alone = _linear_net(), _linear_net()
    config = TrainingConfig(learning_rate=0.1, max_epochs=5, batch_size=1, input_noise=0.0, seed=3)
    for _ in train(net, (X1, T1), config):
        pass
    rng = as_rng(3)
    for _ in range(5):
        alone.train_epoch(X1, T1, learning_rate=0.1, batch_size=1, rng=rng)
    np.testing.assert_array_equal(net.parameters()[0][0], alone.parameters()[0][0])


def test_input_noise_epoch_trains_on_the_noisy_inputs():
    r"""One full-batch epoch of :math:`o = w x` on sse: :math:`\Delta w = \eta \cdot
    \mathrm{mean}((t - w x') x')` with :math:`x' = x + \sigma\varepsilon`, ε the run's first
    draws."""
    net = _linear_net()
    (w0,) = net.parameters()[0][0].ravel().copy()
    config = TrainingConfig(learning_rate=0.1, max_epochs=1, input_noise=1.0, seed=7)
    for _ in train(net, (X1, T1), config):
        pass
    noisy = X1 + 1.0 * as_rng(7).standard_normal(X1.shape)
    expected = w0 + 0.1 * np.mean((T1 - w0 * noisy) * noisy)
    assert net.parameters()[0][0][0, 0] == pytest.approx(expected, rel=1e-12)
    clean = w0 + 0.1 * np.mean((T1 - w0 * X1) * X1)
    assert abs(expected - clean) > 1e-3  # the noise made a difference


@pytest.mark.parametrize("sigma", [-0.1, float("nan"), float("inf")])
def test_input_noise_must_be_0_or_more(sigma):
    with pytest.raises(ConfigError, match="input noise"):
        TrainingConfig(input_noise=sigma)
