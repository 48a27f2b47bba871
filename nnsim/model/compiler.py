"""Turn a :class:`NetworkDocument` into an engine network.

Layers become weight matrices of shape ``(n_out, n_in)``, rows in each
layer's neuron order; a connection the person removed becomes a 0 in the
layer's mask (and a weight that stays 0).  :class:`CompiledNetwork` keeps
the index from neuron id to ``(layer, row)`` so views can find each neuron's
value.

Compiling again after an edit can carry the trained weights over: every
connection (and bias) present in both the previous network and the new one
keeps its value, and only the new ones are initialised.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from nnsim.engine import MLP, RBM, Hopfield, Perceptron
from nnsim.engine._checks import as_rng
from nnsim.engine.activations import get_activation
from nnsim.errors import TopologyError
from nnsim.model.document import NetworkDocument
from nnsim.text import translate


@dataclass(frozen=True)
class CompiledNetwork:
    """An engine network built from a document, and how its parts map back.

    Attributes
    ----------
    network : MLP, Perceptron, Hopfield or RBM
    index : mapping of neuron id to (layer, row)
        Layer 0 is the input layer (an RBM's visible one); a Hopfield network has only layer 0.
    layer_ids : tuple of str
        The document's layer ids, in order.
    kept, initialised : int
        Weights and biases carried over from the previous network, and
        initialised afresh.
    """

    network: MLP | Perceptron | Hopfield | RBM
    index: Mapping[str, tuple[int, int]]
    layer_ids: tuple[str, ...]
    kept: int = 0
    initialised: int = 0

    def weight_matrices(self) -> list[np.ndarray]:
        """The live weight matrices, one (n_out, n_in) array per layer."""
        return self.network.parameters()[0]

    def bias_vectors(self) -> list[np.ndarray]:
        """The live bias vectors, one (n_out,) array per layer after the input (an RBM's
        visible biases come after its hidden ones)."""
        return self.network.parameters()[1]

    def mask_matrices(self) -> list[np.ndarray] | None:
        """The 0/1 connection masks, one per layer, or None when every connection is there."""
        return self.network.masks

    def parameter_index(self, target: str, source: str | None = None) -> tuple[bool, int, tuple]:
        """Where a number of the drawn network lives: (is a weight, layer, index in it).

        The weight of the connection ``source`` -> ``target`` is ``weights[layer][row,
        column]`` (row: the target's, column: the source's, after the columns of the
        layers before it when it is a skip: :func:`source_columns`); ``target``'s bias (no
        ``source``) is ``biases[layer][row]`` (a visible unit's, ``biases[1][row]``).
        Raises KeyError for a neuron the network does not hold, a bias of an input, and
        a weight of no connection.
        """
        layer, row = self.index[target]
        if source is None:
            if layer == 0 and isinstance(self.network, RBM):
                return False, 1, (row,)
            if layer == 0:
                raise KeyError(target)
            return False, layer - 1, (row,)
        source_layer, column = self.index[source]
        offset = source_columns(self.network, layer).get(source_layer)
        masks = self.mask_matrices()
        if offset is None:
            raise KeyError((source, target))
        where = (row, offset + column)
        if masks is not None and not masks[layer - 1][where]:
            raise KeyError((source, target))
        return True, layer - 1, where


def source_columns(network, layer: int) -> dict[int, int]:
    """Layer ``layer``'s first weight column for each layer that feeds it (skips too).

    Row ``j`` of ``weights[layer - 1]`` holds neuron ``j``'s weights from layer
    ``layer - 1`` first, then from each skip source (:mod:`nnsim.engine.mlp_skips`).
    """
    blocks = getattr(network, "input_blocks", None)
    if blocks is None:  # a perceptron: one layer of weights, from the inputs
        return {0: 0}
    return {source: start for source, start, _stop in blocks[layer - 1]}


def check_topology(document: NetworkDocument) -> None:
    """Raise :class:`TopologyError` naming the parts at fault if the graph is no network.

    A layered network needs an input and an output layer, a neuron in every
    layer, and a path from every neuron to the output.
    """
    layers = document.layers
    if document.kind == "hopfield":
        if not document.grid:
            raise TopologyError(translate("Compiler", "This Hopfield network has no neurons."))
        return
    if len(layers) < 2:
        if layers:
            text = translate(
                "Compiler",
                "A network needs an input layer and an output layer: add an output layer.",
            )
        else:
            text = translate(
                "Compiler", "A network needs an input layer and an output layer: add two layers."
            )
        raise TopologyError(text, layer_ids=[layer.id for layer in layers])
    if document.kind == "rbm":
        check_rbm(document)
        return
    if document.kind == "perceptron" and len(layers) != 2:
        raise TopologyError(
            translate("Compiler", "A perceptron has exactly one input and one output layer."),
            layer_ids=[layer.id for layer in layers[1:-1]],
        )
    empty = [i for i, layer in enumerate(layers) if not document.neurons_of(layer.id)]
    if empty:
        names = ", ".join(layer_name(document, layers[i].id) for i in empty)
        raise TopologyError(
            translate("Compiler", "Every layer needs at least one neuron; empty: {layers}.").format(
                layers=names
            ),
            layer_ids=[layers[i].id for i in empty],
        )
    misplaced = [layer.id for layer in layers[:-1] if get_activation(layer.activation).output_only]
    if document.kind == "mlp" and misplaced:
        names = ", ".join(layer_name(document, i) for i in misplaced)
        raise TopologyError(
            translate(
                "Compiler",
                "Softmax normalises a whole output layer, so only the output layer can use it; "
                "it is set on {layers}. Give that layer another activation.",
            ).format(layers=names),
            layer_ids=misplaced,
        )
    stranded = _without_path_to_output(document)
    if stranded:
        listed = ", ".join(stranded[:8]) + (" ..." if len(stranded) > 8 else "")
        raise TopologyError(
            translate(
                "Compiler",
                "{count} neuron(s) have no path to the output, so nothing they compute "
                "is ever seen: {neurons}. Connect them to the next layer or delete them.",
            ).format(count=len(stranded), neurons=listed),
            neuron_ids=stranded,
        )


def check_rbm(document: NetworkDocument) -> None:
    """Raise :class:`TopologyError` unless the document is a restricted Boltzmann machine:
    a visible and a hidden layer, each with a neuron, every pair of them connected, biases on.
    """
    layers = document.layers
    sizes = document.layer_sizes
    if len(layers) != 2 or min(sizes) < 1:
        raise TopologyError(
            translate(
                "Compiler",
                "A restricted Boltzmann machine has one visible and one hidden layer, "
                "each with at least one neuron.",
            ),
            layer_ids=[layer.id for layer in layers],
        )
    if len(document.connections) != sizes[0] * sizes[1] or not document.bias:
        raise TopologyError(
            translate(
                "Compiler",
                "A restricted Boltzmann machine joins every visible neuron to every hidden one, "
                "and every neuron has a bias: connect them all and turn biases on.",
            ),
            layer_ids=[layer.id for layer in layers],
        )


def layer_name(document: NetworkDocument, layer_id: str) -> str:
    """A layer as the editor labels it: "the input layer", "hidden layer 2", "the output layer"."""
    role = document.role(layer_id)
    if role == "hidden" and document.kind != "rbm":
        hidden = translate("Compiler", "hidden layer {number}")
        return hidden.format(number=document.layer_index(layer_id))
    if role == "input":
        return translate("Compiler", "the input layer")
    if role == "output":
        return translate("Compiler", "the output layer")
    if role == "visible":
        return translate("Compiler", "the visible layer")
    if role == "hidden":  # (a Boltzmann machine's)
        return translate("Compiler", "the hidden layer")
    return translate("Compiler", "the hopfield layer")


def _without_path_to_output(document: NetworkDocument) -> list[str]:
    """Ids of neurons from which no chain of connections reaches the output layer."""
    layers = document.layers
    reaches = set(document.neurons_of(layers[-1].id))
    incoming: dict[str, list[str]] = {}
    for source, target in document.connections:
        incoming.setdefault(target, []).append(source)
    for layer in reversed(layers[1:]):
        for target in document.neurons_of(layer.id):
            if target in reaches:
                reaches.update(incoming.get(target, ()))
    return [n.id for n in document.neurons if n.id not in reaches]


def compile(  # shadows the builtin on purpose: DESIGN.md names it compile(document)
    document: NetworkDocument,
    *,
    loss: str = "sse",
    init: str = "xavier",
    init_limit: float = 0.5,
    dtype=np.float64,
    rng=None,
    previous: CompiledNetwork | None = None,
) -> CompiledNetwork:
    """Build the engine network the document describes.

    Parameters
    ----------
    document : NetworkDocument
    loss, init, init_limit, dtype :
        Passed to :class:`~nnsim.engine.MLP`.
    rng : np.random.Generator or int, optional
        Source of the initial weights.
    previous : CompiledNetwork, optional
        An earlier compile of this document: its weights and biases carry
        over wherever the same connection or neuron still exists.

    Raises
    ------
    TopologyError
        If the graph cannot be a network (see :func:`check_topology`).
    """
    check_topology(document)
    layer_ids = tuple(layer.id for layer in document.layers)
    rows = [document.neurons_of(layer_id) for layer_id in layer_ids]
    index = {nid: (layer, row) for layer, ids in enumerate(rows) for row, nid in enumerate(ids)}
    rng = as_rng(rng)
    if document.kind == "hopfield":
        return CompiledNetwork(Hopfield(len(rows[0])), index, layer_ids)
    sizes = [len(ids) for ids in rows]
    if document.kind == "rbm":
        network = RBM(sizes[0], sizes[1], dtype=dtype, rng=rng)
    elif document.kind == "perceptron":
        network = Perceptron(sizes[0], sizes[1], rule=document.rule, bias=document.bias, rng=rng)
    else:
        network = MLP(
            sizes,
            activation=[layer.activation for layer in document.layers[1:]],
            loss=loss,
            bias=document.bias,
            skips=document.skip_layers(),
            dropout=[*(layer.dropout for layer in document.layers[1:-1]), 0.0],
            init=init,
            init_limit=init_limit,
            dtype=dtype,
            rng=rng,
        )
    compiled = CompiledNetwork(network, index, layer_ids)
    masks = _masks(document, network, index)
    if any(not mask.all() for mask in masks):
        network.masks = masks
    kept = _carry_over(previous, compiled) if previous is not None else 0
    biased = sizes if document.kind == "rbm" else sizes[1:]  # (an RBM's visible ones too)
    total = sum(int(m.sum()) for m in masks) + (sum(biased) if document.bias else 0)
    return CompiledNetwork(network, index, layer_ids, kept=kept, initialised=total - kept)


def _masks(document, network, index) -> list[np.ndarray]:
    """0/1 arrays shaped like the weights: 1 where a connection is drawn."""
    masks = [np.zeros(W.shape) for W in network.parameters()[0]]
    for source, target in document.connections:
        (layer, row), (source_layer, column) = index[target], index[source]
        masks[layer - 1][row, source_columns(network, layer)[source_layer] + column] = 1.0
    return masks


def _carry_over(previous: CompiledNetwork, new: CompiledNetwork) -> int:
    """Copy every weight and bias that exists in both networks; return how many."""
    if type(previous.network) is not type(new.network) or isinstance(new.network, Hopfield):
        return 0
    old_layer = {layer_id: k for k, layer_id in enumerate(previous.layer_ids)}
    old_masks, new_masks = previous.mask_matrices(), new.mask_matrices()
    weights, old_weights = new.weight_matrices(), previous.weight_matrices()
    kept = 0
    for k in range(1, len(new.layer_ids)):
        target_layer, j = new.layer_ids[k], old_layer.get(new.layer_ids[k], 0)
        if j == 0:
            continue  # the layer is new, or was the input: it had no weights
        old_columns = source_columns(previous.network, j)
        for source, new_start in source_columns(new.network, k).items():
            source_layer = new.layer_ids[source]
            old_start = old_columns.get(old_layer.get(source_layer, -1))
            if old_start is None:
                continue  # these layers were not joined before: nothing to keep
            new_in, old_in = _shared_rows(previous, new, source_layer)
            new_out, old_out = _shared_rows(previous, new, target_layer)
            block, old_block = (
                np.ix_(new_out, new_in + new_start),
                np.ix_(old_out, old_in + old_start),
            )
            present = np.ones((len(new_out), len(new_in)), dtype=bool)
            if old_masks is not None:
                present &= old_masks[j - 1][old_block] == 1
            if new_masks is not None:
                present &= new_masks[k - 1][block] == 1
            weights[k - 1][block] = np.where(
                present, old_weights[j - 1][old_block], weights[k - 1][block]
            )
            kept += int(present.sum())
    if new.network.has_bias and previous.network.has_bias:
        biases, old_biases = new.bias_vectors(), previous.bias_vectors()
        for k, layer_id in enumerate(new.layer_ids[1:]):
            j = old_layer.get(layer_id, 0)
            if j > 0:  # the layer had biases before (it was not the input)
                new_rows, old_rows = _shared_rows(previous, new, layer_id)
                biases[k][new_rows] = old_biases[j - 1][old_rows]
                kept += len(new_rows)
    if isinstance(new.network, RBM):  # its visible biases come last
        new_rows, old_rows = _shared_rows(previous, new, new.layer_ids[0])
        new.bias_vectors()[1][new_rows] = previous.bias_vectors()[1][old_rows]
        kept += len(new_rows)
    return kept


def _shared_rows(previous, new, layer_id):
    """Rows, in the new and the old network, of the neurons of ``layer_id`` found in both.

    A neuron counts as found only in the same layer: a deleted neuron's id
    may be given to a new neuron elsewhere (a reopened document numbers new
    neurons from the lowest free id).
    """
    pairs = [
        (row, previous.index[nid][1])
        for nid, (layer, row) in new.index.items()
        if new.layer_ids[layer] == layer_id
        and nid in previous.index
        and previous.layer_ids[previous.index[nid][0]] == layer_id
    ]
    new_rows = np.array([p[0] for p in pairs], dtype=int)
    old_rows = np.array([p[1] for p in pairs], dtype=int)
    return new_rows, old_rows
