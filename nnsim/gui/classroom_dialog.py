"""File > Classroom Settings: a teacher fixes parts of an exercise, saved with the project.

:class:`ClassroomDialog` lists every setting with Freeze and Hide boxes,
offers to freeze the network (the editor) and the data, and to include a
lesson (one of nnsim's, or a teacher's own lesson file) that students who
open the project find in the Lessons panel.
:class:`~nnsim.gui.commands.ClassroomCommand` makes the change one undo step,
so the project counts as edited and Save keeps it.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from nnsim.errors import NnsimError
from nnsim.gui.language import current_language
from nnsim.gui.plain_text import plain
from nnsim.io.lessons import lesson_paths, load_lesson
from nnsim.model.classroom import Classroom
from nnsim.model.lessons import Lesson, text_in
from nnsim.model.settings import SETTINGS
from nnsim.text import translate

FREEZE, HIDE = 1, 2  # the table's check-box columns


class ClassroomDialog(QDialog):
    """What the exercise fixes, for the settings of networks of ``kind``."""

    def __init__(self, classroom: Classroom, kind: str, parent=None):
        super().__init__(parent)
        self.setObjectName("classroomDialog")
        self.setWindowTitle(translate("ClassroomDialog", "Classroom settings"))
        self.names = [spec.name for spec in SETTINGS if kind in spec.kinds]
        self.table = QTableWidget(len(self.names), 3, objectName="classroomTable")
        self.table.setHorizontalHeaderLabels([
            translate("ClassroomDialog", "Setting"),
            translate("ClassroomDialog", "Frozen"),
            translate("ClassroomDialog", "Hidden"),
        ])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        titles = {spec.name: translate("Settings", spec.title) for spec in SETTINGS}
        for row, name in enumerate(self.names):
            title = QTableWidgetItem(titles[name])
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a name to read, not to edit
            self.table.setItem(row, 0, title)
            for column, chosen in ((FREEZE, classroom.frozen), (HIDE, classroom.hidden)):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                box.setCheckState(
                    Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked
                )
                self.table.setItem(row, column, box)
        self.network = QCheckBox(
            translate("ClassroomDialog", "Freeze the network: the editor takes no edits"),
            objectName="freezeNetwork",
        )
        self.network.setChecked(classroom.network_frozen)
        self.data = QCheckBox(
            translate(
                "ClassroomDialog", "Freeze the data: no import, no drawing, its settings fixed"
            ),
            objectName="freezeData",
        )
        self.data.setChecked(classroom.data_frozen)
        self._choose_lesson_from(classroom.lesson)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            translate(
                "ClassroomDialog",
                "Students who open the saved project see the exercise so: frozen settings can "
                "be read but not changed, hidden ones are not shown. While anything is fixed, "
                "the random seed is fixed too, so everyone starts from the same weights.",
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.network)
        layout.addWidget(self.data)
        lesson_row = QHBoxLayout()
        lesson_row.addWidget(QLabel(translate("ClassroomDialog", "Lesson with the exercise:")))
        lesson_row.addWidget(self.lesson, 1)
        lesson_row.addWidget(self.lesson_file)
        layout.addLayout(lesson_row)
        layout.addWidget(buttons)
        self.resize(480, 620)

    def _choose_lesson_from(self, included: Lesson | None) -> None:
        """The lesson chooser: none, the one the exercise holds, nnsim's own, or a file's."""
        self.lesson = QComboBox(objectName="classroomLesson")
        self.lessons: list[Lesson | None] = [None]
        self.lesson.addItem(translate("ClassroomDialog", "(none)"))
        shipped = [load_lesson(path) for path in lesson_paths()]
        if included is not None and included not in shipped:
            shipped.insert(0, included)
        for lesson in shipped:
            self.add_lesson(lesson)
        self.lesson.setCurrentIndex(self.lessons.index(included) if included else 0)
        self.lesson_file = QPushButton(
            translate("ClassroomDialog", "From a File..."), objectName="classroomLessonFile"
        )
        self.lesson_file.clicked.connect(self._lesson_from_file)

    def add_lesson(self, lesson: Lesson) -> None:
        """Offer ``lesson`` in the chooser, and choose it."""
        self.lessons.append(lesson)
        self.lesson.addItem(text_in(lesson.title, current_language())[0])
        self.lesson.setCurrentIndex(len(self.lessons) - 1)

    def _lesson_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("ClassroomDialog", "Include a lesson"),
            "",
            translate("ClassroomDialog", "Lessons (*.json)"),
        )
        if not path:
            return
        try:
            self.add_lesson(load_lesson(path))
        except NnsimError as exc:
            QMessageBox.warning(self, translate("ClassroomDialog", "Not a lesson"), plain(str(exc)))

    def set_checked(self, name: str, column: int, checked: bool) -> None:
        """Tick (or clear) a setting's Frozen or Hidden box."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.table.item(self.names.index(name), column).setCheckState(state)

    def classroom(self) -> Classroom:
        """The classroom settings as the dialog shows them."""

        def ticked(column):
            return frozenset(
                name for row, name in enumerate(self.names)
                if self.table.item(row, column).checkState() == Qt.CheckState.Checked
            )  # fmt: skip

        return Classroom(
            ticked(FREEZE), ticked(HIDE), self.network.isChecked(), self.data.isChecked(),
            self.lessons[self.lesson.currentIndex()],
        )  # fmt: skip
