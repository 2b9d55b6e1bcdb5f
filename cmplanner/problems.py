"""One shape for every problem we tell the user about: an i18n key and its params.

A :class:`Problem` carries no sentence of its own: ``text(lang)`` renders the catalog entry in the user's
language, and ``str()`` is the English line (for the command line and logs). Params are language-neutral (file
names, numbers, column names); a subclass whose params need translating (a platform's name, say) overrides
:meth:`Problem.params_in`. i18n is imported when a text is rendered, so modules that only raise stay light.
"""

from __future__ import annotations

from typing import Any


class Problem(Exception):
    """A problem to show the user: ``key`` (an i18n key) and ``params`` (its placeholders)."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params: dict[str, Any] = params

    def params_in(self, lang: str) -> dict[str, Any]:
        """The params as the catalog entry in ``lang`` takes them (as they are, unless a subclass says so)."""
        return self.params

    def text(self, lang: str) -> str:
        """The problem in ``lang``."""
        from cmplanner.i18n import t

        return t(self.key, lang, **self.params_in(lang))

    def message(self, lang: str) -> str:
        """The older name of :meth:`text` (tests of reports and importers still call it)."""
        return self.text(lang)

    def __str__(self) -> str:
        return self.text("en")
