"""Train > Explain a Step: the Explain dock and the numbers it writes on the canvas.

:class:`ExplainView` (``explainView``) shows one stage of
:func:`~nnsim.model.explain.explain_step` at a time, with Back and Next;
:class:`StepExplainer` makes the explanation for the sample chosen on the
toolbar from the network a session shows, and writes each stage's numbers
on the editor's canvas, beside the neurons and connections they belong to.
A network with dropout is explained with the sample's mask drawn from the
project's seed, the epoch of the weights shown and the sample's number
(:class:`~nnsim.model.explain_dropout.DropoutDraw`), so the same sample at the
same epoch shows the same neurons dropped, on the canvas too.
While training runs it asks for a pause: a step explained is a step that
stands still.
"""

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine import MLP
from nnsim.errors import NnsimError
from nnsim.gui.actions import make_action
from nnsim.gui.project.exporting import ask_and_save
from nnsim.io import replacing, write_csv
from nnsim.io.tables import explanation_table
from nnsim.model.explain import Explanation, Stage, explain_step, target_source
from nnsim.model.explain_dropout import DropoutDraw
from nnsim.model.session import Session
from nnsim.text import translate


class ExplainView(QWidget):
    """The stages of one explained step, one at a time.

    Signals
    -------
    stage_shown(object)
        The :class:`~nnsim.model.explain.Stage` now shown (None: nothing is).
    """

    stage_shown = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("explainView")
        self.title = QLabel(objectName="explainStage")
        self.counter = QLabel(objectName="explainCounter")
        self.back = QPushButton(translate("ExplainView", "◀ Back"), objectName="explainBack")
        self.next = QPushButton(translate("ExplainView", "Next ▶"), objectName="explainNext")
        self.back.setToolTip(translate("ExplainView", "The stage before"))
        self.next.setToolTip(translate("ExplainView", "The next stage of the step"))
        self.back.clicked.connect(lambda: self.go(-1))
        self.next.clicked.connect(lambda: self.go(+1))
        self.save_button = QPushButton(translate("ExplainView", "Save…"), objectName="explainSave")
        self.save_button.setToolTip(
            translate("ExplainView", "Save every stage of this step, with its numbers, as text")
        )
        self.save_button.clicked.connect(lambda: self.save_text("step"))
        self.numbers_button = QPushButton(
            translate("ExplainView", "Numbers…"), objectName="explainSaveNumbers"
        )
        self.numbers_button.setToolTip(
            translate(
                "ExplainView",
                "Save the step's numbers as CSV: every layer's output, each weight's gradient, "
                "the weights and biases after the step",
            )
        )
        self.numbers_button.clicked.connect(lambda: self.save_numbers("step"))
        self.text = QTextBrowser(objectName="explainText")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.caveat = QLabel(objectName="explainCaveat")
        self.caveat.setWordWrap(True)
        self.caveat.setStyleSheet("color: #8A5A00;")
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addWidget(self.title, 1)
        row.addWidget(self.counter)
        row.addWidget(self.next)
        row.addWidget(self.save_button)
        row.addWidget(self.numbers_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.caveat)
        layout.addWidget(self.text, 1)
        self.explanation: Explanation | None = None
        self.index = 0

    def show_explanation(self, explanation: Explanation, caveat: str = "") -> None:
        """Show ``explanation``, staying at the same stage (a new sample, a new step)."""
        self.explanation = explanation
        self.caveat.setText(caveat)
        self.caveat.setVisible(bool(caveat))
        self.index = min(self.index, len(explanation.stages) - 1)
        self._show()

    def show_message(self, text: str) -> None:
        """Nothing to explain now, and why."""
        self.explanation = None
        self.title.setText("")
        self.counter.setText("")
        self.caveat.hide()
        self.text.setPlainText(text)
        self.back.setEnabled(False)
        self.next.setEnabled(False)
        self.stage_shown.emit(None)

    def _nothing_to_save(self) -> bool:
        """Say so when no step is explained; True then."""
        if self.explanation is not None:
            return False
        QMessageBox.information(
            self,
            translate("ExplainView", "Nothing to save"),
            translate(
                "ExplainView",
                "There is no step to save: open Explain a Step (F7) on a network that can train.",
            ),
        )
        return True

    def save_numbers(self, stem: str) -> None:
        """Ask where, then save the step's numbers as CSV (``stem``-step.csv):
        :func:`nnsim.io.tables.explanation_table`."""
        if self._nothing_to_save():
            return
        table = explanation_table(self.explanation)
        kind = translate("ExplainView", "CSV table (*.csv)")
        ask_and_save(self, f"{stem}-step.csv", kind, lambda path: write_csv(path, *table))

    def save_text(self, stem: str) -> None:
        """Ask where, then save every stage of the step shown as text (``stem``-step.txt)."""
        if self._nothing_to_save():
            return
        explanation = self.explanation

        def write(path) -> None:
            with replacing(path) as temporary:
                temporary.write_text(explanation_text(explanation), encoding="utf-8")

        ask_and_save(self, f"{stem}-step.txt", translate("ExplainView", "Text (*.txt)"), write)

    def go(self, step: int) -> None:
        """Move ``step`` stages on (or back)."""
        if self.explanation is not None:
            self.index = max(0, min(self.index + step, len(self.explanation.stages) - 1))
            self._show()

    @property
    def stage(self) -> Stage | None:
        return None if self.explanation is None else self.explanation.stages[self.index]

    def _show(self) -> None:
        stage, count = self.stage, len(self.explanation.stages)
        self.title.setText(f"<b>{stage.title}</b>")
        self.counter.setText(
            translate("ExplainView", "{stage} of {count}").format(stage=self.index + 1, count=count)
        )
        self.text.setPlainText("\n".join(stage.lines))
        self.back.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < count - 1)
        self.stage_shown.emit(stage)


class StepExplainer(QObject):
    """Train > Explain a Step on ``session``'s network, for the sample ``sample_selector`` shows.

    ``canvas`` (the editor's view: ``show_notes``, ``clear_notes``) gets each
    stage's numbers; :attr:`view` goes in a dock, and :attr:`action` (a child
    of ``parent``) toggles it.  It explains again when the run state changes,
    another document opens, and at each frame (:meth:`refresh`).
    """

    def __init__(self, session: Session, canvas, sample_selector: QSpinBox, parent: QObject):
        super().__init__(parent)
        self.session, self.canvas, self.sample_selector = session, canvas, sample_selector
        self.view = ExplainView()
        self.view.stage_shown.connect(self._write_on_canvas)
        self.action = make_action(
            parent, "actionExplain", translate("StepExplainer", "&Explain a Step"), "F7",
            translate(
                "StepExplainer",
                "Follow one training step on the chosen sample, with its numbers (F7)",
            ),
        )  # fmt: skip
        self.action.setCheckable(True)
        self.shown = False
        # A run under way is not explained, a paused one is; another document is new.
        session.events.state_changed.connect(self.refresh)
        session.events.document_replaced.connect(self._new_document)

    def _new_document(self) -> None:
        """Another network: its step is followed from its first stage, not where the last
        network's was left (a lesson opening its example finds the inputs first)."""
        self.view.index = 0
        self.refresh()

    def set_shown(self, shown: bool) -> None:
        """The dock was shown or hidden: explain, or take the numbers off the canvas."""
        self.shown = shown
        if shown:
            self.refresh()
        else:
            self.canvas.clear_notes()

    def refresh(self, *_what_changed) -> None:
        """Explain the step on the sample chosen now, with the weights shown now."""
        if not self.shown:
            return
        session = self.session
        if session.is_hopfield:
            return self.view.show_message(
                translate("StepExplainer", "A Hopfield network does not learn from samples.")
            )
        if session.document.kind == "rbm":
            return self.view.show_message(
                translate(
                    "StepExplainer",
                    "A Boltzmann machine learns by contrastive divergence, not by "
                    "backpropagation: Explain a Step follows perceptrons and MLPs. Its "
                    "Reconstructions and Dreams in the Plots dock show what it learns.",
                )
            )
        if session.state in ("training", "pausing"):
            return self.view.show_message(
                translate("StepExplainer", "Pause training (F6) to follow a step.")
            )
        if session.compiled is None or session.display_network is None:
            return self.view.show_message(
                session.problem or translate("StepExplainer", "There is no network yet.")
            )
        if not session.network_up_to_date:
            return self.view.show_message(
                translate(
                    "StepExplainer",
                    "The network was edited since it was last built: Step (F10) builds it, "
                    "and the step on the edited network is explained.",
                )
            )
        row = self.sample_selector.value() - 1
        data = session.data
        compiled = replace(session.compiled, network=session.display_network)
        epoch = session.history.count if session.shown_epoch is None else session.shown_epoch
        draw = DropoutDraw(session.settings["seed"], epoch, row + 1)
        try:
            explanation = explain_step(
                compiled, data.X[row], data.T[row], session.settings["learning_rate"],
                target_source(data, row), draw,
            )  # fmt: skip
        except NnsimError as exc:
            return self.view.show_message(str(exc))
        self.view.show_explanation(explanation, self._caveat(session.display_network))
        return None

    def _caveat(self, network) -> str:
        """What training does that the one plain step shown does not."""
        if not isinstance(network, MLP):
            return ""
        settings, samples = self.session.settings, self.session.data.n_samples
        extras = []
        if settings["optimizer"] in ("rprop", "irprop-"):
            extras.append(
                translate(
                    "StepExplainer",
                    "the {optimiser} optimiser (each weight moves by its own step size, "
                    "against the sign of its gradient only)",
                ).format(optimiser=settings["optimizer"])
            )
        elif settings["optimizer"] != "sgd":
            extras.append(
                translate("StepExplainer", "the {optimiser} optimiser").format(
                    optimiser=settings["optimizer"]
                )
            )
        if settings["lr_schedule"] != "constant":
            extras.append(translate("StepExplainer", "a learning rate that falls on a schedule"))
        if settings["momentum"]:
            extras.append(
                translate("StepExplainer", "momentum {momentum}").format(
                    momentum=f"{settings['momentum']:g}"
                )
            )
        if settings["l1"] or settings["l2"]:
            extras.append(translate("StepExplainer", "L1/L2 penalties"))
        batch = settings["batch_size"] or samples
        if min(batch, samples) > 1:
            extras.append(
                translate("StepExplainer", "batches of several samples (their gradients averaged)")
            )
        if not extras:
            return ""
        return translate(
            "StepExplainer",
            "Training uses {extras}; this is the plain gradient step on this one sample, the "
            "building block of each update.",
        ).format(extras=translate("StepExplainer", ", ").join(extras))

    def _write_on_canvas(self, stage: Stage | None) -> None:
        if stage is None or not self.shown:
            self.canvas.clear_notes()
        else:
            self.canvas.show_notes(stage.neuron_notes, stage.connection_notes)


def explanation_text(explanation: Explanation) -> str:
    """Every stage of an explained step as plain text: its title, then its lines."""
    return (
        "\n\n".join(
            "\n".join((f"{k}. {stage.title}", *stage.lines))
            for k, stage in enumerate(explanation.stages, 1)
        )
        + "\n"
    )
