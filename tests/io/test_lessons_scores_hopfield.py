"""Lessons 9 and 10 and their tutorials: every number they ask for is the session's.

Lesson 9 scores the digits example's held-out part (precision, recall and F1
from the confusion matrix's counts) and the screening example's imbalanced
data; lesson 10 recalls the Hopfield letters by Hebb's rule and by the
pseudo-inverse and works out the rules' capacities.  The counts their "why"
texts quote are checked against the confusion matrices and recalls the
session makes, and the tutorials' numbers against the same computations.
"""

# The lessons' and tutorials' formulas use the mathematical signs × and − on purpose.
# ruff: noqa: RUF001

import math

import numpy as np
import pytest
from lesson_play import play, right_answers
from tutorial_text import tutorial, written

from nnsim.engine import metrics
from nnsim.engine.hopfield_rules import get_storage_rule
from nnsim.model.diagnostics import most_alike
from nnsim.model.lessons import Quantity
from nnsim.model.memory import recall_outcome
from nnsim.resource_files import resource_path

SCORES, HOPFIELD = "09-precision-recall.json", "10-hopfield.json"


def misjudged(lesson: str, cases) -> list:
    """Of ``cases`` (question, guess, right), those ``lesson`` judges otherwise.

    Each guess is made at the first step whose text has ``question``, the lesson played
    once, its "do" steps by Show Me; a question no step asks counts as misjudged.
    """
    _session, run = play(resource_path("lessons", lesson))
    asked, wrong = set(), []
    while not run.finished:
        if run.step.kind == "do":
            run.show_me()
        for case in cases:
            question, guess, right = case
            if question in run.step.text["en"] and question not in asked:
                reveal = run.predict(guess)
                if reveal.right is not right or not reveal.why:
                    wrong.append(case)
        asked.update(question for question, _, _ in cases if question in run.step.text["en"])
        assert run.advance()
    return wrong + [case for case in cases if case[0] not in asked]


def counts(session, part: str = "held-out") -> np.ndarray:
    """The confusion matrix the Results tab shows for ``part`` (rows: true class)."""
    data = session.validation if part == "held-out" else session.data
    predicted = metrics.labels_from_outputs(session.display_network.predict(data.X))
    return metrics.confusion_matrix(data.y, predicted, n_classes=data.n_classes)


# ------------------------------------------------------------ lesson 9
def scores_lesson():
    """Lesson 9 played: the session, its answers, and the confusion matrices it scored."""
    seen = {}

    def before_step(run):
        text = run.step.text["en"]
        if "Look at column 1" in text:
            seen["digits"] = counts(run.session)
            history = run.session.history  # what the error plot shows, and `nnsim train`
            seen["digits errors"] = (history.train[-1], history.validation[-1])
        if "Predict the recall of 'ill'" in text:
            seen["screening"] = counts(run.session)
            seen["screening training"] = counts(run.session, "training")

    session, _run, answers = right_answers(SCORES, before_step)
    return session, answers, seen


@pytest.fixture(scope="module")
def scores():
    return scores_lesson()


def test_the_scores_lesson_asks_what_the_results_tab_shows(scores):
    _session, answers, seen = scores
    digits, screening = seen["digits"], seen["screening"]
    accuracy, p1, r1, f1_1, f1_8, training, lazy, acc, recall, precision, f1_ill = answers
    # Digits, held out: 359 samples, 14 mistakes; the counts the whys quote.
    assert digits.sum() == 359 and digits.sum() - np.trace(digits) == 14
    assert accuracy == pytest.approx(345 / 359) and round(accuracy, 3) == 0.961
    assert (digits[1, 1], digits[:, 1].sum(), digits[1].sum()) == (36, 38, 36)
    assert [k for k in range(10) if k != 1 and digits[k, 1]] == [5, 8], "a 5 and an 8 read as 1"
    assert (p1, r1) == (pytest.approx(36 / 38), 1.0) and round(p1, 3) == 0.947
    assert f1_1 == pytest.approx(2 * p1 * r1 / (p1 + r1)) and round(f1_1, 3) == 0.973
    assert (digits[8, 8], digits[8].sum(), digits[:, 8].sum()) == (31, 35, 35)
    assert f1_8 == pytest.approx(31 / 35) and round(f1_8, 3) == 0.886
    assert training == 1.0
    # Screening, held out: 90 healthy and 10 ill; the lazy screen's 0.9 is exact.
    assert screening.sum(axis=1).tolist() == [90, 10] and lazy == 0.9
    assert screening.tolist() == [[88, 2], [7, 3]]
    assert (acc, recall, precision) == (pytest.approx(0.91), 0.3, 0.6)
    assert f1_ill == pytest.approx(0.4)
    assert seen["screening training"][1].tolist() == [28, 12], "12 of the 40 ill found in training"


def test_the_screening_whys_quote_the_healthy_f1_and_the_macro_mean(scores):
    session, _answers, _seen = scores
    f1_healthy = Quantity("score", ("f1", "held-out", 0)).measure(session)
    macro = Quantity("score", ("f1", "held-out")).measure(session)
    assert (round(f1_healthy, 3), round(macro, 3)) == (0.951, 0.676)
    recall = Quantity("score", ("recall", "training", 1)).measure(session)
    assert recall == pytest.approx(0.3)


SCORE_SLIPS = (
    ("Predict its accuracy, the share", 0.961, True),
    ("Predict its accuracy, the share", 14 / 359, False),  # the share of mistakes
    ("Predict the precision of digit 1", 0.947, True),
    ("Predict the precision of digit 1", 1.0, False),  # its recall, read from row 1
    ("Predict the recall of digit 1", 0.947, False),  # its precision, read from column 1
    ("Predict the F1 of digit 1", 0.973, True),
    ("Predict the F1 of digit 1", (36 / 38 + 1) / 2, False),  # the plain mean, 0.9737
    ("lazy screen", 0.0, False),  # its recall of 'ill', not its accuracy
    ("Predict the recall of 'ill'", 0.91, False),  # the accuracy
    ("Predict the recall of 'ill'", 0.3, True),
    ("Predict the precision of 'ill'", 0.3, False),  # the recall again
    ("Predict the F1 of 'ill'", 0.45, False),  # the plain mean of 0.6 and 0.3
    ("Predict the F1 of 'ill'", 0.4, True),
)


def test_a_wrong_score_is_judged_wrong_and_a_right_one_right():
    assert misjudged(SCORES, SCORE_SLIPS) == []


# ------------------------------------------------------------ lesson 10
def hopfield_lesson():
    """Lesson 10 played: the session, its answers, and what the memory held on the way."""
    seen = {"energies": []}

    def before_step(run):
        memory = run.session.memory
        text = run.step.text["en"]
        if run.index == 0:
            seen["names"], seen["patterns"] = memory.stored_names, memory.network.patterns.copy()
            seen["stable"] = memory.network.stable().tolist()
            seen["energy of A"] = memory.network.energy(memory.library[0].cells)
        if "Predict the grid's overlap with A now" in text:
            seen["mixture"] = memory.network.overlaps(memory.current).tolist()
        if "Predict the overlap with A after the run" in text:
            seen["flipped"] = int(np.count_nonzero(memory.current != memory.library[0].cells))
        seen["energies"].append(memory.network.energy(memory.current))

    session, _run, answers = right_answers(HOPFIELD, before_step)
    return session, answers, seen


@pytest.fixture(scope="module")
def hopfield():
    return hopfield_lesson()


def test_the_hopfield_lesson_asks_what_the_memory_does(hopfield):
    session, answers, seen = hopfield
    hebb, corrupted, after_hebb, differ, a_again, pseudo, end, exact, share = answers
    assert seen["names"] == ("A", "C", "H", "L", "T")
    assert hebb == pytest.approx(13.8) and corrupted == pytest.approx(0.6)
    # The energy read on the way: -27.2 before the run, lower after it, never higher.
    before, after = seen["energies"][4], seen["energies"][5]
    assert round(before, 1) == -27.2 and round(after, 2) == -85.26
    assert round(seen["energy of A"], 1) == -62.9 and after < seen["energy of A"]
    # Hebb's rule mixes C and L; A is not even stable, nor are H and L.
    assert np.round(seen["mixture"], 2).tolist() == [0.34, 0.86, 0.38, 0.8, 0.34]
    assert after_hebb == pytest.approx(0.34)
    (i, j, alike) = most_alike(seen["patterns"])
    assert (seen["names"][i], seen["names"][j], alike) == ("C", "L", pytest.approx(0.66))
    n = seen["patterns"].shape[1]
    assert differ == np.count_nonzero(seen["patterns"][i] != seen["patterns"][j]) == 17
    assert differ == (1 - alike) / 2 * n
    assert seen["stable"] == [False, True, False, False, True]
    assert a_again == pytest.approx(0.94) and seen["flipped"] == 3
    # The pseudo-inverse: its own limit, and A back at -(N - P) / 2.
    assert pseudo == 99.0 and session.memory.rule == "pseudoinverse"
    memory = session.memory
    np.testing.assert_array_equal(memory.current, memory.library[0].cells)
    assert memory.network.energy(memory.current) == pytest.approx(end, abs=1e-9)
    assert end == -(n - len(memory.stored_names)) / 2
    # Hebb's exact-recall limits for 100 and 256 neurons, as the registry has them.
    limits = get_storage_rule("hebb").capacity
    assert exact == pytest.approx(limits[1].patterns(100), abs=5e-4)
    assert share == pytest.approx(limits[1].patterns(256) / 256, abs=5e-5)
    assert round(limits[2].patterns(100), 1) == 5.4 and round(limits[1].patterns(256)) == 23
    assert round(limits[1].patterns(64) / 64, 3) == 0.120
    assert round(limits[1].patterns(100) / 100, 3) == 0.109
    assert round(get_storage_rule("storkey").limit(100)) == 33
    assert (round(math.log(100), 3), round(math.log(256), 3)) == (4.605, 5.545)


def test_most_update_orders_end_in_the_mixture_and_the_rest_near_a():
    session, _run = play(resource_path("lessons", HOPFIELD))
    memory = session.memory
    network, corrupted, a = memory.network, memory.current.copy(), memory.library[0].cells
    ends = [network.recall(corrupted, rng=seed).state for seed in range(20)]
    overlaps = sorted(round(float(a @ state) / a.size, 2) for state in ends)
    assert set(overlaps) == {0.34, 0.94} and overlaps.count(0.34) > 10
    kinds = {recall_outcome(network.patterns, state).kind for state in ends}
    assert kinds == {"spurious"}
    # From A itself every order moves 3 cells away.
    assert {int(np.sum(network.recall(a, rng=seed).state != a)) for seed in range(20)} == {3}


HOPFIELD_SLIPS = (
    ("Predict that limit for this grid", 13.8, True),
    ("Predict that limit for this grid", 0.138, False),  # the share, not the patterns
    ("Predict the grid's overlap with A.", 0.8, False),  # the share that agrees alone
    ("Predict the grid's overlap with A now", 1.0, False),  # it did not come back
    ("Predict in how many of the 100 cells", 34, False),  # 1 - 0.66 as cells, not halved
    ("Predict in how many of the 100 cells", 17, True),
    ("Predict the overlap with A after the run", 1.0, False),  # A is not stable
    ("pseudo-inverse's: it stores up to N − 1", 13.8, False),  # Hebb's limit
    ("pseudo-inverse's: it stores up to N − 1", 99, True),
    ("Predict the energy recall ends at", -95 / 2, True),
    ("Predict the energy recall ends at", 47.5, False),  # the sign
    ("Predict N / (2 ln N) for 100 neurons", 10.86, True),
    ("Predict N / (2 ln N) for 100 neurons", 21.7, False),  # N / ln N
    ("Predict N / (2 ln N) as a share of N", 0.09, True),
    ("Predict N / (2 ln N) as a share of N", 0.138, False),
)


def test_a_wrong_hopfield_answer_is_judged_wrong_and_a_right_one_right():
    assert misjudged(HOPFIELD, HOPFIELD_SLIPS) == []


# ------------------------------------------------------------ the tutorials


def f1_of(counts: np.ndarray) -> np.ndarray:
    """Each class's F1 from a confusion matrix (rows: true class)."""
    right = np.diag(counts)
    precision, recall = right / counts.sum(axis=0), right / counts.sum(axis=1)
    return 2 * precision * recall / (precision + recall)


def test_tutorial_9_quotes_what_nnsim_computes(scores):
    text = tutorial("09-precision-recall.md")
    session, answers, seen = scores
    accuracy, p1, r1, f1_1, f1_8, _training, lazy, acc, recall, precision, f1_ill = answers
    digits, screening = seen["digits"], seen["screening"]
    error, validation_error = seen["digits errors"]
    tp, fp, fn = screening[1, 1], screening[0, 1], screening[1, 0]
    quoted = [
        f"falls to **{written(error, 3)}**",
        f"validation error {written(validation_error, 3)}",
        f"{accuracy:.1%} correct, {digits.sum() - np.trace(digits)} mistakes",
        f"(359 − 14) / 359 = 345 / 359 = **{written(accuracy, 3)}**",
        f"36 / (36 + 2) = **{written(p1, 3)}**",
        f"36 / 36 = **{r1:g}**",
        f"(0.947 + 1) = **{written(f1_1, 3)}**",
        f"plain mean ({written((p1 + r1) / 2, 3)})",
        f"31 / 35 = {written(f1_8, 3)}",
        f"ten digits is {written(f1_of(digits).mean(), 3)}",
        f"90 / 100 = **{lazy:g}**",
        f"| healthy | {screening[0, 0]} | {fp} |",
        f"| ill | {fn} | {tp} |",
        f"({screening[0, 0]} + {tp}) / 100 = **{acc:.2f}**",
        f"{tp} / ({tp} + {fn}) = **{recall:g}**",
        f"{tp} / ({tp} + {fp}) = **{precision:g}**",
        f"0.36 / 0.9 = **{f1_ill:.1f}**",
        f'"healthy" F1 is {written(f1_of(screening)[0], 3)}',
        f"is {written(f1_of(screening).mean(), 3)}",
        f"{seen['screening training'][1, 1]} of the 40 ill",
    ]
    assert [quote for quote in quoted if quote not in text] == []
    # What `nnsim train` prints for the digits ends the same run (to a tolerance: the
    # last of six digits may differ from CPU to CPU).
    assert (error, validation_error) == (
        pytest.approx(0.0079785, rel=1e-3),
        pytest.approx(0.12126, rel=1e-3),
    )
    assert "Final error 0.0079785, accuracy 100.0%, validation error 0.12126" in text
    assert session.validation.n_samples == 100


def test_tutorial_10_quotes_what_nnsim_computes(hopfield):
    text = tutorial("10-hopfield.md")
    session, answers, seen = hopfield
    hebb, corrupted, after_hebb, differ, a_again, pseudo, end, exact, share = answers
    mixture = seen["mixture"]
    limits = get_storage_rule("hebb").capacity
    quoted = [
        f"0.138 × 100 = **{hebb:g}**",
        f"m = 0.80 − 0.20 = **{corrupted:g}**",
        f"**E = {written(seen['energies'][4], 1)}**",
        f"only **{after_hebb:.2f}**; with C it is {mixture[1]:.2f} and with L {mixture[3]:.2f}",
        f"ends at **{written(seen['energies'][5], 1)}**",
        f"A's own energy, {written(seen['energy of A'], 1)}",
        f"differ in only **{differ:g}** of the 100 cells",
        f"(97 − 3) / 100 = **{a_again:.2f}**",
        f"100 − 1 = **{pseudo:g}**",
        f"√(2 ln N) = {get_storage_rule('storkey').limit(100):.0f}",
        f"= **{written(end, 1)}**",
        f"100 / 9.21 = **{exact:.2f}**",
        f"N / (4 ln N) = {limits[2].patterns(100):.1f}",
        f"{limits[1].patterns(64) / 64:.3f} for 64 neurons, {limits[1].patterns(100) / 100:.3f}",
        f"= **{share:.3f}** for 256 ({limits[1].patterns(256):.0f} patterns)",
    ]
    assert [quote for quote in quoted if quote not in text] == []
    assert session.memory.n == 100


def test_hebb_recalls_the_letters_a_tenth_of_the_time_and_the_pseudo_inverse_almost_always():
    """The tutorial's 10% and 99%, over 150 recalls from 20% noise (30 of each letter)."""
    shares = {}
    for rule in ("hebb", "pseudoinverse"):
        session, _run = play(resource_path("lessons", HOPFIELD))
        memory = session.memory
        memory.store(rule)
        rng, recalled = np.random.default_rng(1), 0
        for trial in range(150):
            letter = memory.library[trial % 5].cells
            memory.set_current(letter)
            memory.corrupt(0.2, rng)
            recalled += np.array_equal(memory.network.recall(memory.current, rng=rng).state, letter)
        shares[rule] = recalled / 150
    assert 0.05 <= shares["hebb"] <= 0.15 and shares["pseudoinverse"] >= 0.97
    assert "letters **10%** of the time, the pseudo-inverse **99%**" in tutorial("10-hopfield.md")
