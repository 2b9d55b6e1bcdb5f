"""The report as an A4 PDF (fpdf2): a cover, the strategy, the progress with one chart per goal, the latest review.

Text is set in the bundled Lato (SIL Open Font License, ``fonts/OFL.txt``), so €, ë and curly quotes print on any
machine; a glyph Lato lacks falls back to DejaVu Sans when the system has it. User text is written as text (no
markdown, no links). Every page after the cover carries a running head and a footer with the page number.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from fpdf.table import Table
from PIL import Image

from cmplanner import i18n
from cmplanner.reports.content import (
    FONT_FAMILY,
    FONTS,
    STATUS_COLOURS,
    Fact,
    ProgressView,
    Report,
    chart_images,
)

MARGIN = 18.0
TOP = 24.0
BOTTOM = 20.0
INK = "#1F2628"
BODY = "#2F3A3D"
MUTED = "#6B777A"
RULE = "#D9DFE0"
PANEL = "#F3F5F5"
EFFECT_MARKS = {"plus": ("+", "#2E7D4F"), "minus": ("–", "#B5651D"), "info": ("•", "#8A9598")}
FALLBACK_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
    Path("C:/Windows/Fonts/DejaVuSans.ttf"),
)


@cache
def _lato_chars() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(FONTS / "Lato-Regular.ttf", lazy=True) as font:
        return frozenset(font.getBestCmap())


def _texts(value: Any) -> Iterator[str]:
    """Every string in the report model (charts and logo left out)."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value):
        for f in fields(value):
            if f.name not in ("chart", "logo"):
                yield from _texts(getattr(value, f.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _image_size(data: bytes) -> tuple[int, int]:
    """Pixel size of an image (reads the header only)."""
    with Image.open(io.BytesIO(data)) as image:
        return image.size


class _Pdf(FPDF):
    def __init__(self, report: Report) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.c_margin = 1.5
        self.add_font(FONT_FAMILY, "", FONTS / "Lato-Regular.ttf")
        self.add_font(FONT_FAMILY, "B", FONTS / "Lato-Bold.ttf")
        self.add_font(FONT_FAMILY, "I", FONTS / "Lato-Italic.ttf")
        missing = {ord(c) for text in _texts(report) for c in text} - _lato_chars() - {10, 13, 9}
        fallback = next((path for path in FALLBACK_FONTS if path.is_file()), None)
        if missing and fallback is not None:
            self.add_font("fallback", "", fallback)
            self.set_fallback_fonts(["fallback"], exact_match=False)
        self.set_title(f"{report.name} · {report.kicker}")
        self.set_subject(report.subtitle)
        self.set_creator("cmplanner")
        self.set_lang(report.lang)
        if report.author:
            self.set_author(report.author)

    # -- running head and footer ---------------------------------------------------------------------------

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT_FAMILY, "", 8)
        self.set_text_color(MUTED)
        self.set_xy(MARGIN, 10)
        half = self.epw / 2
        self.cell(half, 5, self.report.name, new_x=XPos.RIGHT)
        self.cell(half, 5, self.report.kicker, align="R")
        self.set_draw_color(self.report.accent)
        self.set_line_width(0.5)
        self.line(MARGIN, 16, self.w - MARGIN, 16)
        self.set_y(TOP)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-13)
        self.set_draw_color(RULE)
        self.set_line_width(0.2)
        self.line(MARGIN, self.get_y() - 1.5, self.w - MARGIN, self.get_y() - 1.5)
        self.set_font(FONT_FAMILY, "", 8)
        self.set_text_color(MUTED)
        page = i18n.t("report.page", self.report.lang, n=self.page_no(), total="{nb}")
        self.cell(self.epw - 40, 5, self.report.footer, new_x=XPos.RIGHT)
        self.cell(40, 5, page, align="R")

    # -- building blocks -----------------------------------------------------------------------------------

    def text_style(self, size: float = 10, style: str = "", colour: str = BODY) -> None:
        self.set_font(FONT_FAMILY, style, size)
        self.set_text_color(colour)

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit (keeps a heading with what follows it)."""
        if self.will_page_break(height):
            self.add_page()

    def h1(self, text: str) -> None:
        self.add_page()
        self.start_section(text, level=0)
        self.text_style(22, "B", INK)
        self.multi_cell(0, 10, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_fill_color(self.report.accent)
        self.rect(MARGIN + self.c_margin, self.get_y() + 1, 18, 1.2, style="F")
        self.ln(8)

    def h2(self, text: str, space: float = 40) -> None:
        self.ensure(space)
        self.start_section(text, level=1)
        self.ln(2)
        self.text_style(14, "B", self.report.accent)
        self.multi_cell(0, 7, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def para(
        self, text: str, size: float = 10, style: str = "", colour: str = BODY, height: float = 5.2
    ) -> None:
        self.text_style(size, style, colour)
        self.multi_cell(0, height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def facts(self, rows: list[Fact], label_width: float = 42) -> None:
        """Label–value rows on alternating light bands."""
        with self.grid(
            col_widths=(label_width, self.epw - label_width),
            first_row_as_headings=False,
            borders_layout="NONE",
            cell_fill_color=_rgb(PANEL),
            cell_fill_mode="ROWS",
            line_height=5.4,
            padding=(1.6, 2.2),
            text_align=("LEFT", "LEFT"),
        ) as table:
            for fact in rows:
                row = table.row()
                row.cell(fact.label, style=FontFace(FONT_FAMILY, "B", 9, MUTED))
                row.cell(fact.value, style=FontFace(FONT_FAMILY, "", 10, BODY))
        self.ln(3)

    def chip(self, x: float, y: float, text: str, status: Any, size: float = 8.5) -> float:
        """A rounded status label at (x, y); returns its width."""
        bg, fg = STATUS_COLOURS[status]
        self.set_font(FONT_FAMILY, "B", size)
        width = self.get_string_width(text) + 6
        self.set_fill_color(bg)
        self.rect(x, y, width, 6, style="F", round_corners=True, corner_radius=2.9)
        self.set_text_color(fg)
        self.set_xy(x, y)
        self.cell(width, 6, text, align="C")
        return width

    @contextmanager
    def grid(self, **options: Any) -> Iterator[Table]:
        """An fpdf2 table with the report's rules (fill and line colours set first: fpdf2 fills with the current ones)."""
        self.set_fill_color("#FFFFFF")
        self.set_draw_color(RULE)
        self.set_line_width(0.25)
        with self.table(width=self.epw, **options) as table:
            yield table

    def heading_style(self) -> FontFace:
        return FontFace(FONT_FAMILY, "B", 8.5, self.report.on_accent, self.report.accent)


# -- pages ---------------------------------------------------------------------------------------------------


def _cover(pdf: _Pdf, report: Report) -> None:
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
    pdf.set_fill_color(PANEL)
    pdf.rect(MARGIN, y, pdf.epw, 42, style="F", round_corners=True, corner_radius=3)
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
    sections = [report.labels["strategy"], report.labels["progress"]]
    if report.review is not None:
        sections.append(report.labels["review"])
    pdf.set_xy(MARGIN + 6, y + (33 if report.counts else 23))
    pdf.text_style(9, "", MUTED)
    pdf.cell(0, 5, f"{report.labels['contents']}: {' · '.join(sections)}")
    pdf.set_fill_color(report.accent)
    pdf.rect(0, pdf.h - 7, pdf.w, 7, style="F")


def _strategy(pdf: _Pdf, report: Report) -> None:
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
            cell_fill_color=_rgb(PANEL),
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


def _reason(pdf: _Pdf, text: str, source: str, effect: str) -> None:
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


def _progress(pdf: _Pdf, report: Report) -> None:
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
    widths = [_column_width(pdf, heading, values) for heading, values in zip(cols[1:], columns, strict=True)]
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
            bg, fg = STATUS_COLOURS[item.status]
            row = table.row()
            row.cell(item.goal, style=FontFace(FONT_FAMILY, "B", 9, BODY))
            row.cell(item.status_label, style=FontFace(FONT_FAMILY, "B", 8.5, fg, bg))
            for value in (item.actual, item.expected, item.forecast, item.target, item.needed):
                row.cell(value, style=FontFace(FONT_FAMILY, "", 9, BODY))
    pdf.ln(4)

    images = chart_images(report, "jpeg")
    pdf.h2(labels["per_goal"], space=130)
    for item, image in zip(report.progress, images, strict=True):
        _goal_block(pdf, report, item, image)

    if report.cadence:
        pdf.h2(labels["cadence"], space=20 + 9 * len(report.cadence))
        pdf.para(labels["cadence_help"], size=9, colour=MUTED)
        pdf.ln(2)
        for cadence in report.cadence:
            _cadence_row(pdf, report, cadence.platform, cadence.text, cadence.share)


def _column_width(pdf: _Pdf, heading: str, values: list[str], padding: float = 4.4) -> float:
    """Wide enough for every value, and for the heading in at most two lines without splitting a word."""
    pdf.set_font(FONT_FAMILY, "B", 9)
    width = max([15.0] + [pdf.get_string_width(value) + padding for value in values])
    pdf.set_font(FONT_FAMILY, "B", 8.5)
    width = max([width] + [pdf.get_string_width(word) + padding for word in heading.split()])
    while len(cast(list[str], pdf.multi_cell(width - padding, 5, heading, dry_run=True, output="LINES"))) > 2:
        width += 1
    return width


def _goal_block(pdf: _Pdf, report: Report, item: ProgressView, image: bytes | None) -> None:
    width = pdf.epw
    chart_h = 0.0
    if image is not None:
        w_px, h_px = _image_size(image)
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


def _cadence_row(pdf: _Pdf, report: Report, platform: str, text: str, share: float | None) -> None:
    y = pdf.get_y()
    pdf.set_xy(MARGIN, y)
    pdf.text_style(10, "B", BODY)
    pdf.cell(40, 7, platform)
    bar_x, bar_w = MARGIN + 42, 80
    pdf.set_fill_color("#E6EAEB")
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


def _review(pdf: _Pdf, report: Report) -> None:
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
    pdf = _Pdf(report)
    _cover(pdf, report)
    _strategy(pdf, report)
    _progress(pdf, report)
    _review(pdf, report)
    return bytes(pdf.output())
