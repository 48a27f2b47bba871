"""The Data dock: what the network learns from, as a table and a scatter, and drawing points.

:class:`DataView` shows the data set the session trains on (the training
part and the validation part, after normalisation; or the data the settings
make, when the network cannot take it) with a line describing it, the Data
settings (a :class:`~nnsim.gui.panels.ParameterPanel` showing that group
only, in step with the Parameters dock), a table of every sample and, for
two inputs, a scatter.  Its Draw button lets a person click points of a
chosen class onto the decision plot (right-click removes the nearest): each
click is one undoable change of the data, made by :mod:`nnsim.model.drawing`.
The view follows the session's events; the :class:`PointDrawing` that links
it to the decision plot is built with the two and the importer it adds
points through.
"""

import contextlib

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine.datasets import Dataset
from nnsim.errors import NnsimError
from nnsim.gui.palette import class_colour
from nnsim.gui.plain_text import escaped, plain
from nnsim.gui.plots import DecisionPlot, InputScaling, drawable, style_axes
from nnsim.model.classroom import FIXED
from nnsim.model.drawing import add_point, can_draw_on, remove_nearest, shown_description
from nnsim.model.run_data import input_scaling, source_data, training_data, without_derived
from nnsim.model.session import Session
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: The "Show scaled values" tooltip while the inputs are not scaled (shown translated).
NO_SCALING = QT_TRANSLATE_NOOP(
    "DataDock",
    "The inputs are not scaled (Input normalisation: none): the values are the data's own",
)
#: Height of a field's row in the Data settings (pyqtgraph's rows are about this tall).
ROW_HEIGHT = 24


class SamplesModel(QAbstractTableModel):
    """Every sample as a row: its inputs, its target (class name or values) and its part."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._columns: list[str] = []
        self._cells: list[np.ndarray | list] = []  # one sequence per column
        self._rows = 0

    def show(self, data: Dataset, validation: Dataset | None, scaling=None, scaled=False) -> None:
        """Show the training part, then the validation part.

        The inputs are the person's own numbers: ``scaling`` (an
        :class:`~nnsim.gui.plots.InputScaling`, or None) undoes what the
        network's inputs went through, unless ``scaled`` asks for them as
        the network sees them (their columns then say so).
        """
        parts = [part for part in (data, validation) if part is not None]
        self.beginResetModel()
        X = np.vstack([part.X for part in parts])
        self._columns = list(data.feature_names)
        if scaling is not None and not scaled:
            X = scaling.to_raw(X)
        elif scaling is not None:
            self._columns = [f"{name} ({scaling.method})" for name in self._columns]
        self._cells = [X[:, k] for k in range(X.shape[1])]
        if data.task == "classification":
            labels = np.concatenate([part.y for part in parts])
            self._columns.append(translate("SamplesModel", "class"))
            self._cells.append([data.class_names[int(k)] for k in labels])
        else:
            T = np.vstack([part.T for part in parts])
            self._columns += (
                [translate("SamplesModel", "target")]
                if T.shape[1] == 1
                else [f"t{k + 1}" for k in range(T.shape[1])]
            )
            self._cells += [T[:, k] for k in range(T.shape[1])]
        self._columns.append(translate("SamplesModel", "part"))
        training, validation = (
            translate("SamplesModel", "training"),
            translate("SamplesModel", "validation"),
        )
        self._cells.append([training] * data.n_samples + [validation] * (len(X) - data.n_samples))
        self._rows = len(X)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt's names
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt's names
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        value = self._cells[index.column()][index.row()]
        return value if isinstance(value, str) else f"{value:.6g}"

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section]
        return str(section + 1)


class DataView(QWidget):
    """The Data dock's contents (``dataView``): the data ``session`` trains on.

    It shows them again whenever the session has a new network
    (``network_changed``, which also follows opening a document) or new data
    it cannot take (``data_changed`` with no network).  Opening a Hopfield
    memory changes nothing here: it has no data set, and the window hides the dock.

    Parameters
    ----------
    session : Session
    fields : QWidget
        The Data settings' fields (a ParameterPanel of the "Data" group).

    Signals
    -------
    drawing_toggled(bool)
        The Draw button was pressed (True) or released.
    scaled_toggled(bool)
        "Show scaled values" was ticked: the inputs as the network sees them
        (True), or as they are.
    samples_shown(int)
        The number of training samples now shown (the status bar's sample counter).
    """

    drawing_toggled = Signal(bool)
    scaled_toggled = Signal(bool)
    samples_shown = Signal(int)

    def __init__(self, session: Session, fields: QWidget, parent=None):
        super().__init__(parent)
        self.setObjectName("dataView")
        self.session = session
        self.description = QLabel(objectName="dataDescription")
        self.description.setTextFormat(Qt.TextFormat.RichText)  # the name in bold; names escaped
        self.description.setWordWrap(True)
        self.fields = fields
        _fit_rows(fields)
        self.samples = SamplesModel(self)
        self.table = QTableView(objectName="dataTable")
        self.table.setModel(self.samples)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.horizontalHeader().setResizeContentsPrecision(50)  # wide enough, soon
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves the table
        self.table.findChild(QAbstractButton, "qt_tableview_cornerbutton").setToolTip(
            translate("DataView", "Select every sample")
        )
        self.scatter = pg.PlotWidget(background="w")
        self.scatter.setObjectName("dataScatter")
        style_axes(self.scatter.getPlotItem())
        self.points = pg.ScatterPlotItem(size=8, pen=pg.mkPen("w"))
        self.scatter.addItem(self.points)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, translate("DataView", "Table"))
        self.tabs.addTab(self.scatter, translate("DataView", "Scatter"))
        self.draw_button = QPushButton(
            translate("DataView", "Draw Points"), objectName="drawPointsButton"
        )
        self.draw_button.setCheckable(True)
        self.draw_button.toggled.connect(self.drawing_toggled)
        self.draw_class = QComboBox(objectName="drawClass")
        self.draw_class.setToolTip(translate("DataView", "The class of the points a click adds"))
        self.scaled_box = QCheckBox(
            translate("DataView", "Show scaled values"), objectName="showScaledValues"
        )
        self.scaled_box.setToolTip(translate("DataDock", NO_SCALING))
        self.scaled_box.setEnabled(False)
        self.scaled_box.toggled.connect(self._scaled_toggled)
        self._shown: tuple = (None, None, None)  # what _show() was last given
        self._lay_out()
        session.events.network_changed.connect(self.follow)
        session.events.data_changed.connect(self._data_changed)
        self.follow()

    def _lay_out(self) -> None:
        drawing = QHBoxLayout()
        drawing.addWidget(self.draw_button)
        drawing.addWidget(QLabel(translate("DataView", "of class")))
        drawing.addWidget(self.draw_class, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.description)
        layout.addWidget(self.fields)
        layout.addLayout(drawing)
        layout.addWidget(self.scaled_box)
        layout.addWidget(self.tabs, 1)

    def set_fields(self, fields: QWidget) -> None:
        """Show another panel of Data fields (a new document has its own)."""
        self.layout().replaceWidget(self.fields, fields)
        self.fields = fields
        _fit_rows(fields)

    def follow(self, *_what_changed) -> None:
        """Show the data the session trains on, or else those its settings make.

        With no network the data may still be there (the network cannot take
        them: the reason is said under the parameters); with no data either,
        the view keeps what it showed.
        """
        settings = self.session.settings
        # The data's own inputs are shown, in their own numbers (not scaled, nor derived).
        if self.session.compiled is not None:
            parts = (self.session.data, self.session.validation)
            scaling = InputScaling.of(settings, derived=False)
            self._show(*(without_derived(part, settings) for part in parts), scaling)
            return
        with contextlib.suppress(NnsimError):  # no data (nor scaling): the reason is said
            parts = training_data(settings)
            scaling = InputScaling.of(settings, derived=False)
            self._show(*(without_derived(part, settings) for part in parts), scaling)

    def _data_changed(self) -> None:
        if self.session.compiled is None:  # else network_changed came first and showed them
            self.follow()

    def _show(self, data: Dataset, validation: Dataset | None, scaling=None) -> None:
        """Show ``data`` and ``validation``, the inputs as the network sees them.

        ``scaling`` (an :class:`~nnsim.gui.plots.InputScaling`, or None) is how
        they were made from the person's numbers: the table and the scatter
        show those numbers unless "Show scaled values" is ticked.
        """
        self._shown = (data, validation, scaling)
        self.scaled_box.setEnabled(scaling is not None)
        self.scaled_box.setToolTip(
            translate("DataDock", NO_SCALING)
            if scaling is None
            else translate(
                "DataView",
                "Show the inputs {method} scaled, as the network sees them, "
                "instead of the data's own numbers",
            ).format(method=scaling.method)
        )
        scaled = scaling is not None and self.scaled_box.isChecked()
        held_out = validation.n_samples if validation is not None else 0
        self.description.setText(
            translate(
                "DataView",
                "<b>{name}</b>: {description} {training} training and {validation} "
                "validation samples.",
            ).format(
                name=escaped(data.name),
                description=escaped(shown_description(data.description)),
                training=data.n_samples,
                validation=held_out,
            )
            + _scaling_note(scaling, scaled)
        )
        self.samples.show(data, validation, scaling, scaled)
        self.table.resizeColumnsToContents()
        self._show_scatter(data, validation, None if scaled else scaling)
        self._offer_drawing(data)
        self.samples_shown.emit(data.n_samples)

    def _scaled_toggled(self, on: bool) -> None:
        if self._shown[0] is not None:
            self._show(*self._shown)
        self.scaled_toggled.emit(on)

    def _show_scatter(self, data: Dataset, validation: Dataset | None, scaling=None) -> None:
        plot = self.scatter.getPlotItem()
        if data.n_features != 2:
            self.points.setData([])
            title = translate("DataView", "A scatter needs 2 inputs; {name} has {count}.")
            plot.setTitle(title.format(name=escaped(data.name), count=data.n_features))
            return
        plot.setTitle("")
        spots = []
        for part, symbol in zip((data, validation), ("o", "t"), strict=True):
            if part is None:
                continue
            X = drawable(part.X if scaling is None else scaling.to_raw(part.X))
            for (x, y), label in zip(X, part.y, strict=True):
                colour = class_colour(label) if part.n_classes else "#333"
                spots.append({"pos": (x, y), "symbol": symbol, "brush": pg.mkBrush(colour)})
        self.points.setData(spots)
        plot.setLabel("bottom", escaped(data.feature_names[0]))  # pyqtgraph's labels are HTML
        plot.setLabel("left", escaped(data.feature_names[1]))
        self.scatter.autoRange()

    def _offer_drawing(self, data: Dataset) -> None:
        reason = can_draw_on(data)
        self.draw_button.setEnabled(reason is None)
        self.draw_button.setToolTip(
            plain(reason)
            if reason
            else translate(
                "DataView",
                "Click on the decision plot to add points; right-click removes the nearest",
            )
        )
        if reason is not None:
            self.draw_button.setChecked(False)
        names = list(data.class_names) if reason is None else []
        if [self.draw_class.itemText(k) for k in range(self.draw_class.count())] != names:
            self.draw_class.clear()
            self.draw_class.addItems(names)


def _scaling_note(scaling, scaled: bool) -> str:
    """What the description says about scaled inputs ("" when there are none)."""
    if scaling is None:
        return ""
    if scaled:
        note = translate("DataDock", " The network sees the inputs {method} scaled, as shown here.")
    else:
        note = translate(
            "DataDock",
            " The network sees the inputs {method} scaled; the table and the plots "
            "show the data's own numbers.",
        )
    return note.format(method=scaling.method)


def _fit_rows(fields: QWidget) -> None:
    """Make a panel of fields tall enough for its rows: the table below gets the rest."""
    rows = 1 + sum(len(group.children()) for group in fields.root.children())
    fields.tree.setMinimumHeight(rows * ROW_HEIGHT + 8)
    fields.setMaximumHeight(rows * ROW_HEIGHT + 40)


class PointDrawing(QObject):
    """Points drawn on the decision plot while the Data dock's Draw button is down.

    Links ``data_view`` (its Draw button, class and "Show scaled values") to
    ``decision_plot`` (clicks, and the axes it draws); each point drawn is a
    change of ``session``'s data made through ``importer.use_data``, one undo step.
    """

    def __init__(self, session: Session, data_view: DataView, decision_plot: DecisionPlot,
                 importer):  # fmt: skip
        super().__init__(data_view)
        self.session, self.data_view, self.decision_plot = session, data_view, decision_plot
        self.importer = importer
        data_view.drawing_toggled.connect(self._toggled)
        # The decision plot's axes follow the Data dock's "Show scaled values".
        data_view.scaled_toggled.connect(self._show_scaled)

    def _show_scaled(self, on: bool) -> None:
        self.decision_plot.set_show_scaled(on)  # the samples drawn again, the map cleared
        self.decision_plot.draw()

    def _toggled(self, on: bool) -> None:
        self.decision_plot.draw_with(self.click if on else None)
        if on:
            self.session.say(
                translate(
                    "PointDrawing",
                    "Drawing: click to add a point of the chosen class, right-click to remove one.",
                )
            )

    def click(self, x: float, y: float, add: bool) -> None:
        """Add a point at (x, y) (the network's inputs: scaled), or remove the nearest."""
        session = self.session
        if session.classroom.fixes("dataset"):
            session.say(translate("Classroom", FIXED))
            return
        shown = np.array([x, y])  # the plot hands on its clicks as the network's inputs
        scaling = input_scaling(session.settings)
        data = source_data(session.settings)
        label = self.data_view.draw_class.currentIndex()
        try:
            if add:
                point = shown if scaling is None else shown * scaling[1] + scaling[0]
                drawn = add_point(data, point, label)
            else:
                drawn = remove_nearest(data, shown, scaling)
        except NnsimError as exc:
            session.say(str(exc))
            return
        self.importer.use_data(drawn)
