"""The main window's Train menu: its commands, and what they show while training runs.

:class:`TrainMenu` is part of :class:`~nnsim.gui.window.main_window.MainWindow`
(a base class of it, kept apart to keep each file to one job): it starts,
pauses, steps, stops and resets through the session and the training worker,
says in dialogs why it cannot, and locks the editor and panels while a run
holds the network.  It uses the window's ``session``, ``controller``,
``status``, ``editor``, ``panel``, ``data_fields``, ``error_plot``,
``explainer``, ``training_actions``, ``classroom`` and ``settings``.
"""

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMessageBox

from nnsim.gui.plain_text import message_box
from nnsim.gui.training.regulariser_comparison import RegulariserComparison
from nnsim.model.classroom import FIXED
from nnsim.model.settings import LIVE_SETTINGS
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Why the editor, and the settings that do not change while training runs, are locked.
LOCKED = QT_TRANSLATE_NOOP(
    "TrainMenu", "Training is using the network: stop it (Train > Stop) to change the network."
)
SETTINGS_LOCKED = QT_TRANSLATE_NOOP(
    "TrainMenu",
    "Only the learning rate, momentum and speed change while training runs: stop it to change "
    "the rest.",
)


class TrainMenu:
    """Train > Start, Pause, Step, Step One Sample, Stop, Reset Weights, New Seed."""

    def start_training(self) -> None:
        """Train > Start: train, or resume; say why not in a dialog if it cannot."""
        if not self.controller.start():
            self._cannot_train()

    def _cannot_train(self) -> None:
        """Say, in a dialog that stays until read, why training cannot start."""
        title = translate("TrainMenu", "Cannot train")
        box = message_box(QMessageBox.Icon.Information, title, self.session.problem, self)
        box.setObjectName("cannotTrainDialog")
        box.finished.connect(box.deleteLater)  # read and closed: gone
        box.open()

    def pause_or_resume(self) -> None:
        """Train > Pause, which reads Resume while paused."""
        if self.session.state == "paused":
            self.controller.start()
        else:
            self.controller.pause()

    def step_epoch(self) -> None:
        """Train > Step: exactly one epoch, then paused."""
        if not self.session.step():
            self._cannot_train()

    def ask_to_stop(self, what: str) -> bool:
        """Training holds the network: ask whether to stop it to ``what``; True if stopped."""
        answer = QMessageBox.question(
            self,
            translate("TrainMenu", "Stop training?"),
            translate("TrainMenu", "Training is using the network. Stop it to {what}?").format(
                what=what.lower()
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.controller.shutdown()
        return not self.session.busy

    def step_sample(self) -> None:
        """Train > Step One Sample: one sample's update (by the rule, or backpropagation)."""
        self.session.step_sample()

    def randomise_weights(self) -> None:
        """A new seed (one undo step), then fresh weights from it."""
        if self.classroom.fixes("seed"):
            self.status.show_message(translate("Classroom", FIXED))
            return
        self.controller.shutdown()
        self.panel.set_value("seed", int(np.random.default_rng().integers(2**31 - 1)))
        self.reset_weights()

    def compare_regularisers_action(self):
        """Train > Compare With and Without Regulariser… (``actionCompareRegulariser``): its
        :class:`RegulariserComparison`, made once and kept as ``regulariser_comparison``."""
        self.regulariser_comparison = RegulariserComparison(self)
        return self.regulariser_comparison.action

    def stop_training(self) -> None:
        """Train > Stop: the run ends, the weights stay."""
        self.controller.stop()

    def reset_weights(self) -> None:
        """Train > Reset Weights: new weights from the seed, an empty history."""
        self.session.reset()
        self._show_reset()

    def _show_reset(self) -> None:
        """No progress to show, and the error plot empty (or as far as the history goes)."""
        self.status.clear()
        self.error_plot.show_history(self.session.history, self.settings["max_epochs"])

    @Slot(str)
    def _state_changed(self, state: str) -> None:
        busy = self.session.busy
        why_locked = None
        if busy:
            why_locked = translate("TrainMenu", LOCKED)
        elif self.classroom.network_frozen:
            why_locked = translate("Classroom", FIXED)
        self.editor.view.set_locked(why_locked)
        settings_locked = translate("TrainMenu", SETTINGS_LOCKED) if busy else None
        for panel in (self.panel, self.data_fields):
            panel.lock(settings_locked, except_names=LIVE_SETTINGS)
        running = state in ("training", "pausing")
        actions = self.training_actions
        actions["start"].setEnabled(not running)
        actions["pause"].setEnabled(state in ("training", "paused"))
        paused = state == "paused"
        words = translate("TrainMenu", "Resume") if paused else translate("TrainMenu", "Pause")
        actions["pause"].setText(words)
        actions["pause"].setIconText(words)  # the toolbar's, set apart when made (make_action)
        actions["step"].setEnabled(not running)
        actions["sample"].setEnabled(not running and self.document.kind != "rbm")  # it learns
        # from batches, by Gibbs sampling: one sample's step is not how a machine learns
        actions["stop"].setEnabled(busy)
        if self.is_hopfield:  # a Hopfield network recalls (its own buttons); nothing trains
            for action in actions.values():
                action.setEnabled(False)

    @Slot(str)
    def _show_problem_in_panel(self, _message: str) -> None:
        """Keep why training cannot start under the parameters, until it can."""
        self.panel.reason.setText(self.session.problem or "")

    def _data_changed(self) -> None:
        """Show a network starting again on new data (the Data dock follows the session)."""
        self._show_reset()

    @Slot(int)
    def _try_again_after_edit(self, _index: int) -> None:
        """An edit (or undo) may have mended why the network could not train: look again."""
        self.explainer.refresh()  # an edited network is explained after its next build
        session = self.session
        stuck = session.problem is not None and not session.busy
        if stuck and session.prepare():
            self.status.show_message(
                translate("TrainMenu", "The network and its data fit again: ready to train.")
            )
            self.panel.reason.setText("")

    @Slot(str)
    def _failed(self, reason: str) -> None:
        self.status.show_message(reason)
        title = translate("TrainMenu", "Training stopped")
        box = message_box(QMessageBox.Icon.Warning, title, reason, self)
        box.setObjectName("trainingFailedDialog")
        box.finished.connect(box.deleteLater)
        box.open()
