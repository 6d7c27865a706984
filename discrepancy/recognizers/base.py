"""The contract every recognizer keeps, and what it is told about earlier ones.

A recognizer reads one kind of claim from a whole document. The registry runs
them in order; each is handed a ``Context`` of what the ones before it found,
so a later recognizer can leave alone the spans an earlier one took (a figure
inside a date phrase is the date's; a table row is read once, as a row).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Claim, Document


class Spans:
    """Spans to test claims against in O(log n) each: sorted starts and the running
    maximum of ends (testing every quantity against every date was quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []
        reach = -1
        for _, b in ordered:
            reach = max(reach, b)
            self.max_end.append(reach)

    def contains(self, a: int, b: int) -> bool:
        """Whether some span holds all of ``a``..``b`` (starts at or before ``a``,
        reaches ``b``): a number inside a figure or date already read."""
        i = bisect_right(self.starts, a)
        return i > 0 and self.max_end[i - 1] >= b

    def overlaps(self, c: Claim) -> bool:
        """Whether some span has ``a < c.end`` and ``c.start < b``."""
        i = bisect_left(self.starts, c.end)  # spans [0, i) start before the claim ends
        return i > 0 and self.max_end[i - 1] > c.start


class Recognizer(ABC):
    """Reads one kind of claim from a document.

    ``name`` is the registry's key for its claims; ``category`` the Claim
    category it yields. ``prose`` is False for a reader of table rows: its
    rows are not prose figures, so the not-claims filter and the heights merge
    leave them alone and later recognizers skip their sentences.
    """

    name: str
    category: str
    prose: bool = True

    @abstractmethod
    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        """Every claim of this kind in ``doc``, in reading order."""


@dataclass(frozen=True)
class Context:
    """What the recognizers run so far found, by recognizer, in run order."""

    found: tuple[tuple[Recognizer, tuple[Claim, ...]], ...] = ()

    def then(self, recognizer: Recognizer, claims: list[Claim]) -> Context:
        """This context with ``recognizer``'s claims added."""
        return Context(self.found + ((recognizer, tuple(claims)),))

    def claims(self, category: str | None = None) -> list[Claim]:
        """Every claim found so far (of ``category``), in run order."""
        return [c for r, cs in self.found for c in cs if category in (None, r.category)]

    def row_sentences(self) -> frozenset[int]:
        """Sentences a reader of table rows took: read once, as rows."""
        return frozenset(c.sentence for r, cs in self.found if not r.prose for c in cs)

    def outside_rows(self, claims: list[Claim]) -> list[Claim]:
        """``claims`` outside the sentences a reader of table rows took."""
        if not claims:
            return claims  # most texts hold none: spare the scan of what came before
        rows = self.row_sentences()
        return [c for c in claims if c.sentence not in rows]

    def prose_spans(self) -> Spans:
        """The spans prose recognizers took (dates, anniversaries, ...)."""
        return Spans((c.start, c.end) for r, cs in self.found if r.prose for c in cs)
