"""Baselines: accept today's findings so CI fails only on new ones.

A baseline stores fingerprints, which hash what a finding is about (code,
claim text, sentence, evidence) and not where it is, so edits elsewhere in a
document keep old findings suppressed. Each entry also keeps the code and the
quoted claim so a reviewer can read the file in a diff.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from typing import Any

from ..errors import DiscrepancyError, InputError
from ..model import Report
from ..report.records import sort_key
from .atomic import atomic_write_text

BASELINE_VERSION = 1


def baseline_text(report: Report) -> str:
    entries: dict[str, dict[str, Any]] = {}
    for f in sorted(report.findings, key=sort_key):
        entries.setdefault(
            f.fingerprint, {"fingerprint": f.fingerprint, "code": f.code, "doc": f.claim.doc,
                            "claim": f.claim.text},
        )
    data = {
        "version": BASELINE_VERSION,
        "tool": "discrepancy",
        "findings": sorted(entries.values(), key=lambda e: (e["doc"], e["fingerprint"])),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: str | os.PathLike[str], report: Report) -> None:
    atomic_write_text(path, baseline_text(report))


def save_baseline(path: str, report: Report) -> int:
    """``write_baseline``, a failure said in one line; how many fingerprints it holds."""
    try:
        write_baseline(path, report)
    except OSError as e:
        raise DiscrepancyError(f"{path}: cannot write ({e.strerror or e})") from None
    return len({f.fingerprint for f in report.findings})


def read_baseline(path: str | os.PathLike[str]) -> frozenset[str]:
    """Fingerprints in the baseline file at ``path``."""
    from ..text.load import read_bounded

    name = str(path)
    if not os.path.lexists(path):
        raise InputError(f"{name}: no such baseline file (create it with --write-baseline)")
    # Regular files only, read within the size limit: a FIFO without a writer would
    # block forever, /dev/zero would never end.
    raw = read_bounded(path, name)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{name}: baseline is not valid UTF-8") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{name}: baseline is not valid JSON (line {e.lineno}: {e.msg})") from None
    except RecursionError:
        raise InputError(f"{name}: baseline is nested too deeply to be a baseline") from None
    if (
        not isinstance(data, dict)
        or data.get("tool") != "discrepancy"
        or not isinstance(data.get("findings"), list)
    ):
        raise InputError(f"{name}: not a discrepancy baseline file")
    if data.get("version") != BASELINE_VERSION:
        raise InputError(
            f"{name}: baseline version {data.get('version')!r} is not supported "
            f"(expected {BASELINE_VERSION})"
        )
    prints = set()
    for entry in data["findings"]:
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str):
            raise InputError(f"{name}: baseline entry without a fingerprint: {entry!r}")
        prints.add(fp)
    return frozenset(prints)


def apply_baseline(report: Report, fingerprints: frozenset[str]) -> tuple[Report, int]:
    """The report without baselined findings, and how many were left out."""
    kept = tuple(f for f in report.findings if f.fingerprint not in fingerprints)
    return replace(report, findings=kept), len(report.findings) - len(kept)
