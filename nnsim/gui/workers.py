"""Work in superqt's worker threads, held and stopped safely: :class:`Job`, :class:`KeptWorkers`.

A superqt ``GeneratorWorker`` is a QRunnable holding a QObject (its signals).
The pool deletes the runnable in its own thread just after the worker says it
has finished; were the GUI thread's reference the last one by then, Python
would free the worker there, and its QObject outside the thread it lives in,
which can crash the window (tests/gui/test_worker_threads.py).  Every view
that starts a worker starts it through :class:`KeptWorkers`, which holds it
until the pool has deleted it and lets it go in the GUI thread.

A :class:`Job` is the pair of flags a view and its worker's generator share:
the view sets ``cancel``, the generator looks at it between two steps and
sets ``ended`` when it ends, however it ends.
"""

import threading
import time
from collections.abc import Callable

import shiboken6
from superqt.utils import GeneratorWorker

#: The longest the GUI thread waits for a cancelled job (each ends within one step).
WORKER_WAIT_S = 5.0


class Job:
    """One computation in a worker: ``cancel`` asks it to end; ``ended`` says it has."""

    def __init__(self):
        self.cancel = threading.Event()
        self.ended = threading.Event()

    def stop(self, wait_s: float = WORKER_WAIT_S) -> None:
        """Ask the computation to end and wait until it has (at most ``wait_s`` seconds)."""
        self.cancel.set()
        self.ended.wait(wait_s)


class KeptWorkers:
    """The workers one view (or controller) started, each held until its pool lets go of it."""

    def __init__(self):
        self._kept: list[GeneratorWorker] = []

    def __len__(self) -> int:
        return len(self._kept)

    def start(self, function: Callable, *arguments, **slots) -> GeneratorWorker:
        """Start ``GeneratorWorker(function, *arguments)`` with its signals connected to
        ``slots`` (``yielded=``, ``returned=``, ``errored=`` ...), and keep it."""
        worker = GeneratorWorker(function, *arguments)
        for signal, slot in slots.items():
            getattr(worker, signal).connect(slot)
        self.drop_deleted()
        self._kept.append(worker)
        worker.start()
        return worker

    def drop_deleted(self) -> None:
        """Let go of the workers the pool has deleted (no longer valid): they are freed
        here, in the GUI thread; the others stay held."""
        self._kept = [kept for kept in self._kept if shiboken6.isValid(kept)]

    def let_go(self, timeout_s: float = 0.1) -> None:
        """Wait up to ``timeout_s`` for the pool to let go of the finished workers (before
        their holder goes: their pool threads are moments from letting go of them first)."""
        deadline = time.monotonic() + timeout_s
        self.drop_deleted()
        while self._kept and time.monotonic() < deadline:
            time.sleep(0.001)  # (the GIL too)
            self.drop_deleted()
