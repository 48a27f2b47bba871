"""Scene items that draw a network: neurons, connections and layer columns.

Items hold ids, never engine objects (DESIGN.md section 4); the scene keeps
them in step with the document.
"""

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

#: Fill colours by layer role; colour-blind safe (Okabe-Ito).
ROLE_COLOURS = {
    "input": QColor("#56B4E9"),
    "hidden": QColor("#F0E442"),
    "output": QColor("#E69F00"),
    "hopfield": QColor("#CC79A7"),
}
NEURON_RADIUS = 16.0
BIAS_RING = QColor("#444444")
SELECTED = QColor("#0072B2")
FAULT = QColor("#D55E00")
CONNECTION = QColor("#7F7F7F")


class NeuronItem(QGraphicsEllipseItem):
    """A neuron drawn as a circle centred on its position; carries ``neuron_id``."""

    def __init__(self, neuron_id: str, role: str, has_bias: bool):
        r = NEURON_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.neuron_id = neuron_id
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setZValue(2)
        self.setAcceptHoverEvents(True)
        self.faulty = False
        self.set_role(role, has_bias)

    def set_role(self, role: str, has_bias: bool) -> None:
        """Colour by layer role; neurons with a bias get a thick dark ring."""
        self.role, self.has_bias = role, has_bias
        self.setBrush(QBrush(ROLE_COLOURS[role]))
        self._restyle()

    def set_faulty(self, faulty: bool) -> None:
        """Mark the neuron as one a topology error named."""
        self.faulty = faulty
        self._restyle()

    def _restyle(self) -> None:
        if self.faulty:
            pen = QPen(FAULT, 4)
        elif self.isSelected():
            pen = QPen(SELECTED, 3)
        else:
            pen = QPen(BIAS_RING, 3 if self.has_bias else 1)
        self.setPen(pen)

    def itemChange(self, change, value):  # noqa: N802 - Qt's name
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._restyle()
        elif change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            scene = self.scene()
            if scene is not None:
                scene.neuron_item_moved(self)
        return super().itemChange(change, value)


class ConnectionItem(QGraphicsLineItem):
    """A connection drawn as a line between two neurons; carries ``connection``."""

    def __init__(self, connection: tuple[str, str]):
        super().__init__()
        self.connection = connection
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(1)
        self.setPen(QPen(CONNECTION, 1.5))

    def set_ends(self, start: QPointF, end: QPointF) -> None:
        self.setLine(QLineF(start, end))

    def shape(self) -> QPainterPath:
        """A band wider than the line, so a thin connection is easy to click."""
        path = QPainterPath(self.line().p1())
        path.lineTo(self.line().p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(path)

    def paint(self, painter, option, widget=None):
        pen = QPen(self.pen())
        if self.isSelected():
            pen.setColor(SELECTED)
            pen.setWidthF(pen.widthF() + 2)
        painter.setPen(pen)
        painter.drawLine(self.line())


class LayerItem(QGraphicsRectItem):
    """The column behind a layer's neurons, with the layer's name above it."""

    MARGIN = 28.0

    def __init__(self, layer_id: str):
        super().__init__()
        self.layer_id = layer_id
        self.setZValue(0)
        self.set_faulty(False)
        self.setBrush(QBrush(QColor(240, 240, 240, 160)))
        self.label = QGraphicsSimpleTextItem(self)
        self.label.setBrush(QBrush(QColor("#555555")))

    def set_faulty(self, faulty: bool) -> None:
        """Outline the column in the fault colour when a topology error named the layer."""
        self.faulty = faulty
        self.setPen(QPen(FAULT, 3) if faulty else QPen(QColor("#D0D0D0"), 1, Qt.PenStyle.DashLine))

    def set_column(self, centre_x: float, top: float, bottom: float, text: str) -> None:
        m = self.MARGIN
        self.setRect(QRectF(centre_x - m, top - m, 2 * m, bottom - top + 2 * m))
        self.label.setText(text)
        width = self.label.boundingRect().width()
        self.label.setPos(centre_x - width / 2, top - m - 20)
