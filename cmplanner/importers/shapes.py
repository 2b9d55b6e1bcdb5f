"""All known export shapes, and recognising a table's shape by its header row (never by the file name)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from cmplanner.importers import aliases
from cmplanner.importers.files import Table
from cmplanner.importers.spec import Shape

HEADER_ROWS = 20
"""How far down a table its header row may be (title lines, ``sep=``, descriptions come first)."""


@cache
def known() -> tuple[Shape, ...]:
    from cmplanner.importers import linkedin, meta, tiktok, x, youtube

    return (*meta.SHAPES, *linkedin.SHAPES, *x.SHAPES, *tiktok.SHAPES, *youtube.SHAPES)


def names() -> list[str]:
    return [shape.name for shape in known()]


@dataclass(frozen=True)
class Match:
    """A table recognised as ``shape``: its header row and where each column concept is."""

    table: Table
    shape: Shape
    header: int
    """Index of the header row in ``table.rows``."""
    columns: dict[str, int]
    """Column concept → column index (the first column with that concept)."""
    headers: list[str]
    """The header row's texts, one per column."""


def repair(row: list[str], width: int) -> list[str]:
    """Join header cells split by an unquoted comma (``Reactions, comments and shares``) until ``width`` is met."""
    row = list(row)
    while len(row) > width:
        for i in range(len(row) - 1):
            joined = f"{row[i]},{row[i + 1]}"
            if aliases.concept(joined) and not aliases.concept(row[i + 1]):
                row[i : i + 2] = [joined]
                break
        else:
            return row
    return row


def concepts_of(row: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        concept = aliases.concept(cell) if len(cell) < 200 else None
        if concept and concept not in found:
            found[concept] = index
    return found


def _fits(shape: Shape, found: dict[str, int], row: list[str]) -> bool:
    for need in shape.required:
        options = need if isinstance(need, tuple) else (need,)
        if not any(option in found for option in options):
            return False
    if shape.allowed is not None:
        cells = [cell for cell in row if cell.strip()]
        if len(found) != len(cells) or not set(found) <= shape.allowed:
            return False
    return True


def match(table: Table) -> Match | None:
    """The best-fitting shape at the first header row any shape fits (most required concepts wins)."""
    for index, row in enumerate(table.rows[:HEADER_ROWS]):
        if index + 1 < len(table.rows):
            row = repair(row, len(table.rows[index + 1]))
        found = concepts_of(row)
        if len(found) < 2:
            continue
        fitting = [shape for shape in known() if _fits(shape, found, row)]
        if fitting:
            best = max(fitting, key=lambda shape: len(shape.required))  # max keeps the first of equals
            return Match(table, best, index, found, [cell.strip() for cell in row])
    return None
