"""The Lessons panel plays a lesson in the window's language, English where it has none."""

import pytest

from nnsim.gui import classroom_dialog, lessons_panel
from nnsim.gui.classroom_dialog import ClassroomDialog
from nnsim.model.classroom import Classroom
from nnsim.model.lessons import text_in
from tests.gui.test_lessons_panel import panel_on


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_lesson_speaks_the_windows_language(qtbot, monkeypatch, language):
    monkeypatch.setattr(lessons_panel, "current_language", lambda: language)
    _session, panel, _parts = panel_on(qtbot)
    first = panel.lessons[0]
    assert "zh_CN" in first.title and "zh_CN" in first.steps[0].text, "lesson 1 has Chinese"
    assert panel.chooser.itemText(0) == first.title[language]
    panel.chooser.setCurrentIndex(0)
    panel.start()
    assert panel.run.language == language
    assert panel.text.text() == first.steps[0].text[language]


def test_a_lesson_without_the_language_falls_back_to_english_saying_so(qtbot, monkeypatch):
    monkeypatch.setattr(lessons_panel, "current_language", lambda: "fr")
    _session, panel, _parts = panel_on(qtbot)
    assert panel.chooser.itemText(0) == panel.lessons[0].title["en"]
    panel.chooser.setCurrentIndex(0)
    panel.start()
    english = panel.lessons[0].steps[0].text["en"]
    assert panel.text.text() == f"{english}\n\n(This step is not translated yet: it is in English.)"
    monkeypatch.setattr(lessons_panel, "current_language", lambda: "en")
    panel.start()
    assert panel.text.text() == english, "English itself needs no note"


def test_classroom_settings_name_the_lessons_in_the_windows_language(qtbot, monkeypatch):
    monkeypatch.setattr(classroom_dialog, "current_language", lambda: "zh_CN")
    dialog = ClassroomDialog(Classroom(), "mlp")
    qtbot.addWidget(dialog)
    first = dialog.lessons[1]  # (after "(none)")
    assert dialog.lesson.itemText(1) == text_in(first.title, "zh_CN")[0] != first.title["en"]
