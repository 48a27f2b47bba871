"""The Lessons panel: a lesson played in the window, one step at a time.

It shows the step's text, points at the part of the window the step is about
(a frame drawn round it), and waits: a "do" step until the session shows it
done, a "predict" step until the student has typed a number and pressed
Check (their answer, the right one and why are then shown).  **Show me**
does the step for them; **Next** goes on once the step is done.  The lesson
itself is :class:`~nnsim.model.lessons.LessonRun` on the session.
"""

import math
from collections.abc import Callable
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from nnsim.errors import NnsimError
from nnsim.gui.commands import EditCommand
from nnsim.gui.language import current_language
from nnsim.gui.part_frame import PartFrame
from nnsim.gui.plain_text import plain_label
from nnsim.io.lessons import lesson_paths, load_lesson
from nnsim.model.lessons import Lesson, LessonRun, text_in
from nnsim.model.session import Session
from nnsim.text import translate


class LessonPanel(QWidget):
    """Lessons for ``session``; ``open_example(name)`` opens an example as File > Open Example
    does, ``find(name)`` is the window's part (a widget or an action) of that object name (or
    None), and each change
    Show Me makes goes on ``undo_stack`` as the same edit by hand does (unsaved work);
    ``actions`` does some of a lesson's actions the window's way (see LessonRun), and
    ``busy()`` says whether something runs that a step must wait for (training, a recall)."""

    def __init__(
        self,
        session: Session,
        open_example: Callable[[str], object],
        find: Callable[[str], QObject | None],
        undo_stack: QUndoStack,
        parent=None,
        actions: dict | None = None,
        busy: Callable[[], bool] | None = None,
    ):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.actions = actions  # (the window's own way of doing some actions)
        #: Whether training or a recall runs: a step waits for it to end.
        self.busy = busy or (lambda: session.busy)
        self.setObjectName("lessonPanel")
        self.session, self.open_example, self.find = session, open_example, find
        self.run: LessonRun | None = None
        self._pointed: str | None = None  # the name of the part framed
        #: The frame round the part of the window a step is about (made on that window).
        self.part_frame: PartFrame | None = None
        self._shown_step: tuple | None = None  # (run, step index) the panel last showed
        self._chose_after = None  # the lesson done after which the next one was chosen
        self.shipped = [load_lesson(path) for path in lesson_paths()]
        self.lessons: list[Lesson] = []
        self.chooser = QComboBox(objectName="lessonChooser")
        start = QPushButton(translate("LessonPanel", "Start"), objectName="lessonStart")
        start.clicked.connect(self.start)
        self.step_count = plain_label("")  # "Step 3 of 18": how far, how long
        self.step_count.setObjectName("lessonStepCount")
        self.text = plain_label(translate("LessonPanel", "Choose a lesson and press Start."))
        self.text.setObjectName("lessonText")
        self.text.setWordWrap(True)
        self.answer = QLineEdit(
            objectName="lessonAnswer", placeholderText=translate("LessonPanel", "your prediction")
        )
        self.check = QPushButton(translate("LessonPanel", "Check"), objectName="lessonCheck")
        self.check.clicked.connect(self.judge)
        self.answer.returnPressed.connect(self.judge)  # Enter checks, as the button does
        self.feedback = plain_label("")
        self.feedback.setObjectName("lessonFeedback")
        self.feedback.setWordWrap(True)
        self.show_me_button = QPushButton(
            translate("LessonPanel", "Show Me"), objectName="lessonShowMe"
        )
        self.show_me_button.clicked.connect(self.show_me)
        self.next_button = QPushButton(translate("LessonPanel", "Next"), objectName="lessonNext")
        self.next_button.clicked.connect(self.next_step)
        self._lay_out(start)
        session.events.weights_changed.connect(self.refresh)
        session.events.network_changed.connect(self.refresh)
        session.events.number_set.connect(self.refresh)
        session.events.state_changed.connect(self.refresh)
        session.events.classroom_changed.connect(self._list_lessons)
        session.events.document_replaced.connect(self._list_lessons)
        session.events.document_replaced.connect(self._follow_work)
        session.settings.changed.connect(self._edited)
        self._followed: tuple = ()
        self._follow_work()
        self._list_lessons()
        self.refresh()

    def _follow_work(self) -> None:
        """Hear of the student's edits to the open network and pattern memory."""
        for signal in self._followed:
            signal.disconnect(self._edited)
        memory = self.session.memory
        self._followed = (self.session.document.changed,) + (
            (memory.changed,) if memory is not None else ()
        )
        for signal in self._followed:
            signal.connect(self._edited)

    def _edited(self, *_what_changed) -> None:
        """The student changed a setting, the drawing or the memory: is the step done now?

        During a lesson an edited network is built at once (keeping its weights), so
        the canvas shows the numbers the next step asks about.
        """
        session = self.session
        in_lesson = self.run is not None and not self.run.finished
        if in_lesson and not (session.busy or session.is_hopfield):
            session.catch_up()
        self.refresh()

    def _list_lessons(self, *_what_changed) -> None:
        """The lessons to choose from: the exercise's own first (if it has one), then
        nnsim's; the one the student's work was saved in is chosen, saying where they were."""
        exercise = self.session.classroom.lesson
        index = self.chooser.currentIndex()
        chosen = self.lessons[index] if 0 <= index < len(self.lessons) else None  # (the old list)
        self.lessons = ([exercise] if exercise is not None else []) + self.shipped
        self.chooser.clear()
        for lesson in self.lessons:
            title = text_in(lesson.title, current_language())[0]
            if lesson is exercise:
                title = translate("LessonPanel", "Exercise: {title}").format(title=title)
            self.chooser.addItem(title)
        progress = self.session.lesson_progress
        saved_in = [
            k
            for k, lesson in enumerate(self.lessons)
            if progress is not None
            and lesson.id == progress.lesson
            and progress.step < len(lesson.steps)
        ]  # (a finished one starts afresh)
        if saved_in and (self.run is None or self.run.finished):
            self.chooser.setCurrentIndex(saved_in[0])
            self.text.setText(
                translate(
                    "LessonPanel", "You were at step {step} of this lesson: press Start to go on."
                ).format(step=progress.step + 1)
            )
        elif chosen in self.lessons:
            self.chooser.setCurrentIndex(self.lessons.index(chosen))

    def _lay_out(self, start: QPushButton) -> None:
        top, predict, buttons = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(start)
        predict.addWidget(self.answer, 1)
        predict.addWidget(self.check)
        buttons.addWidget(self.step_count)
        buttons.addWidget(self.show_me_button)
        buttons.addWidget(self.next_button)
        words = QWidget()
        in_words = QVBoxLayout(words)
        in_words.addWidget(self.text)
        in_words.addWidget(self.feedback)
        in_words.addStretch(1)
        scroll = QScrollArea(objectName="lessonWords", widgetResizable=True)
        scroll.setWidget(words)  # a long step stays readable in a short dock
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(scroll, 1)
        column.addLayout(predict)
        column.addLayout(buttons)

    @Slot()
    def start(self) -> None:
        """Begin the chosen lesson at its first step."""
        lesson = self.lessons[self.chooser.currentIndex()]
        exercise = lesson is self.session.classroom.lesson  # (before an example replaces it)
        with waiting():
            run = LessonRun(
                lesson, self.session, self.open_example, record=self._record,
                on_progress=lambda progress: self.session.set_lesson_progress(
                    progress, answers=exercise
                ),
                resumed=self.session.lesson_progress, actions=self.actions,
                language=current_language(),  # (English where the lesson has not that one)
            )  # fmt: skip
        self.run = run if run.started else None
        self.feedback.setText(
            ""
            if run.started
            else translate("LessonPanel", "The lesson was not started: your work stays open.")
        )
        self.refresh()

    def _record(self, text: str, apply: Callable, before, after) -> None:
        """A change a step's Show Me made: one undo step, as the same edit by hand is."""
        self.undo_stack.push(EditCommand(text, apply, before, after, done=True))

    def welcome(self) -> None:
        """A first start's word on what the lessons are, before any is chosen."""
        self.text.setText(
            translate(
                "LessonPanel",
                "New to neural networks? These lessons go from one weight guessed by hand to "
                "backpropagation and Hopfield memories: you do each step yourself, predict the "
                "numbers, and nnsim checks them. Choose lesson 1 and press Start, or close this "
                "panel to explore on your own (Help > Lessons brings it back).",
            )
        )

    @Slot()
    def judge(self) -> None:
        """Check the student's prediction, then show the right number and why."""
        if self.run is None or not self.check.isEnabled():
            return
        value = typed_number(self.answer.text())
        if value is None:
            self.feedback.setText(translate("LessonPanel", "Type a number, then press Check."))
            return
        try:
            with waiting():  # (a quantity may take a moment: twenty fresh starts trained)
                reveal = self.run.predict(value)
        except NnsimError as exc:
            self.feedback.setText(str(exc))
            return
        verdict = (
            translate("LessonPanel", "Right.")
            if reveal.right
            else translate("LessonPanel", "Not quite: it is {answer}.").format(
                answer=shown_number(reveal.answer, self.run.step.tolerance)
            )
        )
        self.feedback.setText(
            translate("LessonPanel", "{verdict} {why}").format(verdict=verdict, why=reveal.why)
        )
        self.refresh()

    @Slot()
    def show_me(self) -> None:
        """Do the step for the student."""
        try:
            with waiting():
                self.run.show_me()
        except NnsimError as exc:
            self.feedback.setText(str(exc))
        self.refresh()

    @Slot()
    def next_step(self) -> None:
        """Go on to the next step (once this one is done)."""
        with waiting():
            went_on = self.run.advance()
        if went_on:
            self.answer.clear()
            self.feedback.setText("")
        elif self.run.done():  # done, yet not on: the next step's example did not open
            self.feedback.setText(
                translate(
                    "LessonPanel",
                    "The next step opens an example: save or discard your changes to go on.",
                )
            )
        self.refresh()

    def _predicted(self) -> bool:
        return any(index == self.run.index for index, _value, _right in self.run.predictions)

    def refresh(self, *_what_changed) -> None:
        """Show the step as it stands: its text, what it waits for, where it points."""
        run = self.run
        self._point_at(None if run is None or run.finished else run.step.point_at)
        if run is None or run.finished:
            self.step_count.setText("")
            if run is not None:
                self.text.setText(
                    translate("LessonPanel", "Lesson done. Choose another, or carry on exploring.")
                )
                self._choose_next(run.lesson)
            for widget in (self.answer, self.check, self.show_me_button, self.next_button):
                self._enable(widget, False)
            return
        step = run.step
        self.step_count.setText(
            translate("LessonPanel", "Step {step} of {steps}").format(
                step=run.index + 1, steps=len(run.lesson.steps)
            )
        )
        shown, in_english = text_in(step.text, run.language)
        if in_english:  # the lesson lacks the window's language here: say so, not silently
            note = translate("LessonPanel", "(This step is not translated yet: it is in English.)")
            shown = f"{shown}\n\n{note}"
        self.text.setText(shown)
        predicting = step.kind == "predict"
        self._enable(self.answer, predicting)
        self._enable(self.check, predicting)
        if predicting and self._shown_step != (run, run.index):
            self.answer.setFocus()  # once, as the step begins (not at each refresh)
        self._shown_step = (run, run.index)
        if self.busy():  # (training or a recall may still change what the step measures)
            self._enable(self.show_me_button, False)
            self._enable(self.next_button, False)
            return
        self._enable(self.show_me_button, bool(step.solution))
        self._enable(self.next_button, run.done() and (not predicting or self._predicted()))

    def _choose_next(self, done) -> None:
        """Once a lesson is done, the one after it is chosen (once: the student may choose
        another)."""
        if self._chose_after is done:
            return
        self._chose_after = done
        following = [k for k, lesson in enumerate(self.lessons) if lesson is done]
        if following and following[0] + 1 < len(self.lessons):
            self.chooser.setCurrentIndex(following[0] + 1)

    def _enable(self, widget: QWidget, enabled: bool) -> None:
        """Enable ``widget`` or not; a disabled one with the focus hands it to the chooser.

        Otherwise Qt hands it on along the Tab chain, into the Parameters panel, whose
        first field then opens its editor as if the student had tabbed into it.
        """
        if not enabled and widget.hasFocus():
            self.chooser.setFocus()
        widget.setEnabled(enabled)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """The panel closed (or its dock hidden): the frame it drew goes with it."""
        if self.part_frame is not None and isValid(self.part_frame):
            self.part_frame.frame(None)
        self._pointed = None  # (framed again when the panel shows)
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()

    def _point_at(self, name: str | None) -> None:
        """Frame the part of the window called ``name`` (and no other), brought into view."""
        if self._pointed == name:
            return  # (refreshed at every frame of training: the person may look elsewhere)
        self._pointed = name
        part = _shown_part(self.find(name)) if name else None
        frame = (
            self.part_frame if self.part_frame is not None and isValid(self.part_frame) else None
        )
        if part is not None and (frame is None or frame.parentWidget() is not part.window()):
            if frame is not None:
                frame.frame(None)
            frame = self.part_frame = PartFrame(part.window())  # drawn on the part's window
        if part is not None:
            reveal(part)
        if frame is not None:
            frame.frame(part)


@contextmanager
def waiting():
    """The busy cursor while something takes a moment (training, twenty fresh starts)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def typed_number(text: str) -> float | None:
    """The number a student typed: a decimal comma is a point, 25% is 0.25 and 3/4 is
    0.75; None if it is no number."""
    text = (
        text.strip().replace(",", ".").replace("\u2212", "-")
    )  # a true minus, as the lessons write it
    share = text.endswith("%")
    try:
        if "/" in text:  # a fraction: 3/4
            top, bottom = (float(part) for part in text.split("/", 1))
            value = top / bottom if bottom else math.nan
        else:
            value = float(text.removesuffix("%")) / (100 if share else 1)
    except ValueError:
        return None
    return value if math.isfinite(value) else None  # ("nan", "inf", 1e999: no number)


def shown_number(value: float, tolerance: float) -> str:
    """``value`` to as many decimals as a prediction within ``tolerance`` needs (2.00265
    for 0.00002, not 2.003), without trailing zeros."""
    decimals = min(12, max(0, math.ceil(-math.log10(tolerance)))) if tolerance > 0 else 6
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _shown_part(found: QObject | None) -> QWidget | None:
    """The widget to frame for ``found``: itself, or an action's button on a toolbar."""
    if isinstance(found, QAction):
        bars = [bar for bar in found.associatedObjects() if isinstance(bar, QToolBar)]
        return bars[0].widgetForAction(found) if bars else None
    return found


def reveal(widget: QWidget) -> None:
    """Bring ``widget`` into view: the tabs it is on to the front, its dock shown."""
    part = widget
    while part is not None:
        tabs = part.parentWidget() and part.parentWidget().parentWidget()  # (the tabs' stack)
        if isinstance(tabs, QTabWidget) and tabs.indexOf(part) >= 0:
            tabs.setCurrentWidget(part)
        if isinstance(part, QDockWidget):
            part.show()
            part.raise_()
        part = part.parentWidget()
