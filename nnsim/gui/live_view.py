"""What the window draws of a network in training, and when (DESIGN.md section 5).

:class:`LiveView` draws the latest state (the status bar, the error history,
the decision boundary, the editor's live values and the plot tab shown) after
a new report.  While training runs a GUI-thread timer paces it: at most
``REDRAW_HZ`` times a second; at full speed only while this thread's CPU
share stays within ``REDRAW_BUDGET``, so the window costs training little,
but never less often than every ``MAX_REDRAW_GAP`` seconds, so the plots
never stand still.  A step or a stopped run is drawn at once.
"""

import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Slot

from nnsim.model import parameters_of
from nnsim.model.compiler import has_bias
from nnsim.model.diagnostics import diagnose

REDRAW_HZ = 30
#: While training runs at full speed, the GUI thread may use at most this share of
#: a core (redrawing and painting): above it a redraw waits, so the window costs
#: training little.  With a speed limit the worker has time to spare: no budget.
REDRAW_BUDGET = 0.03
#: ... but the plots never wait longer than this, in seconds, for their next redraw:
#: the GUI thread's own waking (timer ticks, reports, taking the GIL) can use most of
#: the budget, and the half-hour soak saw redraws fall to one a minute without it.
MAX_REDRAW_GAP = 0.5


class LiveView(QObject):
    """Draws ``window``'s live parts from its session, paced while training runs.

    Attributes
    ----------
    frames : int
        Redraws so far (for measuring).
    """

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(1000 // REDRAW_HZ)
        self.timer.timeout.connect(self._tick)
        self.frames = 0
        self._dirty = False  # a report not drawn yet
        self._last = 0.0  # perf_counter() of the latest redraw
        self._clock = deque(maxlen=REDRAW_HZ)  # the last second's (wall, cpu), one per tick

    def follow(self, running: bool) -> None:
        """Pace redraws while a run goes on; when it stops, draw its end at once."""
        if running:
            self._clock.clear()  # the budget counts this run's second, not an idle one
            self.timer.start()
        else:
            self.timer.stop()
            self.draw(force=True)

    def report_arrived(self) -> None:
        """A new report: drawn by the next tick, or now if no run is paced (a step)."""
        self._dirty = True  # the status bar included
        if not self.timer.isActive():
            self.draw()

    @Slot()
    def _tick(self) -> None:
        """Draw if this thread's CPU share over the last second is within REDRAW_BUDGET,
        or the last redraw is MAX_REDRAW_GAP old.

        ``time.thread_time`` counts what this thread spent since then on
        everything, painting included; a costly frame thus spaces out the
        next ones instead of slowing the worker down, down to 1 / MAX_REDRAW_GAP a second.
        """
        now = (time.perf_counter(), time.thread_time())
        self._clock.append(now)
        if not self._dirty:
            return
        (wall, cpu), (then_wall, then_cpu) = now, self._clock[0]
        full_speed = self.window.settings["speed"] == "fastest"
        over_budget = wall > then_wall and cpu - then_cpu > REDRAW_BUDGET * (wall - then_wall)
        if full_speed and over_budget and wall - self._last < MAX_REDRAW_GAP:
            return
        self.draw()

    def draw(self, force: bool = False) -> None:
        """Draw the latest state (only after a new report, unless ``force``)."""
        window = self.window
        session = window.session
        if not (self._dirty or force) or session.compiled is None:
            return
        self._dirty = False
        self.frames += 1
        self._last = time.perf_counter()
        latest = session.latest
        if latest is not None:
            window.status.show_report(latest, session.state)
        epochs = latest.max_epochs if latest else window.settings["max_epochs"]
        window.error_plot.show_history(session.history, epochs)
        network = session.display_network
        window.decision_plot.show_network(network)
        sample = session.data.X[window.status.sample_selector.value() - 1]
        weights, biases = parameters_of(network)
        biases = biases if has_bias(network) else None  # the canvas draws no bias then
        window.editor.view.show_values(session.compiled, weights, biases, sample)
        self._draw_tab(network, weights)
        if window.rewind is not None:
            window.rewind.follow()
        window.explainer.refresh()

    def _draw_tab(self, network, weights) -> None:
        """The plot tab shown, if it follows training: weights, results or diagnostics."""
        window, session = self.window, self.window.session
        visible = window.layout_docks is not None and window.plots_dock.isVisible()
        shown = window.plot_tabs.currentWidget() if visible else None
        if shown is window.weights_plot.widget:
            window.weights_plot.show_weights(weights)
        elif shown is window.results and session.state not in ("training", "pausing"):
            window.results.show_results(network, session.data, session.validation)
        elif shown is window.diagnostics:
            target = window.settings.training_config().target_error
            window.diagnostics.show_hints(
                diagnose(network, session.data, session.history.train, target)
            )
