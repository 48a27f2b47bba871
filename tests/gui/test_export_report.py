"""File > Export Report: the project as an HTML page or a PDF, as the window shows it now."""

import base64
from html.parser import HTMLParser

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from nnsim.gui.project import report
from nnsim.model.settings import SPECS, title

HOSTILE_NOTES = "<script>alert(1)</script> my notes"


class Images(HTMLParser):
    def __init__(self, page):
        super().__init__()
        self.sources, self.tags = [], set()
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "img":
            self.sources.append(dict(attrs)["src"])


@pytest.fixture
def trained(window):
    window.files.open_example("xor_2_4_1", ask=False)
    for _ in range(3):
        window.session.step()
    return window


def test_the_report_holds_the_settings_the_pictures_and_the_results(trained):
    made = report.gather_report(trained, notes="mine")
    assert [f.name for f in made.figures] == ["network", "error-curve", "decision-boundary"]
    for figure in made.figures:  # a real picture of each, not an empty one
        assert figure.png.startswith(b"\x89PNG") and len(figure.png) > 2000
    settings = dict(made.settings[1])
    assert settings[title(SPECS["learning_rate"])] == trained.settings.values()["learning_rate"]
    ended = dict(made.tables[0][1][1])
    assert ended["Epochs trained"] == 3
    assert ended["Training error"] == pytest.approx(trained.session.history.train[-1])
    assert "Validation error" not in ended  # xor holds nothing back
    assert made.notes == "mine" and made.title == trained.files.title()


def test_a_hopfield_report_shows_its_grid_and_recall_plots(window):
    window.files.open_example("hopfield_letters", ask=False)
    made = report.gather_report(window)
    assert [f.name for f in made.figures] == ["pattern-grid", "energy", "overlap"]
    assert made.tables == []


@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_export_report_asks_for_notes_and_a_file_then_writes_it(
    trained, monkeypatch, tmp_path, kind
):
    path = tmp_path / f"lab.{kind}"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a: (HOSTILE_NOTES, True))
    chosen = "Web page (*.html)" if kind == "html" else "PDF document (*.pdf)"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(path.with_suffix("")), chosen)
    )
    said = []
    trained.session.events.message.connect(said.append)
    report.export_report(trained)
    assert said == [f"Report saved: lab.{kind}"]
    if kind == "pdf":
        content = path.read_bytes()
        assert content.startswith(b"%PDF") and len(content) > 20_000
        assert b"/Image" in content or b"/XObject" in content  # the pictures are in it
        return
    page = path.read_text(encoding="utf-8")
    images = Images(page)
    assert "script" not in images.tags and "&lt;script&gt;" in page
    assert len(images.sources) == 3
    assert base64.b64decode(images.sources[0].split(",", 1)[1]).startswith(b"\x89PNG")


def test_cancelling_the_notes_writes_nothing(trained, monkeypatch, tmp_path):
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a: ("", False))
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: asked.append(a) or ("", ""))
    report.export_report(trained)
    assert asked == [] and list(tmp_path.glob("*.html")) == []
