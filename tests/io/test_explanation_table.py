"""The numbers of an explained step as a table: the tutorial's one update, every number once."""

import pytest

from nnsim.io.examples import load_example
from nnsim.io.tables import explanation_table
from nnsim.model.compiler import compile
from nnsim.model.explain import explain_step


def explained(example: str):
    project = load_example(example)
    compiled = compile(project.document, loss=project.settings["loss"], rng=0)
    compiled.network.set_parameters(project.weights, project.biases)
    x, t = project.data.X[0], project.data.T[0]
    return explain_step(compiled, x, t, project.settings["learning_rate"])


def test_the_one_update_gives_the_tutorials_new_weight_in_its_row():
    explanation = explained("one_update")
    header, rows = explanation_table(explanation)
    assert header == ["quantity", "layer", "neuron", "from neuron", "value"]
    new = {(r[1], r[2], r[3]): r[4] for r in rows if r[0] == "new weight"}
    assert new[(1, 1, 1)] == pytest.approx(2.00265, abs=5e-6)  # the tutorial's 2.0 after one step
    gradient = {(r[1], r[2], r[3]): r[4] for r in rows if r[0] == "gradient"}
    assert gradient[(1, 1, 1)] == pytest.approx(-0.0265, abs=5e-5)
    outputs = [r for r in rows if r[0] == "output"]
    assert outputs[-1][1:4] == [1, 1, ""] and outputs[-1][4] == pytest.approx(0.9089, abs=5e-5)


def test_every_number_of_the_step_has_one_row():
    explanation = explained("three_layer_network")
    _, rows = explanation_table(explanation)
    counts = {kind: sum(r[0] == kind for r in rows) for kind in
              ("output", "gradient", "new weight", "new bias")}  # fmt: skip
    assert counts["output"] == sum(o.size for o in explanation.outputs) == 9  # 3-3-3
    assert counts["gradient"] == counts["new weight"] == 18
    assert counts["new bias"] == sum(b.size for b in explanation.new_biases)
    first_hidden = next(r for r in rows if r[0] == "output" and r[1] == 1)
    assert first_hidden[4] == pytest.approx(0.761, abs=5e-4)  # the tutorial's hidden output
