"""The main window's lessons: Help > Lessons, their offer on a first start, their examples.

:class:`LessonsMenu` is part of :class:`~nnsim.gui.window.main_window.MainWindow`
(a base class of it, kept apart to keep each file to one job): it docks the
Lessons panel, offers it once on a first start, opens the examples a lesson
asks for, and finds the part of the window a step points at.  It uses the
window's ``session``, ``files``, ``store``, ``undo_stack``, ``panel``,
``hopfield`` and ``lessons_dock``.
"""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

from nnsim.gui.lessons_panel import LessonPanel
from nnsim.text import translate

#: Where the window notes that the Lessons panel was offered on a first start.
LESSONS_OFFERED = "lessons/offered"
#: The Lessons panel's height when it first docks, in pixels.
LESSONS_HEIGHT = 270


class LessonsMenu:
    """Help > Lessons in the main window (see the module docstring)."""

    def show_lessons(self) -> None:
        """Help > Lessons: the Lessons panel, docked on the right (made the first time)."""
        if self.lessons_dock is None:
            panel = LessonPanel(
                self.session, self._open_lesson_example,
                self.part, self.undo_stack,
                actions={"recall": lambda _run, seed=0: self.hopfield.run_with_seed(seed)},
                busy=lambda: self.session.busy or self.hopfield.recall.busy,
            )  # fmt: skip
            self.hopfield.recall.state_changed.connect(panel.refresh)  # a recall's end
            self.lessons_dock = QDockWidget(
                translate("LessonsMenu", "Lessons"), self, objectName="lessonsDock"
            )
            self.lessons_dock.setWidget(panel)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.lessons_dock)
            # tall enough for a step's text, its feedback and the buttons at 1280x800
            self.resizeDocks([self.lessons_dock], [LESSONS_HEIGHT], Qt.Orientation.Vertical)
        self.lessons_dock.show()
        self.lessons_dock.raise_()

    def _open_lesson_example(self, name: str) -> bool:
        """A lesson opens its example: over an example a lesson opened and nobody saved, at
        once (the student's tries on it were the lesson's, and the step says it goes on
        elsewhere); over any other work, asking first, as File > Open Example does."""
        the_lessons = self.session.document is self._lesson_document and self.files.path is None
        if not self.files.open_example(name, ask=not the_lessons):
            return False
        self._lesson_document = self.session.document
        return True

    def part(self, name: str) -> QObject | None:
        """The part of the window called ``name``: a widget or an action.  The Parameters
        panel's tree before the Data dock's, which shares its name."""
        if name == "parameterTree":
            return self.panel
        return self.findChild(QWidget, name) or self.findChild(QAction, name)

    def offer_lessons(self) -> bool:
        """On the first start, open the Lessons panel with a word on what it offers (once:
        closed, it stays closed; Help > Lessons brings it back).  Never over work restored
        or opened.  True if it was offered."""
        if self.store.value(LESSONS_OFFERED, False, type=bool) or self.isWindowModified():
            return False
        self.store.setValue(LESSONS_OFFERED, True)
        self.show_lessons()
        self.lessons_dock.widget().welcome()
        return True
