"""The reports' look, shared by the PDF and the HTML: the bundled fonts, the print palette, the marks of a
recommendation's reasons, and the accent colour made readable (WCAG contrast). Status colours come from
:data:`cmplanner.presentation.STATUS_STYLES`, the same table the pages use."""

from __future__ import annotations

from pathlib import Path

FONTS = Path(__file__).parent / "fonts"
FONT_FAMILY = "Lato"
CHART_FONT = "Lato, 'Helvetica Neue', Arial, sans-serif"  # the HTML's SVG charts fall back to a system sans
DEFAULT_ACCENT = "#2E6F6B"

INK = "#1F2628"
"""Headings and big figures."""
BODY = "#2F3A3D"
MUTED = "#6B777A"
RULE = "#D9DFE0"
PANEL = "#F3F5F5"
"""Light bands and boxes behind facts and figures."""
TRACK = "#E6EAEB"
"""The empty part of a cadence bar."""
EFFECT_MARKS: dict[str, tuple[str, str]] = {
    "plus": ("+", "#2E7D4F"),
    "minus": ("–", "#B5651D"),
    "info": ("•", "#8A9598"),
}
"""A reason's effect → its mark and the mark's colour."""


def rgb(colour: str) -> tuple[int, int, int]:
    """``#RRGGBB`` as three 0–255 channels."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def readable(colour: str, minimum: float = 3.0) -> str:
    """The colour, darkened step by step until it contrasts ``minimum``:1 with white (WCAG ratio)."""
    r, g, b = rgb(colour)
    for _ in range(40):
        candidate = f"#{r:02X}{g:02X}{b:02X}"
        if 1.05 / (_luminance(candidate) + 0.05) >= minimum:
            return candidate
        r, g, b = int(r * 0.92), int(g * 0.92), int(b * 0.92)
    return "#333333"


def text_on(colour: str) -> str:
    """White or near-black, whichever reads better on ``colour``."""
    lum = _luminance(colour)
    return "#FFFFFF" if 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 else "#1B1F21"
