"""Unit tests for cmplanner.store: round trips, upserts, transactions, backups, migrations, the list cache."""

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

from cmplanner import i18n, store
from cmplanner.models import BusinessProfile, Persona, Platform, PlatformPlan, Strategy, WeekMetrics
from cmplanner.store import AtomicJSONStorage, Store, StoreError


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
    assert orjson.loads(st.path(strategy.id).read_bytes())["_meta"] == {"1": {"schema": store.SCHEMA_VERSION}}


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
    st.save_draft(source.id, {"step": 2, "answers": {"sector": "bakery"}})
    with st.transaction(source.id) as db:
        db.table("checks").insert({"task": "post", "done": True})

    copy = st.duplicate(source.id, "Klant A (kopie)")

    assert copy.id != source.id and copy.name == "Klant A (kopie)"
    assert st.get(copy.id) == copy
    assert st.weeks(copy.id) == st.weeks(source.id)
    assert st.load_draft(copy.id) == {"step": 2, "answers": {"sector": "bakery"}}
    with st.transaction(copy.id) as db:
        assert db.table("checks").all() == [{"task": "post", "done": True}]
    assert st.get(source.id).name == "Klant A"
    assert sorted(s.name for s in st.list()[0]) == ["Klant A", "Klant A (kopie)"]


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
    for call in (st.get, st.weeks, st.load_draft, st.delete):
        with pytest.raises(StoreError) as err:
            call(missing)
        assert err.value.key == "store.not_found"
        assert err.value.path == st.path(missing)
    with pytest.raises(StoreError), st.transaction(missing):
        pass
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
    assert st.load_draft(strategy.id) == {}
    st.save_draft(strategy.id, {"name": "Alpha", "platforms": ["instagram"], "hours": 4.5})
    assert st.load_draft(strategy.id) == {"name": "Alpha", "platforms": ["instagram"], "hours": 4.5}
    st.save_draft(strategy.id, {"name": "Beta"})
    assert st.load_draft(strategy.id) == {"name": "Beta"}  # replaced, not merged
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


# -- transactions -----------------------------------------------------------------------------------------------


def test_transaction_that_raises_writes_nothing(st: Store) -> None:
    sid = st.create("Alpha").id
    st.upsert_weeks(sid, [week("x", "2026-W10", posts=1)])
    before = stamp(st.path(sid))

    with pytest.raises(RuntimeError), st.transaction(sid) as db:
        db.table("metrics").truncate()
        db.table("reviews").insert({"text": "half done"})
        raise RuntimeError("boom")

    assert stamp(st.path(sid)) == before
    assert len(st.weeks(sid)) == 1


def test_transaction_writes_once_and_only_on_change(st: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    sid = st.create("Alpha").id
    writes: list[Path] = []
    real = store.write_atomic

    def counted(path: Path, payload: bytes) -> None:
        writes.append(path)
        real(path, payload)

    monkeypatch.setattr(store, "write_atomic", counted)

    with st.transaction(sid) as db:
        assert db.table("strategy").all()[0]["name"] == "Alpha"
        db.table("checks").search(lambda doc: True)
    assert writes == []

    with st.transaction(sid) as db:
        for n in range(50):
            db.table("checks").insert({"n": n})
    assert [p for p in writes if p.parent == st.strategies] == [st.path(sid)]
    with st.transaction(sid) as db:
        assert len(db.table("checks")) == 50


def test_nested_transaction_joins_the_outer_one(st: Store) -> None:
    sid = st.create("Alpha").id
    with st.transaction(sid) as outer:
        outer.table("checks").insert({"n": 1})
        st.upsert_weeks(sid, [week("x", "2026-W10", posts=1)])
        assert len(outer.table("metrics")) == 1
    assert len(st.weeks(sid)) == 1
    with st.transaction(sid) as db:
        assert db.table("checks").all() == [{"n": 1}]


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


def test_migration_runs_after_a_backup(st: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    sid = st.create("Alpha").id
    st.upsert_weeks(sid, [week("x", "2026-W10", posts=1)])
    original = st.path(sid).read_bytes()
    seen: list[bool] = []

    def v1_to_v2(data: dict) -> dict:
        seen.append((st.backups / sid / "2026-11-02-schema1.json").exists())
        data["reviews"] = {"1": {"text": "added by migration"}}
        return data

    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store, "MIGRATIONS", {1: v1_to_v2})

    assert st.load_draft(sid) == {}  # reads see the migrated data without writing it
    assert st.path(sid).read_bytes() == original

    with st.transaction(sid) as db:
        assert db.table("reviews").all() == [{"text": "added by migration"}]

    assert seen[-1] is True  # the backup existed before the migration ran
    assert (st.backups / sid / "2026-11-02-schema1.json").read_bytes() == original
    data = orjson.loads(st.path(sid).read_bytes())
    assert data["_meta"] == {"1": {"schema": 2}}
    assert data["reviews"] == {"1": {"text": "added by migration"}}
    assert len(st.weeks(sid)) == 1


def test_a_file_from_a_newer_version_is_never_written(st: Store) -> None:
    sid = st.create("Alpha").id
    path = st.path(sid)
    data = orjson.loads(path.read_bytes())
    data["_meta"] = {"1": {"schema": store.SCHEMA_VERSION + 1}}
    path.write_bytes(orjson.dumps(data))
    before = stamp(path)

    for attempt in (
        lambda: st.rename(sid, "Bravo"),
        lambda: st.save(st.get(sid)),
        lambda: st.upsert_weeks(sid, [week("x", "2026-W10", posts=1)]),
        lambda: st.save_draft(sid, {"a": 1}),
        lambda: st.duplicate(sid, "Copy"),
    ):
        with pytest.raises(StoreError) as err:
            attempt()
        assert err.value.key == "store.newer_schema"
        assert err.value.path == path
        assert err.value.params["found"] == store.SCHEMA_VERSION + 1
    assert stamp(path) == before
    assert st.get(sid).name == "Alpha"  # reading it is still allowed
    assert len(st.list()[0]) == 1


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
    real = store._load_tables

    def counted(raw: bytes) -> dict:
        parsed.append(1)
        return real(raw)

    monkeypatch.setattr(store, "_load_tables", counted)

    assert len(st.list()[0]) == 5
    assert parsed == []
    st.rename(ids[0], "Changed")
    assert "Changed" in [s.name for s in st.list()[0]]
    assert len(parsed) == 2  # once by the rename's transaction, once by list() for that one file


# -- workspace, messages, plumbing ------------------------------------------------------------------------------


def test_export_holds_every_strategy_with_its_tables(st: Store) -> None:
    a = st.create("Bravo")
    b = st.create("alpha")
    st.upsert_weeks(a.id, [week("x", "2026-W10", posts=1)])
    doc = st.export()

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
    folder = Path(store.__file__).parent / "locales"
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
    assert store.default_root() == Path(store.__file__).resolve().parent.parent / "data"


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
    assert Strategy.model_validate(data["strategy"]["1"]) == st.get(strategy.id)
