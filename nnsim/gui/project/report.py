"""File > Export Report: the project as one HTML page, or a PDF, for a lab hand-in.

:func:`gather_report` takes from the window what a marker wants to see: the
project's name and description, the person's notes, every setting, the
network diagram and the plots as the window draws them now, and the
confusion matrix and scores (a Hopfield memory: its grid and its energy and
overlap plots).  :func:`write_pdf` prints the same page through Qt
(``QTextDocument`` onto a ``QPdfWriter``), so no browser is needed.
"""

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDateTime, QIODevice, QLocale, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from nnsim import __version__
from nnsim.errors import ExportError
from nnsim.gui.plain_text import plain
from nnsim.gui.training.results import shown_table
from nnsim.io import replacing
from nnsim.io.report import Figure, Report, report_html, write_report
from nnsim.model.settings import SPECS, title
from nnsim.text import translate

#: Print resolution of the PDF (dots per inch): sharp text, pictures at their own size.
PDF_DPI = 150


def png_bytes(widget: QWidget) -> bytes:
    """What ``widget`` shows, as a PNG file's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def _figures(window) -> list[Figure]:
    if window.session.is_hopfield:
        workspace = window.hopfield
        shown = [
            ("pattern-grid", translate("Report", "The pattern grid"), workspace.grid),
            ("energy", translate("Report", "Energy during recall"), workspace.plots.energy_widget),
            ("overlap", translate("Report", "Overlap with each stored pattern"),
             workspace.plots.overlap_widget),
        ]  # fmt: skip
    else:
        shown = [
            ("network", translate("Report", "The network"), window.editor.view),
            ("error-curve", translate("Report", "The error during training"),
             window.error_plot.widget),
        ]  # fmt: skip
        if window.document.kind == "rbm":  # its own views, not a decision boundary
            shown += window.rbm_tabs.figures()
        else:
            shown.append(("decision-boundary", translate("Report", "The decision boundary"),
                          window.decision_plot.widget))  # fmt: skip
    return [Figure(name, caption, png_bytes(widget)) for name, caption, widget in shown]


def _settings_table(window) -> tuple[list[str], list[list]]:
    values = window.session.settings.values()
    shown = {True: translate("Report", "yes"), False: translate("Report", "no")}
    rows = [
        [title(SPECS[name]), shown[value] if isinstance(value, bool) else value]
        for name, value in values.items()
        if name in SPECS
    ]
    return [translate("Report", "Setting"), translate("Report", "Value")], rows


def _result_tables(window) -> list[tuple[str, tuple]]:
    if window.session.is_hopfield:
        return []
    history, tables = window.session.history, []
    if history.count:
        final = [
            [translate("Report", "Epochs trained"), int(history.epochs[-1])],
            [translate("Report", "Training error"), float(history.train[-1])],
            [translate("Report", "Validation error"), float(history.validation[-1])],
        ]
        final = [row for row in final if row[1] == row[1]]  # no validation: NaN, left out
        header = [translate("Report", "Measure"), translate("Report", "Value")]
        tables.append((translate("Report", "Where training ended"), (header, final)))
    matrix = shown_table(window.results.matrix, "")
    if matrix[1]:
        tables.append((translate("Report", "Confusion matrix (rows: true class)"), matrix))
        scores = shown_table(window.results.scores, "")
        tables.append((translate("Report", "Scores per class"), scores))
    return tables


def gather_report(window, notes: str = "") -> Report:
    """The report of what ``window`` shows now, with the person's ``notes``."""
    window.redraw()  # the plots as the session stands, even in a tab not looked at yet
    when = QLocale().toString(QDateTime.currentDateTime(), QLocale.FormatType.ShortFormat)
    return Report(
        title=window.files.title(),
        made=translate("Report", "{when}, nnsim {version}").format(when=when, version=__version__),
        description=window.session.description,
        notes=notes,
        settings=_settings_table(window),
        figures=_figures(window),
        tables=_result_tables(window),
    )


def captioned(figure: Figure) -> QImage:
    """The figure's picture with its caption drawn above it, as one image (a printed page
    cannot then part them)."""
    picture = QImage.fromData(figure.png, "PNG")
    font = QFont()
    font.setPixelSize(max(14, picture.width() // 40))  # the same size once scaled to the page
    font.setBold(True)
    line = QFontMetrics(font).height()
    image = QImage(picture.width(), picture.height() + 2 * line, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("#222222"))
    painter.drawText(0, 0, image.width(), 2 * line, Qt.AlignmentFlag.AlignVCenter, figure.caption)
    painter.drawImage(0, 2 * line, picture)
    painter.end()
    return image


def write_pdf(path, report: Report) -> None:
    """Print ``report`` to a PDF file at ``path`` (A4; whole, or not at all)."""
    document = QTextDocument()
    for figure in report.figures:
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"{figure.name}.png"), captioned(figure)
        )
    document.setHtml(report_html(report, embed=False))
    with replacing(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(PDF_DPI)
        writer.setTitle(report.title)
        writer.setCreator(f"nnsim {__version__}")
        document.print_(writer)
        del writer  # closes the file before it is put in place
        if temporary.stat().st_size == 0:
            failed = translate("Report", "Qt could not write the PDF {name}.")
            raise ExportError(failed.format(name=Path(path).name))


def export_report(window) -> None:
    """File > Export Report: ask for notes and a file (HTML or PDF), then write the report."""
    notes, ok = QInputDialog.getMultiLineText(
        window,
        translate("Report", "Export Report"),
        translate("Report", "Your notes for the report (they may be left empty):"),
    )
    if not ok:
        return
    html_files = translate("Report", "Web page (*.html)")
    pdf_files = translate("Report", "PDF document (*.pdf)")
    path, chosen = QFileDialog.getSaveFileName(
        window, translate("Report", "Export Report"), window.files.file_stem() + ".html",
        f"{html_files};;{pdf_files}",
    )  # fmt: skip
    if not path:
        return
    as_pdf = chosen == pdf_files or path.lower().endswith(".pdf")
    suffix = ".pdf" if as_pdf else ".html"
    if Path(path).suffix.lower() != suffix:
        path += suffix
    try:
        (write_pdf if as_pdf else write_report)(path, gather_report(window, notes))
    except ExportError as exc:
        QMessageBox.warning(window, translate("Report", "Could not save"), plain(str(exc)))
        return
    window.session.say(translate("Report", "Report saved: {name}").format(name=Path(path).name))
