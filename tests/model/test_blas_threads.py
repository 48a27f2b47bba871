"""How many BLAS threads a run multiplies with (nnsim.model.blas_threads)."""

import pytest

from nnsim.model import blas_threads as blas
from nnsim.model.session import Session


def test_small_networks_use_one_thread_anywhere():
    assert blas.blas_threads((2, 4, 1), 4, window_open=False, cores=8) == 1
    assert blas.blas_threads((64, 100, 10), 32, window_open=False, cores=8) == 1


def test_big_networks_use_the_free_cores():
    sizes, batch = (784, 256, 256, 10), 64  # 17 million multiply-adds a batch
    assert blas.blas_threads(sizes, batch, window_open=False, cores=8) == 8
    assert blas.blas_threads(sizes, batch, window_open=True, cores=8) == 7
    assert blas.blas_threads(sizes, batch, window_open=True, cores=2) == 1
    assert blas.free_cores(True, cores=1) == 1


needs_blas = pytest.mark.skipif(
    not blas.current_threads(), reason="threadpoolctl finds no BLAS library loaded by NumPy"
)


@needs_blas
def test_a_run_holds_the_threads_chosen_until_it_ends():
    before = blas.current_threads()
    session = Session()  # XOR: one thread
    assert session.start_run()
    assert set(blas.current_threads()) == {1}
    session.end_run_now("ready")
    assert blas.current_threads() == before


@needs_blas
def test_a_big_run_beside_a_window_leaves_it_a_core(monkeypatch):
    monkeypatch.setattr(blas.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(blas, "SMALL_WORK", 0)  # XOR counts as big work here
    session = Session()
    session.window_open = True
    assert session.start_run()
    assert set(blas.current_threads()) == {1}
    session.end_run_now("ready")
