"""Every row of ``tests/corpora/recognizers/*.yaml``: a sentence and the claims read from it.

A row's ``reader`` (or its file's) names how the text is read; each reader is the
entry point the row was first written against. Row keys (see ``corpora/README.md``):
``categories`` counts claims by category, ``where`` filters the claims, ``count``
counts them, ``only`` is the whole list in order, ``has`` claims that must be there,
``not`` texts that must not be, ``first`` the fields of the first claim.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from corpora_entry_points import READERS
from corpora_rows import Row, check_count, load_rows, matches, same

from discrepancy.model import Claim


def _speaker_in_span(text: str, claim: Claim) -> bool:
    a = claim.attribution
    return (a is not None and text[a.speaker_start:a.speaker_end] == a.speaker_surface
            and claim.start <= a.speaker_start and a.speaker_end <= claim.end)


# What every claim a row names must also hold; a file (or row) lists them in
# ``invariants``, and ``span`` always holds.
INVARIANTS: dict[str, Callable[[str, Claim], bool]] = {
    "span": lambda text, claim: text[claim.start:claim.end] == claim.text,
    "speaker_in_span": _speaker_in_span,
    "subject": lambda text, claim: bool(claim.subject),
}


def _holds(text: str, claim: Claim, fields: dict[str, Any], row: Row, where: str) -> None:
    """The claim holds the invariants and has the fields the row names."""
    for name in {"span", *row.get("invariants", [])}:
        assert INVARIANTS[name](text, claim), f"{where}: {claim} breaks {name}"
    same(claim, fields, row.get("approx"), where)


def _expected(item: str | dict[str, Any]) -> dict[str, Any]:
    return {"text": item} if isinstance(item, str) else item


@pytest.mark.parametrize("row", load_rows("recognizers"))
def test_recognizer_row(row: Row) -> None:
    text, claims = READERS[row.get("reader", "extract")](row.row["text"], row)
    r = row.row
    for category, n in r.get("categories", {}).items():
        check_count(sum(c.category == category for c in claims), n, f"{category} claims")
    claims = [c for c in claims if matches(row.get("where"), c, getattr)]
    texts = [c.text for c in claims]
    if "count" in r:
        check_count(len(claims), r["count"], f"claims {texts}")
    if "only" in r:
        expected = [_expected(e) for e in r["only"]]
        assert len(claims) == len(expected), f"claims {texts}, expected {r['only']}"
        for i, (claim, fields) in enumerate(zip(claims, expected, strict=True)):
            _holds(text, claim, fields, row, f"only[{i}]")
    for item in r.get("has", []):
        fields = _expected(item)
        found = [c for c in claims if c.text == fields["text"]]
        assert found, f"no claim {fields['text']!r} in {texts}"
        _holds(text, found[0], fields, row, fields["text"])
    if "not" in r:
        assert not set(texts) & set(r["not"]), f"claims {texts}"
    if "first" in r:
        assert claims, "no claim"
        _holds(text, claims[0], r["first"], row, "first")
