"""How well the trained network classifies: a confusion matrix and per-class scores.

Shown after training (and after each step) for a session's display network,
while the view is on screen, on one part of its data: the held-out part
whenever there is one (a network scores the data it learned almost perfectly),
else the training part.  The combo ``resultsPart`` switches between the parts
(disabled when only the training part exists); the choice holds across redraws
until another network is opened, and ``resultsSummary`` says in words which
part is scored.  The table ``confusionMatrix`` counts that part's samples by
true class (rows) and predicted class (columns), shaded by share of the row;
``classMetrics`` lists each class's precision, recall, F1 and number of
samples, with their macro means.  Regression data gets its mean squared error
instead.
"""

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine import metrics
from nnsim.gui.palette import TRAIN
from nnsim.model.scoring import HELD_OUT, DataPart, choose_part, data_parts
from nnsim.model.session import Session
from nnsim.text import QT_TRANSLATE_NOOP, sentences, translate

#: The per-class scores' columns: in English in a CSV file (data for other programs),
#: translated on screen (context "Results").
METRIC_COLUMNS = (
    QT_TRANSLATE_NOOP("Results", "precision"),
    QT_TRANSLATE_NOOP("Results", "recall"),
    QT_TRANSLATE_NOOP("Results", "F1"),
    QT_TRANSLATE_NOOP("Results", "samples"),
)
#: The row of the scores' means, named so in a CSV file and translated on screen.
MACRO_MEAN = QT_TRANSLATE_NOOP("Results", "macro mean")


class ResultsView(QWidget):
    """The confusion matrix and class scores of ``session``'s display network on one part of
    its data (the held-out part by default)."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.session = session
        self.wanted: str | None = None  # the kind of part the person chose; None: the default
        self.part = QComboBox()
        self.part.setObjectName("resultsPart")
        self.part.setToolTip(
            translate(
                "ResultsView",
                "Which samples to score: the held-out ones show how the network does on data "
                "it never trained on.",
            )
        )
        self.part.activated.connect(self._part_chosen)
        self.summary = QLabel(
            translate("ResultsView", "Train the network to see how it classifies.")
        )
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        self.matrix = _table("confusionMatrix")
        self.scores = _table("classMetrics")
        choice = QHBoxLayout()
        choice.addWidget(QLabel(translate("ResultsView", "Score the network on")))
        choice.addWidget(self.part, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.summary)
        layout.addWidget(
            QLabel(
                translate("ResultsView", "Confusion matrix (rows: true class, columns: predicted)")
            )
        )
        layout.addWidget(self.matrix, 3)
        layout.addWidget(QLabel(translate("ResultsView", "Per class")))
        layout.addWidget(self.scores, 2)
        session.events.document_replaced.connect(self._forget_choice)
        if session.data is not None:
            self._offer(data_parts(session.data, session.validation))

    def draw(self) -> None:
        """Score the network shown, if on screen and no run is under way (its end is scored)."""
        running = self.session.state in ("training", "pausing")
        if self.isVisible() and not running:
            self._score()

    def show_results(self, network, data, validation=None) -> None:
        """Score ``network`` on the part of the data chosen: ``validation`` unless the person
        chose the training part ``data`` (or nothing is held out)."""
        parts = data_parts(data, validation)
        part = self._offer(parts)
        if getattr(network, "loss", "") == "reconstruction":  # a Boltzmann machine's
            self._show_reconstruction(network, part)
            return
        if data.task != "classification":
            self._show_error(network, part)
            return
        predicted = metrics.labels_from_outputs(network.predict(part.data.X))
        y = part.data.y
        names = data.class_names or tuple(str(k) for k in range(data.n_classes))
        counts = metrics.confusion_matrix(y, predicted, n_classes=len(names))
        self._show_matrix(counts, names)
        self._show_scores(y, predicted, names, counts.sum(axis=1))
        mistakes = int(np.sum(predicted != y))
        score = (
            translate("ResultsView", "{accuracy} correct, 1 mistake.")
            if mistakes == 1
            else translate("ResultsView", "{accuracy} correct, {count} mistakes.")
        )
        text = sentences(
            part.sentence,
            score.format(accuracy=f"{metrics.accuracy(y, predicted):.1%}", count=mistakes),
        )
        for other in parts:
            if other is not part:
                right = metrics.labels_from_outputs(network.predict(other.data.X))
                accuracy = f"{metrics.accuracy(other.data.y, right):.1%}"
                text = sentences(text, _on_other_part(other.kind).format(accuracy=accuracy))
        self.summary.setText(text)

    @Slot(int)
    def _part_chosen(self, index: int) -> None:
        self.wanted = self.part.itemData(index)
        self._score()

    def _forget_choice(self) -> None:
        """Another network: its held-out part is scored first again."""
        self.wanted = None

    def _score(self) -> None:
        session = self.session
        if session.compiled is not None:
            self.show_results(session.display_network, session.data, session.validation)

    def _offer(self, parts: tuple[DataPart, ...]) -> DataPart:
        """List ``parts`` in the combo, the one wanted current; return that one."""
        part = choose_part(parts, self.wanted)
        combo = self.part
        labels = [p.label for p in parts]
        if [combo.itemText(i) for i in range(combo.count())] != labels:
            combo.clear()
            for p in parts:
                combo.addItem(p.label, p.kind)
        combo.setCurrentIndex(parts.index(part))
        combo.setEnabled(len(parts) > 1)
        return part

    def _show_error(self, network, part: DataPart) -> None:
        data = part.data
        mse = float(np.mean((network.predict(data.X) - data.T) ** 2))
        if getattr(network, "loss", "") == "sse":
            text = translate(
                "ResultsView",
                "Regression: mean squared error {error} (the sse error E is half of it).",
            )
        else:
            text = translate("ResultsView", "Regression: mean squared error {error}.")
        self.summary.setText(sentences(part.sentence, text.format(error=f"{mse:.6g}")))
        self._clear_tables()

    def _show_reconstruction(self, network, part: DataPart) -> None:
        """A Boltzmann machine classifies nothing: the part's reconstruction error, in words."""
        text = translate(
            "ResultsView",
            "A Boltzmann machine learns its data, not their classes: it has no confusion "
            "matrix. Its reconstruction error here is {error} (see Reconstructions).",
        )
        error = network.reconstruction_error(part.data.X)
        self.summary.setText(sentences(part.sentence, text.format(error=f"{error:.6g}")))
        self._clear_tables()

    def _clear_tables(self) -> None:
        for table in (self.matrix, self.scores):
            table.setRowCount(0)
            table.setColumnCount(0)

    def table(self) -> tuple[list[str], list[list[str]]]:
        """The Results tab's numbers, for a CSV file: the confusion matrix (rows: true class),
        the per-class scores, then the line that says which part was scored.

        The columns and the means' row are named in English, whatever the window's
        language: a CSV file is read by other programs.
        """
        corner = "true \\ predicted"  # not translated: CSV column names
        header, matrix = shown_table(self.matrix, corner)
        _, scores = shown_table(self.scores, "")
        scores_header = ["class", *METRIC_COLUMNS]  # not translated: CSV column names
        if scores:
            scores[-1][0] = MACRO_MEAN  # not translated: a CSV row name
        return header, [*matrix, [], scores_header, *scores, [], [self.summary.text()]]

    def _show_matrix(self, counts: np.ndarray, names) -> None:
        table = self.matrix
        table.setRowCount(len(names))
        table.setColumnCount(len(names))
        table.setHorizontalHeaderLabels(list(names))
        table.setVerticalHeaderLabels(list(names))
        shares = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
        for row, column in np.ndindex(counts.shape):
            item = QTableWidgetItem(str(counts[row, column]))
            shade = QColor(TRAIN)
            shade.setAlphaF(0.08 + 0.6 * float(shares[row, column]))
            item.setBackground(shade)
            table.setItem(row, column, item)

    def _show_scores(self, y_true, predicted, names, support) -> None:
        precision, recall, f1 = metrics.precision_recall_f1(y_true, predicted, len(names))
        table = self.scores
        table.setRowCount(len(names) + 1)
        table.setColumnCount(len(METRIC_COLUMNS))
        table.setHorizontalHeaderLabels([translate("Results", title) for title in METRIC_COLUMNS])
        table.setVerticalHeaderLabels([*names, translate("Results", MACRO_MEAN)])
        rows = [*zip(precision, recall, f1, support, strict=True)]
        rows.append((precision.mean(), recall.mean(), f1.mean(), support.sum()))
        for r, (p, rc, f, n) in enumerate(rows):
            for c, text in enumerate((f"{p:.3f}", f"{rc:.3f}", f"{f:.3f}", str(int(n)))):
                table.setItem(r, c, QTableWidgetItem(text))


def shown_table(table: QTableWidget, corner: str) -> tuple[list[str], list[list[str]]]:
    """What a table widget shows: its column names under ``corner``, and each row's name and
    cells, as text."""
    columns = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [
        [table.verticalHeaderItem(r).text(),
         *(table.item(r, c).text() if table.item(r, c) else "" for c in range(len(columns)))]
        for r in range(table.rowCount())
    ]  # fmt: skip
    return [corner, *columns], rows


def _on_other_part(kind: str) -> str:
    """The sentence that gives the other part's accuracy, ``{accuracy}`` to fill."""
    if kind == HELD_OUT:
        return translate("ResultsView", "On the held-out data: {accuracy}.")
    return translate("ResultsView", "On the training data: {accuracy}.")


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table
