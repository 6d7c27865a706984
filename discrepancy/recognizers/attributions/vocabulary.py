"""The words attribution rules read: the short lists (``data/attribution_words.txt``)
and the data files of speech verbs, outlets, vague speakers and entity aliases."""

from __future__ import annotations

import re
from functools import cache

from ...text.wordlists import lines, sections

_LISTS = sections("attribution_words.txt")
_DETERMINERS = _LISTS["determiners"]
_CONNECTORS = _LISTS["connectors"]
# Adverbs, auxiliaries and times between a speaker and the verb: "The White House
# also said", "Bloomberg News on Friday quoted".
_SKIP_BEFORE_VERB = _LISTS["skip_before_verb"]
# Capitalized title words before a name: "Interior Minister Marta Carvalho".
_TITLE_WORDS = _LISTS["title_words"]
_NAME_PARTICLES = _LISTS["name_particles"]  # "de" in "Bill de Blasio"
# Lowercase nouns before a capitalized name that make it an organization's name
# (not "operator": "crane operator Jakub Mazur" is a person).
_ORG_NOUNS = _LISTS["org_nouns"]
_PRONOUNS = _LISTS["pronouns"]
# Lowercase words that end a speaker phrase when scanning backwards: a speaker
# is never preceded inside its phrase by a verb or subordinator.
_NP_STOP = _LISTS["np_stop"]
# Heads that make a lowercase phrase a plausible speaker ("the missile usage" is not).
_SPEAKER_HEADS = _LISTS["speaker_heads"]
_ORG_WORDS = _LISTS["org_words"]
# "in 17 US states reported", "member states said": "states" is the plural noun.
_STATES_NOUN_BEFORE = _LISTS["states_noun_before"]
_SUBJECT_VERBS = _LISTS["subject_verbs"]  # "Bloomberg quoted <speaker>"
# Company suffixes: "Vestrand AG" ends in two capitals but is no person.
_COMPANY_WORDS = _LISTS["company_words"]
# A speaker phrase never runs back across a time: "On Monday evening authorities said".
_TIME_WORDS = _LISTS["time_words"]
# "," or a closing quote before "said" and a name after it: "... ," said Rail Minister X.
_INVERTED_VERBS = _LISTS["inverted_verbs"]
_DAY_PARTS = _LISTS["day_parts"]  # "Evening Standard"
_PERSON_PRONOUNS = _LISTS["person_pronouns"]
# Words that end the speaker after an inverted verb: '"...," said X in a statement'.
_INVERTED_END = _LISTS["inverted_end"]
# "its report", "their fact sheet": a possessive before the word makes it a noun
_POSSESSIVES = _LISTS["possessives"]
_QUOTES = frozenset({'"', "”", "“", "'", "’"})


@cache
def _speech_verbs() -> dict[str, str]:
    out = {}
    for ln in lines("speech_verbs.txt"):
        surface, _, lemma = ln.partition(":")
        out[surface.strip()] = lemma.strip()
    return out


@cache
def _outlets() -> tuple[frozenset[str], frozenset[str]]:
    names: set[str] = set()
    suffixes: set[str] = set()
    target = names
    for ln in lines("outlets.txt"):
        if ln == "[suffix]":
            target = suffixes
            continue
        target.add(ln.lower())
    return frozenset(names), frozenset(suffixes)


@cache
def _vague_heads() -> frozenset[str]:
    return frozenset(lines("vague_speakers.txt"))


@cache
def _aliases() -> tuple[tuple[str, str], ...]:
    """(alias, canonical) pairs, longest alias first so "united states" wins over "states"."""
    pairs: list[tuple[str, str]] = []
    for ln in lines("entity_aliases.txt"):
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
    words: set[str] = set(_LISTS["demonyms"])
    in_places = False
    for ln in lines("entity_aliases.txt"):
        if ln.startswith("["):
            in_places = ln == "[places]"
            continue
        if in_places:
            words.update(re.findall(r"[a-z.]+", ln.replace(":", ",")))
    words.update(w.replace(".", "") for w in list(words))
    return frozenset(words)
