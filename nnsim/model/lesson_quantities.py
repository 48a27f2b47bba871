"""What a lesson can measure: each quantity a number read from a session.

A lesson file names a quantity by its kind and arguments (``["value", "n3",
1.0, 0.5]``); :data:`MEASURES` maps each kind to the function that measures it,
``measure(session, *arguments) -> float``.  A measure raises ConfigError, in
plain words, when the session cannot answer (no network, nothing held out, no
pattern of that name), so a check on it just does not hold yet.

``session`` is a :class:`~nnsim.model.session.Session` (not imported: the lesson
files' reader in :mod:`nnsim.io` may not import the session).
"""

import numpy as np

from nnsim.engine import metrics
from nnsim.engine.training import train
from nnsim.errors import ConfigError
from nnsim.model.compiler import compile
from nnsim.model.scoring import data_parts
from nnsim.model.values import input_blocks, layer_values
from nnsim.text import translate

#: The most samples ["stuck", runs, epochs, ...] may train on in all, runs x epochs x samples
#: (lesson 4's twenty 2-2-1 starts on XOR: 80,000, about a second).
MAX_STUCK_WORK = 2_000_000
#: What ["score", metric, ...] may ask for.
METRICS = ("accuracy", "precision", "recall", "f1")


def _network(session):
    """The network shown, compiled from the document first if it was edited."""
    if session.is_hopfield or not session.catch_up():
        raise ConfigError(
            session.problem
            or translate("LessonQuantities", "This lesson step needs a network that trains.")
        )
    return session.display_network


def _forward(session, x: np.ndarray) -> list[np.ndarray]:
    """Every layer's output for one sample ``x`` (as the network sees it), the input first."""
    network = _network(session)
    weights, biases = network.parameters()
    _net_inputs, outputs = layer_values(
        weights, biases if network.has_bias else None, network.activations, x,
        input_blocks(network),
    )  # fmt: skip
    return outputs


def _neuron(session, neuron: str) -> tuple[int, int]:
    """(layer, row) of ``neuron`` in the compiled network."""
    try:
        return session.compiled.index[neuron]
    except KeyError:
        raise ConfigError(
            translate("LessonQuantities", "The network has no neuron {neuron}.").format(
                neuron=repr(neuron)
            )
        ) from None


def weight(session, target: str, source: str) -> float:
    """The weight of the connection ``source`` -> ``target``."""
    _network(session)
    return session.number(target, source)


def bias(session, target: str) -> float:
    """``target``'s bias."""
    _network(session)
    return session.number(target)


def output(session, *inputs: float) -> float:
    """The first output for ``inputs`` in the data's own units."""
    network = _network(session)
    return float(network.predict(session.network_inputs(inputs)[np.newaxis])[0, 0])


def value(session, neuron: str, *inputs: float) -> float:
    """``neuron``'s value (its activation's output) for ``inputs`` in the data's own units."""
    outputs = _forward(session, session.network_inputs(inputs))
    layer, row = _neuron(session, neuron)
    return float(outputs[layer][row])


def sent_back(session, neuron: str, row: int) -> float:
    r"""The error a hidden ``neuron`` gets back for training sample ``row`` (from 1).

    The output errors :math:`e = t - o` go back through the weights they came
    by, :math:`e_{k-1} = W_k^T e_k` (the book's split without its division),
    down to ``neuron``'s layer (an output neuron's is its own error :math:`e`).
    """
    data = session.data
    if row != int(row) or not 1 <= row <= data.n_samples:
        raise ConfigError(
            translate("LessonQuantities", "The data has samples 1 to {last}, not {row}.").format(
                last=data.n_samples, row=row
            )
        )
    outputs = _forward(session, data.X[int(row) - 1])
    layer, where = _neuron(session, neuron)
    error = data.T[int(row) - 1] - outputs[-1]
    weights = _network(session).parameters()[0]
    for k in range(len(weights) - 1, layer - 1, -1):  # along the main weights (no skips)
        error = weights[k][:, : outputs[k].size].T @ error
    return float(error[where])


def error(session) -> float:
    """The error on the training data now (what the error plot shows)."""
    return float(_network(session).loss_value(session.data.X, session.data.T))


def validation_error(session) -> float:
    """The error on the held-out part."""
    network = _network(session)
    if session.validation is None or session.validation.n_samples == 0:
        raise ConfigError(
            translate("LessonQuantities", "Nothing is held out: set a validation share first.")
        )
    return float(network.loss_value(session.validation.X, session.validation.T))


def score(session, metric: str, part: str, k: int | None = None) -> float:
    """``metric`` on the ``part`` ("held-out" or "training"): class ``k``'s own, else the
    average over the classes (accuracy has no class)."""
    network = _network(session)
    if metric not in METRICS:
        raise ConfigError(
            translate(
                "LessonQuantities", "{metric} is no score: a score is one of {scores}."
            ).format(metric=repr(metric), scores=", ".join(METRICS))
        )
    chosen = [p for p in data_parts(session.data, session.validation) if p.kind == part]
    if not chosen:
        raise ConfigError(
            translate("LessonQuantities", "There is no {part} data to score.").format(part=part)
        )
    data = chosen[0].data
    if data.task != "classification":
        raise ConfigError(
            translate(
                "LessonQuantities", "{data} is not a classification: it has no {metric}."
            ).format(data=data.name, metric=metric)
        )
    predicted = metrics.labels_from_outputs(network.predict(data.X))
    if metric == "accuracy":
        return float(metrics.accuracy(data.y, predicted))
    per_class = getattr(metrics, metric)(data.y, predicted, n_classes=data.n_classes)
    if k is not None and (k != int(k) or not 0 <= k < len(per_class)):
        raise ConfigError(
            translate("LessonQuantities", "The data's classes are 0 to {last}, not {k}.").format(
                last=len(per_class) - 1, k=k
            )
        )
    return float(np.mean(per_class) if k is None else per_class[int(k)])


def uses(session, layer: str, activation: str) -> float:
    """1.0 when ``layer``'s neurons use ``activation``, else 0.0."""
    try:
        return float(session.document.activation_of(layer) == activation)
    except KeyError:
        raise ConfigError(
            translate("LessonQuantities", "The network has no layer {layer}.").format(
                layer=repr(layer)
            )
        ) from None


def stuck(session, runs: int, epochs: int, above: float) -> float:
    """Of ``runs`` fresh starts (seeds 1 to ``runs``, everything else as set), how many
    still have a training error above ``above`` after ``epochs`` epochs.

    At most :data:`MAX_STUCK_WORK` samples in all (runs x epochs x samples): a lesson
    file asking for more, which would hold the window for minutes, is refused.
    """
    _network(session)
    work = runs * epochs * session.data.n_samples
    if not (runs >= 1 and epochs >= 1 and work <= MAX_STUCK_WORK):
        raise ConfigError(
            translate(
                "LessonQuantities",
                "A lesson may train fresh starts on at most {most} samples "
                "in all, not {runs} runs of {epochs} epochs.",
            ).format(most=f"{MAX_STUCK_WORK:,}", runs=runs, epochs=epochs)
        )
    settings, count = session.settings, 0
    for seed in range(1, int(runs) + 1):
        compiled = compile(session.document, loss=settings["loss"], init=settings["init"],
                           init_limit=settings["init_limit"], rng=seed)  # fmt: skip
        config = settings.training_config(max_epochs=int(epochs), seed=seed)
        for _report in train(compiled.network, session.data, config):
            pass
        count += compiled.network.loss_value(session.data.X, session.data.T) > above
    return float(count)


def epochs(session) -> float:
    """The epochs trained since the weights were last reset."""
    return float(session.history.count)


def setting(session, name: str) -> float:
    """A setting's value (ConfigError for no such setting, or one that is no number)."""
    value = session.settings[name]
    if isinstance(value, str):
        raise ConfigError(
            translate(
                "LessonQuantities", "The setting {name} is {value}, not a number: ask 'setting_is'."
            ).format(name=repr(name), value=repr(value))
        )
    return float(value)


def setting_is(session, name: str, value) -> float:
    """1.0 when the setting ``name`` is ``value`` (a choice such as the data set), else 0.0."""
    return float(session.settings[name] == value)  # (ConfigError for no such setting)


def _memory(session):
    if not session.is_hopfield:
        raise ConfigError(
            translate(
                "LessonQuantities", "This lesson step needs a Hopfield memory: open one first."
            )
        )
    return session.memory


def energy(session) -> float:
    r"""The energy of the state on the grid, :math:`E = -\tfrac12 s^T W s`."""
    memory = _memory(session)
    return memory.network.energy(memory.current)


def overlap(session, name: str) -> float:
    r"""The overlap :math:`m = \xi \cdot s / N` of the grid with the library pattern ``name``."""
    memory = _memory(session)
    pattern = next((p for p in memory.library if p.name == name), None)
    if pattern is None:
        raise ConfigError(
            translate("LessonQuantities", "The library has no pattern called {name}.").format(
                name=repr(name)
            )
        )
    return float(pattern.cells @ memory.current / memory.n)


def stored(session) -> float:
    """How many patterns the network stores."""
    return float(len(_memory(session).stored_names))


def capacity(session) -> float:
    """How many patterns the storage rule recalls with this many neurons (the load meter's)."""
    return float(_memory(session).capacity.limit)


#: Each quantity a lesson may name, by kind: ``measure(session, *arguments) -> float``.
MEASURES = {
    measure.__name__: measure
    for measure in (weight, bias, output, value, sent_back, error, validation_error, score,
                    uses, stuck, epochs, setting, setting_is, energy, overlap, stored, capacity)
}  # fmt: skip
