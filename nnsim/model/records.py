"""The parts of a network document, as plain frozen records: layers, neurons, a grid, a change.

:class:`~nnsim.model.document.NetworkDocument` keeps its layers and neurons as
these records and applies every edit as a :class:`Change`; a Hopfield
document makes its neurons on demand from :class:`GridRecords`.
"""

from dataclasses import dataclass

from nnsim.text import QT_TRANSLATE_NOOP

#: Distance between layer columns and between neurons of a column, in scene units.
LAYER_SPACING = 160.0
NEURON_SPACING = 60.0

#: Why a Hopfield network's neurons cannot be added or removed one by one (shown as
#: ``translate("Records", GRID_ONLY)``).
GRID_ONLY = QT_TRANSLATE_NOOP(
    "Records", "A Hopfield network's neurons form a grid: change its size instead."
)
#: The one layer of a Hopfield document, as project files name it.
GRID_LAYER_ID = "L1"

Connection = tuple[str, str]
Position = tuple[float, float]


@dataclass(frozen=True)
class Layer:
    """A layer: its id, its neurons' activation and its dropout rate in training (MLPs'
    hidden layers: 0 for none)."""

    id: str
    activation: str = "sigmoid"
    dropout: float = 0.0


@dataclass(frozen=True)
class Neuron:
    """A neuron: its id, the id of its layer and its position."""

    id: str
    layer: str
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True)
class GridRecords:
    """A Hopfield grid's layer and neurons, made when asked for.

    They are numbered and placed as :func:`new_hopfield` always made them
    and version-1 project files list them: the layer "L1" (sign), the
    neurons "n2", "n3", ... row by row, :data:`NEURON_SPACING` apart
    (column along x, row along y).
    """

    rows: int
    columns: int

    @property
    def layer(self) -> Layer:
        return Layer(GRID_LAYER_ID, "sign")

    @property
    def size(self) -> int:
        return self.rows * self.columns

    def ids(self) -> tuple[str, ...]:
        return tuple(f"n{k + 2}" for k in range(self.size))

    def neurons(self) -> tuple[Neuron, ...]:
        return tuple(self._neuron(k) for k in range(self.size))

    def neuron(self, neuron_id: str) -> Neuron | None:
        """The neuron called ``neuron_id``, or None if the grid has none of that name."""
        number = neuron_id[1:] if neuron_id[:1] == "n" else ""
        if not (number.isascii() and number.isdigit()) or f"n{int(number)}" != neuron_id:
            return None
        k = int(number) - 2
        return self._neuron(k) if 0 <= k < self.size else None

    def _neuron(self, k: int) -> Neuron:
        row, column = divmod(k, self.columns)
        return Neuron(f"n{k + 2}", GRID_LAYER_ID, column * NEURON_SPACING, row * NEURON_SPACING)


@dataclass(frozen=True)
class Change:
    """One edit of a document; :meth:`inverse` is the edit that undoes it.

    Layers and neurons carry the index they have (or had) in their list, so
    they go back exactly where they were.  ``moves`` holds
    ``(neuron id, old position, new position)``; ``properties`` holds
    ``(target, name, old value, new value)`` with target "" for the document
    itself or a layer id.
    """

    added_layers: tuple[tuple[int, Layer], ...] = ()
    added_neurons: tuple[tuple[int, Neuron], ...] = ()
    added_connections: tuple[Connection, ...] = ()
    removed_layers: tuple[tuple[int, Layer], ...] = ()
    removed_neurons: tuple[tuple[int, Neuron], ...] = ()
    removed_connections: tuple[Connection, ...] = ()
    moves: tuple[tuple[str, Position, Position], ...] = ()
    properties: tuple[tuple[str, str, object, object], ...] = ()

    def only_moves(self) -> bool:
        """True when the change moves neurons and does nothing else."""
        return self == Change(moves=self.moves)

    def inverse(self) -> "Change":
        """Return the change that puts everything back."""
        return Change(
            added_layers=self.removed_layers,
            added_neurons=self.removed_neurons,
            added_connections=self.removed_connections,
            removed_layers=self.added_layers,
            removed_neurons=self.added_neurons,
            removed_connections=self.added_connections,
            moves=tuple((nid, new, old) for nid, old, new in self.moves),
            properties=tuple((t, name, new, old) for t, name, old, new in self.properties),
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f) for f in self.__dataclass_fields__)
