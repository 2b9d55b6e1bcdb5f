"""The report's "which posts worked", read back from the PDF (pypdf) and the HTML, for the demo bakery."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from cmplanner import demo, reports
from cmplanner.store import Store

TODAY = date(2026, 12, 2)  # the last complete month is November 2026


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).replace("\n", " ")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            (
                "Which posts worked in November 2026",
                "Formula: engagements ÷ reach",
                "3.46% · Sat 28 Nov 09:15 · Carousels",
                "In common: Carousels · on Saturday · in the morning (6–12 h)",
                "https://www.instagram.com/p/2026w48in0",
            ),
        ),
        (
            "nl",
            (
                "Welke berichten werkten in november 2026",
                "3,46% · za 28 nov 09:15 · Carrousels",
                "Gemeen: Carrousels · op zaterdag",
            ),
        ),
    ],
)
def test_the_pdf_names_the_best_and_weakest_posts_with_kpi_and_formula(
    data_dir: Path, lang: str, expected: tuple[str, ...]
) -> None:
    store = Store(data_dir)
    bakery = demo.write_demo(store, TODAY)[0]
    data, _ = reports.build(store, bakery.id, "pdf", reports.options(lang=lang, today=TODAY))
    text = pdf_text(data)
    for part in expected:
        assert part in text, part


def test_the_html_names_each_posts_address_and_a_strategy_without_posts_has_no_section(
    data_dir: Path,
) -> None:
    store = Store(data_dir)
    bakery, consultancy = demo.write_demo(store, TODAY)
    page, _ = reports.build(store, bakery.id, "html", reports.options(lang="en", today=TODAY))
    assert b'<section id="posts"' in page and b"https://www.instagram.com/p/2026w48in0</span>" in page
    other, _ = reports.build(store, consultancy.id, "html", reports.options(lang="en", today=TODAY))
    assert b'<section id="posts"' not in other
