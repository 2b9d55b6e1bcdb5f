"""The report as an A4 PDF (fpdf2): a cover, the strategy, the progress with one chart per goal, next month's plan
(``pdf_plan``), the latest review.

Text is set in the bundled Lato (SIL Open Font License, ``fonts/OFL.txt``), so €, ë and curly quotes print on any
machine; a glyph Lato lacks falls back to DejaVu Sans when the system has it. User text is written as text (no
markdown, no links). Every page after the cover carries a running head and a footer with the page number
(``pdf_layout``).
"""

from __future__ import annotations

import io
from typing import cast

from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from cmplanner.presentation import STATUS_STYLES
from cmplanner.reports.charts import chart_images
from cmplanner.reports.model import ProgressView, Report
from cmplanner.reports.pdf_competitors import competitors
from cmplanner.reports.pdf_layout import MARGIN, ReportPdf, column_width, image_size
from cmplanner.reports.pdf_plan import plan_section
from cmplanner.reports.pdf_posts import posts_section
from cmplanner.reports.style import BODY, EFFECT_MARKS, FONT_FAMILY, INK, MUTED, PANEL, TRACK, rgb


def _cover(pdf: ReportPdf, report: Report) -> None:
    pdf.add_page()
    pdf.set_fill_color(report.accent)
    pdf.rect(0, 0, pdf.w, 7, style="F")
    if report.logo is not None:
        ratio = report.logo.width / report.logo.height
        width = min(55.0, 26.0 * ratio)
        pdf.image(io.BytesIO(report.logo.data), x=MARGIN, y=22, w=width, h=width / ratio)
    pdf.set_y(88)
    pdf.text_style(11, "B", report.accent)
    pdf.set_char_spacing(1.2)
    pdf.cell(0, 6, report.kicker.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_char_spacing(0)
    pdf.ln(3)
    pdf.text_style(32, "B", INK)
    pdf.multi_cell(0, 13, report.name, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.text_style(14, "", MUTED)
    pdf.multi_cell(0, 7, report.subtitle, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_fill_color(report.accent)
    pdf.rect(MARGIN + pdf.c_margin, pdf.get_y() + 5, 24, 1.4, style="F")

    y = max(pdf.get_y() + 22, 165)
    column = pdf.epw / max(1, len(report.cover))
    for i, fact in enumerate(report.cover):
        x = MARGIN + i * column
        pdf.set_xy(x, y)
        pdf.text_style(8, "B", MUTED)
        pdf.set_char_spacing(0.8)
        pdf.cell(column - 4, 5, fact.label.upper())
        pdf.set_char_spacing(0)
        pdf.set_xy(x, y + 6)
        pdf.text_style(12, "", INK)
        pdf.multi_cell(column - 4, 6, fact.value, align="L")

    y = 222
    sections = [report.labels["strategy"], report.labels["progress"]]
    if report.competitors is not None:
        sections.append(report.competitors.title)
    if report.posts is not None:
        sections.append(report.posts.title)
    if report.plan is not None:
        sections.append(report.plan.title)
    if report.review is not None:
        sections.append(report.labels["review"])
    contents = f"{report.labels['contents']}: {' · '.join(sections)}"
    pdf.text_style(9, "", MUTED)
    lines = len(cast(list[str], pdf.multi_cell(pdf.epw - 12, 4.6, contents, dry_run=True, output="LINES")))
    top = 33 if report.counts else 23
    pdf.set_fill_color(PANEL)  # the panel grows with the contents line, which wraps instead of running off it
    pdf.rect(MARGIN, y, pdf.epw, top + 4.6 * lines + 5, style="F", round_corners=True, corner_radius=3)
    pdf.set_xy(MARGIN + 6, y + 6)
    pdf.text_style(8, "B", MUTED)
    pdf.set_char_spacing(0.8)
    pdf.cell(0, 5, report.labels["glance"].upper())
    pdf.set_char_spacing(0)
    pdf.set_xy(MARGIN + 6, y + 13)
    pdf.text_style(13, "B", INK)
    pdf.cell(0, 7, report.summary)
    x = MARGIN + 6 + pdf.c_margin
    for status, text in report.counts:
        x += pdf.chip(x, y + 23, text, status, size=9.5) + 3
    pdf.set_xy(MARGIN + 6, y + top)
    pdf.text_style(9, "", MUTED)
    pdf.multi_cell(pdf.epw - 12, 4.6, contents, align="L")
    pdf.set_fill_color(report.accent)
    pdf.rect(0, pdf.h - 7, pdf.w, 7, style="F")


def _strategy(pdf: ReportPdf, report: Report) -> None:
    labels = report.labels
    pdf.h1(labels["strategy"])
    pdf.h2(labels["business"])
    if report.business:
        pdf.facts(report.business)
    else:
        pdf.para(labels["no_profile"], colour=MUTED)

    if report.personas:
        pdf.h2(labels["audience"], space=22 + 7 * len(report.personas[0].facts))
        for persona in report.personas:
            pdf.ensure(14 + 7 * len(persona.facts))
            pdf.text_style(12, "B", INK)
            pdf.cell(pdf.get_string_width(persona.name) + 3, 7, persona.name)
            pdf.text_style(10, "", MUTED)
            pdf.cell(0, 7, persona.ages, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
            pdf.facts(persona.facts)
            pdf.ln(1)

    if report.platforms:
        pdf.h2(labels["platforms"], space=36)
        for plan in report.platforms:
            pdf.ensure(22)  # the platform's name and its first reasons together
            pdf.text_style(12, "B", INK)
            pdf.cell(pdf.get_string_width(plan.name) + 3, 7, plan.name)
            pdf.text_style(10, "", MUTED)
            pdf.cell(0, 7, f"{plan.role} · {plan.cadence}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(0.5)
            for reason in plan.reasons:
                _reason(pdf, reason.text, reason.source, reason.effect)
            pdf.ln(3)
        if report.skipped:
            pdf.para(report.skipped, size=9, style="I", colour=MUTED)
    if report.time:
        pdf.h2(labels["time"], space=24)
        pdf.para(report.time, size=10)

    pdf.h2(labels["goals"], space=35)
    if report.goals:
        cols = (
            labels["col.goal"],
            labels["col.quarter"],
            labels["col.baseline"],
            labels["col.target"],
            labels["col.kind"],
        )
        with pdf.grid(
            col_widths=(74, 22, 24, 24, 30),
            headings_style=pdf.heading_style(),
            borders_layout="HORIZONTAL_LINES",
            line_height=5.2,
            padding=(1.6, 2),
            text_align=("LEFT", "LEFT", "RIGHT", "RIGHT", "LEFT"),
            cell_fill_color=rgb(PANEL),
            cell_fill_mode="ROWS",
        ) as table:
            table.row(cols)
            for goal in report.goals:
                row = table.row()
                text = goal.goal + (f"\n{goal.note}" if goal.note else "")
                row.cell(text, style=FontFace(FONT_FAMILY, "", 9.5, BODY))
                for value in (goal.quarter, goal.baseline, goal.target, goal.kind):
                    row.cell(value, style=FontFace(FONT_FAMILY, "", 9.5, BODY))
        pdf.ln(4)
    if report.kpis:
        texts = ["\n".join([kpi.formula, *kpi.benchmarks]) for kpi in report.kpis]
        pdf.set_font(FONT_FAMILY, "", 9)
        lines = sum(
            len(cast(list[str], pdf.multi_cell(pdf.epw - 56, 5, text, dry_run=True, output="LINES")))
            for text in texts
        )
        pdf.h2(
            labels["formulas"], space=min(120.0, 22 + 5 * lines + 3.2 * len(texts))
        )  # the table in one piece
        with pdf.grid(
            col_widths=(52, pdf.epw - 52),
            headings_style=pdf.heading_style(),
            borders_layout="HORIZONTAL_LINES",
            line_height=5,
            padding=(1.6, 2),
            text_align=("LEFT", "LEFT"),
        ) as table:
            table.row((labels["col.kpi"], labels["col.formula"]))
            for kpi, text in zip(report.kpis, texts, strict=True):
                row = table.row()
                row.cell(kpi.name, style=FontFace(FONT_FAMILY, "B", 9.5, BODY))
                row.cell(text, style=FontFace(FONT_FAMILY, "", 9, BODY))


def _reason(pdf: ReportPdf, text: str, source: str, effect: str) -> None:
    mark, colour = EFFECT_MARKS.get(effect, EFFECT_MARKS["info"])
    pdf.ensure(6)
    y = pdf.get_y()
    pdf.set_xy(MARGIN + 1, y)
    pdf.text_style(10, "B", colour)
    pdf.cell(5, 5, mark, align="C")
    pdf.set_left_margin(MARGIN + 7)
    pdf.set_xy(MARGIN + 7, y)
    pdf.text_style(9.5, "", BODY)
    pdf.write(5, text)
    if source:
        pdf.text_style(8.5, "I", MUTED)
        pdf.write(5, f"  {source}")
    pdf.ln(5.8)
    pdf.set_left_margin(MARGIN)
    pdf.set_x(MARGIN)


def _progress(pdf: ReportPdf, report: Report) -> None:
    labels = report.labels
    pdf.h1(labels["progress"])
    if report.progress_note:
        pdf.para(report.progress_note, colour=MUTED)
        pdf.ln(2)
    if not report.progress:
        return
    pdf.h2(labels["status_table"])
    cols = (
        labels["col.goal"],
        labels["col.status"],
        labels["actual"],
        labels["expected"],
        labels["forecast"],
        labels["col.target"],
        labels["needed"],
    )
    columns = [
        [item.status_label for item in report.progress],
        *(
            [getattr(item, name) for item in report.progress]
            for name in ("actual", "expected", "forecast", "target", "needed")
        ),
    ]
    widths = [column_width(pdf, heading, values) for heading, values in zip(cols[1:], columns, strict=True)]
    spare = pdf.epw - sum(widths) - 62  # the goal column needs about 62 mm; share what is left
    if spare > 0:
        widths = [w + spare / len(widths) for w in widths]
    with pdf.grid(
        col_widths=(pdf.epw - sum(widths), *widths),
        headings_style=pdf.heading_style(),
        borders_layout="HORIZONTAL_LINES",
        line_height=5,
        padding=(1.6, 1.6),
        text_align=("LEFT", "CENTER", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
    ) as table:
        table.row(cols)
        for item in report.progress:
            style = STATUS_STYLES[item.status]
            row = table.row()
            row.cell(item.goal, style=FontFace(FONT_FAMILY, "B", 9, BODY))
            row.cell(item.status_label, style=FontFace(FONT_FAMILY, "B", 8.5, style.text, style.background))
            for value in (item.actual, item.expected, item.forecast, item.target, item.needed):
                row.cell(value, style=FontFace(FONT_FAMILY, "", 9, BODY))
    pdf.ln(4)

    # the overview first (the status table, then the posting cadence), then a block per goal: a short cadence
    # after the last goal's chart would often be alone on a last page
    if report.cadence:
        pdf.h2(labels["cadence"], space=20 + 9 * len(report.cadence))
        pdf.para(labels["cadence_help"], size=9, colour=MUTED)
        pdf.ln(2)
        for cadence in report.cadence:
            _cadence_row(pdf, report, cadence.platform, cadence.text, cadence.share)
        pdf.ln(2)

    images = chart_images(report, "jpeg")
    pdf.h2(labels["per_goal"], space=130)
    for item, image in zip(report.progress, images, strict=True):
        _goal_block(pdf, report, item, image)


def _goal_block(pdf: ReportPdf, report: Report, item: ProgressView, image: bytes | None) -> None:
    width = pdf.epw
    chart_h = 0.0
    if image is not None:
        w_px, h_px = image_size(image)
        chart_h = width * h_px / w_px
    note_h = 5.0 if item.note else 0.0
    pdf.ensure(12 + note_h + (20 + 8 + chart_h + 12 if image is not None else 16))
    y = pdf.get_y()
    pdf.text_style(12.5, "B", INK)
    pdf.set_xy(MARGIN, y)
    pdf.cell(width - 40, 7, item.goal)
    pdf.set_font(FONT_FAMILY, "B", 8.5)
    chip_w = pdf.get_string_width(item.status_label) + 6
    pdf.chip(MARGIN + width - chip_w, y + 0.5, item.status_label, item.status)
    pdf.set_xy(MARGIN, y + 8)
    if item.note:
        pdf.para(item.note, size=9, style="I", colour=MUTED, height=4.6)
    pdf.ln(1)
    if image is None:
        pdf.set_fill_color(PANEL)
        pdf.text_style(9.5, "", MUTED)
        pdf.multi_cell(0, 9, report.labels["no_data_goal"], fill=True, padding=(0, 4))
        pdf.ln(8)
        return
    y = pdf.get_y()
    gap = 3.0
    box = (width - 3 * gap) / 4
    figures = (
        (report.labels["actual"], item.actual),
        (report.labels["expected"], item.expected),
        (report.labels["forecast"], item.forecast),
        (report.labels["col.target"], item.target),
    )
    for i, (label, value) in enumerate(figures):
        x = MARGIN + i * (box + gap)
        pdf.set_fill_color(PANEL)
        pdf.rect(x, y, box, 16, style="F", round_corners=True, corner_radius=2)
        pdf.set_xy(x + 2, y + 2)
        pdf.text_style(7.5, "B", MUTED)
        pdf.cell(box - 4, 4, label.upper())
        pdf.set_xy(x + 2, y + 7)
        pdf.text_style(14, "B", INK)
        pdf.cell(box - 4, 7, value)
    pdf.set_xy(MARGIN, y + 19)
    pdf.text_style(9.5, "B", BODY)
    pdf.write(5, f"{report.labels['needed']}: ")
    pdf.text_style(9.5, "", BODY)
    pdf.write(5, item.needed_text)
    pdf.ln(7)
    pdf.image(io.BytesIO(image), x=MARGIN, w=width, h=chart_h)
    pdf.ln(1)
    pdf.para(item.caption, size=8, colour=MUTED, height=4)
    pdf.ln(7)


def _cadence_row(pdf: ReportPdf, report: Report, platform: str, text: str, share: float | None) -> None:
    y = pdf.get_y()
    pdf.set_xy(MARGIN, y)
    pdf.text_style(10, "B", BODY)
    pdf.cell(40, 7, platform)
    bar_x, bar_w = MARGIN + 42, 80
    pdf.set_fill_color(TRACK)
    pdf.rect(bar_x, y + 2, bar_w, 3, style="F", round_corners=True, corner_radius=1.4)
    if share:
        pdf.set_fill_color(report.accent)
        pdf.rect(
            bar_x,
            y + 2,
            max(3.0, bar_w * min(1.0, share)),
            3,
            style="F",
            round_corners=True,
            corner_radius=1.5,
        )
    pdf.set_xy(bar_x + bar_w + 4, y)
    pdf.text_style(9.5, "", BODY)
    pdf.cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _review(pdf: ReportPdf, report: Report) -> None:
    review = report.review
    if review is None:
        return
    pdf.h1(report.labels["review"])
    pdf.text_style(14, "B", report.accent)
    pdf.multi_cell(0, 7, review.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if review.meta:
        pdf.para(review.meta, size=9, colour=MUTED)
    pdf.ln(4)
    for part in review.parts:
        pdf.ensure(20)
        pdf.text_style(11, "B", INK)
        pdf.cell(0, 6, part.label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(0.5)
        pdf.para(part.value, size=10, height=5.4)
        pdf.ln(5)


def render(report: Report) -> bytes:
    """The report as PDF bytes."""
    pdf = ReportPdf(report)
    _cover(pdf, report)
    _strategy(pdf, report)
    _progress(pdf, report)
    competitors(pdf, report)
    posts_section(pdf, report)
    plan_section(pdf, report)
    _review(pdf, report)
    return bytes(pdf.output())
