"""Finished runs side by side (``runComparison``, issue 18 section 4).

:class:`RunComparisonView` shows the runs a :class:`~nnsim.model.runs.RunLog`
keeps: every run's error curve on one plot (``runCurves``, a colour a run,
named in the legend: curves on one axis compare at a glance, four small plots
would not), and beside it a column a run: its name in its colour, its buttons
(``restoreRun<i>``, ``pinRun<i>``, ``removeRun<i>``), a small picture of its
decision boundary for two-input data, its final error, accuracy and epochs,
and its settings.  The settings shown are the network's shape, the learning
rate, optimiser and initialiser, and every setting the runs differ in, whose
rows are highlighted; ``runShowAllSettings`` shows them all.

Restore puts a run's weights and error history back into the editor's
network (:func:`~nnsim.model.run_restore.restore_run`).  It asks first unless
the weights there now are saved or are a kept run's: a person's own weights
are never replaced without asking.  A refusal (another network, other data)
is said in ``runProblem`` and the status bar.

The view changes when the log does (a run ends, a pin, a removal), not at
the live view's frames: :meth:`draw` has nothing to do.
"""

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.errors import ConfigError
from nnsim.gui.palette import RUNS
from nnsim.gui.plain_text import message_box, plain_label
from nnsim.gui.plots.common import decade_ticks, legend_below, plot_widget
from nnsim.gui.plots.error_plot import decimate
from nnsim.gui.training.run_pictures import THUMBNAIL_SIDE, decision_thumbnail
from nnsim.model.run_restore import restore_run
from nnsim.model.runs import STRUCTURE, KeptRun, RunLog, differing_settings
from nnsim.model.session import Session
from nnsim.model.settings import SPECS, choice_title, title
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Settings shown for every run even when all runs agree on them (the question is
#: usually which of these made the difference).
KEY_SETTINGS = (STRUCTURE, "learning_rate", "optimizer", "init")
#: How a run ended, in words (the codes are :attr:`KeptRun.stop_reason`'s).
ENDINGS = {
    "max_epochs": QT_TRANSLATE_NOOP("RunComparisonView", "epochs all done"),
    "target_error": QT_TRANSLATE_NOOP("RunComparisonView", "target error reached"),
    "no_improvement": QT_TRANSLATE_NOOP("RunComparisonView", "stopped early"),
    "stopped": QT_TRANSLATE_NOOP("RunComparisonView", "stopped"),
    "failed": QT_TRANSLATE_NOOP("RunComparisonView", "failed"),
}
#: The background of a setting the runs differ in.
DIFFERS = "#FFF3C4"


#: The view setting (:mod:`nnsim.model.view_settings`) saying all settings are shown.
SHOW_ALL_SETTING = "runComparison.showAll"


class RunComparisonView(QWidget):
    """The runs ``log`` keeps (a new :class:`RunLog` of ``session`` when None), side by side.

    Parameters
    ----------
    session : Session
    unsaved : callable or None
        ``unsaved()`` says whether the open work has unsaved changes (the window's
        ``files.modified``); without it, weights that are no kept run's count as unsaved.
    """

    def __init__(
        self,
        session: Session,
        parent=None,
        log: RunLog | None = None,
        unsaved: Callable[[], bool] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("runComparison")
        self.session = session
        self.log = log if log is not None else RunLog(session)
        self.unsaved = unsaved or (lambda: True)
        self._colours: dict[int, str] = {}  # run number -> colour, kept while the run is
        self.plot = plot_widget("runCurves", translate("RunComparisonView", "Error of each run"))
        self.plot.setLabel("bottom", translate("RunComparisonView", "epoch"))
        self.plot.setLabel("left", translate("RunComparisonView", "error E"))
        legend_below(self.plot)
        self.show_all = QCheckBox(translate("RunComparisonView", "Show all settings"))
        self.show_all.setObjectName("runShowAllSettings")
        self.show_all.setChecked(bool(session.view_settings.get(SHOW_ALL_SETTING)))
        self.show_all.toggled.connect(self._show_all_toggled)
        session.events.document_replaced.connect(self._restore_choice)
        self.empty = plain_label(
            translate(
                "RunComparisonView",
                "Runs appear here when training ends, the last four side by side: change a "
                "setting, reset and train again to compare.",
            ),
            objectName="runsEmpty",
            wordWrap=True,
        )
        self.problem = plain_label(objectName="runProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #B00000")
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.grid = QGridLayout()
        self._lay_out()
        self.log.changed.connect(self.rebuild)
        self.rebuild()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.empty, 1)
        top.addWidget(self.show_all)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addLayout(top)
        side.addWidget(self.problem)
        side.addWidget(self.scroll, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 3)
        layout.addLayout(side, 7)

    # -------------------------------------------------------------- showing
    def draw(self) -> None:
        """Nothing to do at a live frame: the view follows the run log, not the weights."""

    def rebuild(self) -> None:
        """Show the log's runs again: the curves, then a column a run."""
        runs = self.log.runs
        self._say_problem("")
        self.empty.setVisible(not runs)
        self.plot.setVisible(bool(runs))  # (an empty plot's axes would mean nothing)
        self.show_all.setVisible(bool(runs))
        self._colour_runs(runs)
        self._draw_curves(runs)
        self._new_grid()
        if not runs:
            return
        differing = differing_settings(runs)
        for column, run in enumerate(runs, start=1):
            self._add_column(column, run)
        row = 3
        for name in self.shown_settings(runs):
            self._add_setting_row(row, name, runs, name in differing)
            row += 1
        self.grid.setRowStretch(row, 1)
        self.grid.setColumnStretch(len(runs) + 1, 1)

    def _new_grid(self) -> None:
        """An empty grid of columns in the scroll area.

        The old one goes later, not now: a button in it (Remove, Pin) may be what
        asked for the change, and is still in its click.
        """
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        columns = QWidget(objectName="runColumns")
        self.grid = QGridLayout(columns)
        self.grid.setContentsMargins(0, 2, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(2)
        self.scroll.setWidget(columns)

    def _show_all_toggled(self, shown: bool) -> None:
        self.session.view_settings[SHOW_ALL_SETTING] = shown  # kept with the project
        self.rebuild()

    def _restore_choice(self) -> None:
        """Another project: show all settings as it was left (no: the key ones)."""
        self.show_all.setChecked(bool(self.session.view_settings.get(SHOW_ALL_SETTING)))

    def shown_settings(self, runs) -> list[str]:
        """The settings given a row: those that differ first (in a low dock the rows below
        may need scrolling to), then the key ones, or all."""
        differing = differing_settings(runs)
        names = [STRUCTURE, *(name for name in SPECS if any(name in run.settings for run in runs))]
        if not self.show_all.isChecked():
            names = [name for name in names if name in KEY_SETTINGS or name in differing]
        return sorted(names, key=lambda name: name not in differing)  # stable: in their order

    def _colour_runs(self, runs) -> None:
        """Each run keeps its colour while kept; a new one takes the first colour free."""
        self._colours = {n: c for n, c in self._colours.items() if n in {r.number for r in runs}}
        for run in runs:
            if run.number not in self._colours:
                free = [c for c in RUNS if c not in self._colours.values()]
                self._colours[run.number] = free[0] if free else RUNS[run.number % len(RUNS)]

    def colour(self, run: KeptRun) -> str:
        return self._colours[run.number]

    def _draw_curves(self, runs) -> None:
        item = self.plot.getPlotItem()
        item.clear()  # (its legend too)
        positive = all((run.train > 0).all() for run in runs)
        self.plot.setLogMode(y=bool(runs) and positive)  # an error of 0 has no logarithm
        if runs and positive:
            low = min(float(run.train.min()) for run in runs)
            high = max(float(run.train.max()) for run in runs)
            self.plot.getAxis("left").setTicks(decade_ticks(low, high))
        for run in runs:
            x, y = decimate(run.epochs, run.train)
            pen = pg.mkPen(self.colour(run), width=2)
            item.plot(x, y, pen=pen, name=run.name)  # names are ours: "Run 2"
        item.enableAutoRange()

    def _add_column(self, column: int, run: KeptRun) -> None:
        index = column - 1
        name = plain_label(run.name, objectName=f"runName{index}")
        name.setStyleSheet(f"font-weight: bold; color: {self.colour(run)}")
        self.grid.addWidget(name, 0, column)
        self.grid.addLayout(self._buttons(index, run), 1, column)
        summary = QHBoxLayout()
        picture = QLabel(objectName=f"runPicture{index}")
        if run.picture is not None:
            picture.setPixmap(decision_thumbnail(run.picture, THUMBNAIL_SIDE))
            picture.setFixedSize(THUMBNAIL_SIDE, THUMBNAIL_SIDE)
        summary.addWidget(picture)
        results = plain_label(_results(run), objectName=f"runResults{index}")
        results.setStyleSheet("font-size: 8pt")
        summary.addWidget(results, 1)
        self.grid.addLayout(summary, 2, column)

    def _buttons(self, index: int, run: KeptRun) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(2)
        restore = QToolButton(text=translate("RunComparisonView", "Restore"))
        restore.setObjectName(f"restoreRun{index}")
        restore.setToolTip(
            translate(
                "RunComparisonView",
                "Put this run's final weights and error curve back into the network",
            )
        )
        restore.clicked.connect(lambda: self.restore(run))
        pin = QToolButton(text=translate("RunComparisonView", "Pin"), checkable=True)
        pin.setObjectName(f"pinRun{index}")
        pin.setChecked(run.pinned)
        pin.setToolTip(
            translate("RunComparisonView", "Keep this run when newer runs push old ones out")
        )
        pin.toggled.connect(lambda on: self._pin(run, on))
        remove = QToolButton(text=translate("RunComparisonView", "Remove"))
        remove.setObjectName(f"removeRun{index}")
        remove.clicked.connect(lambda: self.log.remove(run))
        for button in (restore, pin, remove):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _add_setting_row(self, row: int, name: str, runs, differs: bool) -> None:
        shown = (
            translate("RunComparisonView", "Network") if name == STRUCTURE else title(SPECS[name])
        )
        label = plain_label(shown)
        cells = [label]
        for column, run in enumerate(runs, start=1):
            cell = plain_label(
                setting_text(run, name), objectName=f"runSetting_{name}_{column - 1}"
            )
            self.grid.addWidget(cell, row, column)
            cells.append(cell)
        self.grid.addWidget(label, row, 0)
        if differs:
            for cell in cells:
                cell.setStyleSheet(f"background: {DIFFERS}; font-weight: bold")
            label.setToolTip(translate("RunComparisonView", "The runs differ in this setting"))

    # ------------------------------------------------------------- actions
    def restore(self, run: KeptRun) -> bool:
        """Restore ``run`` into the editor's network, asking first if weights would be lost.

        Returns whether it was restored; a refusal is said in ``runProblem``.
        """
        if self.log.holding() is None and self.unsaved() and not self.ask_to_replace(run):
            return False
        try:
            restore_run(self.session, run)
        except ConfigError as exc:
            self._say_problem(str(exc))
            self.session.say(str(exc))
            return False
        self._say_problem("")
        self.session.say(
            translate(
                "RunComparisonView",
                "{run} restored: its weights and error curve are back; Train goes on from them.",
            ).format(run=run.name)
        )
        return True

    def ask_to_replace(self, run: KeptRun) -> bool:
        """Whether to replace unsaved weights with ``run``'s (tests replace this)."""
        box = message_box(
            QMessageBox.Icon.Question,
            translate("RunComparisonView", "Restore {run}").format(run=run.name),
            translate(
                "RunComparisonView",
                "The network's weights now are not saved and are not one of the kept runs: "
                "restoring {run} replaces them. Restore it?",
            ).format(run=run.name),
            self,
        )
        yes = box.addButton(
            translate("RunComparisonView", "Restore"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def _pin(self, run: KeptRun, on: bool) -> None:
        try:
            self.log.pin(run, on)
        except ConfigError as exc:
            self.rebuild()  # the button unchecked again
            self._say_problem(str(exc))

    def _say_problem(self, text: str) -> None:
        """Say why something was refused under the settings' toggle (empty: nothing)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # -------------------------------------------------------------- numbers
    def table(self) -> tuple[list[str], list[list]]:
        """One row per run per setting, then its results: (header, rows)."""
        runs = self.log.runs
        differing = differing_settings(runs)
        rows = []
        for run in runs:
            for name in [STRUCTURE, *run.settings]:
                value = run.settings.get(name, _structure_text(run))
                rows.append([run.name, name, value, name in differing])
            results = {"epochs": run.epoch_count, "final_error": run.final_error,
                       "final_accuracy": run.final_accuracy,
                       "final_validation_error": run.final_validation,
                       "stop_reason": run.stop_reason}  # fmt: skip
            rows += [[run.name, name, value, False] for name, value in results.items()]
        return ["run", "setting", "value", "differs"], rows


def setting_text(run: KeptRun, name: str) -> str:
    """Setting ``name`` of ``run`` as the panel shows it ("-" when the run has none)."""
    if name == STRUCTURE:
        return _structure_text(run)
    if name not in run.settings:
        return "-"
    value, spec = run.settings[name], SPECS[name]
    if spec.kind == "choice":
        return choice_title(name, value)
    if spec.kind == "bool":
        return (
            translate("RunComparisonView", "on") if value else translate("RunComparisonView", "off")
        )
    return f"{value:g}"


def _structure_text(run: KeptRun) -> str:
    """ "2-4-1 sigmoid" (each activation once, in order), saying when biases were off and
    the hidden layers' dropout rates when any is on."""
    text = f"{run.layers_text} {'/'.join(dict.fromkeys(run.activations))}"
    if not run.bias:
        text = translate("RunComparisonView", "{network}, no biases").format(network=text)
    if any(run.dropout):
        rates = "/".join(f"{rate:g}" for rate in run.dropout)
        text = translate("RunComparisonView", "{network}, dropout {rates}").format(
            network=text, rates=rates
        )
    return text


def _results(run: KeptRun) -> str:
    """The run's final error, accuracy, validation error and epochs, a line each."""
    lines = [translate("RunComparisonView", "error {error:.3g}").format(error=run.final_error)]
    if run.final_accuracy is not None:
        lines.append(
            translate("RunComparisonView", "{share:.0%} right").format(share=run.final_accuracy)
        )
    if run.final_validation is not None:
        lines.append(
            translate("RunComparisonView", "validation {error:.3g}").format(
                error=run.final_validation
            )
        )
    lines.append(translate("RunComparisonView", "{count:,} epochs").format(count=run.epoch_count))
    lines.append(translate("RunComparisonView", ENDINGS[run.stop_reason]))
    return "\n".join(lines)
