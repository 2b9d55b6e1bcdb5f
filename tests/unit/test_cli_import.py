"""``cmplanner import``: a dry run writes nothing, a real run writes and says what per platform, a second run
changes nothing; bad input is one line and exit code 2, with the data as it was."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from cmplanner import cli, import_mappings
from cmplanner.demo import bakery
from cmplanner.models import Platform, PlatformPlan, Strategy, WeekMetrics
from cmplanner.store import Store
from tests.app.test_import_page import generic_export, instagram_export, x_overview
from tests.conftest import same_name_copy


@pytest.fixture
def strategy(data_dir: Path) -> Strategy:
    plan = bakery("2026-Q4")
    plan.platforms += [PlatformPlan(platform=Platform.PINTEREST), PlatformPlan(platform=Platform.X)]
    return Store(data_dir).save(plan)


def write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def file_bytes(data_dir: Path, strategy: Strategy) -> bytes:
    return (data_dir / "strategies" / f"{strategy.id}.json").read_bytes()


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("cmplanner: ") and len(err.splitlines()) == 1, err
    return err


def test_dry_run_says_what_it_would_write_and_writes_nothing(
    data_dir: Path, tmp_path: Path, strategy: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    before = file_bytes(data_dir, strategy)
    posts = write(tmp_path, "posts.csv", instagram_export())
    assert cli.main(["import", posts, "--strategy", strategy.name, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "posts.csv: Instagram · Meta Business Suite, posts, 2 weeks" in out
    assert "Instagram: would write 2 weeks (2 new, 0 changed), 0 unchanged" in out
    assert file_bytes(data_dir, strategy) == before


def test_import_writes_the_weeks_and_a_second_run_changes_nothing(
    data_dir: Path, tmp_path: Path, strategy: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir)
    store.upsert_weeks(strategy.id, [WeekMetrics(platform="instagram", week="2026-W46", followers=1250)])
    posts = write(tmp_path, "posts.csv", instagram_export())
    assert cli.main(["import", posts, "--strategy", strategy.id]) == 0
    assert "Instagram: wrote 2 weeks (1 new, 1 changed), 0 unchanged" in capsys.readouterr().out
    weeks = store.weeks(strategy.id)
    assert [(r.week, r.posts, r.impressions, r.followers) for r in weeks] == [
        ("2026-W45", 2, 300, None),
        ("2026-W46", 1, 300, 1250),  # the logged followers stay: the file has none
    ]
    before = file_bytes(data_dir, strategy)
    assert cli.main(["import", posts, "--strategy", strategy.id]) == 0
    out = capsys.readouterr().out
    assert "Instagram: wrote 0 weeks (0 new, 0 changed), 2 unchanged" in out
    assert "nothing changed" in out
    assert file_bytes(data_dir, strategy) == before


def test_several_files_and_the_follower_baseline_from_the_log(
    data_dir: Path, tmp_path: Path, strategy: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir)
    store.upsert_weeks(strategy.id, [WeekMetrics(platform="x", week="2026-W44", followers=500)])
    files = [write(tmp_path, "posts.csv", instagram_export()), write(tmp_path, "overview.csv", x_overview())]
    assert cli.main(["import", *files, "--strategy", strategy.name]) == 0
    out = capsys.readouterr().out
    assert "followers counted from 500 (the weekly log)" in out
    assert "X (Twitter): wrote 2 weeks (2 new, 0 changed)" in out
    assert "Instagram: wrote 2 weeks (2 new, 0 changed)" in out
    x_weeks = [(r.week, r.followers) for r in store.weeks(strategy.id) if r.platform == "x"]
    assert x_weeks == [("2026-W44", 500), ("2026-W45", 514), ("2026-W46", 528)]


def test_a_generic_file_uses_the_mapping_remembered_on_the_import_page(
    data_dir: Path, tmp_path: Path, strategy: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir)
    pins = write(tmp_path, "pins.csv", generic_export())
    before = file_bytes(data_dir, strategy)
    assert cli.main(["import", pins, "--strategy", strategy.name, "--platform", "pinterest"]) == 2
    err = one_error_line(capsys)
    assert "Headers found: When, Seen, Pinned, Clicked." in err and "import page" in err
    assert file_bytes(data_dir, strategy) == before

    mapping = {"When": "date", "Seen": "impressions", "Pinned": "saves"}
    remember = [import_mappings.Remember(Platform.PINTEREST, mapping)]
    store.update(strategy.id, lambda edit: import_mappings.save(edit, remember))
    assert (
        cli.main(["import", pins, "--strategy", strategy.name]) == 0
    )  # the platform follows from the mapping
    assert "Pinterest: wrote 2 weeks" in capsys.readouterr().out
    assert [(r.platform, r.impressions, r.saves) for r in store.weeks(strategy.id)] == [
        ("pinterest", 280, 14),
        ("pinterest", 280, 14),
    ]


@pytest.mark.parametrize(
    ("name", "data", "extra", "message"),
    [
        (
            "broken.csv",
            instagram_export((("11/03/2026 09:00", "many,80,10,1,0,2,5"),)),
            [],
            "line(s) could not be read: 2",
        ),
        ("chart.csv", b"\x89PNG\r\n\x1a\n" + bytes(64), [], "its contents are of type PNG"),
        (
            "posts.csv",
            instagram_export(),
            ["--platform", "facebook"],
            "export from X (Twitter), not from Facebook: choose the right platform or file",
        ),
    ],
)
def test_a_bad_file_stops_the_whole_import(
    data_dir: Path,
    tmp_path: Path,
    strategy: Strategy,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    extra: list[str],
    message: str,
) -> None:
    good = write(tmp_path, "good.csv", x_overview())
    bad = write(tmp_path, name, data)
    before = file_bytes(data_dir, strategy)
    assert cli.main(["import", good, bad, "--strategy", strategy.id, *extra]) == 2
    assert message in one_error_line(capsys)
    assert file_bytes(data_dir, strategy) == before


def test_bad_arguments_are_one_line(
    data_dir: Path, tmp_path: Path, strategy: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = write(tmp_path, "posts.csv", instagram_export())
    assert cli.main(["import", posts, "--strategy", "Nobody"]) == 2
    assert 'No strategy with id or name "Nobody"' in one_error_line(capsys)
    assert cli.main(["import", str(tmp_path / "missing.csv"), "--strategy", strategy.name]) == 2
    assert "missing.csv" in one_error_line(capsys)
    same_name_copy(Store(data_dir), strategy.id)
    assert cli.main(["import", posts, "--strategy", strategy.name]) == 2
    assert "2 strategies are called" in one_error_line(capsys)
    only_facebook = Store(data_dir).save(
        bakery("2026-Q4").model_copy(
            update={"name": "FB only", "platforms": [PlatformPlan(platform="facebook")]}
        )
    )
    assert cli.main(["import", posts, "--strategy", only_facebook.id]) == 2
    assert "instagram is not one of the platforms of the strategy 'FB only'" in one_error_line(capsys)
    assert Store(data_dir).weeks(strategy.id) == [] and Store(data_dir).weeks(only_facebook.id) == []


def test_followers_at_a_week_end_gives_the_baseline(
    data_dir: Path, tmp_path: Path, strategy: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    overview = write(tmp_path, "overview.csv", x_overview())
    # 3 new follows and 1 unfollow a day from Mon 2 November: 514 at the end of W45 means 500 before the file
    assert cli.main(["import", overview, "--strategy", strategy.id, "--followers-at", "2026-W45=514"]) == 0
    assert "followers counted from 514 at the end of 2026-W45" in capsys.readouterr().out
    x_weeks = [(r.week, r.followers) for r in Store(data_dir).weeks(strategy.id) if r.platform == "x"]
    assert x_weeks == [("2026-W45", 514), ("2026-W46", 528)]
    # the week before the file, for one platform only
    assert cli.main(["import", overview, "--strategy", strategy.id, "--followers-at", "x:2026-W44=600"]) == 0
    x_weeks = [(r.week, r.followers) for r in Store(data_dir).weeks(strategy.id) if r.platform == "x"]
    assert x_weeks == [("2026-W45", 614), ("2026-W46", 628)]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("W45=500", "write it as WEEK=N"),
        ("2026-W45=many", "write it as WEEK=N"),
        ("2026-W45=-3", "cannot be below 0"),
        ("2026-W30=500", "the file runs from 2026-W45 to 2026-W46"),
    ],
)
def test_bad_followers_at_is_one_line(
    data_dir: Path,
    tmp_path: Path,
    strategy: Strategy,
    capsys: pytest.CaptureFixture[str],
    value: str,
    message: str,
) -> None:
    overview = write(tmp_path, "overview.csv", x_overview())
    before = file_bytes(data_dir, strategy)
    assert cli.main(["import", overview, "--strategy", strategy.id, "--followers-at", value]) == 2
    assert message in one_error_line(capsys)
    assert file_bytes(data_dir, strategy) == before


def tiktok_days() -> bytes:
    """A TikTok overview of 29 December – 5 January, its days written without a year."""
    days = ["December 29", "December 30", "December 31", "January 1", "January 2", "January 3", "January 4",
            "January 5"]  # fmt: skip
    lines = ['"Date","Video Views","Profile Views","Likes","Comments","Shares"']
    lines += [f'"{day}","100","7","10","-2","2"' for day in days]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def on_tiktok(data_dir: Path, strategy: Strategy) -> Strategy:
    plan = strategy.model_copy(
        update={"platforms": [*strategy.platforms, PlatformPlan(platform=Platform.TIKTOK)]}
    )
    return Store(data_dir).save(plan)


def test_dates_without_a_year_take_the_files_time_or_what_is_given(
    data_dir: Path, tmp_path: Path, on_tiktok: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "Overview.csv", tiktok_days())
    stamp = datetime(2026, 1, 6, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))  # downloaded on 6 January 2026
    assert cli.main(["import", path, "--strategy", on_tiktok.id, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "TikTok: would write 2 weeks" in out
    assert "In some weeks more was deleted than added" in out  # −2 comments a day: those weeks count 0
    assert cli.main(["import", path, "--strategy", on_tiktok.id, "--exported-on", "2025-01-06"]) == 0
    capsys.readouterr()
    weeks = [r.week for r in Store(data_dir).weeks(on_tiktok.id) if r.platform == "tiktok"]
    assert weeks == ["2024-W52", "2025-W01"]  # Sun 29 Dec 2024 – Sun 5 Jan 2025
    assert cli.main(["import", path, "--strategy", on_tiktok.id, "--year", "2026", "--dry-run"]) == 0
    assert "TikTok: would write 2 weeks (2 new, 0 changed)" in capsys.readouterr().out  # 2026-W01, 2026-W02
    assert cli.main(["import", path, "--strategy", on_tiktok.id, "--exported-on", "6 Jan"]) == 2
    assert "is not a date, write it as YYYY-MM-DD" in one_error_line(capsys)


def test_skipped_rows_and_posts_are_reported(
    data_dir: Path, tmp_path: Path, strategy: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = (("11/03/2026 09:00", "100,80,10,1,0,2,5"), ("11/04/2026 09:00", "many,80,10,1,0,2,5"),
             ("11/10/2026 07:45", "300,240,30,3,1,4,7"))  # fmt: skip
    path = write(tmp_path, "posts.csv", instagram_export(posts))
    assert cli.main(["import", path, "--strategy", strategy.id]) == 0
    out = capsys.readouterr().out
    assert "posts.csv: Instagram · Meta Business Suite, posts, 2 weeks, 2 posts" in out
    assert "  skipped line 3, column 'Views': 'many' not a number" in out
    assert "Instagram posts: 2 new, 0 changed, 0 unchanged" in out
    assert [(r.week, r.posts) for r in Store(data_dir).weeks(strategy.id)] == [
        ("2026-W45", 1),
        ("2026-W46", 1),
    ]
