"""Every control a person can see says what it does when hovered."""

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QToolButton,
    QWidget,
)

CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QAbstractSlider, QLineEdit)


def qt_part(widget: QWidget) -> bool:
    """Parts Qt makes inside its own widgets: a spin box's text, a tab bar's arrows, a
    toolbar's overflow button, scroll bars."""
    parent = widget.parentWidget()
    return (
        isinstance(widget, QScrollBar)
        or isinstance(parent, (QAbstractSpinBox, QTabBar))
        or widget.objectName() == "qt_toolbar_ext_button"
    )


def tip(widget: QWidget) -> str:
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        return widget.defaultAction().toolTip()
    return widget.toolTip()


def without_tips(window) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', lambda: '')()!r}"
        for w in window.findChildren(QWidget)
        if isinstance(w, CONTROLS) and w.isVisible() and not qt_part(w) and not tip(w)
    ]


def test_every_control_of_a_trainable_network_has_a_tooltip(window):
    assert without_tips(window) == []
    window.data_dock.raise_()
    window.explainer.action.trigger()
    assert without_tips(window) == []


def test_every_control_of_a_perceptron_and_a_hopfield_memory_has_a_tooltip(window):
    window.new_actions["perceptron"].trigger()
    assert without_tips(window) == []
    window.ask_grid_size = lambda: (5, 5)
    window.new_actions["hopfield"].trigger()
    assert window.is_hopfield and without_tips(window) == []
