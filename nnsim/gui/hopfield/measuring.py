"""A measurement in a worker thread, with Cancel: :class:`Measurement`.

The basins view (:mod:`nnsim.gui.hopfield.basins`) and the capacity lab
(:mod:`nnsim.gui.hopfield.capacity`) each measure point after point with a
model generator that ends early once its ``should_stop()`` is true.  A
:class:`Measurement` runs such a generator in a superqt ``GeneratorWorker``,
hands each point to the GUI thread, cancels within one point and waits for the
worker, drops the late points of a cancelled run, turns its view's controls
off while it runs (Cancel on) and says in the view's note that it was cancelled.
"""

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from nnsim.gui.workers import Job, KeptWorkers


def _points(run: Job, points: Callable[..., Iterator]):
    """The worker's generator: (run, point) for each point of ``points(should_stop=...)``."""
    try:
        for point in points(should_stop=run.cancel.is_set):
            yield run, point
            time.sleep(0)  # the window answers between points
    finally:
        run.ended.set()


class Measurement(QObject):
    """One measurement at a time for a view, in a worker thread, that can be cancelled.

    Signals (all on the GUI thread)
    -------------------------------
    measured(object)
        A point of the measurement under way.
    completed()
        The measurement ended by itself (not when cancelled).
    running_changed(bool)
        A measurement started (True) or ended or was cancelled (False), after
        the controls (:meth:`attach`) were switched.
    """

    measured = Signal(object)
    completed = Signal()
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._run: Job | None = None
        self._workers = KeptWorkers()
        self._idle: tuple[QWidget, ...] = ()
        self._busy: tuple[QWidget, ...] = ()
        self._note: QLabel | None = None
        self._cancelled = ""

    @property
    def running(self) -> bool:
        return self._run is not None

    def attach(self, idle: tuple[QWidget, ...], busy: tuple[QWidget, ...], note: QLabel,
               cancelled: str) -> None:  # fmt: skip
        """Keep the ``idle`` widgets (Start, the settings) on only while nothing runs, and
        the ``busy`` ones (Cancel) only while a measurement runs; a cancel writes
        ``cancelled`` (translated) in ``note``."""
        self._idle, self._busy = idle, busy
        self._note, self._cancelled = note, cancelled
        self._switch(self.running)

    def _switch(self, running: bool) -> None:
        for widget in self._idle:
            widget.setEnabled(not running)
        for widget in self._busy:
            widget.setEnabled(running)
        self.running_changed.emit(running)

    def start(self, points: Callable[..., Iterator]) -> None:
        """Run ``points(should_stop=...)``, a generator of points, in a worker thread.

        ``points`` is called in the worker (a ``functools.partial`` of a model
        function, say); it should end soon after ``should_stop()`` is true.
        """
        self._run = Job()
        self._workers.start(_points, self._run, points, yielded=self._point_done,
                            returned=self._finished)  # fmt: skip
        self._switch(True)

    def cancel(self) -> bool:
        """Stop within one point, waiting for the worker; False if nothing was running."""
        run, self._run = self._run, None
        if run is None:
            return False
        run.stop()
        if self._note is not None:
            self._note.setText(self._cancelled)
        self._switch(False)
        return True

    @Slot(object)
    def _point_done(self, item) -> None:
        run, point = item
        if run is self._run:  # (not a cancelled measurement's last point, arriving late)
            self.measured.emit(point)

    @Slot(object)
    def _finished(self, _result) -> None:
        if self._run is None or not self._run.ended.is_set():
            return  # a cancelled measurement ending
        self._run = None
        self.completed.emit()
        self._switch(False)


def start_and_cancel(view, name: str, start: str, cancel: str) -> tuple[QPushButton, QPushButton]:
    """A measuring view's two buttons: ``start`` (objectName ``{name}Start``) calls
    ``view.start``, ``cancel`` (``{name}Cancel``) calls ``view.cancel``; the texts are
    translated by the caller, in its own context."""
    start_button = QPushButton(start, objectName=f"{name}Start")
    start_button.clicked.connect(view.start)
    cancel_button = QPushButton(cancel, objectName=f"{name}Cancel")
    cancel_button.clicked.connect(view.cancel)
    return start_button, cancel_button
