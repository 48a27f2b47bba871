"""The error curve of training against epochs, with accuracy on an axis of its own.

:class:`ErrorPlot` draws a session's :class:`~nnsim.model.history.LossHistory`
at each frame; :func:`decimate` keeps a long curve's redraw cheap and
:func:`epoch_extent` says where the epoch axis ends.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from nnsim.gui.palette import ACCURACY, TRAIN, VALIDATION
from nnsim.gui.plots.common import legend_below, plot_widget
from nnsim.gui.training.live_view import SET_UP
from nnsim.model.session import Session
from nnsim.text import translate

#: The Epochs limit's line on the error plot: faint, it is a bound, not data.
LIMIT = "#AAAAAA"
#: Stretches of epochs the error curve is drawn with (two points each, low and high).
CURVE_POINTS = 1500


class ErrorPlot:
    """``session``'s training and validation error against epochs (objectName ``errorPlot``).

    :meth:`draw` draws the session's history; a new network lays the plot out
    for its run (the target error, an accuracy axis for classification).
    Thousands of epochs per second for minutes make 100,000+ points: the
    curves are decimated to the lowest and highest error of each of about
    ``CURVE_POINTS`` stretches of epochs, so spikes stay visible and a redraw
    costs the same at epoch 1,000 and at epoch 1,000,000.
    """

    def __init__(self, session: Session):
        self.session = session
        self.widget = plot_widget("errorPlot", translate("ErrorPlot", "Error"))
        self.widget.setLabel("bottom", translate("ErrorPlot", "epoch"))
        self.widget.setLabel("left", translate("ErrorPlot", "error E"))
        self.legend = legend_below(self.widget)
        self.train_curve = self.widget.plot(
            pen=pg.mkPen(TRAIN, width=2), name=translate("ErrorPlot", "training")
        )
        self._validation_name = translate("ErrorPlot", "validation")
        self._accuracy_name = translate("ErrorPlot", "accuracy")
        self.validation_curve = self.widget.plot(
            pen=pg.mkPen(VALIDATION, width=2), name=self._validation_name
        )
        self.target_line = pg.InfiniteLine(
            angle=0, pen=pg.mkPen("#555555", style=Qt.PenStyle.DashLine)
        )
        self.widget.addItem(self.target_line)
        self.target_line.setVisible(False)
        #: The Epochs setting, where training will stop: a faint line once the curve nears it.
        self.limit_line = pg.InfiniteLine(
            angle=90,
            pen=pg.mkPen(LIMIT, width=1, style=Qt.PenStyle.DashLine),
            label=translate("ErrorPlot", "limit {value:,.0f}"),  # (pyqtgraph fills value)
            labelOpts={"position": 0.03, "color": LIMIT, "anchors": [(1, 1), (1, 1)]},
        )
        self.widget.addItem(self.limit_line, ignoreBounds=True)
        self.limit_line.setVisible(False)
        self._target: float | None = None
        self._span: int | None = None  # the epoch axis's extent
        self._error_top: float | None = None  # the error axis's top, when not log (0: empty)
        self._make_accuracy_axis()
        self._show_extent(0, None)
        self._fit_error_axis()
        session.events.network_changed.connect(self._lay_out_for_run, priority=SET_UP)
        if session.compiled is not None:
            self._lay_out_for_run()

    def _lay_out_for_run(self, *_compiled) -> None:
        """The target error, and the accuracy axis for classification, before training.

        Laid out now: a new axis at the first report would re-lay the plot out
        just as training starts.
        """
        session = self.session
        self.set_target(session.settings.training_config().target_error)
        rebuilds = session.document.kind == "rbm"  # a Boltzmann machine classifies nothing
        self.expect_accuracy(session.data.task == "classification" and not rebuilds)

    def draw(self) -> None:
        """Draw the session's history, the epoch axis spanning the run's epochs."""
        self.show_history(self.session.history, run_limit(self.session))

    def _make_accuracy_axis(self) -> None:
        """Accuracy in % on a right-hand axis of its own, sharing the epochs."""
        plot = self.widget.getPlotItem()
        self.accuracy_box = pg.ViewBox()
        plot.scene().addItem(self.accuracy_box)
        right = plot.getAxis("right")
        right.linkToView(self.accuracy_box)
        right.setLabel(translate("ErrorPlot", "accuracy %"))
        self.accuracy_box.setXLink(plot)
        self.accuracy_box.setYRange(0, 100, padding=0.02)
        self.accuracy_box.setMouseEnabled(x=False, y=False)
        self.accuracy_curve = pg.PlotDataItem(
            pen=pg.mkPen(ACCURACY, width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.accuracy_box.addItem(self.accuracy_curve)
        plot.vb.sigResized.connect(self._align_accuracy_box)
        self._accuracy_shown = None
        self._show_accuracy(False)

    def _align_accuracy_box(self) -> None:
        plot = self.widget.getPlotItem()
        self.accuracy_box.setGeometry(plot.vb.sceneBoundingRect())
        self.accuracy_box.linkedViewChanged(plot.vb, self.accuracy_box.XAxis)

    def _show_accuracy(self, shown: bool) -> None:
        if shown == self._accuracy_shown:
            return  # showing an axis re-lays the plot out: only on a change
        self._accuracy_shown = shown
        self.widget.getPlotItem().showAxis("right", shown)
        self.accuracy_curve.setVisible(shown)
        listed = any(sample.item is self.accuracy_curve for sample, _ in self.legend.items)
        if shown and not listed:
            self.legend.addItem(self.accuracy_curve, self._accuracy_name)
        elif listed and not shown:
            self.legend.removeItem(self.accuracy_curve)

    @property
    def log_scale(self) -> bool:
        return self.widget.getPlotItem().ctrl.logYCheck.isChecked()

    def set_log_scale(self, on: bool) -> None:
        """Draw the error on a log scale (small errors stay visible)."""
        self.widget.setLogMode(y=on)
        self._error_top = None
        self.set_target(self._target)

    def set_target(self, target: float | None) -> None:
        """Mark the target error with a dashed line (None hides it)."""
        self._target = target
        visible = target is not None and (target > 0 or not self.log_scale)
        self.target_line.setVisible(visible)
        if visible:
            self.target_line.setPos(np.log10(target) if self.log_scale else target)

    def show_history(self, history, max_epochs: int | None = None) -> None:
        """Draw a :class:`~nnsim.model.history.LossHistory` (decimated to ~2 x CURVE_POINTS).

        With ``max_epochs`` the epoch axis spans the whole run from the start,
        so it need not be rescaled (and its ticks redrawn) as the curve grows.
        """
        epochs = history.epochs
        self.train_curve.setData(*decimate(epochs, history.train))
        validation = history.validation
        measured = ~np.isnan(validation)
        self.validation_curve.setData(*decimate(epochs[measured], validation[measured]))
        self._show_validation_in_legend(bool(measured.any()))
        accuracy = history.accuracy
        scored = ~np.isnan(accuracy)
        self.accuracy_curve.setData(*decimate(epochs[scored], 100 * accuracy[scored]))
        if scored.any():
            self._show_accuracy(True)
        self._fit_error_axis(history.train, validation[measured])
        self._show_extent(history.count, max_epochs)

    def _show_extent(self, count: int, max_epochs: int | None) -> None:
        """Let the epoch axis follow the curve; mark the Epochs limit when it is in view.

        The axis ends at the first of 1, 2, 5, 10, 20, 50, ... epochs that holds
        the curve (at most the limit, while the curve is within it), so a
        5-epoch run fills the plot and a long one re-ticks the axis only a few
        times per decade.
        """
        span = epoch_extent(count, max_epochs)
        if span != self._span:  # a new range re-ticks the axis: only when it changes
            self._span = span
            self.widget.setXRange(0, span, padding=0.02)
        shown = bool(max_epochs) and max_epochs <= span
        if shown != self.limit_line.isVisible():
            self.limit_line.setVisible(shown)
        if shown and self.limit_line.value() != max_epochs:
            self.limit_line.setPos(max_epochs)  # after showing it: a hidden label keeps its text

    def expect_accuracy(self, expected: bool) -> None:
        """Show the accuracy axis (classification) or hide it (regression) before training."""
        self._show_accuracy(expected)

    def _fit_error_axis(self, *curves) -> None:
        """Keep the error axis from 0 to the largest error so far (auto-scaled on a log scale).

        Errors mostly fall, so the axis rarely moves: the curve can be seen
        falling, and the axis is not re-ticked on every frame.
        """
        top = max((float(np.max(c)) for c in curves if len(c)), default=0.0)
        if self.log_scale:
            if top > 0:
                self.widget.enableAutoRange(y=True)
            else:  # nothing yet: errors from 0.001 to 1, not pyqtgraph's -0.4 to 0.4
                self.widget.setYRange(-3, 0, padding=0.05)
            return
        if not np.isfinite(top):
            return
        if top <= 0:
            if self._error_top != 0.0:  # nothing trained yet: 0 to 1
                self._error_top = 0.0
                self.widget.setYRange(0, 1, padding=0.05)
            return
        if self._error_top is None or top > self._error_top or top < self._error_top / 20:
            self._error_top = top
            self.widget.setYRange(0, top, padding=0.05)

    def _show_validation_in_legend(self, shown: bool) -> None:
        listed = any(sample.item is self.validation_curve for sample, _ in self.legend.items)
        if shown and not listed:
            self.legend.addItem(self.validation_curve, self._validation_name)
        elif listed and not shown:
            self.legend.removeItem(self.validation_curve)

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The training curve's (epochs, errors), as drawn (decimated above CURVE_POINTS)."""
        x, y = self.train_curve.getOriginalDataset()
        return (np.array([]), np.array([])) if x is None else (x, y)


def decimate(x: np.ndarray, y: np.ndarray, stretches: int = CURVE_POINTS):
    """Keep each stretch's lowest and highest y (in order) when there are more than enough.

    Returns (x, y) of at most ``2 * (stretches + 1)`` points (a stretch whose
    low and high are one point gives it twice); short curves come back whole.
    """
    n = len(y)
    if n <= 2 * stretches:
        return x, y
    width = -(-n // stretches)  # ceil
    whole = n // width * width
    blocks = y[:whole].reshape(-1, width)
    low, high = blocks.argmin(axis=1), blocks.argmax(axis=1)
    starts = np.arange(0, whole, width)
    first, second = starts + np.minimum(low, high), starts + np.maximum(low, high)
    if whole < n:  # the last, shorter stretch
        tail = y[whole:]
        ends = sorted({whole + int(tail.argmin()), whole + int(tail.argmax())})
        first, second = np.append(first, ends[0]), np.append(second, ends[-1])
    picks = np.column_stack([first, second]).ravel()
    return x[picks], y[picks]


def run_limit(session: Session) -> int:
    """The epoch the session's run stops at (the Epochs setting before any report)."""
    latest = session.latest
    return latest.max_epochs if latest else session.settings["max_epochs"]


def run_extent(session: Session, epoch: int) -> int:
    """Where a live plot's epoch axis ends at ``epoch`` of ``session``'s run, as the error
    plot's does (:func:`epoch_extent`)."""
    return epoch_extent(epoch, run_limit(session))


def epoch_extent(count: int, limit: int | None = None) -> int:
    """Where the epoch axis ends for ``count`` epochs trained of ``limit``.

    The first of 10, 20, 50, 100, 200, ... that holds ``count``, but no further
    than ``limit`` while the run is within it; 10 (or the limit) before any.
    """
    extent = 10
    while extent < count:
        extent = extent * 5 // 2 if str(extent).startswith("2") else extent * 2
    if limit and count <= limit:
        extent = min(extent, limit)
    return max(extent, 1)
