r"""Dropout: hidden neurons left out at random while the network trains.

Each hidden layer :math:`l` has a rate :math:`p_l`.  For every batch in
training, each sample's output of each neuron of the layer is kept with
probability :math:`1 - p_l` and scaled by :math:`1/(1 - p_l)` ("inverted"
dropout), or set to 0:

.. math::

    \tilde A_l = A_l \odot M_l, \qquad
    (M_l)_{nj} = \begin{cases} 1/(1 - p_l) & u_{nj} \ge p_l \\ 0 & u_{nj} < p_l \end{cases}

with :math:`u` drawn uniformly from [0, 1) by the run's generator, one
``(n, n_l)`` array per layer with a rate, layers in order, after the batch's
order is drawn.  The next layers take :math:`\tilde A_l`; backpropagation
sends back :math:`\delta_l = (\delta_{l+1} W_{l+1}) \odot f_l'(A_l) \odot M_l`,
so a dropped neuron neither passes a signal on nor learns in that step.  The
scaling keeps each output's expected value, so prediction, the error and
every view use the whole network, unscaled.
"""

import numpy as np

from nnsim.errors import ConfigError
from nnsim.text import translate


def check_rates(rates, n_layers: int) -> tuple[float, ...]:
    """One rate per layer after the input (0 for none), each in [0, 1), 0 at the output.

    ``rates`` may be None (no dropout) or one number per layer after the input.
    """
    if rates is None:
        return (0.0,) * (n_layers - 1)
    rates = tuple(float(p) for p in rates)
    if len(rates) != n_layers - 1 or not all(0.0 <= p < 1.0 for p in rates) or rates[-1]:
        message = translate(
            "MLP",
            "Dropout takes one rate per layer after the input, each at least 0 and below 1, "
            "and 0 for the output layer; got {rates}.",
        )
        raise ConfigError(message.format(rates=list(rates)))
    return rates


def keep_masks(rates, n: int, sizes, rng: np.random.Generator, dtype) -> list:
    """The masks :math:`M_l` of one batch of ``n`` samples: None for a layer without dropout.

    ``sizes`` are the layers' sizes after the input, ``rates`` their rates.
    """
    masks = []
    for p, size in zip(rates, sizes, strict=True):
        masks.append(
            None if not p else ((rng.random((n, size)) >= p) / (1.0 - p)).astype(dtype, copy=False)
        )
    return masks
