"""Live plots of training: the error curve and the decision boundary (DESIGN.md section 5).

Each plot is built with the :class:`~nnsim.model.session.Session` it shows
and follows its events.  Plots never read the network a worker is training:
they draw the session's history and evaluate its *display network*, a copy
that takes each report's weights.  They redraw at the frames of
:class:`~nnsim.gui.training.live_view.LiveView` (a GUI-thread timer, only when a new
report came in).

- :mod:`~nnsim.gui.plots.common`: the plot widget, axes and legend every plot shares;
- :mod:`~nnsim.gui.plots.error_plot`: the error (and accuracy) against epochs;
- :mod:`~nnsim.gui.plots.decision_plot`: the network's answer over the input plane;
- :mod:`~nnsim.gui.plots.scaling`: how the plane's numbers map to the network's inputs.
"""

from nnsim.gui.plots.common import (
    SteadyAxes,
    drawable,
    legend_below,
    legend_beside,
    style_axes,
)
from nnsim.gui.plots.decision_plot import LINE_ANIMATION_MS, DecisionPlot
from nnsim.gui.plots.error_plot import (
    CURVE_POINTS,
    ErrorPlot,
    decimate,
    epoch_extent,
    run_extent,
)
from nnsim.gui.plots.scaling import InputScaling

__all__ = [
    "CURVE_POINTS",
    "LINE_ANIMATION_MS",
    "DecisionPlot",
    "ErrorPlot",
    "InputScaling",
    "SteadyAxes",
    "decimate",
    "drawable",
    "epoch_extent",
    "legend_below",
    "legend_beside",
    "run_extent",
    "style_axes",
]
