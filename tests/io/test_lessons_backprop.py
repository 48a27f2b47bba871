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

from pathlib import Path

import numpy as np
import pytest
from test_lessons import play

from nnsim.engine.activations import get_activation
from nnsim.model.explain import explain_step, target_source
from nnsim.model.lessons import Quantity
from nnsim.resource_files import resource_path

TUTORIALS = Path(__file__).resolve().parents[2] / "docs" / "tutorials"


def explained(session):
    """Explain a Step for the session's first sample, as the window's F7 makes it."""
    assert session.catch_up()
    data = session.data
    return explain_step(session.compiled, data.X[0], data.T[0],
                        session.settings["learning_rate"], target_source(data, 0))  # fmt: skip


def right_answers(lesson: str, before_step=None):
    """Play ``lesson`` with its Show Me: the session, the run, and each prediction's right number.

    ``before_step(run)`` is called as each step begins (to look at the session then).
    """
    session, run = play(resource_path("lessons", lesson))
    answers = []
    while not run.finished:
        if before_step is not None:
            before_step(run)
        step = run.step
        if step.kind == "do":
            run.show_me()
        if step.kind == "predict":
            answer = step.answer
            answers.append(answer.measure(session) if isinstance(answer, Quantity) else answer)
            run.predict(answers[-1])
        assert run.advance()
    return session, run, answers


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
    _session, run = play(resource_path("lessons", "06-backpropagation.json"))
    while question not in run.step.text["en"]:
        if run.step.kind == "do":
            run.show_me()
        assert run.advance()
    reveal = run.predict(guess)
    assert reveal.right is right and reveal.why
