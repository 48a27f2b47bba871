"""Lessons 5 and 6 and their tutorials: every number they ask for is the session's and the engine's.

Lesson 5 works a layer in matrix form and the error split by weights, lesson 6
one backpropagation update (2.0 -> 2.00265), each on the example tutorial 001
uses.  The right answers are compared with what Explain a Step
(:func:`~nnsim.model.explain.explain_step`) computes for the same sample, so
the lesson, the Explain dock and the engine cannot drift apart; and a number
each tutorial quotes is checked against the same computation.
"""

# The tutorials' formulas use the mathematical signs × and − on purpose.
# ruff: noqa: RUF001

import numpy as np
import pytest
from lesson_play import play, right_answers
from tutorial_text import tutorial, written

from nnsim.engine.activations import get_activation
from nnsim.io.project import load_project
from nnsim.model.explain import explain_step, target_source
from nnsim.model.session import Session
from nnsim.resource_files import resource_path


def explained(session):
    """Explain a Step for the session's first sample, as the window's F7 makes it."""
    assert session.catch_up()
    data = session.data
    return explain_step(session.compiled, data.X[0], data.T[0],
                        session.settings["learning_rate"], target_source(data, 0))  # fmt: skip


def judged(lesson: str, question: str, guess: float) -> bool:
    """Whether ``guess`` is judged right at the first step of ``lesson`` whose text has
    ``question`` (the steps before it done by Show Me)."""
    _session, run = play(resource_path("lessons", lesson))
    while question not in run.step.text["en"]:
        if run.step.kind == "do":
            run.show_me()
        assert run.advance()
    reveal = run.predict(guess)
    assert reveal.why
    return reveal.right


# ------------------------------------------------------------ lesson 5
def test_the_matrix_lesson_asks_what_explain_a_step_computes():
    seen = []  # Explain a Step as each example opens, and once W was changed by hand

    def before_step(run):
        if run.step.open or "W is now" in run.step.text["en"]:
            step = explained(run.session)  # (it compiles the network shown)
            seen.append((step, [w.copy() for w in run.session.compiled.network.weights]))

    session, _run, answers = right_answers("05-matrix-and-error-split.json", before_step)
    (layer, (W,)), (changed, _), (network, (_W_ih, W_ho)) = seen
    z1, z2, o1, o2, o1_changed, hidden1, output1, e1, share3, share1, back = answers
    assert (z1, z2) == pytest.approx(tuple(W @ [1.0, 0.5]), abs=1e-12)
    assert (o1, o2) == pytest.approx(tuple(layer.outputs[1]), abs=1e-12)
    assert (round(o1, 4), round(o2, 4)) == (0.7408, 0.6457)
    assert o1_changed == pytest.approx(changed.outputs[1][0], abs=1e-12)
    assert changed.outputs[1][1] == pytest.approx(o2, abs=1e-15)  # row 2 is as it was
    assert hidden1 == pytest.approx(network.outputs[1][0], abs=1e-12)
    assert output1 == pytest.approx(network.outputs[2][0], abs=1e-12)
    e = session.data.T[0] - network.outputs[2]
    assert e1 == pytest.approx(e[0], abs=1e-8)
    assert (share3, share1) == (3.0 / (3.0 + 1.0), 1.0 / (3.0 + 1.0))
    assert back == pytest.approx((W_ho.T @ e)[0], abs=1e-12)
    # The Explain dock writes the same Wᵀe beside the first hidden neuron.
    stage = next(stage for stage in network.stages if stage.title == "The error sent back")
    assert stage.neuron_notes["n6"].startswith(f"Wᵀe={back:.4f}\n".replace("-", "−"))


@pytest.mark.parametrize(
    "question, guess, right",
    [
        ("Predict z₁", 1.05, True),
        ("Predict z₁", 1.0, False),  # a column of W times x (0.9 × 1.0 + 0.2 × 0.5), not a row
        ("top neuron's output, sigmoid", 1.05, False),  # the sum, the sigmoid forgotten
        ("top neuron's output, sigmoid", 0.741, True),
        ("same input", 0.7408, False),  # the old output: the changed weight left out
        ("first output neuron's value", 0.7262, True),  # from the rounded hidden outputs
        ("3.0 connection", 0.25, False),  # the other one's share
        ("3.0 connection", 3 / 4, True),
        ("Wᵀe sends back", -0.6606, True),  # from the rounded errors
        ("Wᵀe sends back", 0.6606, False),  # the error t − o turned round (o − t)
        ("Wᵀe sends back", -0.3548, False),  # the split with its fractions, not Wᵀe
    ],
)
def test_a_wrong_matrix_step_is_judged_wrong_and_a_rounded_right_one_right(question, guess, right):
    assert judged("05-matrix-and-error-split.json", question, guess) is right


# ------------------------------------------------------------ lesson 6
def test_the_backpropagation_lesson_asks_each_factor_explain_a_step_computes():
    seen = {}

    def before_step(run):
        if run.index == 0:  # the example is open: explain the step it is about to make
            seen["explained"] = explained(run.session)
            seen["old"] = run.session.compiled.network.weights[0].copy()

    session, _run, answers = right_answers("06-backpropagation.json", before_step)
    step, old = seen["explained"], seen["old"]
    x, t = session.data.X[0], session.data.T[0]
    o = step.outputs[-1][0]
    slope = get_activation("sigmoid").derivative(np.array([o]))[0]
    delta = step.gradients[0][0, 0] / x[0]  # ∂E/∂w₁ = δ × x₁
    z, o_, e, slope_, delta_, gradient, change, new1, new2, read = answers
    assert z == pytest.approx(old[0] @ x, abs=1e-12)
    assert o_ == pytest.approx(o, abs=1e-12)
    assert e == pytest.approx(t[0] - o, abs=1e-12)
    assert (slope_, delta_) == pytest.approx((slope, -e * slope), abs=1e-7)
    assert delta == pytest.approx(delta_, abs=1e-7)
    assert gradient == pytest.approx(step.gradients[0][0, 0], abs=1e-7)
    assert change == pytest.approx(step.new_weights[0][0, 0] - old[0, 0], abs=1e-8)
    assert (new1, new2) == pytest.approx(tuple(step.new_weights[0][0]), abs=1e-8)
    # Step One Sample made the step Explain a Step wrote out, and the book's 2.00265.
    assert read == pytest.approx(step.new_weights[0][0, 0], rel=1e-13)
    assert round(read, 5) == 2.00265 and round(new2, 5) == 3.00331


@pytest.mark.parametrize(
    "question, guess, right",
    [
        ("Predict o (", 0.909, True),  # the book's rounding
        ("Predict σ′ for", 0.083, True),
        ("Predict δ =", -0.066, True),
        ("Predict δ =", 0.06626, False),  # the sign forgotten
        ("Predict σ′ for", 0.9089, False),  # o, not its slope
        ("Predict the new weight w₁ +", 2.00265, True),
        ("Predict the new weight w₁ +", 1.99735, False),  # a step up the slope
        ("Predict the new weight w₁ +", 2.0265, False),  # the learning rate left out
    ],
)
def test_a_wrong_factor_is_judged_wrong_and_a_rounded_right_one_right(question, guess, right):
    assert judged("06-backpropagation.json", question, guess) is right


def test_a_student_who_stepped_twice_is_not_let_on_and_show_me_puts_it_right():
    session, run = play(resource_path("lessons", "06-backpropagation.json"))
    while run.step.kind != "do":
        if run.step.kind == "predict":
            run.predict(0.0)
        assert run.advance()
    session.step_sample()
    session.step_sample()  # one press too many: w₁ is past 2.00265
    assert not run.done() and not run.advance()
    run.show_me()
    assert run.done() and round(session.compiled.network.weights[0][0, 0], 5) == 2.00265


# ------------------------------------------------------------ the tutorials


def opened(example: str):
    """A session with ``example`` open, and Explain a Step for its one sample."""
    session = Session()
    session.load(load_project(resource_path("examples", example + ".nnsim")))
    return session, explained(session)


def lines_of(step, title: str) -> list[str]:
    """The lines of the stage called ``title``, white space made single as in tutorial()."""
    stage = next(stage for stage in step.stages if stage.title == title)
    return [" ".join(line.split()) for line in stage.lines]


def test_tutorial_5_quotes_what_nnsim_computes():
    text = tutorial("05-matrix-and-error-split.md")
    session, layer = opened("matrix_layer")
    sums = lines_of(layer, "Layer 1: weighted sums and activations")
    assert [line for line in sums[1:] if line not in text] == []  # the Explain lines, as shown
    z = session.compiled.network.weights[0] @ session.data.X[0]
    session.set_number(0.4, "n5", "n2")
    changed = explained(session).outputs[1]
    three, network = opened("three_layer_network")
    W_ih, W_ho = three.compiled.network.weights
    hidden, outputs = network.outputs[1], network.outputs[2]
    e = three.data.T[0] - outputs
    by_hand = 1 / (1 + np.exp(-(W_ho @ np.round(hidden, 3))))  # from the rounded hidden outputs
    split = (W_ho / W_ho.sum(axis=1, keepdims=True)).T @ e
    quoted = [written(v, 4) for v in (*layer.outputs[1], *changed, split[0], *(W_ho.T @ e))]
    quoted += [written(v, 4) for v in (*np.exp(-z), *e)]  # e^(−z) in the sigmoids, e in the split
    quoted += [written(v, 3) for v in (*hidden, *outputs, *e, by_hand[1])]
    quoted += [written(v, 2) for v in W_ih @ network.outputs[0]]
    quoted += [written(W_ho[0] @ np.round(hidden, 3), 4), written(by_hand[0], 4)]
    quoted += [written(W_ho[:, 0] @ np.round(e, 3), 4)]
    assert [number for number in quoted if number not in text] == []
    assert (round(by_hand[1], 3), round(outputs[1], 3)) == (0.708, 0.709)  # the book's rounding
    assert len(network.stages) == 7 and network.stages[4].title == "The error sent back"
    assert "5 of 7" in text


def test_tutorial_6_quotes_what_nnsim_computes():
    text = tutorial("06-backpropagation.md")
    session, step = opened("one_update")
    factors = lines_of(step, "The output error and δ")
    explain = [line for line in factors if line.startswith(("o₁", "e₁", "f′", "δ₁"))]
    explain += [line.split(": ")[0] + ": …" for line in factors if line.startswith("t₁")]
    explain += lines_of(step, "Gradients and updates")[1:3] + lines_of(step, "The new weights")[1:2]
    assert len(explain) == 8 and [line for line in explain if line not in text] == []
    x, t = session.data.X[0], session.data.T[0]
    o = step.outputs[-1][0]
    delta = step.gradients[0][0, 0] / x[0]
    session.step_sample()  # what the tutorial then presses
    w1, w2 = session.compiled.network.weights[0][0]
    quoted = [written(v, 4) for v in (o, np.exp(-2.3), step.gradients[0][0, 0])]
    quoted += [written(v, 5) for v in (o * (1 - o), delta, w1 - 2.0, w1, w2)]
    quoted += [written(t[0], 3), written(t[0] - o, 1)]
    three, network = opened("three_layer_network")
    x, t = three.data.X[0], three.data.T[0]
    _loss, _dW, deltas = three.compiled.network.gradients(x[None, :], t[None, :])
    a = network.outputs[1][0]
    back = three.compiled.network.weights[1][:, 0] @ deltas[1]  # Σₖ wₖ₁ δₖ
    quoted += [written(v, 4) for v in (deltas[1][0], deltas[1][2], a, a * (1 - a))]
    quoted += [written(v, 5) for v in (deltas[1][1], deltas[0][0])]
    quoted += [written(back, 3)]
    assert [number for number in quoted if number not in text] == []
    assert round(w1 - 2.0, 5) == 0.00265 and round(w2 - 3.0, 5) == 0.00331
