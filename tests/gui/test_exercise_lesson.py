"""A classroom file carries a lesson, and the student's predictions and answers (issue 16, §3)."""

import json

import pytest
from PySide6.QtWidgets import QWidget

from nnsim.errors import ProjectFileError
from nnsim.gui.classroom_dialog import ClassroomDialog
from nnsim.io.lessons import lesson_paths, load_lesson
from nnsim.io.project import load_project
from nnsim.model.classroom import Classroom
from nnsim.model.lessons import LessonProgress
from nnsim.resource_files import resource_path

PREDICTOR = resource_path("lessons", "01-predictor.json")


def test_the_dialog_includes_a_lesson_of_nnsims_or_from_a_file(qtbot, tmp_path):
    dialog = ClassroomDialog(Classroom(), "mlp")
    qtbot.addWidget(dialog)
    assert dialog.classroom().lesson is None, "none unless chosen"
    dialog.lesson.setCurrentIndex(1)
    assert dialog.classroom().lesson == load_lesson(lesson_paths()[0])
    own = json.loads(PREDICTOR.read_text(encoding="utf-8"))
    own["title"] = {"en": "My own lesson"}
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(own), encoding="utf-8")
    dialog.add_lesson(load_lesson(path))
    assert dialog.classroom().lesson.title == {"en": "My own lesson"}
    again = ClassroomDialog(dialog.classroom(), "mlp")
    qtbot.addWidget(again)
    assert again.classroom() == dialog.classroom(), "it opens on the exercise's own lesson"


def test_a_student_opens_the_exercise_in_its_lesson_and_their_answers_are_kept(
    make_window, choose, tmp_path
):
    teacher = make_window()
    teacher.session.set_classroom(Classroom(lesson=load_lesson(PREDICTOR)))
    exercise = tmp_path / "exercise.nnsim"
    choose(exercise)
    teacher.files.save_action.trigger()

    student = make_window()
    student.files.open(exercise)
    panel = student.lessons_dock.widget()
    assert student.lessons_dock.isVisible(), "the exercise's lesson is offered on opening"
    assert panel.chooser.currentText() == "Exercise: 1. The predictor by hand"
    panel.findChild(QWidget, "lessonStart").click()
    run = panel.run
    run.advance()  # past the opening text
    run.predict(40.0)  # wrong: it is 50
    assert student.isWindowModified(), "a prediction is the student's work"
    run.predict(50.0)
    run.advance()
    choose(tmp_path / "answers.nnsim")
    student.files.save_as_action.trigger()

    saved = load_project(tmp_path / "answers.nnsim").lesson_progress
    assert saved == LessonProgress("01-predictor", 2, ((1, 40.0, 50.0), (1, 50.0, 50.0)))
    teacher.files.open(tmp_path / "answers.nnsim")  # the teacher reads the answers
    panel = teacher.lessons_dock.widget()
    assert panel.text.text() == "You were at step 3 of this lesson: press Start to go on."
    panel.findChild(QWidget, "lessonStart").click()
    assert panel.run.index == 2 and panel.run.predictions == list(saved.predictions)
    assert teacher.session.document.name.startswith("km"), "resumed on the work as saved"


def _exercise_file(tmp_path, lesson=None, progress=None):
    """The XOR project saved with a classroom lesson and progress written as given."""
    content = json.loads(resource_path("examples", "xor_2_4_1.nnsim").read_text("utf-8"))
    content.setdefault("classroom", {})["lesson"] = lesson
    content["lesson_progress"] = progress
    path = tmp_path / "hostile.nnsim"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


GOOD = json.loads(PREDICTOR.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("lesson", "progress", "reason"),
    [
        ({"id": "x", "content": {**GOOD, "steps": [{"kind": "read", "text": {"en": "x"},
          "open": "../../../home/someone/secret"}]}}, None, "open is not a name"),
        ({"id": "x", "content": {**GOOD, "steps": [{"kind": "do", "text": {"en": "x"},
          "check": {"quantity": ["epochs"], "above": 0},
          "solution": [{"open": "/etc/passwd"}]}]}}, None, "an example to open is a name"),
        ({"id": "x", "content": {**GOOD, "steps": [{"kind": "do", "text": {"en": "x"},
          "check": {"quantity": ["epochs"], "above": 0},
          "solution": [{"__import__": "os"}]}]}}, None, "'__import__' is no action"),
        ({"content": GOOD}, None, "the exercise's lesson has no id"),
        ({"id": "x" * 500, "content": GOOD}, None, "lesson id is too long"),
        (None, {"lesson": "01-predictor", "step": -1, "predictions": []}, "has no step"),
        (None, {"lesson": "01-predictor", "step": 1, "predictions": [[0, "NaN", 1]]},
         "a prediction is not"),
        (None, {"lesson": 7, "step": 1, "predictions": []}, "names no lesson"),
        (None, [1, 2], "not a table of named fields"),
    ],
)  # fmt: skip
def test_a_hostile_exercise_lesson_or_progress_is_refused_in_words(
    tmp_path, lesson, progress, reason
):
    with pytest.raises(ProjectFileError, match=reason):
        load_project(_exercise_file(tmp_path, lesson, progress))


def test_a_lesson_file_that_is_not_one_is_refused_in_plain_words(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    bad = tmp_path / "<b>bold<i>.json"
    bad.write_text('{"format": "nnsim-lesson", "version": 1, "steps": []}', encoding="utf-8")
    dialog = ClassroomDialog(Classroom(), "mlp")
    qtbot.addWidget(dialog)
    count = dialog.lesson.count()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(bad), ""))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    dialog.lesson_file.click()
    (text,) = warned
    assert "it has no steps" in text and "<b>" not in text, "the file's name is not markup"
    assert dialog.lesson.count() == count and dialog.classroom().lesson is None
