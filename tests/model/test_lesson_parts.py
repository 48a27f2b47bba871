"""What a lesson measures and does: each quantity against the engine, each action undoable."""

import numpy as np
import pytest

from nnsim.engine import metrics
from nnsim.engine.activations import activate
from nnsim.errors import ConfigError
from nnsim.io.lessons import lesson_from_dict
from nnsim.io.project import load_project
from nnsim.model.lesson_actions import ACTIONS
from nnsim.model.lessons import Quantity
from nnsim.model.session import Session
from nnsim.resource_files import resource_path


def opened(name: str) -> Session:
    session = Session()
    session.load(load_project(resource_path("examples", name + ".nnsim")))
    return session


def measure(session, kind, *args) -> float:
    return Quantity(kind, args).measure(session)


class Run:
    """What an action needs of a lesson run: the session, and a record of each change."""

    def __init__(self, session):
        self.session, self.records = session, []

    def record(self, text, apply, before, after):
        self.records.append((text, apply, before, after))

    def act(self, name, *args):
        ACTIONS[name](self, *args)


def test_a_neurons_value_is_the_books_matrix_layer():
    session = opened("matrix_layer")
    assert measure(session, "value", "n5", 1.0, 0.5) == pytest.approx(0.7408, abs=5e-5)
    assert measure(session, "value", "n6", 1.0, 0.5) == pytest.approx(0.6457, abs=5e-5)
    assert measure(session, "value", "n2", 1.0, 0.5) == 1.0, "an input neuron gives its input"
    assert measure(session, "output", 1.0, 0.5) == measure(session, "value", "n5", 1.0, 0.5)
    assert session.probe is None, "measuring does not move the window's probe"


def test_the_error_sent_back_is_w_transposed_times_the_output_errors():
    session = opened("three_layer_network")
    weights, _biases = session.display_network.parameters()
    x, t = session.data.X[0], session.data.T[0]
    hidden = 1 / (1 + np.exp(-weights[0] @ x))
    e = t - 1 / (1 + np.exp(-weights[1] @ hidden))
    back = weights[1].T @ e
    for row, neuron in enumerate(("n6", "n7", "n8")):
        assert measure(session, "sent_back", neuron, 1) == pytest.approx(back[row], rel=1e-12)
    assert measure(session, "sent_back", "n2", 1) == pytest.approx((weights[0].T @ back)[0])
    with pytest.raises(ConfigError, match="samples 1 to 1"):
        measure(session, "sent_back", "n6", 2)


def test_scores_and_the_validation_error_are_the_results_tabs():
    session = opened("xor_2_4_1")
    Run(session).act("train", 3000)
    predicted = metrics.labels_from_outputs(session.display_network.predict(session.data.X))
    assert measure(session, "score", "accuracy", "training") == metrics.accuracy(
        session.data.y, predicted
    )
    recall = metrics.recall(session.data.y, predicted, n_classes=2)
    assert measure(session, "score", "recall", "training", 1) == recall[1]
    assert measure(session, "score", "recall", "training") == pytest.approx(recall.mean())
    with pytest.raises(ConfigError, match="no held-out data"):
        measure(session, "score", "f1", "held-out")
    with pytest.raises(ConfigError, match="Nothing is held out"):
        measure(session, "validation_error")


def test_the_validation_error_is_the_loss_on_the_held_out_part():
    session = opened("iris")
    run = Run(session)
    run.act("setting", "validation_share", 0.3)
    run.act("train", 20)
    held_out = session.validation
    assert held_out.n_samples > 0
    assert measure(session, "validation_error") == session.display_network.loss_value(
        held_out.X, held_out.T
    )


def test_an_activation_a_lesson_sets_is_one_change_that_undoes():
    session = opened("matrix_layer")
    run = Run(session)
    assert measure(session, "uses", "L4", "sigmoid") == 1.0
    weights = session.display_network.parameters()[0][0].copy()
    run.act("activation", "L4", "step")
    assert measure(session, "uses", "L4", "step") == 1.0
    assert session.network_up_to_date, "built at once, so the canvas shows the new values"
    np.testing.assert_array_equal(session.display_network.parameters()[0][0], weights)
    z = session.display_network.parameters()[0][0] @ np.array([1.0, 0.5])
    assert measure(session, "value", "n5", 1.0, 0.5) == activate("step", z)[0]
    ((_text, apply, before, _after),) = run.records
    apply(before)
    assert measure(session, "uses", "L4", "sigmoid") == 1.0


def test_a_number_and_a_setting_a_lesson_sets_are_recorded_to_undo():
    session = opened("km_to_miles")
    run = Run(session)
    run.act("set_number", 0.6, "n4", "n2")
    run.act("setting", "learning_rate", 0.25)
    (_, set_weight, weight_before, _), (_, set_rate, rate_before, _) = run.records
    assert (weight_before, rate_before) == (0.5, 0.5)
    set_weight(weight_before)
    set_rate(rate_before)
    assert measure(session, "weight", "n4", "n2") == 0.5
    assert session.settings["learning_rate"] == 0.5


def test_stuck_counts_the_fresh_starts_left_above_an_error():
    session = opened("xor_2_2_1")
    before = session.display_network.parameters()[0][0].copy()
    assert measure(session, "stuck", 3, 5, -1.0) == 3.0, "every error is above -1"
    assert measure(session, "stuck", 3, 5, 1e9) == 0.0
    assert np.array_equal(session.display_network.parameters()[0][0], before), "left as it was"


def test_the_hopfield_quantities_follow_show_corrupt_store_and_recall():
    session = opened("hopfield_letters")
    run = Run(session)
    n = session.memory.n
    run.act("show_pattern", "T")
    assert measure(session, "overlap", "T") == 1.0
    run.act("corrupt", 0.1, 3)
    assert measure(session, "overlap", "T") == pytest.approx(1 - 2 * round(0.1 * n) / n)
    run.act("store", "pseudoinverse")
    assert measure(session, "stored") == 5.0
    assert measure(session, "capacity") == session.memory.capacity.limit
    corrupted_energy = measure(session, "energy")
    run.act("recall", 1)
    assert measure(session, "overlap", "T") == 1.0
    assert measure(session, "energy") < corrupted_energy
    _text, apply, before, _after = run.records[-1]
    apply(before)
    assert measure(session, "energy") == corrupted_energy, "the recall undoes"
    with pytest.raises(ConfigError, match="no pattern called 'Z'"):
        measure(session, "overlap", "Z")
    with pytest.raises(ConfigError, match="needs a network that trains"):
        measure(session, "error")


def _lesson(step) -> dict:
    return {"format": "nnsim-lesson", "version": 1, "title": {"en": "t"}, "steps": [step]}


@pytest.mark.parametrize(
    ("step", "reason"),
    [
        ({"kind": "predict", "text": {"en": "x"}, "answer": ["weight", "n2"]},
         "the quantity 'weight' takes target, source, not 1 values"),
        ({"kind": "predict", "text": {"en": "x"}, "answer": ["energy", 1]},
         "the quantity 'energy' takes nothing, not 1 values"),
        ({"kind": "do", "text": {"en": "x"}, "check": {"quantity": ["epochs"], "above": 1},
          "solution": [{"train": [1, 2]}]}, "the action 'train' takes epochs, not 2 values"),
        ({"kind": "do", "text": {"en": "x"}, "check": {"quantity": ["epochs"], "above": 1},
          "solution": [{"reset": 1}]}, "the action 'reset' takes nothing, not 1 values"),
    ],
)  # fmt: skip
def test_a_lesson_asking_the_wrong_number_of_values_is_refused_on_loading(step, reason):
    with pytest.raises(ConfigError, match=reason):
        lesson_from_dict(_lesson(step), "bad")


def test_a_choice_setting_is_checked_by_its_value():
    session = opened("bug_perceptron")
    assert measure(session, "setting_is", "dataset", "and") == 0.0
    Run(session).act("setting", "dataset", "and")
    assert measure(session, "setting_is", "dataset", "and") == 1.0
    assert measure(session, "setting_is", "dataset", "or") == 0.0
    with pytest.raises(ConfigError, match="no setting called 'colour'"):
        measure(session, "setting_is", "colour", "red")


@pytest.mark.parametrize(
    ("kind", "args", "reason"),
    [
        ("stuck", (10**9, 10**9, 0.1), "at most 2,000,000 samples"),
        ("stuck", (0, 5, 0.1), "at most 2,000,000 samples"),
        ("score", ("recall", "training", -1), "classes are 0 to 1, not -1"),
        ("value", ("n5", "one", 0.5), "cannot be measured here"),
        ("weight", (5, "n2"), "no connection n2 → 5"),
        ("sent_back", ("n6", 1.5), "samples 1 to 1, not 1.5"),
    ],
)
def test_a_crafted_quantity_is_refused_in_words_not_raised(kind, args, reason):
    example = {"sent_back": "three_layer_network", "score": "xor_2_4_1"}.get(kind, "matrix_layer")
    session = opened(example)
    with pytest.raises(ConfigError, match=reason):
        measure(session, kind, *args)


def test_a_crafted_action_is_refused_in_words_not_raised():
    from nnsim.model.lessons import LessonRun

    session = opened("matrix_layer")
    step = {"kind": "do", "text": {"en": "x"}, "check": {"quantity": ["epochs"], "above": 1},
            "solution": [{"set_number": ["lots", "n5", "n2"]}]}  # fmt: skip
    lesson = lesson_from_dict(_lesson(step), "x")
    run = LessonRun(lesson, session, lambda _name: True)
    with pytest.raises(ConfigError, match="cannot be done here"):
        run.show_me()


def test_a_check_on_a_layer_the_network_no_longer_has_just_does_not_hold():
    from nnsim.model.lessons import Check

    session = opened("matrix_layer")
    check = Check(Quantity("uses", ("L4", "sigmoid")), near=1.0)
    assert check.holds(session)
    session.load(load_project(resource_path("examples", "km_to_miles.nnsim")))  # no layer L4
    assert not check.holds(session), "not done, and no error out of the opening"


def test_a_memory_change_a_lesson_made_stops_a_recall_before_it_is_undone():
    session = opened("hopfield_letters")
    stopped = []
    session.add_thread_stopper(lambda: stopped.append(True))
    run = Run(session)
    run.act("corrupt", 0.1, 3)
    ((_text, apply, before, after),) = run.records
    stopped.clear()
    apply(before)
    assert stopped and np.array_equal(session.memory.current, before)
    apply(after)
    assert len(stopped) == 2, "redo too"


@pytest.mark.parametrize(
    ("solution", "check", "reason"),
    [
        ([{"train": 10**12}], ["epochs"], "train takes a whole number from 1 to 100,000"),
        ([{"step_sample": 0}], ["epochs"], "step_sample takes a whole number from 1 to 10,000"),
        ([{"train": 5}], ["stuck", 20, 100, 0.1], "fresh starts are counted for a prediction"),
    ],
)
def test_a_lesson_that_would_hold_the_window_is_refused_on_loading(solution, check, reason):
    step = {"kind": "do", "text": {"en": "x"}, "check": {"quantity": check, "above": 1},
            "solution": solution}  # fmt: skip
    with pytest.raises(ConfigError, match=reason):
        lesson_from_dict(_lesson(step), "x")


def test_a_prediction_that_is_no_number_is_refused_and_a_finished_lesson_starts_afresh():
    from nnsim.io.lessons import load_lesson
    from nnsim.model.lessons import LessonProgress, LessonRun

    session = opened("km_to_miles")
    lesson = load_lesson(resource_path("lessons", "01-predictor.json"))
    run = LessonRun(lesson, session, lambda _name: True)
    run.advance()
    with pytest.raises(ConfigError, match="not one that is infinite"):
        run.predict(float("nan"))
    assert run.predictions == [], "nothing kept that a project file could not hold"
    done = LessonProgress(lesson.id, len(lesson.steps), ((1, 50.0, 50.0),))
    again = LessonRun(lesson, session, lambda _name: True, resumed=done)
    assert again.index == 0 and again.predictions == []
