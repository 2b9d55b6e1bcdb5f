"""The generic import: any CSV/XLSX with a date column, once the user has said which column holds what.

A mapping is ``{column header: target}``; a target is ``date``, ``post_id``, a weekly-log field or
``followers_change``. Several columns may feed one target (they are summed). With a ``post_id`` column
each row is a post (posts are counted); without, each row is a day (or a week: ``2026-W05`` reads as its Monday).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cmplanner.importers import aliases, numbers
from cmplanner.importers.files import Table
from cmplanner.importers.problems import ImportProblem
from cmplanner.importers.shapes import HEADER_ROWS, Match
from cmplanner.importers.spec import FOLLOWER_CHANGE, Shape
from cmplanner.models import METRIC_FIELDS, Platform

SHAPE_NAME = "generic"
TARGETS: tuple[str, ...] = ("date", "post_id", *METRIC_FIELDS, FOLLOWER_CHANGE)
"""What a column can be mapped to, in the order a mapping step shows them."""
SKIP = ("", "skip", "ignore")


def _filled(row: list[str]) -> int:
    return sum(1 for cell in row if cell.strip())


def _is_number(cell: str) -> bool:
    try:
        return numbers.parse(cell) is not None
    except ValueError:
        return False


def header_row(table: Table) -> int:
    """The first row as wide as the table (or nearly) that is mostly text: the headers."""
    top = table.rows[:HEADER_ROWS]
    width = max((_filled(row) for row in top), default=0)
    for index, row in enumerate(top):
        filled = [cell for cell in row if cell.strip()]
        if len(filled) >= max(2, (width * 3 + 4) // 5) and sum(map(_is_number, filled)) * 2 < len(filled):
            return index
    return 0


def columns(tables: Sequence[Table]) -> list[str]:
    """The headers of the first table, for the column-mapping step (empty headers left out)."""
    table = tables[0]
    return [cell.strip() for cell in table.rows[header_row(table)] if cell.strip()]


def suggest(headers: Sequence[str]) -> dict[str, str]:
    """A first guess at a mapping from the known aliases: each target proposed for one column at most."""
    found = {h: aliases.concept(h) for h in headers}
    mapping: dict[str, str] = {}
    for target, wanted in aliases.suggestions().items():
        for concept in wanted:
            header = next((h for h, c in found.items() if c == concept and h not in mapping), None)
            if header is not None:
                mapping[header] = target
                break
    return mapping


def match(tables: Sequence[Table], mapping: Mapping[str, str], platform: Platform, label: str) -> Match:
    """A generic shape built from the mapping, on the first table whose header row holds all mapped columns."""
    chosen = {str(column).strip(): str(target).strip() for column, target in mapping.items()}
    chosen = {column: target for column, target in chosen.items() if target.casefold() not in SKIP}
    for target in chosen.values():
        if target not in TARGETS:
            raise ImportProblem("import.mapping.bad_target", name=label, target=target)
    if list(chosen.values()).count("date") != 1:
        raise ImportProblem("import.mapping.no_date", name=label)
    if list(chosen.values()).count("post_id") > 1:
        raise ImportProblem("import.mapping.two_ids", name=label)
    if (
        not any(target not in ("date", "post_id") for target in chosen.values())
        and "post_id" not in chosen.values()
    ):
        raise ImportProblem("import.mapping.no_metric", name=label)
    wanted = {aliases.norm(column): column for column in chosen}
    for table in tables:
        for index, row in enumerate(table.rows[:HEADER_ROWS]):
            at: dict[str, int] = {}
            for col, cell in enumerate(row):
                key = aliases.norm(cell)
                if key in wanted and wanted[key] not in at:
                    at[wanted[key]] = col
            if len(at) == len(chosen):
                return Match(
                    table, _shape(chosen, at, platform), index, _columns(at), [c.strip() for c in row]
                )
    missing = next(iter(chosen))
    found = columns(tables)
    for column in chosen:
        if aliases.norm(column) not in {aliases.norm(h) for h in found}:
            missing = column
            break
    raise ImportProblem(
        "import.mapping.missing_column", name=label, column=missing, headers=", ".join(found[:40])
    )


def _columns(at: dict[str, int]) -> dict[str, int]:
    return {f"#{index}": index for index in at.values()}


def _shape(chosen: dict[str, str], at: dict[str, int], platform: Platform) -> Shape:
    by_target: dict[str, list[str]] = {}
    for column, target in chosen.items():
        by_target.setdefault(target, []).append(f"#{at[column]}")
    fields = {
        target: (tuple(cols),) for target, cols in by_target.items() if target not in ("date", "post_id")
    }
    key = by_target.get("post_id", [None])[0]
    return Shape(
        name=SHAPE_NAME,
        platform=platform,
        kind="posts" if key else "days",
        required=(),
        date=(by_target["date"][0],),
        fields=fields,
        key=key,
        order=None,
        empty_is_zero=False,
        platform_fixed=False,
    )
