"""The topology editor: build a network by clicking (DESIGN.md sections 4 and 7)."""

from PySide6.QtWidgets import QToolBar, QVBoxLayout, QWidget

from nnsim.gui.editor.items import ConnectionItem, LayerItem, NeuronItem
from nnsim.gui.editor.scene import NetworkScene
from nnsim.gui.editor.view import EditorView
from nnsim.gui.flow_layout import FlowLayout
from nnsim.text import translate


class EditorWidget(QWidget):
    """The editor canvas with its toolbars: the tools; Delete, Undo, Redo, Auto-Connect, Fit.

    ``view`` is the :class:`EditorView` (objectName ``topologyView``); its
    actions carry the objectNames of DESIGN.md section 7, so a main window
    can put the same actions in its menus.
    """

    def __init__(self, document, undo_stack=None, parent=None):
        super().__init__(parent)
        self.view = EditorView(document, undo_stack, self)
        self.toolbar = QToolBar(translate("EditorWidget", "Editor"), self)  # the tools
        self.toolbar.setObjectName("editorToolBar")
        self.toolbar.addActions(list(self.view.tool_actions.values()))
        self.edit_toolbar = QToolBar(translate("EditorWidget", "Editor edits"), self)
        self.edit_toolbar.setObjectName("editorEditToolBar")
        self.edit_toolbar.addActions(
            [self.view.delete_action, self.view.undo_action, self.view.redo_action]
        )
        self.edit_toolbar.addSeparator()
        self.edit_toolbar.addActions([self.view.auto_connect_action, self.view.fit_action])
        #: Both toolbars: side by side, or (in a narrow window) one above the other, so
        #: no button waits behind a ">>".
        self.toolbars = (self.toolbar, self.edit_toolbar)
        bars = QWidget(self)
        row = FlowLayout(bars, spacing=0)
        for toolbar in self.toolbars:
            row.addWidget(toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bars)
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
        name = self.view.document.name
        self.setWindowTitle(f"{name}[*] - nnsim")  # not translated: two names, no words

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
