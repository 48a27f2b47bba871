"""A dense memory in a project file: the rule and interaction saved, checked on load."""

import json

import numpy as np
import pytest

from nnsim.engine.hopfield_dense import Interaction
from nnsim.errors import ProjectFileError
from nnsim.io.project import Project, load_project, save_project
from nnsim.model import new_hopfield
from nnsim.model.memory import PatternMemory
from nnsim.model.serial_memory import memory_from_dict, memory_to_dict
from nnsim.model.settings import Settings


def dense_memory(interaction):
    memory = PatternMemory(6, 6)
    cells = np.random.default_rng(0).choice([-1.0, 1.0], size=(20, 36))  # load 0.56
    memory.add_patterns([(f"p{k}", c) for k, c in enumerate(cells)])
    memory.store("dense", interaction)
    return memory


@pytest.mark.parametrize("interaction", [Interaction("polynomial", 5), Interaction("exponential")])
def test_a_dense_memory_comes_back_with_its_interaction(tmp_path, interaction):
    memory = dense_memory(interaction)
    project = Project(new_hopfield(6, 6), Settings().values(), memory=memory)
    save_project(tmp_path / "dense.nnsim", project)
    saved = json.loads((tmp_path / "dense.nnsim").read_text())["memory"]
    assert saved["rule"] == "dense"
    assert saved["interaction"] == {"kind": interaction.kind, "degree": interaction.degree}
    loaded = load_project(tmp_path / "dense.nnsim").memory
    assert loaded.rule == "dense" and loaded.interaction == interaction
    assert loaded.network.weights.shape == (0, 0)
    np.testing.assert_array_equal(loaded.network.patterns, memory.network.patterns)
    assert loaded.network.stable().all()


def test_a_file_without_an_interaction_has_the_cubic():
    data = memory_to_dict(dense_memory(Interaction("polynomial", 4)))
    del data["interaction"]
    assert memory_from_dict(data).interaction == Interaction("polynomial", 3)


def test_files_of_the_other_rules_hold_no_interaction():
    memory = dense_memory(Interaction())
    memory.store("hebb")
    assert "interaction" not in memory_to_dict(memory)


@pytest.mark.parametrize(
    "interaction",
    [
        {"kind": "polynomial", "degree": 1},
        {"kind": "polynomial", "degree": 10**9},
        {"kind": "polynomial", "degree": 3.0},
        {"kind": "polynomial", "degree": True},
        {"kind": "sigmoid", "degree": 3},
        {"kind": ["exponential"], "degree": 3},
        "cubic",
        [],
    ],
)
def test_a_hostile_interaction_is_refused_in_words(tmp_path, interaction):
    project = Project(new_hopfield(6, 6), Settings().values(), memory=dense_memory(Interaction()))
    save_project(tmp_path / "dense.nnsim", project)
    content = json.loads((tmp_path / "dense.nnsim").read_text())
    content["memory"]["interaction"] = interaction
    (tmp_path / "hostile.nnsim").write_text(json.dumps(content))
    with pytest.raises(ProjectFileError, match="interaction is not polynomial or exponential"):
        load_project(tmp_path / "hostile.nnsim")
