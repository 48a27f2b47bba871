"""Setting a number of the network by hand: the seeds' guess-and-check (issue 16, section 2)."""

import numpy as np
import pytest

from nnsim.engine import datasets
from nnsim.errors import ConfigError
from nnsim.model import new_mlp, new_perceptron
from nnsim.model.session import Session

#: The tutorials' one example: 100 km are 62.137 miles.
KM = datasets.make_dataset(
    "km", "100 km in miles", [[100.0]], [[62.137]], task="regression", feature_names=("km",)
)


def predictor() -> Session:
    """miles = c * km: one linear neuron, no bias, on the one example."""
    document = new_perceptron(1, 1, rule="nlms", name="km to miles")
    document.bias = False
    session = Session()
    session.replace(document, data=KM, dataset="custom", learning_rate=0.5)
    return session


def test_guess_and_check_the_constant_as_the_tutorial_does():
    session = predictor()
    (source,), (target,) = (
        session.document.neurons_of(layer.id) for layer in session.document.layers
    )
    errors = {}
    for c in (0.5, 0.6, 0.7):
        session.set_number(c, target, source)
        miles = session.display_network.predict(KM.X)[0, 0]
        errors[c] = round(62.137 - miles, 3)
    assert errors == {0.5: 12.137, 0.6: 2.137, 0.7: -7.863}  # 0.7 overshoots


def test_a_weight_and_a_bias_set_by_hand_are_the_networks_and_the_views_hear_of_it():
    session = Session(new_mlp((2, 2, 1)), seed=1)
    document = session.document
    _inputs, hidden, output = (document.neurons_of(layer.id) for layer in document.layers)
    heard = []
    for name in ("network_changed", "weights_changed", "number_set"):
        getattr(session.events, name).connect(lambda *a, name=name: heard.append((name, *a)))
    replaced = session.set_number(2.0, output[0], hidden[1])
    before_bias = session.set_number(-0.5, hidden[0])
    weights, biases = session.compiled.network.parameters()
    assert weights[1][0, 1] == 2.0 and biases[0][0] == -0.5
    np.testing.assert_array_equal(session.display_network.parameters()[0][1], weights[1])
    assert replaced != 2.0 and before_bias == 0.0  # biases start at 0
    assert heard == [("weights_changed",), ("number_set", output[0], hidden[1]),
                     ("weights_changed",), ("number_set", hidden[0], None)]  # fmt: skip
    # (no network_changed: the network and its data are the same; views need not lay out)
    x = np.array([[1.0, 0.0]])
    hidden_out = 1 / (1 + np.exp(-(x @ weights[0].T + biases[0])))
    expected = 1 / (1 + np.exp(-(hidden_out @ weights[1].T + biases[1])))
    np.testing.assert_allclose(session.display_network.predict(x), expected, rtol=1e-12)


def test_numbers_are_refused_while_a_run_holds_the_network_and_when_they_cannot_be():
    session = Session(new_mlp((2, 2, 1)))
    _inputs, hidden, output = (
        session.document.neurons_of(layer.id) for layer in session.document.layers
    )
    with pytest.raises(ConfigError, match="finite"):
        session.set_number(float("nan"), output[0], hidden[0])
    session.step()  # a run exists, paused
    with pytest.raises(ConfigError, match="Training is using the network"):
        session.set_number(1.0, output[0], hidden[0])
    session.end_run("stopped")
    without = predictor()
    (only,) = without.document.neurons_of(without.document.layers[1].id)
    with pytest.raises(ConfigError, match="no biases"):
        without.set_number(1.0, only)


def test_a_number_the_network_does_not_hold_is_refused_and_nothing_changes():
    session = Session(new_mlp((2, 2, 1)))
    inputs, hidden, output = (
        session.document.neurons_of(layer.id) for layer in session.document.layers
    )
    before = [array.copy() for array in session.display_network.parameters()[0]]
    # hidden[1] -> hidden[0] would index a real output weight if layers were not checked
    for target, source in ((hidden[0], hidden[1]), (output[0], inputs[0]), (inputs[0], None)):
        with pytest.raises(ConfigError, match="The network has no"):
            session.set_number(9.0, target, source)
    after = session.display_network.parameters()[0]
    assert all(np.array_equal(a, b) for a, b in zip(before, after, strict=True))
    session.document.remove(connections=[(inputs[0], hidden[0])])  # a connection rubbed out
    with pytest.raises(ConfigError, match=f"no connection {inputs[0]} → {hidden[0]}"):
        session.set_number(9.0, hidden[0], inputs[0])
