"""How the inputs a network sees were made from the person's own numbers."""

from dataclasses import dataclass

import numpy as np

from nnsim.model.settings import input_scaling


@dataclass(frozen=True)
class InputScaling:
    r"""How the inputs a network sees were made from the person's: :math:`(x - o) / s`.

    Attributes
    ----------
    offset, scale : np.ndarray, shape (n_features,)
    method : str
        "z-score" or "min-max", the Input normalisation setting.
    """

    offset: np.ndarray
    scale: np.ndarray
    method: str

    @classmethod
    def of(cls, settings) -> "InputScaling | None":
        """The scaling ``settings`` (a :class:`~nnsim.model.settings.Settings`) train with."""
        found = input_scaling(settings)
        return None if found is None else cls(*found, settings["normalisation"])

    def to_raw(self, X: np.ndarray) -> np.ndarray:
        """The person's numbers that became inputs ``X`` (n_samples, n_features)."""
        return X * self.scale + self.offset

    def to_network(self, X: np.ndarray) -> np.ndarray:
        """The inputs the network sees for the person's numbers ``X``."""
        return (X - self.offset) / self.scale
