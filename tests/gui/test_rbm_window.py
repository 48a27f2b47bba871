"""A restricted Boltzmann machine in the window: opened, drawn, trained, its own views."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from nnsim.gui.editor.items import ROLE_COLOURS, NeuronItem
from nnsim.model import new_rbm

WAIT_MS = 60_000


def open_rbm(window, visible=64, hidden=16, **settings):
    """Open a new machine in ``window``, its settings changed by ``settings``."""
    window.new_network(new_rbm(visible, hidden))
    for name, value in settings.items():
        window.settings.set(name, value)
    return window.document


def test_an_rbm_opens_as_two_named_layers_in_its_own_colours(window):
    doc = open_rbm(window, visible=6, hidden=3)
    scene = window.editor.view.network_scene
    visible, hidden = doc.layers
    assert scene.layer_title(visible.id) == "Visible" and scene.layer_title(hidden.id) == "Hidden"
    items = [i for i in scene.items() if isinstance(i, NeuronItem)]
    colours = {i.brush().color().name() for i in items}
    assert colours == {ROLE_COLOURS["visible"].name(), ROLE_COLOURS["rbm hidden"].name()}
    assert ROLE_COLOURS["rbm hidden"] != ROLE_COLOURS["hidden"]
    assert all(i.has_bias for i in items), "both layers of a Boltzmann machine have biases"


def test_an_rbm_on_the_digits_trains_in_the_window_and_its_error_falls(qtbot, window):
    open_rbm(window, max_epochs=5, batch_size=20)
    assert window.session.data.name == "digits" and window.session.data.X.shape == (1797, 64)
    toolbar = window.findChild(QToolBar, "trainingToolBar")
    start = toolbar.widgetForAction(window.training_actions["start"])
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=WAIT_MS)
    epochs, errors = window.error_plot.curve_data()
    assert list(epochs) == [1, 2, 3, 4, 5]
    assert 0.0 < errors[-1] < errors[0] < 0.25, "the reconstruction error fell"


def test_an_rbm_s_units_are_named_by_their_layer():
    from nnsim.gui.editor.numbers import neuron_words

    doc = new_rbm(3, 2)
    visible, hidden = (doc.neurons_of(layer.id) for layer in doc.layers)
    assert neuron_words(doc, visible[2]) == "visible neuron 3"
    assert neuron_words(doc, hidden[0]) == "hidden neuron 1"


def test_an_rbm_project_file_opens_in_the_window_trains_and_its_views_follow(
    qtbot, window, tmp_path
):
    from nnsim.model.session import Session

    path = tmp_path / "machine.nnsim"
    Session(new_rbm(64, 12), dataset="digits", max_epochs=4, batch_size=50).save(path)
    assert window.files.open(path)
    assert window.document.kind == "rbm" and window.document.layer_sizes == (64, 12)
    window.plot_tabs.setCurrentWidget(window.rbm_tabs.filters.widget)
    window.training_actions["start"].trigger()
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=WAIT_MS)
    assert window.session.history.count == 4
    W = window.session.display_network.weights
    scaled = W / abs(W).max(axis=1, keepdims=True)
    drawn = window.rbm_tabs.filters.grid.grid
    assert drawn[1:9, 1:9].ravel().tolist() == scaled[0].tolist(), "the end of the run is drawn"
