"""The names of a network's inputs on its input neurons, while it has derived inputs.

With derived inputs (:mod:`nnsim.engine.features`) the input layer holds
more neurons than the data has inputs: x1, x2, then x1·x2, x1², sin x1...
Each input neuron then carries its input's name on a card beside it (left
of it, or below it when the layers go bottom to top), a child of the
neuron's item so it moves with it.  Without derived inputs nothing is added.
"""

from PySide6.QtCore import QPointF
from shiboken6 import isValid

from nnsim.engine.features import derived_in
from nnsim.gui.editor.items import NEURON_RADIUS, CardText
from nnsim.model.session import Session

#: Scene units between a neuron's edge and its input's name.
GAP = 4.0


class InputName(CardText):
    """An input's name ("x1", "sin x2") on a card beside its input neuron."""


class InputNames:
    """Writes each input's name beside its neuron while the network has derived inputs.

    Parameters
    ----------
    session : Session
        Its compiled network says which neuron takes which input, its data the names.
    view : EditorView
        Whose current ``network_scene`` holds the neuron items.
    """

    def __init__(self, session: Session, view):
        self.session, self.view = session, view
        self.labels: list[InputName] = []
        session.events.network_changed.connect(self.show)

    def show(self, *_compiled) -> None:
        """Name the input neurons afresh (or take the names away without derived inputs)."""
        self.clear()
        compiled, data = self.session.compiled, self.session.data
        if compiled is None or data is None or not derived_in(data.feature_names):
            return
        scene = self.view.network_scene
        names = data.feature_names
        for neuron_id, (layer, row) in compiled.index.items():
            item = scene.neuron_items.get(neuron_id)
            if layer == 0 and item is not None and row < len(names):
                self.labels.append(_label(names[row], item, scene.bottom_to_top))

    def clear(self) -> None:
        for label in self.labels:
            # (a neuron deleted, or a scene replaced, took its name with it)
            if isValid(label) and label.scene() is not None:
                label.scene().removeItem(label)
        self.labels = []


def _label(name: str, neuron, below: bool) -> InputName:
    label = InputName(name)
    size = label.boundingRect()
    if below:
        label.setPos(-size.center().x(), NEURON_RADIUS + GAP - size.top())
    else:
        label.setPos(QPointF(-NEURON_RADIUS - GAP - size.right(), -size.center().y()))
    label.setParentItem(neuron)
    return label
