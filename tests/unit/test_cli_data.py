"""cmplanner backup / restore / metrics: round trips, and one clear line with a non-zero exit on bad input."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook

from cmplanner import cli
from cmplanner.store import Store
from tests.conftest import same_name_copy


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("cmplanner:") and len(err.splitlines()) == 1
    return err


def snapshot(store: Store) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(store.strategies.glob("*.json"))}


@pytest.fixture
def store(data_dir: Path) -> Store:
    assert cli.main(["demo"]) == 0
    return Store(data_dir)


def without_meta(raw: bytes) -> dict:
    return {name: docs for name, docs in orjson.loads(raw).items() if name != "_meta"}


def test_backup_then_restore_brings_a_deleted_strategy_back(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "backup.json"
    assert cli.main(["backup", "--out", str(out)]) == 0
    assert "backed up 2 strategies" in capsys.readouterr().out
    assert len(orjson.loads(out.read_bytes())["strategies"]) == 2
    before = snapshot(store)
    victim, other = store.list()[0]
    store.delete(victim.id)
    store.rename(other.id, "Renamed")
    assert cli.main(["restore", str(out)]) == 0
    said = capsys.readouterr().out
    assert "restored 2 strategies (1 replaced, 1 added)" in said and "copies" in said
    assert {k: without_meta(v) for k, v in snapshot(store).items()} == {
        k: without_meta(v) for k, v in before.items()
    }  # every table as it was; the files get a new version
    assert list((store.backups / other.id).glob("before-restore-*.json"))


def test_restore_refuses_a_broken_file_and_leaves_the_data_as_it_was(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "backup.json"
    cli.main(["backup", "--out", str(out)])
    broken = tmp_path / "broken.json"
    broken.write_bytes(out.read_bytes()[:-40])
    store.rename(store.list()[0][0].id, "Changed since the backup")
    before = snapshot(store)
    capsys.readouterr()
    assert cli.main(["restore", str(broken)]) == 2
    assert "not valid JSON" in one_error_line(capsys)
    assert cli.main(["restore", str(tmp_path / "missing.json")]) == 2
    assert "Cannot read" in one_error_line(capsys)
    assert snapshot(store) == before


def test_metrics_by_name_as_csv_and_by_id_as_xlsx(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bakery = next(s for s in store.list()[0] if s.name == "Bakkerij De Korenschoof")
    rows = store.weeks(bakery.id)
    csv_file, xlsx_file = tmp_path / "m.csv", tmp_path / "m.xlsx"
    assert cli.main(["metrics", "Bakkerij De Korenschoof", "--format", "csv", "--out", str(csv_file)]) == 0
    assert f"wrote {len(rows)} weeks of Bakkerij De Korenschoof" in capsys.readouterr().out
    table = list(csv.DictReader(io.StringIO(csv_file.read_bytes().decode("utf-8-sig"))))
    assert [(line["platform"], line["week"], line["followers"]) for line in table] == [
        (r.platform.value, r.week, str(r.followers)) for r in rows
    ]
    assert cli.main(["metrics", bakery.id, "--format", "xlsx", "--out", str(xlsx_file)]) == 0
    sheet = load_workbook(xlsx_file).active
    assert sheet is not None
    assert [(c[1].value, c[2].value) for c in sheet.iter_rows(min_row=2)] == [
        (r.platform.value, r.week) for r in rows
    ]


def test_metrics_and_backup_fail_with_one_line_on_bad_input(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["metrics", "Nobody", "--out", str(tmp_path / "x.csv")]) == 2
    assert 'No strategy with id or name "Nobody"' in one_error_line(capsys)
    same_name_copy(store, store.create("Twin").id)
    assert cli.main(["metrics", "Twin", "--out", str(tmp_path / "x.csv")]) == 2
    assert "2 strategies are called" in one_error_line(capsys)
    assert cli.main(["backup", "--out", str(tmp_path / "missing" / "b.json")]) == 2
    assert "does not exist" in one_error_line(capsys)
    assert not (tmp_path / "x.csv").exists()


def test_help_lists_the_data_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert all(command in out for command in ("backup", "restore", "metrics"))
