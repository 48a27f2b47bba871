"""Training in a separate process: the window's runs, out of its interpreter's way.

Beside a window, training in a thread shares one interpreter lock with the
drawing: each redraw a second cost XOR about 3% of its speed, so 20 redraws
a second would have cost it 60% (``benchmarks/README.md``).  A
:class:`ProcessRun` is a :class:`~nnsim.model.training_run.TrainingRun` whose
engine generator runs in a child process (:mod:`nnsim.model.training_server`),
on the other core.  It is advanced, paced, patched and stopped exactly as a
run in this process, and gives the same numbers: the child gets the network,
the data and the config, and each report comes back with the weights, which
are put into this side's network, so that the network here always holds the
weights of the last report, as it would after that epoch in a thread.

Children are kept between runs (:func:`borrow`, :func:`give_back`): Python and
NumPy start once (about 0.2-0.4 s), and the next run starts at once.  A child
that dies (killed, out of memory) ends its run with an error in words; the
network keeps the weights of the last report.
"""

import atexit
import contextlib
import itertools
import json
import os
import socket
import subprocess
import sys
import threading
from multiprocessing.connection import Connection

from nnsim import text
from nnsim.errors import NnsimError
from nnsim.model.training_run import RunPacing
from nnsim.text import translate

#: How many idle children are kept for the next runs.
KEEP_IDLE = 1
#: Whether this system can train in a child process (it is given a socket by number).
AVAILABLE = os.name == "posix"
#: Seconds a new child is given to import nnsim and say it is ready.
READY_WAIT = 20
#: Seconds a child is given to quit before it is killed.
QUIT_WAIT = 2.0
#: Reports a run at full speed asks of its child before this side has read them: two, so the
#: child need not wait while this side reads one (its thread waits for the interpreter's lock
#: while the window draws) and asks for the next.
REPORTS_AHEAD = 2

#: The child's first lines: it imports from where this process does (a checkout run without
#: installing finds the same nnsim), and ``-P`` keeps its working folder off that path.
_START = (
    "import json, sys; sys.path[:] = json.loads(sys.argv[1]); "
    "from nnsim.model.training_server import main; main(sys.argv[2:])"
)

_run_numbers = itertools.count(1)
_idle: list["TrainingProcess"] = []
_idle_lock = threading.Lock()


class TrainingProcessError(NnsimError):
    """The training process could not start, or stopped without saying why."""


class TrainingProcess:
    """One child Python process that trains, and the socket to it.

    Messages are the tuples described in :mod:`nnsim.model.training_server`;
    :meth:`send` may be called from any thread, :meth:`receive` from the one
    thread advancing a run.  The child imports nnsim while this side goes on;
    :meth:`wait_until_ready` waits for it to say it is ready.
    """

    def __init__(self):
        ours, theirs = socket.socketpair()
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-P", "-c", _START, json.dumps(sys.path), str(theirs.fileno())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
            )
        except (OSError, ValueError) as exc:
            ours.close()
            raise _could_not_start(exc) from exc
        finally:
            theirs.close()
        self._connection = Connection(ours.detach())
        self._send_lock = threading.Lock()
        self._ready = False

    def wait_until_ready(self) -> None:
        """Wait for the child's first word (it has imported nnsim), or kill it and raise."""
        if self._ready:
            return
        try:
            ready = self._connection.poll(READY_WAIT) and self._connection.recv() == ("ready",)
        except (EOFError, OSError):
            ready = False
        self._ready = ready
        if not ready:
            self.kill()
            raise _could_not_start(
                translate("TrainingProcess", "it did not answer within {seconds} s").format(
                    seconds=READY_WAIT
                )
            )

    @property
    def alive(self) -> bool:
        return self._process.poll() is None and not self._connection.closed

    def send(self, *message) -> None:
        """Send ``message`` (any thread); a child that has gone is found by :meth:`receive`."""
        with self._send_lock, contextlib.suppress(OSError):
            self._connection.send(message)

    def receive(self, run: int) -> tuple:
        """The child's next answer about ``run``: ``(kind, *answer)`` without the run's number.

        Requests for translations are answered meanwhile, and answers about
        an earlier run (asked ahead, then ended) are let go.

        Raises
        ------
        TrainingProcessError
            When the child has gone (killed, crashed, out of memory).
        """
        while True:
            try:
                message = self._connection.recv()
            except (EOFError, OSError) as exc:
                raise TrainingProcessError(
                    translate(
                        "TrainingProcess",
                        "The training process stopped unexpectedly (perhaps out of memory): "
                        "the network keeps the weights of the last epoch shown.",
                    )
                ) from exc
            if message[0] == "translate":
                self.send("translation", text.relay(message[1], message[2]))
            elif message[1] == run:
                return (message[0], *message[2:])

    def kill(self) -> None:
        """End the child now, wherever it is."""
        self._process.kill()
        self._process.wait()
        self._connection.close()

    def quit(self) -> None:
        """Ask the child to exit, and kill it if it has not within :data:`QUIT_WAIT` seconds."""
        self.send("quit")
        try:
            self._process.wait(QUIT_WAIT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._connection.close()


def _could_not_start(reason) -> TrainingProcessError:
    reason = getattr(reason, "strerror", None) or reason
    return TrainingProcessError(
        translate("TrainingProcess", "The training process could not start: {reason}.").format(
            reason=reason
        )
    )


def borrow() -> TrainingProcess:
    """An idle child (one started ahead, :func:`start_ahead`), or a new one, ready.

    Raises
    ------
    TrainingProcessError
        When no child can start, or the one started ahead could not.
    """
    with _idle_lock:
        while _idle:
            child = _idle.pop()
            if child.alive:
                break
        else:
            child = None
    child = child or TrainingProcess()
    child.wait_until_ready()
    return child


def start_ahead() -> None:
    """Start a child now, unless one is idle, so that the first run need not wait while
    Python and NumPy start in it (0.2-0.4 s here, seconds on a slow disk)."""
    with _idle_lock:
        if any(child.alive for child in _idle):
            return
    try:
        child = TrainingProcess()
    except TrainingProcessError:
        return  # (the first run will say why, or train here)
    with _idle_lock:
        _idle.append(child)


def give_back(child: TrainingProcess) -> None:
    """Keep ``child`` for the next run (up to :data:`KEEP_IDLE`), else let it quit."""
    with _idle_lock:
        if child.alive and len(_idle) < KEEP_IDLE:
            _idle.append(child)
            return
    if child.alive:
        child.quit()


@atexit.register
def quit_idle() -> None:
    """Let the idle children quit (a borrowed one quits when this process's socket closes)."""
    with _idle_lock:
        children = _idle[:]
        _idle.clear()
    for child in children:
        child.quit()


class ProcessRun(RunPacing):
    """A training run advanced in a child process; the same interface as ``TrainingRun``.

    Parameters
    ----------
    network : MLP or Perceptron
        This side's network: it takes each report's weights, and at the end (or
        after a divergence) the weights the child's network has.
    data, validation, config
        As for :func:`~nnsim.engine.train`; ``config.include_weights`` should be
        True, or the network here changes only when the run ends.
    threads : int
        BLAS threads the child multiplies with during the run.

    Raises
    ------
    TrainingProcessError
        When no child process can be started.
    """

    apart = True

    def __init__(self, network, data, validation, config, threads: int):
        super().__init__()
        self._network = network
        self._number = next(_run_numbers)
        self._started = False
        self._asked = 0  # reports asked of the child and not read yet
        self._child: TrainingProcess | None = borrow()
        self._child.send("begin", self._number, network, data, validation, config, threads)

    def ask_to_stop(self) -> None:
        """End the run at the child's next mini-batch, undoing the epoch it is in (any thread)."""
        if self._child is not None:
            self._child.send("stop", self._number)
        self.interrupt()

    def advance(self, ahead: bool = False):
        """Train until the next report and return it; None when the run has ended.

        With ``ahead`` the child is kept :data:`REPORTS_AHEAD` reports ahead
        of this side, unless the run was interrupted (a pause, a stop): it
        trains on while this side reads, draws and waits for the interpreter's
        lock, so the window's work costs training nothing but the other core.
        A patch then reaches the run that many reports later.

        Raises
        ------
        NnsimError
            The engine's (a divergence: the network here holds the weights put
            back), or :class:`TrainingProcessError` when the child has gone.
        """
        if self._child is None or self.summary is not None:
            return None
        if not self._asked:
            self._ask()
        kind, *answer = self._child.receive(self._number)
        self._asked -= 1
        if kind == "report":
            report = answer[0]
            while ahead and not self.interrupted and self._asked < REPORTS_AHEAD:
                self._ask()
            if report.weights is not None:
                self._network.set_parameters(report.weights, report.biases)
            return report
        self._asked = 0  # the run has ended: what else was asked is answered to no one
        outcome, parameters = answer[0], answer[1]
        if parameters is not None:
            self._network.set_parameters(*parameters)
        if kind == "summary":
            self.summary = outcome
            return None
        if not isinstance(outcome, NnsimError) and len(answer) > 2:
            outcome.add_note(f"In the training process:\n{answer[2]}")
        raise outcome

    @property
    def asked_ahead(self) -> bool:
        """Whether the child was asked for a report this side has not read yet."""
        return self._asked > 0

    def _ask(self) -> None:
        """Ask the child for the next report, sending the patches made since the last."""
        patch = self._take_patch() if self._started else None  # (it waits for the first report)
        self._started = True
        self._child.send("advance", self._number, patch or None)
        self._asked += 1

    def close(self) -> None:
        """Let the run go; the child waits for the next (after any report asked ahead)."""
        child, self._child = self._child, None
        if child is not None:
            child.send("end", self._number)
            give_back(child)

    def abandon(self) -> None:
        """Kill the child, still inside one long batch: this side goes on without it."""
        child, self._child = self._child, None
        if child is not None:
            child.kill()
