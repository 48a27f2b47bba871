"""Lesson files: every lesson reads, checks what the student does, and plays to its end."""

import json

import pytest
from lesson_play import play, right_answers

from nnsim.errors import ConfigError
from nnsim.io.lessons import lesson_from_dict, lesson_paths, load_lesson
from nnsim.model.lessons import LessonRun, Quantity, text_in
from nnsim.model.session import Session
from nnsim.resource_files import resource_path


@pytest.mark.parametrize("path", lesson_paths(), ids=lambda p: p.stem)
def test_every_lesson_plays_to_its_end(path):
    session, run = play(path)
    while not run.finished:
        step = run.step
        if step.kind == "do":
            if not run.done():
                assert not run.advance(), "a step not done does not move on"
            run.show_me()
            assert run.done(), f"step {run.index + 1}: its solution does what it asks"
        if step.kind == "predict":
            right = (
                step.answer.measure(session) if isinstance(step.answer, Quantity) else step.answer
            )
            assert not run.predict(right + 10 * step.tolerance + 1).right
            reveal = run.predict(right)
            assert reveal.right and reveal.answer == pytest.approx(right) and reveal.why
        assert run.advance()
    assert run.predictions, "the student's predictions are kept"


def test_the_predictor_lesson_has_the_tutorials_numbers():
    session, run = play(resource_path("lessons", "01-predictor.json"))
    answers = {}
    while not run.finished:
        if run.step.kind == "do":
            run.show_me()
        if run.step.kind == "predict":
            answer = run.step.answer
            answers[run.index] = round(
                answer.measure(session) if isinstance(answer, Quantity) else answer, 3
            )
            run.predict(answers[run.index])
        run.advance()
    assert list(answers.values()) == [50.0, 12.137, 2.137, -7.863, 0.621]
    assert [right for _, _, right in run.predictions][:3] == [50.0, 12.137, 2.137]


def test_a_do_step_waits_until_it_is_done():
    session, run = play(resource_path("lessons", "01-predictor.json"))
    while run.step.kind != "do":
        if run.step.kind == "predict":
            run.predict(0.0)
        run.advance()
    assert not run.done() and not run.advance()
    session.set_number(0.6, "n4", "n2")  # what the student does in the editor
    assert run.done() and run.advance()


def test_a_missing_language_falls_back_to_english_and_says_so():
    assert text_in({"en": "Hello"}, "zh_CN") == ("Hello", True)
    assert text_in({"en": "Hello", "zh_CN": "你好"}, "zh_CN") == ("你好", False)


GOOD = {"format": "nnsim-lesson", "version": 1, "title": {"en": "t"},
        "steps": [{"kind": "read", "text": {"en": "x"}}]}  # fmt: skip


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"format": "nnsim-project"}, "format"),
        ({"version": 2}, "version 2"),
        ({"steps": []}, "no steps"),
        ({"title": {"fr": "t"}}, "no English"),
        ({"steps": [{"kind": "quiz", "text": {"en": "x"}}]}, "kind 'quiz'"),
        ({"steps": [{"kind": "do", "text": {"en": "x"}}]}, "has a check"),
        ({"steps": [{"kind": "predict", "text": {"en": "x"}, "answer": ["mood"]}]}, "no quantity"),
        ({"steps": [{"kind": "predict", "text": {"en": "x"}, "answer": 1e999}]}, "finite"),
        (
            {"steps": [{"kind": "read", "text": {"en": "x"}, "solution": [{"rm": "-rf"}]}]},
            "no action",
        ),
    ],
)
def test_a_file_that_is_no_lesson_is_refused_saying_why(change, reason):
    with pytest.raises(ConfigError, match=reason):
        lesson_from_dict({**GOOD, **change}, "bad")


def test_a_hostile_file_is_refused_in_one_line(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000)
    (tmp_path / "text.json").write_bytes(b"\xff\xfe not utf-8")
    (tmp_path / "ok.json").write_text(json.dumps(GOOD))
    for name in ("deep.json", "text.json"):
        with pytest.raises(ConfigError, match="not JSON") as refused:
            load_lesson(tmp_path / name)
        assert "\n" not in str(refused.value)
    assert load_lesson(tmp_path / "ok.json").id == "ok"


def test_the_classifier_lesson_has_the_tutorials_numbers():
    session, run = play(resource_path("lessons", "02-classifier.json"))
    fixed, weights = [], []
    while not run.finished:
        step = run.step
        if step.kind == "predict" and not isinstance(step.answer, Quantity):
            fixed.append(step.answer)
        if step.kind == "do":
            run.show_me()
            weights.append(round(session.compiled.network.weights[0, 0], 4))
        if step.kind == "predict":
            answer = step.answer
            run.predict(answer.measure(session) if isinstance(answer, Quantity) else answer)
        run.advance()
    assert fixed == [0.35, 0.3083, 1.6042]
    assert weights == [0.3083, 1.6042, 0.25, 2.9]  # (opened again, then L = 1: A waits at 0.25)
    assert [round(right, 4) for _, _, right in run.predictions] == [0.75, 0.35, 0.3083, 1.6042, 8.7]
    from tutorial_text import tutorial

    text = tutorial("02-classifier.md")  # the tutorial quotes the same numbers
    for number in {*weights, *(round(right, 4) for _, _, right in run.predictions[:4])}:
        assert f"**{number:g}**" in text, number


def test_a_lesson_whose_example_is_not_opened_stays_where_it_is():
    session = Session()
    opened = []

    def keep_my_work(name):  # the person pressed Cancel in "Unsaved changes"
        opened.append(name)
        return False

    run = LessonRun(load_lesson(resource_path("lessons", "02-classifier.json")), session,
                    keep_my_work)  # fmt: skip
    assert not run.started and opened == ["ladybird_caterpillar"]
    assert session.document.name.startswith("XOR"), "the person's work is still open"

    session, run = play(resource_path("lessons", "02-classifier.json"))
    run.open_example = keep_my_work
    while run.lesson.steps[run.index + 1].open is None:
        if run.step.kind == "predict":
            run.predict(0.0)
        run.show_me()
        assert run.advance()
    before = run.index
    assert not run.advance() and run.index == before, "not on to a step about another example"


def test_the_predictor_tutorial_quotes_the_lessons_numbers():
    from tutorial_text import tutorial, written

    _session, _run, answers = right_answers("01-predictor.json")
    text = tutorial("01-predictor.md")
    output, *errors, learned = answers
    assert f"0.5 \u00d7 100 = **{output:.0f}**" in text  # (a times sign)
    for error in errors:
        assert f"**{written(error, 3)}**" in text
    assert f"One kilometre is {learned:.3f} miles" in text
