"""The topology editor: build a network by clicking (DESIGN.md sections 4 and 7)."""

from PySide6.QtWidgets import QToolBar, QVBoxLayout, QWidget

from nnsim.gui.editor.items import ConnectionItem, LayerItem, NeuronItem
from nnsim.gui.editor.scene import NetworkScene
from nnsim.gui.editor.view import EditorView


class EditorWidget(QWidget):
    """The editor canvas with its toolbar: tools, Delete, Undo and Redo.

    ``view`` is the :class:`EditorView` (objectName ``topologyView``); its
    actions carry the objectNames of DESIGN.md section 7, so a main window
    can put the same actions in its menus.
    """

    def __init__(self, document, undo_stack=None, parent=None):
        super().__init__(parent)
        self.view = EditorView(document, undo_stack, self)
        self.toolbar = QToolBar("Editor", self)
        self.toolbar.setObjectName("editorToolBar")
        self.toolbar.addActions(list(self.view.tool_actions.values()))
        self.toolbar.addSeparator()
        self.toolbar.addActions(
            [self.view.delete_action, self.view.undo_action, self.view.redo_action]
        )
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.view.auto_connect_action, self.view.fit_action])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self.view.undo_stack.cleanChanged.connect(self._show_saved_state)
        document.property_changed.connect(self._retitle)
        self._retitle()

    def set_document(self, document) -> None:
        """Edit another document in the same editor (its actions stay valid)."""
        self.view.document.property_changed.disconnect(self._retitle)
        self.view.set_document(document)
        document.property_changed.connect(self._retitle)
        self._retitle()

    def _retitle(self, *_) -> None:
        """ "name[*] - nnsim": Qt shows the * while there are unsaved edits."""
        self.setWindowTitle(f"{self.view.document.name}[*] - nnsim")

    def _show_saved_state(self, clean: bool) -> None:
        self.setWindowModified(not clean)


__all__ = [
    "ConnectionItem",
    "EditorView",
    "EditorWidget",
    "LayerItem",
    "NetworkScene",
    "NeuronItem",
]
