"""The training process's side: runs the engine's training generator for the window.

The window trains in a separate Python process, so that its drawing and the
training loop never share one interpreter's lock: a redraw then costs
training nothing but the machine's other core.
:mod:`nnsim.model.training_process` starts it (:func:`main`) and speaks to it
over a socket with pickled tuples; both sides are nnsim, so nothing read from
a file ever crosses it as code.

The child first says ``("ready",)``.  From the parent (``run`` is a run's
number, so that a late message for a run that ended cannot touch the next):

- ``("begin", run, network, data, validation, config, threads)``: a new run of
  :func:`~nnsim.engine.train` (nothing computed until the first ``advance``);
- ``("advance", run, patch)``: train to the next report, sending ``patch`` in;
  answered by ``("report", run, report)``, ``("summary", run, summary,
  parameters)`` or ``("error", run, exception, parameters, trace)``,
  ``parameters`` being the network's ``(weights, biases)`` as the run left
  them (the parent may ask for the next report before it has read this one,
  and end a run with an answer still to come: the number tells it which run
  an answer is about);
- ``("stop", run)``: end that run at its next mini-batch (read at once, even
  while an epoch runs);
- ``("translation", text)``: the answer to a ``("translate", context, text)``
  this side asked while advancing (the parent holds the window's language);
- ``("end", run)``: let the run go; ``("quit",)``: exit.
"""

import pickle
import queue
import signal
import threading
import traceback
from multiprocessing.connection import Connection

from nnsim import text
from nnsim.engine import train
from nnsim.model.blas_threads import limit_blas


class TrainingServer:
    """One run at a time, advanced on request; a listening thread reads every message."""

    def __init__(self, connection: Connection):
        self.connection = connection
        self.requests: queue.SimpleQueue = queue.SimpleQueue()
        self.translations: queue.SimpleQueue = queue.SimpleQueue()
        self.stopped_run = None  # the number of the run last asked to stop
        self.translated: dict[tuple[str, str], str] = {}
        self.run = self.network = self.generator = self.blas = None
        self.started = False

    # ------------------------------------------------------------ threads
    def listen(self) -> None:
        """Read messages (in a thread of their own): a stop at once, the rest in turn."""
        while True:
            try:
                message = self.connection.recv()
            except (EOFError, OSError):  # the parent has gone
                message = ("quit",)
            kind = message[0]
            if kind == "stop":
                self.stopped_run = message[1]
            elif kind == "translation":
                self.translations.put(message[1])
            else:
                self.requests.put(message)
            if kind == "quit":
                return

    def serve(self) -> None:
        """Carry out the requests in order until told to quit."""
        text.set_translator(self.ask_translation)
        while True:
            kind, *arguments = self.requests.get()
            if kind == "quit":
                self.end(self.run)
                return
            getattr(self, kind)(*arguments)

    def ask_translation(self, context: str, english: str) -> str:
        """The window's words for ``english``: asked of the parent (only while an advance is
        answered) once a run, since the engine names its arrays in every epoch's checks."""
        key = (context, english)
        if key not in self.translated:
            self.connection.send(("translate", context, english))
            self.translated[key] = self.translations.get()
        return self.translated[key]

    # ----------------------------------------------------------- requests
    def begin(self, run: int, network, data, validation, config, threads: int) -> None:
        self.end(self.run)
        self.run, self.network, self.started = run, network, False
        self.translated = {}  # (the window's language may have changed since the last run)
        self.generator = train(
            network, data, config, validation=validation, should_stop=self.asked_to_stop
        )
        self.blas = limit_blas(threads)

    def asked_to_stop(self) -> bool:
        return self.stopped_run == self.run

    def advance(self, run: int, patch: dict | None) -> None:
        if run != self.run or self.generator is None:
            self.connection.send(("error", run, RuntimeError("no such run"), None, ""))
            return
        try:
            if self.started:
                report = self.generator.send(patch)
            else:  # (the parent sends no patch before the first report)
                self.started = True
                report = next(self.generator)
        except StopIteration as stop:
            self.connection.send(("summary", run, stop.value, self.network.parameters()))
        except Exception as exc:  # the parent raises it where the run is advanced
            trace = traceback.format_exc()
            self.connection.send(("error", run, _sendable(exc), self.network.parameters(), trace))
        else:
            self.connection.send(("report", run, report))

    def end(self, run: int | None) -> None:
        if run != self.run or self.run is None:
            return
        self.generator.close()
        if self.blas is not None:
            self.blas.restore_original_limits()
        self.run = self.network = self.generator = self.blas = None


def _sendable(exc: Exception) -> Exception:
    """``exc``, or when it cannot be pickled a RuntimeError saying what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # any exception may fail to pickle in its own way
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def main(argv: list[str]) -> None:
    """Serve the parent on the socket whose file descriptor is ``argv[0]``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the parent's to handle
    server = TrainingServer(Connection(int(argv[0])))
    server.connection.send(("ready",))
    threading.Thread(target=server.listen, daemon=True).start()
    server.serve()
