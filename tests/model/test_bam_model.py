"""PairMemory: the BAM mode's grids, pairs and stored memory, with undo snapshots."""

import numpy as np
import pytest

from nnsim.errors import ConfigError
from nnsim.model.bam import STARTER_PAIRS, PairMemory, cells_from_text


def test_the_starters_are_three_letters_with_codes_that_recall_each_other():
    memory = PairMemory.with_starters()
    assert [p.name for p in memory.pairs] == ["T", "X", "O"]
    assert all(p.x.size == 35 and p.y.size == 25 for p in memory.pairs)
    memory.store()
    assert memory.stored_names == ("T", "X", "O")
    for k, (_, x, y) in enumerate(STARTER_PAIRS):
        joint = np.concatenate([cells_from_text(x), cells_from_text(y)])
        result = memory.network.recall(np.concatenate([cells_from_text(x), -np.ones(25)]))
        np.testing.assert_array_equal(result.state, joint)
        assert memory.network.overlaps(joint)[k] == 1.0


def test_corrupting_a_side_flips_that_share_of_its_cells_only():
    memory = PairMemory.with_starters()
    memory.show(0)
    before = memory.state
    parts = []
    memory.changed.connect(parts.append)
    assert memory.corrupt("x", 0.2, np.random.default_rng(1)) == 7  # 20% of 35
    changed = memory.state != before
    assert changed[:35].sum() == 7 and not changed[35:].any()
    assert parts == ["x"]
    with pytest.raises(ConfigError, match="sides x and y"):
        memory.corrupt("z", 0.2)


def test_snapshots_bring_back_each_part():
    memory = PairMemory.with_starters()
    memory.store()
    saved = {part: memory.snapshot(part) for part in ("x", "y", "pairs", "stored")}
    weights = memory.network.weights.copy()
    memory.show(1)
    memory.grids["y"].invert()
    memory.remove(0)
    memory.store()
    assert memory.stored_names == ("X", "O")
    for part, snapshot in saved.items():
        memory.restore(part, snapshot)
    np.testing.assert_array_equal(memory.state, -np.ones(60))
    assert [p.name for p in memory.pairs] == ["T", "X", "O"]
    assert memory.stored_names == ("T", "X", "O")
    np.testing.assert_array_equal(memory.network.weights, weights)


def test_pairs_are_named_and_checked():
    memory = PairMemory()
    memory.grids["x"].randomise(np.random.default_rng(0))
    pair = memory.add_current()
    assert pair.name == "pair 1" and not pair.x.flags.writeable
    np.testing.assert_array_equal(pair.x, memory.grids["x"].current)
    with pytest.raises(ConfigError, match="called 'pair 1' already"):
        memory.add_pair(pair.x, pair.y, "pair 1")
    with pytest.raises(ConfigError, match="no pairs"):
        PairMemory().store()
    memory.store_pairs([])
    assert memory.stored_names == () and not memory.network.weights.any()
