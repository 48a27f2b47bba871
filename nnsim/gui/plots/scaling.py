"""How the inputs a network sees were made from the person's own numbers."""

from dataclasses import dataclass

import numpy as np

from nnsim.engine.features import with_derived
from nnsim.model.run_data import derived_inputs, input_scaling, plane_size


@dataclass(frozen=True)
class InputScaling:
    r"""How the inputs a network sees were made from the person's: :math:`(x - o) / s`, then
    the derived inputs (:mod:`nnsim.engine.features`) made from those.

    The plane a view draws is the data's own inputs; the derived ones follow
    them in the network's inputs and are never drawn.

    Attributes
    ----------
    offset, scale : np.ndarray, shape (n_features,)
        0 and 1 when the inputs are not normalised.
    method : str
        "z-score", "min-max" or "none", the Input normalisation setting.
    derived : tuple of str
        The derived inputs (of :data:`~nnsim.engine.features.DERIVED`); () for none.
    """

    offset: np.ndarray
    scale: np.ndarray
    method: str
    derived: tuple[str, ...] = ()

    @classmethod
    def of(cls, settings, derived: bool = True) -> "InputScaling | None":
        """The scaling ``settings`` (a :class:`~nnsim.model.settings.Settings`) train with;
        None when the network sees the person's numbers as they are.  ``derived`` False
        leaves the derived inputs out (for a view of the data's own columns)."""
        derived = derived_inputs(settings) if derived else ()
        found = input_scaling(settings)
        if found is None and not derived:
            return None
        if found is None:
            size = plane_size(settings)
            found = (np.zeros(size), np.ones(size))
        return cls(*found, settings["normalisation"], derived)

    @property
    def normalised(self) -> bool:
        """Whether the inputs are rescaled (not only given derived inputs)."""
        return self.method != "none"

    def plane(self, X: np.ndarray) -> np.ndarray:
        """The scaled inputs ``X`` without their derived columns: the plane's."""
        return X[:, : len(self.offset)] if self.derived else X

    def with_derived(self, P: np.ndarray) -> np.ndarray:
        """Scaled inputs ``P`` of the plane with their derived columns appended."""
        return with_derived(P, self.derived)

    def to_raw(self, X: np.ndarray) -> np.ndarray:
        """The person's numbers that became inputs ``X`` (n_samples, n_features)."""
        return self.plane(X) * self.scale + self.offset

    def to_network(self, X: np.ndarray) -> np.ndarray:
        """The inputs the network sees for the person's numbers ``X``."""
        return self.with_derived((X - self.offset) / self.scale)
