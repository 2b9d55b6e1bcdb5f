"""The PDF report's competitor page: per compared platform a table (you against each competitor over the quarter,
your row in bold) and the chart of engagement per post per week; then how each figure is computed, what to watch
per competitor and what stood out in their weeks. Drawn from ``Report.competitors`` (``competitors.section``)."""

from __future__ import annotations

import io
from typing import cast

from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from cmplanner.reports.charts import competitor_images
from cmplanner.reports.model import Report
from cmplanner.reports.pdf_layout import MARGIN, ReportPdf, image_size
from cmplanner.reports.style import BODY, FONT_FAMILY, INK, MUTED, PANEL, rgb

NAME_SHARE = 0.34
"""The account column's share of the table's width; the four figures share the rest."""


def _bullets(pdf: ReportPdf, lines: list[str]) -> None:
    for line in lines:
        pdf.ensure(6)
        y = pdf.get_y()
        pdf.set_xy(MARGIN + 1, y)
        pdf.text_style(9.5, "B", pdf.report.accent)
        pdf.cell(4, 5, "•")
        pdf.set_left_margin(MARGIN + 6)
        pdf.set_xy(MARGIN + 6, y)
        pdf.para(line, size=9.5, height=5)
        pdf.set_left_margin(MARGIN)
        pdf.ln(1)


def _table(pdf: ReportPdf, headers: list[str], rows: list[list[str]], own_row: int | None) -> None:
    name_width = pdf.epw * NAME_SHARE
    figure_width = (pdf.epw - name_width) / max(1, len(headers) - 1)
    with pdf.grid(
        col_widths=(name_width, *([figure_width] * (len(headers) - 1))),
        headings_style=pdf.heading_style(),
        borders_layout="HORIZONTAL_LINES",
        line_height=5,
        padding=(1.6, 2),
        text_align=("LEFT", *(["RIGHT"] * (len(headers) - 1))),
        cell_fill_color=rgb(PANEL),
        cell_fill_mode="ROWS",
    ) as table:
        table.row(headers)
        for index, values in enumerate(rows):
            style = FontFace(FONT_FAMILY, "B" if index == own_row else "", 9.5, BODY)
            row = table.row()
            for value in values:
                row.cell(value, style=style)
    pdf.ln(3)


def _lines_height(pdf: ReportPdf, lines: list[str], size: float = 9.5, height: float = 5) -> float:
    pdf.set_font(FONT_FAMILY, "", size)
    count = sum(
        len(cast(list[str], pdf.multi_cell(pdf.epw - 6, height, line, dry_run=True, output="LINES")))
        for line in lines
    )
    return count * height + len(lines)


def competitors(pdf: ReportPdf, report: Report) -> None:
    """The competitor section on a page of its own; nothing when the strategy follows no competitor."""
    section = report.competitors
    if section is None:
        return
    labels = report.labels
    pdf.h1(section.title)
    pdf.para(section.intro, colour=MUTED)
    pdf.ln(2)
    images = competitor_images(report, "jpeg")
    for table, image in zip(section.platforms, images, strict=True):
        chart_h = 0.0
        if image is not None:
            w_px, h_px = image_size(image)
            chart_h = pdf.epw * h_px / w_px
        pdf.h2(table.title, space=22 + 7 * len(table.rows) + 10 + chart_h)
        _table(pdf, table.headers, table.rows, table.own_row)
        if image is not None:
            pdf.text_style(9.5, "B", INK)
            pdf.cell(0, 6, table.chart_title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.image(io.BytesIO(image), x=MARGIN, w=pdf.epw, h=chart_h)
            pdf.ln(4)
    pdf.h2(labels["competitors.formulas"], space=14 + _lines_height(pdf, section.formulas, 9))
    for formula in section.formulas:
        pdf.para(formula, size=9, colour=BODY, height=4.8)
        pdf.ln(1)
    if section.watch:
        pdf.h2(labels["competitors.watch"], space=14 + _lines_height(pdf, section.watch[:2]))
        _bullets(pdf, section.watch)
    if section.notes:
        pdf.h2(labels["competitors.notes"], space=14 + _lines_height(pdf, section.notes[:2]))
        _bullets(pdf, section.notes)
