"""Kosko's BAM against a direct loop on three letter/code pairs."""

import numpy as np
import pytest

from nnsim.engine.bam import BAM, BAMProcess
from nnsim.errors import ConfigError, DataError

# 7 x 5 letters T, X, O and 5 x 5 codes (horizontal stripes, vertical stripes, squares).
LETTERS = (
    "#####..#....#....#....#....#....#..",
    "#...##...#.#.#...#...#.#.#...##...#",
    ".###.#...##...##...##...##...#.###.",
)
CODES = ("#####.....#####.....#####", "#.#.##.#.##.#.##.#.##.#.#", "#.#.#.#.#.#.#.#.#.#.#.#.#")


def cells(text):
    return np.array([1.0 if c == "#" else -1.0 for c in text])


X = np.array([cells(t) for t in LETTERS])
Y = np.array([cells(t) for t in CODES])


def memory():
    bam = BAM(35, 25)
    bam.store(X, Y)
    return bam


def direct_recall(W, x, y, start):
    """Recall written out unit by unit: sums over i and j, keeping a unit at a zero field."""
    m, n = W.shape
    x, y = list(x), list(y)
    side, unchanged, energies = (
        start,
        0,
        [-sum(y[i] * W[i, j] * x[j] for i in range(m) for j in range(n))],
    )
    while unchanged < 2:
        changed = False
        if side == "y":
            for i in range(m):
                h = sum(W[i, j] * x[j] for j in range(n))
                new = y[i] if h == 0 else (1.0 if h > 0 else -1.0)
                changed |= new != y[i]
                y[i] = new
        else:
            for j in range(n):
                h = sum(W[i, j] * y[i] for i in range(m))
                new = x[j] if h == 0 else (1.0 if h > 0 else -1.0)
                changed |= new != x[j]
                x[j] = new
        energies.append(-sum(y[i] * W[i, j] * x[j] for i in range(m) for j in range(n)))
        unchanged = 0 if changed else unchanged + 1
        side = "x" if side == "y" else "y"
    return np.array(x + y), np.array(energies)


def test_the_weights_are_the_sum_of_each_codes_outer_product_with_its_letter():
    bam = memory()
    W = sum(np.outer(Y[k], X[k]) for k in range(3))
    np.testing.assert_array_equal(bam.weights, W)
    assert bam.weights.shape == (25, 35)
    assert bam.weights[0, 0] == 1 + 1 + -1  # T and X black, O white at x0; every code black at y0
    assert bam.n_neurons == 60
    np.testing.assert_array_equal(bam.patterns, np.hstack([X, Y]))


@pytest.mark.parametrize("k", range(3))
def test_each_letter_recalls_its_code_and_each_code_its_letter(k):
    bam = memory()
    pair = np.concatenate([X[k], Y[k]])
    from_x = bam.recall(np.concatenate([X[k], -np.ones(25)]), start="y")
    from_y = bam.recall(np.concatenate([-np.ones(35), Y[k]]), start="x")
    for result in (from_x, from_y):
        np.testing.assert_array_equal(result.state, pair)
        assert result.converged
        assert bam.overlaps(result.state)[k] == 1.0
        assert result.energies[-1] == bam.energy(pair) == -Y[k] @ bam.weights @ X[k]


@pytest.mark.parametrize("seed", range(6))
def test_recall_is_the_direct_loops_and_its_energy_never_rises(seed):
    bam, rng = memory(), np.random.default_rng(seed)
    start = rng.choice([-1.0, 1.0], 60)  # any state at all, often a spurious one
    side = "xy"[seed % 2]
    result = bam.recall(start, start=side)
    state, energies = direct_recall(bam.weights, start[:35], start[35:], side)
    np.testing.assert_array_equal(result.state, state)
    np.testing.assert_array_equal(result.energies, energies)
    assert np.all(np.diff(result.energies) <= 0)
    assert result.updates == len(energies) - 1


def test_a_noisy_letter_still_recalls_its_code():
    bam = memory()
    noisy = X[1].copy()
    noisy[[0, 6, 12, 20, 34]] *= -1  # 5 of X's 35 cells flipped
    assert (noisy @ X.T / 35).argmax() == 1 and noisy @ X[1] / 35 == 25 / 35
    result = bam.recall(np.concatenate([noisy, -np.ones(25)]))
    np.testing.assert_array_equal(result.state, np.concatenate([X[1], Y[1]]))
    assert result.energies[0] > result.energies[-1]


def test_a_process_advances_half_a_step_at_a_time():
    bam = memory()
    process = BAMProcess(bam, np.concatenate([X[2], -np.ones(25)]), start="y")
    first = process.advance(1)
    assert process.side == "y" and process.updates == 1 and not process.done
    np.testing.assert_array_equal(process.y, Y[2])
    assert process.flipped == int(np.sum(Y[2] > 0))  # every black cell of the code
    assert first[0] == process.energy == bam.energy(process.state)
    rest = process.advance(10)
    assert process.done and process.converged and len(rest) == 2  # x, then y, unchanged
    np.testing.assert_array_equal(process.x, X[2])


def test_max_steps_ends_recall_unconverged():
    bam = memory()
    result = bam.recall(np.concatenate([X[0], -np.ones(25)]), max_steps=1)
    assert result.updates == 1 and not result.converged


def test_bad_input_is_refused_in_words():
    with pytest.raises(ConfigError, match="a unit at least"):
        BAM(0, 3)
    bam = BAM(3, 2)
    with pytest.raises(DataError, match="3 values of -1 or \\+1"):
        bam.store([[1, 0, 1]], [[1, 1]])
    with pytest.raises(DataError, match="make no pairs"):
        bam.store([[1, 1, 1], [1, -1, 1]], [[1, 1]])
    with pytest.raises(ConfigError, match="x or y"):
        BAMProcess(bam, np.ones(5), start="z")
    with pytest.raises(DataError, match="5 values"):
        bam.energy(np.ones(4))
