"""The cmplanner command: demo, export, check; one clear line and a non-zero exit on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cmplanner import cli
from cmplanner.store import Store


def test_demo_writes_a_bakery_and_a_b2b_client_with_goals_for_this_quarter(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["demo"]) == 0
    strategies, damaged = Store(data_dir).list()
    assert damaged == []
    names = sorted(s.name for s in strategies)
    assert names == ["Bakkerij De Korenschoof", "Van Dijk Advies"]
    markets = {s.profile.market.value for s in strategies if s.profile}
    assert markets == {"b2c", "b2b"}
    assert all(s.goals for s in strategies)
    assert all(Store(data_dir).weeks(s.id) for s in strategies)
    assert "Bakkerij De Korenschoof" in capsys.readouterr().out


def test_export_writes_the_whole_workspace_as_one_json_document(data_dir: Path, tmp_path: Path) -> None:
    cli.main(["demo"])
    out = tmp_path / "workspace.json"
    assert cli.main(["export", "--out", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert len(document["strategies"]) == 2
    assert "metrics" in json.dumps(document)


def test_export_to_a_folder_that_does_not_exist_fails_with_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["demo"])
    assert cli.main(["export", "--out", str(tmp_path / "missing" / "ws.json")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("cmplanner:") and len(err.splitlines()) == 1


def test_check_reports_a_damaged_file_and_exits_non_zero(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["demo"])
    store = Store(data_dir)
    victim = store.list()[0][0]
    path = store.path(victim.id)
    path.write_bytes(path.read_bytes()[:100])
    assert cli.main(["check"]) == 1
    out = capsys.readouterr().out
    assert "DAMAGED" in out and str(path) in out
    assert "1 strategy in" in out


def test_console_script_is_installed_and_lists_its_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cmplanner.cli", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("run", "demo", "export", "check"):
        assert command in result.stdout
