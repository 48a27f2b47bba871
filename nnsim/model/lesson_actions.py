"""What a lesson's "Show me" can do: each action a change made on a session.

A lesson file names an action with its arguments (``{"set_number": [0.6, "n4",
"n2"]}``, ``{"train": 200}``, ``{"reset": null}``); :data:`ACTIONS` maps each
name to ``act(run, *arguments)``, ``run`` being the
:class:`~nnsim.model.lessons.LessonRun`.  An action that changes the network's
numbers, the drawing, a setting or the pattern memory tells
``run.record(text, apply, before, after)`` what it did, so the window can make
it one undo step (``apply(before)`` undoes it, ``apply(after)`` redoes it).
Training and stepping are not undone, as the Train menu's are not.
"""

from functools import partial

from nnsim.errors import ConfigError
from nnsim.model.settings import title
from nnsim.text import translate


def open_example(run, name: str) -> None:
    """Open the example project ``name`` (as File > Open Example does)."""
    run.open_example(name)


def set_number(run, value: float, target: str, source: str | None = None) -> None:
    """Set the weight ``source`` -> ``target``, or ``target``'s bias, to ``value``."""
    session = run.session
    before = session.set_number(value, target, source)
    if source:
        text = translate("LessonActions", "Set weight {source} → {target}")
    else:
        text = translate("LessonActions", "Set bias of {target}")
    text = text.format(source=source, target=target)
    run.record(text, lambda number: session.set_number(number, target, source), before, value)


def setting(run, name: str, value) -> None:
    """Set the setting ``name`` to ``value``."""
    settings = run.session.settings
    before = settings[name]
    settings.set(name, value)
    text = translate("LessonActions", "Set {setting}").format(setting=title(settings.spec(name)))
    run.record(text, partial(settings.set, name), before, settings[name])


def activation(run, layer: str, name: str) -> None:
    """Give ``layer``'s neurons the activation ``name``."""
    document = run.session.document
    change = document.set_property(layer, "activation", name)
    text = translate("LessonActions", "Activation {name}").format(name=name)
    run.record(text, document.apply, change.inverse(), change)
    run.session.catch_up()  # built at once, the weights kept: the neurons show their values


def train(run, epochs: int) -> None:
    """Train ``epochs`` epochs (fewer if a stopping rule ends the run first)."""
    for _report in run.session.train(max_epochs=int(epochs)):
        pass


def step_sample(run, count: int = 1) -> None:
    """Show the network the next ``count`` samples, one update each."""
    for _ in range(int(count)):
        run.session.step_sample()


def reset(run) -> None:
    """New random weights from the seed and an empty history (Train > Reset)."""
    run.session.reset()


def _memory(run):
    if not run.session.is_hopfield:
        raise ConfigError(
            translate("LessonActions", "This lesson step needs a Hopfield memory: open one first.")
        )
    return run.session.memory


def _change_memory(run, part: str, text: str, change) -> None:
    """Make ``change()`` on the memory's ``part`` and record it as one step (after a recall
    under way has been stopped: it would go on from the state it had)."""
    memory, session = _memory(run), run.session
    session.stop_threads()
    before = memory.snapshot(part)
    change(memory)

    def restore(saved) -> None:  # (undo and redo stop a recall first, as the window's own do)
        session.stop_threads()
        memory.restore(part, saved)

    run.record(text, restore, before, memory.snapshot(part))


def show_pattern(run, name: str) -> None:
    """Draw the library pattern ``name`` on the grid."""
    patterns = {p.name: p.cells for p in _memory(run).library}
    if name not in patterns:
        raise ConfigError(
            translate("LessonActions", "The library has no pattern called {name}.").format(
                name=repr(name)
            )
        )
    cells = patterns[name]
    text = translate("LessonActions", "Show {name}").format(name=name)
    _change_memory(run, "current", text, lambda memory: memory.set_current(cells))


def corrupt(run, fraction: float, seed: int = 0) -> None:
    """Flip ``fraction`` of the grid's cells, chosen at random from ``seed``."""
    text = translate("LessonActions", "Corrupt")
    _change_memory(run, "current", text, lambda memory: memory.corrupt(fraction, seed))


def store(run, rule: str) -> None:
    """Store the whole library in a fresh network with ``rule``."""
    _change_memory(run, "stored", translate("LessonActions", "Store"), lambda m: m.store(rule))


def recall(run, seed: int = 0) -> None:
    """Let the grid's state settle (asynchronous updates in a random order from ``seed``)."""

    def settle(memory):
        memory.set_current(memory.network.recall(memory.current, rng=seed).state)

    _change_memory(run, "current", translate("LessonActions", "Recall"), settle)


#: Each action a lesson's solution may name: ``act(run, *arguments)``.
ACTIONS = {
    "open": open_example,
    **{
        act.__name__: act
        for act in (set_number, setting, activation, train, step_sample, reset, show_pattern,
                    corrupt, store, recall)
    },
}  # fmt: skip


def arguments(args) -> tuple:
    """An action's arguments as written in a lesson file: a list, one value, or null (none)."""
    if args is None:
        return ()
    return tuple(args) if isinstance(args, list) else (args,)
