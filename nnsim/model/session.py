"""What a network needs to train, made the same way by the window and the command line.

:func:`prepare_training` compiles the document with the settings' loss,
initialiser and seed, loads the data as the settings say, and checks that
the two fit; the window's controller and ``nnsim train PROJECT`` both use it,
so a project trained either way gives the same numbers.
"""

from nnsim.engine import MLP, Perceptron
from nnsim.engine.datasets import Dataset
from nnsim.errors import ConfigError
from nnsim.model.compiler import CompiledNetwork, compile
from nnsim.model.document import NetworkDocument
from nnsim.model.settings import Settings, training_data


def prepare_training(
    document: NetworkDocument, settings: Settings, previous: CompiledNetwork | None = None
) -> tuple[CompiledNetwork, Dataset, Dataset | None]:
    """(compiled network, training part, validation part or None) for ``document``.

    ``previous`` lends its trained weights to the neurons both networks have
    (see :func:`~nnsim.model.compile`).

    Raises
    ------
    NnsimError
        Saying why not: a topology that is no network, data that cannot be
        made, or data whose inputs or targets do not fit the network.
    """
    data, validation = training_data(settings)
    compiled = compile(
        document,
        loss=settings["loss"],
        init=settings["init"],
        init_limit=settings["init_limit"],
        rng=settings["seed"],
        previous=previous,
    )
    check_sizes(compiled, data)
    return compiled, data, validation


def check_sizes(compiled: CompiledNetwork, data: Dataset) -> None:
    """Refuse data whose inputs or targets do not fit the network's first and last layers."""
    net = compiled.network
    if not isinstance(net, MLP | Perceptron):
        raise ConfigError(
            "A Hopfield network stores patterns rather than training on a data set; "
            "it cannot be trained on data."
        )
    n_in, n_out = data.X.shape[1], data.T.shape[1]
    if (net.n_inputs, net.n_outputs) != (n_in, n_out):
        raise ConfigError(
            f"The data set {data.name!r} has {n_in} inputs and {n_out} target(s), but the "
            f"network has {net.n_inputs} input and {net.n_outputs} output neurons. Change the "
            f"layers or choose another data set."
        )
