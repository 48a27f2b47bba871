r"""Weight initialisers.

Each initialiser fills a weight matrix of shape ``(n_out, n_in)`` from an
``np.random.Generator``, so the same seed gives the same weights bit for bit:

* ``uniform``: :math:`w \sim U(-a, a)`, ``a = limit`` (0.5 unless set; the
  tutorials use small ranges such as 0.1);
* ``normal_fan_in``: :math:`w \sim N(0, \sigma^2)` with :math:`\sigma = 1/\sqrt{n_{in}}`,
  as in "Make Your Own Neural Network";
* ``xavier``: :math:`w \sim U(-a, a)`, :math:`a = \sqrt{6 / (n_{in} + n_{out})}` (Glorot);
* ``he``: :math:`w \sim N(0, \sigma^2)`, :math:`\sigma = \sqrt{2 / n_{in}}`;
* ``zeros``: every weight 0, which shows why symmetry must be broken.

Biases always start at 0: the random weights already break the symmetry.
"""

import numpy as np

from nnsim.errors import ConfigError
from nnsim.text import translate

INITIALISERS = ("uniform", "normal_fan_in", "xavier", "he", "zeros")


def init_weights(
    name: str,
    shape: tuple[int, int],
    rng: np.random.Generator,
    *,
    limit: float = 0.5,
    dtype=np.float64,
) -> np.ndarray:
    """Return a new weight matrix.

    Parameters
    ----------
    name : str
        One of :data:`INITIALISERS`.
    shape : (int, int)
        ``(n_out, n_in)``.
    rng : np.random.Generator
        The source of randomness.
    limit : float
        Half-width of the ``uniform`` range.
    dtype : numpy dtype
        float64 or float32.

    Returns
    -------
    np.ndarray, shape (n_out, n_in)
    """
    n_out, n_in = shape
    if name == "uniform":
        if not limit > 0:
            message = translate(
                "Init", "The uniform initialiser needs a positive range, not {limit}."
            )
            raise ConfigError(message.format(limit=repr(limit)))
        weights = rng.uniform(-limit, limit, size=shape)
    elif name == "normal_fan_in":
        weights = rng.normal(0.0, n_in**-0.5, size=shape)
    elif name == "xavier":
        bound = np.sqrt(6.0 / (n_in + n_out))
        weights = rng.uniform(-bound, bound, size=shape)
    elif name == "he":
        weights = rng.normal(0.0, np.sqrt(2.0 / n_in), size=shape)
    elif name == "zeros":
        weights = np.zeros(shape)
    else:
        message = translate("Init", "Unknown initialiser {name}: choose one of {known}.")
        raise ConfigError(message.format(name=repr(name), known=", ".join(INITIALISERS)))
    return weights.astype(dtype, copy=False)
