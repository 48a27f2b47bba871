"""Lessons: short guided steps a student does in the window, checked against the session.

A lesson is plain data (``resources/lessons/*.json``, read by
:mod:`nnsim.io.lessons`), so a teacher can write one without code.  Its steps
say something, point at a part of the window (by its object name), ask the
student to do something there (a :class:`Check` on the session says when it
is done), or ask them to predict a number before nnsim reveals it (their
answer, the right one, and why).  Every text is keyed by language ("en"); a
missing language falls back to English, saying so.

Numbers a check or a prediction uses are :class:`Quantity` measurements of
the session (:mod:`nnsim.model.lesson_quantities`: a weight, a neuron's value
for given inputs, the error, a score on held-out data, a Hopfield energy...).
A step's ``solution`` (:mod:`nnsim.model.lesson_actions` on the session) is what
a "Show me" button, and the test that plays every lesson to its end, do.

``session`` below is a :class:`~nnsim.model.session.Session` (not imported: the
lesson files' reader in :mod:`nnsim.io` may not import the session).
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from nnsim.errors import ConfigError, NnsimError
from nnsim.model.lesson_actions import ACTIONS, arguments
from nnsim.model.lesson_quantities import MEASURES
from nnsim.text import translate

KINDS = ("read", "do", "predict")
QUANTITIES = tuple(MEASURES)
FALLBACK = "en"


@dataclass(frozen=True)
class Quantity:
    """A number measured from a session: ``kind`` (a key of :data:`MEASURES`) and its
    arguments, e.g. ``Quantity("weight", ("n4", "n2"))``; see
    :mod:`nnsim.model.lesson_quantities` for each kind."""

    kind: str
    args: tuple = ()

    def measure(self, session) -> float:
        """The number now (ConfigError, in plain words, when the session cannot answer, or
        the lesson file asked for it with values of the wrong kind)."""
        try:
            return MEASURES[self.kind](session, *self.args)
        except NnsimError:
            raise  # (said in words already)
        except (TypeError, ValueError, KeyError, IndexError, OverflowError) as exc:
            raise ConfigError(
                translate(
                    "Quantity", "This lesson's {kind} {args} cannot be measured here ({why})."
                ).format(kind=self.kind, args=list(self.args), why=type(exc).__name__)
            ) from None


@dataclass(frozen=True)
class Check:
    """When a "do" step is done: ``quantity`` within ``tolerance`` of ``near``, or below/above."""

    quantity: Quantity
    near: float | None = None
    tolerance: float = 1e-9
    below: float | None = None
    above: float | None = None

    def holds(self, session) -> bool:
        try:
            value = self.quantity.measure(session)
        except NnsimError:  # (no such layer now, no network, nothing held out...)
            return False
        return (
            (self.near is None or abs(value - self.near) <= self.tolerance)
            and (self.below is None or value < self.below)
            and (self.above is None or value > self.above)
        )


@dataclass(frozen=True)
class Step:
    """One step of a lesson; see the module docstring."""

    kind: str
    text: dict
    point_at: str | None = None
    open: str | None = None
    check: Check | None = None
    answer: Quantity | float | None = None
    tolerance: float = 0.0005
    why: dict = field(default_factory=dict)
    solution: tuple = ()


@dataclass(frozen=True)
class Lesson:
    """A lesson: its id (the file's stem), title by language, and steps.

    ``content`` is the lesson file's JSON as read (and checked), so that an
    exercise can carry the lesson in its project file.
    """

    id: str
    title: dict
    steps: tuple[Step, ...]
    content: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class LessonProgress:
    """How far a student got in lesson ``lesson`` (its id): the step they are on (from 0)
    and every number they predicted, as (step, their number, the right one)."""

    lesson: str
    step: int
    predictions: tuple[tuple[int, float, float], ...] = ()


def text_in(texts: dict, language: str) -> tuple[str, bool]:
    """(the text in ``language``, whether it fell back to English for want of it)."""
    if language in texts:
        return texts[language], False
    return texts[FALLBACK], language != FALLBACK


@dataclass(frozen=True)
class Reveal:
    """A prediction judged: right or not, the right number, and why."""

    right: bool
    answer: float
    why: str


class LessonRun:
    """A lesson played on ``session``; ``open_example(name)`` opens an example project.

    ``record(text, apply, before, after)`` hears of each change a solution makes to the
    network, the drawing, a setting or the memory (the window makes it one undo step,
    unsaved work; ``apply(before)`` undoes it); by default nothing keeps it.
    ``predictions`` keeps every number the student predicted, with the right one, and
    ``on_progress(progress)`` hears of each prediction and each step gone on (the window
    keeps it in the project, as the student's answers).  A ``resumed`` run starts where
    that :class:`LessonProgress` left off, on the session as it was saved.  ``actions``
    does some of :data:`ACTIONS` the window's way (a recall animated in the Hopfield
    workspace, its energy plotted, rather than settled at once).  ``started`` is False when
    the first step's example did not open (the person chose to keep their work): the
    lesson cannot be played then.
    """

    def __init__(self, lesson: Lesson, session, open_example: Callable[[str], None],
                 language: str = FALLBACK, record: Callable | None = None,
                 on_progress: Callable | None = None,
                 resumed: LessonProgress | None = None,
                 actions: dict | None = None):  # fmt: skip
        self.lesson, self.session, self.language = lesson, session, language
        self.actions = {**ACTIONS, **(actions or {})}
        self.open_example = open_example
        self.record = record or _keep_nothing
        self.on_progress = on_progress or (lambda _progress: None)
        self.index = 0
        self.predictions: list[tuple[int, float, float]] = []
        if resumed is not None and resumed.lesson == lesson.id and resumed.step < len(lesson.steps):
            self.index = min(resumed.step, len(lesson.steps))
            self.predictions = list(resumed.predictions)
            self.started = True
        else:
            self.started = self._begin()

    @property
    def progress(self) -> LessonProgress:
        """How far the student got, to keep with their work."""
        return LessonProgress(self.lesson.id, self.index, tuple(self.predictions))

    @property
    def step(self) -> Step:
        return self.lesson.steps[self.index]

    @property
    def finished(self) -> bool:
        return self.index >= len(self.lesson.steps)

    def _begin(self) -> bool:
        """Open the step's example, if it has one; False if it was not opened (the person
        kept their work: ``open_example`` returned False)."""
        if not self.finished and self.step.open:
            return self.open_example(self.step.open) is not False
        return True

    def done(self) -> bool:
        """Whether the step is done: a "do" step's check holds; other steps always."""
        check = self.step.check
        return check is None or check.holds(self.session)

    def predict(self, value: float) -> Reveal:
        """Judge the student's prediction for a "predict" step, and keep it."""
        step = self.step
        if step.kind != "predict":
            raise ConfigError(translate("LessonRun", "This step asks for no prediction."))
        if not math.isfinite(value):
            raise ConfigError(
                translate("LessonRun", "Type a number, not one that is infinite or not a number.")
            )
        answer = step.answer
        right = float(answer.measure(self.session) if isinstance(answer, Quantity) else answer)
        if not math.isfinite(right):
            raise ConfigError(
                translate("LessonRun", "The right number cannot be worked out here now.")
            )
        self.predictions.append((self.index, float(value), right))
        self.on_progress(self.progress)
        why = text_in(step.why, self.language)[0] if step.why else ""
        return Reveal(abs(value - right) <= step.tolerance, right, why)

    def show_me(self) -> None:
        """Do the step's solution on the session (what a "Show me" button does)."""
        for action in self.step.solution:
            ((name, args),) = action.items()
            try:
                self.actions[name](self, *arguments(args))
            except NnsimError:
                raise  # (said in words already)
            except (TypeError, ValueError, KeyError, IndexError, OverflowError) as exc:
                raise ConfigError(
                    translate(
                        "LessonRun", "This lesson's {name} {args} cannot be done here ({why})."
                    ).format(name=name, args=repr(args), why=type(exc).__name__)
                ) from None

    def advance(self) -> bool:
        """Go to the next step if this one is done; True if it went on."""
        if self.finished or not self.done():
            return False
        self.index += 1
        if not self._begin():
            self.index -= 1  # the step's example is not open: the step cannot be shown
            return False
        self.on_progress(self.progress)  # (kept with the example it opened)
        return True


def _keep_nothing(_text, _apply, _before, _after) -> None:
    """Changes a lesson makes outside the window are not kept for undo."""
