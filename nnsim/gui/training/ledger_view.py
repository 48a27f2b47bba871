"""The Samples view (``sampleLedger``): each training sample's error over the run.

Which samples does the network still get wrong, and since when?  The view
reads the session's sample ledger (:attr:`TrainingInsight.ledger
<nnsim.model.insight.TrainingInsight.ledger>`: each training sample's error
:math:`E_p` at each kept report) at the epoch shown, the newest or a rewound
one, and shows

- ``ledgerTable``: the :data:`LISTED` samples of largest error, with their
  inputs (a picture for image data), class or target, the class predicted or
  the output, the error and its change over the last quarter of the run,
  sortable by any column;
- :attr:`~SampleLedgerView.plot` (``ledgerPlot``): the error of the
  :data:`CURVES` hardest samples over the run, the mean over all samples as a
  thick grey line, and the sample chosen last;
- for image data (the digits), ``ledgerMistakes``: the misclassified
  training images themselves, captioned with their true and predicted class.

While a run trains, the table, the pictures and the sentence change at most
every :data:`LISTING_PERIOD` seconds, the plot at every frame.

A click (or Enter) on a sample in the table or on a picture emits
:attr:`~SampleLedgerView.sample_chosen` with its training row, for the
window's sample selector (the editor's live values and Explain a Step).
"""

import numpy as np
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from nnsim.engine import Perceptron
from nnsim.engine.metrics import labels_from_outputs
from nnsim.gui.plain_text import plain_label
from nnsim.gui.plots import run_extent
from nnsim.gui.plots.scaling import InputScaling
from nnsim.gui.training.ledger_images import MistakesList, SamplePictures
from nnsim.gui.training.ledger_plot import CURVES, LedgerPlot
from nnsim.gui.training.ledger_table import (
    EMPTY,
    SAMPLE,
    LedgerModel,
    LedgerRows,
    ledger_table_view,
)
from nnsim.gui.training.live_view import Throttle
from nnsim.model.ledger import LedgerFrame, frame_at, hardest, ledger_table, misclassified
from nnsim.model.neuron_maps import image_side
from nnsim.model.session import Session
from nnsim.text import sentences, translate

#: Samples listed in the table (those of largest error).
LISTED = 50
#: Misclassified images shown at most (the worst first).
MISTAKES = 40
#: The share of the width beside the table that the misclassified images get.
IMAGES_SHARE = 0.35
#: Pixels the table gets beyond its columns and scroll bar (styles draw them a little wider).
SLACK = 6
#: Seconds between two listings (table, pictures, sentence) while a run trains: numbers
#: changing 30 times a second cannot be read, and painting the table cost more than the
#: rest of a frame.  The plot still moves at every frame; a run's end is listed at once.
LISTING_PERIOD = 0.25


class SampleLedgerView(QWidget):
    """Each training sample's error in ``session``, the hardest first (module docstring).

    Signals
    -------
    sample_chosen(int)
        The training row (0-based) of a sample a person clicked.
    """

    sample_chosen = Signal(int)

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("sampleLedger")
        self.session = session
        self.chosen: int | None = None
        self.note = plain_label(wordWrap=True)
        self.note.setObjectName("ledgerNote")
        self.model = LedgerModel(self)
        self.listing = ledger_table_view(self.model)
        self.listing.clicked.connect(self._row_clicked)
        self.listing.activated.connect(self._row_clicked)
        self.error_plot = LedgerPlot()
        #: The plot widget (``ledgerPlot``), for its right-click menu of exports.
        self.plot = self.error_plot.widget
        self.mistakes = MistakesList()
        self.mistakes.chosen.connect(self._choose)
        self.mistakes_note = plain_label(wordWrap=True)
        self.mistakes_box = QWidget()
        box = QVBoxLayout(self.mistakes_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.mistakes_note)
        box.addWidget(self.mistakes, 1)
        self.parts = parts = QSplitter(Qt.Orientation.Horizontal)
        for widget, stretch in ((self.listing, 0), (self.plot, 3), (self.mistakes_box, 2)):
            parts.addWidget(widget)
            parts.setStretchFactor(parts.count() - 1, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(parts, 1)
        layout.addStretch(0)  # keeps the sentence at the top while the rest is hidden
        self._drawn: tuple | None = None  # what the view shows: see _what_is_shown
        self._kept: tuple = ()  # the objects whose ids _drawn holds, kept alive
        self._inputs: tuple = (None, None, None)  # (data, raw inputs, pictures or None)
        self._laid_out = None  # the data the splitter's widths were set for
        self._curves: tuple | None = None  # (epochs, rows, samples drawn)
        self._listing = Throttle(session, LISTING_PERIOD)
        self._show_empty()

    # -------------------------------------------------------------- drawing
    def draw(self) -> None:
        """Show the session's sample errors, if on screen and a report came since last time."""
        if not self.isVisible():
            return
        shown, kept = self._what_is_shown()
        if shown != self._drawn or (self._listing.behind and not self._listing.training):
            self._drawn, self._kept = shown, kept
            self._redraw()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.draw()  # whatever came while the view was hidden

    def _what_is_shown(self) -> tuple[tuple, tuple]:
        """(ids and counts that change with what the view shows, the objects named by id)."""
        session = self.session
        ledger = session.insight.ledger
        kept = (session.data, ledger.latest, session.display_network)
        return (*map(id, kept), len(ledger), session.shown_epoch), kept

    def _frame(self):
        """(data, epochs, rows, frame at the epoch shown), or None when no errors are kept."""
        session = self.session
        data, ledger = session.data, session.insight.ledger
        if data is None or session.display_network is None or not len(ledger):
            return None
        epochs, rows = ledger.epochs, ledger.rows
        frame = frame_at(epochs, rows, session.shown_epoch)
        if frame is None or rows.shape[1] != data.n_samples:
            return None
        return data, epochs, rows, frame

    def _redraw(self) -> None:
        found = self._frame()
        if found is None:
            self._listing.behind = False
            self._show_empty()
            return
        data, epochs, rows, frame = found
        self.parts.show()
        listed = hardest(frame.errors, LISTED)
        if self._listing.due():
            self._list(data, frame, listed)
        self._curves = (epochs, rows, listed[:CURVES])
        self._draw_curves()

    def _list(self, data, frame: LedgerFrame, listed: np.ndarray) -> None:
        """The table of the samples ``listed``, the misclassified pictures, the sentence."""
        _, raw, pictures = self._inputs_of(data)
        network = self.session.display_network
        rebuilds = getattr(network, "loss", "") == "reconstruction"  # a Boltzmann machine:
        classification = data.task == "classification" and not rebuilds  # its target is X
        outputs = network.predict(data.X)
        predicted = labels_from_outputs(outputs) if classification else outputs
        targets = data.y if classification else data.X if rebuilds else data.T
        rows_shown = LedgerRows(listed, raw[listed], targets[listed], predicted[listed],
                                frame.errors[listed], frame.change[listed])  # fmt: skip
        self.model.pictures = pictures.pixmap if pictures is not None else None
        names = data.class_names if classification else None
        if self.model.show_rows(rows_shown, names, frame.earlier_epoch):
            self._select_in_table(self.chosen)
        mistakes = self._show_mistakes(data, predicted, frame, pictures if classification else None)
        if self._inputs[0] is not self._laid_out:
            # New data: the table's columns fit it, and the table is shown whole (measuring
            # every cell costs more than the rest of a redraw: not at each report).
            self._laid_out = self._inputs[0]
            self.listing.resizeColumnsToContents()
            self._share_width()
        self.note.setText(self._sentence(frame, len(listed), data.n_samples, mistakes))

    def _share_width(self) -> None:
        """The table as wide as its columns; the plot and the images share the rest."""
        table = self.listing
        wanted = table.horizontalHeader().length() + table.verticalScrollBar().sizeHint().width()
        wanted += 2 * table.frameWidth() + SLACK
        self.layout().activate()  # the splitter's width, if it was hidden until now
        rest = max(self.parts.width() - wanted, 0)
        images = round(rest * IMAGES_SHARE) if self.mistakes_box.isVisibleTo(self) else 0
        self.parts.setSizes([wanted, rest - images, images])

    def _inputs_of(self, data) -> tuple:
        """(data, its inputs in the person's units (n, n_inputs), pictures or None), made
        again only for other inputs: undoing the scaling reads the whole data set again,
        and each run made its data anew."""
        known = self._inputs[0]
        if known is None or known.X.shape != data.X.shape or not np.array_equal(known.X, data.X):
            scaling = InputScaling.of(self.session.settings)
            raw = data.X if scaling is None else scaling.to_raw(data.X)
            side = image_side(data)
            self._inputs = (data, raw, SamplePictures(raw, side) if side else None)
        return self._inputs

    def _draw_curves(self) -> None:
        """The hardest samples' errors over the run, the mean, the chosen sample's."""
        epochs, rows, drawn = self._curves
        extent = run_extent(self.session, int(epochs[-1]))
        self.error_plot.draw(epochs, rows, drawn, self.chosen, self._log_axis(),
                             self.session.shown_epoch, extent)  # fmt: skip

    def _log_axis(self) -> bool:
        """A log error axis, but for Rosenblatt's perceptron (its errors are 0 or 1)."""
        network = self.session.display_network
        return not (isinstance(network, Perceptron) and network.rule == "rosenblatt")

    def _show_mistakes(self, data, predicted, frame: LedgerFrame, pictures) -> int | None:
        """The misclassified images (image data only), the worst first; returns how many
        images are misclassified (None: not image data)."""
        if pictures is None:  # (or not a classification)
            self.mistakes_box.hide()
            return None
        count = int(np.count_nonzero(predicted != data.y))
        self.mistakes_box.setVisible(count > 0)
        wrong = misclassified(data.y, predicted, frame.errors, MISTAKES)
        names = np.array(data.class_names, dtype=object)
        self.mistakes.show_mistakes(wrong, names[data.y[wrong]], names[predicted[wrong]], pictures)
        self.mistakes.select_sample(self.chosen)
        self.mistakes_note.setText(
            translate(
                "SampleLedgerView",
                "Misclassified training images, true → predicted: {shown} of {count}",
            ).format(shown=len(wrong), count=count)
        )
        return count

    def _sentence(self, frame: LedgerFrame, listed: int, total: int, mistakes: int | None) -> str:
        """What the table lists, what a sample's error is, and what a click does (and, for
        images, that none is misclassified: ``mistakes`` 0)."""
        if listed < total:
            where = translate(
                "SampleLedgerView",
                "Epoch {epoch}: the {count} hardest of {total} training samples.",
            )
        else:
            where = translate("SampleLedgerView", "Epoch {epoch}: all {total} training samples.")
        where = where.format(epoch=frame.epoch, count=listed, total=f"{total:,}")
        click = translate(
            "SampleLedgerView", "Click one to show it in the network and in Explain a Step."
        )
        right = (
            ""
            if mistakes != 0
            else translate("SampleLedgerView", "No training image is misclassified.")
        )
        return sentences(where, right, self._error_meaning(), click)

    def _error_meaning(self) -> str:
        """What a sample's error is for the network shown."""
        network = self.session.display_network
        if isinstance(network, Perceptron):
            if network.rule == "rosenblatt":
                return translate(
                    "SampleLedgerView",
                    "A perceptron's error for a sample is 1 while it is misclassified and 0 once "
                    "it is right (Rosenblatt's rule).",
                )
            return translate(
                "SampleLedgerView", "A sample's error E is the mean squared error of its outputs."
            )
        if network is None:
            return ""
        return translate("SampleLedgerView", "A sample's error E is its {loss} loss.").format(
            loss=network.loss
        )

    def _show_empty(self) -> None:
        """No errors kept: say how to get them, and draw nothing."""
        session = self.session
        if session.is_hopfield:
            text = translate(
                "SampleLedgerView", "A Hopfield memory has no training samples to list."
            )
        elif session.shown_epoch is not None and len(session.insight.ledger):
            text = translate(
                "SampleLedgerView", "No sample errors were kept by epoch {epoch}."
            ).format(epoch=session.shown_epoch)
        else:
            text = translate("SampleLedgerView", "Train the network to see each sample's error.")
            if isinstance(session.display_network, Perceptron):
                text = sentences(text, self._error_meaning())
        self.note.setText(text)
        self.model.show_rows(EMPTY, None, 0)
        self._curves = None
        self.parts.hide()  # the sentence alone, not an empty table and plot

    # -------------------------------------------------------------- choosing
    def show_sample(self, sample: int | None) -> None:
        """Mark training row ``sample`` (0-based) as chosen: selected in the table and among
        the images if listed there, its curve drawn; ``sample_chosen`` is not emitted."""
        self.chosen = sample
        self._select_in_table(sample)
        self.mistakes.select_sample(sample)
        if self._curves is not None:
            self._draw_curves()

    @Slot(QModelIndex)
    def _row_clicked(self, index: QModelIndex) -> None:
        proxy = self.listing.model()
        row = proxy.mapToSource(index).row()
        self._choose(int(self.model.rows.samples[row]))

    @Slot(int)
    def _choose(self, sample: int) -> None:
        self.show_sample(sample)
        self.sample_chosen.emit(sample)

    def _select_in_table(self, sample: int | None) -> None:
        selection = self.listing.selectionModel()
        rows = self.model.rows.samples
        if sample is None or sample not in rows:
            selection.clearSelection()
            return
        source = self.model.index(int(np.flatnonzero(rows == sample)[0]), SAMPLE)
        index = self.listing.model().mapFromSource(source)
        flags = QItemSelectionModel.SelectionFlag
        selection.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)

    # -------------------------------------------------------------- numbers
    def table(self) -> tuple[list[str], list[list]]:
        """Every training sample's number, class (or target), predicted class (or output),
        error at the epoch shown and errors over the run, for a CSV file
        (:func:`~nnsim.model.ledger.ledger_table`)."""
        found = self._frame()
        if found is None:
            return ["sample", "error"], []  # not translated: CSV column names
        data, epochs, rows, frame = found
        outputs = self.session.display_network.predict(data.X)
        return ledger_table(data, outputs, frame, epochs, rows)
