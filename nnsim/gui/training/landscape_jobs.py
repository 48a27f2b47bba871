"""The loss landscape's work in a worker thread: Compute's rows, and Race's paths then rows.

Each generator yields ``(job, step)`` tuples for the view's GUI-thread slot,
works on copies it was given (never on the session's networks), checks
``job.cancel`` between steps, sets ``job.ended`` when it ends, however it
ends (a :class:`~nnsim.gui.workers.Job`), and returns ``job``, so the view
knows which computation a late step or end belongs to.
"""

import time

import numpy as np

from nnsim.model import landscape
from nnsim.model.landscape_race import race, race_plane


def surface_job(job, network, plane, X, T, a_values, b_values):
    """The worker's generator for Compute: ("row", j, losses of row j) for each row; returns
    ``job`` (done or cancelled)."""
    try:
        for j, row in enumerate(landscape.surface_rows(network, plane, X, T, a_values, b_values)):
            yield job, ("row", j, row)
            if job.cancel.is_set():
                break
            time.sleep(0)  # the window answers between rows
    finally:
        job.ended.set()
    return job


def race_job(job, network, data, samples, field, epochs, target, n):
    """The worker's generator for Race: ("race", share done) while training, then
    ("plane", plane, a_values, b_values, paths), then the rows as :func:`surface_job`;
    returns ``job``."""
    try:
        steps = race(network, *data, field, epochs, target)
        while True:
            try:
                yield job, ("race", next(steps))
            except StopIteration as end:
                paths = end.value
                break
            if job.cancel.is_set():
                return job
            time.sleep(0)
        start = landscape.flatten(*network.parameters())
        shapes = landscape.parameter_shapes(network)
        plane = race_plane(start, paths, shapes, np.random.default_rng(0))
        (a0, a1), (b0, b1) = landscape.span(np.vstack([plane.project(p.thetas) for p in paths]))
        a_values, b_values = np.linspace(a0, a1, n), np.linspace(b0, b1, n)
        yield job, ("plane", plane, a_values, b_values, paths)
        return (yield from surface_job(job, network, plane, *samples, a_values, b_values))
    finally:
        job.ended.set()
