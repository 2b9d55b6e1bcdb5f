"""Importing the platforms' own analytics exports into the weekly log (IMPORT_FORMATS.md).

``detect`` says what a file is, ``read`` turns it into posts and weekly rows (rows that cannot be read are
skipped and listed), ``plan`` combines files with what is stored (posts merged, weeks by the week rule) and gives
what to write. Every failure is an :class:`ImportProblem` (an ``import.*`` message key and its params), never
another exception. No Streamlit here.

Modules: ``files`` and ``text`` (bytes → tables, limits), ``cells`` (a table's columns, read by Arrow),
``numbers`` and ``dates`` (cells, a column at a time), ``years`` (days without a year), ``aliases`` (header
aliases as data), ``spec``/``shapes`` and one module per platform family (the shapes), ``generic`` (column
mapping), ``records`` (table → rows), ``post_rows`` (ids, texts, one row per post), ``finish`` (an upload's rows
made final), ``weeks`` (daily rows → ISO weeks), ``planning`` (the week rule, what an import does), ``preview`` (diff).
"""

from __future__ import annotations

from cmplanner import i18n
from cmplanner.importers.files import MAX_BYTES, MAX_ROWS, MAX_UNZIPPED
from cmplanner.importers.generic import TARGETS as MAPPING_TARGETS
from cmplanner.importers.generic import suggest as _suggest
from cmplanner.importers.planning import Plan, combine_week, plan
from cmplanner.importers.preview import diff, merge, suggest_baseline
from cmplanner.importers.problems import ImportProblem
from cmplanner.importers.reader import Detected, Parsed, detect, generic_columns, read
from cmplanner.importers.records import Skipped
from cmplanner.importers.shapes import names as _names

__all__ = [
    "MAPPING_TARGETS",
    "MAX_BYTES",
    "MAX_ROWS",
    "MAX_UNZIPPED",
    "SHAPES",
    "Detected",
    "ImportProblem",
    "Parsed",
    "Plan",
    "Skipped",
    "combine_week",
    "describe",
    "detect",
    "diff",
    "generic_columns",
    "merge",
    "plan",
    "read",
    "suggest_baseline",
    "suggest_mapping",
]

SHAPES: tuple[str, ...] = (*_names(), "generic")
"""Every shape name ``Detected.shape`` can hold (several joined with ``+`` for a zip or workbook)."""


def suggest_mapping(columns: list[str]) -> dict[str, str]:
    """A first guess at ``{column header: target}`` for the mapping step, from the known aliases."""
    return _suggest(columns)


def describe(detected: Detected, lang: str) -> str:
    """``Facebook · Meta Business Suite, posts`` — what a file was recognised as, in the user's language."""
    shapes = " + ".join(i18n.t(f"import.shape.{shape}", lang) for shape in detected.shape.split("+"))
    platforms = detected.platforms or ((detected.platform,) if detected.platform else ())
    if not platforms:
        return shapes
    return " + ".join(i18n.t(f"platform.{p.value}", lang) for p in platforms) + f" · {shapes}"
