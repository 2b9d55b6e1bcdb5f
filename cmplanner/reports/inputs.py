"""What the person asking for a report chooses (language, client and author names, logo, accent colour,
quarter), validated into :class:`Options`, and :func:`inert`, which makes any user text safe to print.

:func:`inert` removes control characters and prefixes a leading ``=``/``@``/``+x``/``-x`` (what a spreadsheet
would run as a formula when a table is pasted into one) with an apostrophe. HTML escaping is the HTML renderer's
job (the PDF writes text as text, without markup).
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from cmplanner import i18n, periods
from cmplanner.reports.errors import ReportError
from cmplanner.reports.style import DEFAULT_ACCENT

MAX_LOGO_BYTES = 2_000_000
MAX_LOGO_SIDE = 6000
MAX_NAME = 80
ACCENT_RE = re.compile(r"#[0-9A-Fa-f]{6}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA = re.compile(r"^(?:[=@]|[+-](?=\S))")


@dataclass(frozen=True)
class Logo:
    data: bytes
    mime: Literal["image/png", "image/jpeg"]
    width: int
    height: int


@dataclass(frozen=True)
class Options:
    """What the person asking for the report chooses; make it with :func:`options`, which validates."""

    lang: str = "en"
    client: str = ""
    author: str = ""
    logo: Logo | None = None
    accent: str = DEFAULT_ACCENT
    quarter: str | None = None
    """The quarter whose progress is shown; default: see ``content.report_quarter``."""
    today: date | None = None


def inert(text: str | None) -> str:
    """User text made safe to print and to paste into a spreadsheet: no control characters, no formula."""
    cleaned = _CONTROL.sub("", unicodedata.normalize("NFC", text or "")).replace("\r\n", "\n").strip()
    return "'" + cleaned if _FORMULA.match(cleaned) else cleaned


def check_accent(value: str | None) -> str:
    """``#RRGGBB`` (upper case); ReportError otherwise; empty means the default."""
    value = (value or "").strip()
    if not value:
        return DEFAULT_ACCENT
    if not ACCENT_RE.fullmatch(value):
        raise ReportError("report.error.accent", value=value[:20])
    return value.upper()


def check_logo(data: bytes) -> Logo:
    """A PNG or JPEG that really is one (opened with Pillow), at most 2 MB and 6000 px a side."""
    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_LOGO_BYTES:
        raise ReportError("report.error.logo_size", mb=MAX_LOGO_BYTES // 1_000_000)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        mime: Literal["image/png", "image/jpeg"] = "image/png"
    elif data[:3] == b"\xff\xd8\xff":
        mime = "image/jpeg"
    else:
        raise ReportError("report.error.logo_format")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ReportError("report.error.logo_format") from None
    if not (0 < width <= MAX_LOGO_SIDE and 0 < height <= MAX_LOGO_SIDE):
        raise ReportError("report.error.logo_format")
    return Logo(data, mime, width, height)


def options(
    lang: str = "en",
    client: str = "",
    author: str = "",
    logo: bytes | None = None,
    accent: str | None = None,
    quarter: str | None = None,
    today: date | None = None,
) -> Options:
    """Validated report options; raises ReportError with a clear message for a bad value."""
    if lang not in i18n.LANGUAGES:
        raise ReportError("report.error.lang", value=str(lang)[:10], choices=", ".join(i18n.LANGUAGES))
    names = {"client": inert(client), "author": inert(author)}
    for key, value in names.items():
        if len(value) > MAX_NAME:
            raise ReportError(f"report.error.{key}_long", max=MAX_NAME)
    if quarter is not None:
        try:
            periods.parse_quarter(quarter)
        except ValueError:
            raise ReportError("report.error.quarter", value=quarter[:20]) from None
    return Options(
        lang=lang,
        client=names["client"],
        author=names["author"],
        logo=check_logo(logo) if logo else None,
        accent=check_accent(accent),
        quarter=quarter,
        today=today,
    )
