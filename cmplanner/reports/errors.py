"""The one error of the reports: bad input for a report, told in the user's language."""

from __future__ import annotations

from cmplanner.problems import Problem


class ReportError(Problem, ValueError):
    """Bad report input: an i18n key (``report.error.*``) and its params; ``str()`` is the English line.

    Also a ValueError, as it was before :class:`~cmplanner.problems.Problem` existed.
    """
