"""The Qt-free session that the window, the command line and scripts share (DESIGN.md 4)."""

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from nnsim import cli
from nnsim.engine import TrainingConfig, datasets, train
from nnsim.errors import ConfigError, ProjectFileError
from nnsim.io.project import load_project
from nnsim.model import compile, new_mlp, new_perceptron
from nnsim.model.session import Session
from nnsim.model.starters import DEFAULT_SETTINGS, NEW_SETTINGS, XOR_SETTINGS, xor_network
from nnsim.resource_files import resource_path

XOR_EXAMPLE = resource_path("examples", "xor_2_4_1.nnsim")


def recorded(session: Session) -> list[tuple]:
    """Every event the session emits from now on, as (name, *args)."""
    seen = []
    for name in session.events.signals:
        getattr(session.events, name).connect(lambda *args, name=name: seen.append((name, *args)))
    return seen


def names(events: list[tuple]) -> list[str]:
    return [event[0] for event in events]


def test_the_guides_example_runs_at_a_prompt_without_qt_and_saves_what_the_cli_saves(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from nnsim.model.session import Session
        s = Session.open({str(XOR_EXAMPLE)!r})
        reports = [report.epoch for report in s.train(max_epochs=200)]
        s.save({str(tmp_path / "script.nnsim")!r})
        qt = sorted(m for m in sys.modules if m.split(".")[0] in
                    ("PySide6", "shiboken6", "pyqtgraph", "superqt"))
        print(reports[-1], s.history.count, s.state, qt)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    assert done.stdout.split() == ["200", "200", "finished", "[]"]
    cli_out = tmp_path / "cli.nnsim"
    assert cli.main(["train", str(XOR_EXAMPLE), "--epochs", "200", "--out", str(cli_out)]) == 0
    assert (tmp_path / "script.nnsim").read_bytes() == cli_out.read_bytes()


def test_training_keeps_every_epoch_the_engine_trains_and_counts_on_after_a_break():
    session = Session.new_mlp((2, 4, 1))
    session.settings.set("seed", 3)  # the seed's weights come with the next reset
    session.reset()
    events = recorded(session)
    reports = list(session.train(max_epochs=120))
    assert reports[-1].epoch == session.history.count == 120
    assert session.state == "finished" and not session.busy
    states = [event[1] for event in events if event[0] == "state_changed"]
    assert states == ["training", "finished"]
    assert names(events).count("reported") == len(reports)
    for report in session.train(max_epochs=1_000_000):  # a person breaks off a long run
        if report.epoch >= 200:
            break
    assert session.state == "stopped" and not session.busy
    went_on = session.history.count
    assert 200 <= went_on < 1_000_120 and session.latest.epoch == went_on

    # The same epochs in one engine run: the same losses, bit for bit.
    net = compile(new_mlp((2, 4, 1)), rng=3).network
    config = TrainingConfig(max_epochs=went_on, seed=3, learning_rate=0.5, report_interval=0.0)
    losses = np.concatenate([r.losses for r in train(net, datasets.xor(), config)])
    np.testing.assert_array_equal(session.history.train, losses)


def test_each_kind_starts_fresh_with_its_own_settings():
    mlp, perceptron, hopfield = (
        Session.new_mlp(), Session.new_perceptron(), Session.new_hopfield(8)
    )  # fmt: skip
    assert mlp.document.layer_sizes == (2, 2, 1) and mlp.compiled is not None
    assert mlp.settings.values() == {**DEFAULT_SETTINGS, **NEW_SETTINGS["mlp"]}
    assert perceptron.document.kind == "perceptron" and perceptron.settings["dataset"] == "and"
    assert hopfield.memory.rows == hopfield.memory.columns == 8
    assert hopfield.compiled is None and hopfield.problem is None
    with pytest.raises(ConfigError, match="stores patterns"):
        next(hopfield.train())
    opened = Session()  # what the window opens with
    assert opened.document.name == "XOR 2-4-1" and opened.settings["speed"] == XOR_SETTINGS["speed"]


def test_replacing_the_document_tells_the_views_in_order_and_keeps_nothing_of_before():
    session = Session()
    list(session.train(max_epochs=5))
    events = recorded(session)
    session.replace(new_perceptron(), dataset="or")
    order = names(events)
    assert order[:2] == ["state_changed", "state_changed"]  # finished -> stopped -> ready
    assert order[2:4] == ["document_replaced", "network_changed"]
    assert session.history.count == 0 and session.latest is None
    assert session.settings["learning_rate"] == DEFAULT_SETTINGS["learning_rate"]
    assert session.compiled.network.n_inputs == 2 and session.data.name == "or"


def test_a_new_data_set_starts_the_network_again_and_says_so():
    session = Session()
    list(session.train(max_epochs=10))
    events = recorded(session)
    session.settings.set("dataset", "and")
    assert session.history.count == 0 and session.data.name == "and"
    assert names(events).index("network_changed") < names(events).index("data_changed")
    assert events[-1] == ("message", "New data: the weights and the error history start again.")


def test_data_that_does_not_fit_the_network_is_refused_with_a_message():
    session = Session(new_mlp((2, 4, 1)), dataset="iris")
    assert "4 inputs and 3 target(s)" in session.problem
    events = recorded(session)
    assert not session.start_run()
    assert "2 input and 1 output neurons" in events[-1][1]
    with pytest.raises(ConfigError, match="4 inputs and 3 target"):
        next(session.train())
    assert session.state == "ready" and not session.busy


def test_rewinding_shows_an_earlier_epoch_and_saving_keeps_the_trained_weights(tmp_path):
    session = Session(seed=4)
    list(session.train(max_epochs=300))
    trained = [w.copy() for w in session.compiled.network.weights]
    events = recorded(session)
    shown = session.rewind(100)
    assert shown <= 100 and session.shown_epoch == shown and events[-1] == ("rewound", shown)
    assert not np.array_equal(session.display_network.weights[0], trained[0])
    session.save(tmp_path / "rewound.nnsim")
    saved = load_project(tmp_path / "rewound.nnsim")
    np.testing.assert_array_equal(saved.weights[0], trained[0])
    assert session.rewind(10_000) == 300 and events[-1] == ("rewound", None)
    np.testing.assert_array_equal(session.display_network.weights[0], trained[0])


def test_training_from_an_earlier_epoch_forgets_the_later_ones():
    session = Session(seed=4)
    list(session.train(max_epochs=300))
    shown = session.rewind(150)
    assert session.train_from(shown) == shown
    assert session.history.count == shown and session.shown_epoch is None
    list(session.train(max_epochs=10))
    assert session.history.count == shown + 10


def test_reset_gives_the_seeds_weights_and_an_empty_history():
    session = Session(new_mlp((2, 4, 1)), seed=5)
    session.step()
    session.step()
    events = recorded(session)
    session.reset()
    assert session.history.count == 0 and session.state == "ready"
    assert "weights_changed" in names(events)
    fresh = compile(new_mlp((2, 4, 1)), rng=5).network
    for w, expected in zip(session.compiled.network.weights, fresh.weights, strict=True):
        np.testing.assert_array_equal(w, expected)


def test_a_topology_change_after_training_keeps_weights_and_says_so():
    session = Session(new_mlp((2, 4, 1)), target_error=0.0)
    session.step()
    session.end_run("stopped")
    doc = session.document
    doc.add_neuron(doc.layers[1].id)  # kept: 2x4 + 4x1 weights, 4 + 1 biases
    events = recorded(session)
    session.step()
    assert ("message", "The network changed: 17 trained weights kept, 4 new ones initialised.") in (
        events
    )
    assert session.compiled.network.layer_sizes == (2, 5, 1)
    assert session.history.count == 2, "the history goes on"


def test_sample_steps_teach_a_perceptron_one_sample_at_a_time():
    session = Session(new_perceptron(), dataset="and", learning_rate=0.1, seed=2)
    twin = compile(new_perceptron(), rng=2).network
    data = datasets.and_gate()
    events = recorded(session)
    for row in (0, 1, 2, 3, 0):
        before = twin.weights.copy()
        session.step_sample()
        assert events[-1] == ("sample_stepped", row)
        told = [event[1] for event in events if event[0] == "message"][-1]
        mistakes = twin.train_epoch(data.X[row : row + 1], data.T[row : row + 1], learning_rate=0.1)
        np.testing.assert_array_equal(session.compiled.network.weights, twin.weights)
        np.testing.assert_array_equal(session.display_network.weights, twin.weights)
        assert told.startswith(f"Sample {row + 1} of 4: x = ")
        if mistakes:  # the update written out: Δw = η (t - y) x
            change = ", ".join(f"{v:.4g}" for v in (twin.weights - before)[0])
            assert f"Δw = [{change}]" in told and told.endswith("the line moves.")
        else:
            assert told.endswith("no change (no mistake to learn from).")
    assert session.history.count == 0, "a sample is not an epoch"


def test_a_sample_step_that_overflows_the_weights_is_undone_and_said():
    huge = datasets.make_dataset(
        "huge", "inputs near 1e306", np.array([[1e306, -1e306], [-1e306, 1e306]]), [0, 1]
    )
    session = Session(new_perceptron(), dataset="custom", learning_rate=1000.0, seed=0)
    session.replace(new_perceptron(), data=huge, dataset="custom", learning_rate=1000.0, seed=0)
    before = session.compiled.network.weights.copy()
    events = recorded(session)
    session.step_sample()  # wrong, so w + 1000 (t - y) x: past the largest float
    assert names(events) == ["failed"] and "too large" in events[0][1]
    np.testing.assert_array_equal(session.compiled.network.weights, before)


def test_a_sample_step_of_an_mlp_is_one_backpropagation_step_on_that_sample():
    session = Session(seed=4)  # XOR on 2-4-1, sse, learning rate 0.5
    twin = compile(xor_network(), rng=4).network
    data = datasets.xor()
    events = recorded(session)
    for row in (0, 1):
        twin.train_epoch(data.X[row : row + 1], data.T[row : row + 1], learning_rate=0.5,
                         shuffle=False)  # fmt: skip
        session.step_sample()
        assert events[-1] == ("sample_stepped", row)
        for mine, expected in zip(session.compiled.network.weights, twin.weights, strict=True):
            np.testing.assert_array_equal(mine, expected)
    told = [event[1] for event in events if event[0] == "message"][-1]
    assert told.startswith("Sample 2 of 4: x = [0, 1], target [1], output [")
    # x1 = 0: the four weights from the first input have no gradient; the other 13 move
    assert told.endswith("13 weights and biases changed, the largest by " + told.split()[-1])
    assert session.history.count == 0, "a sample is not an epoch"


def test_an_unreadable_file_raises_and_a_divergence_keeps_the_last_good_weights(tmp_path):
    (tmp_path / "bad.nnsim").write_text("{not json")
    with pytest.raises(ProjectFileError, match="not JSON"):
        Session.open(tmp_path / "bad.nnsim")
    session = Session(
        new_mlp((1, 1), "linear"), dataset="km_to_miles", learning_rate=1000.0,
        use_target_error=False,
    )  # fmt: skip
    events = recorded(session)
    with pytest.raises(Exception, match="diverged"):
        list(session.train(max_epochs=1000))
    network = session.compiled.network
    assert all(np.isfinite(w).all() for w in [*network.weights, *network.biases])
    assert session.state == "stopped" and "failed" in names(events)
    np.testing.assert_array_equal(session.display_network.weights[0], network.weights[0])
