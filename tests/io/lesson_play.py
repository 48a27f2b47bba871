"""Playing a lesson in tests as the window does: its examples opened, its Show Me pressed."""

from nnsim.io.lessons import load_lesson
from nnsim.io.project import load_project
from nnsim.model.lessons import LessonRun, Quantity
from nnsim.model.session import Session
from nnsim.resource_files import resource_path


def play(path):
    """A session and a run of the lesson at ``path``, opening examples as the window does."""
    session = Session()

    def open_example(name):
        session.load(load_project(resource_path("examples", name + ".nnsim")))

    return session, LessonRun(load_lesson(path), session, open_example)


def right_answers(lesson: str, before_step=None):
    """Play ``lesson`` (a file name in resources/lessons) with its Show Me: the session, the
    run, and each prediction's right number.

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
