"""The word lists the quantity rules read, gathered once from ``data/``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

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
    stop: frozenset[str]


@cache
def lex() -> Lexicon:
    nw = numbers.number_words()
    vague = wordlists.data("vague_quantities.json")
    quals = wordlists.data("qualifiers.json")
    change = wordlists.data("change_words.json")
    ctx = wordlists.data("context_words.json")
    prefixes = units.currency_prefixes()
    ones_tens = frozenset(nw["ones"]) | frozenset(nw["tens"])
    spelled_part = (
        ones_tens
        | frozenset(nw["scales"])
        | frozenset(nw["hundred"])
        | frozenset(nw["dozen"])
        | frozenset(nw["fractions"])
        | word_list("spelled_joiners")
    )
    scales_spaced = {
        k: float(v)
        for k, v in nw["scale_abbreviations"].items()
        if len(k) > 1 and not k.endswith("s") and k not in word_list("scales_not_spaced")
    }
    prefix_first = frozenset(TOKEN.findall(p)[0] for p in prefixes)

    def phrases(table: dict[str, list[str]]) -> dict[tuple[str, ...], tuple[str, str]]:
        return {
            tuple(TOKEN.findall(k.lower())): (v[0], v[1])
            for k, v in table.items()
            if not k.startswith("_")
        }

    return Lexicon(
        ones_tens=ones_tens,
        spelled_start=ones_tens | word_list("spelled_start_words"),
        spelled_part=spelled_part,
        scales_spaced=scales_spaced,
        of_vague={k: (float(a), float(b)) for k, (a, b) in vague["of_phrases"].items()},
        vague_phrases={
            tuple(k.split()): (float(a), float(b)) for k, (a, b) in vague["phrases"].items()
        },
        vague_tol=float(vague["tolerance"]),
        multipliers={k: float(v) for k, v in nw["multipliers"].items()},
        folds={k: float(v) for k, v in nw["fold"].items()},
        q_before=phrases(quals["before"]),
        q_after=phrases(quals["after"]),
        up=frozenset(w for w in change["up"] if " " not in w),
        down=frozenset(w for w in change["down"] if " " not in w),
        months=frozenset(ctx["months"]),
        ambiguous_months=frozenset(ctx["ambiguous_months"]),
        year_preps=frozenset(ctx["year_prepositions"]),
        timezones=frozenset(ctx["timezones"]),
        id_words=frozenset(ctx["identifier_words"]),
        one_before=frozenset(ctx["one_pronoun_before"]),
        one_after=frozenset(ctx["one_pronoun_after"]),
        rate_denoms=frozenset(ctx["rate_denominators"]),
        np_keep=frozenset(ctx["np_keep"]),
        np_stop=frozenset(ctx["np_stop"]),
        change_skip=frozenset(ctx["change_skip"]),
        unknown_cells=frozenset(ctx["unknown_cells"]),
        containers=wordlists.words("count_containers.txt"),
        prefixes=prefixes,
        prefix_first=prefix_first,
        attached_prefixes=frozenset(units.attached_only_prefixes()),
        stop=stopwords(),
    )
