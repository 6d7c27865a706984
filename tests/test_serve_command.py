"""`discrepancy serve` as a user starts it: a real process on 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from discrepancy.cli import cli

BIN = Path(sys.executable).parent / "discrepancy"


def test_serve_answers_healthz_and_stops_on_sigint() -> None:
    proc = subprocess.Popen([str(BIN), "serve", "--port", "0"], stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "NO_COLOR": "1"})
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert m, line
        url = f"http://127.0.0.1:{m.group(1)}"
        for _ in range(100):
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=5) as r:
                    assert json.load(r)["status"] == "ok"
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise AssertionError("server did not answer")
        req = urllib.request.Request(
            url + "/api/check", method="POST", headers={"Content-Type": "application/json"},
            data=json.dumps({"target": {"text": "More than 800 rail cars left."},
                             "sources": [{"text": "About 80 rail cars left."}]}).encode())
        with urllib.request.urlopen(req, timeout=60) as r:
            assert json.load(r)["findings"][0]["code"] == "DQ101"
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(10)
    assert proc.returncode in (0, -signal.SIGINT)


def test_port_in_use_is_one_line_and_exit_2() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    assert r.exit_code == 2
    assert r.stderr.strip() == (
        f"discrepancy: error: 127.0.0.1:{port}: address already in use; choose another --port"
    )
