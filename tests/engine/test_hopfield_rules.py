"""The Hopfield storage rules' registry: names, weights, and what each rule holds."""

import math

import numpy as np
import pytest

from nnsim.engine import Hopfield
from nnsim.engine.hopfield import FIELD_TOLERANCE
from nnsim.engine.hopfield_rules import STORAGE_RULES, get_storage_rule
from nnsim.errors import ConfigError


def random_patterns(seed, count, size):
    return np.random.default_rng(seed).choice([-1.0, 1.0], size=(count, size))


def test_the_registry_names_each_rule_once_with_its_title():
    titles = [(rule.name, rule.title, rule.adjective) for rule in STORAGE_RULES.values()]
    assert titles == [
        ("hebb", "Hebb", "Hebbian"),
        ("pseudoinverse", "Pseudo-inverse", "pseudo-inverse"),
        ("storkey", "Storkey", "Storkey"),
        ("dense", "Dense", "dense"),
    ]
    assert get_storage_rule("storkey") is STORAGE_RULES["storkey"]
    with pytest.raises(ConfigError, match="choose one of hebb, pseudoinverse, storkey, dense"):
        get_storage_rule("oja")
    with pytest.raises(ConfigError, match="Unknown storage rule 'oja'"):
        Hopfield(4).store([1.0, -1.0, 1.0, 1.0], rule="oja")


@pytest.mark.parametrize("name", [name for name, rule in STORAGE_RULES.items() if rule.store])
def test_each_rule_makes_the_weights_the_network_stores(name):
    patterns = random_patterns(1, 5, 24)
    rule = STORAGE_RULES[name]
    W = rule.store(patterns)
    assert W.shape == (24, 24) and not np.diag(W).any()
    np.testing.assert_allclose(W, W.T, atol=1e-12)
    net = Hopfield(24)
    net.store(patterns[:2], rule=name)
    net.store(patterns[2:], rule=name)  # added to (Hebb, Storkey) or made again (pseudo-inverse)
    np.testing.assert_allclose(net.weights, W, atol=1e-12)
    assert net.rule == name


def test_hebbs_capacity_statements():
    hebb = STORAGE_RULES["hebb"]
    assert hebb.limit(100) == pytest.approx(13.8) and hebb.limit(1024) == pytest.approx(141.312)
    assert [limit.patterns(100) for limit in hebb.capacity[1:]] == pytest.approx(
        [100 / (2 * math.log(100)), 100 / (4 * math.log(100))]
    )
    assert [limit.exact for limit in hebb.capacity] == [False, True, True]
    assert hebb.statement(1024) == (
        "about 141 patterns with few errors (0.138 N), 74 exactly, almost every one "
        "(N / 2 ln N), 37 exactly, every one (N / 4 ln N)"
    )


def test_the_pseudo_inverse_holds_n_minus_one_patterns_not_n():
    n = 20
    patterns = random_patterns(0, n, n)  # linearly independent (rank 20)
    assert np.linalg.matrix_rank(patterns) == n
    fewer = Hopfield(n)
    fewer.store(patterns[:-1], rule="pseudoinverse")
    fields = patterns[:-1] @ fewer.weights
    assert (fields * patterns[:-1]).min() > 1e3 * FIELD_TOLERANCE, "each one a fixed point"
    full = Hopfield(n)
    full.store(patterns, rule="pseudoinverse")
    assert np.abs(full.weights).max() < 1e-10, "the identity, its diagonal gone: no weights"
    stray = random_patterns(5, 1, n)[0]
    np.testing.assert_array_equal(full.recall(stray, rng=0).state, stray)  # nothing recalled
    assert STORAGE_RULES["pseudoinverse"].limit(n) == n - 1
    assert STORAGE_RULES["pseudoinverse"].statement(100) == (
        "up to 99 linearly independent patterns, each a fixed point (N - 1)"
    )


def test_storkeys_capacity_is_stated_as_an_approximation():
    storkey = STORAGE_RULES["storkey"]
    assert storkey.limit(100) == pytest.approx(100 / math.sqrt(2 * math.log(100)))
    assert storkey.statement(100) == (
        "about 33 patterns without error (N / sqrt(2 ln N), an approximation)"
    )
    for n in (25, 100, 1024, 4096):  # between Hebb's and the pseudo-inverse's on every grid
        assert STORAGE_RULES["hebb"].limit(n) < storkey.limit(n) < n - 1
