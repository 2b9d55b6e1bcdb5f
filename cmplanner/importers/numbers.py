"""Numbers as exports write them: ``1250``, ``"15,000"``, ``1.234,5``, ``424.0``, ``-``, ``undefined``."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cmplanner.importers import aliases

MAX_VALUE = 10**12
"""No account has a trillion of anything (and JSON tools lose precision beyond): larger is a broken cell."""

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'’")
_DIGITS = re.compile(r"[0-9.,]*[0-9][0-9.,]*")
_GROUPED = {",": re.compile(r"[1-9]\d{0,2}(?:,\d{3})+"), ".": re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")}


def decimal_mark(samples: Iterable[str], default: str = ".") -> str:
    """The decimal mark a column uses, judged from values that can only be read one way; else ``default``."""
    for text in samples:
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
