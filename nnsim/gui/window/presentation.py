"""View > Presentation Mode (F11): the window made readable from the back of a classroom.

A teacher shows nnsim on a projector, often at 1280x720.  Presentation mode
fills the screen, makes every font of the window larger, draws the plots' lines
and axes thicker and their numbers larger, turns the colours to high contrast
(black text on white, black axes: a projector washes out greys), and hides the
panels a class does not need to see (Parameters, Data: View brings one back).
The network canvas fits the room it gains, so its neurons, weights and labels
grow with it.  Turning it off puts back exactly what was: the window's size
and place, the font and colours, each plot's pens and fonts, the panels shown.
"""

import pyqtgraph as pg
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget

#: How much larger fonts are, and how much thicker the plots' lines, in presentation.
FONT_SCALE, LINE_SCALE = 1.6, 2.0
#: The plots' tick labels in presentation, in points.
TICK_POINTS = 14
#: The plots' titles and legends in presentation, in points.
LABEL_POINTS = 15
#: The plots' axes whose ticks and names are enlarged.
AXES = ("left", "bottom", "right")
#: The window's colours in presentation, by role: black on white, a dark selection.
HIGH_CONTRAST = {
    QPalette.ColorRole.Window: "#ffffff", QPalette.ColorRole.WindowText: "#000000",
    QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#eeeeee",
    QPalette.ColorRole.Text: "#000000", QPalette.ColorRole.Button: "#e6e6e6",
    QPalette.ColorRole.ButtonText: "#000000", QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#003399", QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff", QPalette.ColorRole.ToolTipText: "#000000",
    QPalette.ColorRole.PlaceholderText: "#333333",
}  # fmt: skip
#: The plots' share of the window's width in presentation (their tabs' names are shorter in
#: some languages, and the docks would otherwise keep the narrow width those ask for).
PLOTS_SHARE = 0.42
#: Text that cannot be used now, still readable on a projector.
HIGH_CONTRAST_DISABLED = "#555555"


def high_contrast_palette() -> QPalette:
    """Black text on white, for every state; disabled text dark grey."""
    palette = QPalette()
    for role, colour in HIGH_CONTRAST.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(HIGH_CONTRAST_DISABLED))
    return palette


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
            "widths": {dock: dock.width() for dock in window.findChildren(QDockWidget)
                       if dock.isVisible()},
            "font": QFont(app.font()), "palette": QPalette(app.palette()), "hidden": hidden,
            "plots": [(plot, _plot_style(plot)) for plot in window.findChildren(pg.PlotWidget)],
        }  # fmt: skip
        larger = QFont(app.font())
        larger.setPointSizeF(larger.pointSizeF() * FONT_SCALE)
        app.setFont(larger)
        app.setPalette(high_contrast_palette())
        for dock in hidden:
            dock.hide()
        for plot, _style in self._saved["plots"]:
            _thicken(plot)
        window.showFullScreen()
        QTimer.singleShot(0, self._widen_plots)  # once the window has its new size

    def _widen_plots(self) -> None:
        window = self.window
        if self.on and window.plots_dock.isVisible():
            width = int(PLOTS_SHARE * window.width())
            window.resizeDocks([window.plots_dock], [width], Qt.Orientation.Horizontal)

    def _restore(self) -> None:
        window, saved = self.window, self._saved
        QApplication.instance().setFont(saved["font"])
        QApplication.instance().setPalette(saved["palette"])
        for dock in saved["hidden"]:
            if isinstance(dock, QDockWidget):
                dock.show()
        for plot, style in saved["plots"]:
            _restyle(plot, style)
        window.showNormal()
        window.setGeometry(saved["geometry"])
        widths = saved["widths"]  # each dock's width as it was, once the window is back
        QTimer.singleShot(
            0,
            lambda: window.resizeDocks(
                list(widths), list(widths.values()), Qt.Orientation.Horizontal
            ),
        )
        if saved["maximised"]:
            window.showMaximized()
        self._saved = {}


def _plot_style(plot: pg.PlotWidget) -> dict:
    """What presentation changes in ``plot``: each curve's pen, each axis's tick font."""
    item = plot.getPlotItem()
    return {
        "pens": [(curve, pg.mkPen(curve.opts["pen"])) for curve in _curves(item)],
        "ticks": {side: item.getAxis(side).style.get("tickFont") for side in AXES},
        "axes": {side: (item.getAxis(side).pen(), item.getAxis(side).textPen()) for side in AXES},
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


def _curves(item: pg.PlotItem) -> list:
    """The plot's lines and points (its bars, BarGraphItems, keep the pen they have)."""
    return [curve for curve in item.listDataItems() if hasattr(curve, "setPen")]


def _thicken(plot: pg.PlotWidget) -> None:
    item = plot.getPlotItem()
    for curve in _curves(item):
        pen = pg.mkPen(curve.opts["pen"])
        pen.setWidthF(max(pen.widthF(), 1.0) * LINE_SCALE)
        curve.setPen(pen)
    font = QFont()
    font.setPointSize(TICK_POINTS)
    for side in AXES:
        axis = item.getAxis(side)
        axis.setStyle(tickFont=font)
        axis.setPen(pg.mkPen("k", width=LINE_SCALE))
        axis.setTextPen(pg.mkPen("k"))
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
    for side, (pen, text_pen) in style["axes"].items():
        item.getAxis(side).setPen(pen)
        item.getAxis(side).setTextPen(text_pen)
    for text, font in style["texts"]:
        text.setFont(font)
    for label, text, size in style["labels"]:
        if text:
            label.setText(text, **({"size": size} if size else {}))
