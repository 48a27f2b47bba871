"""What one person is working on, without Qt: the window, the command line and scripts share it.

A :class:`Session` owns the open work (DESIGN.md section 4): the network
document, its settings and classroom settings, a Hopfield network's pattern
memory, the compiled network and its data, the error history, the weight
snapshots, the weights shown (and how far back they are rewound), and the run
state.  Its psygnal events (:class:`~nnsim.model.session_events.SessionEvents`) tell
views what changed; views never ask the window.

Training is a generator here: :meth:`Session.train` yields the reports of
one run and keeps the history as they pass, so a script needs no thread::

    from nnsim.model.session import Session
    s = Session.open("resources/examples/xor_2_4_1.nnsim")
    for report in s.train(max_epochs=200):
        pass
    s.save("out.nnsim")

The window runs the same run in a worker thread (``drive(session.run)``,
:mod:`nnsim.model.training_run`) and hands each report to
:meth:`Session.take_report` in its own thread, so the history and the
weights shown change only where views read them.

Layering: the session is the top of the Qt-free part.  It alone in
``nnsim.model`` reads and writes project files (:mod:`nnsim.io.project`), so
that ``Session.open`` and ``save`` work from a prompt; ``pyproject.toml``
allows exactly that import, and forbids ``nnsim.io`` to import the session.
"""

import math
from pathlib import Path

import numpy as np

from nnsim.engine.features import derived_names, with_derived
from nnsim.errors import ConfigError
from nnsim.io.project import Project, load_project, save_project
from nnsim.model.classroom import Classroom
from nnsim.model.document import NetworkDocument
from nnsim.model.history import LossHistory
from nnsim.model.insight import TrainingInsight
from nnsim.model.lessons import LessonProgress
from nnsim.model.memory import PatternMemory
from nnsim.model.run_data import derived_inputs, input_scaling
from nnsim.model.session_events import SessionEvents
from nnsim.model.session_training import SessionTraining
from nnsim.model.settings import CUSTOM, DERIVED_SETTINGS, Settings
from nnsim.model.snapshots import WeightSnapshots
from nnsim.model.starters import (
    DEFAULT_SETTINGS,
    NEW_SETTINGS,
    XOR_SETTINGS,
    new_hopfield,
    new_mlp,
    new_perceptron,
    xor_network,
)
from nnsim.text import translate

#: Settings that change the data: a change starts the network again (new weights, history).
DATA_SETTINGS = frozenset(
    {"dataset", "samples", "noise", "validation_share", "normalisation", *DERIVED_SETTINGS.values()}
)


class Session(SessionTraining):
    """The open network and everything made from it; see the module docstring.

    Attributes
    ----------
    document : NetworkDocument
    settings : Settings
        One object for the session's life: opening another network sets its values.
    classroom : Classroom
    memory : PatternMemory or None
        A Hopfield network's grid, library and stored patterns (None for other kinds).
    description : str
        The project's one line saying what it shows (examples have one).
    view_settings : dict
        What the Analysis views were left showing, saved with the project
        (:mod:`nnsim.model.view_settings`); the views write their choices here.
    compiled : CompiledNetwork or None
        The network being trained (None before it could be compiled, and for Hopfield).
    data, validation : Dataset or None
        The training part and the held-out part of the data.
    display_network
        A copy of the network holding the weights shown (the latest, or a rewound epoch).
    history : LossHistory
    insight : TrainingInsight
        Each run's gradient sizes, update ratios and sample errors, for the views inside it.
    snapshots : WeightSnapshots
    shown_epoch : int or None
        The epoch whose weights are shown after a rewind; None while the latest are.
    probe : ndarray or None
        Inputs of a person's own (shape (n_inputs,), scaled as the data is) that the
        neurons' values are shown for, instead of a data row; None for the data rows.
    state : str
    latest : TrainingReport or None
    problem : str or None
        Why training could not start last time (None once it could).
    """

    def __init__(self, document: NetworkDocument | None = None, **settings):
        self.events = SessionEvents()
        self.settings = Settings()
        self.history = LossHistory()
        self.insight = TrainingInsight()
        self.snapshots = WeightSnapshots()
        self.document: NetworkDocument = new_mlp()  # until replace() below
        self.classroom = Classroom()
        self.memory: PatternMemory | None = None
        self.description = ""
        self.probe = None
        self.lesson_progress: LessonProgress | None = None
        self.view_settings: dict = {}
        self._replacing = False
        super().__init__()
        self.settings.changed.connect(self._setting_changed)
        self.settings.custom_data_changed.connect(self._custom_data_changed)
        if document is None:
            document, settings = xor_network(), {**XOR_SETTINGS, **settings}
        self.replace(document, **settings)

    # ------------------------------------------------------------- starting
    @classmethod
    def new_mlp(cls, sizes=(2, 2, 1), activation: str = "sigmoid") -> "Session":
        """A fresh MLP (the tutorials' 2-2-1 by default) on XOR, as File > New MLP starts."""
        return cls(new_mlp(sizes, activation), **NEW_SETTINGS["mlp"])

    @classmethod
    def new_perceptron(cls, n_inputs: int = 2, n_outputs: int = 1, rule="rosenblatt") -> "Session":
        """A fresh perceptron on the AND gate, as File > New Perceptron starts."""
        return cls(new_perceptron(n_inputs, n_outputs, rule), **NEW_SETTINGS["perceptron"])

    @classmethod
    def new_hopfield(cls, side: int = 10) -> "Session":
        """A fresh Hopfield memory of ``side`` x ``side`` neurons, no patterns stored."""
        name = translate("Session", "Hopfield memory")
        return cls(new_hopfield(side, side, name=name), **NEW_SETTINGS["hopfield"])

    @classmethod
    def open(cls, path) -> "Session":
        """A session holding the project file at ``path`` (ProjectFileError if unreadable)."""
        session = cls()
        session.load(load_project(path))
        return session

    def replace(
        self,
        document: NetworkDocument,
        memory: PatternMemory | None = None,
        classroom: Classroom | None = None,
        data=None,
        description: str = "",
        lesson_progress: LessonProgress | None = None,
        views: dict | None = None,
        **settings,
    ) -> None:
        """Work on ``document`` from now on, with a fresh history, after ending any run.

        Every setting not given in ``settings`` takes its default: nothing carries
        over from what was open.  ``data`` is the person's own data set (used when
        ``dataset`` is "custom").  A Hopfield document gets ``memory`` (an empty one
        of its grid when None); ``classroom`` is what the exercise fixes, and
        ``lesson_progress`` how far the student got in a lesson on this work, and
        ``views`` what the Analysis views show (their own settings; none: their first).
        """
        if document.kind == "hopfield" and memory is None:
            memory = PatternMemory(*document.grid)  # refuses a grid it cannot draw
        self.end_run_now("stopped")
        self._replacing = True
        try:
            self.settings.set_custom_data(data)
            for name, value in {**DEFAULT_SETTINGS, **settings}.items():
                self.settings.set(name, value)
        finally:
            self._replacing = False
        self.document, self.memory, self.description = document, memory, description
        self.probe = None
        self.classroom = classroom or Classroom()
        self.lesson_progress = lesson_progress
        self.view_settings = dict(views or {})
        self.forget_training()
        self.events.document_replaced.emit()
        if not self.is_hopfield and not self.prepare():
            self.events.data_changed.emit()  # no network to show, but the data to show changed

    def load(self, project: Project) -> None:
        """Show a project read from a file: its network, settings, data, weights and history."""
        kept = {"description": project.description, "lesson_progress": project.lesson_progress,
                "views": project.views}  # fmt: skip
        if project.document.kind == "hopfield":
            memory = project.memory or PatternMemory(*project.document.grid)
            self.replace(project.document, memory, project.classroom, **kept, **project.settings)
            return
        self.replace(
            project.document, None, project.classroom, project.data, **kept, **project.settings
        )  # fmt: skip
        self.restore(project.weights, project.biases, project.history)

    @property
    def is_hopfield(self) -> bool:
        return self.document.kind == "hopfield"

    def say(self, text: str) -> None:
        """Tell the person ``text`` (the status bar, in the window): a view's way to speak."""
        self.events.message.emit(text)

    def withdraw(self, text: str) -> None:
        """``text``, said before, no longer holds."""
        self.events.message_withdrawn.emit(text)

    def set_lesson_progress(self, progress: LessonProgress, answers: bool = False) -> None:
        """How far the student got in a lesson: kept with their work, saved with the project.

        ``answers`` says they are answers to keep (an exercise's lesson, which a teacher
        reads): unsaved work until saved.
        """
        self.lesson_progress = progress
        self.events.lesson_progressed.emit(progress, answers)

    def set_classroom(self, classroom: Classroom) -> None:
        """What the exercise fixes from now on."""
        self.classroom = classroom
        self.events.classroom_changed.emit(classroom)

    # ------------------------------------------------------- weights shown
    def rewind(self, epoch: int) -> int:
        """Show the weights as they were at ``epoch`` (the nearest snapshot at or before it).

        Only the display network changes: training, if it goes on without
        :meth:`train_from`, goes on from where it was.  At or past the latest
        epoch the latest weights are shown.  Returns the epoch shown.
        """
        if epoch >= self.history.count:
            self.display_network.set_parameters(*self.compiled.network.parameters())
            self._show_latest_epoch()
            return self.history.count
        shown, weights, biases = self.snapshots.at_or_before(epoch)
        self.display_network.set_parameters(weights, biases)
        self.shown_epoch = shown
        self.events.rewound.emit(shown)
        return shown

    def train_from(self, epoch: int) -> int:
        """Go back to the snapshot at or before ``epoch``: its weights, the history up to it.

        The run under way ends; the next Train goes on from there.  Returns the
        snapshot's epoch.
        """
        self.end_run_now("ready")
        shown, weights, biases = self.snapshots.at_or_before(epoch)
        self.compiled.network.set_parameters(weights, biases)
        self.display_network.set_parameters(weights, biases)
        self.history.truncate(shown)
        self.insight.truncate(shown)
        self.snapshots.truncate(shown)
        self.latest = None
        self._show_latest_epoch()
        self.events.weights_changed.emit()
        self.events.message.emit(
            translate(
                "Session",
                "Back at epoch {epoch}: the epochs after it are forgotten; "
                "Train goes on from here.",
            ).format(epoch=shown)
        )
        return shown

    @property
    def trained_network(self):
        """The network with the weights as trained: what a project saves.

        While a run goes on in another thread only the display network is safe to
        read, and it holds the last report's weights; after a rewind it holds an
        earlier epoch's, and the compiled network (no run holds it then) the trained ones.
        """
        return self.display_network if self.shown_epoch is None else self.compiled.network

    def number(self, target: str, source: str | None = None) -> float:
        """The weight ``source`` -> ``target`` shown now, or ``target``'s bias (no ``source``).

        Raises
        ------
        ConfigError
            When the drawn network cannot be built, or does not hold that number.
        """
        if not self.catch_up():
            raise ConfigError(self.problem)
        try:
            is_weight, layer, where = self.compiled.parameter_index(target, source)
            return float(self.display_network.parameters()[0 if is_weight else 1][layer][where])
        except (KeyError, IndexError):
            raise _no_number(target, source) from None

    def set_number(self, value: float, target: str, source: str | None = None) -> float:
        """Set one number of the network by hand: the weight ``source`` -> ``target``, or
        ``target``'s bias (no ``source``).  Returns the number it replaced.

        The weights shown are the latest again, and the views hear of it
        (``number_set``; ``weights_changed``: unsaved work).

        Raises
        ------
        ConfigError
            While a run holds the network; for a number that is not finite; for a bias
            of a network without biases, or a number it does not hold; when the drawn
            network cannot be built.
        """
        return self.set_numbers({(target, source): value})[(target, source)]

    def set_numbers(self, numbers) -> dict:
        """Set several numbers at once, as :meth:`set_number` sets one: ``numbers`` maps
        (target, source or None) to a value.  Returns the numbers replaced, by the same keys.

        All or none are set (each is checked first); the views hear of it once
        (``weights_changed``, then ``number_set`` naming the first), so putting back
        pruned weights redraws once, not once a weight.
        """
        if not numbers:
            return {}
        if self.busy:
            raise ConfigError(
                translate(
                    "Session", "Training is using the network: stop it to set a number by hand."
                )
            )
        for value in numbers.values():
            if not math.isfinite(value):
                raise ConfigError(
                    translate("Session", "A weight must be a finite number, not {value}.").format(
                        value=repr(value)
                    )
                )
        if not self.catch_up():
            raise ConfigError(self.problem)
        places = {}
        for target, source in numbers:
            try:
                places[target, source] = self.compiled.parameter_index(target, source)
            except KeyError:
                raise _no_number(target, source) from None
            if not (places[target, source][0] or self.compiled.network.has_bias):
                raise ConfigError(
                    translate("Session", "This network has no biases: switch Biases on to set one.")
                )
        weights, biases = (
            [array.copy() for array in arrays] for arrays in self.compiled.network.parameters()
        )
        replaced = {}
        for key, value in numbers.items():
            is_weight, layer, where = places[key]
            array = (weights if is_weight else biases)[layer]
            replaced[key] = float(array[where])
            array[where] = value
        self.compiled.network.set_parameters(weights, biases)
        self.display_network.set_parameters(weights, biases)
        self._show_latest_epoch()
        self.events.weights_changed.emit()
        self.events.number_set.emit(*next(iter(numbers)))
        return replaced

    def set_probe(self, inputs) -> None:
        """Show every neuron's value for ``inputs`` (in the data's own units), not a data row.

        ``inputs`` None goes back to the data rows.  Raises ConfigError as
        :meth:`network_inputs` does.
        """
        self.probe = None if inputs is None else self.network_inputs(inputs)
        self.events.probe_changed.emit(self.probe)

    def network_inputs(self, inputs) -> np.ndarray:
        """``inputs`` (in the data's own units) as the network sees them: scaled as the data
        is, with the derived inputs the settings add made from them.

        Returns
        -------
        (n_inputs,) array

        Raises
        ------
        ConfigError
            For the wrong number of inputs, one that is not finite, or no network.
        """
        if not self.catch_up():
            raise ConfigError(self.problem)
        derived = derived_inputs(self.settings)
        x = np.asarray(inputs, dtype=np.float64).ravel()
        n = self.compiled.network.n_inputs - len(derived_names(derived))
        if x.size != n:
            raise ConfigError(
                translate(
                    "Session", "The network has {n} inputs: give {n} numbers, not {given}."
                ).format(n=n, given=x.size)
            )
        if not np.isfinite(x).all():
            raise ConfigError(translate("Session", "Every input must be a finite number."))
        scaling = input_scaling(self.settings)
        x = x if scaling is None else (x - scaling[0]) / scaling[1]
        return with_derived(x[np.newaxis], derived)[0]

    # --------------------------------------------------------------- saving
    def project(self) -> Project:
        """What a project file holds for this session: network, settings, weights, history.

        The weights are the network's as trained (a rewind shows earlier ones
        without changing them); an edited network that cannot compile has none.
        """
        common = {"classroom": self.classroom, "description": self.description,
                  "lesson_progress": self.lesson_progress,
                  "views": dict(self.view_settings)}  # fmt: skip
        if self.is_hopfield:
            return Project(self.document, self.settings.values(), memory=self.memory, **common)
        weights = biases = None
        if self.catch_up():
            weights, biases = self.trained_network.parameters()
        history = self.history
        columns = {"train": history.train, "validation": history.validation}
        columns.update(accuracy=history.accuracy, epochs=history.epochs)
        return Project(
            self.document, self.settings.values(), weights, biases, columns,
            self.settings.custom_data, **common,
        )  # fmt: skip

    def save(self, path) -> None:
        """Write the project file (atomically; raises ProjectFileError or ExportError if not)."""
        save_project(Path(path), self.project())

    # ------------------------------------------------------------- settings
    def _setting_changed(self, name: str, value) -> None:
        if self._replacing:
            return
        self.set_live(name, value)
        if name in DATA_SETTINGS:
            self._data_changed()

    def _custom_data_changed(self, _data) -> None:
        if not self._replacing and self.settings["dataset"] == CUSTOM:
            self._data_changed()

    def _data_changed(self) -> None:
        """New data (set, size, noise, split or scaling): the network starts again on it."""
        if self.is_hopfield:
            return
        self.reset()
        self.events.data_changed.emit()
        if self.problem is None:
            self.events.message.emit(
                translate("Session", "New data: the weights and the error history start again.")
            )


def _no_number(target: str, source: str | None) -> ConfigError:
    """The network holds no weight ``source`` -> ``target`` (or no bias of ``target``)."""
    if source:
        text = translate("Session", "The network has no connection {source} → {target}.")
    else:
        text = translate("Session", "The network has no bias for {target}.")
    return ConfigError(text.format(source=source, target=target))
