"""Hopfield projects saved before documents stopped holding neuron records open and save the same.

``data/hopfield_5x6_v1.nnsim`` was saved by nnsim at commit 0e3fc43, whose
Hopfield documents held one record per neuron: ``new_hopfield(5, 6, name=
"Saved by v1")`` with a memory of four random patterns (seed 15), three of
them stored by Storkey's rule, and the grid showing the second one with 20%
of its cells flipped.
"""

import json
from pathlib import Path

import numpy as np

from nnsim.io.project import load_project, save_project
from nnsim.model.records import GridRecords

SAVED_BY_V1 = Path(__file__).parent / "data" / "hopfield_5x6_v1.nnsim"


def test_a_project_saved_with_neuron_records_opens_whole():
    project = load_project(SAVED_BY_V1)
    document, memory = project.document, project.memory
    assert (document.kind, document.name, document.grid) == ("hopfield", "Saved by v1", (5, 6))
    assert document.grid_records == GridRecords(5, 6) and document.layer_sizes == (30,)
    assert [p.name for p in memory.library] == ["p0", "p1", "p2", "later"]
    assert memory.stored_names == ("p0", "p1", "p2") and memory.rule == "storkey"
    assert np.count_nonzero(memory.current != memory.library[1].cells) == 6


def test_it_saves_again_byte_for_byte(tmp_path):
    save_project(tmp_path / "again.nnsim", load_project(SAVED_BY_V1))
    assert (tmp_path / "again.nnsim").read_bytes() == SAVED_BY_V1.read_bytes()


def test_records_edited_by_hand_open_and_save_as_the_grid_places_them(tmp_path):
    content = json.loads(SAVED_BY_V1.read_text())
    for k, neuron in enumerate(content["document"]["neurons"]):
        neuron.update(id=f"cell{k}", x=-1.5 * k, y=7.0)
    (tmp_path / "edited.nnsim").write_text(json.dumps(content))
    save_project(tmp_path / "again.nnsim", load_project(tmp_path / "edited.nnsim"))
    assert (tmp_path / "again.nnsim").read_bytes() == SAVED_BY_V1.read_bytes()
