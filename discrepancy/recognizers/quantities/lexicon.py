"""The word lists the quantity rules read, gathered once from ``data/``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ...text import numbers, units, wordlists
from ...text.lemmas import stopwords
from .tokens import TOKEN


def word_list(name: str) -> frozenset[str]:
    """The list ``name`` of ``data/quantity_words.json``: the small word lists of the rules."""
    return frozenset(wordlists.data("quantity_words.json")[name])


ORDINAL_SUFFIX = word_list("ordinal_suffixes")
AMPM = word_list("clock_suffixes")
TIME_WORDS = word_list("rate_time_words")
YEAR_ONLY_BEFORE = word_list("year_only_before")
METRE_CONTEXT = word_list("metre_context")


@dataclass(frozen=True)
class Lexicon:
    ones_tens: frozenset[str]
    spelled_start: frozenset[str]
    spelled_part: frozenset[str]
    scales_spaced: dict[str, float]
    of_vague: dict[str, tuple[float, float]]
    vague_phrases: dict[tuple[str, ...], tuple[float, float]]
    vague_tol: float
    multipliers: dict[str, float]
    folds: dict[str, float]
    q_before: dict[tuple[str, ...], tuple[str, str]]
    q_before_ends: frozenset[str]  # the last word of every q_before phrase
    q_after: dict[tuple[str, ...], tuple[str, str]]
    up: frozenset[str]
    down: frozenset[str]
    months: frozenset[str]
    ambiguous_months: frozenset[str]
    year_preps: frozenset[str]
    timezones: frozenset[str]
    id_words: frozenset[str]
    one_before: frozenset[str]
    one_after: frozenset[str]
    rate_denoms: frozenset[str]
    np_keep: frozenset[str]
    np_stop: frozenset[str]
    change_skip: frozenset[str]
    unknown_cells: frozenset[str]
    containers: frozenset[str]
    prefixes: dict[str, str]
    prefix_first: frozenset[str]
    attached_prefixes: frozenset[str]
    spaced_prefixes: frozenset[str]
    stop: frozenset[str]
    figure_starts: frozenset[str]  # words that may start a figure (see starts_figure)


def _phrases(table: dict[str, list[str]]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Qualifier phrases as token tuples -> (qualifier, change)."""
    return {
        tuple(TOKEN.findall(k.lower())): (v[0], v[1])
        for k, v in table.items()
        if not k.startswith("_")
    }


def _number_words() -> dict[str, Any]:
    """The fields read from ``number_words.json``: spelled numbers, scales, multipliers."""
    nw = numbers.number_words()
    ones_tens = frozenset(nw["ones"]) | frozenset(nw["tens"])
    spelled_part = (
        ones_tens
        | frozenset(nw["scales"])
        | frozenset(nw["hundred"])
        | frozenset(nw["dozen"])
        | frozenset(nw["fractions"])
        | word_list("spelled_joiners")
        | frozenset(nw["decimal_point"])
        | frozenset(nw["zero_digits"])
        # parts named by ordinals ("three sevenths", "a hundred trillionths") and the
        # "over" of "one over twenty": spelled_value decides whether they make a fraction
        | frozenset(nw["denominators"])
        | frozenset(w + "s" for w in nw["denominators"])
        | {"over"}
    )
    return {
        "ones_tens": ones_tens,
        "spelled_start": (
            ones_tens | word_list("spelled_start_words") | frozenset(nw["zero_digits"])
        ),
        "spelled_part": spelled_part,
        "scales_spaced": {
            k: float(v)
            for k, v in nw["scale_abbreviations"].items()
            if len(k) > 1 and (not k.endswith("s") or k in nw["plural_scales_spaced"])
            and k not in word_list("scales_not_spaced")
        } | {"dozen": 12.0, "dozens": 12.0},  # "3 dozen eggs" are 36 eggs
        "multipliers": {k: float(v) for k, v in nw["multipliers"].items()},
        "folds": {k: float(v) for k, v in nw["fold"].items()},
    }


def _context_words() -> dict[str, Any]:
    """The fields read from ``context_words.json``: the words around a figure."""
    ctx = wordlists.data("context_words.json")
    fields = {
        "months": "months", "ambiguous_months": "ambiguous_months",
        "year_preps": "year_prepositions", "timezones": "timezones",
        "id_words": "identifier_words", "one_before": "one_pronoun_before",
        "one_after": "one_pronoun_after", "rate_denoms": "rate_denominators",
        "np_keep": "np_keep", "np_stop": "np_stop", "change_skip": "change_skip",
        "unknown_cells": "unknown_cells",
    }
    return {field: frozenset(ctx[key]) for field, key in fields.items()}


@cache
def lex() -> Lexicon:
    """The lexicon, read once from the data files."""
    vague = wordlists.data("vague_quantities.json")
    quals = wordlists.data("qualifiers.json")
    change = wordlists.data("change_words.json")
    prefixes = units.currency_prefixes()
    nums = _number_words()
    vague_phrases = {
        tuple(k.split()): (float(a), float(b)) for k, (a, b) in vague["phrases"].items()
    }
    q_before = _phrases(quals["before"])
    return Lexicon(
        **nums,
        **_context_words(),
        of_vague={k: (float(a), float(b)) for k, (a, b) in vague["of_phrases"].items()},
        vague_phrases=vague_phrases,
        vague_tol=float(vague["tolerance"]),
        q_before=q_before,
        q_before_ends=frozenset(p[-1] for p in q_before if p),
        q_after=_phrases(quals["after"]),
        up=frozenset(w for w in change["up"] if " " not in w),
        down=frozenset(w for w in change["down"] if " " not in w),
        containers=wordlists.words("count_containers.txt"),
        prefixes=prefixes,
        prefix_first=frozenset(TOKEN.findall(p)[0] for p in prefixes),
        attached_prefixes=frozenset(units.attached_only_prefixes()),
        spaced_prefixes=units.spaced_word_prefixes(),
        stop=stopwords(),
        figure_starts=starts_figure(nums, vague["of_phrases"], vague_phrases),
    )


def starts_figure(
    nums: dict[str, Any], of_vague: dict[str, Any], vague_phrases: dict[tuple[str, ...], Any]
) -> frozenset[str]:
    """Lowercase words at which the scanner tries a figure: a spelled number, "dozens",
    "tenfold", "twice", a one-word vague amount ("several"). One set, so the scan loop
    tests each word once."""
    return frozenset(
        nums["spelled_start"] | set(of_vague) | set(nums["multipliers"]) | set(nums["folds"])
        | {p[0] for p in vague_phrases if len(p) == 1}
    )
