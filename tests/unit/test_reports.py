"""Reports: each format rendered and read back (PDF text with pypdf, HTML with html.parser) in both languages;
user text stays inert; no external URL; bad logo or colour gives a clear error."""

from __future__ import annotations

import io
import logging
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from cmplanner import demo, i18n, periods, presentation, reports, reviews, tracker
from cmplanner.models import Persona, Review, Strategy
from cmplanner.reports import charts as report_charts
from cmplanner.reports import inputs, style
from cmplanner.store import Store, StoreError

TODAY = date(2026, 11, 22)
EVIL_HTML = "<script>alert(1)</script>"
EVIL_FORMULA = '=HYPERLINK("http://x")'
REVIEW = {
    "en": ("Stories about fresh bread did well", "Too few Facebook posts", "Plan two Facebook posts a week"),
    "nl": (
        "Stories over vers brood deden het goed",
        "Te weinig Facebook-posts",
        "Twee Facebook-posts per week inplannen",
    ),
}
GOALS = {
    "en": ("Instagram · Followers", "Facebook · Posts"),
    "nl": ("Instagram · Volgers", "Facebook · Posts"),
}
HEADINGS = {
    "en": ("The strategy", "Progress in 2026-Q4", "Latest review", "What went well"),
    "nl": ("De strategie", "Voortgang in 2026-Q4", "Laatste evaluatie", "Wat ging goed"),
}


class Parsed(HTMLParser):
    """Tags, attributes and text of an HTML document."""

    def __init__(self, document: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.chunks: list[str] = []
        self.feed(document)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture
def bakery(store: Store) -> Strategy:
    return demo.write_demo(store, TODAY)[0]


def write_review(store: Store, strategy: Strategy, lang: str, **extra: str) -> None:
    well, badly, decisions = REVIEW[lang]
    fields = {"went_well": well, "went_badly": badly, "decisions": decisions} | extra
    review = Review(kind="month", period="2026-10", **fields)
    store.update(strategy.id, lambda edit: reviews.save(edit, review))


def build(store: Store, strategy: Strategy, fmt: str, lang: str, **options: object) -> bytes:
    data, name = reports.build(store, strategy.id, fmt, reports.options(lang=lang, today=TODAY, **options))
    assert name.endswith(f"-2026-q4.{fmt}")
    return data


def statuses(store: Store, strategy: Strategy, lang: str) -> set[str]:
    items = tracker.goal_paces(strategy, store.weeks(strategy.id), periods.current_quarter(TODAY), TODAY)
    labels = {i18n.t(f"status.{item.pace.status.value}", lang) for item in items}
    return {label[:1].upper() + label[1:] for label in labels}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pdf_has_name_goals_statuses_and_review_in_the_language(
    store: Store, bakery: Strategy, lang: str
) -> None:
    write_review(store, bakery, lang)
    data = build(store, bakery, "pdf", lang, client="Client BV", author="Sanne")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 5
    cover = reader.pages[0].extract_text()
    assert bakery.name in cover and "Client BV" in cover and "Sanne" in cover
    text = flat(pdf_text(data))
    for needle in (*GOALS[lang], *HEADINGS[lang], *REVIEW[lang], *statuses(store, bakery, lang)):
        assert needle in text, needle
    other = "nl" if lang == "en" else "en"
    assert HEADINGS[other][1] not in text
    assert i18n.t("report.page", lang, n=2, total=len(reader.pages)) in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_html_has_name_goals_statuses_and_review_in_the_language(
    store: Store, bakery: Strategy, lang: str
) -> None:
    write_review(store, bakery, lang)
    page = Parsed(build(store, bakery, "html", lang).decode("utf-8"))
    for needle in (bakery.name, *GOALS[lang], *HEADINGS[lang], *REVIEW[lang], *statuses(store, bakery, lang)):
        assert needle in page.text, needle
    assert ("html", "lang", lang) in page.attrs
    # one chart per goal, and one per platform compared with competitors (Facebook, Instagram), drawn inline
    assert page.tags.count("svg") == len(bakery.goals) + 2
    assert "@font-face" in page.text and "data:font/woff;base64," in page.text  # the PDF's Lato, embedded


def test_html_is_self_contained(store: Store, bakery: Strategy) -> None:
    logo = io.BytesIO()
    Image.new("RGB", (40, 20), "#B5542D").save(logo, "PNG")
    page = Parsed(build(store, bakery, "html", "en", logo=logo.getvalue()).decode("utf-8"))
    links = [(tag, name, value) for tag, name, value in page.attrs if name in ("src", "href")]
    assert links and all(value.startswith("data:image/") for _, _, value in links)
    assert not [value for _, _, value in page.attrs if "http://" in value or "https://" in value]
    assert not {"script", "link", "iframe", "object", "a"} & set(page.tags)


def test_user_text_with_html_or_formulas_comes_out_inert(store: Store) -> None:
    strategy = demo.bakery(periods.current_quarter(TODAY))
    strategy.name = f"Bakery {EVIL_HTML}"
    strategy.personas[0] = Persona(name=EVIL_HTML, age_bands=["30-49"], pains=EVIL_FORMULA)
    strategy.goals[0].note = '<img src=x onerror="alert(2)">'
    store.save(strategy)
    store.upsert_weeks(strategy.id, demo.weeks_for("bakery", strategy, TODAY))
    write_review(store, strategy, "en", notes=f"{EVIL_FORMULA}\n{EVIL_HTML}")

    page = Parsed(build(store, strategy, "html", "en").decode("utf-8"))
    assert "script" not in page.tags
    assert ("img", "src", "x") not in page.attrs and not [a for a in page.attrs if a[1].startswith("on")]
    assert EVIL_HTML in page.text and '<img src=x onerror="alert(2)">' in page.text
    assert "'" + EVIL_FORMULA in page.text  # a spreadsheet takes it as text when the table is pasted

    data = build(store, strategy, "pdf", "en")
    text = flat(pdf_text(data))
    assert EVIL_HTML in text and "'" + EVIL_FORMULA in text
    assert all("/Annots" not in page for page in PdfReader(io.BytesIO(data)).pages)  # no links


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("- a bullet", "- a bullet"),
        ("plain\x00 text\u202e", "plain text"),
        ("  fresh bread  ", "fresh bread"),
    ],
)
def test_inert(text: str, expected: str) -> None:
    assert inputs.inert(text) == expected


def test_a_bad_logo_or_colour_is_refused_with_a_clear_message() -> None:
    with pytest.raises(reports.ReportError) as info:
        reports.options(logo=b"GIF89a\x01\x00\x01\x00")
    assert str(info.value) == "The logo must be a PNG or JPEG image."
    with pytest.raises(reports.ReportError, match="PNG or JPEG"):
        reports.options(logo=b"\x89PNG\r\n\x1a\n" + b"not really a png")
    with pytest.raises(reports.ReportError, match="too large"):
        reports.options(logo=b"\x89PNG\r\n\x1a\n" + bytes(inputs.MAX_LOGO_BYTES))
    with pytest.raises(reports.ReportError) as info:
        reports.options(accent="red")
    assert "#2E6F6B" in str(info.value) and "red" in str(info.value)
    assert "accentkleur" in info.value.message("nl")
    for bad in ("#12345", "#GGGGGG", "123456", "#1234567"):
        with pytest.raises(reports.ReportError):
            reports.options(accent=bad)
    with pytest.raises(reports.ReportError, match="language"):
        reports.options(lang="fr")
    assert reports.options(accent="#b5542d").accent == "#B5542D"
    assert reports.options(accent="").accent == style.DEFAULT_ACCENT


def test_a_light_accent_is_darkened_for_text_and_gets_dark_text_on_it() -> None:
    def ratio(colour: str) -> float:
        return 1.05 / (style._luminance(colour) + 0.05)

    assert ratio(style.readable("#FFFF00")) >= 3
    assert style.readable("#2E6F6B") == "#2E6F6B"
    assert style.text_on("#FFFF00") != "#FFFFFF"
    assert style.text_on("#2E6F6B") == "#FFFFFF"


def test_logo_is_on_the_cover(store: Store, bakery: Strategy) -> None:
    logo = io.BytesIO()
    Image.new("RGB", (300, 100), "#B5542D").save(logo, "JPEG")
    data = build(store, bakery, "pdf", "en", logo=logo.getvalue())
    images = PdfReader(io.BytesIO(data)).pages[0].images
    assert len(images) == 1


def test_no_review_section_without_a_review(store: Store, bakery: Strategy) -> None:
    assert "Latest review" not in Parsed(build(store, bakery, "html", "en").decode()).text
    assert "Latest review" not in pdf_text(build(store, bakery, "pdf", "en"))


def test_a_bare_strategy_still_gives_a_report(store: Store) -> None:
    strategy = store.create("Nieuwe klant")
    for fmt in ("pdf", "html"):
        data = build(store, strategy, fmt, "nl")
        text = pdf_text(data) if fmt == "pdf" else Parsed(data.decode()).text
        assert "Nieuwe klant" in text and "Er zijn geen doelen gesteld voor 2026-Q4." in flat(text)


def test_the_demo_prints_every_character_in_the_bundled_font(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    for strategy in demo.write_demo(store, TODAY):
        write_review(store, strategy, "nl", notes="€ 2.000 per maand, ‘enquête’ en “crème brûlée”")
        for lang in ("en", "nl"):
            with caplog.at_level(logging.WARNING, logger="fpdf"):
                build(store, strategy, "pdf", lang)
    assert not [r for r in caplog.records if "missing" in r.getMessage().lower()]


def test_the_report_chart_is_the_tracker_chart(store: Store) -> None:
    """chart_spec reuses one Altair spec per set of labels; it must equal charts.goal_chart's own spec."""

    def normal(spec: dict) -> dict:
        data = spec.pop("datasets")
        for layer in spec["layer"]:
            layer["data"] = data[layer["data"]["name"]]
        return spec

    report_charts._TEMPLATES.clear()
    for strategy in demo.write_demo(store, TODAY):
        items = tracker.goal_paces(strategy, store.weeks(strategy.id), periods.current_quarter(TODAY), TODAY)
        for item in items:
            for lang in ("en", "nl"):
                labels = presentation.chart_labels(item.goal.kpi, lang)
                assert normal(report_charts.chart_spec(item, lang)) == normal(
                    report_charts._styled_spec(item, labels, lang)
                )


def test_find_strategy_by_id_or_exact_name(store: Store, bakery: Strategy) -> None:
    assert store.find(bakery.id).id == bakery.id
    assert store.find(bakery.name).id == bakery.id
    with pytest.raises(StoreError, match="No strategy"):
        store.find(bakery.name.lower())
