"""A layer's dropout rate in a project file: kept exactly, absent when 0, refused when absurd."""

import json

import pytest
from test_project import trained_project
from test_project_hardening import refused, write

from nnsim.io.project import load_project, save_project
from nnsim.model import new_mlp


def test_a_dropout_rate_comes_back_and_a_rate_of_zero_is_not_written(tmp_path):
    document = new_mlp((2, 3, 1), name="dropping")
    save_project(tmp_path / "none.nnsim", trained_project(new_mlp((2, 3, 1), name="dropping")))
    document.set_property(document.layers[1].id, "dropout", 0.1 / 3)
    save_project(tmp_path / "some.nnsim", trained_project(document))
    loaded = load_project(tmp_path / "some.nnsim")
    assert loaded.document.layers[1].dropout == 0.1 / 3
    assert loaded.document.snapshot() == document.snapshot()
    layers = json.loads((tmp_path / "none.nnsim").read_text())["document"]["layers"]
    assert all("dropout" not in layer for layer in layers), "files without dropout as before"
    assert load_project(tmp_path / "none.nnsim").document.layers[1].dropout == 0.0


@pytest.mark.parametrize("rate", [1.0, -0.5, "half", True, None, 1e400])
def test_a_dropout_rate_outside_zero_to_one_is_refused_in_words(tmp_path, rate):
    save_project(tmp_path / "good.nnsim", trained_project())
    content = json.loads((tmp_path / "good.nnsim").read_text())
    content["document"]["layers"][1]["dropout"] = rate
    refused(write(tmp_path, content), "dropout rate .* is not a number from 0 up to 1")
