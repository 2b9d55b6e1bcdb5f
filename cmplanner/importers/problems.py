"""The one exception the importers raise: a message key (``import.*``) and its params, for the user's language."""

from __future__ import annotations

from typing import Any


class ImportProblem(Exception):
    """Why a file cannot be imported. ``t(problem.key, lang, **problem.params)`` renders it; ``str()`` is English.

    Params are language-neutral (file names, numbers, column names, product names), so every language can use them.
    """

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params: dict[str, Any] = params

    def message(self, lang: str) -> str:
        from cmplanner.i18n import t
        from cmplanner.models import Platform

        params = {
            k: t(f"platform.{v.value}", lang) if isinstance(v, Platform) else v
            for k, v in self.params.items()
        }
        return t(self.key, lang, **params)

    def __str__(self) -> str:
        return self.message("en")
