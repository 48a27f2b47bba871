"""Nothing the window says outlives what it was about (issue 14, section 6).

A new user saw "Sample 1 of 1438" beside 60 imported rows, an old message
after File > New, and Hopfield's "Converged ..." under the corrupted pattern
that Undo had brought back (the Rewind slider: test_rewind_after_reopening.py).
"""

import numpy as np

from nnsim.io.csv_data import guess_roles, make_csv_dataset, read_table

SIXTY_ROWS = "a,b,k\n" + "".join(f"{k},{k % 7},{'xy'[k % 2]}\n" for k in range(60))


def counter(window):
    return window.status.sample_selector


def test_the_sample_counter_counts_the_data_shown_even_when_the_network_cannot_take_it(window):
    window.files.open_example("digits")
    window.panel.set_value("validation_share", 0.0)
    assert counter(window).maximum() == window.session.data.n_samples > 1000
    table = read_table(SIXTY_ROWS, "sixty")
    window.settings.set_custom_data(make_csv_dataset(table, guess_roles(table)))
    window.panel.set_value("dataset", "custom")  # 2 inputs: the 64-100-10 net cannot take them
    assert window.session.problem is not None
    assert window.data_view.samples.rowCount() == 60
    assert counter(window).maximum() == 60 and counter(window).suffix() == " of 60"


def test_file_new_starts_with_an_empty_status_bar(window):
    window.status.show_message("Training data: an old import")
    window.new_actions["mlp"].trigger()
    assert window.statusBar().currentMessage() == ""
    window.status.show_message("About the perceptron")
    window.new_actions["perceptron"].trigger()
    assert window.statusBar().currentMessage() == ""


def test_undo_after_a_recall_takes_its_verdict_away(window, qtbot):
    window.ask_grid_size = lambda: (10, 10)
    window.new_actions["hopfield"].trigger()
    workspace = window.hopfield
    memory = workspace.memory
    rng = np.random.default_rng(3)
    memory.add_patterns([("x", rng.choice([-1.0, 1.0], size=100))])
    memory.store("hebb")
    workspace.rng = np.random.default_rng(4)
    workspace.corrupt_slider.setValue(10)
    workspace.corrupt()
    workspace.speed.setCurrentIndex(workspace.speed.findData("fastest"))
    workspace.run()
    qtbot.waitUntil(lambda: workspace.recall.state == "finished", timeout=10_000)
    verdict = workspace.outcome.text()
    assert verdict.startswith("Converged") and window.statusBar().currentMessage() == verdict
    window.undo_stack.undo()  # the corrupted pattern is back: no recall has happened to it
    assert workspace.outcome.text() == ""
    assert window.statusBar().currentMessage() != verdict
    window.undo_stack.redo()
    assert workspace.outcome.text() == ""  # the verdict came with the recall, not its result
