"""``cmplanner report STRATEGY --format pdf|html --lang en|nl --out FILE``: writes the file; bad input gives one line
and a non-zero exit, and writes nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from cmplanner import cli
from cmplanner.store import Store
from tests.conftest import same_name_copy


@pytest.fixture
def workspace(data_dir: Path) -> Store:
    cli.main(["demo"])
    return Store(data_dir)


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("cmplanner:") and len(err.splitlines()) == 1, err
    return err


def test_report_by_name_as_pdf(workspace: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.pdf"
    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 30), "#2E6F6B").save(logo)
    args = ["report", "Van Dijk Advies", "--format", "pdf", "--lang", "en", "--out", str(out)]
    assert (
        cli.main(
            [*args, "--client", "Van Dijk", "--author", "Sanne", "--accent", "#1F5592", "--logo", str(logo)]
        )
        == 0
    )
    cover = PdfReader(out).pages[0].extract_text()
    assert "Van Dijk Advies" in cover and "PREPARED BY\nSanne" in cover
    assert str(out) in capsys.readouterr().out


def test_report_by_id_as_html_in_dutch(workspace: Store, tmp_path: Path) -> None:
    bakery = next(s for s in workspace.list()[0] if "Korenschoof" in s.name)
    out = tmp_path / "rapport.html"
    assert cli.main(["report", bakery.id, "--format", "html", "--lang", "nl", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Voortgang in" in text and "Bakkerij De Korenschoof" in text and 'lang="nl"' in text


def test_format_follows_the_file_name_and_language_the_strategy(workspace: Store, tmp_path: Path) -> None:
    out = tmp_path / "bakery.html"
    assert cli.main(["report", "Bakkerij De Korenschoof", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert 'lang="nl"' in out.read_text(encoding="utf-8")  # the bakery posts in Dutch
    pdf = tmp_path / "bakery.pdf"
    assert cli.main(["report", "Bakkerij De Korenschoof", "--out", str(pdf), "--lang", "en"]) == 0
    assert len(PdfReader(io.BytesIO(pdf.read_bytes())).pages) > 3


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--accent", "red"], "accent colour"),
        (["--lang", "fr"], "report language"),
        (["--format", "docx"], "report format"),
        (["--logo", "missing.png"], "logo file"),
        (["--client", "x" * 81], "client name is too long"),
    ],
)
def test_bad_options_give_one_line_and_write_nothing(
    workspace: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    out = tmp_path / "r.pdf"
    assert cli.main(["report", "Van Dijk Advies", "--out", str(out), *extra]) == 2
    assert message in one_line_error(capsys)
    assert not out.exists()


def test_a_file_that_is_no_image_is_refused_as_logo(
    workspace: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("<svg/>")
    assert cli.main(["report", "Van Dijk Advies", "--out", str(tmp_path / "r.pdf"), "--logo", str(fake)]) == 2
    assert "PNG or JPEG" in one_line_error(capsys)


def test_unknown_or_ambiguous_strategy(
    workspace: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "r.pdf")
    assert cli.main(["report", "Nobody", "--out", out]) == 2
    assert "Nobody" in one_line_error(capsys)
    first = workspace.list()[0][0]
    same_name_copy(workspace, first.id)
    assert cli.main(["report", first.name, "--out", out]) == 2
    assert "use the id" in one_line_error(capsys)


def test_a_missing_output_folder_gives_one_line(
    workspace: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["report", "Van Dijk Advies", "--out", str(tmp_path / "no" / "r.pdf")]) == 2
    assert "does not exist" in one_line_error(capsys)
