"""A strategy's report branding (:class:`~cmplanner.models.Branding`): a logo upload made small enough to live in
the strategy's file, and the report options the download buttons and ``cmplanner report`` build from it.

An uploaded logo is checked (``reports.inputs.check_logo``: a real PNG or JPEG, at most 2 MB) and re-encoded: at
most :data:`LOGO_SIDE` pixels a side (a cover prints it at most 55 mm wide, about 650 px at 300 dpi), PNG when it
has transparency, else JPEG; smaller steps until it fits :data:`~cmplanner.models.LOGO_MAX_STORED` bytes.
"""

from __future__ import annotations

import base64
import io
from datetime import date

from cmplanner.models import LOGO_MAX_STORED, Branding, BrandLogo
from cmplanner.reports.errors import ReportError
from cmplanner.reports.inputs import Options, check_logo, options

LOGO_SIDE = 800


def _encode(image: object, transparent: bool, side: int, quality: int) -> tuple[bytes, str, int, int]:
    from PIL import Image

    assert isinstance(image, Image.Image)
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if transparent:
        copy.convert("RGBA").save(out, "PNG", optimize=True)
        mime = "image/png"
    else:
        copy.convert("RGB").save(out, "JPEG", quality=quality, optimize=True)
        mime = "image/jpeg"
    return out.getvalue(), mime, copy.width, copy.height


def logo_from_upload(data: bytes, name: str = "") -> BrandLogo:
    """An uploaded logo, checked and re-encoded to at most :data:`LOGO_SIDE` px and ``LOGO_MAX_STORED`` bytes.

    Raises ReportError (with a message for the user) for a file that is not a PNG or JPEG or is too big.
    """
    from PIL import Image

    check_logo(data)
    with Image.open(io.BytesIO(data)) as opened:
        opened.load()
        transparent = opened.mode in ("RGBA", "LA", "PA") or "transparency" in opened.info
        side, quality = LOGO_SIDE, 88
        while True:
            encoded, mime, width, height = _encode(opened, transparent, side, quality)
            if len(encoded) <= LOGO_MAX_STORED or side <= 100:
                break
            side, quality = int(side * 0.75), max(60, quality - 8)
    if len(encoded) > LOGO_MAX_STORED:
        raise ReportError("report.error.logo_size", mb=2)
    return BrandLogo(
        mime=mime,  # type: ignore[arg-type]
        data=base64.b64encode(encoded).decode("ascii"),
        width=width,
        height=height,
        name=name[:120],
    )


def report_options(
    branding: Branding,
    lang: str,
    *,
    quarter: str | None = None,
    today: date | None = None,
    client: str | None = None,
    author: str | None = None,
    accent: str | None = None,
    logo: bytes | None = None,
    report_lang: str | None = None,
) -> Options:
    """Validated report options from a strategy's branding; a keyword that is not None overrides it.

    ``lang``: the language when neither ``report_lang`` nor the branding names one (the UI's, or the strategy's).
    """
    stored_logo = branding.logo.raw() if branding.logo is not None else None
    return options(
        lang=report_lang or branding.lang or lang,
        client=branding.client if client is None else client,
        author=branding.author if author is None else author,
        logo=stored_logo if logo is None else logo,
        accent=(branding.accent or None) if accent is None else accent,
        quarter=quarter,
        today=today,
    )
