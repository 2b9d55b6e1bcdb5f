"""Import speed: a 100k-row Meta Business Suite post export (generated, ~25 MB of CSV) read into weekly rows.

Run: ``python tests/bench/bench_import.py``. Prints the median of a few runs of ``importers.read`` (decode, find
the header, parse every row, aggregate to ISO weeks, validate) and the same file as UTF-16 and as a zip; asserts
nothing.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import random
import statistics
import time
import zipfile
from datetime import datetime, timedelta

from cmplanner import importers

ROWS = 100_000
RUNS = 3
TARGET_S = 3.0
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


if __name__ == "__main__":
    main()
