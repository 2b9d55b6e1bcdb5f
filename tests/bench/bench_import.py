"""Import speed: a 100k-row Meta Business Suite post export (generated, ~21 MB of CSV) read into posts and weekly rows.

Run: ``python tests/bench/bench_import.py``. Prints the median of a few runs of ``importers.read`` (decode, find
the header, parse every row, make the posts, aggregate to ISO weeks, validate) and the same file as UTF-16 and as a
zip; then, side by side in the same run, the whole-process CPU time of ``cmplanner import --dry-run`` on that file
(read, merge the posts, weeks by the week rule, compare with the store) against a plain pandas script that reads
the same file and sums it by ISO week, and their ratio. Asserts nothing.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

from cmplanner import importers
from cmplanner.models import Platform, PlatformPlan, Strategy
from cmplanner.store import Store

ROWS = 100_000
RUNS = 3
TARGET_S = 3.0
PROCESS_RUNS = 5
TARGET_RATIO = 1.5
PLAIN = """
import sys
import pandas as pd

frame = pd.read_csv(sys.argv[1], thousands=",")
day = pd.to_datetime(frame["Publish time"], format="%m/%d/%Y %H:%M")
iso = day.dt.isocalendar()
columns = ["Impressions", "Reach", "Reactions", "Comments", "Shares", "Total clicks", "Views"]
weeks = frame.groupby([iso["year"], iso["week"]])[columns].sum()
weeks["posts"] = frame.groupby([iso["year"], iso["week"]]).size()
print(len(weeks), "weeks")
"""
HEADER = [
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time", "Caption type",
    "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels", "Funded content status",
    "Data comment", "Date", "Impressions", "Reach", "Reactions, comments and shares", "Reactions", "Comments",
    "Shares", "Total clicks", "Other clicks", "Matched audience targeting consumption (Photo click)", "Link clicks",
    "Views", "reels_plays:count", "Seconds viewed", "Average seconds viewed", "Estimated earnings (USD)",
]  # fmt: skip


def post_export(rows: int) -> str:
    """A Facebook post export: one row per post, spread over four years, numbers as Meta writes them."""
    rng = random.Random(4)
    start = datetime(2022, 1, 3, 8, 0)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for n in range(rows):
        when = start + timedelta(minutes=n * 21)
        impressions = rng.randint(100, 50_000)
        reactions, comments, shares = rng.randint(0, 900), rng.randint(0, 90), rng.randint(0, 40)
        writer.writerow(
            [f"1029_{n}", "1029", "Bakkerij de Korenschoof", "", f"Post number {n}, with a comma", "",
             when.strftime("%m/%d/%Y %H:%M"), "", f"https://www.facebook.com/1029/posts/{n}", "No", "No", "Photo", "",
             "", "", "", "Lifetime", f"{impressions:,}", impressions * 3 // 4, reactions + comments + shares,
             reactions, comments, shares, rng.randint(0, 500), rng.randint(0, 100), 0, rng.randint(0, 200),
             rng.randint(0, 3000), "", "", "", ""]
        )  # fmt: skip
    return out.getvalue()


def median_s(name: str, data: bytes) -> tuple[float, int]:
    times = []
    weeks = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        parsed = importers.read(name, data)
        times.append(time.perf_counter() - start)
        weeks = len(parsed.rows)
    return statistics.median(times), weeks


def cpu_seconds(command: list[str], env: dict[str, str]) -> float:
    """User + system CPU time of one child process, start-up and imports included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def side_by_side(plain: bytes) -> None:
    """``cmplanner import --dry-run`` against a plain pandas script on the same file, alternating, medians."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        export = root / "posts.csv"
        export.write_bytes(plain)
        script = root / "plain.py"
        script.write_text(PLAIN, encoding="utf-8")
        env = {**os.environ, "CMPLANNER_DATA": str(root / "data")}
        strategy = Store(root / "data").save(
            Strategy(name="Bench", platforms=[PlatformPlan(platform=Platform.FACEBOOK)])
        )
        ours_cmd = [sys.executable, "-m", "cmplanner.cli", "import", str(export), "--strategy", strategy.id,
                    "--dry-run"]  # fmt: skip
        plain_cmd = [sys.executable, str(script), str(export)]
        ours, theirs = [], []
        for _ in range(PROCESS_RUNS):
            ours.append(cpu_seconds(ours_cmd, env))
            theirs.append(cpu_seconds(plain_cmd, env))
    mine, base = statistics.median(ours), statistics.median(theirs)
    ratio = mine / base
    verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
    print(f"whole process, CPU, median of {PROCESS_RUNS}: cmplanner import --dry-run {mine:.2f} s, "
          f"plain pandas read + ISO-week sum {base:.2f} s")  # fmt: skip
    print(f"ratio {ratio:.2f}x — {verdict} the target of <= {TARGET_RATIO:.1f}x")


def main() -> None:
    text = post_export(ROWS)
    plain = text.encode("utf-8")
    utf16 = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("posts.csv", plain)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"import bench: {ROWS:,} posts, median of {RUNS} runs ({os.cpu_count()} CPUs, load {load:.1f})")
    results = {}
    for label, name, data in (("CSV UTF-8", "posts.csv", plain), ("CSV UTF-16", "posts.csv", utf16),
                              ("zip", "posts.zip", packed.getvalue())):  # fmt: skip
        seconds, weeks = median_s(name, data)
        results[label] = seconds
        print(f"{label:>11}: {len(data) / 1e6:6.1f} MB → {weeks} weeks in {seconds:.2f} s")
    verdict = "meets" if results["CSV UTF-8"] < TARGET_S else "MISSES"
    print(f"100k-row post export: {results['CSV UTF-8']:.2f} s — {verdict} the target of < {TARGET_S:.0f} s")
    side_by_side(plain)


if __name__ == "__main__":
    main()
