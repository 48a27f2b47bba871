"""Network > Prune Weights…: remove the smallest weights, see the accuracy before and after.

:func:`make_prune_action` makes the action (``actionPruneWeights``); it opens a
:class:`PruneDialog` (``pruneDialog``) that asks the share of connections to
remove and shows, live as the share changes, how many go and the score before
-> after (:class:`~nnsim.model.pruning.Pruner`, no retraining).  OK prunes as one
undo step (:class:`PruneCommand`): undo puts each connection back with its
weight, and every other weight keeps its value throughout.

It uses the window's ``session``, ``undo_stack``, ``editor.view`` (its lock:
training or a frozen exercise), ``complain`` and ``status``.  Texts of the
functions here are under "PruneWeights" (the model's module is also called
pruning, its texts are under "Pruning").
"""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
)

from nnsim.errors import NnsimError
from nnsim.gui.actions import make_action
from nnsim.gui.commands import EditCommand
from nnsim.gui.plain_text import plain_label
from nnsim.model.pruning import Pruner, PruningPlan, Score, prune, put_back
from nnsim.text import translate

#: The share the dialog starts at, in percent.
DEFAULT_SHARE = 10


def make_prune_action(window) -> QAction:
    """Network > Prune Weights… (``actionPruneWeights``), opening :class:`PruneDialog`."""
    action = make_action(
        window, "actionPruneWeights", translate("PruneWeights", "Pr&une Weights…"), "",
        translate(
            "PruneWeights",
            "Remove the connections with the smallest weights and see the accuracy before "
            "and after",
        ),
    )  # fmt: skip
    action.triggered.connect(lambda: ask_prune(window))
    return action


def ask_prune(window) -> "PruneDialog | None":
    """Open the dialog for the window's network (after asking to stop training), or say why not."""
    view = window.editor.view
    what = translate("PruneWeights", "prune weights")
    if view.locked_reason and not (view.unlock_request and view.unlock_request(what)):
        window.status.show_message(view.locked_reason)
        return None
    try:
        pruner = Pruner(window.session)
    except NnsimError as exc:
        window.complain(translate("PruneWeights", "Cannot prune"), str(exc))
        return None
    dialog = PruneDialog(pruner, window)
    dialog.accepted.connect(lambda: prune_as_one_step(window, dialog.plan))
    dialog.finished.connect(dialog.deleteLater)
    window.prune_dialog = dialog
    dialog.open()
    return dialog


def prune_as_one_step(window, plan: PruningPlan) -> bool:
    """Prune ``plan``'s connections as one undo step; False (said why) if refused."""
    session = window.session
    if not plan.count:
        return False
    try:
        change = prune(session, plan)
    except NnsimError as exc:
        window.complain(translate("PruneWeights", "Cannot prune"), str(exc))
        return False
    window.undo_stack.push(PruneCommand(session, plan, change))
    session.say(
        translate("PruneWeights", "Pruned {count} of {total} connections: {score}.").format(
            count=plan.count, total=plan.total, score=score_words(plan)
        )
    )
    return True


class PruneCommand(EditCommand):
    """Connections pruned (already when pushed); undo puts each back with its weight."""

    def __init__(self, session, plan: PruningPlan, change):
        if plan.count == 1:
            text = translate("PruneCommand", "Prune 1 weight")
        else:
            text = translate("PruneCommand", "Prune {count} weights").format(count=plan.count)
        super().__init__(text, self._put, False, True, done=True)
        self.session, self.plan, self.change = session, plan, change

    def _put(self, pruned: bool) -> None:
        if pruned:
            self.change = prune(self.session, self.plan)
        elif not put_back(self.session, self.plan, self.change):
            self.session.say(
                translate(
                    "PruneCommand",
                    "The pruned connections are back, with new weights: the network cannot be "
                    "built now to give them their old ones.",
                )
            )


def percent(accuracy: float) -> str:
    return f"{100 * accuracy:.1f}%"


def score_words(plan: PruningPlan) -> str:
    """The score before and after in words: accuracy 97.5% → 96.1%, error 0.126 → 0.130
    (no accuracy for a regression)."""
    before, after = plan.before, plan.after
    error = translate("PruneWeights", "error {before} → {after}").format(
        before=f"{before.error:.4g}", after=f"{after.error:.4g}"
    )
    if before.accuracy is None:
        return error
    accuracy = translate("PruneWeights", "accuracy {before} → {after}").format(
        before=percent(before.accuracy), after=percent(after.accuracy)
    )
    return translate("PruneWeights", "{accuracy}, {error}").format(accuracy=accuracy, error=error)


class PruneDialog(QDialog):
    """Asks the share to prune and shows, as it changes, what would go and the score after.

    Attributes
    ----------
    plan : PruningPlan
        What the share shown would prune.
    """

    def __init__(self, pruner: Pruner, parent=None):
        super().__init__(parent)
        self.setObjectName("pruneDialog")
        self.setWindowTitle(translate("PruneDialog", "Prune weights"))
        self.pruner = pruner
        explanation = plain_label(
            translate(
                "PruneDialog",
                "Removes the connections whose weights are smallest in size; biases stay, and "
                "every other weight keeps its value. Nothing is trained again: the score after "
                "is the network's own without those connections. Undo puts them back.",
            ),
            objectName="pruneExplanation",
        )
        explanation.setWordWrap(True)
        self.share = QSpinBox(objectName="pruneShare")
        self.share.setRange(1, 99)
        self.share.setSuffix("%")
        self.share.setValue(DEFAULT_SHARE)
        self.share.setToolTip(translate("PruneDialog", "The share of the connections to remove"))
        self.count = plain_label(objectName="pruneCount")
        self.part = plain_label(pruner.part.sentence, objectName="prunePart")
        self.part.setWordWrap(True)
        self.accuracy = plain_label(objectName="pruneAccuracy")
        self.error = plain_label(objectName="pruneError")
        self.note = plain_label(objectName="pruneNote")
        self.note.setWordWrap(True)
        # Room for the note whether it shows or not: the dialog keeps its size as the share moves.
        self.note.setMinimumHeight(3 * self.note.fontMetrics().lineSpacing())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("PruneDialog", "Prune"))
        self.ok.setObjectName("pruneOk")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("PruneDialog", "Cancel")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("PruneDialog", "Share to remove:"), self.share)
        form.addRow(translate("PruneDialog", "Connections removed:"), self.count)
        if pruner.before.accuracy is not None:
            form.addRow(translate("PruneDialog", "Accuracy:"), self.accuracy)
        else:
            self.accuracy.hide()
        form.addRow(translate("PruneDialog", "Error:"), self.error)
        column = QVBoxLayout(self)
        column.addWidget(explanation)
        column.addLayout(form)
        column.addWidget(self.part)
        column.addWidget(self.note)
        column.addStretch(1)
        column.addWidget(self.buttons)
        self.share.valueChanged.connect(self.show_plan)
        self.show_plan()
        self.resize(460, self.sizeHint().height())

    def show_plan(self) -> None:
        """Work out and show what the share now set would prune."""
        plan = self.plan = self.pruner.plan(self.share.value() / 100)
        if plan.count:
            count = translate("PruneDialog", "{count} of {total} (weights up to {size} in size)")
        else:
            count = translate("PruneDialog", "{count} of {total}")
        self.count.setText(
            count.format(count=plan.count, total=plan.total, size=f"{plan.largest_removed:.3g}")
        )
        self.accuracy.setText(_change(plan.before, plan.after, accuracy=True))
        self.error.setText(_change(plan.before, plan.after, accuracy=False))
        notes = []
        if not self.pruner.most:
            notes.append(
                translate(
                    "PruneDialog",
                    "No connection can go: each is the last way out of its neuron.",
                )
            )
        elif not plan.count:
            notes.append(translate("PruneDialog", "No connection goes at this share: raise it."))
        if plan.spared and self.pruner.most:
            notes.append(
                translate(
                    "PruneDialog",
                    "{count} small connection(s) stay: each is the last way out of its neuron, "
                    "and without it nothing the neuron computes would reach the output.",
                ).format(count=plan.spared)
            )
        self.note.setText("\n".join(notes))
        self.ok.setEnabled(bool(plan.count))


def _change(before: Score, after: Score, *, accuracy: bool) -> str:
    """The accuracy (97.5% → 96.1%) or the error (0.126 → 0.130) before and after."""
    if accuracy:
        if before.accuracy is None:
            return ""
        return f"{percent(before.accuracy)} → {percent(after.accuracy)}"
    return f"{before.error:.4g} → {after.error:.4g}"
