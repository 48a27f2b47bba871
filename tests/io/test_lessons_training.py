"""Lessons 7 (learning rate, momentum) and 8 (overfitting) and their tutorials: every claim
they make holds in the session, and a wrong prediction is judged wrong.

The runs are not chaotic (XOR with η up to 5 falls smoothly; η = 300 ends saturated
whatever the bits on the way; the circles runs are smooth), but the tests still hold
numbers to margins, orderings and thresholds, so that they pass under any BLAS kernel
(OPENBLAS_CORETYPE=Prescott and Haswell too).
"""

# The lessons' and tutorials' formulas use the mathematical signs × and − on purpose.
# ruff: noqa: RUF001

import copy
import math
import time

import numpy as np
import pytest
from lesson_play import play
from tutorial_text import tutorial, written

from nnsim.engine.training import train
from nnsim.io.project import load_project
from nnsim.model.lessons import Quantity
from nnsim.model.session import Session
from nnsim.resource_files import resource_path

#: The longest a lesson step's Show Me may take, on a slow 2-core machine too (seconds);
#: here each one takes a tenth of that or less.
SHOW_ME_SECONDS = 3.0


def error(session) -> float:
    return session.display_network.loss_value(session.data.X, session.data.T)


def validation_error(session) -> float:
    return session.display_network.loss_value(session.validation.X, session.validation.T)


def opened(example: str) -> Session:
    """A session with the example project ``example`` open."""
    session = Session()
    session.load(load_project(resource_path("examples", example + ".nnsim")))
    return session


def played(lesson: str):
    """Play ``lesson`` with its Show Me; return the session, the run, each prediction's
    right number, what the session held after each "do" step that trains, and the longest
    a Show Me took (in seconds)."""
    session, run = play(resource_path("lessons", lesson))
    answers, after, longest = [], [], 0.0
    while not run.finished:
        step = run.step
        if step.kind == "do":
            start = time.perf_counter()
            run.show_me()
            longest = max(longest, time.perf_counter() - start)
            if any("train" in action for action in step.solution):
                measured = {"epochs": session.history.count, "error": error(session)}
                if session.validation is not None:
                    measured["validation"] = validation_error(session)
                after.append(measured)
        if step.kind == "predict":
            answer = step.answer
            answers.append(answer.measure(session) if isinstance(answer, Quantity) else answer)
            assert run.predict(answers[-1]).right
        assert run.advance()
    return session, run, answers, after, longest


def judgements(lesson: str, slips) -> dict:
    """Each (question, guess) of ``slips`` judged right or not, in one play of ``lesson``: the
    guess is made at the step whose text has ``question`` (the steps before it done by Show Me)."""
    _session, run = play(resource_path("lessons", lesson))
    judged = {}
    while not run.finished:
        if run.step.kind == "do":
            run.show_me()
        for question, guess, _right in slips:
            if run.step.kind == "predict" and question in run.step.text["en"]:
                reveal = run.predict(guess)
                assert reveal.why
                judged[question, guess] = reveal.right
        assert run.advance()
    return judged


# ------------------------------------------------------------ lesson 7
def xor_run(learning_rate: float, epochs: int = 1000, momentum: float = 0.0):
    """The XOR 2-4-1 example trained from its seed's start: the session after it."""
    session = opened("xor_2_4_1")
    for name, value in (("use_target_error", False), ("learning_rate", learning_rate),
                        ("momentum", momentum)):  # fmt: skip
        session.settings.set(name, value)
    session.reset()
    for _report in session.train(max_epochs=epochs):
        pass
    return session


def test_the_learning_rate_lesson_holds_in_the_session():
    start = error(opened("xor_2_4_1"))
    _session, _run, answers, after, longest = played("07-learning-rate.json")
    ranked, epochs_at_5, stuck, slope, steps = answers
    small, good, large, momentum = after
    assert [run["epochs"] for run in after] == [1000] * 4
    assert round(start, 4) == 0.1275
    # The start, and where each rate ends: the lowest is η = 5 (answer 2), and η = 300 is
    # worse than where it began.
    assert ranked == 2 and good["error"] < small["error"] < start < large["error"]
    assert small["error"] == pytest.approx(0.1065, abs=0.0005)  # hardly moved from 0.1275
    assert good["error"] < small["error"] / 100 and good["error"] == pytest.approx(8e-4, abs=2e-4)
    assert large["error"] == pytest.approx(stuck, abs=0.002) and stuck == 0.25
    assert momentum["error"] == pytest.approx(good["error"], rel=0.3)  # like η = 5 alone
    # Ten times the rate goes as far in a tenth of the epochs.
    assert epochs_at_5 == 100
    assert error(xor_run(5.0, epochs=100)) == pytest.approx(0.1068, abs=1e-4)
    assert small["error"] == pytest.approx(0.1065, abs=1e-4)
    assert slope == pytest.approx(0.999 * (1 - 0.999), rel=1e-12) and steps == 10
    assert sum(0.9**k for k in range(200)) == pytest.approx(steps, abs=1e-6)
    assert longest < SHOW_ME_SECONDS


def test_eta_300_saturates_the_output_even_with_momentum():
    for momentum in (0.0, 0.9):
        session = xor_run(300.0, momentum=momentum)
        outputs = session.display_network.predict(session.data.X).ravel()
        assert np.ptp(outputs) < 1e-3 and min(outputs.min(), 1 - outputs.max()) < 1e-3
        o = outputs.mean()
        assert o * (1 - o) < 0.999 * 0.001  # flatter than the lesson's o = 0.999
        assert error(session) == pytest.approx(0.25, abs=0.002)


def test_eta_5_brings_each_output_within_005_of_its_target():
    session = xor_run(5.0)
    outputs = session.display_network.predict(session.data.X)
    assert np.abs(outputs - session.data.T).max() < 0.05


#: Predictions for lesson 7 and whether they are right: the usual slips are not.
RATE_SLIPS = [
    ("which rate ends with the lowest", 2, True),
    ("which rate ends with the lowest", 1, False),  # the example's own, too small
    ("which rate ends with the lowest", 3, False),  # the largest steps
    ("epochs at η = 5 go as far", 100, True),
    ("epochs at η = 5 go as far", 10000, False),  # the ratio turned round
    ("output got stuck at 1", 0.25, True),
    ("output got stuck at 1", 0.125, False),  # every output 0.5, not stuck
    ("output got stuck at 1", 0.5, False),  # the ½ forgotten
    ("Predict σ′ for an output", 0.001, True),
    ("Predict σ′ for an output", 0.999, False),  # o, not its slope
    ("how many times as long", 10, True),
    ("how many times as long", 1.9, False),  # one step carried over, not all of them
]


def test_a_wrong_learning_rate_prediction_is_judged_wrong():
    expected = {(question, guess): right for question, guess, right in RATE_SLIPS}
    assert judgements("07-learning-rate.json", RATE_SLIPS) == expected


# ------------------------------------------------------------ lesson 8
def curves(session, **settings):
    """Training and validation error of every epoch, from the session's start (its seed's
    weights) with ``settings`` changed; the session itself is left as it was."""
    session.reset()
    network = copy.deepcopy(session.compiled.network)
    config = session.settings.training_config(report_interval=0.0, **settings)
    training, validation = [], []
    for report in train(network, session.data, config, validation=session.validation):
        training.extend(report.losses)
        validation.append(report.validation_loss)
    return np.array(training), np.array(validation)


def overfitting_session():
    """The lesson 8 session ready for its first training run (circles, 20 + 20 samples)."""
    session, run = play(resource_path("lessons", "08-overfitting.json"))
    while "Press Train and watch both curves" not in run.step.text["en"]:
        if run.step.kind == "do":
            run.show_me()
        assert run.advance()
    return session


def test_the_overfitting_lesson_holds_in_the_session():
    session, _run, answers, after, longest = played("08-overfitting.json")
    numbers, shape, at_end, later, stop, shrink, with_l2, l1_epochs = answers
    trained, target, early, penalised = after
    network = session.compiled.network
    weights, biases = network.parameters()
    assert numbers == 41 == sum(w.size for w in weights) + sum(b.size for b in biases)
    assert session.data.n_samples == session.validation.n_samples == 20
    # 2000 epochs: the training error near 0, the validation error up from its best.
    assert trained["epochs"] == 2000 and trained["error"] < 0.01
    assert at_end == pytest.approx(1.33, abs=0.01) == trained["validation"]
    assert shape == 2 and at_end > 2 * 0.44
    # A target error of 0.02 stops at epoch 946 with the validation error more than twice
    # its best (answer 2).
    assert later == 2 and target["epochs"] == 946
    assert target["error"] == pytest.approx(0.02, abs=1e-4)
    assert target["validation"] == pytest.approx(1.02, abs=0.01)
    # Patience 50 stops at 212 + 50, near the best.
    assert stop == 262 == early["epochs"]
    assert early["validation"] == pytest.approx(0.46, abs=0.01)
    # L2 narrows the gap from 1.32 to 0.30.
    assert penalised["epochs"] == 2000 and penalised["error"] == pytest.approx(0.21, abs=0.01)
    assert with_l2 == pytest.approx(0.51, abs=0.01) == penalised["validation"]
    gap, narrowed = trained["validation"] - trained["error"], with_l2 - penalised["error"]
    assert (round(gap, 2), round(narrowed, 2)) == (1.32, 0.30)
    assert shrink == 0.5 * 0.01 and l1_epochs == pytest.approx(0.01 / (0.5 * 0.001))
    assert longest < SHOW_ME_SECONDS


def test_the_validation_error_falls_to_its_best_at_212_then_rises():
    session = overfitting_session()
    training, validation = curves(session)
    best = int(np.argmin(validation)) + 1
    assert best == 212 and validation.min() == pytest.approx(0.44, abs=0.005)
    assert validation[0] > validation.min() + 0.2 and validation[-1] > validation.min() + 0.8
    # Not a lucky dip: the best is clearly lower than the epochs beside it, and after
    # it the validation error only goes up while the training error only goes down.
    assert min(validation[best - 2], validation[best]) - validation.min() > 1e-8
    assert (validation[best:] > validation.min()).all()  # never lower again
    assert (np.diff(validation[best + 50 :]) > 0).all()
    assert (np.diff(training) < 0).all()
    assert training[-1] < 0.01 and round(training[-1], 3) == 0.006


def test_a_training_error_a_little_above_zero_does_not_stop_overfitting():
    session = overfitting_session()
    training, validation = curves(session, target_error=0.02)
    assert len(training) == 946 and training[-1] <= 0.02 < training[-2]
    assert validation[-1] > 2 * validation.min()
    # The gap tells, not how close to 0 the training error is.
    assert validation[-1] - training[-1] > 1.0


def test_l1_and_l2_pull_each_weight_as_the_lesson_says():
    session = overfitting_session()
    session.reset()
    start = session.compiled.network
    moved = {}
    for penalty in ({}, {"l1": 0.001}, {"l2": 0.01}):
        network = copy.deepcopy(start)
        network.train_epoch(session.data.X, session.data.T, learning_rate=0.5, **penalty)
        moved[tuple(penalty)] = network.parameters()[0]
    for before, plain, l1, l2 in zip(start.parameters()[0], moved[()], moved[("l1",)],
                                     moved[("l2",)], strict=True):  # fmt: skip
        assert l1 - plain == pytest.approx(-0.0005 * np.sign(before), abs=1e-12)
        assert l2 - plain == pytest.approx(-0.005 * before, abs=1e-12)


def test_a_too_large_l2_keeps_the_network_from_learning_the_rule():
    session = overfitting_session()
    session.settings.set("l2", 0.1)
    session.reset()
    for _report in session.train(max_epochs=2000):
        pass
    assert error(session) > 0.6 and validation_error(session) > 0.6
    # 0.69 is what a network answering 0.5 for everything scores: −ln 0.5 = ln 2.
    assert math.log(2) == pytest.approx(0.69, abs=0.005)


#: Predictions for lesson 8 and whether they are right: the usual slips are not.
OVERFITTING_SLIPS = [
    ("Count the network's numbers", 41, True),
    ("Count the network's numbers", 30, False),  # the biases forgotten
    ("What will the validation error do", 2, True),
    ("What will the validation error do", 1, False),
    ("Predict the validation error then", 2, True),
    ("Predict the validation error then", 1, False),  # a leftover error does not guard
    ("after which epoch does training stop", 262, True),
    ("after which epoch does training stop", 212, False),  # the best, not the stop
    ("by what share of itself", 0.005, True),
    ("by what share of itself", 0.01, False),  # η left out
    ("in how many epochs does L1", 20, True),
    ("in how many epochs does L1", 10, False),  # η left out
]


def test_a_wrong_overfitting_prediction_is_judged_wrong():
    expected = {(question, guess): right for question, guess, right in OVERFITTING_SLIPS}
    assert judgements("08-overfitting.json", OVERFITTING_SLIPS) == expected


# ------------------------------------------------------------ the tutorials
def test_tutorial_7_quotes_what_nnsim_computes():
    text = tutorial("07-learning-rate.md")
    small, good, large = (xor_run(rate) for rate in (0.5, 5.0, 300.0))
    momentum, short = xor_run(0.5, momentum=0.9), xor_run(5.0, epochs=100)
    runs = (opened("xor_2_4_1"), small, short, good, large, momentum)
    quoted = [written(error(session), 4) for session in runs]
    quoted += [written(o, 3) for o in good.display_network.predict(good.data.X).ravel()]
    quoted += [written(0.999 * (1 - 0.999), 6), "**10**"]
    assert [number for number in quoted if number not in text] == []
    # η = 300: the error jumps at first, then lies flat at 0.25, the output stuck at 1.
    history = large.history.train
    assert history[1] > history[0] and np.abs(history[20:] - 0.25).max() < 1e-3
    assert (large.display_network.predict(large.data.X) > 0.999).all()


def test_tutorial_8_quotes_what_nnsim_computes():
    text = tutorial("08-overfitting.md")
    session = overfitting_session()
    quoted = [written(error(session), 4), written(validation_error(session), 4)]
    _training, validation = curves(session)
    best = int(np.argmin(validation)) + 1
    _session, _run, answers, after, _longest = played("08-overfitting.json")
    trained, target, early, penalised = after
    quoted += [f"**{answers[0]:g}**", f"**{session.data.n_samples}**", f"**{best}**"]
    quoted += [written(validation.min(), 2), written(trained["error"], 3)]
    quoted += [written(trained["validation"], 2)]
    quoted += [written(trained["validation"] - trained["error"], 2)]
    quoted += [f"**{target['epochs']}**", written(target["validation"], 2)]
    quoted += [f"**{early['epochs']}** = {best} + 50", written(early["validation"], 2)]
    quoted += [written(early["error"], 2), written(penalised["error"], 2)]
    quoted += [written(penalised["validation"], 2)]
    quoted += [written(penalised["validation"] - penalised["error"], 2)]
    session.settings.set("l2", 0.1)  # from the start (curves() trained a copy)
    for _report in session.train(max_epochs=2000):
        pass
    quoted += [written(error(session), 2), written(validation_error(session), 2)]
    quoted += [written(math.log(2), 2), written(0.5 * 0.01, 3), f"**{0.01 / (0.5 * 0.001):.0f}**"]
    assert [number for number in quoted if number not in text] == []
