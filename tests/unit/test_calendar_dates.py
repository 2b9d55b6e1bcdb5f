"""Relevant dates per country: public holidays (holidays library), commercial days (sourced data), own dates."""

from __future__ import annotations

from datetime import date

import pytest

from cmplanner import i18n
from cmplanner.calendar import dates
from cmplanner.models import BusinessProfile, OwnDate, Strategy

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def named(country: str, lang: str = "nl") -> dict[str, list[date]]:
    found: dict[str, list[date]] = {}
    for item in dates.relevant_dates(country, *YEAR, lang):
        found.setdefault(item.name, []).append(item.day)
    return found


def test_netherlands_2026() -> None:
    nl = named("NL")
    assert nl["Koningsdag"] == [date(2026, 4, 27)]  # once: the public holiday, not the data entry as well
    assert nl["Moederdag"] == [date(2026, 5, 10)]  # 2nd Sunday of May
    assert nl["Vaderdag"] == [date(2026, 6, 21)]  # 3rd Sunday of June
    assert nl["Sinterklaas"] == [date(2026, 12, 5)]
    assert nl["Valentijnsdag"] == [date(2026, 2, 14)] and nl["Dierendag"] == [date(2026, 10, 4)]
    assert nl["Black Friday"] == [date(2026, 11, 27)] and nl["Halloween"] == [date(2026, 10, 31)]
    assert nl["Eerste kerstdag"] == [date(2026, 12, 25)] and "Kerst" not in nl  # the holiday, not the data
    assert "Moederdag (Antwerpen)" not in nl


def test_belgium_2026() -> None:
    be = named("BE")
    assert be["Vaderdag"] == [date(2026, 6, 14)]  # 2nd Sunday of June
    assert be["Moederdag"] == [date(2026, 5, 10)]
    assert be["Moederdag (Antwerpen)"] == [date(2026, 8, 15)]
    assert be["O. L. V. Hemelvaart"] == [date(2026, 8, 15)]  # a public holiday on the same day: both shown
    assert be["Sinterklaas"] == [date(2026, 12, 6)]
    assert "Koningsdag" not in be


def test_a_country_without_own_commercial_data_falls_back_to_the_shared_days() -> None:
    de = named("DE", "en")
    assert de["Valentine's Day"] == [date(2026, 2, 14)] and de["Black Friday"] == [date(2026, 11, 27)]
    assert de["Christmas Day"] == [date(2026, 12, 25)] and "Christmas" not in de  # the library names it
    assert "Sinterklaas" not in de and "Mother's Day" not in de
    assert de["German Unity Day"] == [date(2026, 10, 3)]


def test_a_country_the_library_does_not_know_still_gets_the_shared_days() -> None:
    assert not dates.has_public_holidays("ZZ") and dates.has_public_holidays("nl")
    zz = named("ZZ", "en")
    assert zz["Christmas"] == [date(2026, 12, 25)]  # no public holiday that day, so the data entry shows
    assert zz["Valentine's Day"] == [date(2026, 2, 14)]
    assert all(item.kind != "holiday" for item in dates.relevant_dates("ZZ", *YEAR, "en"))


def test_names_in_english_and_dutch() -> None:
    en, nl = named("NL", "en"), named("NL", "nl")
    assert en["King's Day"] == nl["Koningsdag"] == [date(2026, 4, 27)]
    assert en["Mother's Day"] == nl["Moederdag"]
    assert en["New Year's Eve"] == nl["Oudejaarsavond"] == [date(2026, 12, 31)]


@pytest.mark.parametrize(("year", "day"), [(2025, 26), (2026, 27), (2031, 26), (2032, 27)])
def test_kings_day_moves_to_saturday_when_the_27th_is_a_sunday(year: int, day: int) -> None:
    rule = next(rule for rule in dates.day_rules() if rule.id == "kings_day")
    assert rule.on(year) == date(year, 4, day)


def test_every_day_rule_has_a_source_and_a_name_in_both_languages() -> None:
    for rule in dates.day_rules():
        assert rule.source.startswith("https://"), rule.id
        assert i18n.has(f"calendar.day.{rule.name}", "en") and i18n.has(f"calendar.day.{rule.name}", "nl")


def test_own_dates_and_periods_that_overlap_the_range() -> None:
    own = [
        OwnDate(
            id="a", title="Kerstbestellingen", start=date(2026, 11, 25), end=date(2026, 12, 20), note="stol"
        ),
        OwnDate(id="b", title="Open dag", start=date(2027, 1, 9)),
    ]
    strategy = Strategy(
        name="Bakkerij", profile=BusinessProfile(name="B", sector="Bakkerij", country="BE"), own_dates=own
    )
    december = dates.strategy_dates(strategy, *dates.month_range("2026-12"), "nl")
    first = december[0]
    assert (first.id, first.day, first.last, first.kind, first.note) == (
        "own.a",
        date(2026, 11, 25),
        date(2026, 12, 20),
        "own",
        "stol",
    )
    assert "Open dag" not in [item.name for item in december]
    assert [item.name for item in december if item.day == date(2026, 12, 6)] == ["Sinterklaas"]  # BE's day
    assert len({item.id for item in december}) == len(december)
