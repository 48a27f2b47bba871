"""Undoable edits: every change to the document is a QUndoCommand on one QUndoStack.

The document does the work (:meth:`NetworkDocument.apply`); a command only
remembers the :class:`~nnsim.model.Change` it made and applies its inverse
to undo.  Training is not an edit and never goes on the stack.
"""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from nnsim.engine.datasets import Dataset
from nnsim.model import Change, NetworkDocument
from nnsim.model.settings import CUSTOM, Settings

#: Command id shared by nudges, so repeated nudges of the same neurons merge.
MOVE_COMMAND_ID = 1


class EditCommand(QUndoCommand):
    """A change already applied to the document when the command is pushed."""

    def __init__(self, document: NetworkDocument, text: str, change: Change):
        super().__init__(text)
        self._document = document
        self.change = change
        self._skip_first_redo = True  # QUndoStack.push() calls redo(); the edit is done

    def redo(self):
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._document.apply(self.change)

    def undo(self):
        self._document.apply(self.change.inverse())


class MoveCommand(EditCommand):
    """A nudge of neurons; consecutive nudges of the same neurons merge into one step."""

    def id(self):
        return MOVE_COMMAND_ID

    def mergeWith(self, other):  # noqa: N802 - Qt's name
        mine = {move[0] for move in self.change.moves}
        if not isinstance(other, MoveCommand) or mine != {m[0] for m in other.change.moves}:
            return False
        start = {nid: old for nid, old, _ in self.change.moves}
        self.change = Change(
            moves=tuple((nid, start[nid], new) for nid, _, new in other.change.moves)
        )
        return True


def push_edit(
    stack: QUndoStack,
    document: NetworkDocument,
    text: str,
    edit: Callable[[], Change],
    *,
    merge: bool = False,
) -> Change:
    """Run ``edit`` (a document mutator) and push it as one undoable step.

    With ``merge`` a move joins the previous step when that moved the same
    neurons (arrow-key nudges); drags never merge.  A mutator that raises
    leaves the document and the stack as they were; one that changes
    nothing pushes nothing.
    """
    change = edit()
    if change:
        command_type = MoveCommand if merge and change.only_moves() else EditCommand
        stack.push(command_type(document, text, change))
    return change


class UseDataCommand(QUndoCommand):
    """Train on a person's own data set (an import); undo goes back to the data before.

    Parameters
    ----------
    settings : Settings
        Holds the data (:attr:`Settings.custom_data`) and the "dataset" choice.
    data : Dataset
    """

    def __init__(self, settings: Settings, data: Dataset):
        super().__init__(f"Import {data.name}")
        self._settings = settings
        self._before = (settings.custom_data, settings["dataset"])
        self._data = data

    def redo(self):
        # The data first: while "dataset" is not yet custom, holding it changes nothing.
        self._settings.set_custom_data(self._data)
        self._settings.set("dataset", CUSTOM)

    def undo(self):
        data, choice = self._before
        self._settings.set("dataset", choice)
        self._settings.set_custom_data(data)
