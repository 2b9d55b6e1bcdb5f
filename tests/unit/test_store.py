"""Unit tests for cmplanner.store: round trips, upserts, the one read-modify-write, backups, migrations, the list cache."""

from __future__ import annotations

import json
import os
import string
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest
from pydantic import ValidationError
from tinydb import TinyDB

import cmplanner
from cmplanner import i18n, store
from cmplanner.models import (
    BusinessProfile,
    Draft,
    Persona,
    Platform,
    PlatformPlan,
    Strategy,
    Tick,
    WeekMetrics,
)
from cmplanner.store import DRAFT, TICKS, AtomicJSONStorage, Edit, Store, StoreError, backup, files, workspace


class Clock:
    """A settable ``today`` for daily backups."""

    def __init__(self, day: date = date(2026, 11, 2)) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def st(tmp_path: Path, clock: Clock) -> Store:
    return Store(tmp_path / "data", today=clock)


def week(platform: str, key: str, **figures: int) -> WeekMetrics:
    return WeekMetrics(platform=Platform(platform), week=key, **figures)


def stamp(path: Path) -> tuple[int, int, bytes]:
    """What changes when a file is rewritten (atomic writes give it a new inode)."""
    st = path.stat()
    return st.st_ino, st.st_mtime_ns, path.read_bytes()


def backups(st: Store, strategy_id: str) -> list[str]:
    return sorted(p.name for p in (st.backups / strategy_id).glob("*.json"))


# -- strategies -------------------------------------------------------------------------------------------------


def test_create_get_round_trip_keeps_every_field(st: Store) -> None:
    strategy = st.create("Bakkerij De Korrel")
    strategy.profile = BusinessProfile(name="De Korrel", sector="bakery", country="nl")
    strategy.personas = [Persona(name="Buurtbewoner", age_bands=["30-49"], interests=["brood"])]
    strategy.platforms = [PlatformPlan(platform="instagram", posts_per_week=3)]
    saved = st.save(strategy)

    loaded = st.get(strategy.id)
    assert loaded == saved
    assert loaded.profile is not None and loaded.profile.country == "NL"
    assert st.path(strategy.id) == st.root / "strategies" / f"{strategy.id}.json"
    meta = orjson.loads(st.path(strategy.id).read_bytes())["_meta"]["1"]
    assert (meta["schema"], meta["version"], loaded.version) == (store.SCHEMA_VERSION, 2, 2)


def test_save_sets_updated_at_and_persists(st: Store) -> None:
    strategy = st.create("Alpha")
    strategy.step = 3
    saved = st.save(strategy)
    assert saved.updated_at > strategy.updated_at
    assert st.get(strategy.id).step == 3
    assert st.get(strategy.id).updated_at == saved.updated_at


def test_get_returns_a_copy_the_caller_may_change(st: Store) -> None:
    strategy = st.create("Alpha")
    st.get(strategy.id).name = "Changed but not saved"
    assert st.get(strategy.id).name == "Alpha"
    assert st.list()[0][0].name == "Alpha"


def test_list_is_sorted_by_name_ignoring_case(st: Store) -> None:
    for name in ["banana", "Apple", "cherry", "apricot"]:
        st.create(name)
    strategies, damaged = st.list()
    assert [s.name for s in strategies] == ["Apple", "apricot", "banana", "cherry"]
    assert damaged == []


def test_rename_persists_and_a_bad_name_changes_nothing(st: Store) -> None:
    strategy = st.create("Alpha")
    assert st.rename(strategy.id, "  Bravo ").name == "Bravo"
    assert st.get(strategy.id).name == "Bravo"

    before = stamp(st.path(strategy.id))
    with pytest.raises(ValidationError):
        st.rename(strategy.id, "")
    assert stamp(st.path(strategy.id)) == before


def test_duplicate_copies_all_tables_under_a_new_id(st: Store) -> None:
    source = st.create("Klant A")
    st.upsert_weeks(source.id, [week("instagram", "2026-W45", followers=100)])
    st.put(source.id, DRAFT, [Draft(based_on=2, values={"w.profile.sector": "bakery"})])
    st.put(source.id, TICKS, [Tick(task="x.post", period_key="2026-W45", done=1)])

    copy = st.duplicate(source.id, "Klant A (kopie)")

    assert copy.id != source.id and copy.name == "Klant A (kopie)"
    assert st.get(copy.id) == copy
    assert st.weeks(copy.id) == st.weeks(source.id)
    assert st.draft(copy.id).values == {"w.profile.sector": "bakery"}
    assert st.rows(copy.id, TICKS) == [Tick(task="x.post", period_key="2026-W45", done=1)]
    assert st.duplicate(source.id, "Klant A (kopie)").name == "Klant A (kopie) (2)"  # names stay distinct
    assert st.get(source.id).name == "Klant A"
    assert sorted(s.name for s in st.list()[0]) == ["Klant A", "Klant A (kopie)", "Klant A (kopie) (2)"]


def test_delete_removes_the_file_and_keeps_a_copy(st: Store) -> None:
    keep = st.create("Keep")
    gone = st.create("Gone")
    content = st.path(gone.id).read_bytes()

    st.delete(gone.id)

    assert not st.path(gone.id).exists()
    assert [s.name for s in st.list()[0]] == ["Keep"]
    with pytest.raises(StoreError) as err:
        st.get(gone.id)
    assert err.value.key == "store.not_found"
    copies = list((st.backups / gone.id).glob("deleted-*.json"))
    assert [c.read_bytes() for c in copies] == [content]
    assert st.get(keep.id).name == "Keep"


def test_missing_strategy_raises_not_found_and_creates_nothing(st: Store) -> None:
    missing = "0" * 32
    for call in (st.get, st.weeks, st.draft, st.delete, lambda sid: st.update(sid, lambda edit: None)):
        with pytest.raises(StoreError) as err:
            call(missing)
        assert err.value.key == "store.not_found"
        assert err.value.path == st.path(missing)
    with pytest.raises(StoreError):
        st.upsert_weeks(missing, [week("x", "2026-W01", posts=1)])
    assert list(st.strategies.glob("*.json")) == []


@pytest.mark.parametrize(
    "bad", ["../../etc/passwd", "A" * 32, "0" * 31, "0" * 32 + "/x", "", "0" * 32 + "\n"]
)
def test_path_rejects_ids_that_could_leave_the_folder(st: Store, bad: str) -> None:
    with pytest.raises(StoreError) as err:
        st.path(bad)
    assert err.value.key == "store.bad_id"


# -- draft and weeks --------------------------------------------------------------------------------------------


def test_draft_round_trip(st: Store) -> None:
    strategy = st.create("Alpha")
    assert st.draft(strategy.id) is None
    values = {"w.profile.name": "Alpha", "w.platforms.instagram.use": True, "w.profile.hours_per_week": 4.5}
    st.put(strategy.id, DRAFT, [Draft(based_on=1, values=values)])
    assert st.draft(strategy.id) == Draft(based_on=1, values=values)
    st.put(strategy.id, DRAFT, [Draft(based_on=2, values={"w.profile.name": "Beta"})])
    assert st.draft(strategy.id).values == {"w.profile.name": "Beta"}  # replaced, not merged
    assert st.get(strategy.id).name == "Alpha"


def test_upsert_weeks_counts_new_changed_unchanged(st: Store) -> None:
    sid = st.create("Alpha").id
    rows = [
        week("instagram", "2026-W45", followers=100, posts=3),
        week("facebook", "2026-W45", followers=50),
        week("instagram", "2026-W44", followers=90),
    ]
    assert st.upsert_weeks(sid, rows) == store.UpsertResult(new=3, changed=0, unchanged=0)

    before = stamp(st.path(sid))
    assert st.upsert_weeks(sid, rows) == store.UpsertResult(new=0, changed=0, unchanged=3)
    assert stamp(st.path(sid)) == before  # a repeated import does not even rewrite the file

    edited = [week("instagram", "2026-W45", followers=101, posts=3), week("tiktok", "2026-W45", posts=1)]
    assert st.upsert_weeks(sid, [*rows[1:], *edited]) == store.UpsertResult(new=1, changed=1, unchanged=2)

    stored = st.weeks(sid)
    assert [(m.week, m.platform.value) for m in stored] == [
        ("2026-W44", "instagram"),
        ("2026-W45", "facebook"),
        ("2026-W45", "instagram"),
        ("2026-W45", "tiktok"),
    ]
    assert stored[2].followers == 101 and stored[2].posts == 3


def test_upsert_replaces_the_whole_row(st: Store) -> None:
    sid = st.create("Alpha").id
    st.upsert_weeks(sid, [week("x", "2026-W10", followers=10, posts=2)])
    st.upsert_weeks(sid, [week("x", "2026-W10", followers=12)])
    [row] = st.weeks(sid)
    assert (row.followers, row.posts) == (12, None)


def test_upsert_with_a_repeated_key_keeps_the_last(st: Store) -> None:
    sid = st.create("Alpha").id
    result = st.upsert_weeks(sid, [week("x", "2026-W10", posts=1), week("x", "2026-W10", posts=2)])
    assert result == store.UpsertResult(new=1)
    assert [m.posts for m in st.weeks(sid)] == [2]


# -- the one read-modify-write ----------------------------------------------------------------------------------


def test_a_change_that_raises_writes_nothing(st: Store) -> None:
    sid = st.create("Alpha").id
    st.upsert_weeks(sid, [week("x", "2026-W10", posts=1)])
    before = stamp(st.path(sid))

    def half_done(edit: Edit) -> None:
        edit.remove(store.METRICS)
        edit.strategy.name = "Half"
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        st.update(sid, half_done)
    assert stamp(st.path(sid)) == before
    assert len(st.weeks(sid)) == 1 and st.get(sid).name == "Alpha"


def test_update_writes_once_and_only_on_change(st: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    sid = st.create("Alpha").id
    writes: list[Path] = []
    real = files.write_atomic

    def counted(path: Path, payload: bytes) -> None:
        writes.append(path)
        real(path, payload)

    monkeypatch.setattr(workspace, "write_atomic", counted)

    saved = st.update(sid, lambda edit: edit.strategy.name)
    assert (writes, saved.result, saved.changed, saved.version) == ([], "Alpha", False, 1)

    def many(edit: Edit) -> None:
        for n in range(50):
            edit.put(TICKS, [Tick(task=f"t{n}", period_key="2026-W10", done=1)])

    saved = st.update(sid, many)
    assert [p for p in writes if p.parent == st.strategies] == [st.path(sid)]
    assert (saved.changed, saved.version, len(st.rows(sid, TICKS))) == (True, 2, 50)


# -- backups ----------------------------------------------------------------------------------------------------


def test_daily_backup_on_first_write_of_the_day(st: Store, clock: Clock) -> None:
    sid = st.create("Alpha").id
    assert backups(st, sid) == []  # a new file has nothing to back up
    original = st.path(sid).read_bytes()

    st.rename(sid, "Bravo")
    assert backups(st, sid) == ["2026-11-02.json"]
    st.rename(sid, "Charlie")
    backup = st.backups / sid / "2026-11-02.json"
    assert backup.read_bytes() == original  # the state before the day's first write

    clock.day += timedelta(days=1)
    before_today = st.path(sid).read_bytes()
    st.upsert_weeks(sid, [week("x", "2026-W10", posts=1)])
    assert backups(st, sid) == ["2026-11-02.json", "2026-11-03.json"]
    assert (st.backups / sid / "2026-11-03.json").read_bytes() == before_today
    assert st.newest_backup(sid) == st.backups / sid / "2026-11-03.json"


def test_backups_are_pruned_to_the_newest_14(st: Store, clock: Clock) -> None:
    sid = st.create("Alpha").id
    st.delete(st.create("Other").id)
    for n in range(20):
        clock.day = date(2026, 1, 1) + timedelta(days=n)
        st.rename(sid, f"Name {n}")
    expected = [f"{date(2026, 1, 1) + timedelta(days=n)}.json" for n in range(6, 20)]
    assert backups(st, sid) == expected
    assert (
        json.loads((st.backups / sid / "2026-01-20.json").read_text())["strategy"]["1"]["name"] == "Name 18"
    )


# -- schema versions --------------------------------------------------------------------------------------------


def schema1_file(st: Store) -> tuple[str, bytes]:
    """A strategy file as cmplanner wrote it before schema 2: no version, a bare draft, a tick of 0."""
    sid = "ab" * 16
    data = {
        "_meta": {"1": {"schema": 1}},
        "strategy": {"1": Strategy(id=sid, name="Oud").model_dump(mode="json")},
        "draft": {"1": {"w.profile.name": "Oud"}},
        "metrics": {"1": {"platform": "x", "week": "2026-W10", "posts": 1}},
        "checks": {"1": {"task": "x.post", "period_key": "2026-W10", "done": 0}},
    }
    raw = orjson.dumps(data)
    st.path(sid).write_bytes(raw)
    return sid, raw


def test_a_schema_1_file_is_read_migrated_and_written_after_a_backup(st: Store) -> None:
    sid, original = schema1_file(st)
    assert st.draft(sid) == Draft(based_on=1, values={"w.profile.name": "Oud"})  # read, migrated in memory
    assert st.rows(sid, TICKS) == [] and len(st.weeks(sid)) == 1
    assert st.path(sid).read_bytes() == original  # reading writes nothing

    st.rename(sid, "Nieuw")
    assert (st.backups / sid / "2026-11-02-schema1.json").read_bytes() == original
    data = orjson.loads(st.path(sid).read_bytes())
    assert (data["_meta"]["1"]["schema"], data["_meta"]["1"]["version"]) == (store.SCHEMA_VERSION, 2)
    assert data["draft"]["1"] == {"based_on": 1, "values": {"w.profile.name": "Oud"}}
    assert st.get(sid).name == "Nieuw" and len(st.weeks(sid)) == 1


def test_a_file_from_a_newer_version_is_never_read_or_written(st: Store) -> None:
    sid = st.create("Alpha").id
    other = st.create("Bravo").id
    path = st.path(sid)
    data = orjson.loads(path.read_bytes())
    data["_meta"] = {"1": {"schema": store.SCHEMA_VERSION + 1}}
    path.write_bytes(orjson.dumps(data))
    before = stamp(path)

    for attempt in (
        lambda: st.get(sid),
        lambda: st.rename(sid, "Charlie"),
        lambda: st.upsert_weeks(sid, [week("x", "2026-W10", posts=1)]),
        lambda: st.put(sid, DRAFT, [Draft(values={"a": 1})]),
        lambda: st.duplicate(sid, "Copy"),
    ):
        with pytest.raises(StoreError) as err:
            attempt()
        assert err.value.key == "store.newer_schema"
        assert err.value.path == path
        assert err.value.params["found"] == store.SCHEMA_VERSION + 1
    assert stamp(path) == before
    strategies, damaged = st.list()
    assert [s.id for s in strategies] == [other]  # the others stay usable
    assert [(d.path, d.name) for d in damaged] == [(path, "Alpha")] and "newer" in damaged[0].error


# -- start-up check and the list cache --------------------------------------------------------------------------


def test_check_removes_stray_temp_files(st: Store) -> None:
    sid = st.create("Alpha").id
    st.rename(sid, "Bravo")  # makes a backup folder
    strays = [
        st.strategies / f".{sid}.json.1a2b3c4d.tmp",
        st.backups / sid / ".2026-11-02.json.5e6f7a8b.tmp",
    ]
    for stray in strays:
        stray.write_bytes(b'{"half": ')

    assert st.check() == []
    assert [p.exists() for p in strays] == [False, False]
    assert st.get(sid).name == "Bravo"


def test_list_sees_a_write_from_another_store(tmp_path: Path) -> None:
    here, there = Store(tmp_path), Store(tmp_path)  # two processes, in effect
    sid = here.create("Alpha").id
    assert [s.name for s in here.list()[0]] == ["Alpha"]

    mtime = here.path(sid).stat().st_mtime_ns
    there.rename(sid, "Bravo")  # same length: the file size does not change
    os.utime(here.path(sid), ns=(mtime, mtime))  # and a coarse clock (FAT, SMB) may keep the same mtime
    assert [s.name for s in here.list()[0]] == ["Bravo"]
    assert here.get(sid).name == "Bravo"

    other = there.create("Charlie").id
    assert [s.name for s in here.list()[0]] == ["Bravo", "Charlie"]
    there.delete(other)
    assert [s.name for s in here.list()[0]] == ["Bravo"]


def test_list_does_not_reparse_unchanged_files(st: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [st.create(f"S{n}").id for n in range(5)]
    st.list()
    parsed: list[int] = []
    real = workspace.load

    def counted(data: dict) -> object:
        parsed.append(1)
        return real(data)

    monkeypatch.setattr(workspace, "load", counted)

    assert len(st.list()[0]) == 5
    assert parsed == []
    st.rename(ids[0], "Changed")
    assert "Changed" in [s.name for s in st.list()[0]]
    assert parsed == []  # the store knows its own write: nothing is validated again


# -- workspace, messages, plumbing ------------------------------------------------------------------------------


def test_export_holds_every_strategy_with_its_tables(st: Store) -> None:
    a = st.create("Bravo")
    b = st.create("alpha")
    st.upsert_weeks(a.id, [week("x", "2026-W10", posts=1)])
    doc = backup.export(st).document

    assert doc["schema"] == store.SCHEMA_VERSION
    assert [f["strategy"]["1"]["name"] for f in doc["strategies"]] == ["alpha", "Bravo"]
    assert [f["strategy"]["1"]["id"] for f in doc["strategies"]] == [b.id, a.id]
    assert list(doc["strategies"][1]["metrics"].values())[0]["posts"] == 1
    assert doc["damaged"] == []
    assert json.loads(json.dumps(doc)) == doc


def test_store_errors_carry_a_key_params_and_both_languages(st: Store) -> None:
    with pytest.raises(StoreError) as err:
        st.get("f" * 32)
    error = err.value
    assert error.key == "store.not_found"
    assert error.params["path"] == str(st.path("f" * 32))
    assert str(st.path("f" * 32)) in str(error)
    dutch = i18n.t(error.key, "nl", **error.params)
    assert "bestaat niet" in dutch and str(st.path("f" * 32)) in dutch


def test_store_messages_exist_in_both_languages_with_the_same_placeholders() -> None:
    folder = Path(cmplanner.__file__).parent / "locales"
    en, nl = (json.loads((folder / lang / "store.json").read_text("utf-8")) for lang in ("en", "nl"))
    assert en.keys() == nl.keys()
    for key in en:
        assert en[key] != nl[key]
        assert placeholders(en[key]) == placeholders(nl[key]), key


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_default_root(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CMPLANNER_DATA", str(tmp_path))
    assert store.default_root() == tmp_path
    monkeypatch.delenv("CMPLANNER_DATA")
    assert store.default_root() == Path(cmplanner.__file__).resolve().parent.parent / "data"


def test_atomic_json_storage_with_plain_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert AtomicJSONStorage(path).read() is None
    path.write_bytes(b"")
    assert AtomicJSONStorage(path).read() is None

    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"lang": "nl"})
    db.table("recent").insert({"id": "abc"})
    assert TinyDB(path, storage=AtomicJSONStorage).all() == [{"lang": "nl"}]
    assert orjson.loads(path.read_bytes())["recent"] == {"1": {"id": "abc"}}
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left behind

    path.write_bytes(b'{"_default": {"1": ')
    with pytest.raises(ValueError):
        AtomicJSONStorage(path).read()


def test_strategy_model_dump_is_what_the_file_holds(st: Store) -> None:
    strategy = st.create("Alpha")
    data = orjson.loads(st.path(strategy.id).read_bytes())
    assert Strategy.model_validate(data["strategy"]["1"]).model_dump() == st.get(strategy.id).model_dump()
