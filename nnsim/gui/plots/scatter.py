"""A scatter plot whose points share one look, cheap to move at every frame.

pyqtgraph's ``ScatterPlotItem.setData`` looks up each new point's symbol in
its symbol atlas one point at a time, in Python: 7 ms a frame for the state
space's 1,797 digits, more than the projection itself.  :class:`UniformScatter`
looks the one symbol up once when no point has a look of its own.
"""

import numpy as np
import pyqtgraph as pg

#: The style columns a point may set for itself, and the value that means "the item's".
_OWN_STYLE = {"symbol": None, "size": -1, "pen": None, "brush": None}


class UniformScatter(pg.ScatterPlotItem):
    """A ``ScatterPlotItem`` that places all its new points in the symbol atlas at once
    when they share the item's symbol, size, pen and brush; otherwise it is pyqtgraph's."""

    def updateSpots(self, dataSet=None):  # noqa: N802 - pyqtgraph's names
        data = self.data if dataSet is None else dataSet
        opts = self.opts
        if opts["pxMode"] and opts["useCache"] and not opts["hoverable"] and len(data):
            fresh = data["sourceRect"]["w"] == 0
            if fresh.any() and _shared_look(data):
                look = (opts["symbol"], opts["size"], opts["pen"], opts["brush"])
                data["sourceRect"][fresh] = self.fragmentAtlas[[look]][0]
        super().updateSpots(dataSet)  # (nothing fresh left: no lookup per point)


def _shared_look(data: np.ndarray) -> bool:
    """Whether no point of ``data`` (a ScatterPlotItem's records) has a style of its own."""
    return all(np.equal(data[column], mine).all() for column, mine in _OWN_STYLE.items())
