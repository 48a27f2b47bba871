"""Project files: everything round-trips bit for bit; every bad file is refused cleanly."""

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnsim.engine.datasets import make_dataset
from nnsim.errors import ProjectFileError
from nnsim.io.project import Project, load_project, save_project
from nnsim.model import compile, new_hopfield, new_mlp, new_perceptron
from nnsim.model.settings import Settings


def trained_project(document=None):
    document = document or new_mlp((2, 3, 1), name="XOR")
    document.remove(connections=[document.connections[0]])
    network = compile(document, rng=1).network
    history = {
        "train": np.array([0.3, 0.2, 0.1 / 3]),
        "validation": np.array([np.nan, 0.25, np.nan]),
        "accuracy": np.array([0.5, np.nan, 1.0]),
    }
    values = Settings(learning_rate=0.1 / 3, seed=7, dataset="custom").values()
    data = make_dataset(
        "bugs", "Imported from bugs", [[3.0, 1.0], [1.0, 0.1 / 3], [2.8, 1.2]], [0, 1, 0],
        feature_names=("width", "length"), class_names=("ladybird", "caterpillar"),
    )  # fmt: skip
    return Project(
        document, values, network.weights, network.biases, history, data, "Bugs, sorted."
    )


def test_a_project_comes_back_bit_for_bit(tmp_path):
    project = trained_project()
    path = tmp_path / "xor.nnsim"
    save_project(path, project)
    loaded = load_project(path)
    assert loaded.document.snapshot() == project.document.snapshot()
    assert loaded.settings == project.settings
    for got, saved in zip(
        loaded.weights + loaded.biases, project.weights + project.biases, strict=True
    ):
        np.testing.assert_array_equal(got, saved)
    for name, column in project.history.items():
        np.testing.assert_array_equal(loaded.history[name], column)  # NaN where NaN
    assert json.loads(path.read_text())["format"] == "nnsim-project"
    assert loaded.description == "Bugs, sorted."
    for name in ("X", "y", "T"):
        np.testing.assert_array_equal(getattr(loaded.data, name), getattr(project.data, name))
    assert loaded.data.class_names == ("ladybird", "caterpillar")
    assert loaded.data.feature_names == ("width", "length")


@pytest.mark.parametrize("document", [new_perceptron(), new_hopfield(4, 5)])
def test_other_kinds_round_trip(tmp_path, document):
    project = Project(document, Settings().values())
    save_project(tmp_path / "p.nnsim", project)
    loaded = load_project(tmp_path / "p.nnsim")
    assert loaded.document.snapshot() == document.snapshot() and loaded.weights is None


def saved_content(tmp_path):
    path = tmp_path / "good.nnsim"
    save_project(path, trained_project())
    return json.loads(path.read_text())


def edited(content, change):
    content = json.loads(json.dumps(content))
    change(content)
    return content


NONSENSE = {
    "no format": (lambda c: c.pop("format"), "not an nnsim project"),
    "newer": (lambda c: c.update(version=99), "saved by a newer nnsim"),
    "activation": (
        lambda c: c["document"]["layers"][1].update(activation="wiggle"),
        "Unknown activation 'wiggle'",
    ),
    "orphan neuron": (
        lambda c: c["document"]["neurons"][0].update(layer="L99"),
        "belongs to no layer",
    ),
    "backward link": (
        lambda c: c["document"]["connections"].append(
            [c["document"]["neurons"][-1]["id"], c["document"]["neurons"][0]["id"]]
        ),
        "not in a layer after",
    ),
    "text position": (lambda c: c["document"]["neurons"][0].update(x="left"), "no position"),
    "bad setting": (lambda c: c["settings"].update(learning_rate=-1), "Learning rate"),
    "weights shape": (lambda c: c["weights"][0].pop(), "do not fit its network"),
    "no document": (lambda c: c.pop("document"), "has no 'document'"),
    "custom without data": (lambda c: c.update(data=None), "use custom data, but it holds none"),
    "label of no class": (lambda c: c["data"]["y"].__setitem__(0, 5), "not numbers of its classes"),
    "text sample": (lambda c: c["data"]["X"][0].__setitem__(0, "x"), "not a table of finite"),
    "ragged samples": (lambda c: c["data"]["X"][0].pop(), "not a table of finite"),
    "lost target": (lambda c: c["data"]["y"].pop(), "inputs and targets disagree"),
}


@pytest.mark.parametrize("case", list(NONSENSE))
def test_hand_edited_nonsense_is_refused_with_the_reason(tmp_path, case):
    change, reason = NONSENSE[case]
    path = tmp_path / "edited.nnsim"
    path.write_text(json.dumps(edited(saved_content(tmp_path), change)))
    with pytest.raises(ProjectFileError, match=reason):
        load_project(path)


def test_broken_files_are_refused_in_plain_words(tmp_path):
    good = tmp_path / "x.nnsim"
    save_project(good, trained_project())
    text = good.read_text()
    cases = {
        "truncated.nnsim": (text[: len(text) // 2], "breaks off or is not JSON"),
        "list.nnsim": ("[1, 2, 3]", "JSON but not an nnsim project"),
        "empty.nnsim": ("", "breaks off or is not JSON"),
    }
    for name, (content, reason) in cases.items():
        (tmp_path / name).write_text(content)
        with pytest.raises(ProjectFileError, match=reason):
            load_project(tmp_path / name)
    (tmp_path / "binary.nnsim").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ProjectFileError, match="not a text file"):
        load_project(tmp_path / "binary.nnsim")
    with pytest.raises(ProjectFileError, match=r"Could not read missing\.nnsim"):
        load_project(tmp_path / "missing.nnsim")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_projects_never_crash_the_reader(tmp_path, data):
    text = json.dumps(saved_content(tmp_path))
    position = data.draw(st.integers(0, len(text) - 1))
    kind = data.draw(st.sampled_from(["delete", "insert", "replace"]))
    junk = data.draw(st.text(alphabet='{}[]",:0123456789.-aeLnx ', min_size=1, max_size=4))
    if kind == "delete":
        text = text[:position] + text[position + len(junk) :]
    elif kind == "insert":
        text = text[:position] + junk + text[position:]
    else:
        text = text[:position] + junk + text[position + len(junk) :]
    path = tmp_path / "mutated.nnsim"
    path.write_text(text)
    try:
        project = load_project(path)
    except ProjectFileError as exc:
        assert str(exc).endswith((".", "?", ")")), "a sentence a person can read"
    else:
        assert isinstance(project, Project)


def test_a_thinned_history_keeps_its_epochs(tmp_path):
    project = trained_project()
    project.history["epochs"] = np.array([2, 4, 6])
    save_project(tmp_path / "long.nnsim", project)
    loaded = load_project(tmp_path / "long.nnsim")
    np.testing.assert_array_equal(loaded.history["epochs"], [2, 4, 6])
    content = json.loads((tmp_path / "long.nnsim").read_text())
    content["history"]["epochs"] = [4, 2, 6]
    (tmp_path / "bad.nnsim").write_text(json.dumps(content))
    with pytest.raises(ProjectFileError, match="epochs are not rising whole numbers"):
        load_project(tmp_path / "bad.nnsim")
