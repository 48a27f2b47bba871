"""Lessons 3 and 4 and their tutorials: every number they ask for or quote is the session's.

Lesson 3 takes one neuron with weights set by hand (3, 1, -2) through the linear,
step, sigmoid, tanh and ReLU activations, then lets it learn the three-input
table; lesson 4 makes AND and OR by hand on a perceptron, shows that no line
makes XOR, that 2-4-1 learns it, and how often 2-2-1 gets stuck.  Each lesson is
played once (Show Me doing every step), looking at the session as each step
begins; the usual slips are judged wrong on the way.
"""

# The tutorials' formulas use the mathematical signs × and − on purpose.
# ruff: noqa: RUF001

import math

import numpy as np
import pytest
from lesson_play import right_answers
from tutorial_text import tutorial, written

from nnsim.engine.activations import get_activation
from nnsim.model.diagnostics import diagnose
from nnsim.model.lessons import Quantity

#: Slips a student makes, by a piece of the question's text: (guess, judged right).
NEURON_GUESSES = [
    ("the output for (0, 0, 1) now", -2.0, False),  # z, the step forgotten
    ("the output for (0, 0, 1) now", 0.0, True),
    ("An input that is not in the data", 1.0, False),  # what the step says at z = 0
    ("An input that is not in the data", 0.5, True),
    ("Predict the output for (1, 0, 1), three", 0.731, True),
    ("Predict the output for (1, 0, 1), three", 1.0, False),  # the step's answer
    ("Predict the output for (1, 0, 1), three", 0.269, False),  # e^(+z) for e^(−z)
    ("under tanh", -0.762, True),
    ("under tanh", 0.269, False),  # the sigmoid's
    ("under ReLU", 2.0, True),
    ("under ReLU", 1.0, False),  # squashed as a sigmoid would
    ("never trained on: (1, 0, 0)", 1.0, True),
    ("never trained on: (1, 0, 0)", 0.5, False),
]
XOR_GUESSES = [
    ("show the first row, (0, 0).", 0.0, False),  # z = 0 counts as "0 or more"
    ("show the first row, (0, 0).", 1.0, True),
    ("predict the accuracy: the share", 0.25, True),
    ("predict the accuracy: the share", 0.75, False),  # the mistakes' share
    ("Which bias b makes OR?", -0.5, True),
    ("Which bias b makes OR?", -0.9, True),
    ("Which bias b makes OR?", -1.5, False),  # AND's
    ("Which bias b makes OR?", 0.0, False),  # (0, 0) would give 1
    ("best accuracy any straight line", 0.75, True),
    ("best accuracy any straight line", 1.0, False),
    ("Predict the error E", 0.0625, True),
    ("Predict the error E", 0.125, False),  # the ½ forgotten
    ("Predict the error E", 0.25, False),  # the misses not squared
]


def play_judging(lesson: str, guesses, look=None):
    """Play ``lesson`` once: its right answers, how each of ``guesses`` is judged, and
    what ``look(run)`` returned at the steps where it returned something."""
    verdicts, seen = {}, []

    def before_step(run):
        step = run.step
        for question, guess, _right in guesses:
            if step.kind == "predict" and question in step.text["en"]:
                verdicts.setdefault((question, guess), run.predict(guess).right)
        if look is not None and (found := look(run)) is not None:
            seen.append(found)

    session, run, answers = right_answers(lesson, before_step)
    assert run.predictions
    return session, answers, verdicts, seen


# ------------------------------------------------------------ lesson 3
def after_training(run):
    """The trained neuron, looked at as the lesson's first question on it begins."""
    if "weights it found" not in run.step.text["en"]:
        return None
    session = run.session
    outputs = [Quantity("output", x).measure(session) for x in [(1, 0, 0), (0, 1, 1), (1, 1, 0)]]
    return {
        "weights": session.compiled.network.weights[0][0].copy(),
        "error": Quantity("error").measure(session),
        "epochs": session.history.count,
        "outputs": outputs,
        "question": run.step.text["en"],
    }


@pytest.fixture(scope="module")
def neuron():
    return play_judging("03-single-neuron.json", NEURON_GUESSES, after_training)


def test_the_neuron_lesson_asks_the_activations_of_the_hand_set_sums(neuron):
    _session, answers, _verdicts, _seen = neuron
    linear, step_neg, step_pos, half, sig1, sig_neg1, tanh_neg1, relu2, *trained = answers
    assert (linear, step_neg, step_pos, half) == (-2.0, 0.0, 1.0, 0.5)
    assert sig1 == pytest.approx(1 / (1 + math.exp(-1)), abs=1e-12)
    assert sig_neg1 == pytest.approx(1 - sig1, abs=1e-12)
    assert tanh_neg1 == pytest.approx(math.tanh(-1), abs=1e-12)
    assert relu2 == 2.0
    # The "why" texts work them with e^(−1) = 0.368 and e = 2.718: the book's rounding is right.
    assert (round(sig1, 3), round(sig_neg1, 3), round(tanh_neg1, 3)) == (0.731, 0.269, -0.762)
    assert len(trained) == 2


def test_the_neuron_lesson_learns_copy_a_as_the_nine_line_program_does(neuron):
    _session, answers, _verdicts, (trained,) = neuron
    wa, wb, wc = trained["weights"]
    assert trained["epochs"] == 10_000
    assert answers[-2:] == pytest.approx(trained["outputs"][1::-1], abs=1e-15)
    assert (wa, wb, wc) == pytest.approx((9.67, -0.21, -4.63), abs=0.01)
    assert answers[-1] == pytest.approx(0.99993704, abs=1e-6)  # the nine-line program's
    # The question gives e^(−z) for the sum it asks about (the "why" works it: 1 / 127.5).
    z = round(wb + wc, 2)
    power = round(math.exp(-z), 1)
    assert f"You need e^{-z:.2f} = {power:.1f}." in trained["question"]
    assert round(1 / (1 + power), 3) == round(answers[-2], 3) == 0.008


@pytest.mark.parametrize("question, guess, right", NEURON_GUESSES)
def test_a_slip_in_the_neuron_lesson_is_judged_wrong(neuron, question, guess, right):
    assert neuron[2][question, guess] is right


def test_tutorial_3_quotes_what_nnsim_computes(neuron):
    text = tutorial("03-single-neuron.md")
    _session, answers, _verdicts, (trained,) = neuron
    z = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    table = {name: get_activation(name).apply(z.copy()) for name in ("sigmoid", "tanh", "relu")}
    rows = ["| z | " + " | ".join(written(v, 0) for v in z) + " |"]
    rows.append("| step | " + " | ".join(written(v, 0) for v in get_activation("step").apply(z)))
    rows.append("| sigmoid | " + " | ".join(written(v, 3).rstrip("0") for v in table["sigmoid"]))
    rows.append("| tanh | " + " | ".join(written(v, 3) for v in table["tanh"]).replace(".000", ""))
    rows.append("| ReLU | " + " | ".join(written(v, 0) for v in table["relu"]))
    assert [row for row in rows if row not in text] == []
    wa, wb, wc = trained["weights"]
    outputs = trained["outputs"]
    quoted = [written(v, 3) for v in answers[4:7]] + [written(v, 2) for v in (wa, wb, wc, wb + wc)]
    quoted += [written(outputs[1], 3), written(outputs[1], 4), written(outputs[2], 5)]
    quoted += [written(outputs[0], 5), f"e^{-(wb + wc):.2f} = {math.exp(-round(wb + wc, 2)):.1f}"]
    assert [number for number in quoted if number not in text] == []
    mantissa, exponent = f"{trained['error']:.1e}".split("e")
    assert f"{mantissa} × 10⁻{'⁰¹²³⁴⁵⁶⁷⁸⁹'[-int(exponent)]}" in text
    assert "**−2**" in text and "**0.5**" in text and "**2**" in text


# ------------------------------------------------------------ lesson 4
def look_at_xor(run):
    """The session as the steps that talk about what training did begin."""
    session, text = run.session, run.step.text["en"]
    if text.startswith(("The neurons show the first row, (0, 0).", "Learning stopped after")):
        weights, biases = session.compiled.network.parameters()
        mistakes = Quantity("error").measure(session)
        return (session.history.count, *weights[0][0], biases[0][0], mistakes)
    if text.startswith("The error plot"):
        mistakes = session.history.train
        hints = diagnose(session.compiled.network, session.data, mistakes)
        counts = np.unique(mistakes, return_counts=True)
        commonest = tuple(counts[0][np.argsort(-counts[1], kind="stable")])
        said = (session.history.count, mistakes.min(), mistakes[-1], mistakes.max(), commonest)
        return ("xor perceptron", *said, hints, text)
    if text.startswith(("The error nnsim shows", "Choose the samples")):
        outputs = [Quantity("output", x).measure(session) for x in [(0, 0), (0, 1), (1, 0), (1, 1)]]
        return (session.document.layer_sizes, session.history.count, outputs)
    if text.startswith("nnsim will start this 2-2-1"):
        margins = [Quantity("stuck", (20, 1000, above)).measure(session) for above in (0.005, 0.06)]
        return ("margins", *margins)
    return None


@pytest.fixture(scope="module")
def xor():
    return play_judging("04-xor.json", XOR_GUESSES, look_at_xor)


def test_the_xor_lesson_has_the_numbers_it_works_by_hand(xor):
    _session, answers, _verdicts, seen = xor
    at_zero, accuracy, learned_01, or_bias, best_line, *rest = answers
    assert (at_zero, accuracy, learned_01, or_bias, best_line) == (1.0, 0.25, 0.0, -0.5, 0.75)
    accuracy_2_4_1, error_2_2_1, stuck_2_2_1, stuck_2_4_1 = rest
    assert accuracy_2_4_1 == 1.0
    assert error_2_2_1 == pytest.approx(0.5 * (0.5**2 + 0.5**2) / 4, abs=0.001)  # the why's
    assert (stuck_2_2_1, stuck_2_4_1) == (4.0, 0.0)  # the whys' "4 of these 20", "None"
    (_, *start, mistakes), (epochs, *learned, mistakes_after) = seen[:2]
    assert start[2] == 0.0 and mistakes == 3.0  # the AND table's 1 right of 4
    assert epochs == 7 and mistakes_after == 0.0
    # Learning moved the seed's weights in steps of 0.1 (w1 once down, w2 four times up).
    changes = np.subtract(learned, start)
    assert changes == pytest.approx([-0.1, 0.4, -0.2], abs=1e-12)


def test_the_xor_lesson_says_what_the_perceptrons_error_plot_shows(xor):
    *_, seen = xor
    _, epochs, fewest, _last, most, commonest, _hints, text = seen[2]
    assert epochs == 5000 and (fewest, most) == (1.0, 4.0)  # the plot's bottom and top
    assert commonest == (3.0, 4.0, 2.0, 1.0)
    said = "most passes make 3 or 4 mistakes (4, all wrong, is the top of the plot), some 2, "
    assert said + "a rare one only 1." in text


@pytest.mark.parametrize("question, guess, right", XOR_GUESSES)
def test_a_slip_in_the_xor_lesson_is_judged_wrong(xor, question, guess, right):
    assert xor[2][question, guess] is right


def test_tutorial_4_quotes_what_nnsim_computes(xor):
    text = tutorial("04-xor.md")
    _session, answers, _verdicts, seen = xor
    seed, (learned_epochs, w1, w2, b, _), perceptron, two_four_one, two_two_one, margins = seen
    _, *start, _b, mistakes = seed
    quoted = [written(v, 3) for v in (*start, start[0] + start[1], w1, w2, w2 + b)]
    quoted += [f"the error, which for a perceptron counts the mistakes, is **{mistakes:g}**"]
    quoted += [f"b = {written(b, 1)}**", f"after **{learned_epochs}** epochs"]
    _, epochs, fewest, last, _most, _commonest, hints, _text = perceptron
    quoted += [f"{epochs:,} epochs", f"**at best {fewest:g}**", f"making **{last:g}** per pass"]
    quoted += ["most passes make 3 or 4 (4, all wrong, is the top of the plot), some 2"]
    said = "no straight line may separate the classes"  # what the Diagnostics tab says
    assert [hint.kind for hint in hints] == ["not_separable"] and said in hints[0].text
    quoted += [f'"{said}"']
    sizes, epochs, outputs = two_four_one
    assert sizes == (2, 4, 1) and abs(epochs - 8621) <= 5  # (a smooth descent: where it
    quoted += ["**8,621**", ", ".join(written(o, 3) for o in outputs)]  # crosses 0.001)
    sizes, epochs, outputs = two_two_one
    assert sizes == (2, 2, 1)
    quoted += [f"all {epochs:,} epochs", f"error of **{answers[6]:.3f}**"]
    quoted += [", ".join(written(o, 3) for o in outputs)]
    quoted += [f"**{answers[7]:.0f}** still", f"**{answers[8]:.0f}** of 20"]
    assert [number for number in quoted if number not in text] == []
    # "The others are below 0.005 by then; the stuck ones sit near 0.063."
    assert margins == ("margins", answers[7], answers[7])
