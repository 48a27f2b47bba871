"""Plots saved as PNG, SVG and CSV from their right-click menus."""

import csv

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnsim.errors import ExportError
from nnsim.gui.project.exporting import install_exports, save_png, save_svg


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget(background="w")
    widget.plot(np.arange(10.0), np.arange(10.0) ** 2, pen="b")
    widget.addItem(pg.ScatterPlotItem(x=[1.0, 2.0], y=[3.0, 4.0], size=10, brush="r"))
    widget.setLabel("bottom", "epoch")
    widget.resize(400, 300)
    widget.show()
    qtbot.addWidget(widget)
    qtbot.waitExposed(widget)
    return widget


def test_png_and_svg_hold_the_plot(plot, tmp_path):
    save_png(plot, tmp_path / "p.png")
    image = QImage(str(tmp_path / "p.png"))
    assert (image.width(), image.height()) == (400, 300)
    save_svg(plot, tmp_path / "p.svg")
    text = (tmp_path / "p.svg").read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "epoch" in text, "the axis label is text in the drawing"
    assert "<image" not in text, "axes and symbols are vectors, not cached pixmaps"


def test_the_menu_saves_what_the_person_picks_and_reports_failures(plot, tmp_path, monkeypatch):
    actions = install_exports(plot, "error", lambda: (["epoch", "error"], [[1, 0.5], [2, 0.25]]))
    assert [a.text() for a in actions] == [
        "Save Plot as PNG…",
        "Save Plot as SVG…",
        "Save Data as CSV…",
    ]
    shown = [a.text() for a in plot.actions() if not a.isSeparator()]
    assert shown == ["Show All", *(a.text() for a in actions)], "the plot's right-click menu"
    assert plot.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert not plot.getPlotItem().getViewBox().menuEnabled(), "pyqtgraph's own menu is off"
    plot.getPlotItem().getViewBox().setRange(xRange=(0, 0.1), disableAutoRange=True)
    plot.actions()[0].trigger()  # Show All
    assert plot.getPlotItem().getViewBox().autoRangeEnabled()[0]
    target = tmp_path / "error.csv"
    picked = tmp_path / "error"  # typed without its suffix
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(picked), ""))
    actions[2].trigger()
    with open(target, newline="") as f:
        assert list(csv.reader(f)) == [["epoch", "error"], ["1", "0.5"], ["2", "0.25"]]

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))

    def full_disk(*args):
        raise ExportError("Could not write error.png: No space left on device.")

    monkeypatch.setattr("nnsim.gui.project.exporting.save_png", full_disk)
    actions = install_exports(plot, "error", lambda: ([], []))
    actions[0].trigger()
    assert warnings == ["Could not write error.png: No space left on device."]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    actions[1].trigger()  # cancelled: nothing written, nothing said
    assert len(warnings) == 1 and not (tmp_path / "error.svg").exists()
