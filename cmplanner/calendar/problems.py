"""Messages the calendar's rules give back: an i18n key and its parameters, rendered in the user's language.

A parameter is formatted when the message is shown, not when it is made, so one problem reads right in English
and in Dutch: a :class:`Term` is translated, a date or time is written for the language, a number too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from cmplanner import i18n


@dataclass(frozen=True)
class Term:
    """An i18n key used as a parameter (a question, a status, a platform): translated when shown."""

    key: str


@dataclass(frozen=True)
class Problem:
    """One thing to fix or to know, e.g. ``calendar.check.missing`` with ``question=Term("check.goal")``."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return i18n.t(self.key, lang, **{name: render(value, lang) for name, value in self.params.items()})


def render(value: Any, lang: str) -> str:
    """A parameter as text in ``lang``."""
    if isinstance(value, Term):
        return i18n.t(value.key, lang)
    if isinstance(value, datetime):
        return f"{i18n.day(value, lang)} {value:%H:%M}"
    if isinstance(value, date):
        return i18n.day(value, lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return i18n.number(value, lang, 0 if float(value).is_integer() else 1)
    return str(value)


class CalendarError(ValueError):
    """A change the rules refuse, with every reason; ``str()`` is the English text."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.problems[0].key if self.problems else "calendar.error")

    def messages(self, lang: str) -> list[str]:
        return [problem.text(lang) for problem in self.problems]

    def __str__(self) -> str:
        return " ".join(self.messages("en"))
