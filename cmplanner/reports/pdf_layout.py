"""The PDF's page furniture and building blocks (fpdf2): an A4 document in the bundled Lato with a fallback for
glyphs Lato lacks, the running head and the footer with the page number, headings, paragraphs, label–value rows,
status chips and tables in the report's style. The sections themselves are drawn in ``pdf``.
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
from cmplanner.pacing import Status
from cmplanner.presentation import STATUS_STYLES
from cmplanner.reports.model import Fact, Report
from cmplanner.reports.style import BODY, FONT_FAMILY, FONTS, INK, MUTED, PANEL, RULE, rgb

MARGIN = 18.0
TOP = 24.0
BOTTOM = 20.0
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


def texts_of(value: Any) -> Iterator[str]:
    """Every string in the report model (charts and logo left out)."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value):
        for f in fields(value):
            if f.name not in ("chart", "logo"):
                yield from texts_of(getattr(value, f.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts_of(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts_of(item)


def image_size(data: bytes) -> tuple[int, int]:
    """Pixel size of an image (reads the header only)."""
    with Image.open(io.BytesIO(data)) as image:
        return image.size


class BrandedPdf(FPDF):
    """An A4 document in the reports' look: Lato (with a fallback for glyphs it lacks), the report's margins and
    metadata, a running head (name left, ``kicker`` right, an accent rule) from page 2 on and a footer with the page
    number (from page 2 on when page 1 is a ``cover``). The report and the calendar's approval document are both one."""

    def __init__(
        self,
        *,
        name: str,
        kicker: str,
        subject: str,
        footer: str,
        accent: str,
        lang: str,
        texts: Iterator[str],
        author: str = "",
        cover: bool = True,
    ) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.brand_name, self.brand_kicker, self.brand_footer = name, kicker, footer
        self.accent, self.lang = accent, lang
        self.cover = cover
        """Page 1 is a cover: no running head or footer on it."""
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.c_margin = 1.5
        self.add_font(FONT_FAMILY, "", FONTS / "Lato-Regular.ttf")
        self.add_font(FONT_FAMILY, "B", FONTS / "Lato-Bold.ttf")
        self.add_font(FONT_FAMILY, "I", FONTS / "Lato-Italic.ttf")
        missing = {ord(c) for text in texts for c in text} - _lato_chars() - {10, 13, 9}
        fallback = next((path for path in FALLBACK_FONTS if path.is_file()), None)
        if missing and fallback is not None:
            self.add_font("fallback", "", fallback)
            self.set_fallback_fonts(["fallback"], exact_match=False)
        self.set_title(f"{name} · {kicker}")
        self.set_subject(subject)
        self.set_creator("cmplanner")
        self.set_lang(lang)
        if author:
            self.set_author(author)

    # -- running head and footer ---------------------------------------------------------------------------

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT_FAMILY, "", 8)
        self.set_text_color(MUTED)
        self.set_xy(MARGIN, 10)
        half = self.epw / 2
        self.cell(half, 5, self.brand_name, new_x=XPos.RIGHT)
        self.cell(half, 5, self.brand_kicker, align="R")
        self.set_draw_color(self.accent)
        self.set_line_width(0.5)
        self.line(MARGIN, 16, self.w - MARGIN, 16)
        self.set_y(TOP)

    def footer(self) -> None:
        if self.page_no() == 1 and self.cover:
            return
        self.set_y(-13)
        self.set_draw_color(RULE)
        self.set_line_width(0.2)
        self.line(MARGIN, self.get_y() - 1.5, self.w - MARGIN, self.get_y() - 1.5)
        self.set_font(FONT_FAMILY, "", 8)
        self.set_text_color(MUTED)
        page = i18n.t("report.page", self.lang, n=self.page_no(), total="{nb}")
        self.cell(self.epw - 40, 5, self.brand_footer, new_x=XPos.RIGHT)
        self.cell(40, 5, page, align="R")


SECTION_ON_PAGE_BELOW = 0.4
"""A section starts on the current page when less than this share of it is filled (else on a new page)."""


class ReportPdf(BrandedPdf):
    """The report's document."""

    def __init__(self, report: Report) -> None:
        super().__init__(
            name=report.name,
            kicker=report.kicker,
            subject=report.subtitle,
            footer=report.footer,
            accent=report.accent,
            lang=report.lang,
            texts=texts_of(report),
            author=report.author,
        )
        self.report = report

    # -- building blocks -----------------------------------------------------------------------------------

    def text_style(self, size: float = 10, style: str = "", colour: str = BODY) -> None:
        self.set_font(FONT_FAMILY, style, size)
        self.set_text_color(colour)

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit (keeps a heading with what follows it)."""
        if self.will_page_break(height):
            self.add_page()

    def h1(self, text: str) -> None:
        """A section's title: on a new page, unless the page it would leave is less than
        :data:`SECTION_ON_PAGE_BELOW` filled (a section's last rows alone on a page would leave it nearly empty)."""
        usable = self.h - self.t_margin - self.b_margin
        if self.page_no() <= 1 or (self.get_y() - self.t_margin) / usable > SECTION_ON_PAGE_BELOW:
            self.add_page()
        else:
            self.ln(10)
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
            cell_fill_color=rgb(PANEL),
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

    def chip(self, x: float, y: float, text: str, status: Status, size: float = 8.5) -> float:
        """A rounded status label at (x, y); returns its width."""
        style = STATUS_STYLES[status]
        self.set_font(FONT_FAMILY, "B", size)
        width = self.get_string_width(text) + 6
        self.set_fill_color(style.background)
        self.rect(x, y, width, 6, style="F", round_corners=True, corner_radius=2.9)
        self.set_text_color(style.text)
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


def column_width(pdf: ReportPdf, heading: str, values: list[str], padding: float = 4.4) -> float:
    """Wide enough for every value, and for the heading in at most two lines without splitting a word."""
    pdf.set_font(FONT_FAMILY, "B", 9)
    width = max([15.0] + [pdf.get_string_width(value) + padding for value in values])
    pdf.set_font(FONT_FAMILY, "B", 8.5)
    width = max([width] + [pdf.get_string_width(word) + padding for word in heading.split()])
    while len(cast(list[str], pdf.multi_cell(width - padding, 5, heading, dry_run=True, output="LINES"))) > 2:
        width += 1
    return width
