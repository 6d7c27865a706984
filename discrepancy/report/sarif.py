"""``sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from ..checks.codes import RULES
from ..model import Report
from .records import report_to_dict

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note"}
# A rule's level when a viewer has no result level: conflicts contradict a source,
# the rest only lack support or consistency.
DEFAULT_LEVELS = {"conflict": "error", "internal": "warning", "unsupported": "warning"}
FINGERPRINT_KEY = "discrepancy/v1"


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("discrepancy")
    except Exception:  # not installed (running from a checkout)
        from .. import __version__

        return __version__


def _information_uri() -> str:
    try:
        from importlib.metadata import metadata

        for entry in metadata("discrepancy").get_all("Project-URL") or []:
            _, _, url = entry.partition(", ")
            if url.startswith("https://"):
                return url
    except Exception:  # not installed, or no project URLs declared
        pass
    return "https://pypi.org/project/discrepancy/"


def artifact_uri(path: str) -> str:
    """A relative URI reference for a path as the user gave it.

    Code scanning resolves relative URIs against the repository root, so we keep
    relative paths relative and only turn absolute ones into file: URIs.
    """
    if PureWindowsPath(path).is_absolute() and not path.startswith("/"):
        return PureWindowsPath(path).as_uri()
    if path.startswith("/"):
        return Path(path).as_uri()
    posix = PurePosixPath(path.replace("\\", "/")).as_posix()
    return quote(posix, safe="/-._~!$&'()*+,;=:@")


def _location(
    rec: dict[str, Any], message: str | None = None, id: int | None = None
) -> dict[str, Any]:
    loc: dict[str, Any] = {}
    if id is not None:
        loc["id"] = id
    loc["physicalLocation"] = {
        "artifactLocation": {"uri": artifact_uri(rec["path"] or rec["doc"])},
        "region": {
            "startLine": rec["line"],
            "startColumn": rec["column"],
            "endLine": rec["end_line"],
            "endColumn": rec["end_column"],
            "snippet": {"text": rec["text"]},
        },
    }
    if message is not None:
        loc["message"] = {"text": message}
    return loc


def sarif_log(report: Report) -> dict[str, Any]:
    data = report_to_dict(report)
    index = {r.code: i for i, r in enumerate(RULES)}
    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": f"{r.name}: {r.summary}"},
            "defaultConfiguration": {"level": DEFAULT_LEVELS[r.kind]},
            "properties": {"tags": [r.category, r.kind]},
        }
        for r in RULES
    ]
    results = []
    for rec in data["findings"]:
        result: dict[str, Any] = {
            "ruleId": rec["code"],
            "ruleIndex": index[rec["code"]],
            "level": LEVELS[rec["severity"]],
            "message": {"text": rec["message"]},
            "locations": [_location(rec["claim"])],
        }
        if rec["evidence"]:
            result["relatedLocations"] = [
                _location(e, f"evidence in {e['path'] or e['doc']}", id=i)
                for i, e in enumerate(rec["evidence"], 1)
            ]
        result["partialFingerprints"] = {FINGERPRINT_KEY: rec["fingerprint"]}
        props: dict[str, Any] = {
            "severity": rec["severity"], "kind": rec["kind"], "category": rec["category"],
        }
        if rec["ratio"] is not None:
            props["ratio"] = rec["ratio"]
        result["properties"] = props
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "discrepancy",
                        "version": _version(),
                        "informationUri": _information_uri(),
                        "rules": rules,
                    }
                },
                # Our columns count Python str characters (code points), not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(report: Report, **_: Any) -> str:
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False) + "\n"
