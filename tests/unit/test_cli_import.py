"""``cmplanner import``: a dry run writes nothing, a real run writes and says what per platform, a second run
changes nothing; bad input is one line and exit code 2, with the data as it was."""

from __future__ import annotations

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
