"""What the Analysis views were left showing, kept with the project.

Each view "is saved with the project where it has settings" (issue 18): the
state space's layer, the loss landscape's plane, seed and reach, whether
the Runs view shows every setting, and the two inputs the decision plot and the
neuron maps are drawn over when the data have more.  A view writes its choices into
``Session.view_settings`` (a flat table named ``"view.choice"``); a project
file keeps the table, and opening the project gives it back to the views.
These are ways of looking, not work: changing one does not make the project
unsaved, as moving a dock does not.

Read from a file, every value is checked against :data:`VIEW_SETTINGS`; one
of the wrong kind is refused in words, and a name this nnsim does not know
(written by a newer one) is passed over.
"""

from nnsim.text import translate

#: Each view setting: its type, and its least and greatest value (numbers) or its choices.
VIEW_SETTINGS: dict[str, tuple] = {
    "stateSpace.layer": (int, 0, 1_000),  # the index of the layer offered: 0 is the inputs
    "lossLandscape.plane": (str, ("random", "chosen")),
    "lossLandscape.seed": (int, 0, 999_999),
    "lossLandscape.reach": (float, 0.0, 1_000.0),  # 0: fit the path
    "runComparison.showAll": (bool,),
    # The two inputs the decision plot and the neuron maps are drawn over (data with more
    # than two inputs): indices, checked against the data when used (plane_axes).
    "plane.x": (int, 0, 1_000),
    "plane.y": (int, 0, 1_000),
}


def _fits(value, spec: tuple) -> bool:
    kind, *limits = spec
    if kind is float:
        if type(value) not in (int, float):
            return False
    elif type(value) is not kind:  # (a bool is no int here, nor an int a bool)
        return False
    if kind is str:
        return value in limits[0]
    if kind in (int, float):
        return limits[0] <= value <= limits[1]
    return True


def checked_view_settings(saved) -> dict:
    """The view settings a file holds, checked (names not known are left out).

    Raises
    ------
    ValueError
        Saying which value is not what its view can show.
    """
    if not isinstance(saved, dict):
        raise ValueError(translate("ViewSettings", "its view settings are not a table of names."))
    checked = {}
    for name, value in saved.items():
        spec = VIEW_SETTINGS.get(name)
        if spec is None:
            continue
        if not _fits(value, spec):
            message = translate("ViewSettings", "its view setting {name} cannot be {value}.")
            raise ValueError(message.format(name=name, value=repr(value)[:40]))
        checked[name] = value
    return checked
