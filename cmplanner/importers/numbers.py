"""Numbers as exports write them: ``1250``, ``"15,000"``, ``1.234,5``, ``424.0``, ``-``, ``undefined``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cmplanner.importers import aliases

MAX_VALUE = 10**12
"""No account has a trillion of anything (and JSON tools lose precision beyond): larger is a broken cell."""

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'’")
_DIGITS = re.compile(r"[0-9.,]*[0-9][0-9.,]*")
_GROUPED = {",": re.compile(r"[1-9]\d{0,2}(?:,\d{3})+"), ".": re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")}
_GROUPED_RE2 = {",": r"^[1-9][0-9]{0,2}(?:,[0-9]{3})+$", ".": r"^[1-9][0-9]{0,2}(?:\.[0-9]{3})+$"}


def decimal_mark(samples: Iterable[str], default: str = ".") -> str:
    """The decimal mark a column uses, judged from values that can only be read one way; else ``default``."""
    for text in samples:
        if text.isdigit():
            continue  # settles nothing
        s = text.strip().translate(_SPACES).lstrip("+-\u2212").rstrip("%")
        if not s or not _DIGITS.fullmatch(s):
            continue
        comma, dot = s.rfind(","), s.rfind(".")
        if comma >= 0 and dot >= 0:
            return "," if comma > dot else "."
        for mark, at in ((",", comma), (".", dot)):
            if at >= 0 and s.count(mark) == 1 and (len(s) - at - 1 != 3 or s[:at] in ("", "0")):
                return mark
    return default


def parse(text: str, decimal: str = ".") -> float | None:
    """A cell as a number; None for a placeholder; ValueError if it is not a number.

    ``decimal`` settles the one ambiguous case, a single separator followed by three digits (``1,250``).
    """
    s = text.strip()
    if s.isdecimal():
        return int(s)
    thousands = "," if decimal == "." else "."
    if _GROUPED[thousands].fullmatch(s):  # "15,000": the next most common case
        return int(s.replace(thousands, ""))
    if s.casefold() in aliases.placeholders():
        return None
    s = s.translate(_SPACES).replace("\u2212", "-")
    s = s.removesuffix("%")
    sign = 1
    if s and s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if not _DIGITS.fullmatch(s):
        raise ValueError(text)
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        mark = "," if s.rfind(",") > s.rfind(".") else "."
        whole, _, frac = s.rpartition(mark)
        if not _GROUPED["." if mark == "," else ","].fullmatch(whole) or not frac.isdigit():
            raise ValueError(text)
        return sign * float(whole.replace("." if mark == "," else ",", "") + "." + frac)
    mark = "," if commas else "."
    if commas + dots > 1:
        if not _GROUPED[mark].fullmatch(s):
            raise ValueError(text)
        return sign * int(s.replace(mark, ""))
    whole, _, frac = s.partition(mark)
    if not frac.isdigit() and frac:
        raise ValueError(text)
    if len(frac) == 3 and whole not in ("", "0") and len(whole) <= 3 and decimal != mark:
        return sign * int(whole + frac)  # 15,000 or 1.234 as thousands
    return sign * float((whole or "0") + "." + (frac or "0"))


@dataclass
class Column:
    """A column of cells as numbers: ``values`` (NaN for an empty cell or a placeholder), and which cells are
    not numbers (``bad``) or beyond :data:`MAX_VALUE` (``large``)."""

    values: np.ndarray
    bad: np.ndarray
    large: np.ndarray


def _whole(numbers: pa.Array) -> Column:
    values = numbers.to_numpy(zero_copy_only=False).astype(float)
    with np.errstate(invalid="ignore"):
        large = np.abs(values) > MAX_VALUE
    values[large] = np.nan
    return Column(values, np.zeros(len(values), dtype=bool), large)


def parse_array(cells: pa.Array, decimal: str = ".") -> Column:
    """:func:`parse` for a whole column: plain digits and ``15,000``-style thousands in Arrow's C++ kernels,
    everything else once per distinct text."""
    size = len(cells)
    if pc.all(pc.ascii_is_decimal(cells)).as_py():  # the common case: whole numbers only, cast in one go
        try:
            return _whole(pc.cast(cells, pa.int64()))
        except pa.ArrowInvalid:  # beyond 64 bits: the general way below says which are too large
            pass
    empty = pc.equal(cells, "")
    digits = pc.and_(pc.ascii_is_decimal(cells), pc.less_equal(pc.utf8_length(cells), 15))
    if pc.all(pc.or_(digits, empty)).as_py():  # whole numbers and empty cells
        return _whole(pc.cast(pc.if_else(empty, pa.scalar(None, pa.string()), cells), pa.int64()))
    texts = pc.utf8_trim_whitespace(cells)
    empty = pc.equal(texts, "")
    digits = pc.and_(pc.ascii_is_decimal(texts), pc.less_equal(pc.utf8_length(texts), 15))
    values = np.full(size, np.nan)
    bad = np.zeros(size, dtype=bool)
    done = np.asarray(empty, dtype=bool)
    thousands = "," if decimal == "." else "."
    for pattern, strip in ((None, None), (_GROUPED_RE2[thousands], thousands)):
        found = digits if pattern is None else pc.match_substring_regex(texts, pattern)
        hit = np.asarray(found, dtype=bool) & ~done
        if hit.any():
            part = pc.filter(texts, pa.array(hit))
            if strip:
                part = pc.replace_substring(part, strip, "")
            values[hit] = pc.cast(part, pa.int64()).to_numpy(zero_copy_only=False)
            done |= hit
    rest = np.flatnonzero(~done)
    if len(rest):
        coded = pc.dictionary_encode(texts.take(pa.array(rest, pa.int64())))
        parsed = []
        for text in coded.dictionary.to_pylist():
            try:
                parsed.append((parse(text, decimal), False))
            except ValueError:
                parsed.append((None, True))
        picked = coded.indices.to_numpy(zero_copy_only=False)
        found = np.array([np.nan if v is None else float(v) for v, _ in parsed], dtype=float)[picked]
        values[rest] = found
        bad[rest] = np.array([b for _, b in parsed], dtype=bool)[picked]
    with np.errstate(invalid="ignore"):
        large = np.abs(values) > MAX_VALUE
    values[large] = np.nan
    return Column(values, bad, large)
