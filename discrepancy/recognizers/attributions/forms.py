"""The forms of attribution, each a rule over the tokens of one sentence:
"according to X", "X said", "X, the spokesman, said", '"...," said X',
"he/she said", "X told <Outlet>" and "<Outlet> quoted X"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...model import Attribution, Claim, Document, Sentence
from ...text import wordlists
from ...text.wordlists import words
from ...text.words import content_stems
from .entities import _proper, _words, is_outlet, speaker_kind
from .people import _People
from .phrases import (
    _appositive,
    _capitalized_object,
    _np_after,
    _np_before,
    _np_inverted,
    _plausible_speaker,
    _surface,
    _Tok,
)
from .vocabulary import (
    _DETERMINERS,
    _INVERTED_VERBS,
    _PERSON_PRONOUNS,
    _POSSESSIVES,
    _QUOTES,
    _SKIP_BEFORE_VERB,
    _SPEAKER_HEADS,
    _STATES_NOUN_BEFORE,
    _SUBJECT_VERBS,
    _vague_heads,
)

_ARTICLE = re.compile(r"^(?:the|a|an)\s+")  # compiled once, not looked up per call


def _normal_speaker(surface: str) -> str:
    t = " ".join(surface.lower().replace("’", "'").split())
    return _ARTICLE.sub("", t)


def _normal_outlet(surface: str) -> str:
    return " ".join(surface.lower().replace("’", "'").split())


def _statement_subject(doc: Document, sent: Sentence, skip: list[tuple[int, int]]) -> str:
    """Content stems of the sentence with the speaker, outlet and verb cut out."""
    parts: list[str] = []
    pos = sent.start
    for a, b in sorted(skip):
        parts.append(doc.text[pos:a])
        pos = max(pos, b)
    parts.append(doc.text[pos:sent.end])
    return " ".join(content_stems(" ".join(parts)))


def _according_to(
    doc: Document, sent: Sentence, toks: list[_Tok], i: int
) -> tuple[Claim, int] | None:
    if toks[i].low != "according" or i + 1 >= len(toks) or toks[i + 1].low != "to":
        return None
    np = _np_after(toks, i + 2)
    if np is None or not _plausible_speaker(toks, np[0], np[1], -1):
        return None
    s, e, surface = _surface(doc, toks, *np)
    outlet = _normal_outlet(surface) if is_outlet(surface) else ""
    att = Attribution(
        speaker=_normal_speaker(surface), speaker_surface=surface, outlet=outlet,
        verb="according to", speaker_start=s, speaker_end=e,
    )
    subject = _statement_subject(doc, sent, [(toks[i].start, e)])
    return _claim(doc, sent, toks[i].start, e, att, subject), np[1] - 1


def _verb_attribution(
    doc: Document, sent: Sentence, toks: list[_Tok], i: int, lemma: str, ctx: _People
) -> tuple[Claim, int] | None:
    """"X said", "X, the spokesman, said", '"...," said X' or "he said" at verb ``i``."""
    if _noun_not_verb(toks, i) or _passive_by(toks, i) or _phrasal(toks, i, lemma):
        return None
    found = _speaker_of_verb(sent, toks, i, lemma, ctx)
    if found is None:
        return None
    np, inverted, antecedent = found
    if not inverted and _place_after_of(toks, np[0]):
        return None  # "SQM of Santiago, Chile has reported": the place is no speaker
    s, e, surface = _surface(doc, toks, *np)
    r = _Reading(s, e, surface, "", e, np[1] - 1 if inverted else i,
                 [(min(s, toks[i].start), max(e, toks[i].end))])
    if is_outlet(surface):
        r.outlet = _normal_outlet(surface)
        if lemma in _SUBJECT_VERBS:
            _read_quoted_object(doc, toks, i, r)
    elif lemma == "tell" and not inverted and _capitalized_object(toks, i + 1):
        _read_told_outlet(doc, toks, i, r)
    first = toks[np[0]].start
    start = min(r.start, first, toks[i].start) if inverted else min(r.start, first)
    att = _attribution(r, lemma, antecedent)
    subject = _statement_subject(doc, sent, r.skip)
    return _claim(doc, sent, start, max(r.span_end, r.end), att, subject), r.last


# A verb of speech with a particle that makes it another verb: "penalties now add
# up to a bit over €2.2bn" is a sum, "hard to tell apart" no telling
_PHRASAL = frozenset((("add", "up"), ("tell", "apart")))


def _phrasal(toks: list[_Tok], i: int, lemma: str) -> bool:
    return i + 1 < len(toks) and (lemma, toks[i + 1].low) in _PHRASAL


def _passive_by(toks: list[_Tok], i: int) -> bool:
    """ "the cash aid programme added by the House": a thing the House added,
    no programme speaking."""
    return toks[i].low.endswith("ed") and i + 1 < len(toks) and toks[i + 1].low == "by"


def _place_after_of(toks: list[_Tok], start: int) -> bool:
    """The speaker found ends a place named after "of": "(SQM) of Santiago,
    Chile has reported" (the company reported, from Santiago, Chile)."""
    return (
        start >= 3 and toks[start - 1].text == ","
        and toks[start - 2].text[:1].isupper() and toks[start - 3].low == "of"
    )


_DETERMINER_OR_POSSESSIVE = _DETERMINERS | _POSSESSIVES  # built once, not a union per call


def _determined(toks: list[_Tok], i: int) -> bool:
    """A determiner or possessive makes the word at ``i`` a noun: "the UK's report"."""
    prev = toks[i - 1]
    return prev.low in _DETERMINER_OR_POSSESSIVE or prev.low.endswith(("'s", "’s")) or (
        _possessive_noun(toks, i)
    )


def _possessive_noun(toks: list[_Tok], i: int) -> bool:
    """"Carlo Ancelotti's early-August remark that", "the minister's stark warning":
    a word of speech in its base form (not "said", "says") after a possessive and
    one singular lower-case word is a noun ("the company's chief said" speaks)."""
    if i < 2:
        return False
    word, prev = toks[i].low, toks[i - 1]
    return (
        prev.is_word and prev.text[:1].islower() and not prev.low.endswith("s")
        and toks[i - 2].low.endswith(("'s", "’s")) and not word.endswith(("ed", "s", "d"))
    )


def _noun_not_verb(toks: list[_Tok], i: int) -> bool:
    """Whether the speech word at ``i`` is a noun: "the UK's report on", "a fact sheet"
    (a determiner before it), "in 17 US states reported", "member states said"."""
    prev = toks[i - 1] if i > 0 else None
    if prev is None:
        return False
    if _determined(toks, i):
        return True
    if toks[i].low in _PLURAL_NOUN_VERBS and (
        _no_clause_after(toks, i) or _moved_figure_after(toks, i)
    ):
        # "five Midwestern states.", "- Initial claims -4K to 210K", "Afghan
        # claims up 84%": a noun that rose or fell, no speech
        return True
    if toks[i].low in _NOUN_FIRST and prev.is_word and prev.text.islower() and (
        prev.low not in _SPEAKER_HEADS and prev.low not in _vague_heads()
    ):
        # "jobless claims dropped", "news reports suggest": a lower-case word no
        # speaker ends with makes a compound noun; speakers end in a name or a
        # speaker's noun ("the ministry claims")
        return True
    if _noun_by_what_follows(toks, i):
        return True
    if prev.low in _PASSIVE_BEFORE or (
        prev.low in _PRESENT_BE and toks[i].low.endswith("ed")
    ):
        # "an intervention was cited", "the trade surplus is estimated at $2.03bn":
        # what was said of, not who said ("is estimating" is the speaker's act)
        return True
    if toks[i].low in _ROLE_VERBS and i + 1 < len(toks) and toks[i + 1].low == "as":
        return True  # "Moon Jae-in confirmed as president": a headline's passive
    if toks[i].low in _ADD_OR_CITE and _figure_next(toks, i):
        return True  # "NASS added N86bn", "it cited 3 reasons": an object, no speech
    return toks[i].low == "states" and (
        prev.text[0].isdigit() or prev.low in _STATES_NOUN_BEFORE
    )


def _noun_by_what_follows(toks: list[_Tok], i: int) -> bool:
    """ "The next CPI report is due", "the survey says is": a verb after it; "Summary
    of the Reuters report:", "the gist of Tesla's Q2 2023 report:": a heading's noun,
    a determiner or an owner before its name and a colon after it ("Analysts report:
    ..." speaks)."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and (nxt.low in _AUXILIARIES or (
        toks[i].low == "report" and nxt.text == ":" and any(
            t.low in _HEADING_DET or t.low.endswith(("'s", "’s"))
            for t in toks[max(0, i - HEADING_REACH):i - 1]
        )
    ))


# tokens before "report:" read for its determiner or owner: "the gist of Tesla's Q2
# 2023 report:"
HEADING_REACH = 4


_HEADING_DET = frozenset(("the", "a", "an", "this", "that"))


# Speech verbs that are also plural nouns: a verb has a clause, a quote or a
# comma after it; the noun ends its phrase or stands before a figure.
_PLURAL_NOUN_VERBS = frozenset(
    ("states", "claims", "reports", "notes", "says", "estimates", "forecasts")
)
# ... and speech words a lower-case word before makes a noun: "jobless claims",
# "the existing-home report:", "consensus estimates"
_NOUN_FIRST = frozenset(("claims", "reports", "report", "notes", "adds", "estimates", "forecasts"))
_PASSIVE_BEFORE = frozenset(("was", "were", "been", "being"))
_PRESENT_BE = frozenset(("is", "are", "be"))
_ROLE_VERBS = frozenset(("confirmed", "confirms"))
_ADD_OR_CITE = frozenset(("added", "adds", "add", "adding", "cited", "cites", "cite", "citing"))


def _figure_next(toks: list[_Tok], i: int) -> bool:
    """A figure is the verb's object: "added N86bn", "added another 5,000", "added
    a net 12,000"."""
    j = i + 1
    while j < len(toks) and j <= i + 2 and toks[j].low in _BEFORE_FIGURE:
        j += 1
    return j < len(toks) and any(ch.isdigit() for ch in toks[j].text)


_BEFORE_FIGURE = frozenset(("another", "about", "nearly", "some", "over", "almost", "around",
                            "a", "an", "net", "further", "roughly", "$", "£", "€"))


_AUXILIARIES = frozenset(("is", "was", "are", "were", "will", "would", "has", "had", "shows",
                          "showed", "due"))


@cache
def _change_words() -> frozenset[str]:
    table = wordlists.data("change_words.json")
    return frozenset(w for key in ("up", "down") for w in table[key])


def _moved_figure_after(toks: list[_Tok], i: int) -> bool:
    """A word of change, then a figure: "claims up 84%", "reports fell 12%"."""
    if i + 2 < len(toks) and toks[i + 1].low == "up" and toks[i + 2].low == "to":
        return False  # "the ministry claims up to 40 people died": a bound, no move
    return i + 1 < len(toks) and toks[i + 1].low in _change_words() and any(
        ch.isdigit() for t in toks[i + 2 : i + 4] for ch in t.text
    )


def _no_clause_after(toks: list[_Tok], i: int) -> bool:
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return True
    return nxt.text in (".", ";", ":", ")", "-", "–", "+", "%") or nxt.text[0].isdigit()


_Found = tuple[tuple[int, int], bool, Claim | None]  # phrase, inverted, antecedent


def _speaker_of_verb(
    sent: Sentence, toks: list[_Tok], i: int, lemma: str, ctx: _People
) -> _Found | None:
    """The speaker phrase of the verb at ``i``: the phrase before it, else before an
    appositive, else after an inverted verb, else a pronoun's antecedent."""
    quoted = _after_quote(toks, i)
    if quoted is not None and _plausible_speaker(toks, *quoted, sent.start, ctx.names):
        return quoted, False, None
    np = _np_before(toks, i)
    if np is not None and not _plausible_speaker(toks, np[0], np[1], sent.start, ctx.names):
        np = None
    if np is None and i > 0 and toks[i - 1].text == ",":
        np = _named_apposition(toks, i) or _appositive_speaker(sent, toks, i, ctx)
    if np is not None:
        return np, False, None
    if lemma in _INVERTED_VERBS and i > 0 and not toks[i].low.endswith("ing") and (
        toks[i - 1].text in _QUOTES or toks[i - 1].text == ","
    ):
        # '"...," said Smith'; but ", saying its vaccine would": what was said
        np = _np_inverted(toks, i + 1)
        if np is not None and _plausible_speaker(toks, np[0], np[1], -1, ctx.names):
            return np, True, None
    return _pronoun_speaker(toks, i, ctx)


QUOTED_SPEAKER_MAX = 20  # tokens from a closing quote to its verb


def _after_quote(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """'"...," Jay Barlow of NOAA's center in La Jolla, Calif., said': the
    speaker runs from the quote to the first comma, whatever places and
    employers it names (the phrase reader stops at the first of them)."""
    for k in range(i - 1, max(0, i - QUOTED_SPEAKER_MAX), -1):
        t = toks[k]
        if t.text == "." and toks[k - 1].low in words("abbreviations.txt"):
            continue  # "La Jolla, Calif., said"
        if t.text in (".", "!", "?", ";", ":", "(", ")"):
            return None
        if t.text in _QUOTES:
            if toks[k - 1].text != "," or k + 1 >= i or not toks[k + 1].is_cap:
                return None
            end = next((m for m in range(k + 1, i) if toks[m].text == ","), i)
            return (k + 1, end) if end - k - 1 >= 2 else None
    return None


NAME_TOKENS_MAX = 4


def _named_apposition(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """"One passenger, Joe Justice, said": the name between the commas speaks,
    not the description before it."""
    for k in range(i - 2, max(-1, i - 2 - NAME_TOKENS_MAX - 1), -1):
        if toks[k].text == ",":
            inside = toks[k + 1:i - 1]
            if len(inside) >= 2 and all(t.is_word and t.is_cap for t in inside) and (
                k > 0 and toks[k - 1].is_word and not toks[k - 1].is_cap
            ):
                return (k + 1, i - 1)
            return None
    return None


def _appositive_speaker(
    sent: Sentence, toks: list[_Tok], i: int, ctx: _People
) -> tuple[int, int] | None:
    """"X, the spokesman, said": a named speaker, never an outlet."""
    np = _appositive(toks, i - 1)
    if np is None or not _plausible_speaker(toks, np[0], np[1], sent.start, ctx.names):
        return None
    if speaker_kind(" ".join(t.text for t in toks[np[0]:np[1]])) == "outlet":
        return None
    return np


def _pronoun_speaker(toks: list[_Tok], i: int, ctx: _People) -> _Found | None:
    """"he said": the last named person of the paragraph speaks."""
    j = i - 1
    while j >= 0 and toks[j].low in _SKIP_BEFORE_VERB:
        j -= 1
    if j < 0 or toks[j].low not in _PERSON_PRONOUNS:
        return None
    antecedent = ctx.antecedent(toks[j].start)
    if antecedent is None:
        return None
    return (j, j + 1), False, antecedent


@dataclass
class _Reading:
    """The spans one attribution covers, widened as its outlet or object is read."""

    start: int
    end: int
    surface: str
    outlet: str
    span_end: int
    last: int  # the last token the attribution consumed
    skip: list[tuple[int, int]]  # spans cut out of the statement's subject


def _read_quoted_object(doc: Document, toks: list[_Tok], i: int, r: _Reading) -> None:
    """"Bloomberg quoted <speaker>": the outlet's object is the speaker."""
    obj = _np_after(toks, i + 1)
    if obj is None:
        return
    r.start, r.end, r.surface = _surface(doc, toks, *obj)
    r.span_end = r.end
    r.last = obj[1] - 1
    r.skip.append((r.start, r.end))


def _read_told_outlet(doc: Document, toks: list[_Tok], i: int, r: _Reading) -> None:
    """"X told Reuters", "X told the Financial Times": the object is the outlet."""
    obj = _np_after(toks, i + 1, caps_only=True)
    if obj is None:
        return
    _, oe, osurf = _surface(doc, toks, *obj)
    if is_outlet(osurf) or len(_proper(_words(osurf))) >= 2:
        r.outlet = _normal_outlet(osurf)
        r.span_end = oe
        r.last = obj[1] - 1
        r.skip.append((toks[i].end, oe))


def _attribution(r: _Reading, lemma: str, antecedent: Claim | None) -> Attribution:
    if antecedent is not None and antecedent.attribution is not None:
        ant = antecedent.attribution
        return Attribution(
            speaker=ant.speaker, speaker_surface=ant.speaker_surface, outlet=r.outlet,
            verb=lemma, speaker_start=ant.speaker_start, speaker_end=ant.speaker_end,
        )
    return Attribution(
        speaker=_normal_speaker(r.surface), speaker_surface=r.surface, outlet=r.outlet,
        verb=lemma, speaker_start=r.start, speaker_end=r.end,
    )


def _claim(doc: Document, sent: Sentence, start: int, end: int, att: Attribution,
           subject: str) -> Claim:
    return Claim(
        doc=doc.id,
        category="attribution",
        text=doc.text[start:end],
        start=start,
        end=end,
        sentence=sent.index,
        subject=subject,
        attribution=att,
        context=tuple(content_stems(sent.text)),
    )
