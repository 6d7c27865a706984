"""DQ102: no source gives a figure for this thing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...model import Claim, Document, Finding
from ...recognizers.unit_durations import ARTICLE
from ..base import Code
from ..findings import make_finding, quoted, sentence_of
from .stray import ORDINAL, stray_figures

UNSUPPORTED = Code("DQ102", "quantity.unsupported", "unsupported", "quantity",
                   "No source gives a figure for this thing.")


def unsupported_severity(c: Claim, written_in_sources: bool) -> str:
    """How much an unsupported figure matters.

    A figure whose number no source sentence about the same thing writes, in
    any form, is new information a reader cannot check: medium. Vague amounts
    ("several", "hundreds of") commit to no number and stay low, as does one unit
    with only an article for its number ("for a year"), or a thing counted with
    "one" ("one witness said shots could be heard"). A number a
    related source sentence does write ("£240m" beside "a contingency of £240
    million") is a paraphrase or a figure our extraction read differently: low.
    """
    q = c.quantity
    assert q is not None
    if q.qualifier == "vague" or ARTICLE in q.attributes or written_in_sources:
        return "low"
    if q.dimension == "count" and q.surface_value.lower() == "one" and q.qualifier == "exact":
        return "low"  # "one witness said": "one" is an article here, a count nowhere else
    return "medium"


def unsupported_finding(
    c: Claim, severity: str, doc: Document, worked_out: bool = False
) -> Finding:
    """``worked_out``: the figure follows from source figures by a reader's
    arithmetic (a sum, difference, product or ratio); the message says so rather than
    that no source gives anything."""
    message = (
        f"No source states {quoted(c)} as such; it can be worked out from source figures "
        "(a sum, difference, product or ratio)."
        if worked_out else f"No source gives a figure for {quoted(c)}."
    )
    return make_finding(UNSUPPORTED, severity, message, c, (), sentence_text=sentence_of(doc, c))


def says_more_finding(c: Claim, evidence: Claim, severity: str, doc: Document) -> Finding:
    """The sources bound the figure less tightly than the claim ("more than 200
    items" for "over 274 items"): nothing contradicts it, but no source says it."""
    return make_finding(
        UNSUPPORTED, severity,
        f"{quoted(c)} says more than any source: the source gives {quoted(evidence)}.",
        c, (evidence,), sentence_text=sentence_of(doc, c),
    )


def stray_findings(
    doc: Document, claims: Sequence[Claim], mentioned: Callable[[Claim], bool],
    taken: Sequence[tuple[int, int]] = (),
    written: Callable[[Claim], bool] = lambda c: False,
) -> list[Finding]:
    """Numbers no claim covers ("executed six") that no source writes about
    anything like them; ``taken`` spans are checked as something else. The
    message says which: a number no source writes at all, or one the sources
    write only about other things (``written``)."""
    out: list[Finding] = []
    for c in stray_figures(doc, claims, taken):
        assert c.quantity is not None
        if mentioned(c) or (c.quantity.surface_unit == ORDINAL and written(c)):
            continue  # an ordinal the sources write in any sense: a rank restated
        message = (
            f"The sources write the number {quoted(c)} only about other things."
            if written(c) else f"No source writes the number {quoted(c)}."
        )
        out.append(make_finding(
            UNSUPPORTED, "medium", message, c, (), sentence_text=sentence_of(doc, c),
        ))
    return out
