"""Who said what: speakers, outlets and the statements attributed to them.

One pass over each sentence's tokens. For every speech verb (a data file) the
speaker is the noun phrase right before it (at most 8 words, skipping
adverbs such as "also" and times such as "on Friday"), or before an appositive
("X, 52, told", "X, the spokesman, said"), or after an inverted verb ('"...,"
said X'); "according to X" takes the phrase after. "He/she said" is credited to
the last named person of the same paragraph, and a bare surname ("Brenner
said") to the full name given earlier. An outlet is read from "told
(the) <Outlet>" or from a speaker that is itself an outlet ("Bloomberg News
... quoted <estimates>"). No regex here repeats anything unboundedly, so long
sentences cost linear time.

Entity helpers (``canonical_entity``, ``entity_keys``, ``speaker_kind``,
``is_vague``) are shared with the comparer so "the British government" and
"UK" meet, and so are "U.S." and "United States".
"""

from __future__ import annotations

from ...model import Claim, Document
from ..base import Context, Recognizer
from .entities import (
    canonical_entity,
    canonical_text,
    entity_keys,
    is_outlet,
    is_role,
    is_vague,
    person_name,
    same_person,
    speaker_kind,
)
from .forms import _according_to, _verb_attribution
from .people import _People
from .phrases import _LETTERS, _tokens, _triggers
from .vocabulary import _speech_verbs

__all__ = [
    "AttributionRecognizer", "canonical_entity", "canonical_text", "entity_keys",
    "extract_attributions", "is_outlet", "is_role", "is_vague", "person_name", "same_person",
    "speaker_kind",
]

def extract_attributions(doc: Document) -> list[Claim]:
    """Every attributed statement in ``doc`` as an "attribution" Claim.

    The span covers the speaker (and the outlet when there is one, with the
    verb between them); ``subject`` is the content stems of the statement.
    Forms read: "X said", "X, the spokesman, said", "..., said X", "according
    to X", "X told <Outlet>", and "he/she said" for the last named person of
    the same paragraph. A bare surname ("Carvalho said") or pronoun takes the
    full surface of the person named earlier, so comparers see one speaker.
    """
    claims: list[Claim] = []
    verbs = _speech_verbs()
    triggers = _triggers()
    ctx = _People(doc)
    for sent in doc.sentences:
        # Most sentences quote nobody; a C-speed word scan spares them the tokenizer.
        if triggers.isdisjoint(_LETTERS.findall(sent.text)):
            continue
        toks = _tokens(doc, sent)
        consumed_until = -1  # an earlier attribution's object ("quoted ... estimates that")
        # a token is "according" only where the lower-cased sentence holds the word:
        # one test of the sentence spares the others a lower() per token
        accords = "according" in sent.text.lower()
        for i, t in enumerate(toks):
            if i <= consumed_until:
                continue
            # "according" is tested here, not by a call per token
            got = _according_to(doc, sent, toks, i) if accords and t.low == "according" else None
            if got is None and t.text in verbs and not inside_quote(doc.text, t.start):
                got = _verb_attribution(doc, sent, toks, i, verbs[t.text], ctx)
            if got is None:
                continue
            claim, last_tok = got
            claim = ctx.resolve(claim)
            claims.append(claim)
            consumed_until = last_tok
    return claims


QUOTE_LOOKBACK = 2000  # characters of a paragraph read back for an open quotation


def inside_quote(text: str, at: int) -> bool:
    """Whether offset ``at`` lies inside a quotation: the last quote mark before
    it, in its paragraph, opens one. "“You know, Pat Riley said something many
    years ago ..." is the speaker's report of what another said, not the
    article's attribution of the quote; in '... exchange rates," said Toyota's
    President' the mark before the verb closes the quote (a straight mark opens
    after a space, closes after a word)."""
    lo = max(text.rfind("\n\n", 0, at), at - QUOTE_LOOKBACK, 0)
    k = max(text.rfind(q, lo, at) for q in ('"', "“", "”"))
    if k < 0:
        return False
    mark = text[k]
    if mark != '"':
        return mark == "“"
    return k == 0 or text[k - 1].isspace() or text[k - 1] in "([{"


class AttributionRecognizer(Recognizer):
    """Who said what: a speaker and the words of the statement."""

    name = "attributions"
    category = "attribution"

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        return extract_attributions(doc)
