"""UniformScatter places its points in pyqtgraph's symbol atlas as pyqtgraph itself does."""

import numpy as np
import pyqtgraph as pg

from nnsim.gui.plots.scatter import UniformScatter, _shared_look


def placed(kind, x, y, **style) -> np.ndarray:
    """Where in its symbol atlas a scatter of ``kind`` draws each point from."""
    item = kind(size=7, pen=pg.mkPen("#FFFFFF", width=0.6))
    item.setData(x=x, y=y, **style)
    item.setData(x=x + 1, y=y, **style)  # moved: each point is new again
    return item, item.data["sourceRect"].copy()


def test_points_of_one_look_are_placed_as_pyqtgraph_places_them(qapp):
    x, y = np.random.default_rng(0).normal(size=(2, 500))
    style = {"brush": pg.mkBrush("#1f77b4"), "symbol": "s"}
    theirs, expected = placed(pg.ScatterPlotItem, x, y, **style)
    ours, got = placed(UniformScatter, x, y, **style)
    assert expected["w"].min() > 0 and len(set(expected.tolist())) == 1
    np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(ours.data["x"], theirs.data["x"])


def test_points_with_looks_of_their_own_are_left_to_pyqtgraph(qapp):
    x, y = np.random.default_rng(1).normal(size=(2, 50))
    brushes = [pg.mkBrush(c) for c in ("#ff0000", "#00ff00") * 25]
    _, expected = placed(pg.ScatterPlotItem, x, y, brush=brushes)
    ours, got = placed(UniformScatter, x, y, brush=brushes)
    assert not _shared_look(ours.data) and got["w"].min() > 0
    np.testing.assert_array_equal(got, expected)
