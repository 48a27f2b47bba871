"""Icons: Qt's standard ones for the usual actions, and nnsim's own window icon.

Qt's standard pixmaps follow the platform's style (and scale on high-DPI
screens), so the toolbar looks at home everywhere without an icon set to
ship.  The window icon is drawn here: three layers of neurons and their
connections, in the palette's colours.
"""

import itertools

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from nnsim.gui import palette

SP = QStyle.StandardPixmap
#: Action objectName -> the standard icon it shows.
STANDARD = {
    "actionNewMLP": SP.SP_FileIcon,
    "actionOpen": SP.SP_DialogOpenButton,
    "actionSave": SP.SP_DialogSaveButton,
    "actionTrainStart": SP.SP_MediaPlay,
    "actionTrainPause": SP.SP_MediaPause,
    "actionTrainStep": SP.SP_MediaSeekForward,
    "actionTrainStepSample": SP.SP_MediaSkipForward,
    "actionTrainStop": SP.SP_MediaStop,
    "actionTrainReset": SP.SP_BrowserReload,
    "actionUserGuide": SP.SP_DialogHelpButton,
    "actionAbout": SP.SP_MessageBoxInformation,
    "actionQuit": SP.SP_DialogCloseButton,
}


def give_icons(window) -> int:
    """Set the standard icon of every action of ``window`` listed in :data:`STANDARD`."""
    style = QApplication.style()
    given = 0
    for action in window.findChildren(type(window.quit_action)):
        pixmap = STANDARD.get(action.objectName())
        if pixmap is not None:
            action.setIcon(style.standardIcon(pixmap))
            given += 1
    return given


#: The sizes, in pixels, nnsim's icon is drawn at (the freedesktop icon theme's standard ones).
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def window_icon() -> QIcon:
    """nnsim's icon: a 2-3-1 network drawn at each of :data:`ICON_SIZES`."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(QPixmap.fromImage(network_image(size)))
    return icon


def network_image(size: int) -> QImage:
    """nnsim's icon, ``size`` pixels square, on a transparent ground (no application needed:
    the desktop entry's icons are drawn from it by a command, maybe without a display)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 8
    layers = [[2.5, 5.5], [1.5, 4.0, 6.5], [4.0]]
    points = [
        [QPointF(unit * (1.3 + 2.7 * k), unit * y) for y in ys] for k, ys in enumerate(layers)
    ]
    painter.setPen(QPen(QColor(palette.POSITIVE), max(1.0, size / 40)))
    for left, right in itertools.pairwise(points):
        for a in left:
            for b in right:
                painter.drawLine(a, b)
    fills = ("#56B4E9", "#F0E442", "#E69F00")
    painter.setPen(QPen(QColor("#333333"), max(1.0, size / 64)))
    for layer, fill in zip(points, fills, strict=True):
        painter.setBrush(QColor(fill))
        for point in layer:
            painter.drawEllipse(point, unit * 0.8, unit * 0.8)
    painter.end()
    return image
