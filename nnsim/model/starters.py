"""What a new network starts with: a fresh document of each kind, one XOR network, and
one set of settings per kind.

:func:`new_mlp`, :func:`new_perceptron`, :func:`new_hopfield` and :func:`new_rbm`
make the documents File > New makes.  The window opens with :func:`xor_network` on
:data:`XOR_SETTINGS`; File > New and :class:`~nnsim.model.session.Session`'s
``new_*`` start each kind on :data:`NEW_SETTINGS`; the XOR examples and
``nnsim train --example xor`` use the same numbers.
"""

from nnsim.errors import TopologyError
from nnsim.model.document import NetworkDocument
from nnsim.model.limits import check_network_size
from nnsim.model.settings import Settings
from nnsim.text import translate

#: Hidden neurons of the XOR network nnsim starts with (the tutorials' 2-4-1).
XOR_HIDDEN = 4
#: How XOR trains in nnsim: the window opens with it, the XOR examples and the command
#: line's ``--example xor`` use it.  At 1,000 epochs a second its ~9,000 epochs can be watched.
XOR_SETTINGS = {"dataset": "xor", "learning_rate": 0.5, "max_epochs": 20_000, "speed": "1000"}
#: How a new Boltzmann machine trains: on the binarised digits, with scikit-learn's
#: BernoulliRBM's learning rate, batch size and persistent chains; about 20 ms an epoch.
#: A new Boltzmann machine: CD-3 from the data for 100 epochs, with RBM_HIDDEN hidden units.
#: Chosen by its dreams on the digits: these look like 8 of the 10 digits, none more than a
#: third of 24; CD-1 gave 7 kinds, half of them 4s; PCD with 30 epochs almost only 1s.
RBM_SETTINGS = {
    "dataset": "digits", "learning_rate": 0.1, "batch_size": 10, "persistent": False,
    "cd_steps": 3, "max_epochs": 100, "use_target_error": False,
}  # fmt: skip
RBM_HIDDEN = 100
#: What a new network of each kind starts with (the rest are the settings' defaults):
#: an MLP on XOR, a perceptron on the AND gate, a Boltzmann machine on the digits.
NEW_SETTINGS = {
    "mlp": XOR_SETTINGS,
    "perceptron": {"dataset": "and", "learning_rate": 0.1},
    "hopfield": {},
    "rbm": RBM_SETTINGS,
}
#: Every setting's default value, by name.
DEFAULT_SETTINGS = Settings().values()


def xor_network(hidden: int = XOR_HIDDEN, activation: str = "sigmoid") -> NetworkDocument:
    """The XOR network "XOR 2-{hidden}-1": ``activation`` hidden neurons, a sigmoid output."""
    document = new_mlp((2, hidden, 1), activation, f"XOR 2-{hidden}-1")
    document.set_property(document.layers[-1].id, "activation", "sigmoid")
    return document


def new_mlp(sizes=(2, 2, 1), activation="sigmoid", name="MLP") -> NetworkDocument:
    """A fully connected MLP document; the default is the tutorials' 2-2-1 network."""
    if len(sizes) < 2:
        raise TopologyError(
            translate("Starters", "An MLP needs at least an input and an output layer.")
        )
    doc = NetworkDocument("mlp", name)
    for index, size in enumerate(sizes):
        doc.add_layer(index, size, "linear" if index == 0 else activation)
    return doc


def new_perceptron(n_inputs=2, n_outputs=1, rule="rosenblatt", name=None):
    """A single-layer perceptron document: inputs fully connected to step outputs (named
    "Perceptron", translated, unless ``name`` is given)."""
    doc = NetworkDocument(
        "perceptron", translate("Starters", "Perceptron") if name is None else name
    )
    doc.rule = rule
    doc.add_layer(0, n_inputs, "linear")
    doc.add_layer(1, n_outputs, "step" if rule == "rosenblatt" else "linear")
    return doc


def new_hopfield(rows=10, columns=10, name="Hopfield") -> NetworkDocument:
    """A Hopfield document: a grid of neurons, every pair implicitly connected both ways.

    It holds the grid, not a record per neuron (see :class:`GridRecords`).
    """
    if rows < 1 or columns < 1:
        raise TopologyError(
            translate("Starters", "A Hopfield grid needs at least one row and one column.")
        )
    doc = NetworkDocument("hopfield", name)
    doc.grid = (rows, columns)
    return doc


def new_rbm(n_visible=64, n_hidden=RBM_HIDDEN, name=None) -> NetworkDocument:
    """A restricted Boltzmann machine document: ``n_visible`` visible neurons (64, the
    digits' 8 x 8 pixels, by default) joined to every one of ``n_hidden`` hidden ones
    (named "Boltzmann machine", translated, unless ``name`` is given).

    Raises
    ------
    TopologyError, ConfigError
        For a layer without neurons, or a machine too big to build.
    """
    if n_visible < 1 or n_hidden < 1:
        raise TopologyError(
            translate(
                "Starters", "A Boltzmann machine needs at least one visible and one hidden neuron."
            )
        )
    check_network_size("rbm", (n_visible, n_hidden))
    doc = NetworkDocument(
        "rbm", translate("Starters", "Boltzmann machine") if name is None else name
    )
    doc.add_layer(0, n_visible, "sigmoid")
    doc.add_layer(1, n_hidden, "sigmoid")
    return doc
