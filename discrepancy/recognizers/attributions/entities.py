"""Speakers as entities: folded names, kinds (outlet, vague, government, person)
and the keys a source must hold to mention one.

Shared with the comparer so "the British government" and "UK" meet, and so
are "U.S." and "United States".
"""

from __future__ import annotations

import re
from functools import cache

from ...text import numbers
from .vocabulary import (
    _COMPANY_WORDS,
    _DETERMINERS,
    _NAME_PARTICLES,
    _ORG_NOUNS,
    _ORG_WORDS,
    _TITLE_WORDS,
    _alias_map,
    _alias_re,
    _demonyms,
    _outlets,
    _vague_heads,
)

# compiled here, not by name at each call (a lookup in re's cache per call)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s\b")
# Letters of any script: "Sánchez" is one word, not "S" and "nchez"
# a word starts with a letter and may hold digits: "G4S", "E.ON"
_WORD = re.compile(r"(?:[A-Za-z]\.){2,4}|[^\W\d_](?:[^\W_]|[\-'’])*")


def canonical_entity(text: str) -> str:
    """Lowercase, no leading article, aliases folded: "The U.K. government" -> "uk government"."""
    t = " ".join(text.lower().replace("’", "'").split())
    t = _ARTICLE.sub("", t)
    t = _alias_re().sub(lambda m: _alias_map()[m.group()], t)
    t = _POSSESSIVE.sub("", t)
    return " ".join(w.strip(".,") for w in t.split())


def canonical_text(text: str) -> str:
    """A whole document folded like ``canonical_entity``, for "does this name appear" checks."""
    t = text.lower().replace("’", "'")
    t = _alias_re().sub(lambda m: _alias_map()[m.group()], t)
    return t


# The unions the name tests read, built once: a union in a test built a set of some
# two hundred words at every call
_ORG_OR_COMPANY = _ORG_WORDS | _COMPANY_WORDS
_NOT_IN_A_NAME = _ORG_OR_COMPANY | _TITLE_WORDS


@cache
def _not_a_surname() -> frozenset[str]:
    return _NOT_IN_A_NAME | _vague_heads()


def _words(surface: str) -> list[str]:
    return _WORD.findall(surface)


def is_outlet(surface: str) -> bool:
    names, suffixes = _outlets()
    norm = " ".join(surface.lower().split())
    bare = _THE.sub("", norm)
    if norm in names or bare in names:
        return True
    ws = _words(surface)
    return len(ws) >= 2 and ws[-1].lower() in suffixes and all(w[0].isupper() for w in ws)


def _proper(words: list[str]) -> list[str]:
    return [w for w in words if w[0].isupper() and w.lower() not in _DETERMINERS]


def _is_demonym(word: str) -> bool:
    w = word.lower().replace("’", "'")
    return w in _demonyms() or w.replace(".", "") in _demonyms()


_PEOPLE_OF_A_PLACE = re.compile(r"[A-Z][a-z]{2,}(?:ans|ians|ese|ons|is|ers)$")


def is_people_of_a_place(written: str) -> bool:
    """"Mozambicans", "Britons", "Nepalis", "Americans" as written: a count of
    people by where they are from (a capitalized plural demonym)."""
    return _is_demonym(written) or _PEOPLE_OF_A_PLACE.fullmatch(written) is not None


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
    # ... and so is the word opening "Many critics", "Some analysts"
    named = [w for w in _proper(ws) if not _is_demonym(w) and w.lower() not in _HOW_MANY]
    # "Analysts" at the start of a sentence is capitalized but still generic
    return all(w.lower() in _vague_heads() for w in named)


# Words that say how many of a kind spoke: no name of one ("Many critics cited ...").
_HOW_MANY = frozenset((
    "many", "some", "several", "most", "few", "other", "others", "numerous", "various",
    "all", "both", "certain", "more", "two", "three", "four", "five", "dozens", "hundreds",
))


def speaker_kind(surface: str) -> str:
    """outlet | vague | government | person | other: conflicts are between like kinds."""
    if is_outlet(surface):
        return "outlet"
    if is_vague(surface):
        return "vague"
    head = _person_part(surface)
    if head != surface:
        return "person"  # "Naomi Fitch of campaign group Public Spending Watch"
    # the particles of a name are no break in it: "Bill de Blasio"
    ws = [w for w in _words(surface) if w not in _NAME_PARTICLES]
    last_two = ws[-2:]
    run = len(ws)
    while run > 0 and ws[run - 1][0].isupper():
        run -= 1
    if 0 < run < len(ws) and ws[run - 1].lower() in _ORG_NOUNS:
        return "other"  # "campaign group Public Spending Watch", "distributor E-Redes"
    if (
        len(last_two) == 2
        and all(w[0].isupper() and not _is_demonym(w) for w in last_two)
        and not any(w.lower() in _ORG_OR_COMPANY for w in last_two)
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
        w[0].isupper() and not _is_demonym(w) and w.lower() not in _NOT_IN_A_NAME
        for w in ws[-2:]
    ):
        return left
    return surface


_DESCRIBED_BY = (
    "-based", "-born", "-raised", "-bred", "-listed", "-owned", "-backed", "-led", "-run",
    "'s", "’s",
)


def is_role(surface: str) -> bool:
    """A speaker given by role alone, with no name: "the prosecutor",
    "Prosecutors", "The Pope", "the group", "the author". It names nobody a
    source could contradict."""
    ws = _words(surface)
    # "Israel-based researchers", "The Union, New Jersey-based chain": the place
    # says where they are, and names no one
    # ... nor does a place's possessive before a description ("California's fire
    # agency", "the state's health department")
    # ... nor does an origin or a listing ("the US-born vaulter", "the London-listed
    # miner", "the state-owned lender")
    based = max(
        (i for i, w in enumerate(ws) if w.lower().endswith(_DESCRIBED_BY)), default=-1
    )
    proper = [
        w for w in ws[based + 1:]
        if w[0].isupper() and w.lower() not in ("the", "a", "an")
        and w.lower() not in _TITLE_WORDS and w.lower().rstrip("s") not in _TITLE_WORDS
        # "a Tuesday filing", "the March report": a day dates the document, no name
        and w.lower() not in _CALENDAR_WORDS
    ]
    return bool(ws) and not proper


_CALENDAR_WORDS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
))


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
        if w.lower() in _NAME_PARTICLES and run:
            continue  # "de" in "Bill de Blasio": "Blasio" is the surname either way
        if not w[0].isupper() or w.lower() in _TITLE_WORDS or _is_demonym(w):
            break
        if w.endswith(("'s", "’s")):
            break  # "Bernstein's Trevor Stirling": the owner is no part of the name
        run.append(w.lower().strip("."))
    return tuple(reversed(run))


def _is_surname(word: str) -> bool:
    low = word.lower()
    return (
        word[0].isupper() and not word.isupper() and not _is_demonym(word)
        and low not in _not_a_surname()
    )


def same_person(a: str, b: str) -> bool:
    """Two speaker surfaces naming one person: same surname, and the same given name
    when both give one ("Carvalho" is "Interior Minister Marta Carvalho")."""
    na, nb = person_name(a), person_name(b)
    if not na or not nb:
        return False
    na, nb = _unhyphened(na, nb), _unhyphened(nb, na)
    if na[-1] != nb[-1]:
        return _surname_first(na, nb) or _surname_first(nb, na)
    if len(na) > 1 and len(nb) > 1:
        return _given_agree(na, nb)
    return True


def _unhyphened(name: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """``name`` with a hyphenated surname split where ``other`` writes it as two
    words: "Nandi-Ndaitwah" for "Nandi Ndaitwah" (one source writes both)."""
    last = name[-1]
    if "-" in last and len(other) >= 2 and "-".join(other[-2:]) == last:
        return (*name[:-1], *last.split("-"))
    return name


def _given_agree(na: tuple[str, ...], nb: tuple[str, ...]) -> bool:
    """The given names of one surname agree: the name before the surname is
    among the other's ("Volunteer Ma Hao" and "Ma Hao", "Co-lead Michael Zemp"
    and "Glaciologist Michael Zemp": a description read as a name is no given
    name), or one is the other's initial ("J. Smith")."""
    a, b = na[-2], nb[-2]
    if a in nb[:-1] or b in na[:-1]:
        return True
    if a[0] == b[0] and (len(a) <= 2 or len(b) <= 2):
        return True
    return _spelled_alike(a, b)


SPELLED_MIN = 5  # letters: short names differ by one letter too often ("Tim", "Tom")
SPELLED_LONG = 8  # a name this long may differ in two letters ("Mohammed", "Muhammad")


def _spelled_alike(a: str, b: str) -> bool:
    """One given name spelled two ways in one story ("Shahbaz" and "Shehbaz"):
    one letter apart, two in a long name; not "Michael" and "Michelle"."""
    from rapidfuzz.distance import Levenshtein

    if min(len(a), len(b)) < SPELLED_MIN or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    return Levenshtein.distance(a, b) <= (2 if min(len(a), len(b)) >= SPELLED_LONG else 1)


def _surname_first(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"Governor Rhee" for "Rhee Chang-yong": a Korean name puts the surname
    first, before a hyphenated given name."""
    return len(short) == 1 and len(full) == 2 and short[0] == full[0] and "-" in full[1]


def entity_keys(surface: str) -> list[str]:
    """Words that must all appear in a source for it to mention this speaker.

    A person is found by surname; an organization by its proper words with
    country aliases folded ("The British government" -> ["uk"]).
    """
    ws = _words(surface)
    kind = speaker_kind(surface)
    if kind == "person":
        # the surname, not the last word: "Patrick Jones of the National
        # Transportation Safety Board" is found by "Jones"
        name = person_name(surface)
        return [canonical_entity(name[-1] if name else ws[-1])]
    if len(ws) >= 3 and ws[0].endswith(("'s", "’s")) and ws[0][0].isupper():
        # "Canada's Transportation Safety Board" for "the Transportation Safety
        # Board": the owner a summary adds is no part of the name
        ws = ws[1:]
    lead = 1 if ws and ws[0].lower() == "the" else 0
    if len(ws) >= lead + 3 and _is_demonym(ws[lead]) and ws[lead + 1].lower() in _ORG_WORDS:
        # "The Philippine Department of Health" for "the Department of Health":
        # the country a summary adds is no part of a ministry's name
        ws = ws[lead + 1:]
    proper = [canonical_entity(w) for w in _proper(ws)]
    proper = [p for p in proper if p]
    if proper:
        return proper
    return [canonical_entity(ws[-1])] if ws else []
