r"""What Hopfield recall under way keeps of its sweeps: :class:`SweepProcess`.

A recall process (:class:`~nnsim.engine.hopfield_recall.RecallProcess` for a
network with weights, :class:`~nnsim.engine.hopfield_dense.DenseRecallProcess`
for a dense memory) visits its neurons sweep by sweep.  What they share lives
here: the checks of the mode and the order, each sweep's order of visits,
each sweep's temperature and Glauber thresholds (see
:mod:`~nnsim.engine.hopfield_temperature`), and when recall ends.  How a
neuron is judged and flipped is each process's own.
"""

import numpy as np

from nnsim.engine._checks import as_rng
from nnsim.engine.hopfield_temperature import Anneal, glauber_thresholds, sweep_temperatures
from nnsim.errors import ConfigError
from nnsim.text import translate

MODES = ("async", "sync")
ORDERS = ("random", "fixed")


class SweepProcess:
    r"""Recall under way, sweep by sweep: the base of the recall processes.

    Async recall visits the neurons in a new random order each sweep
    (``order="random"``, drawn from ``rng``) or in index order (``"fixed"``)
    and ends after a sweep without a flip; either mode ends after
    ``max_sweeps`` sweeps (steps).  At a ``temperature`` :math:`T > 0` the
    first ``max_sweeps`` sweeps are hot and recall does not settle; with
    ``anneal`` (an :class:`~nnsim.engine.hopfield_temperature.Anneal`) its
    sweeps are hot, then up to ``max_sweeps`` more are made at :math:`T = 0`.
    A subclass sets ``_s`` (the state, (N,) of :math:`\pm 1`) and ``energy``.

    Attributes
    ----------
    energy : float
        :math:`E(s)` of the current state.
    sweep : int
        The sweep under way (async) or the steps made (sync).
    updates : int
        Updates made so far.
    neuron : int or None
        The neuron of the last update (None in sync mode or before any).
    flipped : int
        Neurons the last update flipped.
    done, converged, cycle : bool
        Recall has ended; it ended in a fixed point; it ended in a 2-cycle (sync).
    temperature : float
        The temperature of the sweep under way (0 once deterministic).
    """

    #: The Glauber thresholds' scale, in the units the process judges its neurons in.
    _cut_scale = 1.0

    def __init__(self, mode, order, max_sweeps, rng, temperature, anneal: Anneal | None):
        if mode not in MODES:
            message = translate("Hopfield", "Unknown recall mode {name}: choose async or sync.")
            raise ConfigError(message.format(name=repr(mode)))
        if order not in ORDERS:
            message = translate("Hopfield", "Unknown update order {name}: choose random or fixed.")
            raise ConfigError(message.format(name=repr(order)))
        self.mode, self.order = mode, order
        self._rng = as_rng(rng)
        #: T of each sweep at T > 0 (the first ones), and each sweep's thresholds
        cold = temperature == 0 and anneal is None  # (nothing to check or make: the usual case)
        self._temperatures = () if cold else sweep_temperatures(temperature, max_sweeps, anneal)
        self._hot_sweeps, self._cuts = len(self._temperatures), None
        self._max_sweeps = max_sweeps + (self._hot_sweeps if anneal is not None else 0)
        self.temperature = 0.0
        self._visits = np.arange(0)  # this sweep's order of visits
        self._position = self._flips_this_sweep = 0
        self._previous = None  # sync: the state before the last step
        self.sweep = self.updates = self.flipped = 0
        self.neuron: int | None = None
        self.done = self.converged = self.cycle = False

    def _begin_sweep(self) -> bool:
        """Start the next async sweep; False (and done) if recall has ended instead."""
        if self.sweep > self._hot_sweeps and not self._flips_this_sweep:
            self.done = self.converged = True
        elif self.sweep == self._max_sweeps:
            self.done = True
        else:
            n = len(self._s)
            self._visits = np.arange(n) if self.order == "fixed" else self._rng.permutation(n)
            self._position = self._flips_this_sweep = 0
            if self._hot_sweeps:
                self._heat(self.sweep)
            self.sweep += 1
        return not self.done

    def _heat(self, sweep: int) -> None:
        r"""Set the temperature of ``sweep`` (counted from 0) and, above 0, draw its thresholds.

        A neuron takes +1 where what judges it (:math:`\Delta E_i`, in units of
        ``_cut_scale``) is above its threshold :math:`\theta_i` (``_cuts``):
        with probability :math:`\sigma(\Delta E_i / T)`.
        """
        self.temperature = float(self._temperatures[sweep]) if sweep < self._hot_sweeps else 0.0
        if self.temperature:
            self._cuts = glauber_thresholds(self._rng, len(self._s), self.temperature)
            self._cuts *= self._cut_scale
