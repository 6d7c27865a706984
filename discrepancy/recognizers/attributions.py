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

import re
from dataclasses import dataclass, replace
from functools import cache

from ..model import Attribution, Claim, Document, Sentence
from ..text import numbers
from ..text.wordlists import lines as _data_lines
from ..text.words import content_stems
from .base import Context, Recognizer

MAX_NP = 8  # a speaker phrase longer than this is a clause, not a name

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,4}|[A-Za-z0-9][A-Za-z0-9\-’']{0,40}(?:\.(?=[A-Za-z]))?|[^\sA-Za-z0-9]"
)
_DETERMINERS = frozenset({"the", "a", "an"})
_CONNECTORS = frozenset({"of", "in", "for", "at", "and", "on", "to"})
_SKIP_BEFORE_VERB = frozenset(
    "also immediately previously recently repeatedly publicly later earlier separately reportedly "
    "has have had will would could did does was were is are has been later then first further "
    "on last this week month year yesterday today monday tuesday wednesday thursday friday "
    "saturday sunday late early".split()
)
# Capitalized title words before a name: "Interior Minister Marta Carvalho".
_TITLE_WORDS = frozenset(
    "minister president chief executive officer secretary director head chair chairman "
    "chairwoman spokesman spokeswoman spokesperson commander general governor mayor senator "
    "ambassador envoy dr dr. mr mr. mrs mrs. ms ms. prof prof. professor sir lord lady judge "
    "interior finance foreign defense defence health prime deputy vice regional rail "
    "meteorologist evacuee analyst economist ceo cfo".split()
)
# Lowercase nouns before a capitalized name that make it an organization's name.
_ORG_NOUNS = frozenset(
    "group association company firm organisation organization charity union body "
    "distributor maker supplier service agency regulator watchdog institute network coalition "
    "party bank fund insurer airline manufacturer retailer consultancy newspaper broadcaster "
    "station".split()  # not "operator": "crane operator Jakub Mazur" is a person
)
_PRONOUNS = frozenset("he she they it we i you who which that this these those".split())
# Lowercase words that end a speaker phrase when scanning backwards: a speaker
# is never preceded inside its phrase by a verb or subordinator.
_NP_STOP = frozenset(
    "that which who whom whose when while if because but however as than so is was are were be "
    "been has have had will would could should may might must can do does did not no nor "
    "where why how what after before since until although though whether with without by from "
    "into onto about against among between through during over under".split()
)
# Heads that make a lowercase phrase a plausible speaker ("the missile usage" is not).
_SPEAKER_HEADS = frozenset(
    "government ministry department embassy house office agency council committee spokesman "
    "spokeswoman spokesperson minister president chief commander secretary ambassador envoy "
    "military army navy police company firm institute group organization report statement "
    "estimate estimates intelligence pentagon kremlin administration authorities authority "
    "leader leaders lawmaker lawmakers senator general director head staff team service "
    "services study survey data monitor monitors watchdog court prosecutor prosecutors "
    "media newspaper outlet spokespeople representative representatives".split()
)
_ORG_WORDS = frozenset(
    "government ministry department embassy house office agency council committee pentagon "
    "kremlin administration authorities military army navy command parliament congress senate "
    "state commission union nations".split()
)
_STATES_NOUN_BEFORE = frozenset(
    "us u.s. united member gulf arab baltic nordic african european southern northern eastern "
    "western island nation other all several many both two three four five six seven".split()
)
_SUBJECT_VERBS = frozenset({"quote", "cite"})  # "Bloomberg quoted <speaker>"
# Company suffixes: "Vestrand AG" ends in two capitals but is no person.
_COMPANY_WORDS = frozenset(
    "ag inc inc. ltd ltd. plc corp corp. co co. gmbh sa se llc nv bv group holdings company "
    "bank airlines railways partners service board association institute foundation "
    "university hospital club federation trust charity society fund centre center council "
    "party network alliance coalition campaign commission police church school college "
    "agency union office".split()
)
# A speaker phrase never runs back across a time: "On Monday evening authorities said".
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday morning afternoon evening "
    "night".split()
)
# "," or a closing quote before "said" and a name after it: "... ," said Rail Minister X.
_INVERTED_VERBS = frozenset(
    "say add warn note state insist acknowledge confirm claim conclude".split()
)
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})  # "Evening Standard"
_QUOTES = frozenset({'"', "”", "“", "'", "’"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
APPOSITIVE_MAX = 14  # tokens between the commas of "X, the spokesman, said"


@cache
def _speech_verbs() -> dict[str, str]:
    out = {}
    for ln in _data_lines("speech_verbs.txt"):
        surface, _, lemma = ln.partition(":")
        out[surface.strip()] = lemma.strip()
    return out


@cache
def _outlets() -> tuple[frozenset[str], frozenset[str]]:
    names: set[str] = set()
    suffixes: set[str] = set()
    target = names
    for ln in _data_lines("outlets.txt"):
        if ln == "[suffix]":
            target = suffixes
            continue
        target.add(ln.lower())
    return frozenset(names), frozenset(suffixes)


@cache
def _vague_heads() -> frozenset[str]:
    return frozenset(_data_lines("vague_speakers.txt"))


@cache
def _aliases() -> tuple[tuple[str, str], ...]:
    """(alias, canonical) pairs, longest alias first so "united states" wins over "states"."""
    pairs: list[tuple[str, str]] = []
    for ln in _data_lines("entity_aliases.txt"):
        if ln.startswith("["):
            continue
        canon, _, rest = ln.partition(":")
        canon = canon.strip()
        for alias in rest.split(","):
            if alias.strip():
                pairs.append((alias.strip(), canon))
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@cache
def _alias_re() -> re.Pattern[str]:
    alts = "|".join(re.escape(a) for a, _ in _aliases())
    return re.compile(rf"(?<![a-z0-9.])(?:{alts})(?![a-z0-9])")


@cache
def _alias_map() -> dict[str, str]:
    return dict(_aliases())


@cache
def _demonyms() -> frozenset[str]:
    """Words of place names and their adjectives: "South Korean" does not name a speaker."""
    words: set[str] = {"western", "eastern", "european", "allied", "foreign", "asian"}
    in_places = False
    for ln in _data_lines("entity_aliases.txt"):
        if ln.startswith("["):
            in_places = ln == "[places]"
            continue
        if in_places:
            words.update(re.findall(r"[a-z.]+", ln.replace(":", ",")))
    words.update(w.replace(".", "") for w in list(words))
    return frozenset(words)


# ------------------------------------------------------------------ entities


def canonical_entity(text: str) -> str:
    """Lowercase, no leading article, aliases folded: "The U.K. government" -> "uk government"."""
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"^(?:the|a|an)\s+", "", t)
    t = _alias_re().sub(lambda m: _alias_map()[m.group()], t)
    t = re.sub(r"'s\b", "", t)
    return " ".join(w.strip(".,") for w in t.split())


def canonical_text(text: str) -> str:
    """A whole document folded like ``canonical_entity``, for "does this name appear" checks."""
    t = text.lower().replace("’", "'")
    t = _alias_re().sub(lambda m: _alias_map()[m.group()], t)
    return t


def _words(surface: str) -> list[str]:
    return [w for w in re.findall(r"(?:[A-Za-z]\.){2,4}|[A-Za-z][A-Za-z\-'’]*", surface)]


def is_outlet(surface: str) -> bool:
    names, suffixes = _outlets()
    norm = " ".join(surface.lower().split())
    bare = re.sub(r"^the\s+", "", norm)
    if norm in names or bare in names:
        return True
    ws = _words(surface)
    return len(ws) >= 2 and ws[-1].lower() in suffixes and all(w[0].isupper() for w in ws)


def _proper(words: list[str]) -> list[str]:
    return [w for w in words if w[0].isupper() and w.lower() not in _DETERMINERS]


def _is_demonym(word: str) -> bool:
    w = word.lower().replace("’", "'")
    return w in _demonyms() or w.replace(".", "") in _demonyms()


def _is_anaphora(words: list[str]) -> bool:
    """ "The two countries", "both sides": parties named earlier, counted, not named."""
    if len(words) == 2 and words[0] == "both":
        return True
    return (
        len(words) == 3
        and words[0] in ("the", "these", "those")
        and (words[1].isdigit() or numbers.is_number_word(words[1]))
    )


def is_vague(surface: str) -> bool:
    """Generic speakers ("analysts", "a senior U.S. defense official") name nobody."""
    ws = _words(surface)
    if not ws:
        return True
    low = [w.lower() for w in ws]
    if _is_anaphora(low):
        return True
    head = ws[-1].lower()
    if head not in _vague_heads():
        return False
    named = [w for w in _proper(ws) if not _is_demonym(w)]
    # "Analysts" at the start of a sentence is capitalized but still generic
    return all(w.lower() in _vague_heads() for w in named)


def speaker_kind(surface: str) -> str:
    """outlet | vague | government | person | other: conflicts are between like kinds."""
    if is_outlet(surface):
        return "outlet"
    if is_vague(surface):
        return "vague"
    head = _person_part(surface)
    if head != surface:
        return "person"  # "Naomi Fitch of campaign group Public Spending Watch"
    ws = _words(surface)
    last_two = ws[-2:]
    run = len(ws)
    while run > 0 and ws[run - 1][0].isupper():
        run -= 1
    if 0 < run < len(ws) and ws[run - 1].lower() in _ORG_NOUNS:
        return "other"  # "campaign group Public Spending Watch", "distributor E-Redes"
    if (
        len(last_two) == 2
        and all(w[0].isupper() and not _is_demonym(w) for w in last_two)
        and not any(w.lower() in _ORG_WORDS | _COMPANY_WORDS for w in last_two)
        and ws[0].lower() != "the"  # "The Trussell Trust": people take no article
    ):
        return "person"  # "... chief Kyrylo Budanov"
    if any(w.lower() in _ORG_WORDS for w in ws):
        return "government"
    return "other"


_OF_PART = re.compile(r"\s(?:of|at|from)\s")


def _person_part(surface: str) -> str:
    """The person in "Naomi Fitch of campaign group X": the two capitals before "of"."""
    m = _OF_PART.search(surface)
    if m is None:
        return surface
    left = surface[:m.start()]
    ws = _words(left)
    if len(ws) >= 2 and all(
        w[0].isupper() and not _is_demonym(w) and w.lower() not in _ORG_WORDS | _COMPANY_WORDS
        | _TITLE_WORDS for w in ws[-2:]
    ):
        return left
    return surface


def person_name(surface: str) -> tuple[str, ...]:
    """Lowercase personal name of a person speaker: "finance chief Lars Brenner" -> ("lars",
    "brenner"). Titles are paraphrased between articles ("chief financial officer"), names
    are not, so people are matched by these words. Empty when ``surface`` names nobody."""
    surface = _person_part(surface)
    ws = _words(surface)
    if len(ws) == 1 and _is_surname(ws[0]) and speaker_kind(surface) == "other":
        return (ws[0].lower(),)  # "Carvalho said"
    if not ws or speaker_kind(surface) != "person":
        return ()
    run: list[str] = []
    for w in reversed(ws):
        if not w[0].isupper() or w.lower() in _TITLE_WORDS or _is_demonym(w):
            break
        run.append(w.lower().strip("."))
    return tuple(reversed(run))


def _is_surname(word: str) -> bool:
    low = word.lower()
    return (
        word[0].isupper() and not word.isupper() and not _is_demonym(word)
        and low not in _ORG_WORDS | _COMPANY_WORDS | _TITLE_WORDS | _vague_heads()
    )


def same_person(a: str, b: str) -> bool:
    """Two speaker surfaces naming one person: same surname, and the same given name
    when both give one ("Carvalho" is "Interior Minister Marta Carvalho")."""
    na, nb = person_name(a), person_name(b)
    if not na or not nb:
        return False
    if na[-1] != nb[-1]:
        return False
    if len(na) > 1 and len(nb) > 1:
        return na[0] == nb[0] or na[0][0] == nb[0][0] and (len(na[0]) <= 2 or len(nb[0]) <= 2)
    return True


def entity_keys(surface: str) -> list[str]:
    """Words that must all appear in a source for it to mention this speaker.

    A person is found by surname; an organization by its proper words with
    country aliases folded ("The British government" -> ["uk"]).
    """
    ws = _words(surface)
    kind = speaker_kind(surface)
    if kind == "person":
        return [canonical_entity(ws[-1])]
    proper = [canonical_entity(w) for w in _proper(ws)]
    proper = [p for p in proper if p]
    if proper:
        return proper
    return [canonical_entity(ws[-1])] if ws else []


# ------------------------------------------------------------------ extraction


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


_LETTERS = re.compile(r"[A-Za-z]+")


@cache
def _triggers() -> frozenset[str]:
    """Words without which a sentence holds no attribution (speech verbs are all letters)."""
    return frozenset(_speech_verbs()) | {"according", "According", "ACCORDING"}


def _tokens(doc: Document, sent: Sentence) -> list[_Tok]:
    return [
        _Tok(sent.start + m.start(), sent.start + m.end(), m.group())
        for m in _TOKEN.finditer(sent.text)
    ]


def _np_before(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """Token range [a, b) of the speaker phrase ending just before index ``i``."""
    j = i - 1
    # "Bloomberg News on Friday quoted", "The White House also said"
    while j >= 0 and toks[j].is_word and toks[j].low in _SKIP_BEFORE_VERB:
        j -= 1
    while j >= 0 and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", toks[j].low):
        j -= 1  # "on January 22" between speaker and verb
        if j >= 0 and toks[j].low in _SKIP_BEFORE_VERB | {"january", "february"}:
            j -= 1
    b = j + 1
    words = 0
    while j >= 0 and words < MAX_NP:
        t = toks[j]
        if t.text in ("'s", "’s"):
            j -= 1
            continue
        if not t.is_word:
            break
        low = t.low
        if low in _DETERMINERS:
            # "spokesperson for the ministry": an article after "of"/"for" is inside
            prev = toks[j - 1].low if j > 0 else ""
            head = toks[j - 2] if j > 1 else None
            if prev in ("of", "for", "at") and head is not None and head.is_word and (
                head.low not in _NP_STOP | _PRONOUNS | _DETERMINERS
            ):
                j -= 2
                words += 2
                continue
            j -= 1
            break
        if low in _CONNECTORS:
            # "Embassy in Georgia": a connector joins two capitalized parts only;
            # "Naomi Fitch of campaign group X": "of" after a name joins its employer
            if j + 1 < b and j > 0 and toks[j - 1].is_cap and (
                toks[j + 1].is_cap or low == "of"
            ):
                j -= 1
                words += 1
                continue
            break
        if low in _NP_STOP or low in _PRONOUNS or t.text in _speech_verbs():
            break
        if low in _TIME_WORDS and not (t.is_cap and low in _DAY_PARTS):
            break  # "On Monday evening authorities confirmed"
        j -= 1
        words += 1
    a = j + 1
    while a < b and toks[a].low in _CONNECTORS:
        a += 1
    return (a, b) if a < b else None


def _np_after(toks: list[_Tok], i: int, caps_only: bool = False) -> tuple[int, int] | None:
    """Token range [a, b) of the phrase starting at index ``i`` (outlet, quoted speaker)."""
    j = i
    if j < len(toks) and toks[j].low in _DETERMINERS:
        j += 1
    words = 0
    while j < len(toks) and words < MAX_NP:
        t = toks[j]
        if not t.is_word:
            if t.text == "." and j > i and toks[j - 1].is_cap and len(toks[j - 1].text) <= 3:
                j += 1
                continue
            break
        low = t.low
        if caps_only and not t.is_cap:
            break
        if low == "and":
            # "U.S. and South Korean intelligence": "and" joins names, not clauses
            if j + 1 < len(toks) and toks[j + 1].is_cap:
                j += 1
                continue
            break
        if t.text in _speech_verbs():
            # "intelligence estimates that": a plural noun here, and the phrase's head
            nxt = toks[j + 1].low if j + 1 < len(toks) else ""
            if t.text.endswith("s") and nxt in ("that", "of") and words:
                j += 1
                words += 1
            break
        if low in _NP_STOP or low in _PRONOUNS:
            break
        j += 1
        words += 1
    return (i, j) if j > i and words else None


def _plausible_speaker(toks: list[_Tok], a: int, b: int, sentence_start: int,
                       names: frozenset[str] = frozenset()) -> bool:
    ws = toks[a:b]
    if not ws or ws[-1].low in _PRONOUNS:
        return False
    head = ws[-1].low
    if head in _SPEAKER_HEADS or head in _vague_heads():
        return True
    surface = " ".join(t.text for t in ws)
    if is_outlet(surface):
        return True
    # a capital that is not merely the sentence's first word marks a name; so
    # does a first word the document capitalizes mid-sentence too ("Brenner said")
    return any(t.is_cap and (t.start != sentence_start or t.text in names) for t in ws)


def _doc_names(doc: Document) -> frozenset[str]:
    """Capitalized words the document writes mid-sentence: names, not just sentence openers."""
    out: set[str] = set()
    for sent in doc.sentences:
        for m in _MID_CAP.finditer(sent.text):
            out.add(m.group(1))
    return frozenset(out)


_MID_CAP = re.compile(r"(?<=[A-Za-z0-9,] )([A-Z][a-z][A-Za-z\-]{0,30})\b")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _surface(doc: Document, toks: list[_Tok], a: int, b: int) -> tuple[int, int, str]:
    s, e = toks[a].start, toks[b - 1].end
    return s, e, doc.text[s:e]


def _normal_speaker(surface: str) -> str:
    t = " ".join(surface.lower().replace("’", "'").split())
    return re.sub(r"^(?:the|a|an)\s+", "", t)


def _statement_subject(doc: Document, sent: Sentence, skip: list[tuple[int, int]]) -> str:
    """Content stems of the sentence with the speaker, outlet and verb cut out."""
    parts: list[str] = []
    pos = sent.start
    for a, b in sorted(skip):
        parts.append(doc.text[pos:a])
        pos = max(pos, b)
    parts.append(doc.text[pos:sent.end])
    return " ".join(content_stems(" ".join(parts)))


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
    ctx = _Context(doc, _doc_names(doc))
    for sent in doc.sentences:
        # Most sentences quote nobody; a C-speed word scan spares them the tokenizer.
        if triggers.isdisjoint(_LETTERS.findall(sent.text)):
            continue
        toks = _tokens(doc, sent)
        consumed_until = -1  # an earlier attribution's object ("quoted ... estimates that")
        for i, t in enumerate(toks):
            if i <= consumed_until:
                continue
            got = _according_to(doc, sent, toks, i)
            if got is None and t.text in verbs:
                got = _verb_attribution(doc, sent, toks, i, verbs[t.text], ctx)
            if got is None:
                continue
            claim, last_tok = got
            claim = ctx.resolve(claim)
            claims.append(claim)
            consumed_until = last_tok
    return claims


@dataclass
class _Context:
    """What earlier attributions in the document tell later ones: who was named."""

    doc: Document
    names: frozenset[str]
    people: list[Claim] | None = None

    def _people(self) -> list[Claim]:
        if self.people is None:
            self.people = []
        return self.people

    def resolve(self, claim: Claim) -> Claim:
        att = claim.attribution
        assert att is not None
        if speaker_kind(att.speaker_surface) == "person":
            self._people().append(claim)
            return claim
        name = person_name(att.speaker_surface)
        if len(name) != 1:
            return claim
        for prev in reversed(self._people()):
            p = prev.attribution
            assert p is not None
            if person_name(p.speaker_surface)[-1:] == name:
                return replace(claim, attribution=replace(
                    att, speaker=p.speaker, speaker_surface=p.speaker_surface,
                    speaker_start=p.speaker_start, speaker_end=p.speaker_end,
                ))
        return claim

    def antecedent(self, pos: int) -> Claim | None:
        """The last named person before ``pos`` in the same paragraph."""
        people = self._people()
        if not people:
            return None
        prev = people[-1]
        if _PARAGRAPH_BREAK.search(self.doc.text, prev.end, pos):
            return None
        return prev


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


def _normal_outlet(surface: str) -> str:
    return " ".join(surface.lower().replace("’", "'").split())


def _appositive(toks: list[_Tok], comma: int) -> tuple[int, int] | None:
    """Speaker of "X, the spokesman, said" / "X, 52, told": the phrase before the
    comma that opens the appositive ending at ``comma``."""
    for k in range(comma - 1, max(-1, comma - APPOSITIVE_MAX), -1):
        t = toks[k]
        if t.text in _QUOTES or t.text in (".", "!", "?", ";", ":", "(", ")"):
            return None
        if t.text == ",":
            return _np_before(toks, k) if k < comma - 1 else None
    return None


_INVERTED_END = frozenset(
    "in at on to during after before while when as a an who which that".split()
)


def _np_inverted(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The speaker after an inverted verb: '"...," said Rail Minister Helen Ashworth.'"""
    np = _np_after(toks, i)
    if np is None:
        return None
    a, b = np
    for k in range(a + 1, b):
        if toks[k].low in _INVERTED_END:
            b = k
            break
    while b > a + 1 and toks[b - 1].low in _SKIP_BEFORE_VERB:
        b -= 1
    return (a, b)


def _verb_attribution(  # noqa: C901
    doc: Document, sent: Sentence, toks: list[_Tok], i: int, lemma: str, ctx: _Context
) -> tuple[Claim, int] | None:
    # "the UK's report on", "a fact sheet": a determiner before the word makes it a noun
    if i > 0 and (
        toks[i - 1].low in _DETERMINERS | {"its", "their", "his", "her"}
        or toks[i - 1].low.endswith(("'s", "’s"))
    ):
        return None
    # "in 17 US states reported", "member states said": the plural noun, not the verb
    if toks[i].low == "states" and i > 0 and (
        toks[i - 1].text[0].isdigit() or toks[i - 1].low in _STATES_NOUN_BEFORE
    ):
        return None
    np = _np_before(toks, i)
    if np is not None and not _plausible_speaker(toks, np[0], np[1], sent.start, ctx.names):
        np = None
    if np is None and i > 0 and toks[i - 1].text == ",":
        np = _appositive(toks, i - 1)
        if np is not None and (
            not _plausible_speaker(toks, np[0], np[1], sent.start, ctx.names)
            or speaker_kind(" ".join(t.text for t in toks[np[0]:np[1]])) == "outlet"
        ):
            np = None
    antecedent: Claim | None = None
    inverted = False
    if np is None and lemma in _INVERTED_VERBS and i > 0 and (
        toks[i - 1].text in _QUOTES or toks[i - 1].text == ","
    ):
        np = _np_inverted(toks, i + 1)
        if np is not None and not _plausible_speaker(toks, np[0], np[1], -1, ctx.names):
            np = None
        inverted = np is not None
    if np is None:
        j = i - 1
        while j >= 0 and toks[j].low in _SKIP_BEFORE_VERB:
            j -= 1
        if j < 0 or toks[j].low not in _PERSON_PRONOUNS:
            return None
        antecedent = ctx.antecedent(toks[j].start)
        if antecedent is None:
            return None
        np = (j, j + 1)
    s, e, surface = _surface(doc, toks, *np)
    outlet = ""
    span_end = e
    last = np[1] - 1 if inverted else i
    skip = [(min(s, toks[i].start), max(e, toks[i].end))]
    if is_outlet(surface):
        outlet = _normal_outlet(surface)
        if lemma in _SUBJECT_VERBS:
            obj = _np_after(toks, i + 1)
            if obj is not None:
                os_, oe, osurf = _surface(doc, toks, *obj)
                surface, s, e = osurf, os_, oe
                span_end = oe
                last = obj[1] - 1
                skip.append((os_, oe))
    elif lemma == "tell" and not inverted and _capitalized_object(toks, i + 1):
        obj = _np_after(toks, i + 1, caps_only=True)
        if obj is not None:
            _, oe, osurf = _surface(doc, toks, *obj)
            if is_outlet(osurf) or len(_proper(_words(osurf))) >= 2:
                outlet = _normal_outlet(osurf)
                span_end = oe
                last = obj[1] - 1
                skip.append((toks[i].end, oe))
    start = min(s, toks[np[0]].start, toks[i].start) if inverted else min(s, toks[np[0]].start)
    if antecedent is not None and antecedent.attribution is not None:
        ant = antecedent.attribution
        att = Attribution(
            speaker=ant.speaker, speaker_surface=ant.speaker_surface, outlet=outlet,
            verb=lemma, speaker_start=ant.speaker_start, speaker_end=ant.speaker_end,
        )
    else:
        att = Attribution(
            speaker=_normal_speaker(surface), speaker_surface=surface, outlet=outlet,
            verb=lemma, speaker_start=s, speaker_end=e,
        )
    subject = _statement_subject(doc, sent, skip)
    return _claim(doc, sent, start, max(span_end, e), att, subject), last


def _capitalized_object(toks: list[_Tok], i: int) -> bool:
    """ "told Reuters", "told the Financial Times" (not "told reporters")."""
    if i < len(toks) and toks[i].low in _DETERMINERS:
        i += 1
    return i < len(toks) and toks[i].is_cap


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


class AttributionRecognizer(Recognizer):
    """Who said what: a speaker and the words of the statement."""

    name = "attributions"
    category = "attribution"

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        return extract_attributions(doc)
