"""The quantity check: every figure of the target against the sources' figures.

For each target figure, in order: a matched source figure that agrees settles
it; so does the same figure stated in a related source (``support``). Else the
best matched figure that is not a part of the other's whole is a conflict
(DQ101, ``evidence`` picks the figure shown); with no match, the figure is
unsupported (DQ102), unless a source sentence repeating its statement gives
another figure. Numbers no claim covers are unsupported when no source writes
them; two target figures for the same thing are checked against each other
(DQ103).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ...model import Claim, Document, Finding, Match
from ...options import Options
from ..base import Sources
from ..matching import match_quantities
from .agreement import agree, known, share_as_percent
from .conflict import CONFLICT, conflict_finding
from .evidence import best_match, closer, same_statement
from .internal import INTERNAL, internal_findings
from .mentions import Mentions
from .part_whole import part_and_whole
from .scores import score_rows
from .source_numbers import source_number_index
from .stray import is_anaphoric
from .support import Relatedness, SupportPool, value_supported
from .time_frames import comparable
from .unsupported import UNSUPPORTED, stray_findings, unsupported_finding, unsupported_severity


@dataclass(frozen=True)
class _Against:
    """What one target's figures are judged against."""

    target: Document
    s_quant: list[Claim]
    index: dict[int, int]  # id of a source figure -> its column in the subject scores
    pool: SupportPool
    mentions: Mentions
    options: Options


def quantity_findings(
    target: Document,
    target_claims: Sequence[Claim],
    sources: Sequence[tuple[Document, Sequence[Claim]]],
    options: Options | None = None,
) -> list[Finding]:
    options = options or Options()
    t_quant = [share_as_percent(c) for c in target_claims if c.quantity is not None]
    s_quant = [
        share_as_percent(c) for _, claims in sources for c in claims if c.quantity is not None
    ]
    by_claim = _comparable_matches(t_quant, s_quant, options)
    s_subjects = [s.subject for s in s_quant]
    numbers = source_number_index(tuple((d, tuple(cs)) for d, cs in sources))
    ctx = _Against(
        target, s_quant, {id(s): i for i, s in enumerate(s_quant)}, SupportPool(s_quant),
        Mentions(target, numbers), options,
    )
    findings: list[Finding] = []
    rows = score_rows([c.subject for c in t_quant], s_subjects, options.synonyms)
    for c, scores in zip(t_quant, rows, strict=True):
        found = _judge(ctx, c, by_claim.get(id(c), []), scores)
        if found is not None:
            findings.append(found)
    findings += stray_findings(target, target_claims, ctx.mentions.mentioned)
    findings.extend(
        internal_findings(target, t_quant, options, stated_in_sources=ctx.mentions.near)
    )
    return findings


def _comparable_matches(
    t_quant: list[Claim], s_quant: list[Claim], options: Options
) -> dict[int, list[Match]]:
    """Matched source figures of each target figure (by id) that could describe
    the same time."""
    by_claim: dict[int, list[Match]] = {}
    for m in match_quantities(t_quant, s_quant, options):
        if comparable(m):
            by_claim.setdefault(id(m.claim), []).append(m)
    return by_claim


def _judge(ctx: _Against, c: Claim, matches: list[Match], scores: Any) -> Finding | None:
    q = c.quantity
    assert q is not None
    if any(agree(q, m.evidence.quantity, ctx.options.tolerance) for m in matches):  # type: ignore[arg-type]
        return None
    # The same figure stated in a source about something related wins over
    # a different figure for a similar subject: "71 people needed hospital
    # treatment" supports "71 patients", whatever "23 patients" says.
    rel = Relatedness(c, scores, ctx.index, bool(matches))
    if _supported(ctx, c, rel):
        return None
    matches = [m for m in matches if not part_and_whole(m)]
    if matches:
        return _conflict(ctx, c, matches, rel)
    if known(q):
        return _unsupported(ctx, c, rel)
    return None


def _supported(ctx: _Against, c: Claim, rel: Relatedness) -> bool:
    q = c.quantity
    assert q is not None
    if known(q) and value_supported(
        c, ctx.pool, ctx.options.tolerance, rel.related, rel.same_subject
    ):
        return True
    # The number written in a source sentence about the same thing is
    # support even when we read it differently there ("£ 20" is a count
    # in tokenised text, "£20" money in the article).
    return q.dimension == "count" and q.qualifier != "vague" and ctx.mentions.near(c, True)


def _conflict(ctx: _Against, c: Claim, matches: list[Match], rel: Relatedness) -> Finding:
    best = best_match(matches)
    # the sentence that repeats the claim's statement is better evidence
    # than a like-named figure elsewhere ("$1.40 to $1.50" is compared
    # with the guidance range, not with last quarter's "$1.36")
    rival = same_statement(c, ctx.s_quant, rel.same_subject) if known(c.quantity) else None  # type: ignore[arg-type]
    if rival is not None and closer(c, rival, best.evidence):
        best = Match(claim=c, evidence=rival, score=best.score)
    return conflict_finding(best, CONFLICT, ctx.target)


def _unsupported(ctx: _Against, c: Claim, rel: Relatedness) -> Finding:
    derived = is_anaphoric(ctx.target, c) or ctx.mentions.counted(c)
    sev = "low" if derived else unsupported_severity(c, ctx.mentions.mentioned(c))
    # a figure whose number the sources write elsewhere is still wrong
    # when the sentence that repeats its statement says another figure
    # for the same thing ("two aces" is no rival of "five hole-in-ones")
    rival = None if derived else same_statement(c, ctx.s_quant, rel.same_subject)
    if rival is not None:
        # no subject to match on, but the source says the same sentence
        # with another figure: show that figure, not "no source gives one"
        return conflict_finding(Match(claim=c, evidence=rival, score=0.0), CONFLICT, ctx.target)
    return unsupported_finding(c, sev, ctx.target)


class QuantityCheck:
    """Figures a source contradicts (DQ101) or does not give (DQ102), and two
    figures of the target that cannot both hold (DQ103)."""

    name = "quantities"
    codes = (CONFLICT, UNSUPPORTED, INTERNAL)

    def run(
        self, target: Document, target_claims: Sequence[Claim], sources: Sources,
        options: Options,
    ) -> list[Finding]:
        return quantity_findings(target, target_claims, sources, options)
