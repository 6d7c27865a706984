"""Compare many documents at once: figures grouped across documents.

Every document is a peer. Quantity claims are grouped into *figure groups*
(one subject, one dimension, a time frame they could all describe) and each
group gets a consensus interval and a verdict.

Grouping is complete linkage over subject similarity, so a group never chains
"A ~ B ~ C" into one when A and C are unrelated: every pair inside a group
matches. Two claims may never share a group when their time frames rule out a
comparison (a total "by mid-October" and one "since September" may both be
true), nor when one document states both and they disagree (a writer giving
two different figures means two different things more often than a slip).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .checks.quantity import frames_compatible, is_growth, known, plausible, widened
from .model import Claim, Document, Period
from .options import Options

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

Verdict = Literal["agree", "conflict", "single source"]
VERDICTS: tuple[Verdict, ...] = ("conflict", "agree", "single source")
SCHEMA_VERSION = 1
# Column names of ``FigureTable.to_frame`` besides the documents; a document
# whose id is one of these is renamed so the columns never collide.
META_COLUMNS = (
    "group", "subject", "dimension", "unit", "period", "consensus_low", "consensus_high",
    "verdict", "outliers",
)
# Sentence-context overlap only orders merges between equally similar subjects
# ("people" killed vs. "people" evacuated); it never lets dissimilar subjects in.
CONTEXT_WEIGHT = 20.0
# Between equally alike subjects, pair figures that agree first: a document giving
# "1,000" and "10,000" containers pairs its 10,000 with another document's 10,000.
AGREE_BONUS = 5.0
# A figure without a subject joins others by its sentence: the share of content words
# two sentences must have in common. Bare counts ("two", "41") need more than figures
# with a unit, which already say what kind of thing they measure.
MIN_CONTEXT = 0.12
MIN_CONTEXT_COUNT = 0.25


@dataclass(frozen=True)
class FigureGroup:
    id: str  # "G1", in table order
    subject: str
    dimension: str
    unit: str
    # (document id, that document's claims in the group), in argument order.
    cells: tuple[tuple[str, tuple[Claim, ...]], ...]
    # Where the plurality of documents' figures overlap; None when documents
    # split evenly and no single interval is shared by the most of them.
    consensus_low: float | None
    consensus_high: float | None
    verdict: Verdict
    outliers: tuple[str, ...] = ()  # document ids whose figure misses the consensus
    period: Period | None = None  # hull of the member claims' time frames

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(doc for doc, _ in self.cells)

    def claims_for(self, doc_id: str) -> tuple[Claim, ...]:
        for doc, claims in self.cells:
            if doc == doc_id:
                return claims
        return ()

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for _, claims in self.cells for c in claims)


@dataclass(frozen=True)
class FigureTable:
    documents: tuple[Document, ...]
    groups: tuple[FigureGroup, ...]
    claims: tuple[Claim, ...] = field(default=(), repr=False)
    # Figures left out of grouping: past MAX_FIGURES_PER_DOCUMENT in a document.
    left_out: int = 0

    @property
    def conflicts(self) -> tuple[FigureGroup, ...]:
        return tuple(g for g in self.groups if g.verdict == "conflict")

    def document(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    def to_frame(self) -> pd.DataFrame:
        """One row per group, one column per document (argument order), each cell the
        figures as written there; group metadata in the columns of ``META_COLUMNS``."""
        import pandas as pd

        doc_ids = [d.id for d in self.documents]
        long = pd.DataFrame(
            [
                (g.id, doc, c.text)
                for g in self.groups for doc, claims in g.cells for c in claims
            ],
            columns=["group", "doc", "figure"],
        )
        order = [g.id for g in self.groups]
        if long.empty:
            wide = pd.DataFrame(index=pd.Index(order, name="group"), columns=doc_ids, dtype=object)
        else:
            # A document may state one figure twice ("2m shells" in the headline and the body):
            # the cell lists both, in reading order.
            wide = long.pivot_table(
                index="group", columns="doc", values="figure", aggfunc="; ".join, sort=False
            ).reindex(index=order, columns=doc_ids)
        wide.columns.name = None
        meta = pd.DataFrame(
            [
                {
                    "group": g.id, "subject": g.subject, "dimension": g.dimension,
                    "unit": g.unit, "period": period_text(g.period),
                    "consensus_low": g.consensus_low, "consensus_high": g.consensus_high,
                    "verdict": g.verdict, "outliers": ";".join(g.outliers),
                }
                for g in self.groups
            ],
            columns=list(META_COLUMNS),
        ).set_index("group")
        head = ["subject", "dimension", "unit", "period"]
        tail = ["consensus_low", "consensus_high", "verdict", "outliers"]
        return pd.concat([meta[head], wide, meta[tail]], axis=1)

    def to_dict(self) -> dict[str, Any]:
        from .report.records import claim_record

        docs = {d.id: d for d in self.documents}
        counts = Counter(g.verdict for g in self.groups)
        return {
            "version": SCHEMA_VERSION,
            "documents": [{"id": d.id, "path": d.path} for d in self.documents],
            "groups": [
                {
                    "id": g.id,
                    "subject": g.subject,
                    "dimension": g.dimension,
                    "unit": g.unit,
                    "period": None if g.period is None else g.period.to_dict(),
                    "consensus": None if g.consensus_low is None else {
                        "low": json_num(g.consensus_low),
                        "high": json_num(g.consensus_high),  # type: ignore[arg-type]
                    },
                    "verdict": g.verdict,
                    "outliers": list(g.outliers),
                    "cells": {
                        doc: [claim_record(c, docs[doc]) for c in claims]
                        for doc, claims in g.cells
                    },
                }
                for g in self.groups
            ],
            "summary": {
                "documents": len(self.documents),
                "claims": len(self.claims),
                "groups": len(self.groups),
                **{v: counts.get(v, 0) for v in VERDICTS},
                # only when it happened, so tables within the limit keep their bytes
                **({"figures_left_out": self.left_out} if self.left_out else {}),
            },
        }


def json_num(x: float) -> float | int | str | None:
    if math.isnan(x):
        return None
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == int(x) and abs(x) < 2**53:
        return int(x)
    return round(x, 6)


def period_text(p: Period | None) -> str:
    if p is None:
        return ""
    if p.start == p.end:
        return p.start
    return f"{'' if p.open_start else p.start}..{p.end}"


# -- the library entry point ---------------------------------------------------------------


def peer_documents(documents: Sequence[Document | str]) -> list[Document]:
    """Documents with unique ids that never collide with the table's own columns."""
    from .recognizers.extract import as_document

    out: list[Document] = []
    used: set[str] = set(META_COLUMNS)
    for i, d in enumerate(documents, 1):
        doc = as_document(d, id=f"doc{i}", role="peer", argument=f"documents[{i - 1}]")
        doc_id = doc.id
        if doc_id in used:  # "a/article.txt" and "b/article.txt", or a file named "unit.txt"
            doc_id = f"{doc.id}#{i}"
        used.add(doc_id)
        if doc.role != "peer" or doc_id != doc.id:
            doc = doc.with_role("peer", id=doc_id)
        out.append(doc)
    return out


def compare(
    documents: Sequence[Document | str], options: Options | None = None
) -> FigureTable:
    """Group the figures of every document against every other: the figure table.

    A ``str`` is document text (as in ``check``), not a path.
    """
    from .recognizers.extract import extract, with_doc

    if isinstance(documents, (str, Document)) or not isinstance(documents, Sequence):
        raise TypeError(
            f"documents must be a list of str or Document, not {type(documents).__name__}"
        )
    if options is not None and not isinstance(options, Options):
        raise TypeError(
            f"options must be a discrepancy.Options or None, not {type(options).__name__}"
        )
    docs = peer_documents(documents)
    claims = [c for d in docs for c in with_doc(extract(d), d.id)]
    return figure_table(docs, claims, options)


def figure_table(
    documents: Sequence[Document], claims: Sequence[Claim], options: Options | None = None
) -> FigureTable:
    """The table from claims already extracted (``Claim.doc`` names a document)."""
    options = options or Options()
    order = {d.id: i for i, d in enumerate(documents)}
    figures = [c for c in claims if groupable(c) and c.doc in order]
    figures.sort(key=lambda c: (order[c.doc], c.start, c.end))
    figures, left_out = _first_figures(figures)
    groups = [
        make_group(members, order, options.tolerance)
        for members in group_claims(figures, options)
    ]
    groups.sort(key=lambda g: _group_key(g, order))
    groups = [_renumber(g, i) for i, g in enumerate(groups, 1)]
    return FigureTable(documents=tuple(documents), groups=tuple(groups), claims=tuple(claims),
                       left_out=left_out)


# Figures per document that are grouped. An article has dozens; grouping clusters
# with dense matrices (complete linkage), and thousands of interchangeable figures
# (one figure repeated) took minutes. Past the limit the rest of a document's figures
# are left out and the table's summary says how many.
MAX_FIGURES_PER_DOCUMENT = 300


def _first_figures(figures: list[Claim]) -> tuple[list[Claim], int]:
    """The first MAX_FIGURES_PER_DOCUMENT of each document's figures (in text order),
    and how many were left out."""
    seen: dict[str, int] = {}
    kept: list[Claim] = []
    for c in figures:
        seen[c.doc] = seen.get(c.doc, 0) + 1
        if seen[c.doc] <= MAX_FIGURES_PER_DOCUMENT:
            kept.append(c)
    return kept, len(figures) - len(kept)


def groupable(c: Claim) -> bool:
    """Figures that can join a group: a stated value about something. An "unknown" figure
    states nothing to agree with; a figure with neither a subject nor a sentence around it
    has nothing to be matched by."""
    return (
        c.quantity is not None and known(c.quantity) and bool(c.subject.strip() or c.context)
    )


# -- grouping --------------------------------------------------------------------------------


def interval(c: Claim, tolerance: float = 0.0) -> tuple[float, float]:
    """The figure as ``agree`` reads it: open bounds capped, widened by rounding slack."""
    assert c.quantity is not None
    return widened(plausible(c.quantity), tolerance)


def group_claims(claims: Sequence[Claim], options: Options | None = None) -> list[list[Claim]]:
    """Claims partitioned into figure groups, each in input order; groups in the order of
    their first claim."""
    options = options or Options()
    by_dim: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        assert c.quantity is not None
        by_dim.setdefault(c.quantity.dimension, []).append(i)
    out: list[list[int]] = []
    for idx in by_dim.values():
        members = [claims[i] for i in idx]
        for cluster in _cluster(members, options):
            out.append([idx[k] for k in cluster])
    out.sort(key=lambda g: g[0])
    return [[claims[i] for i in g] for g in out]


@dataclass(frozen=True)
class _Links:
    """Pairwise relations between the claims of one dimension (boolean/float matrices)."""

    hard: np.ndarray  # may share a group at all: time frames allow it, same-document figures agree
    subject: np.ndarray  # subjects match (``matching.subject_scores``)
    context: np.ndarray  # sentences share enough words (for figures without a subject)
    agree: np.ndarray  # the figures' intervals overlap
    sim: np.ndarray  # how alike: merge order


def _links(claims: Sequence[Claim], options: Options) -> _Links:
    import numpy as np

    from .checks.matching import subject_scores

    subjects = [c.subject.strip().lower() for c in claims]
    uniq = sorted(set(subjects))
    pos = {s: i for i, s in enumerate(uniq)}
    u = np.array([pos[s] for s in subjects], dtype=np.intp)
    # Scores over distinct subjects only: thirty articles repeat a few dozen subjects.
    scores = np.asarray(subject_scores(uniq, uniq, options.synonyms), dtype=np.float64)[u][:, u]
    context = _context_overlap(claims)
    dim = claims[0].quantity.dimension if claims[0].quantity else "count"
    min_context = MIN_CONTEXT_COUNT if dim == "count" else MIN_CONTEXT

    frames = [c.time_frame for c in claims]
    fkeys = sorted({_frame_key(f) for f in frames})
    fpos = {k: i for i, k in enumerate(fkeys)}
    f = np.array([fpos[_frame_key(fr)] for fr in frames], dtype=np.intp)
    rep = {fpos[_frame_key(c.time_frame)]: c for c in reversed(claims)}
    n_f = len(fkeys)
    frame_ok = np.ones((n_f, n_f), dtype=bool)
    # Growth needs two running totals ending at different times; only those pairs go
    # through ``is_growth`` (which also looks at the figures), the rest are settled per frame.
    maybe_growth = np.zeros((n_f, n_f), dtype=bool)
    for a in range(n_f):
        for b in range(n_f):
            fa, fb = rep[a].time_frame, rep[b].time_frame
            frame_ok[a, b] = frames_compatible(fa, fb)
            maybe_growth[a, b] = (
                fa is not None and fb is not None and fa.end != fb.end
                and (fa.open_start or fa.open_end) and (fb.open_start or fb.open_end)
            )
    time_ok = frame_ok[f][:, f]
    for i, j in zip(*np.nonzero(np.triu(maybe_growth[f][:, f], 1)), strict=True):
        if is_growth(claims[i], claims[j]):
            time_ok[i, j] = time_ok[j, i] = False

    doc_pos: dict[str, int] = {}
    docs = np.array([doc_pos.setdefault(c.doc, len(doc_pos)) for c in claims], dtype=np.intp)
    bounds = np.array([interval(c, options.tolerance) for c in claims], dtype=np.float64)
    lo, hi = bounds[:, 0], bounds[:, 1]
    agree = (lo[:, None] <= hi[None, :]) & (lo[None, :] <= hi[:, None])
    same_doc = docs[:, None] == docs[None, :]
    hard = time_ok & ~(same_doc & ~agree)
    np.fill_diagonal(hard, False)
    linked = context >= min_context
    hard &= ~_repeated_elsewhere(hard, same_doc & ~agree, linked & agree, subjects)
    sim = scores + CONTEXT_WEIGHT * context + AGREE_BONUS * agree
    return _Links(
        hard=hard, subject=scores >= options.min_subject_score, context=linked,
        agree=agree, sim=sim,
    )


def _repeated_elsewhere(
    hard: np.ndarray, differs: np.ndarray, supports: np.ndarray, subjects: list[str]
) -> np.ndarray:
    """Pairs (n, m) where n's own document also gives, without a subject, m's figure in a
    sentence like m's ("2m tonnes on the quays" beside "80 million tonnes last year"): the
    document itself tells n apart from m, so n must not join m's group."""
    import numpy as np

    bare = np.array([not s for s in subjects])
    if not bare.any():
        return np.zeros_like(hard)
    a = differs[:, bare].astype(np.float32)  # n's document, a different figure: x
    b = (supports & hard)[bare, :].astype(np.float32)  # x repeats m's figure
    blocked = (a @ b) > 0
    return blocked | blocked.T


def _cluster(claims: Sequence[Claim], options: Options) -> list[list[int]]:
    """Figures with a subject are grouped by complete linkage. A figure without one
    ("2m tonnes on the quays") then joins the group whose figure it repeats in a similar
    sentence; a context-only match may add support but never a conflict, because
    percentages and bare counts with similar sentences are too often different things."""
    import numpy as np

    if len(claims) == 1:
        return [[0]]
    links = _links(claims, options)
    n = len(claims)
    named = np.array([bool(c.subject.strip()) for c in claims])
    label = np.full(n, -1, dtype=np.intp)
    groups: list[list[int]] = []

    def add(members: list[int]) -> None:
        label[members] = len(groups)
        groups.append(members)

    _linkage_into(np.flatnonzero(named), links.hard & links.subject, links.sim, add)

    for x in np.flatnonzero(~named):
        members = label >= 0
        blocked = np.unique(label[members & ~links.hard[x]])
        support = np.where(members & links.context[x] & links.agree[x], links.sim[x], -1.0)
        best = np.full(len(groups), -1.0)
        np.maximum.at(best, label[members], support[members])
        best[blocked] = -1.0
        if len(groups) and best.max() >= 0:
            g = int(best.argmax())
            groups[g].append(int(x))
            label[x] = g

    rest = np.flatnonzero(label < 0)
    _linkage_into(rest, links.hard & links.context & links.agree, links.sim, add)
    return [sorted(g) for g in groups]


def _linkage_into(
    idx: np.ndarray, allowed: np.ndarray, sim: np.ndarray, add: Callable[[list[int]], None]
) -> None:
    """Complete linkage over the claims ``idx``, component by component."""
    import numpy as np

    if len(idx) == 0:
        return
    sub_allowed = allowed[np.ix_(idx, idx)]
    for comp in _components(sub_allowed):
        if len(comp) == 1:
            add([int(idx[comp[0]])])
            continue
        c = np.array(comp, dtype=np.intp)
        sub = np.where(sub_allowed[np.ix_(c, c)], sim[np.ix_(idx[c], idx[c])], -np.inf)
        for cluster in _complete_linkage(sub):
            add([int(idx[c[k]]) for k in cluster])


def _components(adj: np.ndarray) -> list[list[int]]:
    """Connected components of a boolean adjacency matrix, each sorted."""
    import numpy as np

    n = adj.shape[0]
    seen = np.zeros(n, dtype=bool)
    out: list[list[int]] = []
    for start in range(n):
        if seen[start]:
            continue
        comp = np.zeros(n, dtype=bool)
        comp[start] = True
        frontier = comp.copy()
        while frontier.any():
            nxt = adj[frontier].any(axis=0) & ~comp
            comp |= nxt
            frontier = nxt
        seen |= comp
        out.append([int(i) for i in np.flatnonzero(comp)])
    return out


def _context_overlap(claims: Sequence[Claim]) -> np.ndarray:
    """Pairwise Jaccard overlap of sentence lemmas (``matching.context_overlap``, as a
    matrix product instead of a Python loop over pairs)."""
    import numpy as np

    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    size = np.zeros(len(claims), dtype=np.float64)
    for i, c in enumerate(claims):
        words = set(c.context)
        size[i] = len(words)
        rows.extend([i] * len(words))
        cols.extend(vocab.setdefault(w, len(vocab)) for w in words)
    m = np.zeros((len(claims), max(len(vocab), 1)), dtype=np.float32)
    m[rows, cols] = 1.0
    # Only words in two or more sentences can be shared: dropping the rest keeps the
    # product narrow for thirty long articles (the sizes above still count them).
    m = m[:, m.sum(axis=0) > 1]
    inter = (m @ m.T).astype(np.float64)
    union = size[:, None] + size[None, :] - inter
    return np.where(union > 0, inter / np.maximum(union, 1.0), 0.0)


def _complete_linkage(sim: np.ndarray) -> list[list[int]]:
    """Agglomerative clustering with a complete-linkage guard: two clusters may merge only
    if every member pair is linked (finite ``sim``), so A~B and B~C never pull in an
    unrelated C. Among the merges allowed, the clusters with the highest *average*
    similarity go first: an outlying figure then joins the crowd it was reported with
    rather than pairing off with another stray figure. Stops when no merge is allowed.
    Ties merge the lowest indices first, so the result depends on the input order only."""
    import numpy as np

    n = sim.shape[0]
    linked = np.isfinite(sim)
    np.fill_diagonal(linked, False)
    total = np.where(linked, sim, 0.0).astype(np.float64)  # sum of member-pair similarities
    size = np.ones(n, dtype=np.float64)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def priority(rows: np.ndarray) -> np.ndarray:
        # Merged-away clusters have size 0 and are unlinked: their 0/0 is masked out.
        with np.errstate(divide="ignore", invalid="ignore"):
            mean = total[rows] / (size[rows, None] * size[None, :])
        return np.where(linked[rows], mean, -np.inf)

    everyone = np.arange(n)
    prio = priority(everyone)
    best_col = prio.argmax(axis=1)
    best = prio[everyone, best_col]
    while True:
        i = int(best.argmax())
        if not np.isfinite(best[i]):
            break
        j = int(best_col[i])
        a, b = min(i, j), max(i, j)
        members[a].extend(members.pop(b))
        total[a] += total[b]
        total[:, a] = total[a]
        linked[a] &= linked[b]
        linked[:, a] = linked[a]
        linked[a, a] = False
        linked[b], linked[:, b] = False, False
        size[a] += size[b]
        size[b] = 0
        best[b] = -np.inf
        # Only column a changed and column b is gone: rows that pointed at either are
        # recomputed, every other row only checks whether the new cluster beats its best.
        col = _column(total, linked, size, a)
        mask = (best_col == a) | (best_col == b)
        mask[a] = True
        mask[b] = False
        better = ~mask & (col > best)
        best_col[better], best[better] = a, col[better]
        stale = np.flatnonzero(mask)
        if len(stale):
            p = priority(stale)
            best_col[stale] = p.argmax(axis=1)
            best[stale] = p[np.arange(len(stale)), best_col[stale]]
    return [sorted(m) for _, m in sorted(members.items())]


def _column(total: np.ndarray, linked: np.ndarray, size: np.ndarray, a: int) -> np.ndarray:
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(linked[:, a], total[:, a] / (size * size[a]), -np.inf)


# -- consensus -------------------------------------------------------------------------------


def make_group(members: Sequence[Claim], order: dict[str, int], tolerance: float) -> FigureGroup:
    by_doc: dict[str, list[Claim]] = {}
    for c in sorted(members, key=lambda c: (order[c.doc], c.start, c.end)):
        by_doc.setdefault(c.doc, []).append(c)
    spans = {doc: _union([interval(c, tolerance) for c in cs]) for doc, cs in by_doc.items()}
    low, high, outliers, verdict = consensus(spans)
    first = members[0].quantity
    assert first is not None
    return FigureGroup(
        id="",
        subject=_most_common([c.subject.strip().lower() for c in members]),
        dimension=first.dimension,
        unit=_most_common([c.quantity.unit for c in members if c.quantity is not None]),
        cells=tuple((doc, tuple(cs)) for doc, cs in by_doc.items()),
        consensus_low=low,
        consensus_high=high,
        verdict=verdict,
        outliers=outliers,
        period=_hull([c.time_frame for c in members if c.time_frame is not None]),
    )


def consensus(
    spans: dict[str, list[tuple[float, float]]],
) -> tuple[float | None, float | None, tuple[str, ...], Verdict]:
    """(low, high, outliers, verdict) for each document's figure intervals.

    The consensus is the interval covered by the most documents. When two or more
    separate intervals tie for most, no document can be singled out: the group
    conflicts with no consensus and no outliers (two documents that disagree)."""
    count, regions = max_coverage([iv for ivs in spans.values() for iv in ivs])
    if len(spans) == 1:
        (ivs,) = spans.values()
        return ivs[0][0], ivs[-1][1], (), "single source"
    if count == len(spans):
        # Each document is one interval here (its figures pairwise agree), so the region
        # all of them cover is their intersection: one region.
        return regions[0][0], regions[-1][1], (), "agree"
    if len(regions) != 1:
        return None, None, (), "conflict"
    (low, high), = regions
    outliers = tuple(
        doc for doc, ivs in spans.items() if not any(a <= high and low <= b for a, b in ivs)
    )
    return low, high, outliers, "conflict"


def max_coverage(intervals: Sequence[tuple[float, float]]) -> tuple[int, list[tuple[float, float]]]:
    """The most closed intervals covering one point, and the maximal regions covered that
    often. Callers pass each document's intervals already merged, so a count is a count of
    documents."""
    # At one coordinate, openings come before closings: touching intervals overlap,
    # as they do in ``compare.agree``.
    events = sorted([(lo, 0) for lo, _ in intervals] + [(hi, 1) for _, hi in intervals])
    best, count = 0, 0
    regions: list[list[float]] = []
    open_at: float | None = None
    for x, kind in events:
        if kind == 0:
            count += 1
            if count > best:
                best, regions = count, []
            if count == best:
                open_at = x
        else:
            if count == best and open_at is not None:
                regions.append([open_at, x])
                open_at = None
            count -= 1
    return best, [(a, b) for a, b in regions]


def _union(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for lo, hi in sorted(intervals):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _most_common(values: list[str]) -> str:
    """The most frequent value; ties go to the one seen first."""
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v))) if values else ""


def _hull(frames: list[Period]) -> Period | None:
    if not frames:
        return None
    start = min(f.start for f in frames)
    end = max(f.end for f in frames)
    first = min(frames, key=lambda f: f.start)
    last = max(frames, key=lambda f: f.end)
    return Period(
        start=start, end=end, granularity=frames[0].granularity if len(set(frames)) == 1
        else "mixed", open_start=first.open_start, open_end=last.open_end,
    )


def _frame_key(p: Period | None) -> tuple[Any, ...]:
    if p is None:
        return ("",)
    return (p.start, p.end, p.granularity, p.open_start, p.open_end)


def _group_key(g: FigureGroup, order: dict[str, int]) -> tuple[Any, ...]:
    """Conflicts first, then groups most documents state, then by subject; the position of
    the first claim settles the rest, so the order never depends on hashing."""
    first = g.claims[0]
    return (
        VERDICTS.index(g.verdict), -len(g.cells), g.subject, g.dimension,
        order[first.doc], first.start, first.end,
    )


def _renumber(g: FigureGroup, i: int) -> FigureGroup:
    from dataclasses import replace

    return replace(g, id=f"G{i}")
