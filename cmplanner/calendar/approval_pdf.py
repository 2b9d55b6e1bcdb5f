"""The approval document as an A4 PDF, in the reports' look: fpdf2, the bundled Lato font, the same margins and
colours (``reports.pdf``), the user's accent.

One card per post, kept on one page when it fits: number, date and time, platforms and format, title, text,
details, then two boxes to tick (approved / changes needed) and a ruled box for the client's comments. The month's
relevant dates come first, a sign-off block last. User text is written as text (no markup).
"""

from __future__ import annotations

from fpdf.enums import MethodReturnValue, XPos, YPos

from cmplanner.calendar.approval import Approval, PostCard
from cmplanner.reports.pdf_layout import MARGIN, TOP, BrandedPdf, texts_of
from cmplanner.reports.style import BODY, FONT_FAMILY, INK, MUTED, PANEL, RULE

FAMILY = FONT_FAMILY
COMMENT_BOX = 18.0
"""Height of the comments box, mm: three handwritten lines 6 mm apart, so three cards fit on a page."""
COMMENT_LINES = 3
LINE = 5.0


class _Pdf(BrandedPdf):
    def __init__(self, doc: Approval) -> None:
        super().__init__(
            name=doc.name,
            kicker=doc.title,
            subject=doc.kicker,
            footer=doc.footer,
            accent=doc.accent,
            lang=doc.lang,
            texts=texts_of(doc),
            cover=False,
        )
        self.doc = doc

    def style(self, size: float, weight: str = "", colour: str = BODY) -> None:
        self.set_font(FAMILY, weight, size)
        self.set_text_color(colour)

    def lines(self, text: str, width: float, size: float, weight: str = "") -> int:
        """How many lines ``text`` takes at ``width`` mm in Lato ``size``."""
        self.set_font(FAMILY, weight, size)
        found = self.multi_cell(width, LINE, text, dry_run=True, output=MethodReturnValue.LINES)
        return max(1, len(found) if isinstance(found, list) else 1)

    def fit(self, text: str, width: float) -> str:
        """``text`` shortened with an ellipsis to fit ``width`` mm in the current font."""
        if self.get_string_width(text) <= width:
            return text
        while text and self.get_string_width(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def ensure(self, height: float) -> None:
        if height < self.eph and self.will_page_break(height):
            self.add_page()

    def h2(self, text: str) -> None:
        self.ensure(30)
        self.ln(3)
        self.style(14, "B", self.doc.ink_accent)
        self.multi_cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(2)

    def box(self, x: float, y: float, label: str) -> float:
        """A tick box with its label at (x, y); returns the width used."""
        self.set_draw_color(INK)
        self.set_line_width(0.35)
        self.rect(x, y + 0.8, 4, 4)
        self.style(9.5, "", INK)
        self.set_xy(x + 5.5, y)
        width = self.get_string_width(label) + 4
        self.cell(width, 5.6, label)
        return 5.5 + width + 8


def _head(pdf: _Pdf, doc: Approval) -> None:
    pdf.add_page()
    pdf.set_fill_color(doc.accent)
    pdf.rect(0, 0, pdf.w, 7, style="F")
    pdf.set_y(20)
    pdf.style(10, "B", doc.ink_accent)
    pdf.set_char_spacing(1.2)
    pdf.cell(0, 6, doc.kicker.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_char_spacing(0)
    pdf.ln(1)
    pdf.style(24, "B", INK)
    pdf.multi_cell(0, 10, doc.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.style(13, "", MUTED)
    pdf.multi_cell(0, 6.5, doc.name, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.set_fill_color(doc.accent)
    pdf.rect(MARGIN + pdf.c_margin, pdf.get_y() + 3, 22, 1.3, style="F")
    y = pdf.get_y() + 10
    column = pdf.epw / max(1, len(doc.meta))
    bottom = y + 12.0
    for i, line in enumerate(doc.meta):
        x = MARGIN + i * column
        pdf.set_xy(x, y)
        pdf.style(7.5, "B", MUTED)
        pdf.set_char_spacing(0.6)
        pdf.cell(column - 3, 4.5, line.label.upper())
        pdf.set_char_spacing(0)
        pdf.set_xy(x, y + 5)
        pdf.style(11, "", INK)
        pdf.multi_cell(column - 3, 5.5, line.value, align="L")
        bottom = max(bottom, pdf.get_y())
    pdf.set_xy(MARGIN, bottom + 5)  # below the tallest value (a long client name takes two lines)
    pdf.style(10, "", BODY)
    pdf.multi_cell(0, 5.2, doc.intro, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


def _dates(pdf: _Pdf, doc: Approval) -> None:
    pdf.h2(doc.labels["dates"])
    if not doc.dates:
        pdf.style(10, "", MUTED)
        pdf.multi_cell(0, 5.2, doc.labels["no_dates"], new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        return
    half = (len(doc.dates) + 1) // 2
    rows = max(1, half)
    top = pdf.get_y()
    height = 6 + rows * 5.6
    pdf.ensure(height)
    top = pdf.get_y()
    pdf.set_fill_color(PANEL)
    pdf.rect(MARGIN, top, pdf.epw, height, style="F", round_corners=True, corner_radius=2.5)
    column = (pdf.epw - 8) / 2
    for i, line in enumerate(doc.dates):
        x = MARGIN + 4 + (i // half) * column
        y = top + 3 + (i % half) * 5.6
        pdf.set_xy(x, y)
        pdf.style(9, "B", INK)
        pdf.cell(26, 5.6, pdf.fit(line.label, 25))
        pdf.style(9, "", BODY)
        pdf.cell(column - 28, 5.6, pdf.fit(line.value, column - 30))
    pdf.set_xy(MARGIN, top + height + 2)


def _card_height(pdf: _Pdf, card: PostCard) -> float:
    width = pdf.epw - 14
    height = 16.0
    if card.title:
        height += 6.2 * pdf.lines(card.title, width, 11.5, "B")
    if card.text:
        height += LINE * pdf.lines(card.text, width, 10) + 1.5
    for line in card.details:
        height += LINE * pdf.lines(line.value, width - 28, 9.5)
    return height + 12 + COMMENT_BOX + 8


def _card(pdf: _Pdf, doc: Approval, card: PostCard) -> None:
    pdf.ensure(_card_height(pdf, card))
    top = pdf.get_y() + 2
    if pdf.get_y() > TOP + 1:  # a rule between cards, none under the running head
        pdf.set_draw_color(RULE)
        pdf.set_line_width(0.3)
        pdf.line(MARGIN, top, pdf.w - MARGIN, top)
    x = MARGIN + 14
    width = pdf.epw - 14
    pdf.set_fill_color(doc.accent)
    pdf.rect(MARGIN, top + 4, 10, 8, style="F", round_corners=True, corner_radius=1.8)
    pdf.set_xy(MARGIN, top + 4)
    pdf.style(11, "B", doc.on_accent)
    pdf.cell(10, 8, str(card.number), align="C")
    pdf.set_xy(x, top + 3.5)
    pdf.style(10.5, "B", INK)
    pdf.cell(width, 5, card.when, new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.style(9, "", MUTED)
    pdf.cell(width, 4.8, f"{card.platforms} · {card.format}", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.ln(2)
    if card.title:
        pdf.set_x(x)
        pdf.style(11.5, "B", INK)
        pdf.multi_cell(width, 6.2, card.title, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
    if card.text:
        pdf.set_x(x)
        pdf.style(10, "", BODY)
        pdf.multi_cell(width, LINE, card.text, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
        pdf.ln(1.5)
    for line in card.details:
        pdf.set_x(x)
        pdf.style(8.5, "B", MUTED)
        pdf.cell(28, LINE, line.label)
        pdf.style(9.5, "", BODY)
        pdf.multi_cell(width - 28, LINE, line.value, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
    pdf.ln(3.5)
    y = pdf.get_y()
    used = pdf.box(x, y, doc.labels["approved"])
    pdf.box(x + used, y, doc.labels["changes"])
    y += 8
    pdf.set_xy(x, y)
    pdf.style(8.5, "B", MUTED)
    pdf.cell(width, 4.5, doc.labels["comments"])
    y += 5
    pdf.set_fill_color("#FBFBFB")
    pdf.set_draw_color(RULE)
    pdf.set_line_width(0.3)
    pdf.rect(x, y, width, COMMENT_BOX, style="DF", round_corners=True, corner_radius=1.5)
    pdf.set_line_width(0.15)
    for row in range(1, COMMENT_LINES):
        ruled = y + row * COMMENT_BOX / COMMENT_LINES
        pdf.line(x + 3, ruled, x + width - 3, ruled)
    pdf.set_xy(MARGIN, y + COMMENT_BOX + 4)


def _signoff(pdf: _Pdf, doc: Approval) -> None:
    pdf.ensure(52)
    pdf.h2(doc.labels["signoff"])
    pdf.style(10, "", BODY)
    pdf.multi_cell(0, 5.2, doc.labels["signoff_note"], new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.ln(8)
    column = pdf.epw / 3
    y = pdf.get_y()
    for i, key in enumerate(("signed_name", "signed_date", "signature")):
        x = MARGIN + i * column
        pdf.set_draw_color(INK)
        pdf.set_line_width(0.3)
        pdf.line(x, y + 10, x + column - 8, y + 10)
        pdf.set_xy(x, y + 11)
        pdf.style(8.5, "", MUTED)
        pdf.cell(column - 8, 5, doc.labels[key])


def render(doc: Approval) -> bytes:
    """The approval document as PDF bytes."""
    pdf = _Pdf(doc)
    _head(pdf, doc)
    _dates(pdf, doc)
    pdf.h2(doc.labels["posts"])
    if not doc.posts:
        pdf.style(10, "", MUTED)
        pdf.multi_cell(0, 5.2, doc.labels["no_posts"], new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    for card in doc.posts:
        _card(pdf, doc, card)
    _signoff(pdf, doc)
    return bytes(pdf.output())
