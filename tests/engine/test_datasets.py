"""Built-in data sets: shapes, targets, seeds, and the shipped real data."""

import numpy as np
import pytest

from nnsim.engine import datasets
from nnsim.errors import ConfigError


@pytest.mark.parametrize("name", sorted(datasets.DATASETS))
def test_every_data_set_is_consistent(name):
    data = datasets.load(name)
    assert data.name == name and data.description.endswith(".")
    assert data.X.ndim == 2 and data.X.shape[0] == data.y.shape[0] == data.T.shape[0] > 0
    assert len(data.feature_names) == data.n_features
    assert np.isfinite(data.X).all() and np.isfinite(data.T).all()
    assert not data.X.flags.writeable
    if data.task == "classification":
        assert set(np.unique(data.y)) == set(range(data.n_classes))
        expected_columns = 1 if data.n_classes == 2 else data.n_classes
        assert data.T.shape[1] == expected_columns
        if expected_columns > 1:
            np.testing.assert_array_equal(data.T.argmax(axis=1), data.y)
        else:
            np.testing.assert_array_equal(data.T[:, 0], data.y)
    else:
        np.testing.assert_array_equal(data.T[:, 0], data.y)


@pytest.mark.parametrize(
    "make", [datasets.blobs, datasets.circles, datasets.moons, datasets.spirals, datasets.sine]
)
def test_random_data_sets_are_seeded(make):
    np.testing.assert_array_equal(make().X, make().X)
    np.testing.assert_array_equal(make(rng=3).X, make(rng=np.random.default_rng(3)).X)
    assert not np.array_equal(make(rng=1).X, make(rng=2).X)


def test_blobs_are_linearly_separable_by_the_diagonal():
    data = datasets.blobs(n=500, spread=1.0, rng=4)
    np.testing.assert_array_equal(data.X.sum(axis=1) > 0, data.y == 1)


def test_logic_gates():
    assert datasets.xor().y.tolist() == [0, 1, 1, 0]
    assert datasets.and_gate().y.tolist() == [0, 0, 0, 1]
    assert datasets.or_gate().y.tolist() == [0, 1, 1, 1]
    assert datasets.nand_gate().y.tolist() == [1, 1, 1, 0]


def test_the_tutorial_bugs_and_table():
    bugs = datasets.ladybird_caterpillar()
    assert bugs.X[:2].tolist() == [[3.0, 1.0], [1.0, 3.0]]
    assert bugs.class_names == ("ladybird", "caterpillar")
    table = datasets.three_input_table()
    np.testing.assert_array_equal(table.y, table.X[:, 0])


def test_digits_is_the_uci_set():
    data = datasets.digits()
    assert data.X.shape == (1797, 64) and data.n_classes == 10
    assert data.X.min() == 0.0 and data.X.max() == 1.0
    assert np.bincount(data.y).min() >= 170
    # The first image is a zero: its middle column (x = 3, 4) is empty in the middle rows.
    assert data.y[0] == 0 and data.X[0].reshape(8, 8)[3:5, 3:5].max() < 0.1


def test_iris_is_fishers_set():
    data = datasets.iris()
    assert data.X.shape == (150, 4) and np.bincount(data.y).tolist() == [50, 50, 50]
    assert data.X[0].tolist() == [5.1, 3.5, 1.4, 0.2] and data.class_names[0] == "setosa"


def test_split_is_seeded_and_disjoint():
    data = datasets.iris()
    train, test = data.split(0.25, rng=0)
    assert (train.n_samples, test.n_samples) == (114, 36)
    rows = {tuple(r) for r in train.X} | {tuple(r) for r in test.X}
    assert len(rows) == len({tuple(r) for r in data.X})
    np.testing.assert_array_equal(test.X, data.split(0.25, rng=0)[1].X)
    with pytest.raises(ConfigError, match="between 0 and 1"):
        data.split(1.5)


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(ConfigError, match=r"Unknown data set 'xnor'.*xor"):
        datasets.load("xnor")


def test_split_keeps_class_proportions():
    train, test = datasets.digits().split(0.25, rng=0)
    counts = np.bincount(test.y, minlength=10)
    expected = np.round(0.25 * np.bincount(datasets.digits().y))
    np.testing.assert_array_equal(counts, expected)
    assert train.n_samples + test.n_samples == 1797


def test_a_data_set_too_small_to_split_says_so():
    with pytest.raises(ConfigError, match="too few to split"):
        datasets.xor().split(0.1)


def test_standardize_uses_the_training_statistics_for_both_parts():
    train, test = datasets.iris().split(0.25, rng=1)
    train_s, test_s = datasets.standardize(train, test)
    np.testing.assert_allclose(train_s.X.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(train_s.X.std(axis=0), 1.0)
    mean, std = train.X.mean(axis=0), train.X.std(axis=0)
    np.testing.assert_allclose(test_s.X, (test.X - mean) / std)
    np.testing.assert_array_equal(test_s.y, test.y)


def test_standardize_leaves_constant_features_centred():
    (digits,) = datasets.standardize(datasets.digits())
    assert np.all(digits.X[:, 0] == 0.0), "the first pixel is always blank"


def test_min_max_maps_the_training_range_to_0_1_and_applies_it_to_the_rest():
    train, test = datasets.iris().split(0.25, rng=1)
    train_m, test_m = datasets.min_max(train, test)
    np.testing.assert_array_equal(train_m.X.min(axis=0), 0.0)
    np.testing.assert_allclose(train_m.X.max(axis=0), 1.0)
    low, high = train.X.min(axis=0), train.X.max(axis=0)
    np.testing.assert_allclose(test_m.X, (test.X - low) / (high - low))
    (digits,) = datasets.min_max(datasets.digits())
    assert np.all(digits.X[:, 0] == 0.0), "a constant feature is only shifted"
