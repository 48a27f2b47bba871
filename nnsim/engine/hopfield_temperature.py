r"""Recall at a temperature: Glauber dynamics, and annealing schedules.

At a temperature :math:`T > 0` a visited neuron takes :math:`+1` with the
probability (Glauber dynamics)

.. math::

    P(s_i = +1) = \sigma\!\left(\frac{\Delta E_i}{T}\right), \qquad
    \sigma(x) = \frac{1}{1 + e^{-x}}, \qquad
    \Delta E_i = E(s_i = -1) - E(s_i = +1),

and :math:`-1` otherwise, whatever its state before; :math:`T = 0` is the
deterministic rule :math:`s_i = \operatorname{sign}(\Delta E_i)`.  In Hopfield's
network :math:`\Delta E_i = 2 h_i`, so :math:`P(+1) = \sigma(2 h_i / T)`.  The
states are then drawn from Boltzmann's distribution :math:`P(s) \propto
e^{-E(s)/T}` in the long run: the energy fluctuates, and at a high :math:`T`
no memory is held.

One uniform number :math:`u` per visit decides it:
:math:`u < \sigma(\Delta E / T)` exactly when :math:`\Delta E > \theta`,
:math:`\theta = T \ln\frac{u}{1 - u}` (:func:`glauber_thresholds`).  So a
sweep at :math:`T` is a deterministic sweep with random thresholds, drawn
once per sweep.

*Annealing* lets :math:`T` fall over the sweeps from :math:`T_0` towards 0
(:class:`Anneal`), then recalls deterministically: the noise lets the state
climb out of shallow (spurious) minima while it is hot, and settle into a deep
one as it cools.
"""

from dataclasses import dataclass

import numpy as np

from nnsim.errors import ConfigError
from nnsim.text import translate

SCHEDULES = ("geometric", "linear")
#: A geometric schedule's last temperature, as a share of its first.
GEOMETRIC_END = 0.01


@dataclass(frozen=True)
class Anneal:
    r"""An annealing schedule: ``sweeps`` sweeps from the temperature ``start`` towards 0.

    Sweep :math:`k = 0, \dots, K - 1` of :math:`K` is at

    .. math::

        T_k = T_0 \left(\tfrac{1}{100}\right)^{k / (K - 1)} \ \text{(geometric)}, \qquad
        T_k = T_0 \left(1 - \tfrac{k}{K}\right) \ \text{(linear)},

    and recall goes on deterministically (:math:`T = 0`) after them, until it settles.
    """

    start: float
    sweeps: int
    schedule: str = "geometric"

    def __post_init__(self):
        check_temperature(self.start)
        if self.schedule not in SCHEDULES:
            message = translate(
                "Hopfield", "Unknown annealing schedule {name}: choose geometric or linear."
            )
            raise ConfigError(message.format(name=repr(self.schedule)))
        if not (isinstance(self.sweeps, int | np.integer) and self.sweeps >= 1):
            message = translate(
                "Hopfield", "Annealing needs at least one sweep (a whole number), not {value}."
            )
            raise ConfigError(message.format(value=self.sweeps))

    def temperatures(self) -> np.ndarray:
        """:math:`T_k` of each sweep, shape (sweeps,), falling."""
        k = np.arange(self.sweeps)
        if self.schedule == "linear":
            return self.start * (1.0 - k / self.sweeps)
        return self.start * GEOMETRIC_END ** (k / max(1, self.sweeps - 1))


def sweep_temperatures(temperature: float, sweeps: int, anneal: Anneal | None) -> np.ndarray:
    """The temperature of each sweep made at :math:`T > 0`, shape (K,): ``anneal``'s, or
    ``temperature`` for ``sweeps`` sweeps (none at ``temperature`` 0)."""
    check_temperature(temperature)
    if anneal is not None:
        if not isinstance(anneal, Anneal):
            message = "anneal is an Anneal or None, not {value!r}"  # not translated: API
            raise ConfigError(message.format(value=anneal))
        return anneal.temperatures()
    return np.full(sweeps if temperature > 0 else 0, float(temperature))


def check_temperature(temperature) -> None:
    if not (isinstance(temperature, int | float | np.floating) and 0 <= temperature < np.inf):
        message = translate("Hopfield", "The temperature must be a number, 0 or more, not {value}.")
        raise ConfigError(message.format(value=temperature))


def glauber_thresholds(rng: np.random.Generator, count: int, temperature: float) -> np.ndarray:
    r"""Random thresholds :math:`\theta = T \ln\frac{u}{1-u}`, shape (count,).

    A neuron takes :math:`+1` where :math:`\Delta E_i > \theta_i`, which has the
    probability :math:`\sigma(\Delta E_i / T)` (``u`` uniform, drawn from ``rng``).
    """
    u = rng.random(count)
    with np.errstate(divide="ignore"):  # u = 0 (once in 2^53 draws) gives -inf: always +1
        return temperature * (np.log(u) - np.log1p(-u))
