"""The words after a recall at a temperature: a hot network runs its sweeps and does not settle."""

import numpy as np

from nnsim.engine import Hopfield
from nnsim.engine.hopfield_temperature import Anneal
from nnsim.model.memory import recall_outcome

PATTERNS = np.array([[1.0, 1, -1, -1], [1.0, -1, 1, -1]])


def test_an_unsettled_recall_at_a_temperature_says_it_ran_hot_and_names_the_closest():
    outcome = recall_outcome(
        PATTERNS, np.array([1.0, 1, 1, -1]), settled=False, temperature=0.5, sweeps=100
    )
    assert (outcome.kind, outcome.index, outcome.overlap) == ("hot", 0, 0.5)
    assert outcome.describe(["a", "b"]) == (
        "Recall at temperature 0.5 ran 100 sweeps without settling, as a hot network does; "
        "closest: 'a', overlap 0.50."
    )
    empty = recall_outcome(np.zeros((0, 4)), np.ones(4), settled=False, temperature=2, sweeps=7)
    assert empty.describe([]) == (
        "Recall at temperature 2 ran 7 sweeps without settling, as a hot network does."
    )


def test_at_t_0_an_unsettled_recall_is_still_stopped_and_a_settled_hot_one_converged():
    stopped = recall_outcome(PATTERNS, np.array([1.0, 1, 1, -1]), settled=False, sweeps=100)
    assert stopped.describe(["a", "b"]) == (
        "Stopped before the network settled (closest: 'a', overlap 0.50)."
    )
    settled = recall_outcome(PATTERNS, PATTERNS[1], temperature=0.5, sweeps=3)
    assert settled.describe(["a", "b"]) == "Converged to the stored pattern 'b'."


def test_the_processes_temperature_and_sweeps_make_the_words():
    rng = np.random.default_rng(0)
    patterns = rng.choice([-1.0, 1.0], size=(3, 100))
    net = Hopfield(100)
    net.store(patterns)
    for mode in ("async", "sync"):
        hot = net.recall_process(patterns[0], mode=mode, rng=1, temperature=0.25, max_sweeps=6)
        while hot.advance(1000).size:
            pass
        settled = hot.converged or hot.cycle
        words = recall_outcome(
            net.patterns, hot.state, hot.cycle, settled, hot.temperature, hot.sweep
        ).describe(["p0", "p1", "p2"])
        assert words.startswith(
            "Recall at temperature 0.25 ran 6 sweeps without settling, as a hot network does; "
            "closest: 'p0', overlap "
        )
    probe = patterns[2].copy()
    probe[:10] *= -1
    cooled = net.recall_process(probe, rng=2, anneal=Anneal(0.5, 10))
    while cooled.advance(1000).size:
        pass
    assert cooled.converged and cooled.temperature == 0.0
    outcome = recall_outcome(net.patterns, cooled.state, cooled.cycle, True, 0.0, cooled.sweep)
    assert outcome.describe(["p0", "p1", "p2"]) == "Converged to the stored pattern 'p2'."
