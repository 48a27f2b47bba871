"""A Boltzmann machine's views in the Plots dock: its filters, reconstructions and dreams.

:class:`FiltersView` (``rbmFilters``) draws each hidden unit's weights as a
picture, :class:`ReconstructionsView` (``rbmReconstructions``) a row of
training samples above their reconstructions, and
:class:`~nnsim.gui.rbm.dreams.DreamsView` (``rbmDreams``) samples drawn by
Gibbs sampling.  Each redraws from the session's display network at the live
view's frames while it is on screen; :class:`RbmTabs` puts them in the Plots
dock's tabs while a Boltzmann machine is open, and hides the views that do not
apply to one.
"""

import math

import numpy as np
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QTabWidget, QWidget

from nnsim.gui.project.exporting import install_exports
from nnsim.gui.rbm.dreams import DreamsView
from nnsim.gui.rbm.pictures import DIVERGING, GREYS, ImageGrid, picture_shape, tiled
from nnsim.gui.training.live_view import LiveView
from nnsim.model.session import Session
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Training samples the Reconstructions view shows (the digits' first ten are 0 to 9).
SAMPLES = 10


def is_rbm(session: Session) -> bool:
    """Whether ``session`` works on a Boltzmann machine (compiled: its views have one to draw)."""
    return session.document.kind == "rbm" and session.compiled is not None


def unit_names(n_visible: int) -> list[str]:
    """A CSV's columns of visible units: "v1", "v2", ... (names, the same in every language)."""
    return [f"v{i + 1}" for i in range(n_visible)]


class FiltersView:
    """Each hidden unit's weights from the visible units as a picture (``rbmFilters``).

    Hidden unit ``j``'s row ``W[j]`` of shape (n_v,) is drawn as the visible
    layer's picture, on its own scale ``W[j] / max|W[j]|``: blue where a visible
    unit turns it on (w > 0), vermillion where it turns it off (w < 0), white
    at 0.  (On one scale for all, a few strong units leave the rest pale.)
    """

    def __init__(self, session: Session):
        self.session = session
        self.grid = ImageGrid("rbmFilters")
        self.widget = self.grid.widget

    def draw(self) -> None:
        """Draw the weights shown now, if the view is on screen."""
        if self.widget.isVisible():
            self.paint()

    def paint(self) -> None:
        """Draw the weights shown now, on screen or not."""
        if not is_rbm(self.session):
            return
        W = np.asarray(self.session.display_network.weights)
        largest = np.abs(W).max(axis=1, keepdims=True)
        scaled = W / np.where(largest > 0, largest, 1.0)
        columns = math.ceil(math.sqrt(len(W)))
        self.grid.show(tiled(scaled, picture_shape(W.shape[1]), columns), DIVERGING, -1.0, 1.0)
        title = translate(
            "FiltersView",
            "Each hidden unit's weights on its own scale: blue +, vermillion −",  # noqa: RUF001
        )
        self.grid.set_title(title)

    def table(self) -> tuple[list[str], list[list]]:
        """A row per hidden unit: its number, its bias b_h and its weights from v1, v2, ..."""
        if not is_rbm(self.session):
            return ["hidden unit", "bias"], []
        network = self.session.display_network
        W, b = network.weights, network.hidden_bias
        rows = [[j + 1, float(b[j]), *map(float, W[j])] for j in range(len(W))]
        return ["hidden unit", "bias", *unit_names(W.shape[1])], rows


class ReconstructionsView:
    r"""A row of training samples above their reconstructions (``rbmReconstructions``).

    Each sample :math:`v` (0 white, 1 black) is shown over its one-step mean
    reconstruction :math:`\hat v = \\sigma(\\sigma(v W^T + b_h) W + b_v)`, grey
    where the machine is unsure.
    """

    def __init__(self, session: Session):
        self.session = session
        self.grid = ImageGrid("rbmReconstructions")
        self.widget = self.grid.widget

    def pictures(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(samples, reconstructions), each (k, n_v), of the first :data:`SAMPLES` training
        samples; None without a machine or data that fit it."""
        session = self.session
        data = session.data
        if not is_rbm(session) or data is None:
            return None
        network = session.display_network
        if data.X.shape[1] != network.n_visible:
            return None
        samples = np.asarray(data.X[:SAMPLES])
        return samples, network.reconstruct(samples)

    def draw(self) -> None:
        """Draw the reconstructions of the weights shown now, if the view is on screen."""
        if self.widget.isVisible():
            self.paint()

    def paint(self) -> None:
        """Draw the reconstructions of the weights shown now, on screen or not."""
        pictures = self.pictures()
        if pictures is None:
            self.grid.clear()
            return
        samples, shown = pictures
        grid = tiled(np.vstack(pictures), picture_shape(samples.shape[1]), len(samples))
        self.grid.show(grid, GREYS, 0.0, 1.0)
        title = translate(
            "ReconstructionsView",
            "Samples (top) and their reconstructions (below): error {error}",
        )
        self.grid.set_title(title.format(error=f"{np.mean((samples - shown) ** 2):.4f}"))

    def table(self) -> tuple[list[str], list[list]]:
        """Two rows per sample: its units, then the reconstruction's probabilities."""
        pictures = self.pictures()
        if pictures is None:
            return ["sample", "row"], []
        samples, shown = pictures
        rows = [
            [k + 1, name, *map(float, values)]
            for k in range(len(samples))
            for name, values in (("sample", samples[k]), ("reconstruction", shown[k]))
        ]
        return ["sample", "row", *unit_names(samples.shape[1])], rows


#: The Plots dock's tabs of a Boltzmann machine: (attribute, title, file name offered).
TABS = (
    ("filters", QT_TRANSLATE_NOOP("RbmTabs", "Filters"), "rbm_filters"),
    ("reconstructions", QT_TRANSLATE_NOOP("RbmTabs", "Reconstructions"), "rbm_reconstructions"),
    ("dreams", QT_TRANSLATE_NOOP("RbmTabs", "Dreams"), "rbm_dreams"),
)


class RbmTabs(QObject):
    """A Boltzmann machine's views as tabs of ``tabs``, shown only while one is open.

    Parameters
    ----------
    session, live
        What the views show, and when they redraw.
    tabs : QTabWidget
        The Plots dock's tabs.
    elsewhere : sequence of QWidget
        The widgets (tabs or not) that do not apply to a Boltzmann machine: hidden while
        one is open.
    error_tab : QWidget, optional
        The tab of the error plot, named Error while a machine is open (its other
        plot, the decision boundary, is among ``elsewhere``).

    Attributes
    ----------
    filters, reconstructions : FiltersView, ReconstructionsView
    dreams : DreamsView
    """

    def __init__(
        self, session: Session, live: LiveView, tabs: QTabWidget, elsewhere=(), error_tab=None
    ):
        super().__init__(tabs)
        self.session, self.tabs, self.elsewhere = session, tabs, tuple(elsewhere)
        self.error_tab = error_tab
        self._error_title = tabs.tabText(tabs.indexOf(error_tab)) if error_tab else ""
        self.filters, self.reconstructions = FiltersView(session), ReconstructionsView(session)
        self.dreams = DreamsView(session)
        self.pages: list[QWidget] = []
        for attribute, title, file in TABS:
            view = getattr(self, attribute)
            page = view if isinstance(view, QWidget) else view.widget
            tabs.addTab(page, translate("RbmTabs", title))
            self.pages.append(page)
            install_exports(view.grid.widget, file, view.table)
            live.frame.connect(view.draw)
        session.events.document_replaced.connect(self.show_kind)
        self.show_kind()

    @Slot()
    def show_kind(self) -> None:
        """The machine's tabs for a Boltzmann machine, the others' widgets for the rest."""
        rbm = self.session.document.kind == "rbm"
        self.dreams.forget()
        for page in self.pages:
            self.tabs.setTabVisible(self.tabs.indexOf(page), rbm)
        for widget in self.elsewhere:
            index = self.tabs.indexOf(widget)
            if index >= 0:
                self.tabs.setTabVisible(index, not rbm)
            else:
                widget.setVisible(not rbm)
        if rbm and self.tabs.currentWidget() in self.elsewhere:
            self.tabs.setCurrentIndex(0)
        if self.error_tab is not None:
            title = translate("RbmTabs", "Error") if rbm else self._error_title
            self.tabs.setTabText(self.tabs.indexOf(self.error_tab), title)

    def figures(self) -> list[tuple[str, str, QWidget]]:
        """(file name, caption, widget) of each view for a report, drawn now (the dreams
        only if some were dreamt: they take a worker's time)."""
        shown = []
        for view, name, caption in (
            (self.filters, "rbm-filters", translate("RbmTabs", "Each hidden unit's weights")),
            (self.reconstructions, "rbm-reconstructions",
             translate("RbmTabs", "Training samples and their reconstructions")),
        ):  # fmt: skip
            view.paint()
            shown.append((name, caption, view.widget))
        if self.dreams.dreams is not None:
            caption = translate("RbmTabs", "Samples drawn by Gibbs sampling (dreams)")
            shown.append(("rbm-dreams", caption, self.dreams.grid.widget))
        return shown

    def shutdown(self) -> None:
        """Stop a dream being computed, waiting for it (the window is closing)."""
        self.dreams.shutdown()
