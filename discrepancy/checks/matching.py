"""Pair claims that talk about the same thing.

Subjects are canonicalized through synonym groups (a data file), then scored
many-to-many with ``rapidfuzz.process.cdist``. Two subjects must share their
head noun (the last word, after synonyms) as well as score high on tokens:
"missile boat" is not a "missile".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from ..model import Claim, Match
from ..options import Options
from ..text.similarity import context_overlap
from ..text.wordlists import lines

__all__ = ["canonical_subject", "context_overlap", "head", "match_quantities", "subject_scores"]


@cache
def _builtin_groups() -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(w.strip().lower() for w in line.split(",") if w.strip())
        for line in lines("synonyms.txt")
    )


@cache
def _synonym_map(extra: tuple[tuple[str, ...], ...] = ()) -> dict[str, str]:
    """Member phrase -> group head. A group sharing a member with an earlier
    group joins it, so user groups extend built-in ones instead of splitting them."""
    mapping: dict[str, str] = {}
    for group in (*_builtin_groups(), *extra):
        group = tuple(m.strip().lower() for m in group if m.strip())
        if not group:
            continue
        joined = next((mapping[m] for m in group if m in mapping), None)
        head = joined or group[0].replace(" ", "_")
        for member in group:
            mapping.setdefault(member, head)
    return mapping


@lru_cache(maxsize=8192)
def canonical_subject(subject: str, extra: tuple[tuple[str, ...], ...] = ()) -> str:
    """Replace synonym phrases (longest first) by their group head."""
    words = subject.lower().split()
    if not words:
        return ""
    mapping = _synonym_map(extra)
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            if i + n <= len(words):
                phrase = " ".join(words[i : i + n])
                if phrase in mapping:
                    out.append(mapping[phrase])
                    i += n
                    break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def head(subject: str) -> str:
    parts = subject.split()
    return parts[-1] if parts else ""


def dimensions_comparable(a: Claim, b: Claim) -> bool:
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None:
        return False
    return qa.dimension == qb.dimension


def subject_scores(
    left: Sequence[str], right: Sequence[str], extra: tuple[tuple[str, ...], ...] = ()
):  # -> numpy.ndarray
    """Many-to-many subject similarity (0-100); 0 where either side is empty
    or the head nouns differ."""
    from rapidfuzz import fuzz, process

    lc = [canonical_subject(s, extra) for s in left]
    rc = [canonical_subject(s, extra) for s in right]
    tokens = process.cdist(lc, rc, scorer=fuzz.token_set_ratio, dtype="float32")
    heads = process.cdist(
        [head(s) for s in lc], [head(s) for s in rc], scorer=fuzz.ratio, dtype="float32"
    )
    tokens[heads < 85] = 0
    for i, s in enumerate(lc):
        if not s:
            tokens[i, :] = 0
    for j, s in enumerate(rc):
        if not s:
            tokens[:, j] = 0
    return tokens


MAX_EVIDENCE = 20  # source claims kept per target claim: a figure needs no more evidence


def match_quantities(
    targets: Sequence[Claim], sources: Sequence[Claim], options: Options | None = None
) -> list[Match]:
    """Every (target, source) pair with the same dimension and a similar subject.

    Subjects repeat ("container" twenty times in one article), so each distinct
    subject is scored once; a target keeps its ``MAX_EVIDENCE`` best matches,
    which bounds the work on a hostile text of thousands of like figures.
    """
    options = options or Options()
    matches: list[Match] = []
    s_by_dim = _by_dimension(sources)
    for dim, t_group in _by_dimension(targets).items():
        s_group = s_by_dim.get(dim, [])
        if not s_group:
            continue
        t_uniq, t_members = _distinct([c.subject for c in t_group])
        s_uniq, s_members = _distinct([c.subject for c in s_group])
        scores = subject_scores(t_uniq, s_uniq, options.synonyms)
        for u, row in enumerate(scores):
            hits = [(float(row[v]), v) for v in (row >= options.min_subject_score).nonzero()[0]]
            if not hits:
                continue
            hits.sort(key=lambda h: (-h[0], h[1]))
            for i in t_members[u]:
                t = t_group[i]
                kept = 0
                for score, v in hits:
                    for j in s_members[v]:
                        s = s_group[j]
                        if t is s or (t.doc == s.doc and t.start == s.start):
                            continue
                        matches.append(Match(claim=t, evidence=s, score=score))
                        kept += 1
                        if kept == MAX_EVIDENCE:
                            break
                    if kept == MAX_EVIDENCE:
                        break
    return matches


def _distinct(subjects: list[str]) -> tuple[list[str], list[list[int]]]:
    """Distinct subjects in first-seen order, and the indices holding each."""
    where: dict[str, int] = {}
    members: list[list[int]] = []
    for i, s in enumerate(subjects):
        k = where.setdefault(s, len(members))
        if k == len(members):
            members.append([])
        members[k].append(i)
    return list(where), members


def _by_dimension(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in claims:
        if c.quantity is not None:
            out.setdefault(c.quantity.dimension, []).append(c)
    return out
