"""Training in a worker thread for the window (DESIGN.md section 5).

The :class:`~nnsim.model.session.Session` holds the run and everything it
makes; :class:`TrainingController` only runs the session's run in a superqt
``GeneratorWorker`` (``drive(session.run)`` in a pool thread) and hands each
report back to the session in the GUI thread.  While the worker is paused,
or before it starts, the session's own :meth:`~nnsim.model.session.Session.step`
advances the same run in the GUI thread.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, Slot
from superqt.utils import GeneratorWorker

from nnsim.gui.workers import KeptWorkers
from nnsim.model.session import Session
from nnsim.model.training_run import drive


class TrainingController(QObject):
    """Start, pause, stop and shut down the worker that trains ``session``'s network.

    Everything else (steps, resets, rewinds, the history) is the session's; its
    events say what changed.
    """

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self._worker: GeneratorWorker | None = None
        self._workers = KeptWorkers()  # held until the pool is done with them
        session.events.state_changed.connect(self._state_changed)
        session.add_thread_stopper(self.shutdown)

    def start(self) -> bool:
        """Start training, or resume it when paused; False (``session.problem`` says why) if not."""
        session = self.session
        if session.state in ("training", "pausing"):
            return True
        if session.run is None and not session.start_run(paced=True):
            return False
        session.run.restart_pace()
        if self._worker is not None:
            self._worker.resume()
        else:
            self._start_worker()
        session.set_state("training")
        return True

    def _start_worker(self) -> None:
        self._worker = self._workers.start(
            drive, self.session.run, yielded=self._on_report, returned=self._on_returned,
            errored=self._on_error, paused=self._on_paused, finished=self._on_worker_finished,
        )  # fmt: skip

    def pause(self) -> None:
        """Pause after the current report; the session's state becomes "paused" then."""
        session = self.session
        if session.state == "training":
            session.set_state("pausing")
            self._interrupt_run()  # cut a speed limit's wait short
            self._worker.pause()

    def stop(self) -> None:
        """End the run; the weights stay as trained so far (up to the last whole epoch)."""
        session = self.session
        if self._worker is not None:
            self._ask_run_to_stop()
            self._worker.quit()  # _on_worker_finished ends the run
        elif session.run is not None:
            session.end_run("stopped")

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Stop the worker and wait for its thread: before the run's network may change hands.

        The run ends at its next mini-batch.  A batch still running after
        ``timeout_ms`` (one huge full batch) is left to end in its thread,
        never closed under it (:meth:`Session.abandon_run`).
        """
        session, worker = self.session, self._worker
        if worker is not None:
            self._ask_run_to_stop()
            worker.quit()
            done = QThreadPool.globalInstance().waitForDone(timeout_ms)
            # Deliver the reports the worker queued before it ended: their epochs
            # did happen, so the history must hold them before anything else.
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
            self._worker = None
            self._workers.drop_deleted()
            if not done:
                self._abandon_run(worker)
        if session.run is not None:
            session.end_run("stopped")
        self._workers.let_go()

    def _interrupt_run(self) -> None:
        """Cut the worker's speed-limit wait short (its run may have ended already)."""
        if self.session.run is not None:
            self.session.run.interrupt()

    def _ask_run_to_stop(self) -> None:
        """End the run at its next mini-batch, even in the middle of a long epoch."""
        if self.session.run is not None:
            self.session.run.ask_to_stop()

    def _abandon_run(self, worker: GeneratorWorker) -> None:
        """Leave a run that would not stop to its thread, and go on without it."""
        for signal in (worker.yielded, worker.returned, worker.errored, worker.paused,
                       worker.finished):  # fmt: skip
            signal.disconnect()  # what it says later is not about this session's network
        self.session.abandon_run()

    # ------------------------------------------------------------- slots
    @Slot(object)
    def _on_report(self, report) -> None:
        self.session.take_report(report)

    @Slot()
    def _on_paused(self) -> None:
        if self.session.state == "pausing":
            self.session.set_state("paused")

    @Slot(object)
    def _on_returned(self, summary) -> None:
        self.session.finish(summary)

    @Slot(object)
    def _on_error(self, exc) -> None:
        self.session.fail(exc)

    @Slot()
    def _on_worker_finished(self) -> None:
        self._worker = None
        self._workers.drop_deleted()
        if self.session.run is not None:  # quit, not returned nor failed
            self.session.end_run("stopped")

    def _state_changed(self, _state: str) -> None:
        """A run a step (or an error) ended while the worker was paused: let the worker go."""
        if self.session.run is None and self._worker is not None:
            self._worker.quit()
