"""After reopening a project the Rewind handle stands where its label says (issue 14, §6).

A new user reopened a project trained for 60 epochs: the label said "epoch 60
(latest)" while the slider's handle sat at the left end, as if at epoch 0
(a slider whose range is one value draws its handle at the left).
"""


def test_after_reopening_the_rewind_handle_stands_at_the_latest_epoch(window, choose, tmp_path):
    for _ in range(60):
        window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()
    choose(tmp_path / "sixty.nnsim")
    window.files.save_action.trigger()
    window.files.open(tmp_path / "sixty.nnsim")
    slider = window.rewind.slider
    assert window.rewind.label.text() == "epoch 60 (latest)"
    assert slider.value() == slider.maximum() == 60
    assert slider.minimum() < slider.maximum(), "a one-value range draws the handle at the left"
