"""The project report: one HTML page, pictures inside, and text from a project never markup."""

import base64
import struct
import zlib
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnsim.errors import ExportError
from nnsim.io.report import Figure, Report, report_html, table_html, write_report

#: The only tags and attributes a report is made of.
TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table", "tr", "th",
        "td", "figure", "img"}  # fmt: skip
ATTRIBUTES = {"charset", "class", "src", "alt"}
HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;'


def tiny_png(shade: int = 0) -> bytes:
    """A valid 1x1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(bytes([0, shade]))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


class Page(HTMLParser):
    """What a browser would see: its tags with their attributes, and its text."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def a_report(**changes) -> Report:
    values = {
        "title": "xor",
        "made": "6 Dec 2026, nnsim 0.1.0",
        "description": "Exclusive OR",
        "notes": "line one\nline two",
        "settings": (["setting", "value"], [["Learning rate", 0.5], ["Epochs", 2000]]),
        "figures": [Figure("network", "The network", tiny_png(10)),
                    Figure("error-curve", "The error", tiny_png(200))],
        "tables": [("Confusion matrix", (["", "0", "1"], [["0", 2, 0], ["1", 0, 2]]))],
    }  # fmt: skip
    values.update(changes)
    return Report(**values)


def test_the_page_holds_every_part_in_order_with_its_pictures_inside():
    page = Page(report_html(a_report()))
    assert {tag for tag, _ in page.tags} <= TAGS
    headings = [t for t in page.text if t in ("Notes", "Settings", "The network", "The error",
                                              "Confusion matrix")]  # fmt: skip
    assert headings == ["Notes", "Settings", "The network", "The error", "Confusion matrix"]
    sources = [attrs["src"] for tag, attrs in page.tags if tag == "img"]
    assert [base64.b64decode(s.split(",", 1)[1]) for s in sources] == [tiny_png(10), tiny_png(200)]
    assert "line one\nline two" in page.text  # the notes keep their line breaks (pre-wrap)


def test_for_the_printer_the_pictures_are_named_not_inside_and_carry_their_heading():
    page = Page(report_html(a_report(), embed=False))
    assert [a["src"] for tag, a in page.tags if tag == "img"] == ["network.png", "error-curve.png"]
    assert "The network" not in page.text  # drawn on the picture by the window instead


def test_numbers_are_shown_short_and_right_aligned():
    html_table = table_html((["x"], [[0.74079999999], [2000], ["text"]]))
    assert '<td class="number">0.7408</td>' in html_table
    assert '<td class="number">2000</td>' in html_table
    assert "<td>text</td>" in html_table


def test_text_from_a_project_is_never_markup():
    report = a_report(
        title=HOSTILE, description=HOSTILE, notes=HOSTILE,
        settings=(["setting", HOSTILE], [[HOSTILE, HOSTILE]]),
        figures=[Figure("network", HOSTILE, tiny_png())],
        tables=[(HOSTILE, ([HOSTILE], [[HOSTILE]]))],
    )  # fmt: skip
    page = Page(report_html(report))
    assert {tag for tag, _ in page.tags} <= TAGS
    assert all(set(attrs) <= ATTRIBUTES for _, attrs in page.tags)
    assert [a["src"][:22] for tag, a in page.tags if tag == "img"] == ["data:image/png;base64,"]
    assert sum(HOSTILE in text for text in page.text) >= 7  # shown as the words it is


@given(st.text())
def test_any_text_reads_back_as_itself_and_adds_no_tag(words):
    report = a_report(title="t", notes=words, figures=[], tables=[("t", (["h"], [[words]]))])
    page = Page(report_html(report))
    assert {tag for tag, _ in page.tags} <= TAGS
    assert words in "".join(page.text)


@pytest.mark.parametrize("name", ["", "../etc/passwd", "a b", "x.png", "名字"])
def test_a_figure_name_is_plain(name):
    with pytest.raises(ValueError, match="letters, digits"):
        Figure(name, "c", tiny_png())


def test_a_figure_is_a_png():
    with pytest.raises(ValueError, match="PNG"):
        Figure("x", "c", b"<svg onload=alert(1)>")


def test_the_report_is_written_whole_or_not_at_all(tmp_path):
    path = tmp_path / "report.html"
    write_report(path, a_report())
    assert path.read_text(encoding="utf-8") == report_html(a_report())
    folder = tmp_path / "a folder"
    folder.mkdir()
    with pytest.raises(ExportError):
        write_report(folder, a_report())
    assert folder.is_dir()
