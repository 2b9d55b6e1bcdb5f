"""LinkedIn's real ``.xls`` files (BIFF8 in an OLE2 container), built here by a tiny writer, read through xlrd.

Nothing installable writes ``.xls`` any more, so :func:`xls_bytes` writes the few records xlrd needs: a BOF, the
cell formats (general, and the built-in date format 14), one BOUNDSHEET per sheet, LABEL (text), NUMBER (number
or date serial) cells, EOF; the stream is padded to 4 KiB so it lives in regular sectors (no mini stream), with one
FAT sector and one directory sector.
"""

from __future__ import annotations

import struct
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmplanner import importers as imp
from cmplanner.models import Platform
from tests.unit.test_importers import LI_DESCRIPTION, LI_FOLLOWERS, LI_POSTS, LI_POSTS_HEADER, by_week, table

ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _text(value: str, length_bytes: int) -> bytes:
    """A BIFF8 unicode string, stored as UTF-16 (flag 1)."""
    return struct.pack("<H" if length_bytes == 2 else "<B", len(value)) + b"\x01" + value.encode("utf-16-le")


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0, 0, 0, 0))


def _sheet(rows: list[list[Any]]) -> bytes:
    out = [_bof(0x0010)]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, date):
                moment = (
                    value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
                )
                serial = (moment - datetime(1899, 12, 30)).total_seconds() / 86400
                out.append(_record(0x0203, struct.pack("<HHHd", r, c, 1, serial)))  # XF 1: a date
            elif isinstance(value, int | float):
                out.append(_record(0x0203, struct.pack("<HHHd", r, c, 0, float(value))))
            else:
                out.append(_record(0x0204, struct.pack("<HHH", r, c, 0) + _text(str(value), 2)))
    out.append(_record(0x000A))
    return b"".join(out)


def _xf(number_format: int) -> bytes:
    return _record(0x00E0, struct.pack("<HHHBBBBIIH", 0, number_format, 0, 0, 0, 0, 0, 0, 0, 0))


def xls_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    """A BIFF8 workbook with these sheets (text, numbers, dates)."""
    head = _bof(0x0005) + _record(0x0042, struct.pack("<H", 1200)) + _xf(0) + _xf(14)

    def bound(position: int, name: str) -> bytes:
        return _record(0x0085, struct.pack("<IBB", position, 0, 0) + _text(name, 1))

    bodies = [_sheet(rows) for rows in sheets.values()]
    position = len(head) + sum(len(bound(0, name)) for name in sheets) + len(_record(0x000A))
    bounds = b""
    for name, body in zip(sheets, bodies, strict=True):
        bounds += bound(position, name)
        position += len(body)
    stream = head + bounds + _record(0x000A) + b"".join(bodies)
    stream += b"\x00" * (max(4096, -(-len(stream) // 512) * 512) - len(stream))
    return _compound_file(stream)


def _compound_file(stream: bytes) -> bytes:
    """An OLE2 container (512-byte sectors): FAT in sector 0, the Workbook stream, then the directory."""
    sectors = len(stream) // 512
    assert sectors <= 125, "one FAT sector holds 128 entries"
    fat = [FATSECT] + [n + 2 for n in range(sectors - 1)] + [ENDOFCHAIN, ENDOFCHAIN]
    fat += [FREESECT] * (128 - len(fat))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
    )
    header += struct.pack("<9I", 0, 1, sectors + 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    header += struct.pack("<I", 0) + b"\xff" * (4 * 108)  # DIFAT: the FAT is sector 0

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00" if name else b""
        fields = struct.pack("<HBBIII", len(raw), kind, 1 if name else 0, NOSTREAM, NOSTREAM, child)
        return raw.ljust(64, b"\x00") + fields + bytes(36) + struct.pack("<III", start, size, 0)

    directory = (
        entry("Root Entry", 5, 1, ENDOFCHAIN, 0)
        + entry("Workbook", 2, NOSTREAM, 1, len(stream))
        + entry("", 0, NOSTREAM, 0, 0) * 2
    )
    return header + struct.pack("<128I", *fat) + stream + directory


def test_the_writer_makes_files_xlrd_reads() -> None:
    import io

    import xlrd

    book = xlrd.open_workbook(
        file_contents=xls_bytes({"S": [["a", 1.5, date(2026, 3, 23)]]}), logfile=io.StringIO()
    )
    sheet = book.sheet_by_index(0)
    assert [c.value for c in sheet.row(0)][:2] == ["a", 1.5]
    assert xlrd.xldate_as_datetime(sheet.cell(0, 2).value, book.datemode) == datetime(2026, 3, 23)


def test_linkedin_content_xls_with_text_dates() -> None:
    data = xls_bytes({"All posts": [LI_DESCRIPTION, *table(LI_POSTS_HEADER, LI_POSTS)]})
    parsed = imp.read("company_content_1700000000.xls", data)
    assert (parsed.detected.platform, parsed.detected.shape) == (Platform.LINKEDIN, "linkedin_content")
    # as in the xlsx test: a1 + a2 in W13, a3 in W14; numbers come back from the BIFF doubles as whole numbers
    assert by_week(parsed) == {
        "2026-W13": {"posts": 2, "impressions": 1000, "video_views": 50, "clicks": 30, "reactions": 50, "comments": 5,
                     "shares": 3},
        "2026-W14": {"posts": 1, "impressions": 300, "video_views": 0, "clicks": 5, "reactions": 10, "comments": 1,
                     "shares": 0},
    }  # fmt: skip


def test_linkedin_followers_xls_with_date_cells() -> None:
    rows = [list(row) for row in LI_FOLLOWERS]
    for row in rows[2:]:
        month, day, year = map(int, row[0].split("/"))
        row[0] = date(year, month, day)  # a real date cell (number with a date format)
    data = xls_bytes({"New followers": rows, "Location": [["Location", "Total followers"], ["Utrecht", 40]]})
    parsed = imp.read("followers.xls", data, baseline_followers=500)
    assert parsed.detected.shape == "linkedin_followers"
    # 500 + 15 = 515; + 8 = 523
    assert by_week(parsed) == {"2026-W13": {"followers": 515}, "2026-W14": {"followers": 523}}


def test_an_xls_that_is_really_an_xlsx_and_a_cut_xls() -> None:
    from tests.unit.test_importers import xlsx_bytes

    err = pytest.raises(imp.ImportProblem, imp.read, "f.xls", xlsx_bytes({"S": [["a"]]})).value
    assert (err.key, err.params["found"]) == ("import.mismatch", "XLSX")
    data = xls_bytes({"All posts": [LI_DESCRIPTION, *table(LI_POSTS_HEADER, LI_POSTS)]})
    for cut in (600, 1200, len(data) - 300):
        assert (
            pytest.raises(imp.ImportProblem, imp.read, "c.xls", data[:cut]).value.key == "import.bad_workbook"
        )


XLS = xls_bytes({"All posts": [LI_DESCRIPTION, *table(LI_POSTS_HEADER, LI_POSTS)]})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(XLS) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_xls_gives_rows_or_a_problem(changes: list[tuple[int, int]]) -> None:
    data = bytearray(XLS)
    for at, value in changes:
        data[at] = value
    try:
        imp.read("content.xls", bytes(data))
    except imp.ImportProblem as err:
        assert err.key != "import.failed", err.__cause__
