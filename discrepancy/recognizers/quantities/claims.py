"""Mentions into records: ``Claim`` for a document, ``Quantity`` for a table cell."""

from __future__ import annotations

import math
import re
from functools import cache

from ...model import Claim, Document, Quantity, Sentence
from ...text import numbers, units
from ...text.lemmas import lemma_phrase
from ...text.words import sentence_context
from .lexicon import lex, word_list
from .mention import Mention
from .scanner import quantities_in_text
from .tokens import CURRENCY_CHARS, VULGAR


def to_quantity(m: Mention) -> Quantity:
    """Normalize a mention's numbers into the canonical unit of its dimension."""
    info = m.unit
    conv = units.to_canonical  # called directly: no closure made per mention
    lo, hi = conv(m.low, info), conv(m.high, info)
    if lo > hi:
        lo, hi = hi, lo
    unit = info.unit
    return Quantity(
        low=lo,
        high=hi,
        value=conv(m.value, info),
        unit=unit,
        dimension=info.dimension,
        qualifier=m.qualifier,
        change=m.change,
        subject=m.subject,
        attributes=m.attributes,
        tolerance=m.tolerance,
        surface_value=m.surface_value,
        surface_unit=m.surface_unit,
    )


def extract_quantities(doc: Document) -> list[Claim]:
    """Every quantity in ``doc`` as a Claim (category "quantity")."""
    sentences = doc.sentences or (Sentence(0, 0, len(doc.text), 1, 1, doc.text),)
    claims: list[Claim] = []
    continental = _continental(doc.text)
    for sent in sentences:
        stext = doc.text[sent.start : sent.end]
        if not _DIGIT.search(stext) and not _has_word_figure(stext):
            continue
        if continental:
            stext = _as_english(stext)
        mentions = quantities_in_text(stext)
        if not mentions:
            continue
        context = sentence_context(stext)
        for m in mentions:
            start, end = sent.start + m.start, sent.start + m.end
            claims.append(
                Claim(
                    doc=doc.id,
                    category="quantity",
                    text=doc.text[start:end],
                    start=start,
                    end=end,
                    sentence=sent.index,
                    subject=m.subject,
                    quantity=to_quantity(m),
                    context=context,
                )
            )
    return claims


# Numbers written the continental way: dots group thousands ("20.731 passengers") and a
# comma marks decimals ("86,2 tons", "9,7%"). Fixed groups, no nesting: linear.
_DOT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]?\d)")
_COMMA_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d,.]?\d)")
_COMMA_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.,]?\d)")


def _continental(text: str) -> bool:
    """The document writes its numbers the continental way throughout: dotted
    thousands and decimal commas, and no comma groups thousands anywhere."""
    return (
        _DOT_GROUPS.search(text) is not None and _COMMA_DECIMAL.search(text) is not None
        and _COMMA_GROUPS.search(text) is None
    )


def _as_english(text: str) -> str:
    """The sentence's numbers with the separators swapped ("20.731" as "20,731", "86,2"
    as "86.2"): the same length, so the spans still index the text."""
    text = _DOT_GROUPS.sub(lambda m: m.group().replace(".", ","), text)
    return _COMMA_DECIMAL.sub(lambda m: m.group().replace(",", "."), text)


@cache
def _figure_words() -> frozenset[str]:
    """Words that can start or make a figure, from the data files the scanner reads: a
    sentence with none of them (and no digit, currency or fraction mark) holds no figure."""
    lx = lex()
    nw = numbers.number_words()
    words = set(lx.ones_tens) | set(lx.of_vague) | set(lx.multipliers) | set(lx.folds)
    words |= set(nw["dozen"]) | set(nw["fractions"]) | set(nw["scales"]) | {"hundred"}
    words |= set(nw["denominators"]) | set(nw["zero_digits"])  # "a hundred trillionths", "naught"
    words |= {p for p in lx.prefix_first if p.isalpha()}
    words |= word_list("a_money_units")  # "more than a dollar"
    for phrase in lx.vague_phrases:
        # any occurrence of a phrase holds all its words: one (not a stopword) flags it
        content = [w for w in phrase if w not in lx.stop]
        words.add(content[-1] if content else phrase[-1])
    return frozenset(words - word_list("vague_words_not_flagging"))


_WORDS = re.compile(r"[^\W\d_]+")


_DIGIT = re.compile(r"\d")


def _has_word_figure(text: str) -> bool:
    """A word, currency mark or vulgar fraction that may make a figure in ``text``."""
    fw = _figure_words()
    # set tests in C, not a generator step per word and per character
    found = _WORDS.findall(text)
    return (
        not fw.isdisjoint(map(str.lower, found)) or not fw.isdisjoint(found)
        or not CURRENCY_CHARS.isdisjoint(text) or not VULGAR.isdisjoint(text)
    )


def quantity_from_cell(value_text: str, subject: str) -> Quantity | None:
    """Read a table cell ("20 million+", "Unknown") whose row label is ``subject``."""
    subj = lemma_phrase(subject.strip().lower()) if subject else ""
    cell = (value_text or "").strip()
    if cell.lower() in lex().unknown_cells or not cell:
        if not cell:
            return None
        return Quantity(
            low=0.0,
            high=math.inf,
            value=math.nan,
            qualifier="unknown",
            subject=subj,
            surface_value=cell,
        )
    mentions = quantities_in_text(cell)
    if not mentions:
        return None
    q = to_quantity(mentions[0])
    if not q.subject or q.dimension == "count":
        from dataclasses import replace

        q = replace(q, subject=subj or q.subject)
    return q
