"""When the live views redraw a network in training (DESIGN.md section 5).

:class:`LiveView` decides *when*; each live view (the status bar's read-out,
the error plot, the decision boundary, the editor's live values, the plot
tab shown, the rewind bar, the explained step) connects to its
:attr:`~LiveView.frame` signal and redraws *what* it shows from the session.

A new report marks the views out of date.  While training runs a
GUI-thread timer paces the frames: at most ``REDRAW_HZ`` a second; at full
speed only while this thread's CPU share stays within its budget
(:func:`redraw_budget`: half a core beside a run in a training process, 3% beside
one in this process), so the window costs training little, but never less often than every
``MAX_REDRAW_GAP`` seconds, so the plots never stand still.  A step, a
stopped run, a rewind, a new network and a perceptron's single-sample step
are drawn at once.

Order within one session event: views set themselves up for what changed
(a new network's data, a sample stepped) at psygnal priority :data:`SET_UP`,
before anything may draw; :class:`LiveView` draws at :data:`DRAW`, after
every other handler.
"""

import math
import os
import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from nnsim.model.session import Session

REDRAW_HZ = 30
#: While training runs at full speed, the GUI thread may use at most this share of
#: a core (redrawing and painting): above it a redraw waits, so the window costs
#: training little.  With a speed limit the worker has time to spare: no budget.
REDRAW_BUDGET = 0.03
#: The same for a run in its own process (``nnsim.model.training_process``) on a machine
#: of two cores or more: the window's drawing then costs it nothing but the other core.
REDRAW_BUDGET_APART = 0.5
#: ... but the plots never wait longer than this, in seconds, for their next redraw:
#: the GUI thread's own waking (timer ticks, reports, taking the GIL) can use most of
#: the budget, and the half-hour soak saw redraws fall to one a minute without it.
MAX_REDRAW_GAP = 0.5
#: psygnal priorities (higher first): a view's set-up for a session event comes before
#: any drawing (a plane laid out for new data before the new network is drawn on it) ...
SET_UP = 1
#: ... and the live view's frame after every other handler of the event.
DRAW = -1


class LiveView(QObject):
    """Paces the redraws of ``session``'s live views.

    Signals
    -------
    frame()
        Redraw from the session now; emitted only while it has a compiled network.

    Attributes
    ----------
    frames : int
        Frames so far (for measuring).
    timer : QTimer
        Ticks ``REDRAW_HZ`` times a second while a run goes on.
    """

    frame = Signal()

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.timer = QTimer(self)
        self.timer.setInterval(1000 // REDRAW_HZ)
        self.timer.timeout.connect(self._tick)
        self.frames = 0
        self._dirty = False  # a report not drawn yet
        self._last = 0.0  # perf_counter() of the latest frame
        self._clock = deque(maxlen=REDRAW_HZ)  # the last second's (wall, cpu), one per tick
        events = session.events
        events.reported.connect(self._reported)
        events.state_changed.connect(self._state_changed, priority=DRAW)
        for event in (events.network_changed, events.rewound, events.sample_stepped,
                      events.probe_changed, events.number_set):  # fmt: skip
            event.connect(self._changed, priority=DRAW)

    def _state_changed(self, state: str) -> None:
        """Pace frames while a run goes on; when it stops, draw its end at once."""
        if state in ("training", "pausing"):
            self._clock.clear()  # the budget counts this run's second, not an idle one
            self.timer.start()
        else:
            self.timer.stop()
            self.draw(force=True)

    def _reported(self, _report) -> None:
        """A new report: drawn by the next tick, or now if no run is paced (a step)."""
        self._dirty = True
        if not self.timer.isActive():
            self.draw()

    def _changed(self, *_what) -> None:
        """Another network, a rewind, a sample stepped, a probe or a number set: draw now."""
        self.draw(force=True)

    @Slot()
    def _tick(self) -> None:
        """Draw if this thread's CPU share over the last second is within REDRAW_BUDGET,
        or the last frame is MAX_REDRAW_GAP old.

        ``time.thread_time`` counts what this thread spent since then on
        everything, painting included; a costly frame thus spaces out the
        next ones instead of slowing the worker down, down to 1 / MAX_REDRAW_GAP a second.
        """
        now = (time.perf_counter(), time.thread_time())
        self._clock.append(now)
        if not self._dirty:
            return
        (wall, cpu), (then_wall, then_cpu) = now, self._clock[0]
        full_speed = self.session.settings["speed"] == "fastest"
        budget = redraw_budget(self.session.run)
        over_budget = wall > then_wall and cpu - then_cpu > budget * (wall - then_wall)
        if full_speed and over_budget and wall - self._last < MAX_REDRAW_GAP:
            return
        self.draw()

    def draw(self, force: bool = False) -> None:
        """Emit a frame (only after a new report, unless ``force``; never without a network)."""
        if not (self._dirty or force) or self.session.compiled is None:
            return
        self._dirty = False
        self.frames += 1
        self._last = time.perf_counter()
        self.frame.emit()


class Throttle:
    """A costly part of a live view, made at most every ``period`` seconds while ``session``
    trains and at every frame otherwise (a step, the run's end, a rewind).

    For what a person need not follow 30 times a second (a table's numbers, a
    big network's canvas): the rest of the view still moves at every frame.
    With ``costly`` the part is held back only while its last go took at
    least that many seconds (the caller sets ``cost``).  ``behind`` says a go
    was skipped since the last one made: the view draws again once the run
    has stopped, even with no report since.
    """

    def __init__(self, session: Session, period: float, costly: float = 0.0):
        self.session, self.period, self.costly = session, period, costly
        self.behind = False
        self.cost = 0.0  # seconds the last go took, when the caller measures it
        self._last = -math.inf  # perf_counter() of the last go made

    @property
    def training(self) -> bool:
        return self.session.state in ("training", "pausing")

    def due(self) -> bool:
        """Whether to make the part now; a True counts as made."""
        now = time.perf_counter()
        if self.training and self.cost >= self.costly and now - self._last < self.period:
            self.behind = True
            return False
        self._last, self.behind = now, False
        return True


def redraw_budget(run, cores: int | None = None) -> float:
    """The share of a core the GUI thread may use redrawing beside ``run`` at full speed."""
    cores = cores or os.cpu_count() or 1
    return REDRAW_BUDGET_APART if getattr(run, "apart", False) and cores > 1 else REDRAW_BUDGET


def live_values(session: Session, row: int) -> tuple:
    """What the editor's canvas shows of ``session`` at a frame, for sample ``row``.

    Returns
    -------
    tuple
        ``(compiled, weights, biases, sample)`` for ``EditorView.show_values``:
        the weights shown (one (n_out, n_in) matrix per layer), their biases (None
        for a network without, whose canvas draws none) and the inputs
        ``data.X[row]``, shape (n_features,), or the person's own probe when there is one.
    """
    network = session.display_network
    weights, biases = network.parameters()
    probe = session.probe
    sample = probe if probe is not None and probe.size == network.n_inputs else session.data.X[row]
    return session.compiled, weights, biases if network.has_bias else None, sample
