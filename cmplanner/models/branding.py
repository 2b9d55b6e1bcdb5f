"""How a strategy's client reports look: the client and author on the cover, the logo, the accent colour and the
report's language. Saved with the strategy, so every download button and ``cmplanner report`` use the same."""

from __future__ import annotations

import base64
from typing import Annotated, Literal

from pydantic import Field

from cmplanner.models.base import Record, ShortText

LOGO_MAX_STORED = 300_000
"""Bytes of a stored logo at most (``cmplanner.branding`` re-encodes an upload to fit): it lives in the strategy's
file, which every page reads."""
BrandName = Annotated[str, Field(max_length=80)]


class BrandLogo(Record):
    """A logo as stored: PNG or JPEG bytes as base64 text, with its size in pixels and the uploaded file's name."""

    mime: Literal["image/png", "image/jpeg"]
    data: Annotated[str, Field(max_length=LOGO_MAX_STORED * 4 // 3 + 4)]
    """Base64 of the image."""
    width: Annotated[int, Field(gt=0)]
    height: Annotated[int, Field(gt=0)]
    name: ShortText = ""

    def raw(self) -> bytes:
        """The image bytes."""
        return base64.b64decode(self.data)


class Branding(Record):
    """The report's cover and colours for one strategy; empty fields mean the defaults (the business name as the
    client, the app's accent colour, the UI language)."""

    client: BrandName = ""
    author: BrandName = ""
    accent: Annotated[str, Field(pattern=r"^(#[0-9A-Fa-f]{6})?$")] = ""
    lang: Literal["en", "nl"] | None = None
    logo: BrandLogo | None = None
