"""The checklists as a printable A4 PDF: one page to put on the wall, a box to tick per task.

Grouped by period (daily, weekly, monthly, quarterly), each task with its cadence and estimated minutes, seed
000's questions before publishing, and the plan's hours a week (:func:`workload.plan_hours`, the figure every
page shows). Set in the report's bundled Lato (read from the reports package's font folder, the same files the
client report uses), so €, ë and curly quotes print on any machine.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from cmplanner import i18n
from cmplanner.checklist_items import cadence_label, generate, prepublish
from cmplanner.models import PERIODS, Strategy
from cmplanner.workload import plan_hours

FAMILY = "Lato"
MARGIN = 16.0
INK = (31, 38, 40)
MUTED = (107, 119, 122)
RULE = (217, 223, 224)
BOX = 3.6
"""Side of a tick box, mm."""


def _fonts() -> Path:
    return Path(str(resources.files("cmplanner.reports") / "fonts"))


class _Sheet(FPDF):
    def __init__(self, lang: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        fonts = _fonts()
        self.add_font(FAMILY, "", fonts / "Lato-Regular.ttf")
        self.add_font(FAMILY, "B", fonts / "Lato-Bold.ttf")
        self.add_font(FAMILY, "I", fonts / "Lato-Italic.ttf")
        self.set_creator("cmplanner")
        self.set_lang(lang)

    def style(self, size: float, style: str = "", colour: tuple[int, int, int] = INK) -> None:
        self.set_font(FAMILY, style, size)
        self.set_text_color(*colour)

    def heading(self, text: str) -> None:
        if self.will_page_break(16):
            self.add_page()
        self.ln(3)
        self.style(12.5, "B")
        self.cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE)
        self.line(MARGIN, self.get_y(), self.w - MARGIN, self.get_y())
        self.ln(1.5)

    def tick_row(self, text: str, note: str = "") -> None:
        """A tick box, the text and (right-aligned, muted) a note."""
        if self.will_page_break(7):
            self.add_page()
        y = self.get_y()
        self.set_draw_color(*MUTED)
        self.set_line_width(0.3)
        self.rect(MARGIN, y + 1.1, BOX, BOX)
        note_width = 46.0 if note else 0.0
        self.set_x(MARGIN + BOX + 2.5)
        self.style(10)
        width = self.w - 2 * MARGIN - BOX - 2.5 - note_width
        height = self.multi_cell(width, 5.8, text, align="L", dry_run=True, output="HEIGHT")
        assert isinstance(height, float | int)
        self.multi_cell(width, 5.8, text, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
        if note:
            self.set_xy(self.w - MARGIN - note_width, y)
            self.style(8.5, "", MUTED)
            self.cell(note_width, 5.8, note, align="R")
        self.set_xy(MARGIN, y + height)


def checklist_pdf(strategy: Strategy, lang: str) -> bytes:
    """The strategy's enabled checklist tasks as a printable PDF in ``lang``."""
    items = [i for i in generate(strategy) if i.enabled and i.count > 0]
    pdf = _Sheet(lang)
    title = i18n.t("checklists.title", lang)
    pdf.set_title(f"{strategy.name} · {title}")
    pdf.add_page()
    pdf.style(20, "B")
    pdf.cell(0, 10, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.style(10, "", MUTED)
    pdf.cell(0, 6, strategy.name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for period in PERIODS:
        group = [i for i in items if i.period == period]
        if not group:
            continue
        pdf.heading(i18n.t(f"checklists.list.{period}", lang))
        for item in group:
            minutes = i18n.t("checklists.minutes_each", lang, minutes=i18n.number(item.minutes, lang))
            pdf.tick_row(item.title(lang), f"{cadence_label(item.count, item.period, lang)} · {minutes}")
    pdf.heading(i18n.t("checklists.prepublish", lang))
    for question in prepublish(lang):
        pdf.tick_row(question)
    pdf.ln(4)
    pdf.style(10, "B")
    hours = i18n.number(plan_hours(strategy), lang, 1)
    pdf.multi_cell(0, 5.5, i18n.t("checklists.total", lang, hours=hours), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if any(i.minutes_assumed for i in items):
        pdf.style(8.5, "I", MUTED)
        pdf.multi_cell(0, 4.6, i18n.t("checklists.assumption", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
