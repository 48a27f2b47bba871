"""The window in Chinese: every word it shows translated, drawn, and switchable without loss.

The translations are built from the ``.ts`` sources into the test's own folder
(as ``dev.sh`` and the wheel's build hook do), so the test reads what a user
of this very source would see.  Every text of the window is gathered (menus,
actions and their tooltips, labels, buttons, tabs, docks, lists, the
parameter tree, table headers, plot axes, titles and legends, the editor's
canvas), and none may hold an English word but the names that stay Latin in
Chinese too (the glossary's: Sigmoid, XOR, Hopfield...).
"""

import importlib.util
import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableView,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from nnsim import text
from nnsim.engine.activations import ACTIVATIONS
from nnsim.engine.perceptron import RULES
from nnsim.gui import language, preferences
from nnsim.gui.language import (
    chosen_language,
    has_translation,
    install_language,
    system_language,
)
from nnsim.model.settings import SPECS

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("translations", ROOT / "tools" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)

#: Words that stay in Latin letters in the Chinese window (GLOSSARY.md): names of methods,
#: functions (exp, ln, sin), formats and products, units and the variables of the formulas.
LATIN_NAMES = set(
    """nnsim XOR AND OR NAND MLP MLPs ReLU tanh Sigmoid sigmoid Hopfield Hebb Hebbian Storkey
    ADALINE LMS NLMS MSE SSE Adam SGD Rprop F1 CSV PNG SVG PDF JSON HTML NPZ NumPy PyTorch Python
    Jupyter Keras Rosenblatt Xavier Glorot He Iris UCI English Ctrl Shift Alt Esc Del Tab Enter
    Space PgUp PgDn Home End Backspace Return Up Down Left Right min max exp ln tanh' dE dw dA id
    ok OK epochs/s km sin""".split()  # noqa: SIM905 - a list of words, read as one
)
_WORD = re.compile(r"[A-Za-z]{2,}(?:'[a-z]+)?")
_TAG = re.compile(r"<[^>]+>|&[a-z]+;")


def english_words(shown: str, data_words=frozenset()) -> list[str]:
    """The words of ``shown`` that are English, not Latin names that stay nor ``data_words``."""
    plain = _TAG.sub(" ", shown.replace("&&", "").replace("&", ""))
    return [w for w in _WORD.findall(plain) if w not in LATIN_NAMES and w not in data_words]


def data_words(session) -> set[str]:
    """Words the window shows as data, in the language they were written in: the names of
    the network, its data set, features and classes (from files), and the keys of choices
    (an activation's, a loss's), which the panel shows beside their translated title."""
    names = [session.document.name, *ACTIVATIONS, *RULES]
    names += [key for spec in SPECS.values() for key in spec.choices or ()]
    if session.is_hopfield:
        names += [pattern.name for pattern in session.memory.library]
    else:
        data = session.data
        names += [data.name, *data.feature_names, *map(str, data.class_names or ())]
    return {word for name in names for word in _WORD.findall(str(name))}


@pytest.fixture
def chinese(tmp_path_factory, monkeypatch):
    """The window's texts in Chinese, from translations built from this very source."""
    folder = tmp_path_factory.mktemp("translations")
    translations.build(folder)
    monkeypatch.setattr(
        language, "translation_file", lambda code: str(translations.qm_path(code, folder))
    )
    assert install_language("zh_CN")
    yield
    install_language("en")
    text.set_translator(None)


def _action_texts(action: QAction) -> list[str]:
    texts = [action.text(), action.statusTip()]
    menu = action.menu()
    if isinstance(menu, QMenu):
        texts.append(menu.title())
        for inner in menu.actions():
            texts += _action_texts(inner)
    return texts


def _widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.windowTitle() if widget.isWindow() else ""]
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QDockWidget):
        texts.append(widget.windowTitle())
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    elif isinstance(widget, QAbstractSpinBox):
        texts += [widget.specialValueText(), getattr(widget, "suffix", str)()]
    if isinstance(widget, QTreeWidget):
        iterator = QTreeWidgetItemIterator(widget)
        while iterator.value():
            item = iterator.value()
            texts += [item.text(c) for c in range(widget.columnCount())]
            texts += [item.toolTip(c) for c in range(widget.columnCount())]
            iterator += 1
    if isinstance(widget, QTableView) and widget.model() is not None:
        model = widget.model()
        for orientation, count in ((1, model.columnCount()), (2, model.rowCount())):
            texts += [str(model.headerData(n, pg.QtCore.Qt.Orientation(orientation)) or "")
                      for n in range(min(count, 50))]  # fmt: skip
    if isinstance(widget, pg.PlotWidget):
        item = widget.getPlotItem()
        texts.append(item.titleLabel.text)
        texts += [item.getAxis(name).labelText for name in ("left", "bottom", "right", "top")]
        if item.legend is not None:
            texts += [label.text for _, label in item.legend.items]
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        for item in widget.scene().items():
            if isinstance(item, (QGraphicsTextItem, QGraphicsSimpleTextItem)) and item.isVisible():
                shown = item.toPlainText() if isinstance(item, QGraphicsTextItem) else item.text()
                texts.append(shown)
    return texts


def english_left(window: QWidget, data=frozenset()) -> dict[str, list[str]]:
    """Every text ``window`` shows that still holds English words (not ``data``), with them.

    Texts are those of its menus (with every action and submenu), and of each widget
    shown, with the actions it offers (toolbars, right-click menus).
    """
    texts = [window.windowTitle()]
    bar = window.menuBar() if hasattr(window, "menuBar") else None
    widgets = [w for w in [window, *window.findChildren(QWidget)]
               if w is window or w.isVisibleTo(window)]  # fmt: skip
    for action in [*(bar.actions() if bar else []), *(a for w in widgets for a in w.actions())]:
        texts += _action_texts(action)
    for widget in widgets:
        texts += _widget_texts(widget)
    left = {shown: english_words(shown, data) for shown in set(texts) if shown}
    return {shown: words for shown, words in left.items() if words}


def test_the_words_that_stay_latin_are_told_apart_from_english():
    assert english_words("Sigmoid 激活函数") == []
    assert english_words("文件(&F)") == []
    assert english_words("<b>XOR</b> 问题") == []
    assert english_words("Learning rate 学习率") == ["Learning", "rate"]


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize(
    "example", ["xor_2_4_1", "ladybird_caterpillar", "digits", "hopfield_letters"]
)
def test_the_chinese_window_shows_no_english(make_window, example):
    window = make_window()
    window.files.open_example(example, ask=False)
    if not window.session.is_hopfield:
        window.session.step()  # a trained network's numbers, status and curves
    left = english_left(window, data_words(window.session))
    assert left == {}, "\n".join(sorted(left))
    assert window.menuBar().actions()[0].text() == "文件(&F)"


@pytest.mark.usefixtures("chinese")
def test_the_preferences_dialog_speaks_chinese(qtbot):
    dialog = preferences.PreferencesDialog("")
    qtbot.addWidget(dialog)
    assert english_left(dialog) == {}
    assert [dialog.language.itemData(i) for i in range(3)] == ["", "en", "zh_CN"]


def test_a_font_here_draws_chinese(qapp):
    """The Debian font dev.sh installs (fonts-wqy-microhei): without it every glyph is a box."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert families, "install fonts-wqy-microhei"
    metrics = QFontMetrics(QFont(families[0]))
    assert all(metrics.inFontUcs4(ord(glyph)) for glyph in "神经元权重学习率误差")
    assert language.can_draw("zh_CN")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh_TW", "en"), ("zh_HK", "en"),
     ("en_GB", "en"), ("de_DE", "en")],
)  # fmt: skip
def test_the_system_locale_chooses_chinese_only_for_simplified_chinese(qapp, locale, expected):
    assert system_language(QLocale(locale)) == expected


def test_the_language_chosen_in_preferences_wins_over_the_system(qapp, tmp_path):
    store = pg.QtCore.QSettings(str(tmp_path / "s.ini"), pg.QtCore.QSettings.Format.IniFormat)
    assert chosen_language(store) == system_language()
    store.setValue(language.LANGUAGE_KEY, "zh_CN")
    assert chosen_language(store) == "zh_CN"
    store.setValue(language.LANGUAGE_KEY, "klingon")  # a hand-edited settings file
    assert chosen_language(store) == system_language()


def test_a_missing_translation_changes_nothing_and_is_said(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(language, "translation_file", lambda code: str(tmp_path / "none.qm"))
    assert not has_translation("zh_CN")
    assert not install_language("zh_CN")
    assert text.translate("Menus", "&File") == "&File"
    assert "tools/translations.py build" in preferences.why_not("zh_CN")


@pytest.mark.usefixtures("chinese")
def test_switching_language_keeps_the_work(make_window, monkeypatch, tmp_path, qtbot):
    install_language("en")
    window = make_window()
    list(window.session.train(max_epochs=3))
    source, target = window.session.document.connections[-1]
    window.session.set_number(1.25, target, source)  # an unsaved edit of a weight
    path = tmp_path / "mine.nnsim"
    window.files.path = path  # as if it had been saved there before the edit
    before = window.session.project()
    monkeypatch.setattr(preferences, "_rebuilt", [])  # let the new window go with the test
    new = preferences.switch_language(window, "zh_CN")
    qtbot.addWidget(new)
    new.files.ask_to_save = window.files.ask_to_save
    assert new is not window and not window.isVisible()
    after = new.session.project()
    for old_layer, new_layer in zip(before.weights, after.weights, strict=True):
        np.testing.assert_array_equal(old_layer, new_layer)
    np.testing.assert_array_equal(before.history["train"], after.history["train"])
    assert new.files.path == path and new.isWindowModified()
    assert new.menuBar().actions()[0].text() == "文件(&F)"
    assert english_left(new, data_words(new.session) | {"mine"}) == {}  # (its file's name)
    new.close()


def test_a_language_with_no_font_is_refused_in_words(window, monkeypatch):
    monkeypatch.setattr(preferences, "can_draw", lambda code: False)
    said = []
    monkeypatch.setattr(preferences.QMessageBox, "warning", lambda *args: said.append(args[2]))
    assert preferences.switch_language(window, "zh_CN") is window
    assert "fonts-wqy-microhei" in said[0] and window.isVisible()
    assert window.menuBar().actions()[0].text() == "&File"


def test_preferences_in_the_dialog_open_no_new_window_for_the_same_language(window, monkeypatch):
    monkeypatch.setattr(preferences.PreferencesDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(preferences.PreferencesDialog, "chosen", lambda self: "en")
    switched = []
    monkeypatch.setattr(preferences, "switch_language", lambda *args: switched.append(args))
    monkeypatch.setattr(language, "system_language", lambda locale=None: "en")
    preferences.show_preferences(window)
    assert switched == [] and window.store.value(language.LANGUAGE_KEY) == "en"


@pytest.mark.usefixtures("chinese")
def test_on_a_chinese_system_nnsim_starts_in_chinese(make_window, monkeypatch, tmp_path):
    from nnsim.gui import app

    install_language("en")
    monkeypatch.setattr(language, "system_language", lambda locale=None: "zh_CN")
    store = pg.QtCore.QSettings(str(tmp_path / "s.ini"), pg.QtCore.QSettings.Format.IniFormat)
    assert app.start_language(store) is None
    assert language.current_language() == "zh_CN"
    window = make_window()
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert english_left(window, data_words(window.session)) == {}
    store.setValue(language.LANGUAGE_KEY, "en")  # the person chose English: it wins
    assert app.start_language(store) is None and language.current_language() == "en"


def test_a_chinese_system_without_a_chinese_font_starts_in_english_saying_why(
    qapp, monkeypatch, tmp_path
):
    from nnsim.gui import app

    monkeypatch.setattr(language, "system_language", lambda locale=None: "zh_CN")
    monkeypatch.setattr(preferences, "can_draw", lambda code: False)
    store = pg.QtCore.QSettings(str(tmp_path / "s.ini"), pg.QtCore.QSettings.Format.IniFormat)
    assert "fonts-wqy-microhei" in app.start_language(store)
    assert language.current_language() == "en"


@pytest.mark.usefixtures("chinese")
def test_the_dialogs_speak_chinese_too(window, qtbot):
    """The dialogs the window opens, each as a person first sees it."""
    from nnsim.gui.classroom_dialog import ClassroomDialog
    from nnsim.gui.data.import_dialog import CsvImportDialog
    from nnsim.gui.hopfield.capacity import CapacityDialog
    from nnsim.gui.project.example_picker import ExamplePicker
    from nnsim.gui.window.help import shortcuts_dialog
    from nnsim.model.classroom import Classroom

    table = "width,length,kind\n1.0,3.0,caterpillar\n3.0,1.0,ladybird\n"
    dialogs = {
        "capacity": CapacityDialog(100, "hebb"),
        "import": CsvImportDialog(table, "bugs.csv"),
        "examples": ExamplePicker(),
        "classroom": ClassroomDialog(Classroom(), "mlp"),
        "shortcuts": shortcuts_dialog(window),
    }
    data = {"width", "length", "kind", "caterpillar", "ladybird", "bugs", "csv"}
    data |= data_words(window.session)
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        left = english_left(dialog, data)
        assert left == {}, f"{name}: " + "\n".join(sorted(left))


@pytest.mark.usefixtures("chinese")
def test_a_drawn_data_sets_description_is_shown_in_chinese_and_kept_in_english(qapp):
    from nnsim.model.drawing import DRAWN, shown_description

    description = "Two interleaving half moons." + DRAWN  # as a drawing leaves it in the data
    shown = shown_description(description)
    assert english_words(shown) == [] and shown.endswith("其中的点是手工画的。")
    text.set_translator(None)  # (no window: the command line, a saved file)
    assert shown_description(description) == description
