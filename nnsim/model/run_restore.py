"""Putting a kept run's weights and error history back into the network (``Restore``).

A :class:`~nnsim.model.runs.KeptRun` goes back only into the network it was
trained as (the same layer sizes, activations, biases and connections) and on
the same data: anything else is refused, saying in words what differs and how
to put it back, and nothing changes.  Restoring is unsaved work, as training is.
"""

from nnsim.errors import ConfigError
from nnsim.model.runs import KeptRun, activations, data_key, layer_sizes, same_masks
from nnsim.model.session import DATA_SETTINGS
from nnsim.model.settings import SPECS, choice_title, short_title
from nnsim.text import translate


def restore_run(session, run: KeptRun) -> None:
    """Put ``run``'s final weights and its error history back into ``session``'s network.

    The views hear of it (``network_changed``, ``weights_changed``: unsaved
    work), and the next Train goes on from there, continuing ``run``.

    Raises
    ------
    ConfigError
        While training uses the network; when the network drawn now is not the
        run's (other layer sizes, activations, biases or connections) or its data
        are not the run's; saying in words what differs.
    """
    if session.busy:
        raise ConfigError(
            translate("RunLog", "Training is using the network: stop it to restore {run}.").format(
                run=run.name
            )
        )
    if not session.catch_up():
        raise ConfigError(session.problem)
    problem = _network_problem(session, run) or _data_problem(session, run)
    if problem:
        raise ConfigError(problem)
    history = {"train": run.train, "validation": run.validation, "accuracy": run.accuracy,
               "epochs": run.epochs}  # fmt: skip
    session.restore(list(run.weights), list(run.biases), history)
    # Session.restore is how an opened project's weights come back, which is no change
    # to save; weights restored here replace the person's: unsaved until saved.
    session.events.weights_changed.emit()


def _network_problem(session, run: KeptRun) -> str | None:
    """Why ``run``'s weights do not fit the session's network, in words (None: they fit)."""
    compiled, fields = session.compiled, {"run": run.name}
    sizes = layer_sizes(compiled.network.parameters()[0])
    if sizes != run.sizes:
        text = translate(
            "RunLog",
            "{run} was a {then} network; the editor now has {now}. Make the network "
            "{then} again to restore {run}.",
        )
        fields.update(then=run.layers_text, now="-".join(str(size) for size in sizes))
    elif (computed := activations(session.document)) != run.activations:
        text = translate(
            "RunLog",
            "{run}'s layers computed {then}; the editor's now compute {now}. Set the "
            "activations back to restore {run}.",
        )
        fields.update(then=", ".join(run.activations), now=", ".join(computed))
    elif bool(compiled.network.has_bias) != run.bias:
        text = (
            translate("RunLog", "{run}'s network had biases; the editor's has none now.")
            if run.bias
            else translate("RunLog", "{run}'s network had no biases; the editor's has them now.")
        )
    elif not same_masks(compiled.mask_matrices(), run.masks):
        text = translate(
            "RunLog",
            "{run}'s network had other connections than the editor's now: its weights "
            "would not fit.",
        )
    else:
        return None
    return text.format(**fields)


def _data_problem(session, run: KeptRun) -> str | None:
    """Why ``run`` was trained on other data than the session's now, in words (None: same)."""
    if data_key(session.data, session.validation) == run.data_key:
        return None
    changes = [
        translate("RunLog", "{setting} {then} (now {now})").format(
            setting=short_title(SPECS[name]),
            then=_shown(name, run.settings.get(name)),
            now=_shown(name, session.settings[name]),
        )
        for name in sorted(DATA_SETTINGS | {"seed"})
        if run.settings.get(name) != session.settings[name]
    ]
    if not changes:
        return translate(
            "RunLog",
            "{run} was trained on other data than the editor's now: it cannot be restored.",
        ).format(run=run.name)
    return translate(
        "RunLog", "{run} was trained on other data: {changes}. Set them back to restore {run}."
    ).format(run=run.name, changes="; ".join(changes))


def _shown(name: str, value) -> str:
    """A setting's value as the panel shows it."""
    return choice_title(name, value) if SPECS[name].kind == "choice" else f"{value:g}"
