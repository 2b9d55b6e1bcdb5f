"""The client report shows the plan as decided (PDF text read back with pypdf): a chosen platform's why without
the hours bookkeeping, the assumption prompts or US figures when the country has its own; the plan's hours as on
the walk and the checklists; the strategy's saved branding in every report, from the pages and the CLI."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from cmplanner import branding, cli, demo, i18n, recommend, reports, why, workload
from cmplanner.models import BusinessProfile, Market, Platform, Strategy
from cmplanner.reports import content
from cmplanner.store import Store

TODAY = date(2026, 11, 22)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture
def written(store: Store) -> list[Strategy]:
    return demo.write_demo(store, TODAY)


def report_pdf(store: Store, strategy: Strategy, lang: str) -> str:
    data, _ = reports.build(store, strategy.id, "pdf", reports.options(lang=lang, today=TODAY))
    return pdf_text(data)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_chosen_platform_skipped_for_hours_reads_as_decided_in_the_pdf(
    store: Store, written: list[Strategy], lang: str
) -> None:
    bakery = written[0]
    # the working view: the recommendation skipped Instagram for hours and estimates each platform's hours
    ranking = why.ranking(bakery)
    working = [r.key for r in ranking[Platform.INSTAGRAM].reasons]
    assert "recommend.reason.skipped_hours" in working and "recommend.reason.effort" in working
    text = report_pdf(store, bakery, lang)
    skipped = i18n.t("recommend.reason.skipped_hours", lang).split(":")[0]  # "Skipped for now"
    assumption = i18n.t("source.assumption", lang)
    assert skipped not in text
    assert assumption not in text
    assert flat(i18n.t("checklists.assumption", lang)) not in text
    assert "Instagram" in text and "Newcom" in text
    assert ("Country Netherlands" if lang == "en" else "Land Nederland") in text


def test_a_dutch_business_gets_no_us_figures_but_a_german_one_does(
    store: Store, written: list[Strategy]
) -> None:
    consultancy = written[1]
    linkedin = why.ranking(consultancy)[Platform.LINKEDIN].reasons
    assert any(r.source == "pew2021edu" for r in linkedin)  # the recommendation's reasons have the US figure
    assert "Pew" not in report_pdf(store, consultancy, "en")
    assert "US " not in report_pdf(store, consultancy, "en")

    german = consultancy.model_copy(
        update={"profile": consultancy.profile.model_copy(update={"country": "DE"})}
    )
    kept = why.for_client(why.ranking(german)[Platform.LINKEDIN].reasons, "DE")
    assert any(r.source == "pew2021edu" for r in kept)  # no German figures: the US one is the argument left


def test_the_report_gives_the_plan_hours_of_the_walk_and_the_checklists(
    store: Store, written: list[Strategy]
) -> None:
    bakery = written[0]
    for lang in ("en", "nl"):
        sentence = workload.workload(bakery).text(lang)
        hours = i18n.number(workload.plan_hours(bakery), lang, 1)
        assert hours in sentence  # 9.0 / 9,0: the one hours figure
        assert flat(sentence) in report_pdf(store, bakery, lang)
        model = content.build(bakery, [], None, reports.options(lang=lang, today=TODAY))
        assert model.time == sentence


def test_the_users_why_replaces_the_reasons_and_the_suggestion_is_not_stored(store: Store) -> None:
    bakery = demo.write_demo(store, TODAY)[0]
    suggestion = why.prefill(why.suggested(bakery, Platform.FACEBOOK, "en"), "en")
    store.update(bakery.id, lambda edit: why.set_why(edit, Platform.FACEBOOK, suggestion + "\n", suggestion))
    assert (
        store.get(bakery.id).plan_for(Platform.FACEBOOK).why == ""
    )  # unchanged: keeps following the ranking
    mine = "The neighbourhood is on Facebook.\nOur regulars share the Saturday specials."
    store.update(bakery.id, lambda edit: why.set_why(edit, Platform.FACEBOOK, mine, suggestion))
    assert store.get(bakery.id).plan_for(Platform.FACEBOOK).why == mine
    text = report_pdf(store, store.get(bakery.id), "en")
    assert "The neighbourhood is on Facebook." in text and "Our regulars share the Saturday specials." in text
    assert "Your personas are on Facebook" not in text  # Facebook's reasons were replaced ...
    assert "Your personas are on Instagram" in text  # ... Instagram's were not
    assert not store.update(bakery.id, lambda edit: why.set_why(edit, Platform.TIKTOK, "x", "")).result


def test_for_client_keeps_what_argues_for_the_platform() -> None:
    profile = BusinessProfile(
        name="Bureau", sector="Advies", market=Market.B2B, country="NL", hours_per_week=1
    )
    reasons = {r.key for rec in recommend.recommend(profile, []) for r in why.for_client(rec.reasons, "NL")}
    assert reasons and not reasons & why.DECISIONS
    assert all(not key.endswith(("age_fit", "age_low", "b2b_linkedin")) for key in reasons)


# -- branding ------------------------------------------------------------------------------------------------


def image(width: int, height: int, mode: str = "RGB", fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    colour = (200, 60, 30, 128) if mode == "RGBA" else (200, 60, 30)
    picture = Image.new(mode, (width, height), colour)
    picture.putpixel((0, 0), (0, 0, 0, 0) if mode == "RGBA" else (0, 0, 0))
    picture.save(out, fmt)
    return out.getvalue()


def test_a_big_logo_is_made_small_enough_to_live_in_the_file() -> None:
    noisy = Image.effect_noise((1400, 900), 90)  # a photo-like image that compresses badly
    out = io.BytesIO()
    noisy.save(out, "PNG")
    assert 1_000_000 < len(out.getvalue()) < 2_000_000
    logo = branding.logo_from_upload(out.getvalue(), "photo.png")
    assert logo.mime == "image/jpeg" and max(logo.width, logo.height) <= 800
    assert len(logo.raw()) <= 300_000
    with Image.open(io.BytesIO(logo.raw())) as back:
        assert back.size == (logo.width, logo.height)


def test_a_transparent_logo_stays_a_png_and_a_bad_file_is_refused() -> None:
    logo = branding.logo_from_upload(image(1000, 500, "RGBA"), "logo.png")
    assert logo.mime == "image/png" and (logo.width, logo.height) == (800, 400)
    with pytest.raises(reports.ReportError) as bad:
        branding.logo_from_upload(b"GIF89a not a logo", "logo.gif")
    assert bad.value.text("nl") == i18n.t("report.error.logo_format", "nl")


def test_the_cli_uses_the_saved_branding_unless_a_flag_overrides_it(
    store: Store, written: list[Strategy], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bakery = written[0]
    logo = branding.logo_from_upload(image(300, 100), "logo.png")

    def brand(edit) -> None:  # noqa: ANN001 - an Edit
        edit.strategy.branding = edit.strategy.branding.model_copy(
            update={
                "client": "Familie Jansen",
                "author": "Sanne",
                "accent": "#8A2BE2",
                "lang": "en",
                "logo": logo,
            }
        )

    store.update(bakery.id, brand)
    out = tmp_path / "report.html"
    assert cli.main(["report", bakery.id, "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Familie Jansen" in page and "Sanne" in page and "#8A2BE2" in page
    assert "Progress in" in page and 'class="logo"' in page
    assert cli.main(["report", bakery.id, "--out", str(out), "--client", "Bakker Bart", "--lang", "nl"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Bakker Bart" in page and "Familie Jansen" not in page and "Voortgang in" in page
    assert "Sanne" in page and "#8A2BE2" in page  # what no flag overrides stays as saved


def test_report_options_from_branding_fall_back_to_the_defaults() -> None:
    opts = branding.report_options(Strategy(name="x").branding, "nl", today=TODAY)
    assert (opts.lang, opts.client, opts.author, opts.logo) == ("nl", "", "", None)
    assert opts.accent == reports.check_accent("")


def test_weeks_logged_in_the_report_count_from_the_goals_start(store: Store, written: list[Strategy]) -> None:
    """A goal set in week 5 of the quarter (2026-W44): on 22 November, seven weeks into the quarter (W40–W46 done),
    the report counts W44, W45 and W46: "3 of 3 weeks logged", as the tracker does (pace.weeks_counted), not "of 7"."""
    bakery = written[0]

    def late(edit) -> None:  # noqa: ANN001 - an Edit
        edit.strategy.goals = [g.model_copy(update={"start_week": "2026-W44"}) for g in edit.strategy.goals]

    store.update(bakery.id, late)
    text = report_pdf(store, store.get(bakery.id), "en")
    assert "Week 7 of 14 · 3 of 3 weeks logged" in text
    assert "of 7 weeks logged" not in text
