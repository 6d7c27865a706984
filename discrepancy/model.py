"""The records that move through the pipeline.

Every stage takes and returns these frozen dataclasses, so a stage can be
tested alone and no stage can mutate what an earlier one produced.
Offsets are character offsets into ``Document.text`` (Python ``str`` indices).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, get_args

Category = Literal["quantity", "date", "attribution"]
Kind = Literal["conflict", "unsupported", "internal"]
# The same vocabularies as values, in report order: every report counts by these.
CATEGORIES: tuple[Category, ...] = get_args(Category)
KINDS: tuple[Kind, ...] = get_args(Kind)
Severity = Literal["high", "medium", "low"]
Role = Literal["target", "source", "peer"]

SEVERITY_RANK: dict[str, int] = {"low": 1, "medium": 2, "high": 3}

# This module imports no stage: every stage imports it, so any import back (even one
# inside a method) is a cycle, and the records could not be read or tested apart from
# the loaders and renderers. The conveniences the README documents on the records
# (``Document.from_path``, ``Report.to_dict``, ...) are done by those stages, handed
# over by ``discrepancy/__init__.py`` through ``provide``: Python runs that file before
# any submodule, so they are always in place before a record exists.
_PROVIDED: dict[str, Callable[..., Any]] = {}


def provide(**functions: Callable[..., Any]) -> None:
    """Register the stage functions behind the records' convenience methods:
    ``document_from_text``, ``load_document``, ``report_to_dict``, ``report_to_frame``."""
    _PROVIDED.update(functions)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    line: int  # 1-based line of ``start``
    column: int  # 1-based column of ``start``
    text: str


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    path: str | None = None
    role: Role = "source"
    sentences: tuple[Sentence, ...] = ()
    # Start offset of every line, so offsets map to line/column in O(log n).
    line_starts: tuple[int, ...] = (0,)

    @classmethod
    def from_text(
        cls, text: str, id: str = "doc", path: str | None = None, role: Role = "source"
    ) -> Document:
        document: Document = _PROVIDED["document_from_text"](text, id=id, path=path, role=role)
        return document

    @classmethod
    def from_path(cls, path: str, id: str | None = None, role: Role = "source") -> Document:
        document: Document = _PROVIDED["load_document"](path, id=id, role=role)
        return document

    def with_role(self, role: Role, id: str | None = None) -> Document:
        from dataclasses import replace

        return replace(self, role=role, id=id or self.id)

    def location(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        from bisect import bisect_right

        i = bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    @cached_property
    def _sentence_starts(self) -> tuple[int, ...]:
        # Built once per document: rebuilt per call it made every recognizer that
        # looks up a sentence per match quadratic (18.8 s of 33 s on 0.5 MB of rows).
        # cached_property writes the instance __dict__, which a frozen dataclass allows;
        # it is no field, so equality, hashing and replace() ignore it.
        return tuple(s.start for s in self.sentences)

    def sentence_at(self, offset: int) -> Sentence | None:
        from bisect import bisect_right

        i = bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return None
        return self.sentences[i]


@dataclass(frozen=True)
class Quantity:
    """A figure as an interval in normalized units.

    ``low``/``high`` are in the canonical ``unit`` (pint base-ish unit for
    physical quantities, the currency code for money, ``""`` for counts);
    either may be infinite for open bounds ("more than 800" -> [800, inf)).
    ``tolerance`` is the relative rounding slack implied by how the figure
    was written ("two million" is looser than "2,013,450").
    """

    low: float
    high: float
    value: float  # the nominal figure, normalized (midpoint for ranges)
    unit: str = ""  # canonical unit: "tonne", "meter", "USD", "percent", "" (count)
    # "count", "mass", "length", "currency:USD", "percent", "ratio", ...
    dimension: str = "count"
    # exact|approx|more_than|at_least|less_than|at_most|range|vague|plus|multiplier|unknown
    qualifier: str = "exact"
    change: str = "="  # NewsQuant-style: = ~ > < up down
    subject: str = ""  # lemmatized counted thing / measured thing: "artillery shell"
    attributes: tuple[str, ...] = ()  # modifiers kept out of the value: ("152mm",)
    tolerance: float = 0.0
    surface_value: str = ""  # the number as written: "two million", "25-30"
    surface_unit: str = ""  # the unit as written: "tons", "rail cars", "$"

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": _json_num(self.low),
            "high": _json_num(self.high),
            "value": _json_num(self.value),
            "unit": self.unit,
            "dimension": self.dimension,
            "qualifier": self.qualifier,
            "subject": self.subject,
            "attributes": list(self.attributes),
            "written_unit": self.surface_unit,
        }


@dataclass(frozen=True)
class Period:
    """A date or period resolved to an inclusive interval of ISO days."""

    start: str  # "2023-09-01"
    end: str  # "2024-01-23"
    granularity: str = "day"  # day|month|year|season|relative|open
    open_start: bool = False  # "until January": no stated start
    open_end: bool = False  # "since September": runs to the reference date

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "granularity": self.granularity,
            "open_start": self.open_start,
            "open_end": self.open_end,
        }

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class Attribution:
    speaker: str  # normalized entity: "analysts", "u.s. state department"
    speaker_surface: str = ""
    outlet: str = ""  # "the wall street journal" in "Analysts told The Wall Street Journal"
    verb: str = ""  # lemma of the speech verb: "say", "tell", "according to"
    speaker_start: int = -1
    speaker_end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "outlet": self.outlet, "verb": self.verb}


@dataclass(frozen=True)
class Claim:
    doc: str  # Document.id
    category: Category
    text: str  # the surface span, exactly ``document.text[start:end]``
    start: int
    end: int
    sentence: int  # index into Document.sentences
    subject: str = ""  # what the claim is about, for matching
    quantity: Quantity | None = None
    period: Period | None = None  # for date claims: the date itself
    time_frame: Period | None = None  # for quantity claims: when it held
    attribution: Attribution | None = None
    context: tuple[str, ...] = ()  # content-word lemmas of the sentence, for matching
    source: str = "text"  # text|table: where the claim was read

    def value_dict(self) -> dict[str, Any]:
        if self.quantity is not None:
            return self.quantity.to_dict()
        if self.period is not None:
            return self.period.to_dict()
        if self.attribution is not None:
            return self.attribution.to_dict()
        return {}


@dataclass(frozen=True)
class Match:
    claim: Claim
    evidence: Claim
    score: float  # 0..100 subject similarity


@dataclass(frozen=True)
class Finding:
    code: str  # stable: DQ101 ...
    name: str  # readable: quantity.conflict
    kind: Kind
    category: Category
    severity: Severity
    message: str
    claim: Claim
    evidence: tuple[Claim, ...] = ()
    fingerprint: str = ""
    ratio: float | None = None  # how far apart the figures are, where that means something


@dataclass(frozen=True)
class Report:
    documents: tuple[Document, ...]
    findings: tuple[Finding, ...]
    claims: tuple[Claim, ...] = field(default=(), repr=False)
    # Findings left out because a target had more than the report's limit of them.
    over_limit: int = 0
    # Documented comparison limits this check reached (discrepancy.limits), sorted.
    limits: tuple[str, ...] = ()

    def document(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = _PROVIDED["report_to_dict"](self)
        return record

    def to_frame(self) -> Any:
        return _PROVIDED["report_to_frame"](self)


# The JSON shape of a claim lives with the records because figure_table (compare)
# writes it as well as report (check), and figure_table comes before report.
# A record quotes the claim's sentence; past this many characters (a table row or a
# whole document on one line) it quotes this much around the claim, marked with "…",
# so a report grows with its findings, not with findings × line length.
SENTENCE_EXCERPT = 1000


def sentence_excerpt(claim: Claim, doc: Document) -> str:
    """The claim's sentence, or an excerpt of SENTENCE_EXCERPT characters around it."""
    if not 0 <= claim.sentence < len(doc.sentences):
        return ""
    s = doc.sentences[claim.sentence]
    if s.end - s.start <= SENTENCE_EXCERPT:
        return s.text
    start = max(s.start, min(claim.start - SENTENCE_EXCERPT // 3, s.end - SENTENCE_EXCERPT))
    end = min(s.end, start + SENTENCE_EXCERPT)
    text = doc.text[start:end]
    return ("…" if start > s.start else "") + text + ("…" if end < s.end else "")


def claim_record(claim: Claim, doc: Document) -> dict[str, Any]:
    """A claim as every output shows it (the figure table of ``compare`` and the
    findings of ``check``), located by line and column in its document."""
    line, column = doc.location(claim.start)
    end_line, end_column = doc.location(claim.end)
    sentence = sentence_excerpt(claim, doc)
    return {
        "doc": claim.doc,
        "path": doc.path,
        "text": claim.text,
        "sentence": sentence,
        "start": claim.start,
        "end": claim.end,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "value": claim.value_dict(),
    }


def _json_num(x: float) -> float | str | None:
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if math.isnan(x):
        return None
    if x == int(x) and abs(x) < 2**53:
        return int(x)
    return round(x, 10)
