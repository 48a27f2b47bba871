"""A project report for a lab hand-in: one HTML page with the pictures inside it.

:class:`Report` holds what the window gathers (the title, what the project
shows, the person's notes, the settings, pictures of the network and the
plots as PNG, and tables such as the confusion matrix); :func:`report_html`
writes it as one self-contained page, and :func:`write_report` puts that page
on disk whole or not at all.  The window also prints the same page to PDF
through Qt, with the pictures handed over by name instead of inside the page
(``embed=False``).

Everything in the page that comes from a project (its name, the notes, the
names of features and classes, a setting's text) is text, never markup:
it is escaped, and the pictures are PNG bytes encoded by this module, so a
crafted project cannot put a script or a link into the page.
"""

import base64
import html
from dataclasses import dataclass, field

from nnsim.io.exports import replacing
from nnsim.io.tables import Table
from nnsim.text import translate

#: How the page looks: readable on screen and on A4, no outside files.
STYLE = """
body { font-family: sans-serif; max-width: 52em; margin: 2em auto; color: #222; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #bbb; }
.made { color: #666; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.6em; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; }
img { max-width: 100%; }
.notes { white-space: pre-wrap; }
"""
#: The width of a printed picture, in the page's pixels (the printer lays out 96 per inch).
PRINTED_WIDTH = 600


@dataclass(frozen=True)
class Figure:
    """A picture of the report.

    Attributes
    ----------
    name : str
        What the picture is called when handed over apart from the page
        (letters, digits and "-" only: "network", "error-curve").
    caption : str
        Its heading in the page (and the text read out in its place).
    png : bytes
        The picture, a PNG file's bytes.
    """

    name: str
    caption: str
    png: bytes

    def __post_init__(self):
        if not self.name or not all(c.isascii() and (c.isalnum() or c == "-") for c in self.name):
            raise ValueError(f"a figure's name is letters, digits and '-', not {self.name!r}")
        if not self.png.startswith(b"\x89PNG\r\n\x1a\n"):
            raise ValueError("a figure is a PNG picture")


@dataclass(frozen=True)
class Report:
    """What a report shows, in order.

    Attributes
    ----------
    title : str
        The project's name.
    made : str
        When and by what it was made ("6 Dec 2026 10:41, nnsim 0.1.0").
    description : str
        What the project shows (its one-line description), or "".
    notes : str
        The person's own words (line breaks kept), or "".
    settings : Table
        (header, rows) of the settings.
    figures : list of Figure
    tables : list of (str, Table)
        Each table with its heading (the confusion matrix, the scores).
    """

    title: str
    made: str
    description: str = ""
    notes: str = ""
    settings: Table = field(default_factory=lambda: ([], []))
    figures: list[Figure] = field(default_factory=list)
    tables: list[tuple[str, Table]] = field(default_factory=list)


def _text(value) -> str:
    """``value`` as text safe inside HTML (quotes too: it may sit in an attribute)."""
    return html.escape(str(value), quote=True)


def _cell(value, tag: str = "td") -> str:
    if isinstance(value, float):
        return f'<{tag} class="number">{value:.6g}</{tag}>'
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<{tag} class="number">{value}</{tag}>'
    return f"<{tag}>{_text(value)}</{tag}>"


def table_html(table: Table) -> str:
    """The HTML of a (header, rows) table; every cell escaped."""
    header, rows = table
    lines = ["<table>"]
    if header:
        lines.append("<tr>" + "".join(_cell(h, "th") for h in header) + "</tr>")
    lines += ["<tr>" + "".join(_cell(value) for value in row) + "</tr>" for row in rows]
    lines.append("</table>")
    return "\n".join(lines)


def _figure_html(figure: Figure, embed: bool) -> str:
    """A figure under its heading; for the printer, the picture alone, by name.

    A printer may break a page between a heading and its picture, so printed
    pictures carry their caption themselves (the window draws it on them).
    """
    if not embed:
        return f'<p><img src="{figure.name}.png" width="{PRINTED_WIDTH}"></p>'
    source = "data:image/png;base64," + base64.b64encode(figure.png).decode("ascii")
    caption = _text(figure.caption)
    return f'<h2>{caption}</h2><figure><img src="{source}" alt="{caption}"></figure>'


def report_html(report: Report, embed: bool = True) -> str:
    """Return the report as one HTML page.

    Parameters
    ----------
    report : Report
    embed : bool
        Put each picture inside the page under its heading (a data URI: the
        page is one file); otherwise refer to it as ``NAME.png``, no heading
        (for Qt's printer, which is handed the pictures by name, each with its
        caption drawn on it).
    """
    heading = translate("Report", "{title}: report").format(title=report.title)
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{_text(heading)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{_text(heading)}</h1>",
        f'<p class="made">{_text(report.made)}</p>',
    ]
    if report.description:
        parts.append(f"<p>{_text(report.description)}</p>")
    if report.notes:
        notes = translate("Report", "Notes")
        parts += [f"<h2>{_text(notes)}</h2>", f'<p class="notes">{_text(report.notes)}</p>']
    if report.settings[1]:
        settings = translate("Report", "Settings")
        parts += [f"<h2>{_text(settings)}</h2>", table_html(report.settings)]
    parts += [_figure_html(figure, embed) for figure in report.figures]
    for title, table in report.tables:
        parts += [f"<h2>{_text(title)}</h2>", table_html(table)]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_report(path, report: Report) -> None:
    """Write ``report`` as one HTML file at ``path`` (whole, or not at all).

    Raises
    ------
    ExportError
        If the file cannot be written; whatever was at ``path`` is unchanged.
    """
    with replacing(path) as temporary:
        temporary.write_text(report_html(report), encoding="utf-8")
