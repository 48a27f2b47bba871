"""How many threads the BLAS library (OpenBLAS in NumPy's wheels) multiplies with.

OpenBLAS splits every product over all cores.  When another core is busy
that can collapse: measured here on 2 cores with other work running, one
784-256-256-10 float32 epoch (2,048 samples, batch 64) took 0.034 s on one
thread every time and 0.025-0.22 s on two (issue 18 saw 11 s against 0.8 s);
on a quiet machine two threads took 0.045 s against 0.067 s.  In the window
the GUI thread always wants a core, and a small product gains nothing from a
second thread.  So:

* the window leaves the GUI thread a core: :func:`leave_a_core` limits the
  whole process to one thread fewer than the cores (one on two cores), for
  the views' own products too;
* each run picks its count with :func:`blas_threads`: one for small work
  (under :data:`SMALL_WORK` multiply-adds per batch), else every free core;
  the session holds it (:func:`limit_blas`) from the run's start to its end.

The counts go through threadpoolctl, which finds the BLAS NumPy loaded; with
none it does nothing.
"""

import os
from itertools import pairwise

from threadpoolctl import ThreadpoolController

#: Multiply-adds in one batch's pass through the layers below which a second thread does
#: not pay: XOR's 2-4-1 does 12 a sample, the digits' 64-100-10 with batch 32 about 240,000;
#: the 784-256-256-10 epoch above, 17 million, gained from two threads on a quiet machine.
SMALL_WORK = 2_000_000

_controller: ThreadpoolController | None = None
_window_limit = None  # the process-wide limit the window keeps (threadpoolctl's handle)


def _threadpools() -> ThreadpoolController:
    """threadpoolctl's view of the loaded libraries, found once (NumPy is loaded by now)."""
    global _controller
    if _controller is None:
        _controller = ThreadpoolController()
    return _controller


def free_cores(window_open: bool, cores: int | None = None) -> int:
    """The cores a run may use: all of them, or one fewer beside a window (at least one)."""
    cores = cores or os.cpu_count() or 1
    return max(1, cores - 1) if window_open else cores


def blas_threads(layer_sizes, batch_rows: int, window_open: bool, cores: int | None = None) -> int:
    r"""The BLAS threads for a run of a network with ``layer_sizes`` on batches of
    ``batch_rows`` samples.

    The work of a batch is :math:`n_{batch} \sum_l n_{l-1} n_l` multiply-adds;
    under :data:`SMALL_WORK` it is one thread, else :func:`free_cores`.
    """
    work = batch_rows * sum(a * b for a, b in pairwise(layer_sizes))
    return 1 if work < SMALL_WORK else free_cores(window_open, cores)


def limit_blas(threads: int):
    """Hold BLAS to at most ``threads`` threads; returns threadpoolctl's handle, whose
    ``restore_original_limits()`` puts the counts back.

    OpenBLAS has one thread pool for the process, and threadpoolctl lets only
    the first thread that sets its count change it: set and restore limits
    from one thread (the session's).
    """
    return _threadpools().limit(limits=threads, user_api="blas")


def leave_a_core(cores: int | None = None) -> None:
    """Limit BLAS, for the rest of the process, to the cores a window leaves free."""
    global _window_limit
    _window_limit = limit_blas(free_cores(True, cores))


def current_threads() -> list[int]:
    """The thread count of each BLAS library loaded (empty when threadpoolctl finds none)."""
    return [
        pool["num_threads"] for pool in ThreadpoolController().info() if pool["user_api"] == "blas"
    ]
