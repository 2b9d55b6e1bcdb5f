"""Translations and locale-aware formatting.

Catalogs are flat JSON files ``locales/<lang>/<area>.json`` (``{"key": "text with {name}"}``); all files of a
language are merged, and a key defined twice is an error. Lookups fall back to English, then to the key.
Numbers and dates are formatted with Babel for the language.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands"}
DEFAULT = "en"
LOCALES = {"en": "en_GB", "nl": "nl_NL"}
CATALOG_DIR = Path(__file__).parent / "locales"


@cache
def catalog(lang: str) -> dict[str, str]:
    """All strings of one language, merged from its catalog files."""
    merged: dict[str, str] = {}
    for path in sorted((CATALOG_DIR / lang).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        clash = merged.keys() & data.keys()
        if clash:
            raise ValueError(f"{path}: keys defined twice: {sorted(clash)}")
        merged.update(data)
    return merged


def t(key: str, lang: str = DEFAULT, /, **kwargs: Any) -> str:
    """The text for ``key`` in ``lang`` (English if missing there), with ``{placeholders}`` filled."""
    text = catalog(lang).get(key) or catalog(DEFAULT).get(key) or key
    return text.format(**kwargs) if kwargs else text


def tn(key: str, lang: str, n: int, /, **kwargs: Any) -> str:
    """A counted text: ``<key>.one`` for 1, ``<key>.other`` otherwise (English and Dutch need no more forms)."""
    return t(f"{key}.one" if n == 1 else f"{key}.other", lang, n=n, **kwargs)


def has(key: str, lang: str = DEFAULT) -> bool:
    return key in catalog(lang)


def pick_language(locale: str | None) -> str:
    """The UI language for a browser locale such as ``nl-BE``; English when we do not speak it."""
    if locale:
        prefix = locale.replace("_", "-").split("-")[0].lower()
        if prefix in LANGUAGES:
            return prefix
    return DEFAULT


def number(value: float | int | None, lang: str, digits: int = 0) -> str:
    """``12345.6`` → ``12,346`` (en) / ``12.346`` (nl); ``None`` → an en dash."""
    if value is None:
        return "–"
    fmt = "#,##0" + ("." + "0" * digits if digits else "")
    from babel.numbers import format_decimal  # Babel loads where something is formatted, not for every lookup

    return format_decimal(value, format=fmt, locale=LOCALES[lang])


def percent(value: float | None, lang: str, digits: int = 1) -> str:
    """A value already in percent (2.5 → ``2.5%`` / ``2,5%``)."""
    if value is None:
        return "–"
    fmt = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    from babel.numbers import format_percent

    return format_percent(value / 100, format=fmt, locale=LOCALES[lang])


def day(value: date | datetime, lang: str, style: str = "medium") -> str:
    from babel.dates import format_date

    return format_date(value, format=style, locale=LOCALES[lang])


def time_of_day(value: datetime, lang: str) -> str:
    """``14:02`` in the local time zone of this computer (an aware datetime is converted first)."""
    local = value.astimezone() if value.tzinfo else value
    from babel.dates import format_time

    return format_time(local, format="HH:mm", locale=LOCALES[lang])


def explain(error: ValidationError, lang: str) -> dict[str, str]:
    """Readable messages per field (dotted path) for a pydantic error, e.g. ``{"name": "Name is required."}``.

    The field is named by ``field.<model>.<field>`` if the catalog has it (a persona's name is not the business
    name), else by ``field.<field>``; numbers in the message are formatted for the language.
    """
    model = error.title.lower()
    messages: dict[str, str] = {}
    for err in error.errors():
        loc = [str(p) for p in err["loc"]]
        named = [p for p in loc if not p.isdigit()]
        field = named[-1] if named else ""
        specific = f"field.{model}.{field}"
        label = t(specific if has(specific) else f"field.{field}", lang) if field else ""
        ctx: dict[str, str] = {}
        for name, value in (err.get("ctx") or {}).items():
            if isinstance(value, bool):
                continue
            if isinstance(value, int | float):
                ctx[name] = number(value, lang, 0 if float(value).is_integer() else 2)
            elif isinstance(value, str):
                ctx[name] = value
        key = f"error.{err['type']}"
        message = t(key if has(key) else "error.invalid", lang, field=label, **ctx)
        messages.setdefault(".".join(loc), message)
    return messages
