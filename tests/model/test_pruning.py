"""Pruning the smallest weights (issue 18, section 7): which go, the scores, and undo."""

import numpy as np
import pytest

from nnsim.errors import ConfigError
from nnsim.model import new_mlp, new_perceptron
from nnsim.model.compiler import check_topology
from nnsim.model.pruning import Pruner, prune, pruned_count, put_back
from nnsim.model.session import Session

#: XOR by hand with a third hidden neuron: h1 is OR, h2 is AND, the output OR and not AND;
#: h3 adds a little, and its weight from x1 is tiny.
XOR_BY_HAND = {
    ("h1", "x1"): 20.0, ("h1", "x2"): 20.0, ("h1", None): -10.0,
    ("h2", "x1"): 20.0, ("h2", "x2"): 20.0, ("h2", None): -30.0,
    ("h3", "x1"): 1e-4, ("h3", "x2"): 0.5, ("h3", None): 0.0,
    ("out", "h1"): 20.0, ("out", "h2"): -20.0, ("out", "h3"): 0.3, ("out", None): -10.0,
}  # fmt: skip


def crafted(weights=XOR_BY_HAND, sizes=(2, 3, 1)) -> tuple[Session, dict[str, str]]:
    """A session on XOR whose network has ``weights``, by names x1, x2, h1..., out."""
    session = Session(new_mlp(sizes), dataset="xor")
    layers = [session.document.neurons_of(layer.id) for layer in session.document.layers]
    names = {f"x{i + 1}": n for i, n in enumerate(layers[0])}
    names |= {f"h{i + 1}": n for i, n in enumerate(layers[1])}
    names["out"] = layers[-1][0]
    session.set_numbers({
        (names[target], names[source] if source else None): value
        for (target, source), value in weights.items()
    })  # fmt: skip
    return session, names


def parameters(session) -> tuple[list[np.ndarray], list[np.ndarray]]:
    weights, biases = session.compiled.network.parameters()
    return [w.copy() for w in weights], [b.copy() for b in biases]


def test_one_share_of_n_removes_exactly_the_tiny_weight_and_scores_before_and_after():
    session, names = crafted()
    pruner = Pruner(session)
    assert pruner.total == 9
    plan = pruner.plan(1 / 9)
    assert plan.removed == ((names["x1"], names["h3"]),)
    assert plan.weights == (1e-4,) and plan.spared == 0
    assert plan.before.accuracy == plan.after.accuracy == 1.0  # XOR stays solved
    assert plan.after.error != plan.before.error  # the weight did something, a little
    assert plan.after.error == pytest.approx(plan.before.error, rel=1e-3)
    assert plan.part.kind == "training"  # XOR holds nothing out


def test_the_score_after_is_the_pruned_networks_own_and_the_plan_its_order():
    session, names = crafted()
    plan = Pruner(session).plan(0.5)  # 4.5: 5 wanted, smallest first
    assert [abs(w) for w in plan.weights] == sorted(abs(w) for w in plan.weights)
    x1, x2, h1, h3 = (names[n] for n in ("x1", "x2", "h1", "h3"))
    # The 20s tie and go in the network's order; every neuron keeps its last way out
    # (h3 -> out, 0.3; x1 -> h2, x2 -> h2; h1 -> out, h2 -> out): all 4 that can go, go.
    assert plan.removed == ((x1, h3), (x2, h3), (x1, h1), (x2, h1))
    assert plan.spared == 5
    assert plan.after.accuracy < 1.0  # 20s go too: XOR is lost
    prune(session, plan)
    data = session.data
    network = session.compiled.network
    assert network.loss_value(data.X, data.T) == pytest.approx(plan.after.error, rel=1e-12)
    predicted = (network.predict(data.X)[:, 0] >= 0.5).astype(int)
    assert np.mean(predicted == data.y) == plan.after.accuracy


def test_pruning_keeps_every_other_weight_and_every_bias_exactly_and_undo_puts_them_back():
    session = Session(new_mlp((2, 4, 1)), dataset="xor", seed=5)
    list(session.train(max_epochs=300))
    weights, biases = parameters(session)
    plan = Pruner(session).plan(0.4)
    gone = [np.zeros(w.shape, bool) for w in weights]
    for source, target in plan.removed:
        _, layer, where = session.compiled.parameter_index(target, source)
        gone[layer][where] = True
    change = prune(session, plan)
    check_topology(session.document)
    pruned_weights, pruned_biases = parameters(session)
    assert sum(int(g.sum()) for g in gone) == len(plan.removed) == 5  # 0.4 of 12 is 4.8
    for w, pw, g in zip(weights, pruned_weights, gone, strict=True):
        np.testing.assert_array_equal(pw[~g], w[~g])  # bit for bit
        assert not pw[g].any()
    for b, pb in zip(biases, pruned_biases, strict=True):
        np.testing.assert_array_equal(pb, b)
    assert put_back(session, plan, change)
    for now, then in zip(parameters(session), (weights, biases), strict=True):
        for a, b in zip(now, then, strict=True):
            np.testing.assert_array_equal(a, b)
    assert session.compiled.mask_matrices() is None  # every connection is back


def test_undo_puts_the_tiny_weight_back_with_its_value_and_redo_prunes_it_again():
    session, names = crafted()
    plan = Pruner(session).plan(1 / 9)
    change = prune(session, plan)
    link = (names["x1"], names["h3"])
    assert not session.document.has_connection(*link)
    with pytest.raises(ConfigError):
        session.number(names["h3"], names["x1"])
    put_back(session, plan, change)
    assert session.number(names["h3"], names["x1"]) == 1e-4
    assert session.number(names["out"], names["h1"]) == 20.0
    prune(session, plan)
    assert not session.document.has_connection(*link)
    assert session.number(names["h3"], names["x2"]) == 0.5


def test_a_neurons_last_way_out_is_spared_and_the_next_smallest_goes_instead():
    weights = {
        ("h1", "x1"): 3.0, ("h1", "x2"): -2.0, ("h2", "x1"): 2.5, ("h2", "x2"): 4.0,
        ("out", "h1"): 0.01, ("out", "h2"): 1.0,
    }  # fmt: skip
    session, names = crafted(weights, sizes=(2, 2, 1))
    plan = Pruner(session).plan(1 / 6)
    assert plan.removed == ((names["x2"], names["h1"]),)  # |-2| is next after 0.01 and 1
    assert plan.spared == 2  # h1 -> out and h2 -> out: each its neuron's only way out
    prune(session, plan)
    check_topology(session.document)  # every neuron still reaches the output
    big = Pruner(session).plan(0.98)  # all it can: one connection left out of each neuron
    prune(session, big)
    check_topology(session.document)
    assert len(session.document.connections) == 4  # x1, x2, h1, h2: one out of each


def test_ties_go_in_the_networks_order():
    weights = {(t, s): 1.0 for t in ("h1", "h2") for s in ("x1", "x2")}
    weights |= {("out", "h1"): 1.0, ("out", "h2"): 1.0}
    session, names = crafted(weights, sizes=(2, 2, 1))
    plan = Pruner(session).plan(2 / 6)
    # Layer by layer, then the target's row, then the source's column.
    assert plan.removed == ((names["x1"], names["h1"]), (names["x2"], names["h1"]))


def test_how_many_a_share_removes():
    assert pruned_count(0.1, 12) == 1 and pruned_count(1 / 9, 9) == 1
    assert pruned_count(0.5, 9) == 5 and pruned_count(0.04, 12) == 0
    assert pruned_count(0.99, 7400) == 7326


def test_the_held_out_part_is_scored_when_there_is_one():
    session = Session(new_mlp((2, 3, 1)), dataset="blobs", validation_share=0.25)
    plan = Pruner(session).plan(0.3)
    assert plan.part.kind == "held-out"
    assert plan.part.data.n_samples == session.validation.n_samples
    assert Pruner(session, "training").plan(0.3).part.data is session.data


@pytest.mark.parametrize("share", [0, 1, -0.1, 1.5, float("nan")])
def test_a_share_outside_zero_to_one_is_refused_in_words(share):
    session, _ = crafted()
    with pytest.raises(ConfigError, match="between 0% and 100%"):
        Pruner(session).plan(share)


def test_a_hopfield_network_a_run_and_a_broken_drawing_are_refused_in_words():
    with pytest.raises(ConfigError, match="no connections to prune"):
        Pruner(Session.new_hopfield(5))
    session, names = crafted()
    assert session.start_run(5)
    with pytest.raises(ConfigError, match="stop it to prune"):
        Pruner(session)
    session.end_run("stopped")
    session.document.remove(connections=[(names["h1"], names["out"])])  # h1 leads nowhere
    with pytest.raises(ConfigError, match="no path to the output"):
        Pruner(session)


def test_several_numbers_are_set_all_or_none_and_heard_once():
    session, names = crafted()
    heard = []
    session.events.number_set.connect(lambda *key: heard.append(key))
    h3, x1, x2 = names["h3"], names["x1"], names["x2"]
    with pytest.raises(ConfigError, match="no connection"):
        session.set_numbers({(h3, x1): 7.0, (x1, x2): 1.0})  # inputs are not connected
    assert session.number(h3, x1) == 1e-4 and heard == []
    replaced = session.set_numbers({(h3, x1): 7.0, (h3, x2): 8.0, (h3, None): 9.0})
    assert replaced == {(h3, x1): 1e-4, (h3, x2): 0.5, (h3, None): 0.0}
    assert [session.number(h3, s) for s in (x1, x2, None)] == [7.0, 8.0, 9.0]
    assert heard == [(h3, x1)]


def greedy(session, share) -> tuple[list, int]:
    """The rule as the module docstring says it, one connection at a time: smallest first, in
    the network's order on ties, skipping each neuron's last way out."""
    compiled = session.compiled
    weights = compiled.network.parameters()[0]
    ids = {place: neuron for neuron, place in compiled.index.items()}
    links = sorted(
        (abs(W[r, c]), k, r, c) for k, W in enumerate(weights) for r, c in np.ndindex(W.shape)
    )
    left = {(k, c): W.shape[0] for k, W in enumerate(weights) for c in range(W.shape[1])}
    wanted, removed, spared = pruned_count(share, len(links)), [], 0
    for _, k, r, c in links:
        if len(removed) == wanted:
            break
        if left[k, c] == 1:
            spared += 1
            continue
        left[k, c] -= 1
        removed.append((ids[k, c], ids[k + 1, r]))
    return removed, spared


@pytest.mark.parametrize("share", [0.05, 0.3, 0.6, 23 / 34, 0.8, 0.95])  # 23: all that may go
def test_the_choice_is_the_rule_taken_one_connection_at_a_time(share):
    session = Session(new_mlp((2, 5, 4, 1)), dataset="blobs", seed=7)
    list(session.train(max_epochs=20))
    plan = Pruner(session).plan(share)
    removed, spared = greedy(session, share)
    assert list(plan.removed) == removed and plan.spared == spared


def test_after_a_rewind_the_latest_weights_are_pruned_and_shown_again():
    session = Session(new_mlp((2, 4, 1)), dataset="xor", seed=5)
    list(session.train(max_epochs=300))
    latest = session.compiled
    session.rewind(1)
    assert session.shown_epoch is not None
    plan = Pruner(session).plan(0.25)
    weights = latest.network.parameters()[0]
    for (source, target), w in zip(plan.removed, plan.weights, strict=True):
        _, layer, where = latest.parameter_index(target, source)
        assert w == weights[layer][where]
    assert plan.weights != tuple(
        float(session.display_network.parameters()[0][layer][where])
        for layer, where in (latest.parameter_index(t, s)[1:] for s, t in plan.removed)
    )  # (the weights shown are another epoch's)
    prune(session, plan)
    assert session.shown_epoch is None


def test_a_perceptron_with_one_output_has_nothing_that_may_go():
    pruner = Pruner(Session.new_perceptron(2, 1))  # on AND
    plan = pruner.plan(0.5)
    assert (pruner.total, pruner.most, plan.count, plan.spared) == (2, 0, 0, 2)
    session = Session(new_perceptron(4, 3), dataset="iris")
    three = Pruner(session)  # each input keeps one of its 3
    assert (three.total, three.most, three.plan(0.5).count) == (12, 8, 6)
    plan = three.plan(0.5)
    prune(session, plan)
    assert int(session.compiled.mask_matrices()[0].sum()) == 6
    data = plan.part.data
    assert session.compiled.network.loss_value(data.X, data.T) == pytest.approx(plan.after.error)
