"""The header aliases, month names and placeholders the importers recognise, kept as data.

``knowledge/import_aliases.json`` lists each alias with where it was seen. Headers are compared after
:func:`norm`, which makes matching case-, accent-, punctuation- and spacing-insensitive.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

PATH = Path(__file__).resolve().parent.parent / "knowledge" / "import_aliases.json"


@cache
def data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(PATH.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """``"Reactions, comments and shares"`` → ``"reactionscommentsandshares"``; ``"Räckvidd"`` → ``"rackvidd"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch)).casefold()


@cache
def concepts() -> dict[str, str]:
    """Normalised alias → column concept (``"rackvidd"`` → ``"reach"``)."""
    found: dict[str, str] = {}
    for concept, entries in data()["columns"].items():
        for alias, _seen in entries:
            found[norm(alias)] = concept
    return found


def concept(header: str) -> str | None:
    return concepts().get(norm(header))


@cache
def months() -> dict[str, int]:
    """Normalised month name or abbreviation → month number."""
    table = data()["months"]
    return {norm(name): int(month) for month, names in table.items() if month.isdigit() for name in names}


@cache
def placeholders() -> frozenset[str]:
    """Cell texts that mean "no value" (compared case-folded and stripped)."""
    return frozenset(text.casefold() for text, _seen in data()["placeholders"])


@cache
def total_words() -> frozenset[str]:
    """First-cell texts of a totals row (dropped), case-folded."""
    return frozenset(text.casefold() for text, _seen in data()["total_rows"])


@cache
def meta_titles() -> dict[str, str | None]:
    """Normalised Meta daily-series title (without the platform) → weekly log field, or None (not kept)."""
    return {norm(title): field for title, field, _seen in data()["meta_series"]["titles"]}


@cache
def meta_platforms() -> dict[str, str]:
    """Normalised title prefix → platform."""
    return {norm(prefix): platform for prefix, platform in data()["meta_series"]["platforms"]}


@cache
def suggestions() -> dict[str, list[str]]:
    """Generic-import target → the column concepts proposed for it, best first."""
    return {key: value for key, value in data()["suggest"].items() if not key.startswith("_")}


@cache
def post_id_patterns() -> tuple[str, ...]:
    """Patterns (RE2, group ``id``) that find a post's id inside a link."""
    return tuple(pattern for pattern, _seen in data()["post_ids"] if not pattern.startswith("_"))


@cache
def formats() -> dict[str, str]:
    """Normalised post type (``"igcarousel"``) → content format (``"carousel"``)."""
    return {norm(text): value for text, value, _seen in data()["formats"]["types"]}
