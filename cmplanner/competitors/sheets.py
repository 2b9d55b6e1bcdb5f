"""Competitor figures from a spreadsheet: a block pasted from it, or a CSV/XLSX upload with a column mapping.

Both end as editor rows for :func:`cmplanner.competitors.log.validate`, so pasted and imported figures pass the
same checks as typed ones. Reading here settles who, where and when: the competitor by name, account or website,
the platform by name, the week from an ISO week or a date (a date counts for the ISO week it falls in). Numbers
are read the way the importers read them (``1.250`` in a Dutch sheet is 1250); a cell that is no number is passed
on as it is, for the log's checks to name. Header names are data (``knowledge/competitors.json``), compared
with the importers' normalisation.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cmplanner import i18n, periods, presentation
from cmplanner.importers import aliases, dates, files, generic, numbers
from cmplanner.importers.problems import ImportProblem
from cmplanner.models import COMPETITOR_FIELDS, Competitor, Platform

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge" / "competitors.json"
TARGETS: tuple[str, ...] = ("competitor", "platform", "week", *COMPETITOR_FIELDS, "note")
"""What a column can be mapped to, in the order a mapping step shows them."""
PASTE_ORDER: tuple[str, ...] = ("competitor", "platform", *COMPETITOR_FIELDS, "note")
"""The columns of a block pasted without a header row: the competitor editor's own order (the week is given)."""
SHOWN_HEADERS = 40


@dataclass
class Sheet:
    """A sheet read into editor rows (``competitor`` id, ``platform``, ``week``, raw figures, ``note``).

    ``errors`` name the line and what to fix; when there are any, nothing should be saved. ``mapping`` is the
    column mapping used (the suggestion, for a pasted block with headers).
    """

    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)


@cache
def _knowledge() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(KNOWLEDGE.read_text(encoding="utf-8"))
    return loaded


@cache
def _headers() -> dict[str, str]:
    """Normalised header → target."""
    return {aliases.norm(name): target for target, names in _knowledge()["columns"].items() for name in names}


@cache
def _platforms() -> dict[str, Platform]:
    """Normalised platform name (the listed ones and the UI's names in every language) → platform."""
    found = {aliases.norm(p.value): p for p in Platform}
    for platform in Platform:
        for lang in i18n.LANGUAGES:
            found[aliases.norm(presentation.platform_name(platform, lang))] = platform
    for key, names in _knowledge()["platforms"].items():
        found.update({aliases.norm(name): Platform(key) for name in names})
    return found


def target_of(header: str) -> str | None:
    """What a header most likely holds: a competitor-sheet name first, then an importer alias."""
    found = _headers().get(aliases.norm(header))
    if found is None:
        found = _knowledge()["concepts"].get(aliases.concept(header) or "")
    return found


def suggest_mapping(headers: Sequence[str]) -> dict[str, str]:
    """A first guess at ``{header: target}``: each target proposed for the first column that fits it."""
    mapping: dict[str, str] = {}
    for header in headers:
        target = target_of(header)
        if target is not None and target not in mapping.values():
            mapping[header] = target
    return mapping


def platform_of(text: str) -> Platform | None:
    """``IG``, ``Insta``, ``X (Twitter)``, ``instagram`` → the platform; None when no platform is called that."""
    return _platforms().get(aliases.norm(text))


def competitor_of(text: str, competitors: Sequence[Competitor]) -> Competitor | None:
    """The competitor a cell names: by name, account (``@broodbar``) or website, case and punctuation ignored."""
    key = aliases.norm(text)
    if not key:
        return None
    for competitor in competitors:
        names = [competitor.name, competitor.website, *competitor.handles.values()]
        if any(aliases.norm(name) == key for name in names if name):
            return competitor
    return None


def _problem(exc: ImportProblem, lang: str) -> Sheet:
    return Sheet(errors=[exc.message(lang)])


def columns(name: str, data: bytes, lang: str) -> tuple[list[str], str | None]:
    """The headers of an upload's first table for the mapping step, or what is wrong with the file."""
    try:
        return generic.columns(files.load(name, data)), None
    except ImportProblem as exc:
        return [], exc.message(lang)


def _check_mapping(
    mapping: Mapping[str, str], headers: Sequence[str], week: str | None, lang: str
) -> tuple[dict[str, int], list[str]]:
    """Target → column index, and what is wrong with the mapping (unknown targets, one twice, columns missing)."""
    errors: list[str] = []
    at: dict[str, int] = {}
    index = {aliases.norm(header): i for i, header in reversed(list(enumerate(headers)))}
    for header, target in mapping.items():
        target = str(target).strip()
        if target.casefold() in generic.SKIP:
            continue
        if target not in TARGETS:
            errors.append(i18n.t("competitors.sheet.bad_target", lang, column=header, target=target))
        elif target in at:
            errors.append(
                i18n.t("competitors.sheet.target_twice", lang, target=i18n.t(f"field.{target}", lang))
            )
        elif aliases.norm(header) not in index:
            shown = ", ".join(headers[:SHOWN_HEADERS]) or "–"
            errors.append(i18n.t("competitors.sheet.missing_column", lang, column=header, headers=shown))
        else:
            at[target] = index[aliases.norm(header)]
    needed = ["competitor"] + ([] if week else ["week"])
    for target in needed:
        if target not in at and not errors:
            errors.append(i18n.t("competitors.sheet.need", lang, target=i18n.t(f"field.{target}", lang)))
    if not errors and not any(target in at for target in (*COMPETITOR_FIELDS, "note")):
        errors.append(i18n.t("competitors.sheet.no_figures", lang))
    return at, errors


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _week(text: str, order: dates.Order, serial: bool) -> str | None:
    try:
        day = dates.parse_day(dates.day_part(text), order, serial)
    except ValueError:
        return None
    return periods.week_key(day) if not isinstance(day, tuple) else None


def _read_rows(
    table: files.Table,
    start: int,
    at: Mapping[str, int],
    competitors: Sequence[Competitor],
    lang: str,
    platform: Platform | None,
    week: str | None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Editor rows from the table's rows from ``start`` on; errors name the line.

    A row carries only the figures its cells give: an empty cell or a placeholder (``-``, ``n/a``) never erases
    a figure already logged.
    """
    body = list(zip(table.rows[start:], table.lines[start:], strict=True))
    texts = [_cell(row, at.get("week")) for row, _ in body]
    order = dates.infer_order(texts, dates.default_order(texts))
    decimals = {
        name: numbers.decimal_mark((_cell(row, at[name]) for row, _ in body), default="")
        for name in COMPETITOR_FIELDS
        if name in at
    }
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    for row, line in body:
        if not any(cell.strip() for cell in row):
            continue
        name = _cell(row, at["competitor"])
        if name.casefold() in aliases.total_words():
            continue
        competitor = competitor_of(name, competitors)
        if competitor is None:
            known = ", ".join(c.name for c in competitors) or "–"
            errors.append(
                i18n.t("competitors.sheet.unknown", lang, line=line, value=name or "–", known=known)
            )
            continue
        where = _platform(row, at, competitor, platform)
        if not isinstance(where, Platform):
            errors.append(i18n.t(where, lang, line=line, value=_cell(row, at.get("platform")) or "–"))
            continue
        when = _week(_cell(row, at["week"]), order, table.workbook) if "week" in at else week
        if when is None:
            errors.append(
                i18n.t("competitors.sheet.week", lang, line=line, value=_cell(row, at["week"]) or "–")
            )
            continue
        values: dict[str, Any] = {
            target: value
            for target in COMPETITOR_FIELDS
            if target in at and (value := _number(_cell(row, at[target]), decimals[target])) is not None
        }
        if "note" in at and _cell(row, at["note"]):
            values["note"] = _cell(row, at["note"])
        rows.append(
            {
                "competitor": competitor.id,
                "name": competitor.name,
                "platform": where.value,
                "week": when,
                **values,
            }
        )
    return rows, errors


def _platform(
    row: list[str], at: Mapping[str, int], competitor: Competitor, fixed: Platform | None
) -> Platform | str:
    """The row's platform, or the i18n key of why it is unclear."""
    if "platform" in at and _cell(row, at["platform"]):
        found = platform_of(_cell(row, at["platform"]))
        return found if found is not None else "competitors.sheet.platform"
    if fixed is not None:
        return fixed
    if len(competitor.platforms) == 1:
        return competitor.platforms[0]
    return "competitors.sheet.which_platform"


def _number(text: str, decimal: str) -> Any:
    """A count cell as a number when it reads as one (empty or a placeholder such as ``-``: None); else the
    text, for the log's checks to name.

    ``decimal`` is the column's decimal mark when some value settles it, else empty: the figures are counts, so
    a lone ``1.422`` or ``1,422`` is read as thousands, whichever mark it uses.
    """
    try:
        return numbers.parse(text, decimal or ("," if "." in text else "."))
    except ValueError:
        return text


def read(
    name: str,
    data: bytes,
    mapping: Mapping[str, str],
    competitors: Sequence[Competitor],
    lang: str,
    *,
    platform: Platform | None = None,
    week: str | None = None,
) -> Sheet:
    """An uploaded sheet (CSV, TSV, XLSX, XLS) read with the user's ``{header: target}`` mapping.

    ``platform``: for sheets without a platform column (else a competitor followed on one platform only gives
    it); ``week``: for sheets without a week or date column.
    """
    try:
        table = files.load(name, data)[0]
    except ImportProblem as exc:
        return _problem(exc, lang)
    head = generic.header_row(table)
    headers = [cell.strip() for cell in table.rows[head]]
    at, errors = _check_mapping(mapping, headers, week, lang)
    sheet = Sheet(headers=[h for h in headers if h], mapping=dict(mapping), errors=errors)
    if not errors:
        sheet.rows, sheet.errors = _read_rows(table, head + 1, at, competitors, lang, platform, week)
    return sheet


def read_paste(
    text: str,
    competitors: Sequence[Competitor],
    lang: str,
    *,
    platform: Platform | None = None,
    week: str | None = None,
) -> Sheet:
    """A block pasted from a spreadsheet: with a header row its columns are recognised by name; without one
    they are taken in the competitor editor's order (competitor, platform, followers, posts, likes, comments,
    note) for ``week``."""
    if not text.strip():
        return Sheet(errors=[i18n.t("competitors.sheet.empty", lang)])
    try:
        table = files.load("paste.txt", text.encode("utf-8"))[0]
    except ImportProblem as exc:
        return _problem(exc, lang)
    first = [cell.strip() for cell in table.rows[0]]
    mapping = suggest_mapping(first)
    if "competitor" in mapping.values() and len(mapping) >= 2:
        at, errors = _check_mapping(mapping, first, week, lang)
        sheet = Sheet(headers=[h for h in first if h], mapping=mapping, errors=errors)
        start = 1
    else:
        if week is None:
            return Sheet(errors=[i18n.t("competitors.sheet.no_header", lang)])
        at = {target: index for index, target in enumerate(PASTE_ORDER)}
        sheet = Sheet(mapping={f"#{index + 1}": target for target, index in at.items()})
        start = 0
    if not sheet.errors:
        sheet.rows, sheet.errors = _read_rows(table, start, at, competitors, lang, platform, week)
    return sheet
