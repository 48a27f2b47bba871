"""A Store makes the weights again in place, and undo brings back what was stored."""

import tracemalloc

import numpy as np

from nnsim.model.memory import MAX_SIDE, PatternMemory


def filled(rows, columns, count, seed=0):
    memory = PatternMemory(rows, columns)
    cells = np.random.default_rng(seed).choice([-1.0, 1.0], size=(count, rows * columns))
    memory.add_patterns([(f"p{k}", c) for k, c in enumerate(cells)])
    return memory


def test_a_second_store_needs_no_second_weight_matrix():
    memory = filled(32, 64, 100)  # 2,048 neurons: one float64 matrix is 32 MiB
    memory.store()
    matrix = memory.network.weights.nbytes
    undo = [memory.snapshot("stored")]  # what the undo stack keeps
    tracemalloc.start()
    try:
        memory.store("hebb")
        undo.append(memory.snapshot("stored"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 0.5 * matrix, f"a Store took {peak / 2**20:.0f} MiB beside {matrix / 2**20} MiB"


def test_undoing_a_store_brings_back_the_patterns_rule_and_weights():
    memory = filled(10, 10, 6)
    memory.store("storkey")
    before = memory.snapshot("stored")
    weights = memory.network.weights.copy()
    memory.remove(0)
    memory.store("hebb")
    after = memory.snapshot("stored")
    heard = []
    memory.changed.connect(heard.append)
    memory.restore("stored", before)
    assert memory.rule == "storkey" and memory.stored_names == tuple(f"p{k}" for k in range(6))
    np.testing.assert_array_equal(memory.network.weights, weights)
    memory.restore("stored", after)
    assert memory.rule == "hebb" and len(memory.network.patterns) == 5
    memory.forget()
    nothing = memory.snapshot("stored")
    memory.restore("stored", before)
    memory.restore("stored", nothing)
    assert not memory.network.weights.any() and memory.stored_names == ()
    assert heard == ["stored"] * 5  # restore, restore, forget, restore, restore


def test_a_128_by_128_grid_stores_in_float32_and_recalls():
    assert MAX_SIDE == 128
    memory = filled(128, 128, 3)
    memory.store()
    assert memory.network.weights.dtype == np.float32
    assert memory.network.weights.nbytes == 2**30
    probe = memory.library[1].cells.copy()
    probe[: 128 * 20] *= -1  # the top 20 rows wrong
    state = memory.network.recall(probe, rng=0).state
    np.testing.assert_array_equal(state, memory.library[1].cells)
