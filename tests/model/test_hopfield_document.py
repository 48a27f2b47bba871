"""A Hopfield document holds its grid, not a record per neuron; the records follow from it."""

import tracemalloc

import pytest

from nnsim.errors import TopologyError
from nnsim.model import compile, new_hopfield
from nnsim.model.records import GRID_ONLY, Change, GridRecords, Layer, Neuron


def test_a_64_by_64_grid_makes_no_neuron_records():
    tracemalloc.start()
    doc = new_hopfield(64, 64)
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert held < 20_000, f"{held:,} bytes (4,096 records took 1.1 MB)"
    assert doc.grid == (64, 64) and doc.layer_sizes == (4096,)


def test_the_records_are_those_a_hopfield_document_always_had():
    doc = new_hopfield(2, 3, name="small")
    assert doc.layers == (Layer("L1", "sign"),) and doc.connections == ()
    assert doc.neurons_of("L1") == ("n2", "n3", "n4", "n5", "n6", "n7")
    assert doc.neurons[4] == Neuron("n6", "L1", 60.0, 60.0)  # row 1, column 1
    assert doc.neuron("n7") == Neuron("n7", "L1", 120.0, 60.0)
    assert doc.role("L1") == "hopfield" and doc.activation_of("L1") == "sign"
    assert doc.grid_records == GridRecords(2, 3)
    for stranger in ("n1", "n8", "n02", "n-3", "m2", "", "n٣"):
        with pytest.raises(TopologyError, match="There is no neuron"):
            doc.neuron(stranger)


def test_its_neurons_are_not_moved_nor_changed_one_by_one():
    doc = new_hopfield(3, 3)
    before = doc.snapshot()
    for change in (
        Change(moves=(("n2", (0.0, 0.0), (5.0, 5.0)),)),
        Change(removed_neurons=((0, doc.neuron("n2")),)),
        Change(added_neurons=((9, Neuron("n11", "L1")),)),
    ):
        with pytest.raises(TopologyError, match="form a grid"):
            doc.apply(change)
    with pytest.raises(TopologyError, match="form a grid"):
        doc.move({"n2": (5.0, 5.0)})
    assert doc.move({"n2": (0.0, 0.0)}) == Change(), "where it is already: nothing to do"
    assert doc.snapshot() == before and GRID_ONLY.startswith("A Hopfield")


def test_its_name_is_set_and_undone_as_any_documents():
    doc = new_hopfield(3, 3)
    seen = []
    doc.changed.connect(seen.append)
    change = doc.set_property("", "name", "letters")
    doc.apply(change.inverse())
    assert doc.name == "Hopfield" and len(seen) == 2


def test_it_compiles_from_its_grid():
    compiled = compile(new_hopfield(4, 5))
    assert compiled.network.n_neurons == 20 and compiled.layer_ids == ("L1",)
    assert compiled.index["n2"] == (0, 0) and compiled.index["n21"] == (0, 19)
