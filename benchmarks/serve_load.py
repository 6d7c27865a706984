"""Load on `discrepancy serve`, beside the CLI doing the same checks (a benchmark, not a test).

Starts the server on 127.0.0.1 (port chosen by the OS), sends CLIENTS concurrent
clients x CHECKS requests of real summaries (the fixture pairs and the seed
pair) to POST /api/check, and prints start-up time, throughput, p50/p99 latency
and the server's peak memory. The CLI then checks each distinct input
--cli-runs times, one process per check as a user or CI job runs it. Every API
response must equal the CLI's JSON byte for byte, and no request may be lost:
the script exits 1 otherwise. Traffic goes to 127.0.0.1 only, and stops by itself.

    python benchmarks/serve_load.py [--clients 8] [--checks 50] [--cli-runs 2]
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import resource
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "discrepancy"


@dataclass(frozen=True)
class Case:
    target: str  # paths relative to ROOT, as typed on the command line
    sources: tuple[str, ...]

    def body(self, prefix: str = "") -> bytes:
        def doc(path: str) -> dict[str, str]:
            return {"name": prefix + path, "text": _read(path)}

        return json.dumps({"target": doc(self.target),
                           "sources": [doc(s) for s in self.sources]}).encode("utf-8")

    def expected(self, cli_json: str, prefix: str) -> str:
        """The CLI's JSON for files named ``prefix + path``: only the paths change."""
        for path in (self.target, *self.sources):
            cli_json = cli_json.replace(f'"path": "{path}"', f'"path": "{prefix}{path}"')
        return cli_json

    def argv(self) -> list[str]:
        return [str(BIN), "check", self.target, "--against", *self.sources, "--format", "json"]


@cache
def _read(path: str) -> str:
    return (ROOT / path).read_text("utf-8")


def cases() -> list[Case]:
    out = [Case("seeds/000_49d02485ee17d19b.txt", ("seeds/004_1f1aacc786a3892f.txt",))]
    for pair in sorted((ROOT / "fixtures/pairs").iterdir()):
        sources = tuple(sorted(str(p.relative_to(ROOT)) for p in pair.glob("source*")))
        for summary in sorted(pair.glob("summary_*.txt")):
            out.append(Case(str(summary.relative_to(ROOT)), sources))
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def run_cli(all_cases: list[Case], runs: int) -> tuple[dict[Case, str], list[float], float]:
    expected: dict[Case, str] = {}
    latencies: list[float] = []
    start = time.perf_counter()
    for _ in range(runs):
        for case in all_cases:
            t0 = time.perf_counter()
            r = subprocess.run(case.argv(), cwd=ROOT, capture_output=True, text=True, check=False)
            latencies.append(time.perf_counter() - t0)
            if r.returncode not in (0, 1):
                sys.exit(f"CLI failed on {case.target}: {r.stderr.strip()}")
            if expected.setdefault(case, r.stdout) != r.stdout:
                sys.exit(f"CLI output differs between runs on {case.target}")
    return expected, latencies, time.perf_counter() - start


def start_server() -> tuple[subprocess.Popen[str], int, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(BIN), "serve", "--port", "0"], stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)
    assert proc.stderr is not None
    m = re.search(r"127\.0\.0\.1:(\d+)", proc.stderr.readline())
    if not m:
        proc.kill()
        sys.exit("server did not start")
    port = int(m.group(1))
    for _ in range(500):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return proc, port, time.perf_counter() - t0
        except OSError:
            time.sleep(0.01)
    proc.kill()
    sys.exit("server did not answer /healthz")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load(port: int, all_cases: list[Case], expected: dict[Case, str], clients: int,
         checks: int, distinct: bool) -> tuple[list[float], float, list[str]]:
    """``distinct``: every request names its documents differently ("r17/seeds/..."), so
    the per-document extraction cache never answers and each check does all the work."""
    latencies: list[float] = []
    problems: list[str] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for i in range(checks):
            k = n * checks + i
            case = all_cases[k % len(all_cases)]
            prefix = f"r{k}/" if distinct else ""
            body = case.body(prefix)
            t0 = time.perf_counter()
            try:
                conn.request("POST", "/api/check", body=body,
                             headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                text = resp.read().decode("utf-8")
                status = resp.status
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                text, status = str(e), -1
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    problems.append(f"{case.target}: HTTP {status}: {text[:200]}")
                elif text != case.expected(expected[case], prefix):
                    problems.append(f"{case.target}: response differs from the CLI's JSON")
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.perf_counter() - start, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--checks", type=int, default=50, help="requests per client")
    parser.add_argument("--cli-runs", type=int, default=2, help="CLI runs per distinct input")
    args = parser.parse_args()
    all_cases = cases()
    print(f"{len(all_cases)} distinct summaries (fixture pairs and the seed pair)")

    expected, cli_lat, cli_wall = run_cli(all_cases, args.cli_runs)
    cli_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    rows = []
    problems: list[str] = []
    lost = 0
    total = args.clients * args.checks
    startup = 0.0
    # A fresh server for each run, so the second does not find the first's caches warm.
    for label, distinct in (("distinct documents", True), ("repeated documents", False)):
        proc, port, startup = start_server()
        try:
            latencies, wall, failed = load(port, all_cases, expected, args.clients,
                                           args.checks, distinct)
            peak = peak_rss_mb(proc.pid)
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(10)
        rows.append((f"serve, {label}", latencies, wall, peak))
        problems += failed
        lost += total - len(latencies)
    rows.append(("CLI, one process per check", cli_lat, cli_wall, cli_peak))

    print(f"server start to /healthz: {startup:.2f} s; {args.clients} clients x "
          f"{args.checks} checks per server run")
    print(f"{'':30}{'checks':>7}{'checks/s':>10}{'p50 ms':>8}{'p99 ms':>8}{'peak MB':>9}")
    for label, lat, wall, peak in rows:
        print(f"{label:30}{len(lat):>7}{len(lat) / wall:>10.1f}"
              f"{statistics.median(lat) * 1000:>8.0f}{pct(lat, 99) * 1000:>8.0f}{peak:>9.0f}")
    print(f"responses: {2 * total - lost} of {2 * total}, {len(problems)} differing from the "
          f"CLI's JSON or failed, {lost} lost")
    for p in problems[:10]:
        print("  " + p)
    return 1 if problems or lost else 0


if __name__ == "__main__":
    sys.exit(main())
