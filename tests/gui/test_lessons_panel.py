"""The Lessons panel plays a lesson in the window's parts, on a session alone."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QWidget

from nnsim.gui.lessons_panel import LessonPanel, shown_number, typed_number
from nnsim.io.project import load_project
from nnsim.model.lessons import Quantity
from nnsim.model.session import Session
from nnsim.resource_files import resource_path


def panel_on(qtbot):
    session = Session()
    parts = {name: QWidget(objectName=name) for name in ("topologyView", "trainingToolBar")}
    for part in parts.values():
        qtbot.addWidget(part)

    def open_example(name):
        session.load(load_project(resource_path("examples", name + ".nnsim")))

    stack = QUndoStack()
    panel = LessonPanel(session, open_example, parts.get, stack)
    qtbot.addWidget(panel)
    panel.destroyed.connect(lambda: stack.blockSignals(True))
    return session, panel, parts


def framed(panel):
    """The part of the window the panel frames now (None: none)."""
    return None if panel.part_frame is None else panel.part_frame.part


def start_at(panel, lesson_id: str, wanted) -> None:
    """Start lesson ``lesson_id`` in ``panel`` and play it (Show Me, any prediction) up to the
    first step for which ``wanted(step)`` holds."""
    panel.chooser.setCurrentIndex([lesson.id for lesson in panel.lessons].index(lesson_id))
    panel.findChild(QWidget, "lessonStart").click()
    run = panel.run
    while not wanted(run.step):
        if run.step.kind == "predict":
            run.predict(0.0)
        run.show_me()
        assert run.advance()
    panel.refresh()


def checks(kind: str):
    """A step whose check measures a quantity of ``kind``."""
    return lambda step: step.check is not None and step.check.quantity.kind == kind


def test_lesson_one_plays_through_the_panels_buttons(qtbot):
    session, panel, parts = panel_on(qtbot)
    panel.chooser.setCurrentIndex(0)
    panel.findChild(QWidget, "lessonStart").click()
    assert session.document.name.startswith("km"), "the lesson opened its example"
    assert framed(panel) is parts["topologyView"]
    steps = len(panel.run.lesson.steps)
    assert panel.step_count.text() == f"Step 1 of {steps}", "how far, and how long"
    judged = 0
    while not panel.run.finished:
        step = panel.run.step
        if step.kind == "predict":
            assert not panel.next_button.isEnabled(), "a prediction comes first"
            answer = step.answer
            right = answer.measure(session) if isinstance(answer, Quantity) else answer
            if judged == 0:  # the first one wrong, to see the right number come back
                panel.answer.setText("40")
                panel.check.click()
                assert panel.feedback.text().startswith("Not quite: it is 50.")
            panel.answer.setText(f"{right:.6f}")
            panel.check.click()
            judged += 1
        elif step.kind == "do" and not panel.next_button.isEnabled():
            panel.show_me_button.click()
        assert panel.next_button.isEnabled()
        panel.next_button.click()
    assert panel.text.text().startswith("Lesson done") and judged == 5
    assert framed(panel) is None and panel.step_count.text() == ""
    assert panel.chooser.currentText().startswith("2."), "the next lesson is chosen"


def test_a_step_done_by_hand_lets_the_student_go_on(qtbot):
    session, panel, _parts = panel_on(qtbot)
    start_at(panel, "01-predictor", lambda step: step.kind == "do")
    assert not panel.next_button.isEnabled()
    session.set_number(0.6, "n4", "n2")  # as the editor does on a double-click
    assert panel.next_button.isEnabled(), "the panel follows the session"


def test_help_lessons_docks_the_panel_and_frames_what_the_step_is_about(window):
    window.findChild(QAction, "actionLessons").trigger()
    dock = window.findChild(QDockWidget, "lessonsDock")
    assert dock is not None and dock.isVisible()
    panel = dock.widget()
    panel.findChild(QWidget, "lessonStart").click()
    assert window.document.name.startswith("km")
    assert framed(panel) is window.editor.view


def test_a_setting_show_me_changes_is_one_undo_step_and_unsaved_work(window):
    window.findChild(QAction, "actionLessons").trigger()
    panel = window.lessons_dock.widget()
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    start_at(panel, "02-classifier", checks("setting"))  # its Show Me sets the learning rate
    assert panel.show_me_button.isEnabled()
    steps = window.undo_stack.count()
    panel.show_me_button.click()
    assert window.settings["learning_rate"] == 1.0 and window.isWindowModified()
    assert window.undo_stack.count() == steps + 1
    window.undo_stack.undo()
    assert window.settings["learning_rate"] == 0.5


def test_a_number_show_me_sets_is_one_undo_step(qtbot):
    session, panel, _parts = panel_on(qtbot)
    start_at(panel, "01-predictor", lambda step: step.kind == "do")
    panel.show_me_button.click()
    weight = Quantity("weight", ("n4", "n2"))
    assert weight.measure(session) == 0.6 and panel.undo_stack.count() == 1
    panel.undo_stack.undo()
    assert weight.measure(session) == 0.5
    panel.undo_stack.redo()
    assert weight.measure(session) == 0.6


def test_the_first_start_offers_the_lessons_once(make_window):
    first = make_window()
    assert first.lessons_dock is None
    assert first.offer_lessons()
    assert first.lessons_dock.isVisible()
    assert first.lessons_dock.widget().text.text().startswith("New to neural networks?")
    assert not first.offer_lessons(), "offered once"
    assert not make_window().offer_lessons(), "not on the next start either (the same store)"


def test_lessons_are_not_offered_over_unsaved_work(make_window):
    window = make_window()
    window.store.remove("lessons/offered")
    window.files.mark_unsaved()  # as a restored autosave is
    assert window.isWindowModified()
    assert not window.offer_lessons() and window.lessons_dock is None


def test_a_step_brings_what_it_points_at_into_view_and_frames_only_that(window, qtbot):
    window.show_lessons()
    panel = window.lessons_dock.widget()
    window.explain_dock.hide()
    panel._point_at("explainView")
    assert window.explain_dock.isVisible(), "a hidden dock is shown"
    view = window.findChild(QWidget, "explainView")
    assert framed(panel) is view and panel.part_frame.isVisible()
    frame = panel.part_frame.geometry()
    corner = view.mapTo(window, QPoint(0, 0))
    assert frame.contains(QRect(corner, view.size())), "round the whole part, over it"
    assert view.styleSheet() == "", "the part itself is left as it is"
    results = window.findChild(QWidget, "resultsView")
    panel._point_at("resultsView")
    assert framed(panel) is results and results.isVisibleTo(window), "its tab to the front"
    panel._point_at("actionExplain")
    button = window.findChild(QWidget, "trainingToolBar").widgetForAction(window.explainer.action)
    assert framed(panel) is button, "an action: its toolbar button is framed"
    run_button = window.findChild(QWidget, "runRecallButton")
    window.files.open_example("hopfield_letters")
    size = run_button.size()
    panel._point_at("runRecallButton")
    qtbot.wait(50)
    assert framed(panel) is run_button and run_button.size() == size, (
        "a framed button keeps its size"
    )
    assert panel.part_frame.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


@pytest.mark.parametrize(
    ("value", "tolerance", "shown"),
    [(2.0026502, 0.00002, "2.00265"), (50.0, 0.001, "50"), (-7.863, 0.001, "-7.863"),
     (0.30833, 0.0005, "0.3083"), (12.0, 0.0, "12")],
)  # fmt: skip
def test_the_right_number_is_shown_as_precisely_as_the_prediction_is_judged(
    value, tolerance, shown
):
    assert shown_number(value, tolerance) == shown


def test_a_setting_or_an_activation_changed_by_hand_lets_the_student_go_on(qtbot):
    session, panel, _parts = panel_on(qtbot)
    start_at(panel, "02-classifier", checks("setting"))
    assert not panel.next_button.isEnabled()
    session.settings.set("learning_rate", 1.0)  # typed in the Parameters panel
    assert panel.next_button.isEnabled(), "a setting changed by hand is seen"

    start_at(panel, "03-single-neuron", checks("uses"))
    layer, activation = panel.run.step.check.quantity.args
    assert not panel.next_button.isEnabled()
    session.document.set_property(layer, "activation", activation)  # the Parameters panel's edit
    assert panel.next_button.isEnabled(), "an edit of the drawing is seen"
    assert session.network_up_to_date, "and built at once, so the canvas shows its values"


def test_a_lessons_recall_runs_in_the_workspace_and_plots_its_energy(window, qtbot):
    window.show_lessons()
    panel = window.lessons_dock.widget()
    window.hopfield.speed.setCurrentIndex(window.hopfield.speed.findData("fastest"))
    start_at(panel, "10-hopfield", lambda step: any("recall" in a for a in step.solution))
    assert not panel.next_button.isEnabled()
    panel.show_me_button.click()
    qtbot.waitUntil(panel.next_button.isEnabled, timeout=10_000)  # the recall's end is heard
    energies = window.hopfield.plots.energy_curve.getData()[1]
    assert len(energies) > 2 and energies[-1] < energies[0], "the energy fell, on the plot"


def test_answers_in_nnsims_own_lessons_are_not_asked_about_but_the_parameters_panel_is_framed(
    window,
):
    window.show_lessons()
    panel = window.lessons_dock.widget()
    panel.chooser.setCurrentIndex([lesson.id for lesson in panel.lessons].index("02-classifier"))
    panel.findChild(QWidget, "lessonStart").click()
    panel.run.advance()
    panel.answer.setText("0.75")
    panel.check.click()
    panel.next_step()
    assert window.session.lesson_progress.step == 2, "kept with the work"
    assert not window.isWindowModified(), "a lesson's answers on an example are not work to save"
    assert window.part("parameterTree") is window.panel, "the Parameters panel, not the Data dock"


@pytest.mark.parametrize(
    ("typed", "number"),
    [("0.25", 0.25), ("25%", 0.25), (" 0,75 ", 0.75), ("\u22127.863", -7.863), ("x", None),
     ("", None), ("3/4", 0.75), ("1/0", None), ("1/x", None), ("nan", None), ("inf", None),
     ("1e999", None)],
)  # fmt: skip
def test_a_typed_prediction_is_read_as_a_student_writes_it(typed, number):
    assert typed_number(typed) == number


def test_enter_checks_and_show_me_refused_while_training_says_why(qtbot):
    session, panel, _parts = panel_on(qtbot)
    panel.findChild(QWidget, "lessonStart").click()
    panel.next_step()
    panel.answer.setText("50")
    qtbot.keyClick(panel.answer, Qt.Key.Key_Return)
    assert panel.feedback.text().startswith("Right."), "Enter checks"
    panel.next_step()
    panel.answer.setText("12.137")
    panel.judge()
    panel.next_step()
    assert panel.run.step.kind == "do"
    session.step()  # a run exists: the network is held
    panel.refresh()
    assert not panel.show_me_button.isEnabled(), "nothing is done while training runs"
    panel.show_me()  # (pressed anyway, say by a shortcut)
    assert "Training is using the network" in panel.feedback.text()
    session.end_run("stopped")


def focused_lesson(window, qtbot, wanted):
    """Lesson 1 in the window, made the active window (it has the keyboard), at a step."""
    window.show_lessons()
    panel = window.lessons_dock.widget()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    start_at(panel, "01-predictor", wanted)
    return panel


def test_the_answer_box_takes_the_focus_once_as_a_prediction_begins(window, qtbot):
    panel = focused_lesson(window, qtbot, lambda step: step.kind == "predict")
    panel.refresh()
    assert panel.answer.hasFocus(), "ready to type the prediction"
    window.panel.setFocus()  # the student goes to type a setting
    window.session.events.weights_changed.emit()  # (a report, a redraw...)
    assert not panel.answer.hasFocus(), "a refresh does not take the focus back"


def test_a_button_disabled_under_the_students_focus_keeps_the_focus_in_the_panel(window, qtbot):
    panel = focused_lesson(window, qtbot, lambda step: step.kind == "read")
    panel.next_button.setFocus()  # the student clicked Next last
    assert panel.next_button.hasFocus()
    window.training_actions["start"].trigger()  # then Train on the toolbar: Next waits
    assert not panel.next_button.isEnabled()
    focus = QApplication.focusWidget()
    assert panel.isAncestorOf(focus), "not passed on into the Parameters panel's first field"
    window.training_actions["stop"].trigger()
    qtbot.waitUntil(lambda: not window.session.busy)


def test_a_lesson_goes_on_from_its_own_example_without_asking_but_asks_over_other_work(window):
    asked = []
    window.files.ask_to_save = lambda: (
        asked.append(window.files.title()) or (QMessageBox.StandardButton.Discard)
    )
    window.session.set_number(0.25, "n8", "n2")  # the person's own change to the XOR network
    window.show_lessons()
    panel = window.lessons_dock.widget()
    start_at(panel, "02-classifier", lambda step: step.kind == "do")
    assert len(asked) == 1, "the person's own work: asked first"
    panel.show_me()  # the lesson's try on its example: unsaved now
    assert window.isWindowModified()
    start_at(panel, "01-predictor", lambda step: True)  # another lesson opens its example
    assert len(asked) == 1, "the lesson's own example goes without a question"
    assert window.session.document.name.startswith("km")


def test_the_plots_stay_readable_beside_the_lessons_and_explain(window, qtbot):
    from nnsim.gui.plots.common import MIN_PLOT_HEIGHT

    window.resize(1280, 800)  # a laptop's screen
    window.show_lessons()
    window.explainer.action.trigger()  # Explain a Step docks along the bottom too
    qtbot.wait(50)
    for plot in (window.error_plot.widget, window.decision_plot.widget):
        assert plot.height() >= MIN_PLOT_HEIGHT, plot.objectName()
    assert window.height() <= 800, "and the window still fits the screen"


def test_another_example_shows_its_first_sample(window):
    window.files.open_example("km_to_miles")
    window.status.sample_selector.setValue(6)  # 100 km, as lesson 1 asks
    window.files.open_example("three_input_neuron")
    assert window.status.sample_selector.value() == 1, "its first row, as a lesson says"


def test_the_chosen_lesson_stays_chosen_when_the_exercise_lesson_leaves_the_list(qtbot):
    from nnsim.io.lessons import load_lesson
    from nnsim.model.classroom import Classroom
    from nnsim.resource_files import resource_path

    session, panel, _parts = panel_on(qtbot)
    session.set_classroom(
        Classroom(lesson=load_lesson(resource_path("lessons", "01-predictor.json")))
    )
    assert panel.chooser.count() == 11 and panel.chooser.itemText(0).startswith("Exercise:")
    panel.chooser.setCurrentIndex(10)  # lesson 10, last in the list
    panel.findChild(QWidget, "lessonStart").click()  # it opens its example: no exercise now
    assert panel.run is not None and panel.run.lesson.id == "10-hopfield"
    assert panel.chooser.count() == 10 and panel.chooser.currentText().startswith("10.")


def test_closing_the_lessons_takes_their_frame_away_and_showing_them_brings_it_back(window, qtbot):
    window.show_lessons()
    panel = window.lessons_dock.widget()
    start_at(panel, "01-predictor", lambda step: True)
    assert panel.part_frame.isVisible()
    window.lessons_dock.close()
    assert not panel.part_frame.isVisible(), "no frame left over the canvas"
    window.show_lessons()
    assert panel.part_frame.isVisible() and framed(panel) is window.editor.view
