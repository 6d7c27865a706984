"""The page of `discrepancy serve` in a real headless Chromium, driven by Selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make test`` installs them
where it can); nothing is downloaded at run time. The server is started by the
test on 127.0.0.1. Set DISCREPANCY_UPDATE_SCREENSHOT=1 to rewrite docs/serve.png.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from local_http import SOURCE, SUMMARY, article_html, local_http

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"))
                 if p), None)
DRIVER = shutil.which("chromedriver") or (
    "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - a test extra
    webdriver = None  # type: ignore[assignment]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None or webdriver is None,
    reason="headless Chromium, chromedriver or selenium not found "
           "(apt-get install -y chromium chromium-driver; pip install selenium)",
)
HOSTILE = (
    "<script>document.title='PWNED'</script>\n"
    "<img src=x onerror=\"document.title='PWNED'\">\n"
    "<script>document.body.setAttribute('data-pwned', '1')</script>\n"
    "<svg onload=\"document.body.setAttribute('data-pwned', '1')\"></svg>\n"
    "<a href=\"javascript:document.title='PWNED'\">link</a>\n"
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    binary = Path(sys.executable).parent / "discrepancy"
    proc = subprocess.Popen([str(binary), "serve", "--port", "0"], stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stderr is not None
        m = re.search(r"http://127\.0\.0\.1:\d+", proc.stderr.readline())
        assert m
        for _ in range(200):
            try:
                urllib.request.urlopen(m.group(0) + "/healthz", timeout=5).close()
                break
            except OSError:
                time.sleep(0.05)
        yield m.group(0)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(10)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[Any]:
    # Both paths are given, so Selenium Manager has nothing to find; offline, it could not
    # download a driver or a browser even if it tried, and sends no usage statistics.
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1300,1700",
                "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    try:
        yield driver
    finally:
        driver.quit()


def open_page(browser: Any, server: str) -> None:
    browser.get_log("browser")  # reading the log empties it: each test sees its own
    browser.get(server + "/")
    WebDriverWait(browser, 20).until(
        lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("data-page-ready") == "1")


def paste(browser: Any, element: Any, text: str) -> None:
    """Put ``text`` in a box as a paste does (typing 7,000 characters would be slow)."""
    browser.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", element, text)


def check_and_wait(browser: Any, via_keyboard: bool = False) -> str:
    status = browser.find_element(By.ID, "status")
    browser.execute_script("arguments[0].textContent = ''", status)
    if via_keyboard:
        browser.find_element(By.ID, "summary").send_keys(Keys.CONTROL, Keys.ENTER)
    else:
        browser.find_element(By.ID, "check").send_keys(Keys.ENTER)
    WebDriverWait(browser, 60).until(
        lambda d: re.search(r"finding|Error", d.find_element(By.ID, "status").text))
    return str(status.text)


def mark_for(browser: Any, text: str) -> Any:
    marks = browser.find_elements(By.CSS_SELECTOR, "#report mark[data-finding]")
    found = [m for m in marks if m.text == text]
    assert found, [m.text for m in marks]
    return found[0]


def open_finding(browser: Any, text: str) -> str:
    """Open the finding of the highlighted claim ``text`` from the keyboard; its text."""
    mark = mark_for(browser, text)
    mark.send_keys(Keys.ENTER)
    details = browser.find_element(By.ID, f"finding-{mark.get_attribute('data-finding')}-details")
    assert details.get_attribute("open") is not None
    return str(details.text)


def severe_logs(browser: Any) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def test_seed_pair_conflict_is_highlighted_with_its_evidence(
    browser: Any, server: str, downloads: Path
) -> None:
    open_page(browser, server)
    paste(browser, browser.find_element(By.ID, "summary"), SUMMARY)
    browser.find_element(By.ID, "summary-name").send_keys("summary.txt")
    paste(browser, browser.find_element(By.CSS_SELECTOR, ".source-text"), SOURCE)
    browser.find_element(By.CSS_SELECTOR, ".source-name").send_keys("source.txt")
    status = check_and_wait(browser, via_keyboard=True)
    assert "13 findings in 1 target" in status, status

    mark = mark_for(browser, "20 million+")
    assert mark.get_attribute("class") == "sev-high"
    n = mark.get_attribute("data-finding")
    mark.send_keys(Keys.ENTER)  # the keyboard opens the finding beside the text
    details = browser.find_element(By.ID, f"finding-{n}-details")
    assert details.get_attribute("open") is not None
    assert "DQ101" in details.text
    evidence = details.find_element(By.CSS_SELECTOR, "blockquote mark.ev")
    assert evidence.text == "more than two million rounds"
    assert "source.txt:10:" in details.text

    # Filters hide high findings and their highlights.
    browser.find_element(By.CSS_SELECTOR, "#report input[data-filter=severity][value=high]"
                         ).send_keys(Keys.SPACE)
    assert "off" in mark.get_attribute("class").split()
    assert browser.find_element(By.ID, "shown").text == "7"

    # Downloads are the API's output for the same request, byte for byte.
    for f in downloads.glob("*"):
        f.unlink()
    browser.find_element(By.CSS_SELECTOR, "button[data-download=json]").send_keys(Keys.ENTER)
    target = downloads / "discrepancy-report.json"
    WebDriverWait(browser, 20).until(lambda _d: target.exists() and target.stat().st_size)
    req = urllib.request.Request(server + "/api/check", method="POST", headers={
        "Content-Type": "application/json"}, data=json.dumps({
            "target": {"name": "summary.txt", "text": SUMMARY},
            "sources": [{"name": "source.txt", "text": SOURCE}]}).encode())
    with urllib.request.urlopen(req, timeout=60) as r:
        assert target.read_text("utf-8") == r.read().decode("utf-8")
    assert severe_logs(browser) == []

    if os.environ.get("DISCREPANCY_UPDATE_SCREENSHOT"):
        browser.find_element(By.CSS_SELECTOR, "#report input[data-filter=severity][value=high]"
                             ).send_keys(Keys.SPACE)
        browser.execute_script("window.scrollTo(0, 0)")
        browser.set_window_size(1300, 2200)
        browser.save_screenshot(str(ROOT / "docs" / "serve.png"))


def test_a_dropped_file_and_a_url_are_sources(
    browser: Any, server: str, tmp_path: Path
) -> None:
    open_page(browser, server)
    paste(browser, browser.find_element(By.ID, "summary"), SUMMARY)
    browser.find_element(By.CSS_SELECTOR, "button.remove").send_keys(Keys.ENTER)
    # A file dropped on the drop zone (a DataTransfer built in the page, as a drop gives it).
    browser.execute_script(
        "var dt = new DataTransfer();"
        "dt.items.add(new File([arguments[0]], 'story.html', {type: 'text/html'}));"
        "var zone = document.getElementById('drop');"
        "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true,"
        " cancelable: true}));", article_html(SOURCE))
    WebDriverWait(browser, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".source-name"))
    assert browser.find_element(By.CSS_SELECTOR, ".source-name").get_attribute(
        "value") == "story.html"
    status = check_and_wait(browser)
    assert "findings" in status, status
    assert "story.html:" in open_finding(browser, "20 million+")

    # The same source by URL, from a local web server; chosen through the file input too.
    page = tmp_path / "notes.md"
    page.write_text("Officials said 3 ships docked.\n", encoding="utf-8")
    browser.find_element(By.CSS_SELECTOR, "button.remove").send_keys(Keys.ENTER)
    with local_http() as web:
        url = web.url("/story")
        field = browser.find_element(By.ID, "add-url")
        field.send_keys(url, Keys.ENTER)
        browser.find_element(By.ID, "add-files").send_keys(str(page))
        WebDriverWait(browser, 10).until(
            lambda d: len(d.find_elements(By.CSS_SELECTOR, "li.source")) == 2)
        status = check_and_wait(browser)
        assert web.hits == ["/story"]
    assert "findings" in status, status
    assert f"{url}:" in open_finding(browser, "20 million+")
    assert severe_logs(browser) == []


def test_the_summarys_links_as_sources(browser: Any, server: str) -> None:
    open_page(browser, server)
    browser.find_element(By.CSS_SELECTOR, "button.remove").send_keys(Keys.ENTER)
    with local_http() as web:
        text = SUMMARY + f"\nSources: {web.url('/story')} and {web.url('/missing')}\n"
        paste(browser, browser.find_element(By.ID, "summary"), text)
        browser.find_element(By.ID, "links").send_keys(Keys.SPACE)
        status = check_and_wait(browser)
        assert sorted(web.hits) == ["/missing", "/story"]
    assert "findings in 1 target" in status and "HTTP 404" in status, status
    assert f"{web.url('/story')}:" in open_finding(browser, "20 million+")


def test_the_form_is_usable_from_the_keyboard(browser: Any, server: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    open_page(browser, server)
    browser.find_element(By.ID, "add-text").send_keys(Keys.ENTER)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "source-text"  # the new source, ready to paste
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.source")) == 2
    # Tab from the summary box reaches every control in order, up to Check.
    browser.find_element(By.ID, "summary").click()
    seen = []
    for _ in range(20):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        el = browser.switch_to.active_element
        seen.append(el.get_attribute("id") or el.get_attribute("class") or el.tag_name)
        if seen[-1] == "check":
            break
    assert seen[:1] == ["links"] and seen[-1] == "check", seen
    assert {"add-text", "add-url", "add-url-button", "add-files"} <= set(seen), seen


def test_an_unreachable_url_is_a_clear_message(browser: Any, server: str) -> None:
    open_page(browser, server)
    paste(browser, browser.find_element(By.ID, "summary"), SUMMARY)
    browser.find_element(By.CSS_SELECTOR, "button.remove").send_keys(Keys.ENTER)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/gone"
        browser.find_element(By.ID, "add-url").send_keys(url, Keys.ENTER)
        status = check_and_wait(browser)
    assert status == f"Error: {url}: connection refused"


def test_document_scripts_run_nothing(browser: Any, server: str) -> None:
    open_page(browser, server)
    paste(browser, browser.find_element(By.ID, "summary"), HOSTILE + SUMMARY)
    browser.find_element(By.ID, "summary-name").send_keys("<img src=x onerror=alert(1)>.txt")
    paste(browser, browser.find_element(By.CSS_SELECTOR, ".source-text"), HOSTILE + SOURCE)
    browser.find_element(By.CSS_SELECTOR, ".source-name").send_keys("<b>source</b>")
    status = check_and_wait(browser)
    assert "findings" in status, status
    time.sleep(0.5)  # an onerror handler would have fired by now
    assert browser.title == "discrepancy"
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-pwned") is None
    report = browser.find_element(By.ID, "report")
    assert report.find_elements(By.CSS_SELECTOR, "img, svg, script") == []
    assert report.find_elements(By.CSS_SELECTOR, "a[href^='javascript:']") == []
    text = report.find_element(By.CSS_SELECTOR, "pre.text").text
    assert "<script>document.title='PWNED'</script>" in text  # shown, not run
    assert "<img src=x onerror=alert(1)>.txt" in report.text
    assert "<b>source</b>" in report.text
    assert mark_for(browser, "20 million+").get_attribute("class") == "sev-high"
    assert severe_logs(browser) == []
