"""The report's competitor page: read back from the PDF (pypdf) and the HTML, with figures computed by hand."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from cmplanner import reports
from cmplanner.demo import bakery
from cmplanner.models import Competitor, CompetitorWeek, Platform, Strategy, WeekMetrics
from cmplanner.store import COMPETITOR_WEEKS, Edit, Store

TODAY = date(2026, 11, 18)
BROODBAR = Competitor(
    id="bb",
    name="Broodbar Utrecht",
    handles={Platform.INSTAGRAM: "@broodbarutrecht"},
    watch="Hoe ze met korte video's studenten bereiken",
)
# Two weeks of the quarter, on Instagram. You: 1,000 → 1,100 followers, 4 + 2 posts, 36 + 18 likes, 4 + 2
# comments. Broodbar: 500 → 600 followers, 5 + 5 posts, 45 + 50 likes, 5 + 0 comments.
OWN = [
    WeekMetrics(platform="instagram", week="2026-W45", followers=1000, posts=4, reactions=36, comments=4),
    WeekMetrics(platform="instagram", week="2026-W46", followers=1100, posts=2, reactions=18, comments=2),
]
THEIRS = [
    CompetitorWeek(
        competitor="bb", platform="instagram", week="2026-W45", followers=500, posts=5, likes=45, comments=5
    ),
    CompetitorWeek(
        competitor="bb",
        platform="instagram",
        week="2026-W46",
        followers=600,
        posts=5,
        likes=50,
        note="Spaarkaart",
    ),
]
# By hand (the quarter's start is the first logged week, 2026-W45, as nothing was logged before it):
#   you:      followers 1,100; growth (1,100 − 1,000) ÷ 1,000 = +10.0%; posts per week (4 + 2) ÷ 2 = 3.0;
#             engagement per post (54 + 6) ÷ 6 ÷ 1,100 × 100 = 0.91%
#   Broodbar: followers 600; growth (600 − 500) ÷ 500 = +20.0%; posts per week (5 + 5) ÷ 2 = 5.0;
#             engagement per post (95 + 5) ÷ 10 ÷ 600 × 100 = 1.67%
EXPECTED = {
    "en": (["1,100", "+10.0%", "3.0", "0.91%"], ["600", "+20.0%", "5.0", "1.67%"]),
    "nl": (["1.100", "+10,0%", "3,0", "0,91%"], ["600", "+20,0%", "5,0", "1,67%"]),
}
TITLES = {
    "en": ("Competitors", "Bakkerij De Korenschoof (you)", "How the figures are computed", "What to watch"),
    "nl": (
        "Concurrenten",
        "Bakkerij De Korenschoof (jij)",
        "Hoe de cijfers worden berekend",
        "Waar je op let",
    ),
}


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture
def strategy(store: Store) -> Strategy:
    saved = store.save(bakery("2026-Q4"))

    def change(edit: Edit) -> None:
        edit.strategy.competitors = [BROODBAR]
        edit.put(COMPETITOR_WEEKS, THEIRS)

    store.update(saved.id, change)
    store.upsert_weeks(saved.id, OWN)
    return store.get(saved.id)


def build(store: Store, strategy: Strategy, fmt: str, lang: str) -> bytes:
    data, _ = reports.build(store, strategy.id, fmt, reports.options(lang=lang, today=TODAY))
    return data


def competitor_page(data: bytes, title: str) -> str:
    """The text of the competitor section: from the page it starts on (its title on a line of its own) to its end.

    A section starts on the current page when that page is mostly empty (``pdf_layout.SECTION_ON_PAGE_BELOW``), so
    it may begin low on a page and go on on the next one; the text after the section's start up to the next page's
    end is returned (the section is at most that long here)."""
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    found = [i for i, text in enumerate(pages) if i and title in text.splitlines()]
    assert len(found) == 1, [text[:120] for text in pages]
    lines = pages[found[0]].splitlines()
    section = lines[lines.index(title) :]
    return "\n".join(section + pages[found[0] + 1 : found[0] + 2])


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_competitor_page_reads_back_from_the_pdf(store: Store, strategy: Strategy, lang: str) -> None:
    title, you, formulas, watch = TITLES[lang]
    text = competitor_page(build(store, strategy, "pdf", lang), title)
    flat = " ".join(text.split())
    own, theirs = EXPECTED[lang]
    assert f"{you} {' '.join(own)}" in flat
    assert f"Broodbar Utrecht {' '.join(theirs)}" in flat
    assert "Instagram" in flat and formulas in flat and watch in flat
    assert "Broodbar Utrecht: Hoe ze met korte video's studenten bereiken" in flat
    assert "Broodbar Utrecht (Instagram, 2026-W46): Spaarkaart" in flat


def test_the_cover_lists_the_competitor_section(store: Store, strategy: Strategy) -> None:
    first = PdfReader(io.BytesIO(build(store, strategy, "pdf", "en"))).pages[0].extract_text()
    assert "The strategy · Progress in 2026-Q4 · Competitors" in " ".join(first.split())


def test_the_html_report_has_the_same_table_with_your_row_set_apart(store: Store, strategy: Strategy) -> None:
    page = build(store, strategy, "html", "en").decode("utf-8")
    section = page[page.index('<section id="competitors"') :]
    section = section[: section.index("</section>")]
    own, theirs = EXPECTED["en"]
    assert '<tr class="own"><td>Bakkerij De Korenschoof (you)</td>' in section
    assert "".join(f'<td class="num">{value}</td>' for value in theirs) in section
    assert section.count("<svg") == 1 and "<img" not in section  # the chart inline, in the page's Lato


def test_no_competitor_page_without_competitors(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    report = reports.load(store, strategy.id, reports.options(lang="en", today=TODAY))
    assert report.competitors is None
    assert 'id="competitors"' not in build(store, strategy, "html", "en").decode("utf-8")


def test_competitor_text_comes_out_inert(store: Store, strategy: Strategy) -> None:
    def rename(edit: Edit) -> None:
        edit.strategy.competitors = [
            BROODBAR.model_copy(update={"name": '=HYPERLINK("x")', "watch": "<b>x</b>"})
        ]

    store.update(strategy.id, rename)
    page = build(store, strategy, "html", "en").decode("utf-8")
    assert "<td>&#x27;=HYPERLINK(&quot;x&quot;)</td>" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
