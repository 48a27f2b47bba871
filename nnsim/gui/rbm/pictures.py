"""Rows of small images on one plot: a Boltzmann machine's filters, samples and dreams.

Each image is a vector of ``n_v`` numbers (one per visible unit) drawn as a
``rows x columns`` picture (:func:`picture_shape`: 8 x 8 for the digits' 64
pixels).  :func:`tiled` lays many out in a grid with a gap between them,
:func:`coloured` turns the grid into RGBA (a grey gap, values through a
colour map), and :class:`ImageGrid` shows it on a white plot with a title.
"""

import math

import numpy as np
import pyqtgraph as pg

from nnsim.gui.palette import NEGATIVE, POSITIVE
from nnsim.gui.plots.common import plot_widget

#: The colour of the gaps between images.
GAP = (205, 205, 205, 255)


def picture_shape(n_visible: int) -> tuple[int, int]:
    """(rows, columns) of the picture of ``n_visible`` units: the squarest whose area is
    ``n_visible`` (8 x 8 for 64, 7 x 10 for 70, 1 x 7 for a prime 7)."""
    rows = max(d for d in range(1, math.isqrt(n_visible) + 1) if n_visible % d == 0)
    return rows, n_visible // rows


def tiled(images: np.ndarray, shape: tuple[int, int], columns: int) -> np.ndarray:
    """``images`` (n, rows * cols) as one (R, C) array: ``columns`` pictures a row, each
    ``shape``, with a gap of one NaN pixel round each.

    R = n_rows (rows + 1) + 1 and C = columns (cols + 1) + 1 with n_rows = ceil(n / columns);
    pictures beyond ``n`` are NaN too.
    """
    rows, cols = shape
    n_rows = max(1, math.ceil(len(images) / columns))
    grid = np.full((n_rows * (rows + 1) + 1, columns * (cols + 1) + 1), np.nan)
    for k, image in enumerate(images):
        r, c = divmod(k, columns)
        top, left = 1 + r * (rows + 1), 1 + c * (cols + 1)
        grid[top : top + rows, left : left + cols] = np.reshape(image, shape)
    return grid


def coloured(grid: np.ndarray, lut: np.ndarray, low: float, high: float) -> np.ndarray:
    """RGBA (R, C, 4) uint8 of ``grid``: ``low`` to ``high`` through ``lut`` (m, 3), values
    outside clipped, NaN drawn as :data:`GAP`."""
    gaps = np.isnan(grid)
    span = (high - low) or 1.0
    share = np.clip((np.where(gaps, low, grid) - low) / span, 0.0, 1.0)
    index = np.rint(share * (len(lut) - 1)).astype(int)
    rgba = np.empty((*grid.shape, 4), dtype=np.uint8)
    rgba[..., :3] = lut[index]
    rgba[..., 3] = 255
    rgba[gaps] = GAP
    return rgba


def _lut(colours) -> np.ndarray:
    """A table of 255 colours (odd: the middle one is the middle colour, white for 0)."""
    stops = np.linspace(0.0, 1.0, len(colours))
    rgb = [pg.mkColor(c).getRgb()[:3] for c in colours]
    return pg.ColorMap(stops, rgb).getLookupTable(0.0, 1.0, 255)[:, :3]


#: Negative (vermillion) to 0 (white) to positive (blue): weights, as the Weights tab draws them.
DIVERGING = _lut([NEGATIVE, "#FFFFFF", POSITIVE])
#: 0 white to 1 black: a visible unit's state or probability, as a pattern's cell.
GREYS = _lut(["#FFFFFF", "#000000"])


class ImageGrid:
    """A white plot (objectName ``name``) showing one RGBA grid, rows from the top, no axes.

    Attributes
    ----------
    widget : pg.PlotWidget
    image : pg.ImageItem
    grid : np.ndarray or None
        The numbers drawn last, (R, C), NaN in the gaps.
    """

    def __init__(self, name: str, title: str = ""):
        self.widget = plot_widget(name, title)
        plot = self.widget.getPlotItem()
        plot.showGrid(x=False, y=False)
        for side in ("left", "bottom"):
            plot.hideAxis(side)
        plot.invertY(True)  # row 0 at the top, as a picture is read
        plot.setAspectLocked(True)
        plot.getViewBox().setDefaultPadding(0.02)
        self.image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.image)
        self.grid: np.ndarray | None = None

    def show(self, grid: np.ndarray, lut: np.ndarray, low: float, high: float) -> None:
        """Draw ``grid`` (see :func:`coloured`); a grid of another size is shown whole."""
        resized = self.grid is None or self.grid.shape != grid.shape
        self.grid = grid
        self.image.setImage(coloured(grid, lut, low, high), autoLevels=False)
        if resized:  # shown whole, at any size the widget takes (till a person zooms)
            self.widget.getPlotItem().enableAutoRange()

    def set_title(self, text: str) -> None:
        self.widget.setTitle(text, color="#333333")

    def clear(self) -> None:
        self.grid = None
        self.image.clear()
