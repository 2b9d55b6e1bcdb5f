"""Property tests: whatever bytes or CSV come in, every importer gives rows or an ImportProblem, never another
exception (and never the catch-all ``import.failed``, which would mean an unforeseen bug)."""

from __future__ import annotations

import codecs
import contextlib
import io
import zipfile
from datetime import date
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cmplanner import importers as imp
from cmplanner.importers import aliases, dates, numbers, shapes
from cmplanner.models import Platform
from tests.unit.test_importers import (
    FB_HEADER,
    FB_POSTS,
    LI_DESCRIPTION,
    LI_POSTS,
    LI_POSTS_HEADER,
    csv_text,
    fb_post,
    table,
    tiktok_followers,
    tiktok_overview,
    xlsx_bytes,
    zip_bytes,
)

TODAY = date(2026, 6, 1)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ["f.csv", "f.tsv", "f.txt", "f.xlsx", "f.xls", "f.zip", "f", "f.CSV", "f.png"]


def attempt(name: str, data: bytes, **kwargs: Any) -> imp.Parsed | None:
    """Read, detect and list columns; each may raise only an ImportProblem that is not ``import.failed``."""
    for call in (lambda: imp.detect(name, data), lambda: imp.generic_columns(name, data)):
        try:
            call()
        except imp.ImportProblem as err:
            assert err.key != "import.failed", repr(err.__cause__)
            assert str(err)  # renders in English
    try:
        parsed = imp.read(name, data, today=TODAY, **kwargs)
    except imp.ImportProblem as err:
        assert err.key != "import.failed", repr(err.__cause__)
        assert str(err) and err.message("nl")
        return None
    weeks = [row.week for row in parsed.rows]
    assert weeks == sorted(set(weeks))
    return parsed


@FAST
@given(st.sampled_from(NAMES), st.binary(max_size=2000))
def test_random_bytes(name: str, data: bytes) -> None:
    attempt(name, data)


@FAST
@given(st.sampled_from(NAMES), st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", codecs.BOM_UTF16_LE,
                                                codecs.BOM_UTF8, b"sep=,\n"]), st.binary(max_size=1500))  # fmt: skip
def test_random_bytes_behind_a_magic_number(name: str, magic: bytes, data: bytes) -> None:
    attempt(name, magic + data)


# -- random CSVs in the known shapes ---------------------------------------------------------------------------


def concepts_of(shape_name: str) -> list[str]:
    shape = next(s for s in shapes.known() if s.name == shape_name)
    found = [*shape.date, *([shape.key] if shape.key else [])]
    for need in shape.required:
        found += list(need) if isinstance(need, tuple) else [need]
    for alternatives in shape.fields.values():
        for alt in alternatives:
            found += [c.lstrip("-") for c in (alt if isinstance(alt, tuple) else (alt,))]
    return list(dict.fromkeys(found))


SHAPE_NAMES = [s.name for s in shapes.known()]
CELLS = st.one_of(
    st.integers(-5, 10**6).map(str),
    st.integers(0, 10**7).map(lambda n: f"{n:,}"),
    st.integers(0, 10**7).map(lambda n: f"{n:,}".replace(",", ".")),
    st.floats(0, 10**5, allow_nan=False).map(lambda f: f"{f:.1f}"),
    st.floats(0, 10**5, allow_nan=False).map(lambda f: f"{f:.2f}".replace(".", ",")),
    st.sampled_from(
        ["", "-", "undefined", "Lifetime", "Total", "N/A", "—", "1e5", "inf", "nan", "0", "Totaal"]
    ),
    st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(str),
    st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(lambda d: d.strftime("%m/%d/%Y %H:%M")),
    st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(lambda d: d.strftime("%a, %b %d, %Y")),
    st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(lambda d: d.strftime("%B %d")),
    st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(lambda d: d.strftime("%d-%m-%y")),
    st.text(max_size=12),
)


@st.composite
def shaped_csv(draw: st.DrawFn) -> tuple[str, bytes]:
    shape = draw(st.sampled_from(SHAPE_NAMES))
    concepts = concepts_of(shape)
    if shape == "meta_daily":
        concepts = ["date", "primary"]
    headers = [draw(st.sampled_from([a for a, _ in aliases.data()["columns"][c]])) for c in concepts]
    headers += draw(st.lists(st.text(max_size=8), max_size=3))
    headers = draw(st.permutations(headers))
    rows = draw(st.lists(st.lists(CELLS, min_size=len(headers), max_size=len(headers)), max_size=12))
    rows = [
        [cell for cell in row[: draw(st.integers(0, len(row)))]] if draw(st.booleans()) else row
        for row in rows
    ]
    preamble = draw(
        st.sampled_from(["", "sep=,\n", "Facebook follows\n", "Views\n", 'sep=;\n"Instagram follows"\n'])
    )
    text = preamble + csv_text([headers, *rows], delimiter=draw(st.sampled_from([",", ";", "\t"])),
                               quote_all=draw(st.booleans()))  # fmt: skip
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be"]))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # lone surrogates from st.text
        data = text.encode("utf-8", "replace")
    return shape, data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shaped_csv(), st.sampled_from([None, 0, 1000]), st.sampled_from([None, Platform.FACEBOOK, Platform.X]))
def test_random_csvs_in_every_known_shape(sample: tuple[str, bytes], baseline: int | None,
                                          platform: Platform | None) -> None:  # fmt: skip
    _, data = sample
    attempt("export.csv", data, baseline_followers=baseline, platform=platform)


@FAST
@given(st.lists(st.text(min_size=1, max_size=10), min_size=1, max_size=6, unique=True), st.data())
def test_random_csvs_with_a_random_mapping(headers: list[str], data: st.DataObject) -> None:
    rows = data.draw(st.lists(st.lists(CELLS, min_size=len(headers), max_size=len(headers)), max_size=10))
    targets = st.sampled_from([*imp.MAPPING_TARGETS, "", "nonsense"])
    mapping = {h: data.draw(targets) for h in data.draw(st.lists(st.sampled_from(headers), unique=True))}
    attempt("mine.csv", csv_text([headers, *rows]).encode(), mapping=mapping, platform=Platform.PINTEREST)


# -- damaged real files ---------------------------------------------------------------------------------------------

GOOD_FILES = {
    "export.csv": csv_text(FB_POSTS).encode(),
    "content.xlsx": xlsx_bytes({"All posts": [LI_DESCRIPTION, *table(LI_POSTS_HEADER, LI_POSTS)]}),
    "tiktok.zip": zip_bytes({"Overview.csv": tiktok_overview(), "FollowerHistory.csv": tiktok_followers()}),
    "follows.csv": codecs.BOM_UTF16_LE + ("sep=,\n" + csv_text([["Facebook follows"], ["Date", "Primary"],
                                                                  ["2025-08-01T00:00:00", "20"]])).encode("utf-16-le"),
}  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(GOOD_FILES)), st.data())
def test_damaged_files(name: str, data: st.DataObject) -> None:
    raw = bytearray(GOOD_FILES[name])
    for _ in range(data.draw(st.integers(1, 6))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(1, len(raw)))]
    attempt(name, bytes(raw), baseline_followers=10)


# -- invariants --------------------------------------------------------------------------------------------------


@FAST
@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.dates(date(2025, 1, 1), date(2026, 12, 31)),
                          st.integers(0, 10**6)), min_size=1, max_size=30))  # fmt: skip
def test_post_exports_count_each_post_once_and_keep_every_impression(
    posts: list[tuple[str, date, int]],
) -> None:
    rows = [fb_post(pid, day.strftime("%m/%d/%Y 12:00"), f"{n:,}", 1, 1, 1, 1, 1, 1) for pid, day, n in posts]
    parsed = imp.read("posts.csv", csv_text(table(FB_HEADER, rows)).encode())
    latest = {pid: (day, n) for pid, day, n in posts}  # a repeated post id: the later row wins
    assert sum(row.posts or 0 for row in parsed.rows) == len(latest)
    assert sum(row.impressions or 0 for row in parsed.rows) == sum(n for _, n in latest.values())
    days = [day for day, _ in latest.values()]
    assert parsed.date_range == (min(days), max(days))


@FAST
@given(st.text(max_size=30), st.sampled_from([",", "."]))
def test_numbers_give_a_number_none_or_value_error(text: str, decimal: str) -> None:
    try:
        value = numbers.parse(text, decimal)
    except ValueError:
        return
    assert value is None or abs(value) < float("inf")


@FAST
@given(st.text(max_size=30), st.sampled_from(["mdy", "dmy"]), st.booleans())
def test_dates_give_a_day_or_value_error(text: str, order: dates.Order, serial: bool) -> None:
    with contextlib.suppress(ValueError):
        dates.parse_day(text, order, serial)


@FAST
@given(st.lists(st.dates(date(2020, 1, 1), date(2026, 5, 31)), min_size=1, max_size=40).map(sorted),
       st.booleans())  # fmt: skip
def test_year_less_days_get_their_years_back(days: list[date], newest_first: bool) -> None:
    assume(days[-1] - days[0] < (date(2001, 1, 1) - date(2000, 7, 4)))  # exports span well under a year
    steps = all(abs((b - a).days) <= 183 for a, b in zip(days, days[1:], strict=False))
    assume(steps)
    ordered = days[::-1] if newest_first else days
    resolved = dates.resolve_years([(d.month, d.day) for d in ordered], days[-1])
    assert resolved == ordered


def test_zip_member_names_do_not_matter() -> None:
    data = zip_bytes({"a/b/c.csv": tiktok_overview(), "__MACOSX/._c.csv": b"\x00\x05junk"})
    assert imp.detect("t.zip", data).shape == "tiktok_overview"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("empty.csv", b"")
        zf.writestr("Overview.csv", tiktok_overview())
    assert imp.detect("t.zip", out.getvalue()).shape == "tiktok_overview"
