"""The report's "which posts worked" in the PDF: per platform the best and the weakest posts (KPI value, when,
format, first words) and what each group has in common."""

from __future__ import annotations

from cmplanner.reports.model import PostLine, Report
from cmplanner.reports.pdf_layout import ReportPdf
from cmplanner.reports.posts import shared_line
from cmplanner.reports.style import BODY, INK, MUTED


def _lines(pdf: ReportPdf, title: str, lines: list[PostLine], share: str, lang: str) -> None:
    pdf.ensure(12 + 11 * len(lines))
    pdf.para(title, size=10.5, style="B", colour=INK)
    for line in lines:
        head = " · ".join(part for part in (line.value, line.when, line.format) if part)
        pdf.para(f"{head} — {line.text}", size=9.5, colour=BODY, height=4.8)
        if line.link:
            pdf.para(line.link, size=8, colour=MUTED, height=4.2)
    pdf.para(shared_line(share, lang), size=9, style="I", colour=MUTED)
    pdf.ln(2)


def posts_section(pdf: ReportPdf, report: Report) -> None:
    found = report.posts
    if found is None:
        return
    pdf.h1(found.title)
    pdf.para(found.intro, colour=BODY)
    pdf.para(found.formula, size=9, colour=MUTED)
    pdf.ln(3)
    for group in found.platforms:
        pdf.h2(group.platform)
        pdf.para(group.counted, size=9, colour=MUTED)
        pdf.ln(1)
        _lines(pdf, found.best, group.best, group.best_share, report.lang)
        if group.weakest:
            _lines(pdf, found.weakest, group.weakest, group.weakest_share, report.lang)
