"""Undoable edits: every change a person makes is a QUndoCommand on one QUndoStack.

Each command is an :class:`EditCommand`: a model mutator ``apply`` with the
state before and after the edit, so redo is ``apply(after)`` and undo is
``apply(before)``.  The kinds below only say what ``apply`` and the states
are and name the step:

- :class:`DocumentCommand`: :meth:`NetworkDocument.apply` with a
  :class:`~nnsim.model.Change` and its inverse; :class:`MoveCommand`, its
  nudge, merges with the next nudge of the same neurons.
- :class:`SettingCommand`: :meth:`Settings.set` of one setting, old and new value.
- :class:`UseDataCommand`: the custom data and the "dataset" choice, as pairs.
- :class:`MemoryCommand`: :meth:`PatternMemory.restore` of one part, its snapshots.
- :class:`ClassroomCommand`: a ``set_classroom`` callable (the session's), two
  :class:`Classroom` values.

The document, memory and settings do the checking and emit the signals the
views redraw from.  Training is not an edit and never goes on the stack.
"""

from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QUndoCommand, QUndoStack

from nnsim.engine.datasets import Dataset
from nnsim.model import Change, NetworkDocument
from nnsim.model.classroom import Classroom
from nnsim.model.memory import PatternMemory
from nnsim.model.settings import CUSTOM, Settings
from nnsim.text import translate

#: Command id shared by nudges, so repeated nudges of the same neurons merge.
MOVE_COMMAND_ID = 1


class EditCommand(QUndoCommand):
    """One edit and its reverse: ``apply(after)`` does it, ``apply(before)`` undoes it.

    Parameters
    ----------
    text : str
        The step's name in Undo's and Redo's menu entries, translated (the kinds below
        name theirs; a :class:`DocumentCommand`'s and a :class:`MemoryCommand`'s maker does).
    apply : callable
        A model mutator taking one state (a value, a document change, a snapshot).
    before, after
        The states to put back on undo and on redo.
    done : bool
        The edit was made before the push (the model checked it then), so
        the first redo, which :meth:`QUndoStack.push` calls, does nothing.
    """

    def __init__(self, text: str, apply: Callable, before, after, *, done: bool = False):
        super().__init__(text)
        self._apply, self._before, self._after = apply, before, after
        self._skip_first_redo = done

    def redo(self):
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._apply(self._after)

    def undo(self):
        self._apply(self._before)


class DocumentCommand(EditCommand):
    """A :class:`~nnsim.model.Change` already applied to the document when pushed."""

    def __init__(self, document: NetworkDocument, text: str, change: Change):
        super().__init__(text, document.apply, change.inverse(), change, done=True)


class MoveCommand(DocumentCommand):
    """A nudge of neurons; consecutive nudges of the same neurons merge into one step."""

    def id(self):
        return MOVE_COMMAND_ID

    def mergeWith(self, other):  # noqa: N802 - Qt's name
        mine = {move[0] for move in self._after.moves}
        if not isinstance(other, MoveCommand) or mine != {m[0] for m in other._after.moves}:
            return False
        start = {nid: old for nid, old, _ in self._after.moves}
        self._after = Change(
            moves=tuple((nid, start[nid], new) for nid, _, new in other._after.moves)
        )
        self._before = self._after.inverse()
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
        command_type = MoveCommand if merge and change.only_moves() else DocumentCommand
        stack.push(command_type(document, text, change))
    return change


class SettingCommand(EditCommand):
    """One accepted settings edit, "Set <title>"; undo puts the old value back.

    The panel pushes it once the value is set: the push's redo sets it again,
    which changes nothing and emits nothing.
    """

    def __init__(self, settings: Settings, name: str, old, new):
        title = translate("Settings", settings.spec(name).title)
        text = translate("SettingCommand", "Set {setting}").format(setting=title)
        super().__init__(text, partial(settings.set, name), old, new)


class UseDataCommand(EditCommand):
    """Train on a person's own data set (an import); undo goes back to the data before.

    Parameters
    ----------
    settings : Settings
        Holds the data (:attr:`Settings.custom_data`) and the "dataset" choice.
    data : Dataset
    """

    def __init__(self, settings: Settings, data: Dataset):
        before = (settings.custom_data, settings["dataset"])
        text = translate("UseDataCommand", "Import {name}").format(name=data.name)
        super().__init__(text, partial(_use, settings), before, (data, CUSTOM))


def _use(settings: Settings, chosen: tuple[Dataset | None, str]) -> None:
    """Hold ``chosen`` = (custom data, "dataset" choice).

    New data goes in before the choice turns to "custom" (held while not in
    use, it changes nothing), and the choice leaves "custom" before the data
    it used goes.
    """
    data, choice = chosen
    if choice == CUSTOM:
        settings.set_custom_data(data)
        settings.set("dataset", choice)
    else:
        settings.set("dataset", choice)
        settings.set_custom_data(data)


class MemoryCommand(EditCommand):
    """A change of one part of a :class:`PatternMemory`, already made when pushed.

    ``interrupt()`` is called before undo and redo: a recall under way ends
    first, so it never runs on a network or a grid that changed under it.
    """

    def __init__(
        self,
        memory: PatternMemory,
        part: str,
        text: str,
        before,
        after,
        interrupt: Callable[[], None],
    ):
        super().__init__(text, partial(_restore, memory, part, interrupt), before, after, done=True)


def _restore(memory: PatternMemory, part: str, interrupt: Callable[[], None], saved) -> None:
    interrupt()
    memory.restore(part, saved)


class ClassroomCommand(EditCommand):
    """A change of the classroom settings: ``apply(classroom)`` shows one on the window."""

    def __init__(self, apply: Callable[[Classroom], None], before: Classroom, after: Classroom):
        super().__init__(translate("ClassroomCommand", "Classroom settings"), apply, before, after)


class NumberCommand(EditCommand):
    """A weight or a bias set by hand (:meth:`Session.set_number`), already made when pushed."""

    def __init__(self, session, target: str, source: str | None, before: float, after: float):
        text = (
            translate("NumberCommand", "Set weight {source} → {target}")
            if source is not None
            else translate("NumberCommand", "Set bias of {neuron}")
        ).format(source=source, target=target, neuron=target)
        super().__init__(
            text, lambda value: session.set_number(value, target, source), before, after,
            done=True,
        )  # fmt: skip
