"""File > Classroom Settings: a teacher fixes parts of an exercise, saved with the project.

:class:`ClassroomDialog` lists every setting with Freeze and Hide boxes,
and offers to freeze the network (the editor) and the data.
:class:`~nnsim.gui.commands.ClassroomCommand` makes the change one undo step,
so the project counts as edited and Save keeps it.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from nnsim.model.classroom import Classroom
from nnsim.model.settings import SETTINGS

FREEZE, HIDE = 1, 2  # the table's check-box columns


class ClassroomDialog(QDialog):
    """What the exercise fixes, for the settings of networks of ``kind``."""

    def __init__(self, classroom: Classroom, kind: str, parent=None):
        super().__init__(parent)
        self.setObjectName("classroomDialog")
        self.setWindowTitle("Classroom settings")
        self.names = [spec.name for spec in SETTINGS if kind in spec.kinds]
        self.table = QTableWidget(len(self.names), 3, objectName="classroomTable")
        self.table.setHorizontalHeaderLabels(["Setting", "Frozen", "Hidden"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        titles = {spec.name: spec.title for spec in SETTINGS}
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
            "Freeze the network: the editor takes no edits", objectName="freezeNetwork"
        )
        self.network.setChecked(classroom.network_frozen)
        self.data = QCheckBox(
            "Freeze the data: no import, no drawing, its settings fixed", objectName="freezeData"
        )
        self.data.setChecked(classroom.data_frozen)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            "Students who open the saved project see the exercise so: frozen settings can "
            "be read but not changed, hidden ones are not shown. While anything is fixed, "
            "the random seed is fixed too, so everyone starts from the same weights."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.network)
        layout.addWidget(self.data)
        layout.addWidget(buttons)
        self.resize(480, 620)

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
            ticked(FREEZE), ticked(HIDE), self.network.isChecked(), self.data.isChecked()
        )
