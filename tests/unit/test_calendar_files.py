"""A planned month as files, for the page and the command line: every format named and filled from the month's
posts only; ``cmplanner calendar`` writes them, and refuses a Meta file, a bad month or nothing to write in one line."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from cmplanner import cli, demo
from cmplanner.calendar import demo as calendar_demo
from cmplanner.calendar.files import FORMATS, file_name, in_month, month_files
from cmplanner.models import PlannedPost, Platform
from cmplanner.store import PLANNED_POSTS, Store

NOW = datetime(2026, 11, 25, 9, 0)


@pytest.fixture(scope="module")
def plan() -> calendar_demo.DemoCalendar:
    december = calendar_demo.december(demo.bakery("2026-Q4"), 2026)
    january = PlannedPost(planned_at=datetime(2027, 1, 4, 9), platforms=[Platform.INSTAGRAM], title="Januari")
    return calendar_demo.DemoCalendar(december.strategy, [*december.posts, january], december.imported)


def test_only_the_months_posts_go_into_the_files(plan: calendar_demo.DemoCalendar) -> None:
    chosen = in_month(plan.posts, "2026-12")
    assert len(chosen) == 16 and all(p.planned_at.month == 12 for p in chosen)
    rows = list(
        csv.DictReader(
            io.StringIO(
                month_files(plan.strategy, plan.posts, "2026-12", "csv").files[0].data.decode("utf-8-sig")
            )
        )
    )
    assert len(rows) == 23  # one row per post and platform: 16 posts, 7 of them on two platforms
    events = Calendar.from_ical(month_files(plan.strategy, plan.posts, "2026-12", "ics").files[0].data).walk(
        "VEVENT"
    )
    assert len(events) == 16


@pytest.mark.parametrize(
    ("fmt", "lang", "name"),
    [
        (
            "pdf",
            None,
            "bakkerij-de-korenschoof-contentplanning-2026-12.pdf",
        ),  # the strategy's language: Dutch
        ("html", "en", "bakkerij-de-korenschoof-content-plan-2026-12.html"),
        ("ics", None, "bakkerij-de-korenschoof-kalender-2026-12.ics"),
        ("csv", "en", "bakkerij-de-korenschoof-calendar-2026-12.csv"),
    ],
)
def test_one_file_per_format_named_in_the_language(
    plan: calendar_demo.DemoCalendar, fmt: str, lang: str | None, name: str
) -> None:
    found = month_files(plan.strategy, plan.posts, "2026-12", fmt, lang=lang, today=date(2026, 11, 25))
    assert [(f.name, f.mime) for f in found.files] == [(name, FORMATS[fmt])]
    assert file_name(plan.strategy, "2026-12", fmt, lang) == name
    if fmt == "pdf":
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(found.files[0].data)).pages)
        assert "Contentplanning december 2026" in text and "Januari" not in text


def test_hootsuite_gives_a_file_per_platform_with_the_ready_posts(plan: calendar_demo.DemoCalendar) -> None:
    found = month_files(plan.strategy, plan.posts, "2026-12", "hootsuite", now=NOW)
    # ready in December: 8 Dec (Instagram), 10 Dec (both), 12 Dec (Instagram)
    assert [(f.part, f.data.count(b"\r\n")) for f in found.files] == [("facebook", 1), ("instagram", 3)]
    assert found.files[0].data.startswith(b"10/12/2026 12:00,")


def test_another_format_is_refused(plan: calendar_demo.DemoCalendar) -> None:
    with pytest.raises(ValueError, match="no such calendar format"):
        month_files(plan.strategy, plan.posts, "2026-12", "meta")


# ---------------------------------------------------------------- the command


@pytest.fixture
def workspace(data_dir: Path) -> Store:
    store = Store(data_dir)
    demo.write_demo(store, date(2026, 11, 22))
    return store


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("cmplanner:") and len(err.splitlines()) == 1, err
    return err


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("pdf", b"%PDF"),
        ("html", b"<!DOCTYPE html>"),
        ("ics", b"BEGIN:VCALENDAR"),
        ("csv", b"\xef\xbb\xbfdate,time,platform"),
    ],
)
def test_the_command_writes_the_month(
    workspace: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, start: bytes
) -> None:
    out = tmp_path / f"plan.{fmt}"
    args = ["calendar", "Bakkerij De Korenschoof", "--month", "2026-12", "--format", fmt, "--out", str(out)]
    assert cli.main([*args, "--lang", "en"]) == 0
    assert out.read_bytes().startswith(start)
    said = capsys.readouterr().out
    assert (
        f"wrote {out}" in said and "15 posts in 2026-12 for Bakkerij De Korenschoof (and 1 skipped)" in said
    )  # as the plan counts them


def test_the_command_writes_hootsuite_per_platform(workspace: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "bulk.csv"
    out.parent.mkdir()
    args = [
        "calendar",
        "Bakkerij De Korenschoof",
        "--month",
        "2026-12",
        "--format",
        "hootsuite",
        "--out",
        str(out),
    ]
    assert cli.main(args) == 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["bulk-facebook.csv", "bulk-instagram.csv"]


def test_meta_exits_2_saying_why_and_what_to_use(
    workspace: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "meta.csv"
    args = [
        "calendar",
        "Bakkerij De Korenschoof",
        "--month",
        "2026-12",
        "--format",
        "meta",
        "--out",
        str(out),
    ]
    assert cli.main(args) == 2
    err = one_line_error(capsys)
    assert "no Meta Business Suite file" in err and "--format csv" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("month", "fmt", "said"),
    [
        ("2026-13", "csv", "not a month: '2026-13'"),
        ("2027-03", "hootsuite", "nothing written: No post is ready to schedule"),
    ],
)
def test_bad_input_exits_2_in_one_line_and_writes_nothing(
    workspace: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], month: str, fmt: str, said: str
) -> None:
    before = [(p.name, p.read_bytes()) for p in sorted(workspace.strategies.glob("*.json"))]
    out = tmp_path / "out" / "out.csv"
    out.parent.mkdir()
    args = ["calendar", "Bakkerij De Korenschoof", "--month", month, "--format", fmt, "--out", str(out)]
    assert cli.main(args) == 2
    assert said in one_line_error(capsys)
    assert list(out.parent.iterdir()) == []
    assert [(p.name, p.read_bytes()) for p in sorted(workspace.strategies.glob("*.json"))] == before
    assert len(workspace.rows(workspace.find("Bakkerij De Korenschoof").id, PLANNED_POSTS)) == 16
