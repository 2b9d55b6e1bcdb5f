"""The monthly review's "which posts worked": the demo bakery's November posts ranked by a KPI, in EN and NL."""

from __future__ import annotations

from datetime import date

from cmplanner import demo
from cmplanner.models import Strategy
from cmplanner.store import Store
from tests.app.helpers import no_exception, open_page, texts

MONTH = "pages/11_month.py"
TODAY = "2026-12-02"  # the review opens on November 2026 (weeks W45–W48)


def written(store: Store) -> Strategy:
    return demo.write_demo(store, date(2026, 12, 2))[0]


def shown(at) -> str:  # noqa: ANN001 - AppTest
    return texts(at).replace("\\", "").replace("\u2060", "")


def test_the_months_best_and_weakest_posts_with_their_kpi_formula_and_what_they_share(store: Store) -> None:
    bakery = written(store)
    at = open_page(MONTH, bakery.id, today=TODAY)
    no_exception(at)
    text = shown(at)
    assert "Which posts worked in November 2026" in text
    assert "Formula: engagements ÷ reach" in text
    assert "12 posts this month, 12 with the figures for this measure" in text  # Instagram: 3 a week, 4 weeks
    assert "**3.46%** · Sat 28 Nov 09:15 · Carousels" in text  # the best: engagements ÷ reach of 2026w48in0
    assert "In common: Carousels · on Saturday · in the morning (6–12 h)" in text
    assert "In common: Short video · on Thursday · in the afternoon (12–18 h)" in text
    assert "[open](https://www.instagram.com/p/2026w48in0)" in text

    at.selectbox(key="rv.post_kpi").select("reach").run()
    no_exception(at)
    assert "Formula: " in shown(at) and "**3.46%**" not in shown(at)


def test_in_dutch_and_without_posts(store: Store) -> None:
    bakery = written(store)
    at = open_page(MONTH, bakery.id, "nl-NL", today=TODAY)
    no_exception(at)
    assert "Welke berichten werkten in november 2026" in shown(at)
    assert "**3,46%** · za 28 nov 09:15 · Carrousels" in shown(at)
    empty = store.create("Zonder berichten")
    at = open_page(MONTH, empty.id, today=TODAY)
    no_exception(at)
    assert "No imported posts in " in shown(at)
