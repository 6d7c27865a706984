"""Attribution findings: a statement credited to the wrong speaker or outlet, or to nobody known.

For each attributed statement in the target:

1. Its statement (the sentence minus speaker, outlet and verb, plus the rest
   of its paragraph, since reported speech runs on) is matched against every
   source sentence by shared stems (see ``text.similarity`` for the
   scoring). A source sentence speaks for whoever is quoted in it, else for
   the nearest attribution up to ``CARRY`` sentences before it: news prose
   keeps reporting a speaker's claims without repeating "said".
2. If a matching source sentence is credited to the same speaker or outlet,
   the attribution is supported. People are the same speaker when their names
   agree (surname, and given name when both give one): titles are paraphrased
   ("finance chief" for "chief financial officer"). When the speaker is right
   but the summary adds an outlet ("told the Financial Times") that no source
   names, even in a site address, the outlet is a conflict: the source says
   where the words were spoken. If the best match is credited to a different,
   named speaker of the same kind (outlet for outlet, government for
   government, person for person), or to any named speaker with a strong
   match, it is a conflict.
3. Otherwise, a named speaker or outlet that no source mentions anywhere
   (aliases folded: "UK" ~ "British") is unsupported.

Generic speakers ("analysts", "a senior U.S. defense official") name nobody:
they are never reported, though the outlet they spoke to can be.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Attribution, Claim, Document, Finding
from ..options import Options
from ..recognizers.attributions import (
    canonical_entity,
    canonical_text,
    entity_keys,
    is_role,
    person_name,
    same_person,
    speaker_kind,
)
from ..text.similarity import OverlapRow, SparseOverlap
from ..text.words import content_stems
from .base import Code, Sources
from .events import common_stems, event_key
from .findings import make_finding
from .quotes import QUOTE_MIN_CHARS, QUOTE_MIN_WORDS, QUOTED, QUOTES_LOOKED_UP, SQUASH, squash
from .quotes import squashed_sources as _squashed

CONFLICT = Code("DQ301", "attribution.conflict", "conflict", "attribution",
                "A source attributes the statement or figure to someone else.")
UNSUPPORTED = Code("DQ302", "attribution.unsupported", "unsupported", "attribution",
                   "The speaker or outlet appears in no source.")
Verdict = tuple[Code, str, str, tuple[Claim, ...]]  # code, severity, message, evidence

CARRY = 3  # sentences a source's attribution carries forward
MIN_SHARED = 2
SAME_KIND_OVERLAP = 0.2  # a government credited instead of another government
ANY_KIND_OVERLAP = 0.5  # anyone else: only when the statements clearly match
PERSON_OVERLAP = 0.6  # a quote moved to another person: the words must clearly match
ANY_KIND_SHARED = 3  # ... in more than two words ("company", "share" match by accident)
FIGURE_BONUS = 0.15  # both statements carry a figure: the kind of claim agrees
SAME_ENTITY_SCORE = 90.0  # rapidfuzz token_set_ratio on canonical names
PRESENT_WORD_SCORE = 90.0  # a speaker's key word found in a source, allowing typos

_FIGURE = re.compile(
    r"(?<![\w-])(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\w])"
    r"|\b(?:dozens|hundreds|thousands|millions?|billions?|tenfold|twofold)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _SourceSentence:
    doc: Document
    index: int
    key: list[str]
    credited: tuple[Claim, ...]  # attribution claims speaking for this sentence
    has_figure: bool


@dataclass(frozen=True)
class _Name:
    canonical: str  # "uk government"
    kind: str  # outlet | government | person | other
    surface: str  # as written, for telling people apart by their names


# Memoised: a source sentence is judged once per matching summary claim, and
# repeated text matched many claims, each recomputing names and fuzzy scores.
@lru_cache(maxsize=1 << 16)
def _names(att: Attribution) -> tuple[_Name, ...]:
    """The named entities an attribution cites: its speaker, and the outlet it spoke to."""
    return tuple(_names_uncached(att))


def _names_uncached(att: Attribution) -> list[_Name]:
    out: list[_Name] = []
    surface = att.speaker_surface or att.speaker
    kind = speaker_kind(surface)
    if kind != "vague":
        out.append(_Name(canonical_entity(surface), kind, surface))
    if att.outlet and canonical_entity(att.outlet) != canonical_entity(surface):
        out.append(_Name(canonical_entity(att.outlet), "outlet", att.outlet))
    return out


@lru_cache(maxsize=1 << 16)
def _same_entity(a: _Name, b: _Name) -> bool:
    """One speaker under two descriptions. People are told apart by their names alone:
    titles are paraphrased ("finance chief" for "chief financial officer")."""
    from rapidfuzz import fuzz

    if not a.canonical or not b.canonical:
        return False
    if a.canonical.replace(" ", "") == b.canonical.replace(" ", ""):
        return True  # "Flight Aware" and "FlightAware": one name, spaced two ways
    if person_name(a.surface) and person_name(b.surface):
        return same_person(a.surface, b.surface)
    if _abbreviates(a.surface, b.surface) or _abbreviates(b.surface, a.surface):
        return True  # "IMF" and "the International Monetary Fund"
    return fuzz.token_set_ratio(a.canonical, b.canonical) >= SAME_ENTITY_SCORE


_LAST_ACRONYM = re.compile(r"\b([A-Z][A-Za-z]{1,6})$")


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` ends in an acronym ("Citing IMF", "the USGS") of a name
    ``long`` writes ("recent International Monetary Fund estimates", "The U.S.
    Geological Survey")."""
    m = _LAST_ACRONYM.search(short.strip().rstrip("."))
    if m is None or sum(ch.isupper() for ch in m.group(1)) < 2:
        return False
    word = m.group(1)
    keys = {word.upper(), "".join(ch for ch in word if ch.isupper())}
    return any(keys & _initials(run) for run in _PROPER_RUN.findall(long))


def _has_figure(text: str) -> bool:
    return _FIGURE.search(text) is not None


def _source_sentences(
    doc: Document, claims: list[Claim], common: frozenset[str]
) -> list[_SourceSentence]:
    atts = [c for c in claims if c.category == "attribution" and c.attribution is not None]
    by_sentence: dict[int, list[Claim]] = {}
    for c in atts:
        by_sentence.setdefault(c.sentence, []).append(c)
    out: list[_SourceSentence] = []
    for s in doc.sentences:
        credited: list[Claim] = by_sentence.get(s.index, [])
        if not credited and _opens_quote(s.text):
            # '"It came up to the first floor. We climbed onto the roof," X told Lusa':
            # an open quotation belongs to whoever is credited where it closes
            for fwd in range(1, CARRY + 1):
                nxt = s.index + fwd
                if nxt >= len(doc.sentences) or _PARAGRAPH_BREAK.search(
                    doc.text, s.end, doc.sentences[nxt].start
                ):
                    break
                credited = by_sentence.get(nxt, [])
                if credited:
                    break
        for back in range(1, CARRY + 1):
            if credited or _PRONOUN_SAID.search(s.text):
                break  # "'...,' she said" credits its own speaker, read or not
            credited = by_sentence.get(s.index - back, [])
        text = s.text
        for c in by_sentence.get(s.index, []):
            # the speaker's own words are not part of what was said
            a, b = c.start - s.start, c.end - s.start
            text = text[:max(a, 0)] + " " + text[max(b, 0):]
        out.append(
            _SourceSentence(
                doc, s.index, event_key(content_stems(text), common), tuple(credited),
                _has_figure(s.text),
            )
        )
    return out


_QUOTE_MARKS = re.compile(r'["“”]')
# A pronoun credited with the sentence: the extractor names its speaker only
# when the antecedent is clear, and an earlier sentence's speaker is no guess.
_PRONOUN_SAID = re.compile(
    r"\b(?:he|she|they)\s+(?:said|says|told|added|stated|explained|wrote)\b"
    r"|\b(?:said|says|added)\s+(?:he|she)\b",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _opens_quote(text: str) -> bool:
    """A sentence that starts a quotation it does not close."""
    t = text.lstrip()
    return t[:1] in ('"', "“") and len(_QUOTE_MARKS.findall(t)) % 2 == 1


_VOCAB_WORD = re.compile(r"[a-z][a-z0-9\-]*")


def _source_vocab(docs: list[Document]) -> list[str]:
    words: set[str] = set()
    for d in docs:
        words.update(_VOCAB_WORD.findall(canonical_text(d.text)))
    # a hyphened word also names its parts: "state-run media" names "state" media
    words.update(part for w in list(words) if "-" in w for part in w.split("-") if part)
    return _Vocab(sorted(words), docs)


# A name of capitalized words, joined by at most a few short lower-case ones
# ("Ministry of Defence"); bounded repetition: linear on any text.
# ... a capitalised word may take a possessive: "the Women's Tennis Association" is "WTA"
# A comma may part a name's words ("the Philippine Atmospheric, Geophysical and
# Astronomical Services Administration" is PAGASA) only before a capital.
_PROPER_RUN = re.compile(
    r"(?:\bU\.?[SKN]\.?\s+)?\b[A-Z][a-z]+(?:['’]s)?"
    r"(?:[\s-]+(?:of|the|and|for|on)|,?[\s-]+[A-Z][a-z]+(?:['’]s)?){1,8}"
)
_ACRONYM = re.compile(r"(?:[Tt]he\s+)?([A-Z][A-Za-z]{1,6})$")
_ACRONYM_WORD = re.compile(r"\b[A-Z]{2,6}\b")
# "M&S", "P&G", "AT&T", "NHS": capitals, perhaps joined by "&"
_ABBREVIATION_IN_TEXT = re.compile(r"\b[A-Z]{1,4}(?:&[A-Z]{1,4})?\b")
ACRONYM_WORDS_MAX = 6


def _initials(run: str) -> set[str]:
    """"Ministry of Defence" is "MD" and "MOD"; a leading "The" is no initial ("The
    Federal Aviation Administration" is "FAA"), and a name may drop what follows
    its "and" ("Centers for Disease Control and Prevention" is also "CDC")."""
    if run.startswith(("The ", "the ")):
        run = run[4:]
    run = run.replace(".", "")  # "U.S. Geological Survey" is "USGS"
    # ... and "U.S. Centers for Disease Control" is also "CDC"
    bare = run[3:] if run.startswith(("US ", "UK ", "UN ")) else run
    if "," in run:
        # a comma parts the words of a long name ("Philippine Atmospheric, Geophysical
        # and ...": PAGASA) or of a list ("Apple, Google and Microsoft"): only all the
        # initials, and only as many as a list's would match by chance but rarely
        words = run.replace(",", " ").replace("-", " ").split()
        capital = "".join(w[0] for w in words if w[0].isupper())
        out = {capital} if len(capital) >= COMMA_ACRONYM_MIN else set()
        # ... and each name of a list on its own: "the Consumer Financial Protection
        # Bureau, Office of the Comptroller of the Currency" names the CFPB
        for item in run.split(","):
            heads = "".join(w[0] for w in item.replace("-", " ").split() if w[0].isupper())
            if len(heads) >= ACRONYM_MIN:
                out.add(heads)
        return out
    out: set[str] = set()
    for part in {run, run.split(" and ")[0], bare, bare.split(" and ")[0]}:
        words = part.replace("-", " ").split()  # "Agence France-Presse" is "AFP"
        if words:
            # an acronym inside a name gives all its letters ("US Geological Survey")
            heads = [w if w.isupper() else w[0] for w in words]
            capital = "".join(h for h in heads if h[0].isupper())
            out |= {capital, "".join(heads).upper()}
            # a name may run on past its acronym: "National Oceanic and Atmospheric
            # Administration Fisheries" is also "NOAA"
            out |= {capital[:k] for k in range(ACRONYM_MIN, len(capital))}
    return out


_JOIN_WORD = re.compile(r"[a-z0-9]+")
JOINED_MIN = 4  # letters of a name read as two source words run together

ACRONYM_MIN = 3  # letters of the shortest acronym read as the front of a longer name
COMMA_ACRONYM_MIN = 4  # letters of the shortest acronym of a name a comma parts


class _Vocab(list[str]):
    """The sources' words, remembering which words were found in them: one cdist
    against the whole vocabulary per distinct word, not one per claim; and the
    initials of the names they write, for a speaker given as an acronym."""

    def __init__(self, words: list[str], docs: list[Document] | None = None) -> None:
        super().__init__(words)
        self.seen: dict[str, bool] = {}
        self._docs = docs or []
        self._acronyms: set[str] | None = None
        self._abbreviations: set[str] | None = None  # "M&S", "NHS" as the sources write them
        self._joined: set[str] | None = None

    def joined(self, key: str) -> bool:
        """Whether ``key`` is two neighbouring words of the sources written as one
        ("PeerJ" for "Peer J", "FlightAware" for "Flight Aware")."""
        if self._joined is None:
            self._joined = set()
            for d in self._docs:
                words = _JOIN_WORD.findall(d.text.lower())
                self._joined.update(a + b for a, b in zip(words, words[1:], strict=False))
        k = SQUASH.sub("", key.lower())
        return len(k) >= JOINED_MIN and k in self._joined

    def abbreviated(self, surface: str) -> bool:
        """Whether the sources write ``surface``, a name of two or more capitalized
        words, as its initials: "Marks & Spencer" as "M&S", "Procter & Gamble" as
        "P&G", "Transport for London" as "TL" never (its "for" is no initial)."""
        words = [w for w in surface.replace("&", " & ").split() if w[:1].isupper() or w == "&"]
        if words and words[0].lower() == "the":
            words = words[1:]  # "The World Health Organization" is "WHO"
        if len(words) < 2 or len(words) > ACRONYM_WORDS_MAX:
            return False
        joined = "".join(w[0] for w in words)
        forms = {joined, joined.replace("&", "")}
        if self._abbreviations is None:
            self._abbreviations = {
                m.group() for d in self._docs for m in _ABBREVIATION_IN_TEXT.finditer(d.text)
            }
        return bool(forms & self._abbreviations)

    def spells(self, surface: str) -> bool:
        """Whether ``surface`` is an acronym ("The MoD", "NHS") of a name the
        sources write ("Ministry of Defence", "National Health Service")."""
        m = _ACRONYM.fullmatch(surface.strip().rstrip("."))  # "according to the FDA."
        words = [m.group(1)] if m is not None else _ACRONYM_WORD.findall(surface)
        words = [w for w in words if sum(ch.isupper() for ch in w) >= 2]
        if not words:
            return False
        if self._acronyms is None:
            self._acronyms = {
                a for d in self._docs for run in _PROPER_RUN.findall(d.text)
                for a in _initials(run)
            }
        # "a NOAA Fisheries assessment": the acronym inside names the body
        return any(
            {w.upper(), "".join(ch for ch in w if ch.isupper())} & self._acronyms for w in words
        )


def _appears(keys: list[str], vocab: list[str]) -> bool:
    """Whether every key word of a name occurs in the sources (rapidfuzz, typo-tolerant)."""
    # the vocabulary's own tokens: "d'esposito" is "d" and "esposito" there
    words = [w for k in keys for w in _VOCAB_WORD.findall(k)]
    if not words:
        return True
    if not vocab:
        return False
    seen = vocab.seen if isinstance(vocab, _Vocab) else {}
    new = [w for w in dict.fromkeys(words) if w not in seen]
    if new:
        import numpy as np
        from rapidfuzz import fuzz, process

        scores = process.cdist(new, vocab, scorer=fuzz.ratio, dtype=np.float32)
        seen.update(zip(new, (scores.max(axis=1) >= PRESENT_WORD_SCORE).tolist(), strict=True))
    return all(seen[w] for w in words)


def _credited_names(s: _SourceSentence) -> list[tuple[_Name, Claim]]:
    out: list[tuple[_Name, Claim]] = []
    for c in s.credited:
        assert c.attribution is not None
        out.extend((name, c) for name in _names(c.attribution))
    return out


def _quote(text: str) -> str:
    return f'"{text.strip()}"'


def find_attribution_findings(
    target: Document,
    target_claims: list[Claim],
    sources: list[tuple[Document, list[Claim]]],
) -> list[Finding]:
    """Attribution conflicts and unsupported speakers of ``target`` against ``sources``."""
    import numpy as np

    t_atts = [c for c in target_claims if c.category == "attribution" and c.attribution]
    if not t_atts or not sources:
        return []
    common = common_stems([target, *(d for d, _ in sources)])
    src_sentences = [s for d, cl in sources for s in _source_sentences(d, cl, common)]
    t_keys = [event_key(c.subject.split(), common) for c in t_atts]
    t_figures = [_sentence_has_figure(target, c) for c in t_atts]
    overlap = SparseOverlap(t_keys, [s.key for s in src_sentences])
    src_fig = np.array([s.has_figure for s in src_sentences], dtype=bool)
    docs = [d for d, _ in sources]
    vocab = _source_vocab(docs)
    squashed = _squashed(docs)
    findings: list[Finding] = []
    reported: set[str] = set()
    quotes_seen: dict[str, bool] = {}
    # the speakers each summary sentence names: "Reese said the fact that Francis
    # quoted John Paul was ..." credits the quote to one of them
    by_sentence: dict[int, list[_Name]] = {}
    atts_of: dict[int, list[Claim]] = {}  # each sentence's attributions, grouped once
    for c in t_atts:
        assert c.attribution is not None
        by_sentence.setdefault(c.sentence, []).extend(
            n for n in _names(c.attribution) if n.kind != "outlet"
        )
        atts_of.setdefault(c.sentence, []).append(c)
    aliases = _source_aliases(docs)
    for i, claim in enumerate(t_atts):
        assert claim.attribution is not None
        names = _with_aliases(list(_names(claim.attribution)), aliases)
        if not names:
            continue  # "analysts said": nobody to check
        sentence_text = target.sentences[claim.sentence].text
        order, shared, coef = _ranked(overlap.row(i), t_figures[i], src_fig)
        # a quotation may open a sentence or two before the one that credits it
        opened = target.sentences[max(0, claim.sentence - CARRY)].start
        quoting = _own_quotes(target.text, opened, target.sentences[claim.sentence].end,
                              claim, atts_of[claim.sentence])
        got = _judge(claim, names, order, shared, coef, src_sentences, vocab, squashed,
                     quoting, quotes_seen, sentence_text, by_sentence.get(claim.sentence, ()))
        if got is None:
            continue
        code, severity, message, evidence = got
        if code is UNSUPPORTED and _said_again(claim, message, reported):
            continue
        findings.append(
            make_finding(code, severity, message, claim, evidence,
                         sentence_text=sentence_text)
        )
    return findings


# "Mr Joko – popularly known as Jokowi –", "Luiz Inácio Lula da Silva, known as Lula,":
# a source that gives a person's other name. Bounded words, no nested repeats: linear.
_KNOWN_AS = re.compile(
    r"\b(?:(?:popularly|better|widely|commonly|also|locally)\s)?known\sas\s"
    r"([A-Z][\w'’-]{1,30}(?:\s[A-Z][\w'’-]{1,30}){0,2})"
)
_NAME_BEFORE = re.compile(
    r"((?:(?:Mr|Mrs|Ms|Dr)\.?\s)?[A-Z][\w'’-]{1,30}(?:\s[A-Z][\w'’-]{1,30}){0,3})"
    r"\s{0,2}[,–—(-]\s{0,2}$"
)
ALIAS_REACH = 80  # characters before "known as" searched for the name it glosses


def _source_aliases(docs: list[Document]) -> dict[str, tuple[str, ...]]:
    """Each name a source glosses with another ("Mr Joko – popularly known as
    Jokowi –"), lower-cased, with the other name: a summary may use either."""
    out: dict[str, list[str]] = {}
    for doc in docs:
        for m in _KNOWN_AS.finditer(doc.text):
            before = _NAME_BEFORE.search(doc.text, max(0, m.start() - ALIAS_REACH), m.start())
            if before is None:
                continue
            name, alias = before.group(1), m.group(1)
            out.setdefault(alias.lower(), []).append(name)
            out.setdefault(name.lower(), []).append(alias)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def _with_aliases(names: list[_Name], aliases: dict[str, tuple[str, ...]]) -> list[_Name]:
    """``names`` and the other names the sources give them."""
    if not aliases:
        return names
    extra = [
        _Name(canonical_entity(other), n.kind, other)
        for n in names if n.kind != "outlet"
        for other in aliases.get(n.surface.lower(), ())
    ]
    return names + extra


def _sentence_has_figure(doc: Document, c: Claim) -> bool:
    return _has_figure(doc.sentences[c.sentence].text) if c.sentence < len(doc.sentences) else False


def _said_again(claim: Claim, message: str, reported: set[str]) -> bool:
    """ "he said", "Wrona said": the person named earlier is reported once."""
    assert claim.attribution is not None
    if message in reported and claim.attribution.speaker_surface not in claim.text:
        return True
    reported.add(message)
    return False


def _ranked(
    r: OverlapRow, has_figure: bool, src_fig: Any
) -> tuple[list[int], dict[int, float], dict[int, float]]:
    """The source sentences sharing enough stems with a claim, best first (at
    most ``MAX_MATCHES``), and their shared stems and overlap by sentence index.
    Both statements carrying a figure adds ``FIGURE_BONUS`` to the overlap."""
    import numpy as np

    # float64 after the bonus, as the dense matrix was
    coef = r.coef + FIGURE_BONUS * (bool(has_figure) & src_fig[r.cols])
    order = r.ranked(r.shared >= MIN_SHARED, (-r.shared, -coef))
    at = np.searchsorted(r.cols, order)
    return (order, dict(zip(order, r.shared[at], strict=True)),
            dict(zip(order, coef[at], strict=True)))


def _judge(
    claim: Claim,
    names: list[_Name],
    order: list[int],
    shared: Mapping[int, float],
    coef: Mapping[int, float],
    src: list[_SourceSentence],
    vocab: list[str],
    squashed: str = "",
    quoting: str = "",
    quotes_seen: dict[str, bool] | None = None,
    own: str = "",
    beside: Sequence[_Name] = (),
) -> Verdict | None:
    """``order``: the source sentences sharing enough stems, best first; ``shared``
    and ``coef`` their overlap, by sentence index."""
    matches = [j for j in order if coef[j] >= SAME_KIND_OVERLAP and src[j].credited]
    speakers = [n for n in names if n.kind != "outlet"]
    outlets = [n for n in names if n.kind == "outlet"]
    quoted = _quotes_source(quoting, squashed, {} if quotes_seen is None else quotes_seen)
    # words the summary quotes from a source are the speaker's of the passage
    # that holds them, not of any passage about the same things ('"To most
    # Australians Richie Benaud was cricket," Tony Abbott said' credits Abbott
    # with no other quote of the story)
    if quoted and _held_uncredited(src, own):
        # the words are quoted where no speaker we read is credited ('Mikhail
        # Ulyanov, spoke of "slow but steady progress"'): no other passage's
        # speaker is evidence against the summary's
        return _unmentioned(claim, names, vocab, squashed)
    same_speaker, settled = _statement_speakers(
        quoted, matches, src, own, speakers, outlets, beside
    )
    if settled or same_speaker is None:
        return None
    if same_speaker:
        return _unnamed_outlet(claim, outlets, same_speaker[0], src, speakers, vocab, squashed)
    # A name the sources mention is no evidence of a swap: articles credit one
    # statement to several people ("the FAA said" and "Johnson said"), and a
    # summary may take either.
    for n in names:
        if not quoted and _mentioned(claim, n, vocab, squashed):
            continue
        if n.kind != "outlet" and (is_role(n.surface) or _description_written(n, squashed)):
            # "the prosecutor", "The Pope": a role names nobody to swap; nor does
            # "the Slovenian" where the source calls its speaker so elsewhere
            continue
        swap = _same_kind_swap(claim, n, matches, src, shared, coef)
        if swap is None and n.kind != "outlet":
            # an outlet reports what people say: only another outlet contradicts it
            swap = _any_kind_swap(claim, n, matches, src, shared, coef)
        if swap is not None:
            return swap
    return _unmentioned(claim, names, vocab, squashed)


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _description_written(n: _Name, squashed: str) -> bool:
    """A speaker named by a description ("the Slovenian", "the 25-year-old") that
    the sources write too, of someone they do not name there."""
    words = n.surface.split()
    return (
        len(words) >= 2 and words[0].lower() == "the" and squash(n.surface) in squashed
    )


def _named_here(c: Claim, index: int, closing: bool = False) -> bool:
    """An attribution of sentence ``index`` that names its speaker there (or, with
    ``closing``, in a later sentence, where the quotation it opens closes)."""
    a = c.attribution
    placed = c.sentence >= index if closing else c.sentence == index
    return placed and a is not None and (
        a.speaker_surface or a.speaker
    ).lower() not in _PRONOUNS and c.text.strip().lower() not in _PRONOUNS


def _statement_speakers(
    quoted: bool, matches: list[int], src: list[_SourceSentence], own: str,
    speakers: list[_Name], outlets: list[_Name], beside: Sequence[_Name],
) -> tuple[list[Claim] | None, bool]:
    """The source attributions that credit the summary's speaker (``_same_speaker``),
    and whether that settles it with no finding: the passage that holds the
    summary's quotation credits another person the summary's sentence names."""
    if not quoted:
        return _same_speaker(matches, src, speakers, outlets), False
    holding = _holding(matches, src, own)
    same = _same_speaker(holding, src, speakers, outlets)
    settled = same == [] and holding is not matches and bool(
        _same_speaker(holding, src, list(beside), [])
    )
    return same, settled


def _quote_keys(own: str) -> list[str]:
    """The quotations of the claim's sentence long enough to look up, squashed."""
    return [
        key for m in QUOTED.finditer(own)
        if len(m.group(1).split()) >= QUOTE_MIN_WORDS
        and len(key := squash(m.group(1))) >= QUOTE_MIN_CHARS
    ][:QUOTES_LOOKED_UP]


def _held_uncredited(src: list[_SourceSentence], own: str) -> bool:
    """The claim's sentence quotes words (found in the sources, ``_quotes_source``)
    that no source passage holds with a speaker named in its own sentence: the
    passage that holds them credits no one we read, or one carried from a
    sentence before."""
    keys = _quote_keys(own)
    return bool(keys) and not any(
        any(_named_here(c, s.index, closing=True) for c in s.credited)
        and any(k in squash(s.doc.sentences[s.index].text) for k in keys)
        for s in src
    )


def _holding(matches: list[int], src: list[_SourceSentence], own: str) -> list[int]:
    """The matching passages that hold a quotation of the claim's own sentence
    word for word, when some do and each credits a speaker in its own
    sentence; else every match."""
    keys = _quote_keys(own)
    if not keys:
        return matches
    holding = [
        j for j in matches
        if any(k in squash(src[j].doc.sentences[src[j].index].text)
               for k in keys)
    ]
    # a speaker carried from a sentence before, or read from a pronoun ('"You
    # can't judge three minutes of a tape," he said'), is too weak to call a
    # quote moved
    own_credit = all(any(_named_here(c, src[j].index) for c in src[j].credited) for j in holding)
    return holding if holding and own_credit else matches


def _same_speaker(
    matches: list[int], src: list[_SourceSentence], speakers: list[_Name], outlets: list[_Name]
) -> list[Claim] | None:
    """Source attributions in matching sentences that credit the summary's speaker;
    None when one credits the summary's outlet (then the attribution holds)."""
    found: list[Claim] = []
    # by identity: a list's `in` compared whole claims, and a set of claims hashes
    # every field of each (a claim's context runs to its whole sentence)
    seen: set[int] = set()
    for j in matches:
        for s_name, ev in _credited_names(src[j]):
            if any(_same_entity(n, s_name) for n in speakers) and id(ev) not in seen:
                seen.add(id(ev))
                found.append(ev)
            if any(_same_entity(n, s_name) for n in outlets):
                return None
    return found


def _unnamed_outlet(
    claim: Claim,
    outlets: list[_Name],
    evidence: Claim,
    src: list[_SourceSentence],
    speakers: list[_Name],
    vocab: list[str],
    squashed: str,
) -> Verdict | None:
    """The speaker is right, the outlet is not: the source says where the words
    were spoken (to analysts on a call, in its own interview), and the summary's
    outlet is named nowhere."""
    for n in outlets:
        if not _outlet_named(n, vocab, squashed):
            return _outlet_conflict(claim, n, evidence, _told(src, speakers))
    return None


def _outlet_named(n: _Name, vocab: list[str], squashed: str) -> bool:
    """The sources name the outlet, or spell the name its acronym stands for
    ("AFP" for "Agence France-Presse")."""
    # outlets are kept in lower case: a one-word outlet is tried as its capitals
    written = n.surface.upper() if " " not in n.surface.strip() else n.surface
    return _outlet_appears(n, vocab, squashed) or (
        isinstance(vocab, _Vocab) and vocab.spells(written)
    )


def _same_kind_swap(
    claim: Claim,
    n: _Name,
    matches: list[int],
    src: list[_SourceSentence],
    shared: Mapping[int, float],
    coef: Mapping[int, float],
) -> Verdict | None:
    """A summary swaps like for like: an outlet for another outlet, a government
    for another government."""
    for j in matches:
        for s_name, ev in _credited_names(src[j]):
            if s_name.kind != n.kind or n.kind == "other" or _same_entity(n, s_name):
                continue
            if ev.sentence < src[j].index:
                continue  # a speaker carried from the sentence before: too weak to swap
            if s_name.kind != "outlet" and is_role(s_name.surface):
                continue  # "The group says ...": whose words, the source leaves to its reader
            if _owned_by(n, s_name):
                continue
            if _named_beside(n, ev, src[j].doc):
                continue
            if n.kind == "person" and (
                coef[j] < PERSON_OVERLAP or shared[j] < ANY_KIND_SHARED
            ):
                continue  # people share scenes ("outside the terminal"), not words
            return _conflict(claim, n.kind, ev, s_name.kind)
    return None


def _any_kind_swap(
    claim: Claim,
    n: _Name,
    matches: list[int],
    src: list[_SourceSentence],
    shared: Mapping[int, float],
    coef: Mapping[int, float],
) -> Verdict | None:
    """Across kinds only a close match counts."""
    for j in matches:
        if coef[j] < ANY_KIND_OVERLAP or shared[j] < ANY_KIND_SHARED:
            continue
        for s_name, ev in _credited_names(src[j]):
            if s_name.kind == "outlet" or _same_entity(n, s_name) or is_role(s_name.surface):
                continue
            if ev.sentence < src[j].index:
                continue  # carried from the sentence before
            if _named_beside(n, ev, src[j].doc) or _owned_by(n, s_name):
                continue
            if "person" in (n.kind, s_name.kind) and coef[j] < PERSON_OVERLAP:
                continue
            return _conflict(claim, n.kind, ev, s_name.kind)
    return None


_POSSESSOR = re.compile(r"^(?:the\s)?([A-Z][\w&.-]*)(?:'s|’s)\s", re.IGNORECASE)


def _owned_by(n: _Name, s_name: _Name) -> bool:
    """The source's speaker is a part of the summary's: "SQM’s Lithium and
    Derivatives segment" for "Chilean producer SQM" (the company speaks for
    its segments)."""
    m = _POSSESSOR.match(s_name.surface)
    if m is None:
        return False
    owner = m.group(1).lower()
    return owner in {w.lower().rstrip(".") for w in n.surface.split()}


_PLACE_POSSESSIVE = re.compile(r"\b[A-Z][\w.-]*['’]s\s")


def _unmentioned(
    claim: Claim, names: list[_Name], vocab: list[str], squashed: str
) -> Verdict | None:
    """A named speaker or outlet that no source mentions anywhere."""
    for n in names:
        att = claim.attribution
        assert att is not None
        surface = att.outlet if n.kind == "outlet" and att.outlet else att.speaker_surface
        if not _mentioned(claim, n, vocab, squashed):
            what = "outlet" if n.kind == "outlet" else "speaker"
            surface = _as_written(claim, surface) if n.kind == "outlet" else surface
            # a role ("the prosecutor", "The Pope") may be the source's named
            # person described: unverifiable, no invented name
            # ... as may a body described by its place ("California's fire agency")
            described = n.kind in ("person", "other") or _PLACE_POSSESSIVE.search(surface)
            return (
                UNSUPPORTED, "low" if described and is_role(surface) else "medium",
                f"No source mentions the {what} {_quote(surface)} this is attributed to.",
                (),
            )
    return None




def _own_quotes(text: str, lo: int, hi: int, claim: Claim, beside: list[Claim]) -> str:
    """The text a speaker's quotation is looked for in, with the quotations nearer
    another speaker of the same sentence blanked: "Streeting has attributed the drop
    to "record investment", but a Nuffield Trust report found ..." quotes Streeting,
    not the Nuffield Trust."""
    part = text[lo:hi]
    others = [c for c in beside if c is not claim and c.sentence == claim.sentence]

    def gap(c: Claim, a: int, b: int) -> int:
        return max(0, c.start - b, a - c.end)

    def apart(a: int, b: int) -> bool:
        # a clause of its own between them: ", but", "; ", ", while"
        lo2, hi2 = (b, claim.start) if b <= claim.start else (claim.end, a)
        return lo2 < hi2 and _OTHER_CLAUSE.search(text, lo2, hi2) is not None

    out = part
    for m in QUOTED.finditer(part):
        a, b = lo + m.start(), lo + m.end()
        if apart(a, b) or any(gap(o, a, b) < gap(claim, a, b) for o in others):
            out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


# Where one clause of a sentence gives way to another's statement. Fixed words: linear.
_OTHER_CLAUSE = re.compile(r",\s(?:but|while|whereas|although|though)\s|;\s")


def _quotes_source(text: str, squashed: str, seen: dict[str, bool]) -> bool:
    """Whether the sentence quotes the sources word for word: then the words have
    one speaker, and a summary that names another has moved the quote. ``seen``
    remembers each quotation's answer; past ``QUOTES_LOOKED_UP`` of them a text
    is no article, and new ones count as not quoted (bounded work)."""
    for m in QUOTED.finditer(text):
        if len(m.group(1).split()) < QUOTE_MIN_WORDS:
            continue
        key = squash(m.group(1))
        if len(key) < QUOTE_MIN_CHARS:
            continue
        if key not in seen and len(seen) < QUOTES_LOOKED_UP:
            seen[key] = key in squashed
        if seen.get(key, False):
            return True
    return False


# One name in capitals after a description that ends in a lower-case noun
# ("Chilean producer SQM"); a longer one is read whole ("agency Aerospace
# Australia" names an agency no source names). Bounded: linear.
_AFTER_DESCRIPTION = re.compile(r"\b[a-z][\w-]*\s([A-Z][A-Z0-9&.-]{1,9})$")


_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
NAME_WORDS_ANY_ORDER = 3  # two capital words ("John Smith") meet by chance in a story


def _mentioned(claim: Claim, n: _Name, vocab: list[str], squashed: str) -> bool:
    """Whether the sources name the summary's speaker or outlet anywhere."""
    if n.kind == "outlet":
        return _outlet_named(n, vocab, squashed)
    att = claim.attribution
    assert att is not None
    keys = entity_keys(att.speaker_surface)
    if _appears(keys, vocab):
        return True
    # the name after a description ("Chilean producer SQM", "Dutch airline KLM")
    name = _AFTER_DESCRIPTION.search(att.speaker_surface)
    if name is not None and _appears(entity_keys(name.group(1)), vocab):
        return True
    if keys and isinstance(vocab, _Vocab) and all(
        _appears([k], vocab) or vocab.joined(k) for k in keys
    ):
        return True  # "PeerJ" for "Peer J": one name, spaced two ways
    caps = _CAPITAL_WORD.findall(att.speaker_surface)
    if len(caps) >= NAME_WORDS_ANY_ORDER and all(_appears([w.lower()], vocab) for w in caps):
        # "a Nuffield Trust Quality Watch report" for "a new Quality Watch report by
        # the Nuffield Trust": a long name's words, each the source's, in any order
        return True
    return isinstance(vocab, _Vocab) and (
        vocab.spells(att.speaker_surface) or vocab.abbreviated(att.speaker_surface)
    )


def _outlet_appears(n: _Name, vocab: list[str], squashed: str) -> bool:
    """An outlet is mentioned by name, or by its site's address ("roguevalleyledger.example")."""
    if _appears([n.canonical], vocab):
        return True
    key = SQUASH.sub("", n.canonical)
    return len(key) >= 6 and key in squashed


def _told(
    src: list[_SourceSentence], speakers: list[_Name]
) -> tuple[Claim, str] | None:
    """Where a source says the speaker spoke: ("Katrin Oberholz", "analysts on a
    conference call")."""
    for s in src:
        for c in s.credited:
            att = c.attribution
            if att is None or att.verb != "tell" or c.sentence != s.index:
                continue
            name = _Name(canonical_entity(att.speaker_surface), "person", att.speaker_surface)
            if not any(_same_entity(n, name) for n in speakers):
                continue
            m = _TOLD.match(s.doc.text, c.end, s.doc.sentences[s.index].end)
            if m is not None:
                return c, m.group(1)
    return None


_TOLD = re.compile(r"\s*told\s+([^,.;:\"“”]{1,60}?)(?=\s+(?:that|about|on\s+\w+day)\b|[,.;:]|$)")


def _outlet_conflict(
    claim: Claim, outlet: _Name, evidence: Claim, told: tuple[Claim, str] | None = None
) -> Verdict:
    ev = evidence.attribution
    assert ev is not None
    where = ""
    found: tuple[Claim, ...] = (evidence,)
    if told is not None:
        where = f" It says {_quote(told[0].text)} told {_quote(told[1])}."
        if told[0] != evidence:
            found = (evidence, told[0])
    return (
        CONFLICT, "high",
        f"Summary says this was told to {_quote(_as_written(claim, outlet.surface))}, "
        f"which no source names; the source quotes {_quote(ev.speaker_surface or ev.speaker)} "
        f"without it.{where}",
        found,
    )


# How far around a source's credited speaker its apposition may name the
# person: "Michael J. Driscoll, the assistant director-in-charge of the FBI's
# New York field office said" (the closing comma missing, the title was read)
BESIDE_CHARS = 80
_CAPITALISED = re.compile(r"[A-Z][\w.-]*")
_LEADING = frozenset({"A", "An", "The"})


def _named_beside(n: _Name, ev: Claim, doc: Document) -> bool:
    """Whether every capitalised word of the summary's speaker ("The FBI's
    Michael J. Driscoll", "A Park View spokesman") stands beside the source's
    credited speaker, in its sentence: the source names the same speaker in an
    apposition the reader took the title from ("Its director, Patrick Cregg,
    said", "A spokesman for Park View School said"), or glued to the word
    before it in scraped text ("SuffolkJonathan Rees QC")."""
    words = {
        w.removesuffix("'s").removesuffix("\u2019s").rstrip(".")
        for w in _CAPITALISED.findall(n.surface)
    } - _LEADING
    words.discard("")
    if not words or ev.sentence >= len(doc.sentences):
        return False
    sent = doc.sentences[ev.sentence]
    a, b = max(sent.start, ev.start - BESIDE_CHARS), min(sent.end, ev.end + BESIDE_CHARS)
    near = {w.rstrip(".") for w in re.findall(r"[A-Z][\w-]*", doc.text[a:b])}
    # scraped text glues words ("from SuffolkJonathan Rees QC said"); an acronym
    # stands for the name written out beside ("the CFPB" for "the Consumer
    # Financial Protection Bureau, Office of ... officials said")
    return all(
        any(x.endswith(w) for x in near) or (w.isupper() and _abbreviates(w, doc.text[a:b]))
        for w in words
    )


def _conflict(
    claim: Claim, kind: str, evidence: Claim, ev_kind: str
) -> Verdict:
    att = claim.attribution
    ev = evidence.attribution
    assert att is not None and ev is not None
    mine = att.speaker_surface
    if kind == "outlet" and att.outlet:
        mine = _as_written(claim, att.outlet)
    if ev_kind == "outlet" and ev.outlet:
        theirs = _as_written(evidence, ev.outlet)
    else:
        theirs = ev.speaker_surface or ev.speaker
    return (
        CONFLICT, "high",
        f"Summary attributes this to {_quote(mine)}; the source cites {_quote(theirs)}.",
        (evidence,),
    )


def _as_written(claim: Claim, name: str) -> str:
    """``name`` with the capitals it has in the claim's text, for messages."""
    at = claim.text.lower().find(name.lower())
    return claim.text[at: at + len(name)] if at >= 0 else name


class AttributionCheck:
    """Statements a source credits to someone else (DQ301), and speakers or
    outlets no source mentions (DQ302)."""

    name = "attributions"
    codes = (CONFLICT, UNSUPPORTED)

    def run(
        self, target: Document, target_claims: Sequence[Claim], sources: Sources,
        options: Options,
    ) -> list[Finding]:
        return find_attribution_findings(target, target_claims, sources)  # type: ignore[arg-type]
