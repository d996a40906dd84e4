"""A report as PDF (reportlab): a summary page with charts first, then every table.

Text is set in DejaVu Sans Condensed (the label font, Latin and Indonesian); a cell with CJK
characters is set in reportlab's built-in STSong-Light CID font, which every PDF viewer has.
A table longer than ``MAX_PDF_ROWS`` is cut with a note: the CSV and JSON carry every row.
"""

from __future__ import annotations

import functools
import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from printing.fonts import label_font_path
from workstation.services.reports.model import Report, Table, zone_name

MAX_PDF_ROWS = 400
CJK_FONT = "STSong-Light"
SERIES_COLOURS = (colors.HexColor("#1565c0"), colors.HexColor("#c62828"),
                  colors.HexColor("#2e7d32"), colors.HexColor("#ef6c00"),
                  colors.HexColor("#6a1b9a"), colors.HexColor("#00838f"))


@functools.cache
def _fonts() -> tuple[str, str]:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    regular, bold = label_font_path(False), label_font_path(True)
    if regular is None or bold is None:
        return "Helvetica", "Helvetica-Bold"
    pdfmetrics.registerFont(TTFont("ReportSans", str(regular)))
    pdfmetrics.registerFont(TTFont("ReportSansBold", str(bold)))
    return "ReportSans", "ReportSansBold"


def _has_cjk(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
               or "\uff00" <= ch <= "\uffef" for ch in text)


def _text(value: Any, style: ParagraphStyle) -> Paragraph:
    text = "" if value is None else str(value)
    markup = escape(text)
    if _has_cjk(text):
        markup = f'<font name="{CJK_FONT}">{markup}</font>'
    return Paragraph(markup, style)


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("t", parent=base["Title"], fontName=bold, fontSize=18),
        "h2": ParagraphStyle("h", parent=base["Heading2"], fontName=bold, fontSize=12),
        "body": ParagraphStyle("b", parent=base["BodyText"], fontName=regular, fontSize=9),
        "cell": ParagraphStyle("c", parent=base["BodyText"], fontName=regular, fontSize=7.5,
                               leading=9),
        "head": ParagraphStyle("hd", parent=base["BodyText"], fontName=bold, fontSize=7.5,
                               leading=9, textColor=colors.white),
    }


def _grid(table: Table, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    rows = table.rows[:MAX_PDF_ROWS]
    data = [[_text(c.replace("_", " "), st["head"]) for c in table.columns]]
    data += [[_text(v, st["cell"]) for v in row] for row in rows]
    out: list[Flowable] = [Paragraph(escape(table.title), st["h2"])]
    if not rows:
        out.append(Paragraph("nothing in this window", st["body"]))
        return out
    grid = PdfTable(data, repeatRows=1, colWidths=[width / len(table.columns)] *
                    len(table.columns))
    grid.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#37474f")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eceff1")]),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b0bec5")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    out.append(grid)
    if len(table.rows) > MAX_PDF_ROWS:
        out.append(Paragraph(f"first {MAX_PDF_ROWS} of {len(table.rows)} rows: the CSV and "
                             "JSON exports have them all", st["body"]))
    return out


def _bar_chart(title: str, labels: list[str], series: list[tuple[str, list[float]]],
               width: float, height: float) -> Drawing:
    regular, bold = _fonts()
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, title, fontName=bold, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 30
    chart.width, chart.height = width - 50, height - 70
    chart.data = [values or [0] for _name, values in series] or [[0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 30 if len(labels) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    for i in range(len(series)):
        chart.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
    drawing.add(chart)
    _legend(drawing, [name for name, _v in series], width, height)
    return drawing


def _legend(drawing: Drawing, names: list[str], width: float, height: float) -> None:
    if len(names) < 2:
        return
    legend = Legend()
    legend.x, legend.y = width - 150, height - 8
    legend.fontName = _fonts()[0]
    legend.fontSize = 7
    legend.columnMaximum = 8
    legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], n)
                             for i, n in enumerate(names[:len(SERIES_COLOURS)])]
    drawing.add(legend)


def _line_chart(report: Report, width: float, height: float) -> Drawing:
    """Orders packed per hour, one line per station (the busiest six)."""
    regular, bold = _fonts()
    series = report.table("orders_per_hour_by_station").rows if _has(
        report, "orders_per_hour_by_station") else []
    hours = sorted({h for _s, h, _n, _u in series})
    totals: dict[str, int] = {}
    for station, _h, n, _u in series:
        totals[station] = totals.get(station, 0) + n
    stations = sorted(totals, key=lambda s: -totals[s])[:len(SERIES_COLOURS)]
    index = {h: i for i, h in enumerate(hours)}
    data = []
    for station in stations:
        values = [0.0] * len(hours)
        for s, h, n, _u in series:
            if s == station:
                values[index[h]] = n
        data.append(values)
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, "Orders packed per hour, per station",
                       fontName=bold, fontSize=10))
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 30
    chart.width, chart.height = width - 50, height - 70
    chart.data = data or [[0]]
    step = max(1, len(hours) // 12)
    chart.categoryAxis.categoryNames = [h[-5:] if i % step == 0 else ""
                                        for i, h in enumerate(hours)] or [""]
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    for i in range(len(data)):
        chart.lines[i].strokeColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        chart.lines[i].strokeWidth = 1.5
    drawing.add(chart)
    _legend(drawing, stations, width, height)
    return drawing


def _has(report: Report, name: str) -> bool:
    return any(t.name == name for t in report.tables)


def _summary(report: Report, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    w = report.window
    total = report.table("throughput_by_total").as_dicts()[0]
    acc = report.table("accuracy_by_total").as_dicts()[0]
    zone = zone_name(w.tz)
    start, end, now = (t.astimezone(w.tz) for t in (w.start, w.end, w.now))
    head = (f"{start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M} {zone}; station "
            f"{report.station or 'all'}, operator {report.operator or 'all'}; made "
            f"{now:%Y-%m-%d %H:%M} {zone} by {report.viewer}")
    figures = Table("summary", "Summary", (
        "orders packed", "units packed", "orders per hour", "avg s per order",
        "p90 s per order", "scans", "wrong items per 1,000", "over-scans per 1,000"),
        [(total["orders"], total["units"], total["orders_per_hour"], total["avg_seconds"],
          total["p90_seconds"], acc["scans"], acc["wrong_item_per_1000"],
          acc["over_scan_per_1000"])])
    out: list[Flowable] = [Paragraph(escape(report.title), st["title"]),
                           Paragraph(escape(head), st["body"]), Spacer(1, 4 * mm)]
    out += _grid(figures, st, width)
    out.append(Spacer(1, 4 * mm))
    half = (width - 10 * mm) / 2
    charts: list[Drawing] = []
    by = next((n for n in ("throughput_by_station", "throughput_by_hour") if _has(report, n)),
              None)
    if by is not None:
        rows = report.table(by).rows[:30]
        charts.append(_bar_chart("Orders packed by " + by.rsplit("_", 1)[1],
                                 [str(r[0])[-12:] for r in rows],
                                 [("orders", [r[1] for r in rows])], half, 62 * mm))
    acc_by = next((n for n in ("accuracy_by_station", "accuracy_by_hour") if _has(report, n)),
                  None)
    if acc_by is not None:
        arows = report.table(acc_by).rows[:30]
        charts.append(_bar_chart("Accuracy per 1,000 scans by " + acc_by.rsplit("_", 1)[1],
                                 [str(r[0])[-12:] for r in arows],
                                 [("wrong item", [r[4] for r in arows]),
                                  ("over-scan", [r[5] for r in arows])], half, 62 * mm))
    if charts:
        out.append(PdfTable([charts], colWidths=[half + 5 * mm] * len(charts)))
    if _has(report, "orders_per_hour_by_station"):
        out.append(_line_chart(report, width, 58 * mm))
    return out


def to_pdf(report: Report) -> bytes:
    buffer = io.BytesIO()
    page = landscape(A4)
    doc = SimpleDocTemplate(buffer, pagesize=page, leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm, title=report.title,
                            author="packing workstation")
    st = _styles()
    width = page[0] - 24 * mm
    story = _summary(report, st, width)
    for table in report.tables:
        story.append(PageBreak() if table is report.tables[0] else Spacer(1, 6 * mm))
        story += _grid(table, st, width)
    doc.build(story)
    return buffer.getvalue()
