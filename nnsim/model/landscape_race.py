r"""The race: several optimisers from one start, their paths on one loss landscape.

Each racer trains its own copy of the network full-batch with the engine's
:meth:`~nnsim.engine.MLP.train_epoch` (no second training loop here), and its
weights are recorded every few epochs (:func:`race`).  The racers are every
optimiser of :data:`nnsim.engine.optimizers.OPTIMIZERS`, with ``sgd`` twice:
plain (:math:`\mu = 0`) and with momentum :math:`\mu = 0.9`
(:func:`racers`).  All take the learning rate :math:`\eta` of the settings,
so the race compares the rules at the step size the person chose, except
Adam, which takes :data:`ADAM_RATE` when :math:`\eta` is larger: Adam moves
every weight by about :math:`\eta` per step whatever the gradient's size, so
the :math:`\eta = 0.5` that suits gradient descent on sse throws it about.
The loss trained is the plain loss (no L1 or L2 penalty): the one the
landscape draws, so the paths go down the surface shown.

The landscape of a race (:func:`race_plane`) is centred at the start and
spanned by the first two principal directions of all the paths'
displacements from it (their singular vectors), so the paths lie as near
the plane as any plane through the start allows.
"""

import copy
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from nnsim.engine.optimizers import OPTIMIZERS
from nnsim.errors import NnsimError
from nnsim.model.landscape import Plane, flatten, orthonormal
from nnsim.model.snapshots import WeightSnapshots

#: The momentum of the racer "momentum" (sgd with momentum).
RACE_MOMENTUM = 0.9
#: The largest learning rate Adam races with (see the module docstring).
ADAM_RATE = 0.05
#: Epochs a race lasts at most and at least, and the most points a path keeps.
RACE_EPOCHS, LEAST_EPOCHS, PATH_POINTS = 2000, 100, 200
#: A race's epochs times samples times parameters stays under this (when it can: at least
#: :data:`LEAST_EPOCHS`): about 300 epochs on the digits with 64-16-10.
RACE_WORK = 500_000_000


@dataclass(frozen=True)
class Racer:
    """One runner: ``name`` (shown in the legend), the engine's ``optimizer`` and its settings."""

    name: str
    optimizer: str
    learning_rate: float
    momentum: float = 0.0


@dataclass(frozen=True)
class RacePath:
    """Where one racer went.

    Attributes
    ----------
    racer : Racer
    epochs : (k,) int array
        The epochs recorded, 0 (the start) first.
    thetas : (k, P) array
        The flattened weights and biases at those epochs (:func:`~nnsim.model.landscape.flatten`).
    finished : int or None
        The epoch whose loss reached the finish line (the target error), if one did.
    problem : str or None
        Why the racer stopped early (its loss became infinite): the path ends there.
    """

    racer: Racer
    epochs: np.ndarray
    thetas: np.ndarray
    finished: int | None = None
    problem: str | None = None


def racers(learning_rate: float) -> list[Racer]:
    """Every optimiser of the engine, ``sgd`` also with momentum, at ``learning_rate``."""
    field = []
    for name in OPTIMIZERS:
        if name == "sgd":
            field.append(Racer("sgd", "sgd", learning_rate))
            field.append(Racer("momentum", "sgd", learning_rate, RACE_MOMENTUM))
        elif name == "adam":
            field.append(Racer("adam", "adam", min(learning_rate, ADAM_RATE)))
        else:
            field.append(Racer(name, name, learning_rate))
    return field


def race_epochs(max_epochs: int, n_samples: int, n_parameters: int) -> int:
    """How long a race lasts: the settings' ``max_epochs``, at most :data:`RACE_EPOCHS`, and
    fewer (down to :data:`LEAST_EPOCHS`) when an epoch is dear, so a race on the digits takes
    seconds, not minutes."""
    affordable = RACE_WORK // max(n_samples * n_parameters, 1)
    return max(1, min(int(max_epochs), RACE_EPOCHS, max(LEAST_EPOCHS, affordable)))


def race(
    network, X, T, field, epochs: int, target: float | None = None
) -> Generator[float, None, list[RacePath]]:
    """Train a copy of ``network`` (whose weights are the start) per racer of ``field`` for
    ``epochs`` full-batch epochs on (X, T), or until its loss is at most ``target`` (the
    finish line, as training stops at the target error), yielding the share of the work
    done (0 to 1) after each recorded point; returns the paths (the generator's value).

    Stop asking for values to stop the race between two points.
    """
    paths = []
    for k, racer in enumerate(field):
        runner = copy.deepcopy(network)
        runner.reset_optimizer()
        kept = WeightSnapshots(limit=PATH_POINTS)  # every epoch, thinned as it grows
        kept.offer(0, *runner.parameters())
        finished = problem = None
        epoch = 0
        for epoch in range(1, epochs + 1):
            try:
                loss = runner.train_epoch(
                    X, T, learning_rate=racer.learning_rate, momentum=racer.momentum,
                    optimizer=racer.optimizer, batch_size=None,
                )  # fmt: skip
            except NnsimError as exc:  # diverged: the path ends at its last good point
                problem, epoch = str(exc), epoch - 1
                break
            if target is not None and loss <= target:
                finished = epoch  # (the loss before this epoch's update reached it)
                break
            if kept.offer(epoch, *runner.parameters()):
                yield (k + epoch / epochs) / len(field)
        paths.append(_path(racer, kept, epoch, runner, finished, problem))
        yield (k + 1) / len(field)
    return paths


def _path(racer, kept: WeightSnapshots, epoch: int, runner, finished, problem) -> RacePath:
    """The racer's path: the points ``kept``, and the weights it ended with at ``epoch``."""
    epochs = list(kept.epochs)
    thetas = [flatten(*kept.at_or_before(e)[1:]) for e in epochs]
    if epochs[-1] != epoch:
        epochs.append(epoch)
        thetas.append(flatten(*runner.parameters()))
    return RacePath(racer, np.array(epochs), np.array(thetas), finished, problem)


def race_plane(start: np.ndarray, paths: list[RacePath], shapes: tuple, rng) -> Plane:
    """The plane through ``start`` (P,) spanned by the paths' two main directions.

    ``d1`` is the displacements' first principal direction, turned so the paths
    go towards positive ``a`` on average; ``d2`` the second.  When the paths span
    less than a plane (they all went one way, or nowhere), random directions
    from ``rng`` (orthogonalised) complete it.
    """
    offsets = np.vstack([path.thetas for path in paths]) - start
    movable = (np.abs(offsets).max(axis=0) > 0).astype(float)
    _, values, vectors = np.linalg.svd(offsets, full_matrices=False)
    tolerance = values[0] * 1e-9 if values.size and values[0] > 0 else 0.0
    found = [vectors[k] for k in range(min(2, values.size)) if values[k] > tolerance]
    while len(found) < 2:  # rare: fill with a random direction
        found.append(rng.standard_normal(start.size) * (movable if movable.any() else 1.0))
    d1, d2 = orthonormal(*found)
    if offsets.sum(axis=0) @ d1 < 0:
        d1 = -d1
    return Plane(start.copy(), d1, d2, (0.0, 0.0), shapes)
