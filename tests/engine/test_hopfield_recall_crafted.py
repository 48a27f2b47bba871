"""Asynchronous recall on a crafted case: the states of one neuron at a time, update by update.

Three patterns of 8 cells (all +1; all +1 but cell 2; -1 in cells 0 and 1), Hebb's
rule, and a probe visited in index order.  The probe's unstable neurons are 0, 1, 6
and 7.  Flipping 0 steadies 1 (a flip guessed from the probe that does not happen)
and unsteadies 2 (a flip nobody guessed); 6 and 7 flip; the second sweep flips 2
back and the third changes nothing.  The fast recall finds flips a few at a time in
turn (``_scan``) or many guessed at once and checked (``_guess``, in one piece or
cut into windows): each way must give the plain loop's states.
"""

import numpy as np
import pytest

from nnsim.engine import Hopfield, hopfield_recall
from nnsim.engine.hopfield import FIELD_TOLERANCE, RecallProcess

PATTERNS = np.array(
    [[1, 1, 1, 1, 1, 1, 1, 1], [1, 1, -1, 1, 1, 1, 1, 1], [-1, -1, 1, 1, 1, 1, 1, 1]], float
)
PROBE = np.array([-1, 1, 1, 1, 1, 1, -1, -1], float)
#: Hebb's weights times N: the sums over the patterns, with a zero diagonal.
PATTERNS_W = PATTERNS.T @ PATTERNS - 3 * np.eye(8)
#: (update, neuron) of every flip, counting updates from 1: sweep 1 is updates 1-8.
FLIPS = [(1, 0), (3, 2), (7, 6), (8, 7), (11, 2)]
#: How the fast recall finds flips: (SCAN_AT_MOST, WINDOW_ELEMENTS).
WAYS = {
    "in turn": (8, hopfield_recall.WINDOW_ELEMENTS),
    "guessed at once": (0, hopfield_recall.WINDOW_ELEMENTS),
    "guessed in windows": (0, 8),
}


def one_at_a_time(W, probe):
    """Every state of async recall in index order, one neuron per update, from the rules."""
    s, states = probe.copy(), []
    while True:
        changed = False
        for i in range(len(s)):
            if s[i] * (W[i] @ s) < -FIELD_TOLERANCE:  # h_i against s_i: it flips
                s[i] = -s[i]
                changed = True
            states.append(s.copy())
        if not changed:
            return states


def memory(dtype):
    net = Hopfield(8, weights_dtype=dtype)
    net.store(PATTERNS)
    return net


def test_the_crafted_case_flips_what_the_docstring_says():
    states = one_at_a_time(memory(np.float64).weights, PROBE)
    changes = [after != before for before, after in zip([PROBE, *states[:-1]], states, strict=True)]
    assert [(u + 1, int(c.argmax())) for u, c in enumerate(changes) if c.any()] == FLIPS
    assert len(states) == 3 * 8
    np.testing.assert_array_equal(states[-1], PATTERNS[0])


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("way", WAYS)
def test_fast_async_recall_makes_the_states_of_one_neuron_at_a_time(monkeypatch, way, dtype):
    scan_at_most, window = WAYS[way]
    monkeypatch.setattr(hopfield_recall, "SCAN_AT_MOST", scan_at_most)
    monkeypatch.setattr(hopfield_recall, "WINDOW_ELEMENTS", window)
    net = memory(dtype)
    expected = one_at_a_time(memory(np.float64).weights, PROBE)
    # A sweep at a time: the state after each sweep, and the updates that lowered the energy.
    process = RecallProcess(net, PROBE, order="fixed")
    energies = []
    while not process.done:
        energies.append(process.advance(8))
        if energies[-1].size:
            np.testing.assert_array_equal(process.state, expected[process.updates - 1])
        # The fields kept up to date flip by flip are those of the state (8 h_i in units of 1/8).
        np.testing.assert_allclose(process._h / process._unit * 8, PATTERNS_W @ process.state)
    energies = np.concatenate([[net.energy(PROBE)], *energies])
    assert (np.flatnonzero(np.diff(energies) < -1e-12) + 1).tolist() == [u for u, _ in FLIPS]
    assert energies[-1] == pytest.approx(net.energy(PATTERNS[0]))
    assert (process.sweep, process.converged) == (3, True)
    # An update at a time: every state, and the neuron each flip visits.
    steps = list(net.recall_steps(PROBE, order="fixed"))
    np.testing.assert_array_equal([step.state for step in steps], expected)
    assert [(u + 1, s.neuron) for u, s in enumerate(steps) if s.flipped] == FLIPS
