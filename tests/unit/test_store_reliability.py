"""The store under threads, processes, a kill -9 and a damaged file: nothing committed is ever lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import orjson
import pytest

from cmplanner.models import Draft, Platform, WeekMetrics
from cmplanner.store import DRAFT, DamagedFile, Store, StoreError
from cmplanner.store import backup as backup_module

WRITER = Path(__file__).with_name("store_writer.py")
PROJECT = Path(__file__).resolve().parents[2]


def writer(root: Path, strategy_id: str, first_year: int, count: int) -> subprocess.Popen[str]:
    """Start store_writer.py and wait until it is ready to write."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(root), strategy_id, str(first_year), str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def go(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()


def year_weeks(first_year: int, count: int) -> set[tuple[str, str]]:
    return {(f"{first_year + n // 52}-W{n % 52 + 1:02d}", "youtube") for n in range(count)}


def stored(store: Store, strategy_id: str) -> set[tuple[str, str]]:
    return {(m.week, m.platform.value) for m in store.weeks(strategy_id)}


def test_threads_and_processes_writing_one_file_lose_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create("Shared").id
    per_writer = 15
    procs = [writer(tmp_path, sid, 2100 + 10 * p, per_writer) for p in range(2)]

    barrier = threading.Barrier(8 + 1)
    errors: list[BaseException] = []

    def thread_writer(t: int) -> None:
        barrier.wait()
        try:
            for n in range(per_writer):
                key = f"{2000 + 10 * t + n // 52}-W{n % 52 + 1:02d}"
                store.upsert_weeks(sid, [WeekMetrics(platform=Platform.YOUTUBE, week=key, posts=n)])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=thread_writer, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for proc in procs:
        go(proc)
    barrier.wait()
    for thread in threads:
        thread.join(timeout=60)
    outputs = [proc.communicate(timeout=60)[0] for proc in procs]

    assert errors == []
    assert [proc.returncode for proc in procs] == [0, 0]
    assert [len(out.split()) for out in outputs] == [per_writer, per_writer]
    expected = set().union(
        *(year_weeks(2000 + 10 * t, per_writer) for t in range(8)),
        *(year_weeks(2100 + 10 * p, per_writer) for p in range(2)),
    )
    assert stored(Store(tmp_path), sid) == expected
    data = orjson.loads(store.path(sid).read_bytes())  # valid JSON, the strategy intact
    assert len(data["metrics"]) == 10 * per_writer
    assert data["strategy"]["1"]["name"] == "Shared"
    assert Store(tmp_path).check() == []


def test_a_writer_killed_mid_stream_loses_no_committed_week(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create("Killed").id
    # 3000 rows make one write take ~10 ms (~2 ms of it writing the file), so a kill at a random
    # moment lands inside the file write in about one round in five
    base = [WeekMetrics(platform=Platform.X, week=f"{1000 + n // 52}-W{n % 52 + 1:02d}") for n in range(3000)]
    store.upsert_weeks(sid, base)
    committed: set[tuple[str, str]] = set()
    mid_write = 0

    for round_ in range(8):
        proc = writer(tmp_path, sid, 3000 + 100 * round_, 10_000)
        go(proc)
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()  # the first write has returned: kill it somewhere later
        time.sleep(random.uniform(0.0, 0.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        assert proc.stdout is not None
        printed = {(first, "youtube")} | {(line.strip(), "youtube") for line in proc.stdout if line.strip()}
        committed |= printed

        fresh = Store(tmp_path)
        mid_write += bool(list(fresh.strategies.glob(".*.tmp")))
        assert fresh.check() == []
        assert not list(fresh.strategies.glob(".*.tmp"))
        weeks = stored(fresh, sid)
        assert committed <= weeks
        assert len(weeks) - len(committed) - 3000 <= round_ + 1  # at most one unreported write per kill
        assert fresh.get(sid).name == "Killed"
    print(f"{mid_write} of 8 kills landed inside a file write")


def test_a_damaged_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    store = Store(tmp_path)
    good = [store.create(name).id for name in ("Alpha", "Charlie")]
    sid = store.create("Bravo").id
    store.rename(sid, "Bravo BV")  # first write of the day: makes a backup
    store.upsert_weeks(sid, [WeekMetrics(platform=Platform.X, week="2026-W10", posts=1)])
    path = store.path(sid)
    path.write_bytes(path.read_bytes()[:-40])  # truncated JSON
    damaged = path.read_bytes()
    backup = tmp_path / "backups" / sid / f"{store.today().isoformat()}.json"

    fresh = Store(tmp_path)
    with pytest.raises(StoreError) as err:
        fresh.get(sid)
    assert err.value.key == "store.damaged"
    assert err.value.path == path
    assert str(path) in str(err.value) and str(backup) in str(err.value)

    strategies, broken = fresh.list()
    assert sorted(s.id for s in strategies) == sorted(good)
    assert len(broken) == 1 and isinstance(broken[0], DamagedFile)
    assert (broken[0].path, broken[0].backup) == (path, backup)
    assert broken[0].error

    assert [(d.path, d.backup) for d in fresh.check()] == [(path, backup)]
    for attempt in (
        lambda: fresh.rename(sid, "X"),
        lambda: fresh.upsert_weeks(sid, [WeekMetrics(platform=Platform.X, week="2026-W11", posts=1)]),
        lambda: fresh.put(sid, DRAFT, [Draft(values={})]),
        lambda: fresh.weeks(sid),
    ):
        with pytest.raises(StoreError) as err:
            attempt()
        assert err.value.key == "store.damaged"
    exported = backup_module.export(fresh)
    assert exported.document["damaged"] == [{"path": str(path), "error": broken[0].error}]
    assert [d.path for d in exported.skipped] == [path] and exported.count == 2
    assert path.read_bytes() == damaged
    assert orjson.loads(backup.read_bytes())["strategy"]["1"]["name"] == "Bravo"


def test_a_damaged_file_without_a_backup_says_so(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create("Alpha").id
    store.path(sid).write_bytes(b"")
    with pytest.raises(StoreError) as err:
        store.get(sid)
    assert err.value.key == "store.damaged_no_backup"
    assert [(d.path, d.backup) for d in store.check()] == [(store.path(sid), None)]
    assert store.path(sid).read_bytes() == b""
