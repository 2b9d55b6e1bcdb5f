"""The month out of the app, read back: the approval PDF (pypdf) and HTML, the .ics (icalendar), the plain CSV
and Hootsuite's bulk CSV (the columns of its help page)."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from cmplanner import demo
from cmplanner.calendar import approval, approval_html, approval_pdf, dates, hootsuite, ics, table
from cmplanner.calendar import demo as calendar_demo
from cmplanner.models import PlannedPost, PostStatus
from cmplanner.reports.content import ReportError

EVIL_HTML = "<script>alert(1)</script>"
EVIL_FORMULA = '=HYPERLINK("http://x")'
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def plan() -> calendar_demo.DemoCalendar:
    return calendar_demo.december(demo.bakery("2026-Q4"), 2026)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# ---------------------------------------------------------------- approval PDF and HTML


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            [
                "TER GOEDKEURING",
                "Contentplanning december 2026",
                "Akkoord",
                "Aanpassen",
                "Opmerkingen",
                "Handtekening",
                "za 5 dec 2026 · 09:00",
                "Pakjesavond: banketstaaf en pepernoten",
                "Sinterklaas",
                "1–20 dec",
                "Pagina 1 van",
            ],
        ),
        (
            "en",
            [
                "FOR APPROVAL",
                "Content plan December 2026",
                "Approved",
                "Changes needed",
                "Comments",
                "Signature",
                "Sat 5 Dec 2026 · 09:00",
                "Pakjesavond: banketstaaf en pepernoten",
                "Christmas Eve",
                "Page 1 of",
            ],
        ),
    ],
)
def test_approval_pdf_reads_back(plan: calendar_demo.DemoCalendar, lang: str, expected: list[str]) -> None:
    doc = approval.approval(plan.strategy, plan.posts, "2026-12", lang=lang, client="Marieke", today=TODAY)
    text = squash(pdf_text(approval_pdf.render(doc)))
    for phrase in expected:
        assert phrase in text, phrase
    assert text.count("Bakkerij De Korenschoof") >= 2
    assert "Jaaroverzicht op de website" not in text  # the skipped post is not up for approval
    assert (
        len(doc.posts) == 15
        and doc.filename("pdf")
        == f"bakkerij-de-korenschoof-{'contentplanning' if lang == 'nl' else 'content-plan'}-2026-12.pdf"
    )


def test_approval_follows_the_strategys_language_and_the_accent(plan: calendar_demo.DemoCalendar) -> None:
    doc = approval.approval(plan.strategy, plan.posts, "2026-12", accent="#ffcc00", today=TODAY)
    assert doc.lang == "nl" and doc.accent == "#FFCC00"
    assert doc.on_accent == "#1B1F21"  # dark text on a light accent
    assert doc.ink_accent != "#FFCC00"  # headings in a darker shade that reads on white
    with pytest.raises(ReportError) as info:
        approval.approval(plan.strategy, plan.posts, "2026-12", accent="yellow")
    assert "yellow" in info.value.message("en")


def test_user_text_stays_text(plan: calendar_demo.DemoCalendar) -> None:
    evil = PlannedPost(
        planned_at=datetime(2026, 12, 9, 9), platforms=["x"], title=EVIL_HTML, text=EVIL_FORMULA
    )
    doc = approval.approval(plan.strategy, [evil], "2026-12", lang="en", client=EVIL_HTML, today=TODAY)
    page = approval_html.render(doc)
    assert EVIL_HTML not in page and "&lt;script&gt;" in page
    assert not re.search(r"""(?:src|href)=["']?https?:""", page) and "<script" not in page
    assert f"'{EVIL_FORMULA}" in squash(pdf_text(approval_pdf.render(doc)))


def test_an_empty_month_says_so() -> None:
    strategy = demo.bakery("2026-Q4")
    doc = approval.approval(strategy, [], "2026-03", lang="en", today=TODAY)
    text = squash(pdf_text(approval_pdf.render(doc)))
    assert "No posts are planned for this month yet." in text
    assert "No posts are planned" in approval_html.render(doc)


def test_approval_html_has_each_post_with_its_boxes(plan: calendar_demo.DemoCalendar) -> None:
    doc = approval.approval(plan.strategy, plan.posts, "2026-12", today=TODAY)
    page = approval_html.render(doc)
    assert page.count("<article>") == 15 and page.count('class="comments"') == 15
    assert 'lang="nl"' in page and "Kerstbestellingen zijn open" in page and "--accent: #2E6F6B" in page


# ---------------------------------------------------------------- ics


def test_ics_one_event_per_post_with_stable_uids(plan: calendar_demo.DemoCalendar) -> None:
    december = dates.strategy_dates(plan.strategy, *dates.month_range("2026-12"), "nl")
    data = ics.posts_ics(plan.strategy, plan.posts, dates=december, stamp=datetime(2026, 11, 25, tzinfo=UTC))
    cal = Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    posts = [e for e in events if str(e["uid"]).startswith("demo-")]
    assert len(posts) == 16 and len(events) == 16 + len(december)
    first = posts[0]
    assert str(first["uid"]) == "demo-2026-12-01@cmplanner"
    assert first.decoded("dtstart") == datetime(2026, 12, 1, 8, 30)  # floating local time
    assert first.decoded("dtstart").tzinfo is None
    assert str(first["summary"]) == "Instagram, Facebook: Kerstbestellingen zijn open"
    assert (
        "Status: Gepubliceerd" in str(first["description"])
        and str(first["url"]) == "https://www.korenschoof.nl/kerst"
    )
    skipped = next(e for e in posts if str(e["uid"]) == "demo-2026-12-14@cmplanner")
    assert str(skipped["status"]) == "CANCELLED"
    sinterklaas = next(e for e in events if str(e["summary"]) == "Sinterklaas")
    assert sinterklaas.decoded("dtstart") == date(2026, 12, 5) and sinterklaas.decoded("dtend") == date(
        2026, 12, 6
    )
    assert str(cal["x-wr-calname"]) == "Bakkerij De Korenschoof · publicatiekalender"


def test_ics_reimport_updates_the_same_event(plan: calendar_demo.DemoCalendar) -> None:
    post = plan.posts[5]
    later = post.model_copy(
        update={
            "planned_at": post.planned_at + timedelta(days=1),
            "updated_at": post.updated_at + timedelta(hours=2),
        }
    )
    before = Calendar.from_ical(ics.posts_ics(plan.strategy, [post])).walk("VEVENT")[0]
    after = Calendar.from_ical(ics.posts_ics(plan.strategy, [later])).walk("VEVENT")[0]
    assert str(before["uid"]) == str(after["uid"])
    assert int(after["sequence"]) == int(before["sequence"]) + 7200
    assert after.decoded("last-modified") > before.decoded("last-modified")


# ---------------------------------------------------------------- plain CSV


def test_plain_csv_one_row_per_post_and_platform(plan: calendar_demo.DemoCalendar) -> None:
    evil = PlannedPost(
        planned_at=datetime(2026, 12, 9, 9), platforms=["x"], text=EVIL_FORMULA, visual="@team"
    )
    data = table.posts_csv(plan.strategy, [*plan.posts, evil])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["date", "time", "platform", "text", "link", "media_note", "status", "pillar"]
    assert rows[1] == [
        "2026-12-01",
        "08:30",
        "instagram",
        plan.posts[0].text,
        "https://www.korenschoof.nl/kerst",
        "Carrousel: stol, krans en taart op de toonbank",
        "published",
        "Acties & feestdagen",
    ]
    assert rows[2][2] == "facebook" and rows[2][:2] == rows[1][:2]
    assert len(rows) - 1 == sum(len(p.platforms) for p in plan.posts) + 1
    x = next(r for r in rows if r[2] == "x")
    assert x[3] == "'" + EVIL_FORMULA and x[5] == "'@team"


# ---------------------------------------------------------------- Hootsuite


def hootsuite_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_hootsuite_three_columns_no_header_one_file_per_profile(plan: calendar_demo.DemoCalendar) -> None:
    now = datetime(2026, 12, 6, 20, 0)
    export = hootsuite.hootsuite_files(plan.strategy, plan.posts, now)
    assert [(f.platform.value, f.name, f.rows) for f in export.files] == [
        ("facebook", "bakkerij-de-korenschoof-hootsuite-facebook.csv", 1),
        ("instagram", "bakkerij-de-korenschoof-hootsuite-instagram.csv", 3),
    ]
    instagram = hootsuite_rows(export.files[1].data)
    assert not export.files[1].data.startswith(b"\xef\xbb\xbf")  # a BOM would spoil the first date
    assert instagram[0] == ["08/12/2026 07:30", plan.posts[4].text, ""]
    assert all(len(row) == 3 for row in instagram)
    assert hootsuite_rows(export.files[0].data)[0][2] == "https://www.korenschoof.nl/kerst"
    us = hootsuite.hootsuite_files(plan.strategy, plan.posts, now, date_order="mdy")
    assert hootsuite_rows(us.files[1].data)[0][0] == "12/08/2026 07:30"
    assert export.problems == []


def post(when: datetime, text: str = "Vers brood", **extra: object) -> PlannedPost:
    return PlannedPost.model_validate(
        {"planned_at": when, "platforms": ["instagram"], "text": text, "status": "ready", **extra}
    )


def test_hootsuite_steps_lead_time_and_slots(plan: calendar_demo.DemoCalendar) -> None:
    now = datetime(2026, 12, 9, 9, 0)
    posts = [
        post(datetime(2026, 12, 9, 9, 5), "Te vroeg"),  # less than 10 minutes ahead
        post(datetime(2026, 12, 10, 9, 2), "Tussen de stappen"),  # → 09:05
        post(datetime(2026, 12, 10, 9, 5), "Zelfde tijdvak"),  # 09:05 is taken now → 09:10
        post(datetime(2026, 12, 10, 12, 0), ""),  # no text: the message is required
        post(datetime(2026, 12, 11, 8, 0), "@buurman bedankt!"),
        post(datetime(2026, 12, 11, 9, 0), "Nog een idee", status="idea"),  # not ready: not exported
    ]
    export = hootsuite.hootsuite_files(plan.strategy, posts, now)
    rows = hootsuite_rows(export.files[0].data)
    assert [row[:2] for row in rows] == [
        ["10/12/2026 09:05", "Tussen de stappen"],
        ["10/12/2026 09:10", "Zelfde tijdvak"],
        ["11/12/2026 08:00", "'@buurman bedankt!"],
    ]
    messages = [problem.text("en") for problem in export.problems]
    assert messages[0].startswith("“Te vroeg” (9 Dec 2026 09:05) is left out")
    assert "goes out at 10 Dec 2026 09:05 instead of 10 Dec 2026 09:02" in messages[1]
    assert "goes out at 10 Dec 2026 09:10 instead of 10 Dec 2026 09:05" in messages[2]
    assert "has no text yet" in messages[3] and "apostrophe" in messages[4]
    assert len(messages) == 5
    assert "Hootsuite neemt één post per tijdvak van 5 minuten" in export.problems[1].text("nl")


def test_hootsuite_splits_at_350_rows() -> None:
    start = datetime(2027, 1, 4, 6, 0)
    posts = [post(start + timedelta(minutes=30 * i), f"Post {i}") for i in range(351)]
    export = hootsuite.hootsuite_files(demo.bakery("2027-Q1"), posts, datetime(2027, 1, 1))
    assert [(f.part, f.rows, f.name) for f in export.files] == [
        (1, 350, "bakkerij-de-korenschoof-hootsuite-instagram-1.csv"),
        (2, 1, "bakkerij-de-korenschoof-hootsuite-instagram-2.csv"),
    ]
    assert len(hootsuite_rows(export.files[0].data)) == 350
    assert [p.text("en") for p in export.problems] == [
        "Instagram has more than 350 posts: they are split over 2 files."
    ]


def test_hootsuite_with_nothing_ready(plan: calendar_demo.DemoCalendar) -> None:
    export = hootsuite.hootsuite_files(
        plan.strategy, [p for p in plan.posts if p.status is not PostStatus.READY], datetime(2026, 11, 1)
    )
    assert (
        export.files == []
        and export.problems[0].text("nl")
        == "Er is geen post klaar om in te plannen: zet eerst posts op klaar."
    )


@pytest.mark.parametrize(
    ("moment", "step"),
    [
        (time(9, 0), time(9, 0)),
        (time(9, 1), time(9, 5)),
        (time(9, 4), time(9, 5)),
        (time(9, 56), time(10, 0)),
    ],
)
def test_next_step(moment: time, step: time) -> None:
    day = date(2026, 12, 10)
    assert hootsuite.next_step(datetime.combine(day, moment)) == datetime.combine(day, step)
    assert hootsuite.next_step(datetime(2026, 12, 10, 23, 58)) == datetime(2026, 12, 11, 0, 0)
