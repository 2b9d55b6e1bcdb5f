"""No silent overwrite, ever: edits carry the version they were based on and are merged or refused; damaged records
and old files stay in their own strategy; a restore killed at any moment leaves all or none; disk faults are one line."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from cmplanner import cli
from cmplanner.models import Goal, Platform, PlatformPlan, Strategy, WeekMetrics
from cmplanner.store import METRICS, Conflict, Store, StoreError, backup, changes, files

EDITOR = Path(__file__).with_name("store_editor.py")
PROJECT = Path(__file__).resolve().parents[2]


def plan(name: str = "Kapper Kim") -> Strategy:
    return Strategy(
        name=name,
        platforms=[PlatformPlan(platform=Platform.INSTAGRAM)],
        goals=[
            Goal(platform=Platform.INSTAGRAM, kpi="followers", quarter="2026-Q4", baseline=100, target=200)
        ],
    )


# -- merge or refuse ---------------------------------------------------------------------------------------------


def test_an_edit_based_on_an_older_version_is_merged_when_it_touches_other_fields(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.save(plan()).id
    tab_a, tab_b = store.get(sid), store.get(sid)  # two windows open the same version
    tab_a.platforms = [*tab_a.platforms, PlatformPlan(platform=Platform.FACEBOOK)]
    store.save(tab_a)
    tab_b.name = "Kapsalon Kim"
    saved = store.save(tab_b)  # based on the older version, but another field: merged
    assert saved.name == "Kapsalon Kim"
    assert [p.platform for p in saved.platforms] == [Platform.INSTAGRAM, Platform.FACEBOOK]


def test_an_edit_of_the_same_field_is_refused_with_what_changed_and_when(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.save(plan()).id
    tab_a, tab_b = store.get(sid), store.get(sid)
    tab_a.goals = [
        *tab_a.goals,
        tab_a.goals[0].model_copy(update={"id": "a" * 32, "kpi": "posts", "target": 30}),
    ]
    store.save(tab_a)
    before = store.path(sid).read_bytes()
    tab_b.goals = []
    with pytest.raises(Conflict) as refused:
        store.save(tab_b)
    assert store.path(sid).read_bytes() == before  # nothing saved
    assert len(store.get(sid).goals) == 2  # the first edit is kept
    assert refused.value.fields == ["goals"]
    now = datetime.now(UTC).astimezone()
    assert f"{now:%H}:" in refused.value.text("en")
    assert "changed in another window" in refused.value.text("en") and "the goals" in refused.value.text("en")
    assert "in een ander venster" in refused.value.text("nl") and "de doelen" in refused.value.text("nl")


def test_rows_merge_by_key_and_the_same_row_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create("Log").id
    base = store.get(sid).version
    week = WeekMetrics(platform=Platform.X, week="2026-W47", posts=3)
    store.put(sid, METRICS, [week], based_on=base)
    other = WeekMetrics(platform=Platform.X, week="2026-W46", posts=2)
    assert store.update(sid, lambda e: e.put(METRICS, [other]), based_on=base).merged  # another week
    with pytest.raises(Conflict) as refused:  # the same week, edited in two windows
        store.put(sid, METRICS, [week.model_copy(update={"posts": 4})], based_on=base)
    assert refused.value.fields == ["metrics"]
    assert [w.posts for w in store.weeks(sid)] == [2, 3]


def test_a_base_older_than_the_log_or_a_restore_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create("Old tab").id
    stale = store.get(sid)
    for n in range(changes.LOG_SIZE + 1):
        store.put(
            sid, METRICS, [WeekMetrics(platform=Platform.X, week=f"{2020 + n // 52}-W{n % 52 + 1:02d}")]
        )
    stale.name = "Renamed in a tab left open for days"
    with pytest.raises(Conflict):
        store.save(stale)

    saved = backup.export(store).payload()
    fresh = store.get(sid)
    backup.restore(store, saved)
    fresh.name = "After a restore"
    with pytest.raises(Conflict) as refused:
        store.save(fresh)
    assert refused.value.fields == ["*"]


def test_changed_since_tells_the_walk_whether_its_draft_is_stale(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.save(plan()).id
    version = store.get(sid).version
    store.put(sid, METRICS, [WeekMetrics(platform=Platform.X, week="2026-W47", posts=1)])
    walk = {"strategy.goals", "strategy.platforms"}
    assert store.read(sid).changed_since(version, walk) is None
    accepted = store.get(sid)
    accepted.goals = [
        *accepted.goals,
        accepted.goals[0].model_copy(update={"id": "b" * 32, "quarter": "2027-Q1"}),
    ]
    store.save(accepted)
    moved = store.read(sid).changed_since(version, walk)
    assert moved is not None and changes.areas(moved.keys) == ["goals"]


def editor(root: Path, sid: str, field: str, count: int, tag: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    proc = subprocess.Popen(
        [sys.executable, str(EDITOR), str(root), sid, field, str(count), tag],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def run_editors(root: Path, sid: str, fields: tuple[str, str], count: int) -> list[str]:
    procs = [editor(root, sid, field, count, tag) for field, tag in zip(fields, ("a", "b"), strict=True)]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    return [line for proc in procs for line in proc.communicate(timeout=300)[0].splitlines()]


def test_two_processes_editing_one_strategy_300_times_each_lose_nothing(tmp_path: Path) -> None:
    """Each edit is either stored (and still there at the end) or refused; none is silently lost."""
    store = Store(tmp_path)
    sid = store.create("Shared").id
    said = run_editors(tmp_path, sid, ("checklist", "checklist"), 300)
    stored = {line.split()[1] for line in said if line.startswith("stored")}
    refused = {line.split()[1] for line in said if line.startswith("refused")}
    assert len(stored) + len(refused) == 600
    kept = {task.label for task in store.get(sid).checklist.custom}
    assert kept == stored
    print(f"{len(stored)} stored, {len(refused)} refused")


def test_two_processes_editing_different_fields_are_merged_without_a_refusal(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create("Shared").id
    said = run_editors(tmp_path, sid, ("checklist", "personas"), 150)
    assert all(line.startswith("stored") for line in said) and len(said) == 300
    strategy = store.get(sid)
    assert len(strategy.checklist.custom) == 150 and len(strategy.personas) == 150


# -- damaged records and old files ------------------------------------------------------------------------------


def damage(store: Store, sid: str, table: str, record: object) -> None:
    data = orjson.loads(store.path(sid).read_bytes())
    data.setdefault(table, {})["99"] = record
    store.path(sid).write_bytes(orjson.dumps(data))


def broken_workspace(store: Store) -> dict[str, str]:
    """Three good strategies and three damaged ones: a negative follower count, a record that is a bare number,
    a file of data version 0."""
    ids = {
        name: store.save(plan(name)).id for name in ("Alpha", "Bravo", "Charlie", "Minus", "Number", "Zero")
    }
    for sid in ids.values():
        store.put(sid, METRICS, [WeekMetrics(platform=Platform.INSTAGRAM, week="2026-W41", followers=120)])
    damage(store, ids["Minus"], "metrics", {"platform": "instagram", "week": "2026-W42", "followers": -5})
    damage(store, ids["Number"], "metrics", 5)
    data = orjson.loads(store.path(ids["Zero"]).read_bytes())
    data["_meta"] = {"1": {"schema": 0}}
    store.path(ids["Zero"]).write_bytes(orjson.dumps(data))
    return ids


def test_a_damaged_record_marks_only_its_strategy_naming_table_record_and_reason(tmp_path: Path) -> None:
    store = Store(tmp_path)
    ids = broken_workspace(store)
    strategies, damaged = Store(tmp_path).list()
    assert [s.name for s in strategies] == ["Alpha", "Bravo", "Charlie"]
    reasons = {d.name: d.error for d in damaged}
    assert reasons.keys() == {"Minus", "Number", "Zero"}
    assert (
        reasons["Minus"] == "table metrics, record 99: followers: Input should be greater than or equal to 0"
    )
    assert reasons["Number"] == "table metrics, record 99: not a record but int"
    assert "data version 0 is older than any this version of cmplanner can read" in reasons["Zero"]
    for name in ("Minus", "Number", "Zero"):
        with pytest.raises(StoreError) as err:
            store.put(ids[name], METRICS, [WeekMetrics(platform=Platform.X, week="2026-W43", posts=1)])
        assert err.value.key == "store.damaged_no_backup" or err.value.key == "store.damaged"


def test_the_command_line_keeps_working_and_check_names_the_damaged(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir)
    ids = broken_workspace(store)
    assert cli.main(["check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("3 strategies in")
    for name in ("Minus", "Number", "Zero"):
        assert f"DAMAGED {store.path(ids[name])} ({name})" in out
    assert cli.main(["metrics", "Alpha", "--out", str(tmp_path / "a.csv")]) == 0
    assert cli.main(["report", "Bravo", "--out", str(tmp_path / "b.html")]) == 0
    assert cli.main(["metrics", "Minus", "--out", str(tmp_path / "m.csv")]) == 2
    assert "is damaged" in capsys.readouterr().err  # not "no strategy with that name"
    out = tmp_path / "ws.json"
    assert cli.main(["backup", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "backed up 3 strategies" in said and said.count("skipped ") == 3
    assert cli.main(["restore", str(out)]) == 0  # the backup of the good ones restores


def test_a_backup_with_a_row_twice_or_too_big_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path)
    sid = store.save(plan()).id
    store.put(sid, METRICS, [WeekMetrics(platform=Platform.X, week="2026-W47", posts=1)])
    document = orjson.loads(backup.export(store).payload())
    document["strategies"][0]["metrics"]["2"] = {"platform": "x", "week": "2026-W47", "posts": 9}
    with pytest.raises(StoreError, match="platform x, week 2026-W47 is also in record 1"):
        backup.restore(store, orjson.dumps(document))
    monkeypatch.setattr(backup, "MAX_BACKUP_BYTES", 1000)
    with pytest.raises(StoreError, match="a backup can be at most"):
        backup.check_backup(b" " * 1001)


# -- restore: all or nothing, also under kill -9 ------------------------------------------------------------------


def restore_workspace(root: Path) -> tuple[Store, bytes]:
    """30 strategies named ``Old n`` and a backup that renames them ``New n`` and adds 5 more."""
    store = Store(root)
    ids = []
    for n in range(30):
        sid = store.save(plan(f"Old {n}")).id
        rows = [
            WeekMetrics(platform=Platform.INSTAGRAM, week=f"2026-W{w:02d}", followers=100 + w)
            for w in range(1, 40)
        ]
        store.put(sid, METRICS, rows)
        ids.append(sid)
    document = orjson.loads(backup.export(store).payload())
    for tables in document["strategies"]:
        doc = tables["strategy"]["1"]
        doc["name"] = doc["name"].replace("Old", "New")
    for n in range(5):
        extra = plan(f"New extra {n}")
        document["strategies"].append({"strategy": {"1": extra.model_dump(mode="json")}})
    return store, orjson.dumps(document)


def names(root: Path) -> list[str]:
    return sorted(s.name for s in Store(root).list()[0])


def test_restore_killed_at_any_moment_leaves_all_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """100 restores killed (SIGKILL) at a random moment. fsync is skipped: it guards against power loss, not a
    killed process (whose writes stay in the page cache), and without it a trial is ten times faster."""
    monkeypatch.setattr(files.os, "fsync", lambda fd: None)
    template = tmp_path / "template"
    _, data = restore_workspace(template)
    before = names(template)

    def restore_in_child(root: Path) -> int:
        store = Store(root)
        pid = os.fork()
        if pid == 0:  # the child restores until it is done or killed
            try:
                backup.restore(store, data)
            finally:
                os._exit(0)
        return pid

    # how long a whole restore takes in a child, fork included (the slowest of three, so a busy machine does not
    # put every kill after the end)
    first = tmp_path / "first"
    durations = []
    for _ in range(3):
        shutil.rmtree(first, ignore_errors=True)
        shutil.copytree(template, first)
        start = time.perf_counter()
        os.waitpid(restore_in_child(first), 0)
        durations.append(time.perf_counter() - start)
    duration = max(durations)
    after = names(first)
    assert after == sorted([n.replace("Old", "New") for n in before] + [f"New extra {n}" for n in range(5)])

    outcomes = {"all": 0, "none": 0}
    moments = [duration * 2 * n / 100 for n in range(100)]  # spread evenly; the later half after the end
    random.shuffle(moments)
    for trial, moment in enumerate(moments):
        root = tmp_path / f"trial{trial}"
        shutil.copytree(template, root)
        pid = restore_in_child(root)
        time.sleep(moment)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        found = names(root)  # a new store finishes or clears what the killed restore left
        assert found in (before, after), f"trial {trial}: a mix of restored and not restored"
        outcomes["all" if found == after else "none"] += 1
        assert not list(root.glob(".restore-*")) and not (root / "restore.journal").exists()
        shutil.rmtree(root)
    print(f"restore of 35 strategies: {duration * 1000:.0f} ms; 100 kills: {outcomes}")
    assert outcomes["all"] and outcomes["none"]  # kills landed on both sides of the commit point


# -- disk faults ---------------------------------------------------------------------------------------------------


def test_a_full_disk_is_one_line_naming_the_folder_and_nothing_is_left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path)
    sid = store.save(plan()).id
    before = store.path(sid).read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(StoreError) as err:
        store.put(sid, METRICS, [WeekMetrics(platform=Platform.X, week="2026-W47", posts=1)])
    assert err.value.key == "store.disk_full"
    assert str(tmp_path) in err.value.text("en") and "Nothing was saved" in err.value.text("en")
    assert "niets opgeslagen" in err.value.text("nl")
    assert store.path(sid).read_bytes() == before
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_a_folder_where_a_strategy_file_should_be_is_reported_not_a_crash(tmp_path: Path) -> None:
    store = Store(tmp_path)
    good = store.save(plan()).id
    (store.strategies / f"{'c' * 32}.json").mkdir()
    strategies, damaged = store.list()
    assert [s.id for s in strategies] == [good]
    assert len(damaged) == 1 and "folder where a strategy file should be" in damaged[0].error


READ_ONLY = [
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search,-fowner",
    "--inh-caps=-dac_override,-dac_read_search,-fowner",
]
"""Root ignores file permissions; without these capabilities it cannot (so a chmod makes a folder read-only)."""


def cmplanner_read_only(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    prefix = READ_ONLY if os.geteuid() == 0 else []
    if prefix and shutil.which("setpriv") is None:
        if os.environ.get("CI"):
            pytest.fail("setpriv (util-linux) is needed to make a folder read-only for root")
        pytest.skip("no setpriv: cannot make a folder read-only for root")
    env = {**os.environ, "CMPLANNER_DATA": str(data), "PYTHONPATH": str(PROJECT)}
    command = [*prefix, sys.executable, "-m", "cmplanner.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_commands_that_only_read_work_on_a_read_only_data_folder(data_dir: Path, tmp_path: Path) -> None:
    from tests.app.test_import_page import instagram_export

    assert cli.main(["demo"]) == 0
    export = tmp_path / "posts.csv"
    export.write_bytes(instagram_export())
    out = tmp_path / "out"
    out.mkdir()
    folders = [data_dir, *data_dir.rglob("*")]
    for path in folders:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        reads = [
            ("report", "Bakkerij De Korenschoof", "--out", str(out / "r.pdf")),
            ("import", str(export), "--strategy", "Bakkerij De Korenschoof", "--dry-run"),
            ("metrics", "Van Dijk Advies", "--out", str(out / "m.csv")),
            ("export", "--out", str(out / "ws.json")),
            ("check",),
        ]
        for args in reads:
            done = cmplanner_read_only(data_dir, *args)
            assert done.returncode == 0, (args, done.stderr)
        write = cmplanner_read_only(data_dir, "import", str(export), "--strategy", "Bakkerij De Korenschoof")
        assert write.returncode == 2
        assert write.stderr.startswith("cmplanner: Nothing was saved") and len(write.stderr.splitlines()) == 1
    finally:
        for path in folders:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert (out / "r.pdf").stat().st_size > 10_000 and not list(out.glob("*.tmp"))


def test_every_part_of_a_strategy_has_a_name_for_the_conflict_message() -> None:
    from cmplanner import i18n
    from cmplanner.store import TABLES

    fields = {f"strategy.{name}" for name in Strategy.model_fields} - {
        f"strategy.{name}" for name in changes.BOOKKEEPING | {"version"}
    }
    keys = fields | {f"{name}:x" for name in TABLES if name != "strategy"}
    for area in changes.areas(sorted(keys)):
        for lang in ("en", "nl"):
            assert i18n.has(f"store.area.{area}", lang), area
