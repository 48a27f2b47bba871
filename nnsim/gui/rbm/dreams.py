r"""A Boltzmann machine's dreams (``rbmDreams``): samples drawn by Gibbs sampling.

From :data:`DREAMS` random starts (each visible unit on with probability
1/2), :math:`k` steps of block Gibbs sampling, :math:`h \sim p(h \mid v)`
then :math:`v \sim p(v \mid h)`, show what the machine believes its data look
like; the last step is drawn as :math:`p(v = 1 \mid h)`.  The starts and the
draws come from one seed: while the machine trains, the same chains are drawn
again for the new weights, so the pictures change with what it learns; Dream
again takes the next seed.  The sampling runs in a worker thread, on copies
of the weights, one computation at a time.
"""

import time

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from nnsim.engine import RBM
from nnsim.gui.rbm.pictures import GREYS, ImageGrid, picture_shape, tiled
from nnsim.gui.workers import Job, KeptWorkers
from nnsim.model.session import Session
from nnsim.text import translate

#: Dreams drawn at once, and a row of them.
DREAMS, COLUMNS = 24, 8
#: Gibbs steps a dream takes unless the person chooses others, and the most it may.
STEPS, MAX_STEPS = 200, 10_000
#: Steps between two looks at a cancel (and the window's turn at the interpreter).
CHUNK = 50
#: While a run goes on, a new dream starts at most this often, in seconds: sampling in
#: the window's process must leave its event loop time to answer.
GAP_S = 0.5


def dream_job(job: Job, parameters, steps: int, seed: int, count: int = DREAMS):
    """The worker's generator: ``count`` dreams of the machine of ``parameters`` (copies of
    ``([W], [b_h, b_v])``), ``steps`` Gibbs steps each, drawn from ``seed``.

    Yields nothing (a generator so that the worker can be cancelled); returns
    ``(job, V)`` with V of shape (count, n_v), or ``(job, None)`` if cancelled.
    """
    try:
        (W,), biases = parameters
        network = RBM(W.shape[1], W.shape[0], dtype=W.dtype)
        network.set_parameters([W], biases)
        V = (np.random.default_rng(seed).random((count, W.shape[1])) < 0.5).astype(W.dtype)
        rng = np.random.default_rng([seed, 1])
        done = 0
        while done < steps:
            if job.cancel.is_set():
                return job, None
            chunk = min(CHUNK, steps - done)
            done += chunk
            V = network.gibbs(V, chunk, rng, means=done == steps)
            time.sleep(0)  # the window's turn
        return job, V
    finally:
        job.ended.set()
    yield  # (never reached: it makes this a generator)


class DreamsView(QWidget):
    """The dreams, a Steps field and Dream again (objectNames ``rbmDreams``,
    ``rbmDreamsPlot``, ``rbmDreamSteps``, ``rbmDreamAgain``).

    Attributes
    ----------
    grid : ImageGrid
    dreams : np.ndarray or None
        The dreams shown, (DREAMS, n_v).
    computations : int
        Dreams computed so far (for tests).
    """

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent, objectName="rbmDreams")
        self.session = session
        self.grid = ImageGrid("rbmDreamsPlot")
        self.steps = QSpinBox(objectName="rbmDreamSteps", minimum=1, maximum=MAX_STEPS)
        self.steps.setValue(STEPS)
        tip = translate(
            "DreamsView",
            "Gibbs steps from each random start: more, nearer the machine's own idea of its data",
        )
        self.steps.setToolTip(tip)
        self.again = QPushButton(translate("DreamsView", "Dream Again"), objectName="rbmDreamAgain")
        self.again.setToolTip(translate("DreamsView", "New random starts, new dreams"))
        self.seed, self.dreams, self.computations = 0, None, 0
        self._job: Job | None = None
        self._workers = KeptWorkers()
        self._drawn_key = None
        self._pending = False
        self._started = 0.0  # perf_counter() of the last start
        self._lay_out()
        self.steps.valueChanged.connect(self._dream_now)
        self.again.clicked.connect(self.dream_again)

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        label = QLabel(translate("DreamsView", "Steps:"))
        label.setBuddy(self.steps)
        row.addWidget(label)
        row.addWidget(self.steps)
        row.addStretch(1)
        row.addWidget(self.again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.grid.widget, 1)

    # ------------------------------------------------------------------ when to dream
    def draw(self) -> None:
        """Dream again if the weights or the choices changed since the dreams shown, and the
        view is on screen; while a run goes on, at most every :data:`GAP_S` seconds."""
        if not self.isVisible() or not self._machine():
            return
        if self._job is not None:
            self._pending = True
            return
        key = self._key()
        if key == self._drawn_key:
            return
        if self.session.busy and time.perf_counter() - self._started < GAP_S:
            return  # the next frame comes within half a second
        self._drawn_key = key
        network = self.session.display_network
        parameters = tuple([a.copy() for a in group] for group in network.parameters())
        self._start(parameters, self.steps.value(), self.seed)

    def dream_again(self) -> None:
        """Dream from new random starts (the next seed)."""
        self.seed += 1
        self._dream_now()

    @Slot()
    def _dream_now(self, *_value) -> None:
        self._started = 0.0
        self.draw()

    def _machine(self) -> bool:
        session = self.session
        return session.document.kind == "rbm" and session.compiled is not None

    def _key(self) -> tuple:
        (W,), (b_h, b_v) = self.session.display_network.parameters()
        weights = hash((W.tobytes(), b_h.tobytes(), b_v.tobytes()))
        return weights, self.steps.value(), self.seed

    # ------------------------------------------------------------------ the worker
    def _start(self, parameters, steps: int, seed: int) -> None:
        self._job = job = Job()
        self._started = time.perf_counter()
        self._workers.start(dream_job, job, parameters, steps, seed, returned=self._dreamt)

    @Slot(object)
    def _dreamt(self, result) -> None:
        job, dreams = result
        if job is not self._job:
            return  # a cancelled computation, ending late
        self._job = None
        if dreams is not None:
            self.dreams = dreams
            self.computations += 1
            shape = picture_shape(dreams.shape[1])
            self.grid.show(tiled(dreams, shape, COLUMNS), GREYS, 0.0, 1.0)
            title = translate("DreamsView", "Dreams: {steps} Gibbs steps from random starts")
            self.grid.set_title(title.format(steps=self._drawn_key[1]))
        if self._pending:
            self._pending = False
            self.draw()

    def shutdown(self) -> bool:
        """Stop a dream being computed and wait for it; True if one was.  Touches no widget."""
        job, self._job = self._job, None
        if job is None:
            return False
        job.stop()
        return True

    def forget(self) -> None:
        """Another network: stop any dream of the old one and show none."""
        self.shutdown()
        self.dreams, self._drawn_key, self._pending = None, None, False
        self.grid.clear()

    def table(self) -> tuple[list[str], list[list]]:
        """A row per dream shown: its number, the Gibbs steps, its units' p(v = 1 | h)."""
        if self.dreams is None or self._drawn_key is None:
            return ["dream", "steps"], []
        steps = self._drawn_key[1]
        names = [f"v{i + 1}" for i in range(self.dreams.shape[1])]
        rows = [[k + 1, steps, *map(float, v)] for k, v in enumerate(self.dreams)]
        return ["dream", "steps", *names], rows
