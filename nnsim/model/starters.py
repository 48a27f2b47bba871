"""What a new network starts with: one XOR network and one set of settings per kind.

The window opens with :func:`xor_network` on :data:`XOR_SETTINGS`; File > New
and :class:`~nnsim.model.session.Session`'s ``new_*`` start each kind on
:data:`NEW_SETTINGS`; the XOR examples and ``nnsim train --example xor`` use
the same numbers.
"""

from nnsim.model.document import NetworkDocument, new_mlp
from nnsim.model.settings import Settings

#: Hidden neurons of the XOR network nnsim starts with (the tutorials' 2-4-1).
XOR_HIDDEN = 4
#: How XOR trains in nnsim: the window opens with it, the XOR examples and the command
#: line's ``--example xor`` use it.  At 1,000 epochs a second its ~9,000 epochs can be watched.
XOR_SETTINGS = {"dataset": "xor", "learning_rate": 0.5, "max_epochs": 20_000, "speed": "1000"}
#: What a new network of each kind starts with (the rest are the settings' defaults):
#: an MLP on XOR, a perceptron on the AND gate.
NEW_SETTINGS = {
    "mlp": XOR_SETTINGS,
    "perceptron": {"dataset": "and", "learning_rate": 0.1},
    "hopfield": {},
}
#: Every setting's default value, by name.
DEFAULT_SETTINGS = Settings().values()


def xor_network(hidden: int = XOR_HIDDEN, activation: str = "sigmoid") -> NetworkDocument:
    """The XOR network "XOR 2-{hidden}-1": ``activation`` hidden neurons, a sigmoid output."""
    document = new_mlp((2, hidden, 1), activation, f"XOR 2-{hidden}-1")
    document.set_property(document.layers[-1].id, "activation", "sigmoid")
    return document
