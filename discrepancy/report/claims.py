"""Output of ``discrepancy extract``: every claim found in one document."""

from __future__ import annotations

import json
from typing import Any

from ..model import CATEGORIES, Claim, Document, claim_record
from .common import format_value, visible
from .records import SCHEMA_VERSION
from .table import wrap


def claims_to_dict(doc: Document, claims: list[Claim]) -> dict[str, Any]:
    ordered = sorted(claims, key=lambda c: (c.start, c.end, c.category))
    return {
        "version": SCHEMA_VERSION,
        "document": {"id": doc.id, "path": doc.path, "role": doc.role},
        "claims": [
            {"category": c.category, "subject": c.subject, "source": c.source,
             **claim_record(c, doc)}
            for c in ordered
        ],
    }


def render_claims_json(doc: Document, claims: list[Claim]) -> str:
    return json.dumps(claims_to_dict(doc, claims), indent=2, ensure_ascii=False) + "\n"


SUBJECT_WORDS = 4  # a statement's or event's matching key is long; the table shows its start


def _short(subject: str) -> str:
    words = subject.split()
    return subject if len(words) <= SUBJECT_WORDS else " ".join(words[:SUBJECT_WORDS]) + " …"


# Text widths; simple_grid borders add 3 per column + 1, so the table is at most 100 wide.
COLUMNS = (("where", 8), ("category", 11), ("claim", 30), ("value", 22), ("subject", 13))


def render_claims_table(doc: Document, claims: list[Claim]) -> str:
    from tabulate import tabulate

    data = claims_to_dict(doc, claims)
    w = dict(COLUMNS)
    rows = []
    for rec in data["claims"]:
        rows.append([
            f"{rec['line']}:{rec['column']}",
            rec["category"] + ("\n(table)" if rec["source"] == "table" else ""),
            "\n".join(wrap(f"“{rec['text']}”", w["claim"])),
            "\n".join(wrap(format_value(rec["value"]), w["value"])),
            "\n".join(wrap(_short(rec["subject"]), w["subject"])),
        ])
    out = []
    if rows:
        out.append(tabulate(rows, headers=[n for n, _ in COLUMNS], tablefmt="simple_grid",
                            disable_numparse=True))
    counts = {k: sum(1 for r in data["claims"] if r["category"] == k)
              for k in CATEGORIES}
    detail = ", ".join(f"{v} {k}" for k, v in counts.items())
    n = len(data["claims"])
    out.append(f"{n} claim{'s' if n != 1 else ''} in {visible(doc.path or doc.id)} ({detail})")
    return "\n".join(out) + "\n"
