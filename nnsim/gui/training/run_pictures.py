"""A kept run's decision boundary as a small picture, in the decision plot's colours.

:func:`decision_thumbnail` paints a :class:`~nnsim.model.neuron_maps.DecisionPicture`
(the network's answer over a coarse grid of the input plane) as the decision
plot paints its map (pale class colours, white at an output of 0.5) with the
samples on top, coloured by class.
"""

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

from nnsim.gui.palette import class_colour
from nnsim.gui.plots.decision_plot import _bounded, _class_lut, _two_class_lut
from nnsim.model.neuron_maps import DecisionPicture

#: The side of a run's picture, in pixels.
THUMBNAIL_SIDE = 68
#: The radius of a sample's dot on it, in pixels.
DOT = 2.0
#: The most samples drawn on it (every k-th beyond): more would hide the map.
MAX_DOTS = 1500


def decision_rgb(picture: DecisionPicture) -> np.ndarray:
    """The picture's colours: (size, size, 3) uint8, row 0 the plane's top (highest x2)."""
    values = picture.values[::-1]
    if picture.classes:
        lut = _class_lut()
        return lut[values.astype(int) % len(lut)]
    lut = _two_class_lut()
    low, high = (0.0, 1.0) if _bounded(values) else (values.min(), values.max())
    share = (values - low) / (high - low) if high > low else np.full(values.shape, 0.5)
    return lut[np.clip(np.rint(share * (len(lut) - 1)), 0, len(lut) - 1).astype(int)]


def decision_thumbnail(picture: DecisionPicture, side: int = THUMBNAIL_SIDE) -> QPixmap:
    """``picture`` painted ``side`` pixels a side, the samples on top."""
    rgb = np.ascontiguousarray(decision_rgb(picture))
    rows, columns, _ = rgb.shape
    image = QImage(rgb.data, columns, rows, 3 * columns, QImage.Format.Format_RGB888)
    pixmap = QPixmap(side, side)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(QRectF(0, 0, side, side), image)  # (drawn before rgb goes)
    x_low, x_high, y_low, y_high = picture.extent
    xs = (picture.points[:, 0] - x_low) / (x_high - x_low) * side
    ys = (y_high - picture.points[:, 1]) / (y_high - y_low) * side
    labels = picture.labels if picture.labels is not None else np.full(len(xs), -1)
    every = -(-len(xs) // MAX_DOTS)  # ceil
    xs, ys, labels = xs[::every], ys[::every], labels[::every]
    painter.setPen(QPen(QColor("#FFFFFF"), 0.8))
    for x, y, label in zip(xs.tolist(), ys.tolist(), labels.tolist(), strict=True):
        painter.setBrush(QColor("#333333") if label < 0 else QColor(class_colour(label)))
        painter.drawEllipse(QPointF(x, y), DOT, DOT)
    painter.setPen(QPen(QColor("#999999"), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(0.5, 0.5, side - 1, side - 1))
    painter.end()
    return pixmap
