"""The optimiser's new choices and the schedule's rows in the parameter panel."""

from PySide6.QtGui import QAction


def test_the_decay_and_step_rows_are_offered_only_where_the_schedule_uses_them(window):
    panel = window.panel
    decay, step = panel.field("lr_decay"), panel.field("lr_step")
    assert decay.opts["visible"] and step.opts["visible"], "an MLP shows the schedule's rows"
    assert not decay.opts["enabled"] and not step.opts["enabled"], "constant: neither is used"
    panel.set_value("lr_schedule", "exponential")
    assert decay.opts["enabled"] and not step.opts["enabled"]
    panel.set_value("lr_schedule", "step")
    assert decay.opts["enabled"] and step.opts["enabled"]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.settings["lr_schedule"] == "constant" and not decay.opts["enabled"]


def test_rprop_is_a_choice_and_reaches_the_run(window):
    panel = window.panel
    assert {"rprop", "irprop-"} <= set(panel.field("optimizer").opts["limits"].values())
    panel.set_value("optimizer", "irprop-")
    assert window.settings.training_config().optimizer == "irprop-"
    assert "Δ₀ = η" in panel.field("optimizer").opts["tip"]


def test_a_perceptron_has_no_optimiser_or_schedule_rows(window):
    window.findChild(QAction, "actionNewPerceptron").trigger()
    for name in ("optimizer", "lr_schedule", "lr_decay", "lr_step"):
        assert not window.panel.field(name).opts["visible"], name


def test_explain_a_step_says_rprop_and_a_schedule_are_not_its_plain_step(window):
    window.panel.set_value("optimizer", "rprop")
    window.panel.set_value("lr_schedule", "exponential")
    window.explainer.action.trigger()
    caveat = window.explainer.view.caveat.text()
    assert "the rprop optimiser (each weight moves by its own step size" in caveat
    assert "a learning rate that falls on a schedule" in caveat
    assert caveat.endswith("this is the plain gradient step on this one sample, the building "
                           "block of each update.")  # fmt: skip
