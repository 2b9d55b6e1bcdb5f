"""One problem type: an i18n key and params, told in the user's language, English on the command line."""

from __future__ import annotations

from typing import Any

import pytest

from cmplanner import cli, i18n, reports
from cmplanner.models import Platform
from cmplanner.problems import Problem


def test_a_problem_is_told_in_either_language_and_in_english_as_a_string() -> None:
    problem = Problem("report.error.quarter", value="2026-Q5")
    assert problem.key == "report.error.quarter" and problem.params == {"value": "2026-Q5"}
    assert problem.text("en") == "“2026-Q5” is not a quarter such as 2026-Q4."
    assert "2026-Q5" in problem.text("nl") and problem.text("nl") != problem.text("en")
    assert str(problem) == problem.text("en")


def test_a_subclass_can_translate_its_params() -> None:
    class PlatformProblem(Problem):
        def params_in(self, lang: str) -> dict[str, Any]:
            return {"names": i18n.t(f"platform.{self.params['platform'].value}", lang)}

    problem = PlatformProblem("doc.skipped", platform=Platform.FACEBOOK)
    assert str(problem) == "Not used: Facebook. Not every company needs every platform."
    assert problem.params == {"platform": Platform.FACEBOOK}  # kept language-neutral


def test_report_errors_are_problems_and_the_command_line_prints_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(Problem) as info:
        reports.options(accent="red")
    assert isinstance(info.value, reports.ReportError) and isinstance(info.value, ValueError)
    assert "accentkleur" in info.value.text("nl")
    cli.main(["demo"])
    assert cli.main(["report", "No such strategy", "--out", "x.pdf"]) == 2
    assert capsys.readouterr().err.strip() == 'cmplanner: No strategy with id or name "No such strategy".'
