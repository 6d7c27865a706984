"""The parts a source gives as a share in words of a whole it states.

"... bringing the total number of refugees to 677,000. Around half of those people are in
Poland" writes no figure for Poland, but a reader takes about 338,500 from it, and a summary
writes "around 340,000 (half) in Poland". Each share in words of "those", "them" or "the"
is read with the figures of its sentence before it and of the sentence before that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ...model import Claim, Document

# Bounded alternatives, no nesting: linear.
_SHARE_OF = re.compile(
    r"\b(half|a\s+third|one\s+third|two[-\s]thirds|a\s+quarter|one\s+quarter"
    r"|three[-\s]quarters|a\s+fifth|one\s+fifth)\s+of\s+(?:those|them|these|the)\b",
    re.IGNORECASE,
)
_SHARES = {"half": 0.5, "third": 1 / 3, "thirds": 2 / 3, "quarter": 0.25, "quarters": 0.75,
           "fifth": 0.2}
SHARES_MAX = 16  # shares read from the sources: a text of shares in words says little each


def worded_share_parts(
    s_quant: Sequence[Claim], docs: Mapping[str, Document]
) -> tuple[tuple[str, float], ...]:
    """(dimension, value) of each part a source's share in words gives of a whole
    before it, in its sentence or the one before."""
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for s in s_quant:
        if s.quantity is not None and s.quantity.qualifier in ("exact", "approx"):
            by_sentence.setdefault((s.doc, s.sentence), []).append(s)
    out: list[tuple[str, float]] = []
    for doc_id, doc in sorted(docs.items()):
        for m in _SHARE_OF.finditer(doc.text):
            if len(out) >= SHARES_MAX:
                return tuple(out)
            sent = doc.sentence_at(m.start())
            if sent is None:
                continue
            share = _SHARES[m.group(1).lower().replace("-", " ").split()[-1]]
            wholes = [
                w for k in (sent.index - 1, sent.index) for w in by_sentence.get((doc_id, k), ())
                if w.end <= m.start() and w.quantity is not None and w.quantity.value > 0
            ]
            out.extend((w.quantity.dimension, w.quantity.value * share)
                       for w in wholes[-2:] if w.quantity is not None)
    return tuple(out)
