"""Scene items that draw a network: neurons, connections and layer columns.

Items hold ids, never engine objects (CONTRIBUTING.md section 4); the scene keeps
them in step with the document.
"""

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from nnsim.gui import palette
from nnsim.gui.plain_text import plain
from nnsim.text import translate

#: Fill colours by layer role; colour-blind safe (Okabe-Ito).
ROLE_COLOURS = {
    "input": QColor("#56B4E9"),
    "hidden": QColor("#F0E442"),
    "output": QColor("#E69F00"),
    "hopfield": QColor("#CC79A7"),
    # A Boltzmann machine's layers (their roles' keys are the scene's), light tints of
    # bluish green and reddish purple: neither an input nor a hidden layer of an MLP.
    "visible": QColor("#7FCDB9"),
    "rbm hidden": QColor("#E5A9CB"),
}
NEURON_RADIUS = 16.0
BIAS_RING = QColor("#444444")
SELECTED = QColor("#009E73")
FAULT = QColor(palette.WRONG)
CONNECTION = QColor("#7F7F7F")
POSITIVE = QColor(palette.POSITIVE)
NEGATIVE = QColor(palette.NEGATIVE)
LEVEL_FILL = QColor(0, 0, 0, 70)
#: A connection's width (or opacity) takes one of this many steps, so a weight that
#: barely moved keeps its pen and the line is not painted again.
SHARE_STEPS = 100
#: A neuron's fill is painted again when it moves by this many pixels (scene units).
LEVEL_STEP = 0.25
TEXT = QColor("#111111")
#: Output ranges of the bounded activations, for a neuron's fill level and its map's colours.
BOUNDED_RANGES = {"sigmoid": (0.0, 1.0), "step": (0.0, 1.0), "softmax": (0.0, 1.0)}
BOUNDED_RANGES |= {"tanh": (-1.0, 1.0), "sign": (-1.0, 1.0)}
#: Width of a connection's clickable band, in scene units: wider than its widest line
#: (6) with its selection halo, so the band never needs recomputing as weights change.
CLICK_BAND = 14.0


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
        #: The output shown for the selected sample: (text, fill level in [0, 1]) or None.
        self.shown_value: tuple[str, float] | None = None
        #: The neuron's output over the input plane (View > Neuron Maps), drawn inside the
        #: circle: a :class:`~nnsim.gui.editor.maps.MapImage`, or None.
        self.map_image = None
        #: The neuron's bias written under it (small networks), like a weight on its line.
        self.bias_label = WeightLabel("")
        self.bias_label.setParentItem(self)
        self.bias_label.hide()
        self.set_role(role, has_bias)

    def set_role(self, role: str, has_bias: bool) -> None:
        """Colour by layer role; neurons with a bias get a thick dark ring."""
        self.role, self.has_bias = role, has_bias
        self.setBrush(QBrush(ROLE_COLOURS[role]))
        self._restyle()

    @property
    def movable(self) -> bool:
        return bool(self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable)

    def set_movable(self, movable: bool) -> None:
        """Neurons of a compact layer stand in fixed slots: they can be selected, not dragged."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)

    def set_faulty(self, faulty: bool) -> None:
        """Mark the neuron as one a topology error named."""
        self.faulty = faulty
        self._restyle()

    def set_value(self, text: str | None, level: float = 0.0, tooltip: str = "") -> None:
        """Show an output: ``text`` inside the circle, filled from the bottom up to ``level``.

        ``level`` is the output's place in its activation's range (0 empty,
        1 full); ``text`` None clears the value.  The circle is painted again only
        when the text changes or the fill moves by ``LEVEL_STEP`` pixels or more: at
        most frames of a run nearly all the neurons look the same.
        """
        self.setToolTip(plain(tooltip))  # names the neuron by its id, from the file
        shown = None if text is None else (text, min(max(level, 0.0), 1.0))
        old = self.shown_value
        if old is None or shown is None or old[0] != shown[0]:
            unchanged = old == shown
        else:
            unchanged = abs(shown[1] - old[1]) * self.rect().height() < LEVEL_STEP
        if not unchanged:
            self.shown_value = shown
            self.update()

    def set_map(self, image) -> None:
        """Draw ``image`` (a :class:`~nnsim.gui.editor.maps.MapImage`, None: no map) inside
        the circle, instead of the layer's colour."""
        self.map_image = image
        self.update()

    def set_bias(self, bias: float | None, shown: bool) -> None:
        """Write ``bias`` under the neuron if ``shown`` (None: no bias to write)."""
        text = "" if bias is None else f"b = {bias:.3g}"
        if text != self.bias_label.text():
            self.bias_label.setText(text)
            size = self.bias_label.boundingRect()
            self.bias_label.setPos(-size.center().x(), NEURON_RADIUS + 3 - size.top())
        self.show_bias(shown)

    def show_bias(self, shown: bool) -> None:
        """Write the bias under the neuron (if it has one) or not."""
        shown = shown and bool(self.bias_label.text())
        if shown != self.bias_label.isVisible():
            self.bias_label.setVisible(shown)

    def paint(self, painter, option, widget=None):
        super().paint(painter, option, widget)
        rect = self.rect()
        if self.map_image is not None:
            self._paint_map(painter, rect)
        if self.shown_value is None:
            return
        text, level = self.shown_value
        painter.save()
        if self.map_image is None:  # (on a map the fill would darken the picture)
            # The fill is the circle cut at the level, a path of its own: a clip would be
            # lost in an SVG export (the fill drawn as a grey box below the neuron).
            circle, below = QPainterPath(), QPainterPath()
            circle.addEllipse(rect)
            below.addRect(QRectF(rect.left(), rect.bottom() - level * rect.height(),
                                 rect.width(), rect.height()))  # fmt: skip
            painter.fillPath(circle.intersected(below), LEVEL_FILL)
        painter.setPen(QPen(TEXT))
        font = painter.font()
        font.setPointSizeF(7.5)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def _paint_map(self, painter, rect: QRectF) -> None:
        """The map filling the circle, under its ring.

        A circle filled with the image as its brush, in a coordinate system where the
        image's pixels are units: a clip, or a brush's own transform, is lost in an SVG
        export (the whole image, or the wrong part of it, drawn).
        """
        image = self.map_image.image
        painter.save()
        # A plane's map is smoothed; an image's few pixels (a receptive field) stay crisp.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, image.width() > 16)
        painter.translate(rect.topLeft())
        painter.scale(rect.width() / image.width(), rect.height() / image.height())
        circle = QPainterPath()
        circle.addEllipse(QRectF(0, 0, image.width(), image.height()))
        painter.fillPath(circle, QBrush(image))
        painter.restore()
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self.pen())
        painter.drawEllipse(rect)
        painter.restore()

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


def level_range(activation: str, outputs) -> tuple[float, float]:
    """The range of a layer's outputs that fill levels (and map colours) span: its
    activation's, or the outputs' own (numbers)."""
    if activation in BOUNDED_RANGES:
        return BOUNDED_RANGES[activation]
    low, high = min(outputs, default=0.0), max(outputs, default=0.0)
    return (low, high) if high > low else (low - 1.0, high + 1.0)


#: Where along a connection (from its source) its weight is written.
LABEL_AT = 2 / 3
#: How far the middle of a skip connection's curve stands aside, as a share of its length.
SKIP_BOW = 0.18
#: The widest number a weight's label shows (three significant digits, a sign, a point).
WIDEST_WEIGHT = "-0.00000"


class ConnectionItem(QGraphicsLineItem):
    """A connection drawn as a line between two neurons; carries ``connection``.

    A skip connection (past the next layer) is drawn dashed, as a curve bowing to
    the left of its direction (above, when layers run left to right), so it stands
    apart from the lines it crosses and passes over the layers it jumps.
    """

    def __init__(self, connection: tuple[str, str]):
        super().__init__()
        self.connection = connection
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(1)
        self._shape, self._bounds = QPainterPath(), QRectF()
        self.curved = False
        self._path = QPainterPath()
        #: The weight written on the connection (small networks), near its target, where the
        #: connections into one neuron have spread apart (the explain view's notes sit nearer
        #: the source).
        self.label = WeightLabel("")
        self.label.setParentItem(self)
        self.label.hide()
        self.set_weight(None)
        self._reshape()

    def set_ends(self, start: QPointF, end: QPointF, curved: bool | None = None) -> None:
        """Join ``start`` to ``end``; ``curved`` (None: as before) bows a skip connection."""
        if curved is not None:
            self.curved = curved
        self.setLine(QLineF(start, end))
        self._path = QPainterPath(start)
        if self.curved:  # a quadratic curve whose middle stands SKIP_BOW of its length aside
            normal = QPointF(end.y() - start.y(), start.x() - end.x())
            self._path.quadTo((start + end) / 2 + normal * (2 * SKIP_BOW), end)
        else:
            self._path.lineTo(end)
        self._reshape()
        self._place_label()

    def _point_at(self, share: float) -> QPointF:
        return self._path.pointAtPercent(share) if self.curved else self.line().pointAt(share)

    def _place_label(self) -> None:
        """Centre the weight's label two thirds of the way to the target."""
        self.label.setPos(self._point_at(LABEL_AT) - self.label.boundingRect().center())

    def label_area(self) -> QRectF:
        """Where the weight is written, for any number it may show (the widest, centred at
        the label's place), in scene units: a layer's name keeps clear of it."""
        widest = self.label.widest()
        return widest.translated(self.mapToScene(self._point_at(LABEL_AT)) - widest.center())

    def show_label(self, shown: bool) -> None:
        """Write the weight on the connection (if it has one) or not."""
        shown = shown and bool(self.label.text())
        if shown != self.label.isVisible():
            self.label.setVisible(shown)

    def _reshape(self) -> None:
        """Compute the clickable band once per change, not on every paint and hit test."""
        stroker = QPainterPathStroker()
        stroker.setWidth(CLICK_BAND)
        self.prepareGeometryChange()
        self._shape = stroker.createStroke(self._path)
        self._bounds = self._shape.boundingRect()

    def set_weight(
        self, weight: float | None, largest: float = 1.0, crowded: bool = False,
        labelled: bool = False,
    ):  # fmt: skip
        """Draw a weight: colour by its sign, width by ``|weight| / largest``.

        ``crowded`` (many connections on the canvas) draws hairlines whose
        opacity carries the magnitude, so the picture stays readable;
        ``labelled`` writes the weight on the line too.
        ``weight`` None draws the plain untrained line.
        """
        text = "" if weight is None else f"{weight:.3g}"
        if text != self.label.text():  # (most frames of a run change few of them)
            self.label.setText(text)
            self._place_label()
        self.show_label(labelled)
        if weight is None:
            pen, tip = QPen(CONNECTION, 1.5), ""
        else:
            share = min(abs(weight) / largest, 1.0) if largest > 0 else 0.0
            share = round(share * SHARE_STEPS) / SHARE_STEPS  # an unchanged pen: no repaint
            colour = QColor(POSITIVE if weight >= 0 else NEGATIVE)
            if crowded:
                colour.setAlphaF(0.15 + 0.85 * share)
                pen = QPen(colour, 0.8)
            else:
                pen = QPen(colour, 0.5 + 5.5 * share)
            tip = translate("ConnectionItem", "{source} → {target}\nweight w = {weight}").format(
                source=self.connection[0], target=self.connection[1], weight=f"{weight:.6g}"
            )
        self.setPen(pen)
        self.setToolTip(plain(tip))

    def shape(self) -> QPainterPath:
        """A band wider than the line, so a thin connection is easy to click."""
        return self._shape

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter, option, widget=None):
        if self.isSelected():  # a halo, so the weight's own colour stays visible
            painter.setPen(QPen(SELECTED, min(self.pen().widthF() + 6, CLICK_BAND)))
            self._draw(painter)
        painter.setPen(self.pen())
        self._draw(painter)

    def _draw(self, painter) -> None:
        if self.curved:  # dashed too: a skip stands out where it crosses other lines
            pen = painter.pen()
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)
        else:
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
        #: Where the name stands when nothing is in its way (above the column, or left of it).
        self.label_home = QPointF()
        #: "⋮ N more" of a compact layer: a separate item (the scene adds it), so it
        #: can stand above the connection lines that the column lies under.
        self.elision = CountLabel()

    def set_faulty(self, faulty: bool) -> None:
        """Outline the column in the fault colour when a topology error named the layer."""
        self.faulty = faulty
        self.setPen(QPen(FAULT, 3) if faulty else QPen(QColor("#D0D0D0"), 1, Qt.PenStyle.DashLine))

    def set_column(self, rect: QRectF, text: str, *, label_left: bool = False) -> None:
        """Stand behind ``rect`` (scene units), titled ``text`` above it (or to its left)."""
        self.setRect(rect)
        self.label.setText(text)
        size = self.label.boundingRect()
        if label_left:
            self.label_home = QPointF(
                rect.left() - size.width() - 8, rect.center().y() - size.height() / 2
            )
        else:
            self.label_home = QPointF(
                rect.center().x() - size.width() / 2, rect.top() - size.height() - 4
            )
        self.label.setPos(self.label_home)

    def set_elision(self, hidden: int, at: QPointF | None = None) -> None:
        """Write "⋮ N more" at ``at`` for a compact layer's ``hidden`` undrawn neurons (0: none)."""
        self.elision.setVisible(hidden > 0)
        if hidden > 0:
            self.elision.setText(translate("LayerItem", "⋮ {count} more").format(count=hidden))
            size = self.elision.boundingRect()
            self.elision.setPos(at.x() - size.width() / 2, at.y() - size.height() / 2)


class CountLabel(QGraphicsSimpleTextItem):
    """Text on a pale rounded plate, readable above the lines it sits on."""

    def __init__(self):
        super().__init__()
        self.setZValue(3)
        self.setBrush(QBrush(TEXT))
        self.setVisible(False)

    def paint(self, painter, option, widget=None):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(self.boundingRect().adjusted(-3, -1, 3, 1), 4, 4)
        super().paint(painter, option, widget)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return super().boundingRect().adjusted(-3, -1, 3, 1)


class CardText(QGraphicsSimpleTextItem):
    """A number on a pale card that clicks go through (to the item below)."""

    PADDING = 2.0

    def __init__(self, text: str):
        super().__init__(text)
        self.setZValue(10)  # above neurons and connections
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to what is below
        self.setBrush(QBrush(TEXT))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        pad = self.PADDING
        return super().boundingRect().adjusted(-pad, -pad, pad, pad)

    def paint(self, painter, option, widget=None) -> None:
        painter.setPen(QPen(QColor("#BBBBBB"), 0.5))
        painter.setBrush(QBrush(QColor(255, 255, 240, 225)))
        painter.drawRoundedRect(self.boundingRect(), 3, 3)
        super().paint(painter, option, widget)


class NoteItem(CardText):
    """A number written beside a neuron or a connection: the explain view's."""


class WeightLabel(CardText):
    """A connection's weight written on it (View > Weights on Connections)."""

    def widest(self) -> QRectF:
        """The card of the widest number it shows (:data:`WIDEST_WEIGHT`), placed as its own
        card is, from the font's measures (no item made)."""
        metrics, pad = QFontMetricsF(self.font()), self.PADDING
        size = QRectF(0.0, 0.0, metrics.horizontalAdvance(WIDEST_WEIGHT), metrics.height())
        return size.adjusted(-pad, -pad, pad, pad)
