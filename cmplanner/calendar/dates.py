"""Relevant dates for the calendar: public holidays, commercial and social days, and the user's own dates.

Public holidays of the strategy's country come from the ``holidays`` library (maintained per country, with
names in several languages). Commercial, social and international days (Valentine's Day, Mother's Day, Black
Friday, Sinterklaas, …) are not public holidays; they are data in ``knowledge/calendar_days.json``, each with its
rule and source, read here. A country the library does not know gets no public holidays and still gets the days
meant for every country. Names are in the user's language (English or Dutch); a holiday the library cannot name
in that language is named in English, else in the country's own language.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

import holidays

from cmplanner import i18n, periods
from cmplanner.models import OwnDate, Strategy

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
HOLIDAYS_SOURCE = "https://github.com/vacanza/holidays"
HOLIDAY_LANGUAGES: dict[str, tuple[str, ...]] = {"nl": ("nl", "en_US"), "en": ("en_GB", "en_US")}
"""The library's language codes to try, in order, for each UI language."""
DEFAULT_COUNTRY = "NL"
Kind = Literal["holiday", "commercial", "social", "international", "own"]


@dataclass(frozen=True)
class RelevantDate:
    """A day (or, for an own date, a period from ``day`` to ``last``) worth knowing when planning posts."""

    id: str
    """Stable across runs: ``<kind>.<name>.<yyyy-mm-dd>`` (an own date: ``own.<its id>``)."""
    day: date
    last: date
    name: str
    kind: Kind
    source: str = ""
    """Where the date comes from (a URL); empty for the user's own dates."""
    note: str = ""


@dataclass(frozen=True)
class DayRule:
    """One entry of ``calendar_days.json``."""

    id: str
    name: str
    kind: Kind
    countries: tuple[str, ...] | None
    """None: every country."""
    rule: dict[str, int]
    public_holiday: bool
    source: str

    def on(self, year: int) -> date:
        """The day this rule gives in ``year``."""
        r = self.rule
        if "weekday" in r:
            first = date(year, r["month"], 1)
            day = first + timedelta(days=(r["weekday"] - first.weekday()) % 7 + 7 * (r["nth"] - 1))
        else:
            day = date(year, r["month"], r["day"])
        day += timedelta(days=r.get("offset", 0))
        if day.weekday() == calendar.SUNDAY and "sunday_moves" in r:
            day += timedelta(days=r["sunday_moves"])
        return day

    def applies_to(self, country: str) -> bool:
        return self.countries is None or country in self.countries


def _read(name: str) -> Any:
    return json.loads((KNOWLEDGE / name).read_text(encoding="utf-8"))


@cache
def day_rules() -> tuple[DayRule, ...]:
    """The commercial, social and international days of ``knowledge/calendar_days.json``."""
    rules = []
    for raw in _read("calendar_days.json")["days"]:
        countries = raw["countries"]
        rules.append(
            DayRule(
                id=raw["id"],
                name=raw["name"],
                kind=raw["kind"],
                countries=None if countries == "*" else tuple(countries),
                rule=raw["rule"],
                public_holiday=raw.get("public_holiday", False),
                source=raw["source"]["url"],
            )
        )
    return tuple(rules)


def has_public_holidays(country: str) -> bool:
    """Whether the holidays library knows ``country`` (an ISO 3166 code such as ``NL``)."""
    try:
        holidays.country_holidays(country.upper())
    except NotImplementedError:
        return False
    return True


@cache
def _holidays(country: str, year: int, lang: str) -> tuple[tuple[date, str], ...]:
    try:
        supported = holidays.country_holidays(country).supported_languages
    except NotImplementedError:
        return ()
    language = next((code for code in HOLIDAY_LANGUAGES.get(lang, ()) if code in supported), None)
    found = holidays.country_holidays(country, years=year, language=language)
    return tuple(sorted(found.items()))


def public_holidays(country: str, start: date, end: date, lang: str) -> list[RelevantDate]:
    """The public holidays of ``country`` from ``start`` to ``end`` (inclusive), named in ``lang``."""
    country = country.upper()
    result = []
    for year in range(start.year, end.year + 1):
        for day, name in _holidays(country, year, lang):
            if start <= day <= end:
                key = f"holiday.{country.lower()}.{day.isoformat()}"
                result.append(RelevantDate(key, day, day, name, "holiday", HOLIDAYS_SOURCE))
    return result


def special_days(country: str, start: date, end: date, lang: str) -> list[RelevantDate]:
    """The commercial, social and international days of ``country`` from ``start`` to ``end``.

    A day marked ``public_holiday`` is left out where the country has a public holiday on that date.
    """
    country = country.upper()
    taken = {item.day for item in public_holidays(country, start, end, lang)}
    result = []
    for year in range(start.year, end.year + 1):
        for rule in day_rules():
            day = rule.on(year)
            if not (start <= day <= end and rule.applies_to(country)):
                continue
            if rule.public_holiday and day in taken:
                continue
            name = i18n.t(f"calendar.day.{rule.name}", lang)
            result.append(
                RelevantDate(
                    f"{rule.kind}.{rule.id}.{day.isoformat()}", day, day, name, rule.kind, rule.source
                )
            )
    return result


def own_dates(dates: Sequence[OwnDate], start: date, end: date) -> list[RelevantDate]:
    """The user's own dates and periods that overlap ``start``–``end``."""
    return [
        RelevantDate(f"own.{item.id}", item.start, item.last, item.title, "own", "", item.note)
        for item in dates
        if item.start <= end and item.last >= start
    ]


def relevant_dates(
    country: str, start: date, end: date, lang: str, own: Sequence[OwnDate] = ()
) -> list[RelevantDate]:
    """Everything from ``start`` to ``end``: public holidays, special days and own dates, by day."""
    found = [
        *public_holidays(country, start, end, lang),
        *special_days(country, start, end, lang),
        *own_dates(own, start, end),
    ]
    order = {"own": 0, "holiday": 1, "commercial": 2, "social": 3, "international": 4}
    return sorted(found, key=lambda item: (item.day, order[item.kind], item.name))


def strategy_dates(strategy: Strategy, start: date, end: date, lang: str) -> list[RelevantDate]:
    """The relevant dates for ``strategy``: its country (NL when it has no profile yet) and its own dates."""
    country = strategy.profile.country if strategy.profile else DEFAULT_COUNTRY
    return relevant_dates(country, start, end, lang, strategy.own_dates)


def month_range(month: str) -> tuple[date, date]:
    """The first and last calendar day of ``month`` (``2026-12``)."""
    year, number = periods.parse_month(month)
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])
