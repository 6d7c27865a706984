"""The records passed between the stages: a ``Core`` number, a finished ``Mention``,
and ``Skip`` (raised by a veto: not a quantity, resume further on)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...text import units


@dataclass
class Mention:
    """A figure found in a sentence, before normalization (offsets sentence-relative)."""

    start: int
    end: int
    low: float  # as written (after scale words), in the written unit
    high: float
    value: float
    qualifier: str = "exact"
    change: str = "="
    unit: units.UnitInfo = units.COUNT
    surface_unit: str = ""
    surface_value: str = ""
    subject: str = ""
    attributes: tuple[str, ...] = ()
    tolerance: float = 0.0
    is_range: bool = False
    kind: str = "digits"  # digits|spelled|fraction|vague|multiplier
    resume: int = 0  # token index where scanning continues
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Core:
    value: float
    first: int  # first token index
    last: int  # last token index (inclusive)
    digits: str
    scale: float = 1.0
    kind: str = "digits"
    unit: units.UnitInfo | None = None
    surface_unit: str = ""
    currency: str | None = None
    tol: float = 0.0
    vague: tuple[float, float] | None = None


class Skip(Exception):
    """The figure at this token is not a quantity; resume at ``resume``."""

    def __init__(self, resume: int) -> None:
        self.resume = resume


@dataclass
class Draft:
    """One figure while the stages of ``assemble.finish`` read the words around it.

    Mutable on purpose: each stage fills its part in turn (token indices are
    sentence token positions).
    """

    __slots__ = (
        "first", "last", "qfirst", "negative", "qual", "change", "between_word", "second",
        "is_range", "from_to", "unit", "surface_unit", "currency", "minor", "attrs", "pos",
        "kind", "subject", "span_last", "resume",
    )

    first: int  # first token of the figure, its sign included
    last: int  # last token read so far
    qfirst: int  # first token of the qualifier before ("more than"), else ``first``
    negative: bool
    qual: str
    change: str
    between_word: str  # "between" or "from" opening a range, else ""
    second: Core | None  # upper end of a range
    is_range: bool
    from_to: bool  # "from 240 to 273": a move, not a span
    unit: units.UnitInfo | None
    surface_unit: str
    currency: str | None
    minor: bool  # "50 cents": the figure is in hundredths of the currency
    attrs: list[str]
    pos: int  # next token to read
    kind: str
    subject: str
    span_last: int  # last token of the mention's span
    resume: int

