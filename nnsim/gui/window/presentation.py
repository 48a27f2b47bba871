"""View > Presentation Mode (F11): the window made readable from the back of a classroom.

A teacher shows nnsim on a projector, often at 1280x720.  Presentation mode
fills the screen, makes every font of the window larger, draws the plots' lines
and axes thicker and their numbers larger, and hides the panels a class does
not need to see (Parameters, Data: View brings one back).  The network canvas
fits the room it gains, so its neurons, weights and labels grow with it.
Turning it off puts back exactly what was: the window's size and place, the
font, each plot's pens and fonts, the panels shown.
"""

import pyqtgraph as pg
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDockWidget

#: How much larger fonts are, and how much thicker the plots' lines, in presentation.
FONT_SCALE, LINE_SCALE = 1.6, 2.0
#: The plots' tick labels in presentation, in points.
TICK_POINTS = 14
#: The plots' titles and legends in presentation, in points.
LABEL_POINTS = 15
#: The plots' axes whose ticks and names are enlarged.
AXES = ("left", "bottom", "right")


class Presentation:
    """Turns ``window``'s presentation mode on and off (see the module docstring)."""

    def __init__(self, window):
        self.window = window
        self.on = False
        self._saved: dict = {}

    def set_on(self, on: bool) -> None:
        """Present (True), or put everything back as it was (False)."""
        if on == self.on:
            return
        self.on = on
        if on:
            self._present()
        else:
            self._restore()
        self.window.editor.view.fit_to_window()

    def _present(self) -> None:
        window, app = self.window, QApplication.instance()
        hidden = [dock for dock in (window.parameters_dock, window.data_dock)
                  if dock.isVisible()]  # fmt: skip
        self._saved = {
            "geometry": QRect(window.geometry()), "maximised": window.isMaximized(),
            "font": QFont(app.font()), "hidden": hidden,
            "plots": [(plot, _plot_style(plot)) for plot in window.findChildren(pg.PlotWidget)],
        }  # fmt: skip
        larger = QFont(app.font())
        larger.setPointSizeF(larger.pointSizeF() * FONT_SCALE)
        app.setFont(larger)
        for dock in hidden:
            dock.hide()
        for plot, _style in self._saved["plots"]:
            _thicken(plot)
        window.showFullScreen()

    def _restore(self) -> None:
        window, saved = self.window, self._saved
        QApplication.instance().setFont(saved["font"])
        for dock in saved["hidden"]:
            if isinstance(dock, QDockWidget):
                dock.show()
        for plot, style in saved["plots"]:
            _restyle(plot, style)
        window.showNormal()
        window.setGeometry(saved["geometry"])
        if saved["maximised"]:
            window.showMaximized()
        self._saved = {}


def _plot_style(plot: pg.PlotWidget) -> dict:
    """What presentation changes in ``plot``: each curve's pen, each axis's tick font."""
    item = plot.getPlotItem()
    return {
        "pens": [(curve, pg.mkPen(curve.opts["pen"])) for curve in item.listDataItems()],
        "ticks": {side: item.getAxis(side).style.get("tickFont") for side in AXES},
        "texts": [(text, QFont(text.font())) for text in _texts(item)],
        "labels": [(label, label.text, label.opts.get("size")) for label in _labels(item)],
    }


def _texts(item: pg.PlotItem) -> list:
    """The plot's axes' names, as text items."""
    return [item.getAxis(side).label for side in AXES]


def _labels(item: pg.PlotItem) -> list:
    """The plot's title and its legend's names, as label items (sized by their own option)."""
    legend = item.legend
    return [item.titleLabel, *(label for _sample, label in (legend.items if legend else []))]


def _thicken(plot: pg.PlotWidget) -> None:
    item = plot.getPlotItem()
    for curve in item.listDataItems():
        pen = pg.mkPen(curve.opts["pen"])
        pen.setWidthF(max(pen.widthF(), 1.0) * LINE_SCALE)
        curve.setPen(pen)
    font = QFont()
    font.setPointSize(TICK_POINTS)
    for side in AXES:
        item.getAxis(side).setStyle(tickFont=font)
    for text in _texts(item):
        larger = QFont(text.font())
        larger.setPointSizeF(max(larger.pointSizeF(), 8.0) * FONT_SCALE)
        text.setFont(larger)
    for label in _labels(item):
        if label.text:
            label.setText(label.text, size=f"{LABEL_POINTS}pt")


def _restyle(plot: pg.PlotWidget, style: dict) -> None:
    for curve, pen in style["pens"]:
        curve.setPen(pen)
    item = plot.getPlotItem()
    for side, font in style["ticks"].items():
        item.getAxis(side).setStyle(tickFont=font)
    for text, font in style["texts"]:
        text.setFont(font)
    for label, text, size in style["labels"]:
        if text:
            label.setText(text, **({"size": size} if size else {}))
