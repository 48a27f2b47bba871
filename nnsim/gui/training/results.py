"""How well the trained network classifies: a confusion matrix and per-class scores.

Shown after training (and after each step) for a session's display network
on its training data, while the view is on screen: the table ``confusionMatrix``
counts samples by true class (rows) and predicted class (columns), shaded
by share of the row; ``classMetrics`` lists each class's precision, recall,
F1 and number of samples, with their macro means.  Regression data gets its
mean squared error instead.
"""

import numpy as np
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine import metrics
from nnsim.gui.palette import TRAIN
from nnsim.model.session import Session

METRIC_COLUMNS = ("precision", "recall", "F1", "samples")


class ResultsView(QWidget):
    """The confusion matrix and class scores of ``session``'s display network on its data."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.session = session
        self.summary = QLabel("Train the network to see how it classifies.")
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        self.matrix = _table("confusionMatrix")
        self.scores = _table("classMetrics")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("Confusion matrix (rows: true class, columns: predicted)"))
        layout.addWidget(self.matrix, 3)
        layout.addWidget(QLabel("Per class"))
        layout.addWidget(self.scores, 2)

    def draw(self) -> None:
        """Score the network shown, if on screen and no run is under way (its end is scored)."""
        session = self.session
        running = session.state in ("training", "pausing")
        if self.isVisible() and not running and session.compiled is not None:
            self.show_results(session.display_network, session.data, session.validation)

    def show_results(self, network, data, validation=None) -> None:
        """Score ``network`` on ``data`` (and say how it does on ``validation``)."""
        if data.task != "classification":
            mse = float(np.mean((network.predict(data.X) - data.T) ** 2))
            half = (
                " (the sse error E is half of it)" if getattr(network, "loss", "") == "sse" else ""
            )
            self.summary.setText(
                f"Regression: mean squared error {mse:.6g} on the training data{half}."
            )
            for table in (self.matrix, self.scores):
                table.setRowCount(0)
                table.setColumnCount(0)
            return
        predicted = metrics.labels_from_outputs(network.predict(data.X))
        names = data.class_names or tuple(str(k) for k in range(data.n_classes))
        counts = metrics.confusion_matrix(data.y, predicted, n_classes=len(names))
        self._show_matrix(counts, names)
        self._show_scores(data.y, predicted, names, counts.sum(axis=1))
        text = f"Training data: {metrics.accuracy(data.y, predicted):.1%} correct"
        if validation is not None:
            held = metrics.labels_from_outputs(network.predict(validation.X))
            text += f"; validation data: {metrics.accuracy(validation.y, held):.1%} correct"
        self.summary.setText(text + ".")

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
        table.setHorizontalHeaderLabels(list(METRIC_COLUMNS))
        table.setVerticalHeaderLabels([*names, "macro mean"])
        rows = [*zip(precision, recall, f1, support, strict=True)]
        rows.append((precision.mean(), recall.mean(), f1.mean(), support.sum()))
        for r, (p, rc, f, n) in enumerate(rows):
            for c, text in enumerate((f"{p:.3f}", f"{rc:.3f}", f"{f:.3f}", str(int(n)))):
                table.setItem(r, c, QTableWidgetItem(text))


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table
