"""Pruning (as SNNS does it): remove the connections whose weights are smallest in size.

A :class:`Pruner` looks at the session's trained network once and answers,
for any share of its connections, which would go and what the network would
score without them (:class:`PruningPlan`), with no retraining: a removed
connection is a weight of 0, so the network "after" is the same network with
those weights zeroed.  :func:`prune` then removes them from the document (one
:class:`~nnsim.model.Change`) and builds the network again, and every other
weight and every bias keeps its value exactly (the compiler carries trained
weights over); :func:`put_back` undoes it, each connection with its own weight.

What is pruned:

- Connections only, smallest :math:`|w|` first; biases never.  Ties go in the
  network's order: layer by layer, then the target's row, then the source's.
- ``share`` of the connections the network has, rounded to the nearest
  whole number (halves up).
- A neuron keeps its last outgoing connection: without it nothing it computes
  reaches the output, which the document's topology check refuses.  Such a
  connection is *spared* and the next smallest goes in its place (the plan
  counts them).  A neuron may lose every incoming connection: it then sends on
  a constant, its activation of its bias.
- The weights are the network's as trained: after a rewind, the latest ones,
  not the earlier ones shown (pruning shows the latest again).
"""

import copy
import math
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from nnsim.engine import metrics
from nnsim.errors import ConfigError
from nnsim.model.compiler import source_columns
from nnsim.model.records import Change, Connection
from nnsim.model.scoring import DataPart, choose_part, data_parts
from nnsim.text import translate


@dataclass(frozen=True)
class Score:
    """How a network does on one part of the data.

    Attributes
    ----------
    accuracy : float or None
        Share of samples classified right (None for a regression).
    error : float
        The training error measure (the error plot's), on that part.
    """

    accuracy: float | None
    error: float


@dataclass(frozen=True)
class PruningPlan:
    """Which connections a share removes, and the score before and after.

    Attributes
    ----------
    share : float
    total : int
        Connections the network has.
    count : int
        Connections it removes.
    spared : int
        Small connections kept because each was a neuron's last way out.
    part : DataPart
        The data scored (the held-out part when there is one).
    before, after : Score
    largest_removed : float
        The largest size :math:`|w|` of a removed weight (0 when none goes).
    removed : tuple of (source id, target id)
        The connections to remove, smallest weight first (named when first asked for:
        the dialog's live count needs no names).
    weights : tuple of float
        Their weights, in the same order.
    """

    share: float
    total: int
    count: int
    spared: int
    part: DataPart
    before: Score
    after: Score
    largest_removed: float
    _places: tuple = field(repr=False, compare=False)  # (layer, row, column) arrays
    _ids: tuple = field(repr=False, compare=False)  # per weight layer: target ids, source ids
    _weights: np.ndarray = field(repr=False, compare=False)

    @cached_property
    def removed(self) -> tuple[Connection, ...]:
        layer, row, column = (a.tolist() for a in self._places)
        targets, sources = self._ids
        return tuple(
            (sources[k][c], targets[k][r]) for k, r, c in zip(layer, row, column, strict=True)
        )

    @cached_property
    def weights(self) -> tuple[float, ...]:
        return tuple(self._weights.tolist())


def pruned_count(share: float, total: int) -> int:
    """How many of ``total`` connections a ``share`` removes: the nearest whole number."""
    return min(total, math.floor(share * total + 0.5))


class Pruner:
    """The session's trained network, ready to say what pruning any share would do.

    Parameters
    ----------
    session : Session
    part : {"held-out", "training"} or None
        The data to score; None: the held-out part when there is one.

    Raises
    ------
    ConfigError
        For a Hopfield network, while training runs, or when the drawing is no
        network (the reason in words).
    """

    def __init__(self, session, part: str | None = None):
        if session.is_hopfield:
            raise ConfigError(
                translate(
                    "Pruning",
                    "A Hopfield network connects every neuron to every other: "
                    "it has no connections to prune.",
                )
            )
        if session.busy:
            raise ConfigError(
                translate("Pruning", "Training is using the network: stop it to prune.")
            )
        if not session.catch_up():
            raise ConfigError(session.problem)
        compiled = session.compiled
        self.part = choose_part(data_parts(session.data, session.validation), part)
        self.network = copy.deepcopy(compiled.network)  # the one "after" is scored with
        self._weights, self._biases = self.network.parameters()
        ids = [[None] * len(session.document.neurons_of(layer)) for layer in compiled.layer_ids]
        for neuron, (layer, row) in compiled.index.items():
            ids[layer][row] = neuron
        # The neuron each weight column comes from: the layer before, then any skip sources.
        sources = [
            [nid for source in source_columns(self.network, k) for nid in ids[source]]
            for k in range(1, len(ids))
        ]
        masks = compiled.mask_matrices()
        layers, rows, columns, sizes = [], [], [], []
        for k, W in enumerate(self._weights):
            present = np.ones(W.shape, bool) if masks is None else masks[k] == 1
            r, c = np.nonzero(present)  # C order: target row, then source column
            layers.append(np.full(r.size, k))
            rows.append(r)
            columns.append(c)
            sizes.append(np.abs(W[r, c]))
        order = np.argsort(np.concatenate(sizes), kind="stable")  # ties: the network's order
        #: Every connection (layer, target row, source column), smallest weight first.
        self._layer, self._row, self._column = (
            np.concatenate(a)[order] for a in (layers, rows, columns)
        )
        # A connection may go unless it is its source's last way out: the largest of the
        # source's connections (the last in the order) is what is left when the rest have gone.
        number = {nid: n for n, nid in enumerate(compiled.index)}
        column_neuron = [np.array([number[nid] for nid in ids_k]) for ids_k in sources]
        source = np.concatenate([column_neuron[k][c] for k, c in enumerate(columns)])
        source = source[order]
        last = source.size - 1 - np.unique(source[::-1], return_index=True)[1]
        self._may_go = np.ones(source.size, bool)
        self._may_go[last] = False
        self._ids = (ids[1:], sources)
        self.before = self._score()

    @property
    def total(self) -> int:
        """The connections the network has."""
        return self._layer.size

    @property
    def most(self) -> int:
        """The most connections any share removes: all but each neuron's last way out."""
        return int(np.count_nonzero(self._may_go))

    def plan(self, share: float) -> PruningPlan:
        """What removing ``share`` (0 < share < 1) of the connections would do.

        Raises
        ------
        ConfigError
            For a share outside (0, 1).
        """
        if not 0 < share < 1:
            raise ConfigError(
                translate(
                    "Pruning", "Prune a share between 0% and 100% of the connections, not {share}."
                ).format(share=f"{share:.0%}" if math.isfinite(share) else share)
            )
        candidates = np.flatnonzero(self._may_go)
        wanted = pruned_count(share, self.total)
        chosen = candidates[:wanted]
        # Spared: the last ways out met before the last connection chosen (all, if it ran out).
        reached = chosen[-1] + 1 if chosen.size else 0
        if wanted > candidates.size:
            reached = self.total
        spared = int(np.count_nonzero(~self._may_go[:reached]))
        layer, row, column = self._layer[chosen], self._row[chosen], self._column[chosen]
        weights = [W.copy() for W in self._weights]
        removed = np.zeros(chosen.size, dtype=np.float64)
        for k, W in enumerate(weights):
            here = layer == k
            removed[here] = W[row[here], column[here]]
            W[row[here], column[here]] = 0.0
        return PruningPlan(
            share=share,
            total=self.total,
            count=int(chosen.size),
            spared=spared,
            part=self.part,
            before=self.before,
            after=self._score(weights),
            largest_removed=float(np.abs(removed).max(initial=0.0)),
            _places=(layer, row, column),
            _ids=self._ids,
            _weights=removed,
        )

    def _score(self, weights=None) -> Score:
        """The network's score on the part, with ``weights`` instead of its own if given."""
        network = self.network
        original = self._weights
        if weights is not None:
            network.set_parameters(weights, self._biases)
        try:
            data = self.part.data
            error = float(network.loss_value(data.X, data.T))
            accuracy = None
            if data.task == "classification":
                predicted = metrics.labels_from_outputs(network.predict(data.X))
                accuracy = metrics.accuracy(data.y, predicted)
        finally:
            if weights is not None:
                network.set_parameters(original, self._biases)
        return Score(accuracy, error)


def prune(session, plan: PruningPlan) -> Change:
    """Remove the plan's connections from the document and build the network again.

    Every other weight and every bias keeps its value exactly.  Returns the
    document's change (its inverse puts the connections back; see :func:`put_back`).

    Raises
    ------
    ConfigError
        While training runs.
    TopologyError
        When the document no longer has one of the connections.
    """
    if session.busy:
        raise ConfigError(translate("Pruning", "Training is using the network: stop it to prune."))
    change = session.document.remove(connections=plan.removed)
    session.catch_up()
    return change


def put_back(session, plan: PruningPlan, change: Change) -> bool:
    """Undo :func:`prune`: the connections come back, each with the weight it had.

    Returns False (and the connections come back with new weights) when the
    network cannot be built now.
    """
    session.document.apply(change.inverse())
    if not session.catch_up():
        return False
    session.set_numbers(
        {
            (target, source): w
            for (source, target), w in zip(plan.removed, plan.weights, strict=True)
        }
    )
    # Building the network again said they were new ones: they are not.
    session.say(translate("Pruning", "The pruned connections are back, each with its own weight."))
    return True
