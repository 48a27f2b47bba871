"""View > Presentation Mode (F11): readable from the back of a room, and undone exactly."""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from nnsim.gui.window.presentation import FONT_SCALE, HIGH_CONTRAST, LINE_SCALE, PLOTS_SHARE


def test_presentation_mode_enlarges_the_window_and_puts_everything_back(window, qtbot):
    for _report in window.session.train(max_epochs=200):
        pass
    app = QApplication.instance()
    font = app.font().pointSizeF()
    curve = window.error_plot.widget.getPlotItem().listDataItems()[0]
    width = curve.opts["pen"].widthF()
    geometry, plots_width = window.geometry(), window.plots_dock.width()
    assert window.parameters_dock.isVisible()
    text_colour = app.palette().color(QPalette.ColorRole.WindowText)
    axis = window.error_plot.widget.getPlotItem().getAxis("bottom")
    axis_colour = axis.pen().color()
    highlight_before = app.palette().color(QPalette.ColorRole.Highlight)
    assert axis_colour != QColor("black"), "(else the test below would prove nothing)"

    window.findChild(type(window.quit_action), "actionPresentationMode").trigger()  # F11
    assert window.isFullScreen() and app.font().pointSizeF() == font * FONT_SCALE
    assert curve.opts["pen"].widthF() == max(width, 1.0) * LINE_SCALE, "thicker lines"
    assert not window.parameters_dock.isVisible() and not window.data_dock.isVisible()
    title = window.error_plot.widget.getPlotItem().titleLabel
    assert title.opts["size"] == "15pt", "the plots' titles larger"
    assert window.plots_dock.isVisible(), "the plots stay"
    qtbot.wait(20)  # (the plots widen once the window has its full-screen size)
    assert window.plots_dock.width() >= PLOTS_SHARE * window.width() - 20
    highlight = app.palette().color(QPalette.ColorRole.Highlight)
    assert app.palette().color(QPalette.ColorRole.WindowText) == QColor("black")
    assert app.palette().color(QPalette.ColorRole.Base) == QColor("white"), "high contrast"
    assert highlight == QColor(HIGH_CONTRAST[QPalette.ColorRole.Highlight]) != highlight_before
    assert axis.pen().color() == QColor("black") and axis.textPen().color() == QColor("black")

    window.presentation_action.trigger()  # and back
    assert not window.isFullScreen() and app.font().pointSizeF() == font
    assert curve.opts["pen"].widthF() == width
    assert window.parameters_dock.isVisible() and window.geometry() == geometry
    qtbot.waitUntil(lambda: window.plots_dock.width() == plots_width, timeout=2000)
    assert title.opts.get("size") != "15pt" and title.text == "Error"
    assert app.palette().color(QPalette.ColorRole.WindowText) == text_colour
    assert app.palette().color(QPalette.ColorRole.Highlight) == highlight_before
    assert axis.pen().color() == axis_colour


def test_a_message_too_long_for_the_bar_ends_in_an_ellipsis_and_is_whole_in_its_tooltip(
    window, qtbot
):
    said = "Reached the target error 0.001 after 8621 epochs. " * 3
    window.presentation_action.trigger()  # large fonts: the bar's room is short
    qtbot.wait(20)
    window.session.say(said)
    bar = window.statusBar()
    shown = bar.currentMessage()
    assert shown.endswith("…") and said.startswith(shown[:-1])
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.width()
    assert bar.toolTip() == said and window.status.message == said
    window.session.withdraw(said)  # taken back by the whole text, as before
    assert bar.currentMessage() == ""
    window.presentation_action.trigger()
