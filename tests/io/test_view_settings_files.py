"""The Analysis views' own settings travel with the project (nnsim.model.view_settings)."""

import json

import pytest

from nnsim.errors import ProjectFileError
from nnsim.model.session import Session
from nnsim.model.view_settings import checked_view_settings


def test_a_saved_value_of_the_wrong_kind_is_refused_and_unknown_names_passed_over():
    assert checked_view_settings({"stateSpace.layer": 1, "someday.new": [1]}) == {
        "stateSpace.layer": 1
    }
    for wrong in ({"stateSpace.layer": "1"}, {"stateSpace.layer": True},
                  {"lossLandscape.plane": "sideways"}, {"lossLandscape.reach": -1.0},
                  {"runComparison.showAll": 1}):  # fmt: skip
        with pytest.raises(ValueError, match="view setting"):
            checked_view_settings(wrong)
    with pytest.raises(ValueError, match="not a table"):
        checked_view_settings([1, 2])


def test_view_settings_are_saved_with_the_project_and_come_back(tmp_path):
    session = Session()
    session.view_settings.update({"stateSpace.layer": 0, "lossLandscape.seed": 7})
    path = tmp_path / "views.nnsim"
    session.save(path)
    again = Session.open(path)
    assert again.view_settings == {"stateSpace.layer": 0, "lossLandscape.seed": 7}
    session.replace(session.document)  # another network: the views' first choices
    assert session.view_settings == {}


def test_a_file_with_a_hostile_view_setting_is_refused_in_words(tmp_path):
    path = tmp_path / "views.nnsim"
    Session().save(path)
    content = json.loads(path.read_text())
    content["views"] = {"lossLandscape.seed": "<img src=x>"}
    path.write_text(json.dumps(content))
    with pytest.raises(ProjectFileError, match=r"view setting lossLandscape\.seed"):
        Session.open(path)
