"""The printable checklist page (cmplanner.checklist_sheet): a PDF with a box per task, read back as text."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from cmplanner import i18n
from cmplanner.checklist_items import ChecklistSettings, TaskOverride
from cmplanner.checklist_sheet import checklist_pdf
from cmplanner.workload import plan_hours
from tests.unit.checklist_plans import X_PIN


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_sheet_groups_tasks_by_period_with_the_plans_hours() -> None:
    plan = X_PIN.model_copy(
        update={"checklist": ChecklistSettings(overrides={"x.repost": TaskOverride(enabled=False)})}
    )
    pdf = checklist_pdf(plan, "nl")
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    headings = [
        "Checklist voor de dag",
        "Checklist voor de week",
        "Checklist voor de maand",
        "De driemaandelijkse checklist",
        "Voor elke post",
    ]
    assert [text.index(h) for h in headings] == sorted(text.index(h) for h in headings)
    assert "X (Twitter): Posten op X (3×)" in text
    assert "reposten" not in text.lower()
    assert i18n.t("checklists.total", "nl", hours=i18n.number(plan_hours(plan), "nl", 1)) in text
    assert "Geschatte duur: een aanname" in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_sheet_in_both_languages(lang: str) -> None:
    text = text_of(checklist_pdf(X_PIN, lang))
    assert i18n.t("checklists.title", lang) in text
    assert i18n.t("check.goal", lang) in text
