"""The loss landscape (``lossLandscape``): the error over a plane through weight space.

:class:`LossLandscapeView` draws :mod:`nnsim.model.landscape`'s surface over
a plane through the weights shown (two random filter-normalised directions
from a seed, or two chosen weights), with the training path projected onto
it; the path follows training live at the view's frames, while the surface,
the costly part, is computed only when Compute is pressed.  Race trains
every optimiser of the engine from the start of the run
(:mod:`nnsim.model.landscape_race`) and draws their paths, one colour each,
on the landscape of the plane that holds them best.  Both run in a worker
thread (superqt's ``GeneratorWorker``, as the capacity experiment's) with a
progress bar and Cancel; the worker works on copies and yields rows, and
only this view's GUI-thread slots touch a widget.
"""

import copy
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from nnsim.engine import MLP
from nnsim.errors import ConfigError
from nnsim.gui.palette import CLASS_COLOURS
from nnsim.gui.plain_text import plain_label
from nnsim.gui.plots import legend_beside
from nnsim.gui.plots.common import plot_widget
from nnsim.gui.training.landscape_controls import LandscapeControls
from nnsim.gui.training.landscape_items import PathItems, SurfaceItems, racer_name, racer_settings
from nnsim.gui.training.landscape_jobs import race_job, surface_job
from nnsim.gui.workers import Job, KeptWorkers
from nnsim.model import landscape
from nnsim.model.landscape_race import race_epochs
from nnsim.model.session import Session
from nnsim.text import translate

#: The progress bar's steps for a whole computation (a race: half training, half surface).
STEPS = 1000
#: A surface being computed is drawn again at most this often (seconds), and when done.
REDRAW_S = 0.1
#: The path of the run in training, and its current point.
PATH_COLOUR, CURRENT_COLOUR = "#000000", "#D55E00"


class LossLandscapeView(QWidget):
    """The loss over a plane through ``session``'s weights, and the paths across it.

    Attributes
    ----------
    plane : Plane or None
        The plane of the surface shown (None before the first Compute).
    a_values, b_values : arrays
        The grid's coordinates along ``d1`` and ``d2`` (the axes read ``origin`` plus them).
    losses : (len(b_values), len(a_values)) array
        The surface; NaN where not yet computed.
    paths : list of RacePath
        The race's paths (empty unless the surface shown is a race's).
    path_points : (k, 2) array
        The run's path as drawn, in the axes' values, the current weights last.
    """

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("lossLandscape")
        self.session = session
        self.plane = None
        self.a_values = self.b_values = np.zeros(0)
        self.losses = np.zeros((0, 0))
        self.paths: list = []
        self.path_points = np.zeros((0, 2))
        self._job: Job | None = None
        self._workers = KeptWorkers()
        self._drawn_key = None
        self._samples = (0, 0)
        self._race_words = ""
        self._surface_drawn = 0.0  # time.monotonic() of the last drawing of the surface
        self._projected: dict[int, np.ndarray] = {}  # epoch -> (a, b) on the plane
        self.controls = LandscapeControls()
        self.controls.compute_button.clicked.connect(self.compute)
        self.controls.race_button.clicked.connect(self.start_race)
        self.cancel_button = QPushButton(translate("LossLandscapeView", "Cancel"),
                                         objectName="landscapeCancel")  # fmt: skip
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(objectName="landscapeProgress", minimum=0, maximum=STEPS)
        self.progress.setValue(0)
        self.plot = plot_widget("landscapePlot", "")
        item = self.plot.getPlotItem()
        self.surface = SurfaceItems(item, translate("LossLandscapeView", "error E (log scale)"))
        self.legend = legend_beside(self.plot)
        self.run_path = PathItems(item, PATH_COLOUR)
        self.run_path.end.setBrush(pg.mkBrush(CURRENT_COLOUR))
        self.race_paths: list[PathItems] = []
        self.note = plain_label(objectName="landscapeNote")
        self.note.setWordWrap(True)
        self._lay_out()
        session.events.network_changed.connect(self._network_changed)
        session.events.document_replaced.connect(self.cancel)
        session.events.document_replaced.connect(self._restore_choices)
        self._restore_choices()
        controls = self.controls
        for changed in (controls.kind.currentIndexChanged, controls.seed.valueChanged,
                        controls.extent.valueChanged):  # fmt: skip
            changed.connect(self._remember_choices)
        session.events.weights_changed.connect(self._weights_changed)
        self._network_changed()

    def _restore_choices(self) -> None:
        self.controls.restore(self.session.view_settings)

    def _remember_choices(self) -> None:
        self.session.view_settings.update(self.controls.choices())  # kept with the project

    def _lay_out(self) -> None:
        """The controls, progress and Cancel in one row above the plot, the note below: the
        Analysis dock is wide and low, and the plot needs the height."""
        top = QHBoxLayout()
        top.addWidget(self.controls)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)

    def _network_changed(self, _compiled=None) -> None:
        """New choices of weights; a surface of another shape is stale (:meth:`draw` says so)."""
        network = self.session.display_network
        gradients = self.session.document.kind != "rbm"  # a Boltzmann machine's error has none
        self.controls.set_network(network if gradients else None)
        self._enable(self.running)
        self._drawn_key = None
        self._projected = {}  # (every run starts with this) a reset's or a rewind's snapshots
        # are other weights at the same epochs

    def _weights_changed(self) -> None:
        """Other weights shown (a number set by hand, say): the next frame moves the point."""
        self._drawn_key = None

    # ------------------------------------------------------------------ running
    @property
    def running(self) -> bool:
        return self._job is not None

    def compute(self) -> None:
        """Compute the surface over the chosen plane, centred at the weights shown."""
        network, data = self.session.display_network, self.session.data
        if self.running or network is None or data is None:
            return
        try:
            plane = self.controls.plane(network)
        except ConfigError as exc:  # it says what to choose
            self.note.setText(str(exc))
            return
        X, T = self._samples_of(data)
        n = landscape.resolution(len(X), plane.centre.size)
        reach = self.controls.extent.value() or self._fitted_reach(plane)
        axis = np.linspace(-reach, reach, n)
        self._show_plane(plane, axis, axis, [])
        self.note.setText(
            translate("LossLandscapeView", "Computing the error at {n} x {n} points…").format(n=n)
        )
        self._start(surface_job, copy.deepcopy(network), plane, X, T, axis, axis)

    def start_race(self) -> None:
        """Race every optimiser from the run's first weights, then draw their landscape."""
        session = self.session
        network, data = session.display_network, session.data
        if self.running or network is None or data is None:
            return
        if not isinstance(network, MLP):
            self.note.setText(
                translate("LossLandscapeView", "The race is for multi-layer perceptrons.")
            )
            return
        start, epoch = copy.deepcopy(network), session.history.count
        if session.snapshots.epochs:
            epoch, weights, biases = session.snapshots.at_or_before(0)
            start.set_parameters(weights, biases)
        settings = session.settings
        P = landscape.flatten(*network.parameters()).size
        epochs = race_epochs(settings["max_epochs"], data.n_samples, P)
        target = settings.training_config().target_error
        samples = self._samples_of(data)
        n = landscape.resolution(len(samples[0]), P)
        field = self.controls.racers(settings["learning_rate"])
        if not field:
            self.note.setText(translate("LossLandscapeView", "Tick at least one racer in Racers."))
            return
        self._clear_paths()
        self.surface.clear()
        self._race_words = translate(
            "LossLandscapeView",
            "The race: from the weights of epoch {epoch}, full batch, at most {epochs} epochs, "
            "stopping at the target error; {racers}.",
        ).format(epoch=epoch, epochs=epochs, racers="; ".join(racer_settings(r) for r in field))
        self.note.setText(self._race_words)
        self._start(race_job, start, (data.X, data.T), samples, field, epochs, target, n)

    def _start(self, job_function, *arguments) -> None:
        self._job = job = Job()
        self.progress.setValue(0)
        self._workers.start(job_function, job, *arguments, yielded=self._step,
                            returned=self._finished)  # fmt: skip
        self._enable(running=True)

    def cancel(self) -> None:
        """Stop the computation within one row, waiting for it; what was computed stays."""
        if self.shutdown():
            self.note.setText(translate("LossLandscapeView", "Cancelled."))
            self._enable(running=False)

    def shutdown(self) -> bool:
        """Stop a running computation and wait for its generator to end (closing the window,
        another network); True if one was running.  Touches no widget."""
        job, self._job = self._job, None
        if job is None:
            return False
        job.stop()
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.shutdown()
        super().closeEvent(event)

    @Slot(object)
    def _step(self, result) -> None:
        job, (what, *values) = result
        if job is not self._job:
            return  # a cancelled computation's last step, arriving late
        if what == "race":
            self.progress.setValue(int(values[0] * STEPS / 2))
        elif what == "plane":
            plane, a_values, b_values, paths = values
            self._show_plane(plane, a_values, b_values, paths)
        else:
            j, row = values
            self.losses[j] = row
            done = (j + 1) / len(self.b_values)
            self.progress.setValue(int(STEPS * (0.5 + done / 2 if self.paths else done)))
            if done == 1 or time.monotonic() - self._surface_drawn > REDRAW_S:
                self._draw_surface()

    @Slot(object)
    def _finished(self, job) -> None:
        if job is not self._job:
            return  # a cancelled computation ending
        self._job = None
        self.progress.setValue(STEPS)
        self._enable(running=False)
        self.note.setText(self._summary())

    def _enable(self, running: bool) -> None:
        self.controls.enable(running)
        self.cancel_button.setEnabled(running)

    # ------------------------------------------------------------------ the plane
    def _samples_of(self, data):
        """The training samples the surface is computed over (at most MAX_SAMPLES)."""
        X, T = landscape.landscape_samples(data.X, data.T)
        self._samples = (len(X), data.n_samples)
        return X, T

    def _fitted_reach(self, plane) -> float:
        """How far the plane must reach to hold the run's path (at least 1)."""
        thetas = self._run_thetas(self._run_epochs())
        (a0, a1), (b0, b1) = landscape.span(plane.project(thetas), least=2.0)
        return max(abs(a0), a1, abs(b0), b1)

    def _show_plane(self, plane, a_values, b_values, paths) -> None:
        """A new surface (not yet computed) over ``plane``; ``paths`` a race's, or none."""
        self.plane, self.paths = plane, paths
        self._projected = {}
        self.a_values, self.b_values = np.asarray(a_values), np.asarray(b_values)
        self.losses = np.full((len(b_values), len(a_values)), np.nan)
        self._clear_paths()
        self.surface.clear()
        if paths:
            for k, path in enumerate(paths):
                colour = CLASS_COLOURS[k % len(CLASS_COLOURS)]
                items = PathItems(self.plot.getPlotItem(), colour, racer_name(path), "#FFFFFF")
                items.show(plane.project(path.thetas))
                items.set_z(len(paths) - k)  # the first (sgd) on top
                self.race_paths.append(items)
            labels = (translate("LossLandscapeView", "a (main direction of the paths)"),
                      translate("LossLandscapeView", "b (second direction)"))  # fmt: skip
        else:
            labels = self.controls.axis_labels()
        self.plot.setLabel("bottom", labels[0])
        self.plot.setLabel("left", labels[1])
        ox, oy = plane.origin
        self.plot.setXRange(ox + self.a_values[0], ox + self.a_values[-1], padding=0.02)
        self.plot.setYRange(oy + self.b_values[0], oy + self.b_values[-1], padding=0.02)
        self._drawn_key = None
        self.draw()

    def _draw_surface(self) -> None:
        self._surface_drawn = time.monotonic()
        ox, oy = self.plane.origin
        self.surface.show(ox + self.a_values, oy + self.b_values, self.losses)

    def _clear_paths(self) -> None:
        for items in self.race_paths:
            items.remove()
        self.race_paths = []
        self.legend.clear()

    # ------------------------------------------------------------------ live path
    def draw(self) -> None:
        """Move the run's path and its current point (the surface stays), if on screen."""
        if not self.isVisible():
            return
        session, plane = self.session, self.plane
        network = session.display_network
        key = (id(network), session.history.count, session.shown_epoch,
               tuple(session.snapshots.epochs[-1:]), len(session.snapshots.epochs))  # fmt: skip
        if key == self._drawn_key:
            return
        self._drawn_key = key
        if plane is None or network is None or self.paths:
            self.run_path.show(np.zeros((0, 2)))
            return
        if not plane.fits(network):
            self.run_path.show(np.zeros((0, 2)))
            self.note.setText(
                translate("LossLandscapeView", "The network changed: the surface is out of date. "
                          "Press Compute to draw it again.")
            )  # fmt: skip
            return
        self.path_points = self._run_projection() + np.array(plane.origin)
        self.run_path.show(self.path_points)

    def _run_thetas(self, epochs) -> np.ndarray:
        """The run's weights at the snapshots of ``epochs``, then the weights shown: (k, P)."""
        snapshots, network = self.session.snapshots, self.session.display_network
        thetas = [landscape.flatten(*snapshots.at_or_before(e)[1:]) for e in epochs]
        return np.array([*thetas, landscape.flatten(*network.parameters())])

    def _run_epochs(self) -> list[int]:
        """The snapshots' epochs up to the epoch shown."""
        shown = self.session.shown_epoch
        return [e for e in self.session.snapshots.epochs if shown is None or e <= shown]

    def _run_projection(self) -> np.ndarray:
        """The run's path on the plane, (k, 2), each snapshot projected once per plane."""
        epochs = self._run_epochs()
        new = [e for e in epochs if e not in self._projected]
        points = self.plane.project(self._run_thetas(new))
        self._projected.update(zip(new, points[:-1], strict=True))
        return np.array([*(self._projected[e] for e in epochs), points[-1]])

    # ------------------------------------------------------------------ words, numbers
    def _summary(self) -> str:
        """What the finished surface shows: its samples, the least loss seen, the races."""
        used, total = self._samples
        if used < total:
            text = translate("LossLandscapeView", "Error over {used} of the {total} training "
                             "samples, spread evenly.")  # fmt: skip
        else:
            text = translate("LossLandscapeView", "Error over all {total} training samples.")
        text = text.format(used=used, total=total)
        if not np.isfinite(self.losses).any():
            return text
        j, i = np.unravel_index(np.nanargmin(np.where(np.isinf(self.losses), np.nan, self.losses)),
                                self.losses.shape)  # fmt: skip
        ox, oy = self.plane.origin
        point = {"loss": f"{self.losses[j, i]:.4g}", "a": f"{ox + self.a_values[i]:.3g}",
                 "b": f"{oy + self.b_values[j]:.3g}"}  # fmt: skip
        least = translate("LossLandscapeView", " Lowest on the plane (+): E = {loss} at "
                          "({a}, {b}).").format(**point)  # fmt: skip
        if self.paths:
            least += translate("LossLandscapeView", " The paths also move off the plane: the "
                               "surface under a point is not always "
                               "that point's own error.")  # fmt: skip
            least += "\n" + self._race_words
        return text + least

    def table(self) -> tuple[list[str], list[list]]:
        """The grid's losses, then the paths' points: each with its epoch, its coordinates
        (the axes' values), its own error and the surface's error under it."""
        header = ["part", "epoch", "a", "b", "error", "error on the plane"]
        if self.plane is None:
            return header, []
        ox, oy = self.plane.origin
        rows = [["surface", "", float(ox + a), float(oy + b), float(E), float(E)]
                for b, row in zip(self.b_values, self.losses, strict=True)
                for a, E in zip(self.a_values, row, strict=True)]  # fmt: skip
        network, data = self.session.display_network, self.session.data
        X, T = landscape.landscape_samples(data.X, data.T)
        if not self.plane.fits(network):
            parts = []
        elif self.paths:
            parts = [(path.racer.name, list(path.epochs), path.thetas) for path in self.paths]
        else:
            shown = self.session.shown_epoch
            current = self.session.history.count if shown is None else shown
            epochs = [e for e in self._run_epochs() if e != current]  # the weights shown stand
            parts = [("path", [*epochs, current], self._run_thetas(epochs))]
        for name, epochs, thetas in parts:
            own, under = landscape.path_losses(network, self.plane, thetas, X, T)
            for epoch, (a, b), e, u in zip(epochs, self.plane.project(thetas), own, under,
                                           strict=True):  # fmt: skip
                rows.append([name, int(epoch), float(ox + a), float(oy + b), float(e), float(u)])
        return header, rows
