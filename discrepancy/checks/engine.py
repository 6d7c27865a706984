"""Check one target document against sources: the library entry point."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Protocol

from ..limits import collecting
from ..model import SEVERITY_RANK, Claim, Document, Finding, Report
from ..options import Options
from ..recognizers.extract import as_document, extract
from .registry import CHECKS


def sort_key(f: Finding) -> tuple[Any, ...]:
    """The order of findings everywhere: by document and place, then code."""
    return (f.claim.doc, f.claim.start, f.claim.end, f.code, f.fingerprint)


def _documents(
    target: Document | str, sources: Sequence[Document | str]
) -> tuple[Document, list[Document]]:
    t = as_document(target, id="target", role="target", argument="target")
    if t.role != "target":
        t = t.with_role("target")
    out: list[Document] = []
    used = {t.id}
    for i, s in enumerate(sources, 1):
        d = as_document(s, id=f"source{i}", role="source", argument=f"sources[{i - 1}]")
        if d.role != "source":
            d = d.with_role("source")
        if d.id in used:  # two sources named alike ("a/article.txt", "b/article.txt")
            d = d.with_role("source", id=f"{d.id}#{i}")
        used.add(d.id)
        out.append(d)
    return t, out


def _check_options(options: object) -> None:
    if options is not None and not isinstance(options, Options):
        raise TypeError(
            f"options must be a discrepancy.Options or None, not {type(options).__name__}"
        )


def _enabled(f: Finding, options: Options) -> bool:
    return f.code not in options.disabled and f.name not in options.disabled


def _superseded(findings: list[Finding]) -> list[Finding]:
    """Drop "unsupported" on a claim that also has a conflict or internal finding
    in the same category at least as severe: the editor reads one verdict per
    figure, the one that names the contradicting quote."""
    strongest: dict[tuple[str, str, int, int], int] = {}
    for f in findings:
        if f.kind != "unsupported":
            key = (f.category, f.claim.doc, f.claim.start, f.claim.end)
            strongest[key] = max(strongest.get(key, 0), SEVERITY_RANK[f.severity])
    # ... and on the day of a date a date finding names whole ("No source writes
    # the number 8" under "Summary dates this 'March 8'")
    dated = [(f.claim.doc, f.claim.start, f.claim.end, SEVERITY_RANK[f.severity])
             for f in findings if f.category == "date"]
    return [
        f for f in findings
        if f.kind != "unsupported"
        or strongest.get((f.category, f.claim.doc, f.claim.start, f.claim.end), -1)
        < SEVERITY_RANK[f.severity]
        and not (f.category == "quantity" and _inside_date(f, dated))
    ]


def _inside_date(f: Finding, dated: list[tuple[str, int, int, int]]) -> bool:
    return any(
        doc == f.claim.doc and a <= f.claim.start and f.claim.end <= b
        and rank >= SEVERITY_RANK[f.severity]
        for doc, a, b, rank in dated
    )


def check(
    target: Document | str,
    sources: Sequence[Document | str] | Document | str,
    options: Options | None = None,
) -> Report:
    """Every figure, date and attribution in ``target`` that ``sources`` contradict
    or do not support, and every place ``target`` contradicts itself."""
    if isinstance(sources, (str, Document)):
        sources = [sources]
    if not isinstance(sources, Sequence):  # a generator would be consumed silently once
        raise TypeError(
            f"sources must be a list of str or Document, not {type(sources).__name__}"
        )
    _check_options(options)
    t, srcs = _documents(target, sources)
    return check_extracted(t, extract(t), [(d, extract(d)) for d in srcs], options)


def check_extracted(
    target: Document,
    target_claims: Sequence[Claim],
    sources: Sequence[tuple[Document, Sequence[Claim]]],
    options: Options | None = None,
) -> Report:
    """``check`` on claims already extracted: batch runs extract each source once."""
    _check_options(options)
    options = options or Options()
    t_claims = list(target_claims)
    s_pairs = [(d, list(cs)) for d, cs in sources]
    with collecting() as limits:
        findings = [f for c in CHECKS for f in c.run(target, t_claims, s_pairs, options)]
    findings = sorted((f for f in _superseded(findings) if _enabled(f, options)), key=sort_key)
    claims = tuple(t_claims) + tuple(c for _, cs in s_pairs for c in cs)
    return Report(
        documents=(target, *(d for d, _ in s_pairs)), findings=tuple(findings), claims=claims,
        limits=tuple(sorted(limits)),
    )


def merge_reports(reports: Sequence[Report]) -> Report:
    """One report for many targets; each source appears once."""
    docs: dict[str, Document] = {}
    for r in reports:
        for d in r.documents:
            if d.role == "target":
                docs.setdefault(d.id, d)
    for r in reports:
        for d in r.documents:
            docs.setdefault(d.id, d)
    findings = tuple(f for r in reports for f in r.findings)
    claims = tuple(dict.fromkeys(c for r in reports for c in r.claims))
    return Report(documents=tuple(docs.values()), findings=findings, claims=claims,
                  over_limit=sum(r.over_limit for r in reports),
                  limits=tuple(sorted({x for r in reports for x in r.limits})))


class Ignores(Protocol):
    """What ``apply_ignores`` reads of a configuration (``app.config.Config``)."""

    disable: tuple[str, ...]

    def ignored_for(self, doc_path: str | None) -> frozenset[str]: ...


def apply_ignores(report: Report, config: Ignores) -> Report:
    """Drop findings disabled by ``disable`` or ``per-file-ignores``."""
    paths = {d.id: d.path for d in report.documents}
    disabled = set(config.disable)
    kept = []
    for f in report.findings:
        ignored = disabled | config.ignored_for(paths.get(f.claim.doc))
        if f.code in ignored or f.name in ignored:
            continue
        kept.append(f)
    return replace(report, findings=tuple(kept))
