"""Image-data samples in the Samples view: their pictures, and the misclassified ones.

For data whose samples are square images (:func:`nnsim.model.neuron_maps.image_side`:
the digits' 8 x 8 pixels), :class:`SamplePictures` draws a sample as a small
picture, dark ink on white as the digits were written, and
:class:`MistakesList` (``ledgerMistakes``) shows the misclassified training
samples' pictures, each captioned with its true and its predicted class.
"""

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem

from nnsim.gui.plain_text import plain
from nnsim.text import translate

#: A picture in the table, and in the list of misclassified samples, in pixels a side.
TABLE_PICTURE = 24
LIST_PICTURE = 40


class SamplePictures:
    """Each sample of ``raw`` (n, side * side: the person's own pixel values, row 0 the top)
    as a picture, darker for larger values over the whole data's range."""

    def __init__(self, raw: np.ndarray, side: int):
        low, high = float(raw.min()), float(raw.max())
        ink = (raw - low) / (high - low if high > low else 1.0)
        self._grey = np.ascontiguousarray(255 - np.round(ink * 255), dtype=np.uint8)
        self.side = side
        self._made: dict[tuple[int, int], QPixmap] = {}

    def pixmap(self, sample: int, size: int = TABLE_PICTURE) -> QPixmap:
        """Sample ``sample``'s picture, ``size`` pixels a side (made once, then kept)."""
        key = (sample, size)
        if key not in self._made:
            side, grey = self.side, QImage.Format.Format_Grayscale8
            image = QImage(self._grey[sample].data, side, side, side, grey)
            sharp = Qt.TransformationMode.FastTransformation  # each pixel a square
            scaled = image.scaled(size, size, Qt.AspectRatioMode.IgnoreAspectRatio, sharp)
            self._made[key] = QPixmap.fromImage(scaled)  # a copy: the array may go
        return self._made[key]


class MistakesList(QListWidget):
    """The pictures of misclassified samples, each captioned "true → predicted".

    Signals
    -------
    chosen(int)
        The training row (0-based) of the picture a person clicked (or pressed Enter on).
    """

    chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("ledgerMistakes")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(LIST_PICTURE, LIST_PICTURE))
        self.setGridSize(QSize(LIST_PICTURE + 28, LIST_PICTURE + 24))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.shown: list[tuple[int, str]] = []  # (row, caption) of each picture, in order
        self.itemClicked.connect(self._picked)
        self.itemActivated.connect(self._picked)

    def show_mistakes(self, samples, true_names, predicted_names, pictures: SamplePictures):
        """Show the pictures of ``samples`` (training rows), captioned with their true and
        predicted class names; nothing is redone when they are those already shown."""
        caption = translate("MistakesList", "{true} → {predicted}")
        tip = translate("MistakesList", "Sample {sample}: true class {true}, predicted {predicted}")
        wanted = [
            (int(p), caption.format(true=t, predicted=o))
            for p, t, o in zip(samples, true_names, predicted_names, strict=True)
        ]
        if wanted == self.shown:
            return
        self.shown = wanted
        self.clear()
        for (row, text), t, o in zip(wanted, true_names, predicted_names, strict=True):
            item = QListWidgetItem(pictures.pixmap(row, LIST_PICTURE), text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            item.setToolTip(plain(tip.format(sample=row + 1, true=t, predicted=o)))
            self.addItem(item)

    def select_sample(self, sample: int | None) -> None:
        """Select ``sample``'s picture if it is shown (else none), without emitting ``chosen``."""
        rows = [row for row, _ in self.shown]
        self.setCurrentRow(rows.index(sample) if sample in rows else -1)

    @Slot(QListWidgetItem)
    def _picked(self, item: QListWidgetItem) -> None:
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
