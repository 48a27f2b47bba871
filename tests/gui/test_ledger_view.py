"""The Samples view (``sampleLedger``): each training sample's error, checked on crafted data."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnsim.engine import datasets
from nnsim.engine.metrics import labels_from_outputs
from nnsim.gui.project.exporting import install_exports
from nnsim.gui.training import ledger_view
from nnsim.gui.training.ledger_images import MistakesList
from nnsim.gui.training.ledger_table import CHANGE, ERROR, INPUTS, PREDICTED, SAMPLE, TARGET
from nnsim.gui.training.ledger_view import MISTAKES, SampleLedgerView
from nnsim.model import new_mlp
from nnsim.model.session import Session
from nnsim.resource_files import resource_path

#: Two clusters and, deep inside class 0's, one point labelled 1 (row 20, sample 21).
OUTLIER = 20


def outlier_session() -> Session:
    """A network without a hidden layer (a line) on two clusters and one mislabelled point:
    no line puts it on its side, so it keeps by far the largest error."""
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(-1, 0.3, (10, 2)), rng.normal(1, 0.3, (10, 2)), [[-1.1, -0.9]]])
    data = datasets.make_dataset("outlier", "", X, [0] * 10 + [1] * 10 + [1])
    return Session(new_mlp((2, 1)), dataset="custom", data=data, validation_share=0,
                   normalisation="none", max_epochs=300, learning_rate=0.5)  # fmt: skip


def shown_view(qtbot, session: Session) -> SampleLedgerView:
    view = SampleLedgerView(session)
    qtbot.addWidget(view)
    view.resize(1200, 350)
    view.show()
    qtbot.waitExposed(view)
    return view


def column(view: SampleLedgerView, number: int) -> list[str]:
    """What the table shows in column ``number``, top to bottom as sorted."""
    proxy = view.listing.model()
    return [proxy.index(row, number).data() for row in range(proxy.rowCount())]


def test_the_first_row_is_the_sample_with_the_largest_error(qtbot):
    session = outlier_session()
    view = shown_view(qtbot, session)
    list(session.train())
    view.draw()
    latest = session.insight.ledger.latest
    assert int(np.argmax(latest)) == OUTLIER
    assert column(view, SAMPLE)[0] == str(OUTLIER + 1), "counted from 1, as the selector counts"
    errors = [float(text) for text in column(view, ERROR)]
    assert errors == sorted(errors, reverse=True) and len(errors) == 21
    assert errors[0] == pytest.approx(latest[OUTLIER], rel=1e-2)
    assert column(view, TARGET)[0] == "1" and column(view, PREDICTED)[0] == "0"
    proxy = view.listing.model()
    assert proxy.index(0, PREDICTED).data(Qt.ItemDataRole.ForegroundRole) is not None, "in red"
    assert column(view, INPUTS)[0] == "-1.1, -0.9"
    assert "Epoch 300: all 21 training samples." in view.note.text()
    assert "sse loss" in view.note.text()
    assert view.error_plot.legend.getLabel(view.error_plot.curves[0]).text == "sample 21"


def crafted(errors, earlier=None) -> Session:
    """An XOR-like session of len(errors) samples whose ledger holds ``errors`` (at epoch 8,
    after ``earlier`` at epoch 6 when given)."""
    n = len(errors)
    X = np.column_stack([np.arange(n), np.arange(n) % 2])
    data = datasets.make_dataset("crafted", "", X, np.arange(n) % 2)
    session = Session(new_mlp((2, 2, 1)), dataset="custom", data=data, validation_share=0,
                      normalisation="none")  # fmt: skip
    if earlier is not None:
        session.insight.ledger.add(6, earlier)
    session.insight.ledger.add(8, errors)
    return session


def test_sorting_by_the_error_is_numeric_not_by_text(qtbot):
    errors = [0.5, 9e-3, 1e-2, 2e-5, 3.0]
    view = shown_view(qtbot, crafted(errors))
    view.draw()
    assert column(view, ERROR) == ["3", "0.5", "0.01", "0.009", "2e-05"]
    view.listing.sortByColumn(ERROR, Qt.SortOrder.AscendingOrder)
    assert column(view, ERROR) == ["2e-05", "0.009", "0.01", "0.5", "3"], "as text: 0.009 first"
    assert column(view, SAMPLE) == ["4", "2", "3", "1", "5"]
    view.listing.sortByColumn(SAMPLE, Qt.SortOrder.DescendingOrder)
    assert column(view, SAMPLE) == ["5", "4", "3", "2", "1"]


def test_the_change_column_says_how_each_error_moved_and_sorts_by_it(qtbot):
    view = shown_view(qtbot, crafted([0.5, 0.2, 0.3], earlier=[0.1, 0.9, 0.3]))
    view.draw()
    header = view.listing.model().headerData(CHANGE, Qt.Orientation.Horizontal)
    assert header == "ΔE since 6"
    view.listing.sortByColumn(CHANGE, Qt.SortOrder.AscendingOrder)
    assert column(view, CHANGE) == ["-0.7", "0", "+0.4"]
    assert column(view, SAMPLE) == ["2", "3", "1"]


def test_a_click_or_enter_on_a_row_chooses_its_sample(qtbot):
    view = shown_view(qtbot, crafted([0.5, 9e-3, 1e-2, 2e-5, 3.0]))
    view.draw()
    table = view.listing
    index = table.model().index(1, SAMPLE)  # the second largest error: sample 1, row 0
    with qtbot.waitSignal(view.sample_chosen) as chosen:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualRect(index).center())  # fmt: skip
    assert chosen.args == [0] and view.chosen == 0
    assert table.selectionModel().selectedRows()[0].row() == 1
    assert view.error_plot.legend.getLabel(view.error_plot.curves[1]).text == "sample 1"
    assert view.error_plot.curves[1].opts["pen"].widthF() == 4, (
        "the chosen sample's curve stands out"
    )
    table.setCurrentIndex(table.model().index(4, ERROR))
    with qtbot.waitSignal(view.sample_chosen) as chosen:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert chosen.args == [3]


def test_the_selection_and_the_sort_hold_across_new_reports(qtbot):
    session = outlier_session()
    view = shown_view(qtbot, session)
    list(session.train(max_epochs=50))
    view.draw()
    view.listing.sortByColumn(SAMPLE, Qt.SortOrder.AscendingOrder)
    view.show_sample(6)
    list(session.train(max_epochs=50))
    view.draw()
    table = view.listing
    assert column(view, SAMPLE) == [str(k) for k in range(1, 22)], "still sorted by sample"
    (selected,) = table.selectionModel().selectedRows()
    assert selected.data() == "7", "still the chosen sample"
    assert view.note.text().startswith("Epoch 100:")


def test_draw_does_nothing_when_hidden_or_when_nothing_changed(qtbot, monkeypatch):
    session = outlier_session()
    view = shown_view(qtbot, session)
    list(session.train(max_epochs=20))
    view.draw()
    redraws = []
    monkeypatch.setattr(view, "_redraw", lambda: redraws.append(1))
    view.draw()
    assert redraws == [], "no new report: nothing drawn again"
    list(session.train(max_epochs=20))
    view.hide()
    view.draw()
    assert redraws == [], "hidden"
    view.show()  # drawn as it shows again
    assert redraws == [1]


def test_before_training_it_says_how_to_see_errors_and_what_a_perceptrons_error_is(qtbot):
    view = shown_view(qtbot, Session.new_perceptron())
    view.draw()
    assert view.note.text().startswith("Train the network to see each sample's error.")
    assert "1 while it is misclassified" in view.note.text()
    assert not view.parts.isVisible() and view.table() == (["sample", "error"], [])
    mlp = shown_view(qtbot, Session())
    assert mlp.note.text() == "Train the network to see each sample's error."
    hopfield = shown_view(qtbot, Session.new_hopfield(5))
    assert hopfield.note.text() == "A Hopfield memory has no training samples to list."


def test_a_reset_empties_the_view_until_the_next_report(qtbot):
    session = outlier_session()
    view = shown_view(qtbot, session)
    list(session.train(max_epochs=20))
    view.draw()
    assert view.parts.isVisible() and view.listing.model().rowCount() == 21
    session.reset()
    view.draw()
    assert not view.parts.isVisible() and view.listing.model().rowCount() == 0
    assert view.note.text() == "Train the network to see each sample's error."
    list(session.train(max_epochs=5))
    view.draw()
    assert view.parts.isVisible() and view.note.text().startswith("Epoch 5:")


def test_the_csv_table_lists_every_sample_not_only_the_hardest(qtbot):
    session = outlier_session()
    view = shown_view(qtbot, session)
    list(session.train())
    header, rows = view.table()
    assert header[:4] == ["sample", "class", "predicted", "error at epoch 300"]
    assert len(rows) == 21 and [row[0] for row in rows] == list(range(1, 22))
    np.testing.assert_allclose([row[3] for row in rows], session.insight.ledger.latest)
    assert rows[OUTLIER][1:3] == ["1", "0"]


def test_a_rewind_shows_the_errors_of_the_epoch_rewound_to(qtbot):
    session = outlier_session()
    view = shown_view(qtbot, session)
    for _ in range(3):
        list(session.train(max_epochs=40))  # reports at 1, 40, 41, 80, 81, 120 at least
    epochs = session.insight.ledger.epochs
    session.rewind(80)
    view.draw()
    assert view.note.text().startswith("Epoch 80:") and view.error_plot.shown_line.isVisible()
    row = session.insight.ledger.rows[int(np.flatnonzero(epochs == 80)[0])]
    assert column(view, SAMPLE)[0] == str(int(np.argmax(row)) + 1)


@pytest.fixture
def digits(qtbot):
    """The digits example after one epoch: it still misclassifies some of its samples."""
    session = Session.open(resource_path("examples", "digits.nnsim"))
    view = shown_view(qtbot, session)
    list(session.train(max_epochs=1))
    view.draw()
    return session, view


def test_the_misclassified_digits_are_shown_with_their_true_and_predicted_class(digits):
    session, view = digits
    data = session.data
    predicted = labels_from_outputs(session.display_network.predict(data.X))
    wrong = np.flatnonzero(predicted != data.y)
    assert len(wrong) > 0
    shown = [row for row, _ in view.mistakes.shown]
    assert len(shown) == min(len(wrong), MISTAKES) and set(shown) <= set(wrong)
    errors = session.insight.ledger.latest
    left_out = np.setdiff1d(wrong, shown)
    assert errors[shown].min() >= errors[left_out].max(initial=0), "the worst are shown"
    captions = [view.mistakes.item(k).text() for k in range(view.mistakes.count())]
    assert captions == [f"{data.y[p]} → {predicted[p]}" for p in shown]
    assert f"{min(len(wrong), MISTAKES)} of {len(wrong)}" in view.mistakes_note.text()
    assert view.mistakes_box.isVisible()


def test_a_click_on_a_misclassified_digit_chooses_its_sample(digits, qtbot):
    _, view = digits
    pictures: MistakesList = view.mistakes
    item = pictures.item(2)
    row = item.data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(view.sample_chosen) as chosen:
        qtbot.mouseClick(pictures.viewport(), Qt.MouseButton.LeftButton,
                         pos=pictures.visualItemRect(item).center())  # fmt: skip
    assert chosen.args == [row] and pictures.currentRow() == 2
    assert view.chosen == row


def test_digits_show_their_pictures_in_the_table_not_64_numbers(digits):
    _, view = digits
    proxy = view.listing.model()
    assert proxy.rowCount() == 50 and "the 50 hardest of 1,438" in view.note.text()
    assert proxy.index(0, INPUTS).data() == ""
    picture = proxy.index(0, INPUTS).data(Qt.ItemDataRole.DecorationRole)
    assert picture.width() == 24
    tip = proxy.index(0, INPUTS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.count(",") == 63, "the tooltip lists all 64 pixels"


def test_save_data_as_csv_writes_every_samples_errors(qtbot, tmp_path, choose):
    session = outlier_session()
    view = shown_view(qtbot, session)
    list(session.train())
    view.draw()
    actions = install_exports(view.plot, "samples", view.table)
    choose(tmp_path / "samples.csv")
    actions[2].trigger()  # Save Data as CSV…
    lines = (tmp_path / "samples.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("sample,class,predicted,error at epoch 300,error at epoch 1,")
    assert len(lines) == 22 and lines[OUTLIER + 1].startswith("21,1,0,")
    assert float(lines[OUTLIER + 1].split(",")[3]) == float(session.insight.ledger.latest[OUTLIER])


def test_once_no_training_image_is_misclassified_the_sentence_says_so(digits):
    session, view = digits
    list(session.train(max_epochs=59))  # the example's 60 epochs: every training digit right
    view.draw()
    assert "No training image is misclassified." in view.note.text()
    assert not view.mistakes_box.isVisible() and view.mistakes.shown == []


def test_a_curve_keeps_its_sample_and_colour_while_the_ranking_changes(qtbot):
    session = crafted([0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.01])
    view = shown_view(qtbot, session)
    view.draw()
    plot = view.error_plot

    def names():
        return [plot.legend.getLabel(curve).text for curve in plot.curves]

    assert names() == ["sample 1", "sample 2", "sample 3", "sample 4", "sample 5"]
    session.insight.ledger.add(9, [0.35, 0.4, 0.3, 0.2, 0.01, 0.9, 0.05])  # 6 in, 5 out
    view.draw()
    assert names() == ["sample 1", "sample 2", "sample 3", "sample 4", "sample 6"]
    np.testing.assert_allclose(plot.curves[4].getData()[1], np.log10([0.05, 0.9]), rtol=1e-6)


def test_while_training_the_table_waits_its_period_and_the_runs_end_is_listed_at_once(
    qtbot, monkeypatch
):
    monkeypatch.setattr(ledger_view, "LISTING_PERIOD", 1e9)  # no second listing while training
    session = outlier_session()
    view = shown_view(qtbot, session)
    reports = session.train()
    next(reports)
    session.run.patch(report_interval=0.0)  # a report every epoch from now
    view.draw()
    assert session.state == "training"
    first_errors, first_points = column(view, ERROR), len(view.error_plot.mean_curve.getData()[0])
    for _ in range(3):
        next(reports)
    view.draw()
    assert column(view, ERROR) == first_errors, "the table waits"
    assert len(view.error_plot.mean_curve.getData()[0]) > first_points, "the plot moves"
    list(reports)
    assert session.state == "finished"
    view.draw()  # as the live view draws a run's end, with no report since
    latest = session.insight.ledger.latest
    assert float(column(view, ERROR)[0]) == pytest.approx(latest.max(), rel=1e-2)
    assert column(view, ERROR) != first_errors
