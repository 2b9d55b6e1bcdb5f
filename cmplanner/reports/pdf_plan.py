"""The report's next month's plan in the PDF: a table of the posts (date, platforms, format, post, status)."""

from __future__ import annotations

from fpdf.fonts import FontFace

from cmplanner.reports.model import Report
from cmplanner.reports.pdf_layout import ReportPdf, column_width
from cmplanner.reports.style import BODY, FONT_FAMILY, MUTED


def plan_section(pdf: ReportPdf, report: Report) -> None:
    """Next month's plan: a table of the posts (date, platforms, format, post, status)."""
    plan = report.plan
    if plan is None:
        return
    pdf.h1(plan.title)
    pdf.para(plan.intro if plan.rows else plan.empty, colour=MUTED)
    pdf.ln(3)
    if not plan.rows:
        return

    def width(index: int, name: str) -> float:
        return column_width(pdf, plan.columns[index], [getattr(row, name) for row in plan.rows])

    when, fmt, status = width(0, "when"), width(2, "format"), width(4, "status")
    platforms = min(
        48.0, width(1, "platforms")
    )  # long lists of platforms wrap; the post's title gets the rest
    with pdf.grid(
        col_widths=(when, platforms, fmt, pdf.epw - when - platforms - fmt - status, status),
        headings_style=pdf.heading_style(),
        borders_layout="HORIZONTAL_LINES",
        line_height=5,
        padding=(1.6, 1.6),
        text_align=("LEFT", "LEFT", "LEFT", "LEFT", "LEFT"),
    ) as table:
        table.row(plan.columns)
        for row in plan.rows:
            cells = table.row()
            cells.cell(row.when, style=FontFace(FONT_FAMILY, "B", 9, BODY))
            for value in (row.platforms, row.format, row.title, row.status):
                cells.cell(value, style=FontFace(FONT_FAMILY, "", 9, BODY))
