"""House rule: one job per module, and no module under ``cmplanner/`` longer than 450 lines."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "cmplanner"
LIMIT = 450
BEING_SPLIT: tuple[str, ...] = ()
"""Modules over the limit that are being split right now; the test turns strict once they are."""


def long_modules() -> dict[str, int]:
    """Every module over the limit, by its path inside the package, with its line count."""
    sizes = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }
    return {name: n for name, n in sizes.items() if n > LIMIT}


def test_the_package_has_modules_to_measure() -> None:
    assert len(list(PACKAGE.rglob("*.py"))) > 20  # the path is right: a typo would make the test below pass


def test_no_module_is_being_split_anymore_without_the_list_knowing() -> None:
    """Every module over the limit is one known to be under way; a new long module fails here at once."""
    assert set(long_modules()) <= set(BEING_SPLIT), long_modules()


def test_no_module_is_longer_than_the_limit() -> None:
    assert long_modules() == {}
