"""File > Learn a Pattern Set: a Boltzmann machine learns a built-in pattern set.

A restricted Boltzmann machine learns images without labels: the digits, or a
set of patterns such as the Hopfield workspace's letters.  :func:`learn_pattern_set`
asks which built-in set (:data:`nnsim.io.pattern_sets.BUILT_IN`), turns its
patterns into rows of 0 and 1 (:func:`nnsim.model.rbm_data.pattern_dataset`)
and hands them to the :class:`~nnsim.gui.data.importing.DataImporter`, which
makes them the "custom" data set as one undo step, resizing the visible layer
to the patterns' cells when the person agrees.
"""

import numpy as np
from PySide6.QtWidgets import QInputDialog

from nnsim.errors import NnsimError
from nnsim.gui.actions import make_action
from nnsim.io.pattern_sets import BUILT_IN, built_in_set
from nnsim.model.rbm_data import pattern_dataset
from nnsim.text import QT_TRANSLATE_NOOP, translate


def make_pattern_set_action(importer):
    """The File menu's action (``actionLearnPatternSet``) that calls :func:`learn_pattern_set`."""
    action = make_action(
        importer.parent(), "actionLearnPatternSet",
        QT_TRANSLATE_NOOP("Actions", "Learn a &Pattern Set…"), "",
        QT_TRANSLATE_NOOP("Actions", "A Boltzmann machine learns a built-in set of patterns "
                                     "(letters, digits, shapes) instead of the digits data"),
    )  # fmt: skip
    action.triggered.connect(lambda: learn_pattern_set(importer))
    return action


def learn_pattern_set(importer, stem: str | None = None) -> bool:
    """Make built-in set ``stem`` (asked for when None) the machine's data; False if not.

    Only a Boltzmann machine learns a pattern set here (a Hopfield memory opens
    one in its workspace; an MLP needs targets): anything else is told so.
    """
    session = importer.session
    if session.document.kind != "rbm":
        importer.complain(
            translate(
                "PatternData",
                "A pattern set is data for a Boltzmann machine: make one with File > New "
                "Boltzmann Machine first (a Hopfield memory opens pattern sets in its workspace).",
            )
        )
        return False
    if stem is None and (stem := _ask_which(importer.parent())) is None:
        return False
    try:
        pattern_set = built_in_set(stem)
        cells = [np.where(np.asarray(c, dtype=float).ravel() > 0, 1.0, -1.0)
                 for _name, c in pattern_set.patterns]  # fmt: skip
        data = pattern_dataset(cells, name=translate("PatternSets", BUILT_IN[stem]))
    except NnsimError as exc:
        importer.complain(str(exc))
        return False
    return importer.use_data(data)


def _ask_which(parent) -> str | None:
    """The stem of the built-in set the person picks, or None."""
    titles = {translate("PatternSets", title): stem for stem, title in BUILT_IN.items()}
    title, chosen = QInputDialog.getItem(
        parent, translate("PatternData", "Learn a pattern set"),
        translate("PatternData", "Patterns for the machine to learn:"), list(titles), 0, False,
    )  # fmt: skip
    return titles[title] if chosen else None
