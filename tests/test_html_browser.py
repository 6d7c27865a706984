"""The HTML report in a real browser: findings highlighted, document scripts inert.

Needs headless Chromium (Debian package ``chromium``). Set
DISCREPANCY_UPDATE_SCREENSHOT=1 to rewrite docs/report.png from the seed pair.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from test_report_helpers import TARGET_TEXT, sample_report

from discrepancy.report import render

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = (
    "<script>document.title='PWNED'</script>\n"
    "<img src=x onerror=\"document.title='PWNED'\">\n"
    "<script>document.body.setAttribute('data-pwned', '1')</script>\n"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned', '1')\">\n"
    "<a href=\"javascript:document.title='PWNED'\">link</a>\n"
)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not found (apt-get install -y chromium)"
)


def browse(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile}", *extra, page.resolve().as_uri(),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=True)


def test_findings_highlighted_and_document_scripts_do_not_run(tmp_path: Path) -> None:
    report = sample_report(TARGET_TEXT + HOSTILE)
    page = tmp_path / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")

    dom = browse(page, tmp_path / "profile", "--dump-dom").stdout
    tree = lxml.html.fromstring(dom)
    # Our own script ran (so the CSP hash is right) ...
    assert tree.get("data-report-ready") == "1"
    assert tree.get_element_by_id("shown").text == "3"
    # ... and nothing from the document did.
    assert tree.findtext(".//title") == "discrepancy report"
    assert tree.body.get("data-pwned") is None
    assert not tree.xpath("//img") and not tree.xpath("//a[starts-with(@href, 'javascript:')]")
    assert len(tree.xpath("//script")) == 1
    pre = tree.xpath("//pre")[0].text_content()
    assert "<script>document.title='PWNED'</script>" in pre  # shown as text
    for n, severity in enumerate(("low", "high", "medium"), 1):
        mark = tree.get_element_by_id(f"finding-{n}")
        assert mark.tag == "mark" and mark.get("class") == f"sev-{severity}"
    assert tree.get_element_by_id("finding-2").text_content() == "more than 800 rail cars"

    shot = tmp_path / "report.png"
    browse(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,1600")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_seed_pair_report_screenshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from discrepancy import check
    from discrepancy.text.load import load_document

    monkeypatch.chdir(ROOT)  # paths in the report are as a user would type them
    target = load_document("seeds/000_49d02485ee17d19b.txt", id="summary", role="target")
    source = load_document("seeds/004_1f1aacc786a3892f.txt", id="source", role="source")
    report = check(target, [source])
    assert report.findings
    page = tmp_path / "seed.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    tree = lxml.html.fromstring(browse(page, tmp_path / "profile", "--dump-dom").stdout)
    assert len(tree.xpath("//li[@data-finding]")) == len(report.findings)
    shot = tmp_path / "report.png"
    browse(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,1600")
    assert shot.stat().st_size > 10_000
    if os.environ.get("DISCREPANCY_UPDATE_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(shot, ROOT / "docs" / "report.png")
