"""Build Finding records with stable codes and fingerprints."""

from __future__ import annotations

import hashlib
import re

from ..model import Claim, Document, Finding
from .base import Code

_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().lower()


# Characters of the claim's sentence that go into a fingerprint. News sentences are
# far shorter; a hostile one-line document made every finding hash the whole line.
FINGERPRINT_SENTENCE = 2000


def fingerprint(code: str, claim: Claim, evidence: tuple[Claim, ...], sentence: str) -> str:
    """Hash of what the finding is about, not where: edits elsewhere keep it."""
    parts = [code, claim.doc, _norm(claim.text), _norm(sentence[:FINGERPRINT_SENTENCE])]
    parts += sorted(f"{e.doc}:{_norm(e.text)}" for e in evidence)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def make_finding(
    code: Code,
    severity: str,
    message: str,
    claim: Claim,
    evidence: tuple[Claim, ...] | list[Claim] = (),
    *,
    sentence_text: str = "",
    ratio: float | None = None,
) -> Finding:
    ev = tuple(evidence)
    return Finding(
        code=code.code,
        name=code.name,
        kind=code.kind,  # type: ignore[arg-type]
        category=code.category,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        message=message,
        claim=claim,
        evidence=ev,
        fingerprint=fingerprint(code.code, claim, ev, sentence_text),
        ratio=ratio,
    )


def quoted(c: Claim) -> str:
    """A claim's text as messages quote it."""
    return f'"{c.text}"'


def sentence_of(doc: Document, c: Claim) -> str:
    """The text of the claim's sentence ("" when it has none)."""
    return doc.sentences[c.sentence].text if 0 <= c.sentence < len(doc.sentences) else ""
