"""The catalogs: English and Dutch in step, placeholders matching, formatting per language."""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from cmplanner import i18n
from cmplanner.models import BusinessProfile, Goal

SOURCE = Path(__file__).resolve().parents[2]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogs_have_the_same_keys() -> None:
    en, nl = i18n.catalog("en"), i18n.catalog("nl")
    assert sorted(set(en) - set(nl)) == []
    assert sorted(set(nl) - set(en)) == []


def test_placeholders_match_between_languages() -> None:
    en, nl = i18n.catalog("en"), i18n.catalog("nl")
    mismatched = [key for key in en if placeholders(en[key]) != placeholders(nl[key])]
    assert mismatched == []


def test_no_empty_translations() -> None:
    for lang in i18n.LANGUAGES:
        assert [k for k, v in i18n.catalog(lang).items() if not v.strip()] == []


def test_every_key_used_in_the_code_exists() -> None:
    """Literal keys passed to t()/ctx.t() in app.py, pages/ and cmplanner/ are in the English catalog."""
    pattern = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]*[a-z0-9_])["']""")
    files = [SOURCE / "app.py", *SOURCE.glob("pages/*.py"), *SOURCE.glob("cmplanner/**/*.py")]
    missing = {
        (path.name, key)
        for path in files
        for key in pattern.findall(path.read_text(encoding="utf-8"))
        if not i18n.has(key)
    }
    assert missing == set()


def test_fallback_to_english_then_key() -> None:
    assert i18n.t("page.home", "xx") == i18n.t("page.home", "en")
    assert i18n.t("no.such.key", "nl") == "no.such.key"


@pytest.mark.parametrize(
    ("locale", "lang"), [("nl-NL", "nl"), ("nl_BE", "nl"), ("en-US", "en"), ("fr-FR", "en"), (None, "en")]
)
def test_language_from_browser_locale(locale: str | None, lang: str) -> None:
    assert i18n.pick_language(locale) == lang


def test_numbers_and_dates_follow_the_language() -> None:
    assert i18n.number(12345.6, "en") == "12,346"
    assert i18n.number(12345.6, "nl") == "12.346"
    assert i18n.percent(2.5, "en") == "2.5%"
    assert i18n.percent(2.5, "nl") == "2,5%"
    assert "nov" in i18n.day(date(2026, 11, 22), "nl").lower()
    assert "Nov" in i18n.day(date(2026, 11, 22), "en")


def test_validation_messages_name_the_field_in_the_language() -> None:
    with pytest.raises(ValidationError) as info:
        BusinessProfile(name="", sector="Bakkerij", hours_per_week=-1)
    nl = i18n.explain(info.value, "nl")
    assert nl["name"] == "Bedrijfsnaam is verplicht."
    assert "negatief" in nl["hours_per_week"] or "meer" in nl["hours_per_week"]
    en = i18n.explain(info.value, "en")
    assert en["name"] == "Business name is required."


def test_model_level_error_is_readable() -> None:
    with pytest.raises(ValidationError) as info:
        Goal(platform="instagram", kpi="followers", quarter="2026-Q4", baseline=100, target=100)
    (message,) = i18n.explain(info.value, "en").values()
    assert "target equals the baseline" in message
