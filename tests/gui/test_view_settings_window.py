"""The Analysis views show the choices a project was left with (nnsim.model.view_settings)."""

from nnsim.gui.training.landscape_view import LossLandscapeView
from nnsim.gui.training.runs_view import RunComparisonView
from nnsim.gui.training.state_space_view import StateSpaceView
from nnsim.model.session import Session


def test_the_views_show_the_choices_they_were_left_with(tmp_path, qtbot):
    session = Session()
    space, landscape, runs = (
        StateSpaceView(session),
        LossLandscapeView(session),
        RunComparisonView(session),
    )
    for view in (space, landscape, runs):
        qtbot.addWidget(view)
    space.show()
    space.draw()
    space.layer.setCurrentIndex(0)  # the inputs
    landscape.controls.seed.setValue(42)
    runs.show_all.setChecked(True)
    path = tmp_path / "views.nnsim"
    session.save(path)
    session.replace(session.document)  # other work: first choices again
    assert landscape.controls.seed.value() == 0 and not runs.show_all.isChecked()
    session.load(Session.open(path).project())
    space.draw()
    assert space.layer.currentIndex() == 0
    assert landscape.controls.seed.value() == 42 and runs.show_all.isChecked()
    landscape.shutdown()
