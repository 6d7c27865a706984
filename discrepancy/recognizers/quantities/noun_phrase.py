"""The counted thing after a figure: "dozens of rail cars" counts rail cars."""

from __future__ import annotations

from ...text import numbers, units
from ...text.lemmas import is_plural, lemma, lemma_phrase
from .lexicon import TIME_WORDS, word_list
from .mention import Core, Draft
from .state import Scan
from .tokens import DASHES, SENTENCE_ENDS, Tokens
from .units_after import period_over_period, rate_after

_COLLECTIVES = word_list("collective_nouns")
_COLLECTIVE_HEADS = word_list("collective_heads")
_POSSESSIVE = word_list("possessive_endings")
_BARE_RATE = word_list("bare_rate_openers")
_COUNT_VERBS = word_list("count_verbs")
_MARGIN_NOUNS = word_list("margin_nouns")
_FORECASTERS = word_list("forecasters")
_FORECAST_VERBS = word_list("forecast_verbs")
# what may follow the clause's verb: it has no object ("... analysts expected and")
_CLAUSE_AFTER = frozenset(("and", "but", "or", "in", "on", "by", "at", "from", "with",
                           "as", "last", "earlier", "previously"))


def plural_soon(sc: Scan, k: int) -> bool:
    """A plural noun within the next two words (a name continues up to it)."""
    t = sc.t
    for i in range(k, min(k + 2, t.n)):
        if t.kind[i] != "w" or t.low[i] in sc.lx.stop:
            return False
        if is_plural(t.low[i]):
            return True
    return False


class _Phrase:
    """The noun phrase read so far: its words, attributes and token positions."""

    __slots__ = ("attrs", "first_word", "head", "k", "words")

    def __init__(self, k: int) -> None:
        self.words: list[str] = []
        self.attrs: list[str] = []
        self.head = -1  # token of the last word read
        self.first_word = -1  # token of the first word
        self.k = k  # next token


# what a step of the phrase reader tells it: read on, or the phrase ended
_ON, _END = True, False


def noun_phrase(
    sc: Scan, j: int, measured: bool = False, one: bool = False
) -> tuple[str, list[str], int, int, int] | None:
    """Counted noun after a figure.

    Returns (subject lemma, attributes, first word token, head token, resume).
    """
    t = sc.t
    n = t.n
    if not measured:
        got = hyphen_counted_noun(sc, j)
        if got is not None:
            return got
    ph = _Phrase(j)
    while ph.k < n and len(ph.words) < 4:
        kind = t.kind[ph.k]
        if kind == "n":
            step = number_in_name(sc, ph)
        elif kind == "p":
            step = hyphen_compound(sc, ph)
        else:
            step = noun_word(sc, ph)
        if step is _END:
            break
    if not ph.words:
        return None
    plural_pair(sc, ph)
    words = ph.words
    if len(words) == 2 and words[1] in _MARGIN_NOUNS and not is_plural(words[0]) and (
        words[0] not in sc.lx.np_keep
    ):
        # "an early 17 point lead": a lead of 17 points, as "a 17-point lead" is
        return lemma(words[0]), ph.attrs, ph.first_word, ph.first_word, ph.head + 1
    if not is_plural(words[-1]) and words[-1] not in _COLLECTIVE_HEADS:
        if not head_without_plural(sc, ph, measured, one):
            return None
    if forecaster_clause(t, words, ph.head + 1):
        return None
    # "rounds of 152mm artillery shells": count the contents, not the container
    if ph.words[-1] in sc.lx.containers and ph.k + 1 < n and t.low[ph.k] == "of":
        inner = noun_phrase(sc, ph.k + 1)
        if inner is not None:
            subj, inner_attrs, _, _, resume = inner
            return subj, ph.attrs + inner_attrs, ph.first_word, ph.head, resume
    # "five more bodies" counts bodies; the surface keeps "more"
    kept = [w for w in ph.words if w not in sc.lx.np_keep]
    if not kept:
        return None  # "made three more in the final minutes": "more" counts nothing
    subject = " ".join(lemma(w) for w in kept)
    return subject, ph.attrs, ph.first_word, ph.head, ph.head + 1


def forecaster_clause(t: Tokens, words: list[str], k: int) -> bool:
    """The noun after the figure opens a relative clause of who expected it: "3.79
    million, below the 3.9 million analysts expected and 14.6% lower" counts no
    analysts ("15 analysts expected a cut" does: the verb has an object)."""
    if len(words) != 1 or words[0] not in _FORECASTERS or k >= t.n:
        return False
    if t.low[k] == "had" and k + 1 < t.n:
        k += 1
    if t.low[k] not in _FORECAST_VERBS:
        return False
    k += 1
    return k >= t.n or t.kind[k] == "p" or t.low[k] in _CLAUSE_AFTER


def hyphen_counted_noun(sc: Scan, k: int) -> tuple[str, list[str], int, int, int] | None:
    """"a 400-bed isolation unit": the figure counts beds."""
    t = sc.t
    if (
        k + 1 < t.n
        and t.tx[k] in DASHES
        and t.glued(k)
        and t.glued(k + 1)
        and t.kind[k + 1] == "w"
        and t.low[k + 1] not in sc.lx.stop
    ):
        if t.low[k + 1] in _SIZE_ADJECTIVES and k + 2 < t.n and t.kind[k + 2] == "w":
            # "the 4,000-strong crowd": the size of the crowd, which the figure counts
            return noun_phrase(sc, k + 2)
        return lemma(t.low[k + 1]), [], k + 1, k + 1, k + 2
    return None


_SIZE_ADJECTIVES = frozenset(("strong",))


def number_in_name(sc: Scan, ph: _Phrase) -> bool:
    """A number inside the phrase: a measure ("152mm artillery shells"), a model
    number ("63,150 Model 3s", "two new 737 Max jets"); else the phrase ends."""
    t = sc.t
    k = ph.k
    words = ph.words
    glued_next = k + 1 < t.n and t.glued(k + 1)
    # "152mm" inside "rounds of 152mm artillery shells": an attribute
    if glued_next and t.kind[k + 1] == "w":
        if units.lookup(t.tx[k + 1]) is not None and words == []:
            ph.attrs.append(t.tx[k] + t.tx[k + 1])
            ph.k += 2
            return _ON
    if words and glued_next and t.low[k + 1] == "s":
        # "63,150 Model 3s": a model number made plural ends the name
        words.append(t.low[k] + "s")
        ph.head = k + 1
        ph.k += 2
        return _END
    if words and t.tx[k].isdigit() and plural_soon(sc, k + 1):
        # "two new 737 Max jets": a model number inside the name
        words.append(t.low[k])
        ph.k += 1
        return _ON
    return _END


def hyphen_compound(sc: Scan, ph: _Phrase) -> bool:
    """A hyphen joining words: "first-team players", "thousands of COVID-19 tests"."""
    t = sc.t
    k = ph.k
    words = ph.words
    if not (t.tx[k] in DASHES and t.glued(k) and words and k + 1 < t.n and t.glued(k + 1)):
        return _END
    if t.kind[k + 1] == "w":
        # "first-team players": join the hyphenated compound
        words[-1] = words[-1] + "-" + t.low[k + 1]
        ph.head = k + 1
        ph.k += 2
        return _END if is_plural(t.low[k + 1]) else _ON
    if t.kind[k + 1] == "n" and plural_soon(sc, k + 2):
        # "thousands of COVID-19 tests"
        words[-1] = words[-1] + "-" + t.low[k + 1]
        ph.head = k + 1
        ph.k += 2
        return _ON
    return _END


def noun_word(sc: Scan, ph: _Phrase) -> bool:
    """One more word of the phrase; a stop word, verb, number word or adverb ends it, and
    so does a plural (the head)."""
    t, lx = sc.t, sc.lx
    k = ph.k
    low = t.low[k]
    words = ph.words
    if _stops(sc, k):
        return _END
    if not words and period_over_period(t, k):
        return _END  # "6,940 quarter on quarter": a comparison, nothing counted
    if (low in lx.up or low in lx.down) and (not words or not low.endswith("s")):
        return _END  # "800 rose", but "job cuts" is a noun
    if numbers.is_number_word(low):
        return _END
    if not words and low in _COUNT_VERBS and _headline_end(t, k + 1):
        # "180,000 flee", "16,000 face evacuation": a headline's verb; "2,000
        # strike workers" count the plural after it, and "three remain
        # unaccounted for" keeps its words to match the source's
        return _END
    if low.endswith("ly") and len(low) > 4 and not _frequency_before_noun(t, k, low):
        return _END
    if words and low.endswith("ed") and not low.endswith("eed"):
        return _END  # "One person died", "one man injured": a verb after the noun
    if low in _POSSESSIVE:
        return _END
    words.append(low)
    if ph.first_word < 0:
        ph.first_word = k
    ph.head = k
    ph.k += 1
    if is_plural(low) or low in _COLLECTIVES:
        return _END
    return _ON


def _stops(sc: Scan, k: int) -> bool:
    """Word ``k`` is a stop word that ends a noun phrase -- unless a hyphen glues it
    to the next word as a compound's first part: "190 measles in-patients", "12
    by-elections", "three in-house lawyers"."""
    t, lx = sc.t, sc.lx
    low = t.low[k]
    if not (low in lx.np_stop or (low in lx.stop and low not in lx.np_keep)):
        return False
    return not (
        k + 2 < t.n and t.tx[k + 1] in DASHES and t.glued(k + 1) and t.glued(k + 2)
        and t.kind[k + 2] == "w"
    )


def _headline_end(t: Tokens, k: int) -> bool:
    """Token ``k`` ends the sentence, or is one singular word that does ("as
    180,000 flee", "16,000 face evacuation"; not "three went inside, the rest
    kept watch", whose words may match the source's)."""
    if k < t.n and t.kind[k] == "w":
        if is_plural(t.low[k]):
            return False
        k += 1
    return k >= t.n or t.tx[k] in SENTENCE_ENDS


def plural_pair(sc: Scan, ph: _Phrase) -> None:
    """Two plurals joined by "and" are one counted thing: "individuals and entities"."""
    t = sc.t
    k = ph.k
    if k + 1 < t.n and t.low[k] == "and" and is_plural(ph.words[-1]):
        nxt = t.low[k + 1]
        if t.kind[k + 1] == "w" and is_plural(nxt) and nxt not in sc.lx.stop:
            ph.words.append("and")
            ph.words.append(nxt)
            ph.head = k + 1
            ph.k += 2


def head_without_plural(sc: Scan, ph: _Phrase, measured: bool, one: bool) -> bool:
    """No plural head. "a three course meal, all": a short phrase up to a break is the
    counted thing; otherwise trust only the first noun ("3 cylinder engine"). False when
    the phrase counts nothing ("one terminal executive told")."""
    t, lx = sc.t, sc.lx
    k = ph.k
    words = ph.words
    w0 = words[0]
    if w0.endswith("ing") or (w0.endswith("ed") and not w0.endswith("eed")) or "-" in w0:
        return False
    at_break = k >= t.n or t.kind[k] == "p" or t.low[k] in lx.stop
    verb_next = k < t.n and t.low[k].endswith("ed") and not t.low[k].endswith("eed")
    if one and not (len(words) <= 2 and (at_break or verb_next)):
        return False  # "one terminal executive told": no count; "One person died" is
    if measured or not (len(words) <= 3 and at_break):
        # the first real noun: "47 km of new line" measures line
        ph.words = [next((w for w in words if w not in lx.np_keep), words[0])]
        ph.head = ph.first_word
    return True


NUMBER_OF_REACH = 10  # tokens back from a figure to the "number of" its clause opened
# the words that give "the number of X" its figure: "rose to", "stood at", "was"
_NUMBER_OF_LINKS = frozenset(("to", "at", "is", "was", "are", "were", "reached", "hit",
                              "totalled", "totaled", "of"))


def number_of_before(sc: Scan, first: int) -> str:
    """The thing a bare count counts where its clause opened with "the number of"
    it gives: "the total number of dengue cases this year to 20,878" counts cases."""
    t = sc.t
    if first < 4 or t.low[first - 1] not in _NUMBER_OF_LINKS:
        return ""
    for k in range(first - 2, max(0, first - NUMBER_OF_REACH) - 1, -1):
        if t.kind[k] != "w":
            return ""  # another figure, or a clause's punctuation, between
        if t.low[k] == "number" and k + 2 < first and t.low[k + 1] == "of":
            np = noun_phrase(sc, k + 2)
            return np[0] if np is not None and np[3] < first else ""
    return ""


PART_OF = "part-of"  # the attribute of a count whose noun is its whole's: "10 of which"
PARTITIVE_REACH = 8  # tokens back from "10 of which" to the figure it takes a part of
_PARTITIVE_PRONOUNS = frozenset(("which", "whom"))


def partitive_of(sc: Scan, d: Draft) -> str:
    """What a bare count before "of which" / "of whom" counts: the figure it takes
    a part of, earlier in its sentence ("18 points, 10 of which came in the first
    half" counts points; "300 stores, 120 of which are in China" stores)."""
    t = sc.t
    if d.pos + 1 >= t.n or t.low[d.pos] != "of" or t.low[d.pos + 1] not in _PARTITIVE_PRONOUNS:
        return ""
    for k in range(d.first - 1, max(0, d.first - PARTITIVE_REACH) - 1, -1):
        if t.tx[k] in SENTENCE_ENDS:
            return ""
        if t.kind[k] == "n":
            np = noun_phrase(sc, k + 1)
            # a part is taken of many: "the 2019 survey" is no whole
            whole = np is not None and np[3] < d.first and is_plural(t.low[np[3]])
            return np[0] if whole else ""  # type: ignore[index]
    return ""


ELIDED_REACH = 24  # tokens back from a bare count to the count of its list that names the noun
_LIST_PREPOSITIONS = frozenset(("in", "at", "for", "from", "on", "across"))


def elided_noun(sc: Scan, d: Draft) -> str:
    """The noun a list of counts writes once: "360,750 outages in Broward, 135,730
    in Palm Beach County and 574,490 in Miami-Dade" counts outages three times.
    Each bare count of the list stands before the same preposition as the first,
    which names the noun."""
    t = sc.t
    if d.pos >= t.n or t.low[d.pos] not in _LIST_PREPOSITIONS or d.first < 2:
        return ""
    if t.tx[d.first - 1] not in (",", "and") or d.negative:
        return ""
    prep = t.low[d.pos]
    for k in range(d.first - 2, max(0, d.first - ELIDED_REACH) - 1, -1):
        if t.tx[k] in SENTENCE_ENDS:
            return ""
        if t.kind[k] != "n":
            continue
        if k + 1 < t.n and t.low[k + 1] == prep:
            continue  # "135,730 in Palm Beach County": another bare item of the list
        np = noun_phrase(sc, k + 1)
        if np is None or np[3] + 1 >= t.n or t.low[np[3] + 1] != prep:
            return ""
        return np[0]
    return ""


def row_label(sc: Scan, first: int, last: int) -> str:
    """Table-row lines ("Artillery Shells 20 million+"): the label is the subject."""
    t = sc.t
    if last + 1 < t.n or first == 0 or first > 4:
        return ""
    if all(t.kind[i] == "w" for i in range(first)) and t.tx[0][0].isupper():
        return lemma_phrase(" ".join(t.low[:first]))
    return ""


def counted_subject(sc: Scan, core: Core, d: Draft) -> bool:
    """The counted thing after a count, or what a measure is "of"; False for a small
    spelled number that counts nothing ("the bottom three", "one of the largest")."""
    t = sc.t
    d.span_last = d.last
    d.resume = d.last + 1
    counts = d.unit is None and d.currency is None and d.kind != "multiplier"
    if counts:
        counted_noun(sc, core, d)
        if not d.subject:
            shared_noun(sc, d)
    elif d.pos + 1 < t.n and t.low[d.pos] == "of":
        measured_noun(sc, d)
    if not d.subject and counts:
        d.subject = row_label(sc, d.first, d.span_last) or number_of_before(sc, d.first)
        if not d.subject and (whole := partitive_of(sc, d)):
            d.subject = whole
            d.attrs.append(PART_OF)
        if not d.subject:
            d.subject = elided_noun(sc, d)
        if not d.subject and d.kind == "spelled" and not d.is_range and core.value < 100:
            # a signed number is a value, not a count: "minus two"
            if not d.qual and not d.negative and (
                core.value == 1 or not (d.pos < t.n and t.low[d.pos] == "of")
            ):
                # "Eighteen others are missing" counts people, as "18 others" does
                return others_counted(sc, d) or figure_alone(sc, min(d.first, d.qfirst), d.last)
    return True


def shared_noun(sc: Scan, d: Draft) -> None:
    """The noun a count shares with the next count of a pair: "won 16 and 12
    seats" counts seats twice. The figure's span stays its own number."""
    t = sc.t
    j = d.pos
    if j + 2 < t.n and t.low[j] in ("and", "or") and t.kind[j + 1] == "n" and (
        "." not in t.tx[j + 1]
    ):
        np = noun_phrase(sc, j + 2, one=False)
        if np is not None:
            d.subject = np[0]


def others_counted(sc: Scan, d: Draft) -> bool:
    return d.pos < sc.t.n and sc.t.low[d.pos] == "others"


def figure_alone(sc: Scan, first: int, last: int) -> bool:
    """The figure is all the text holds (a cell, a list item, an answer: "sixteen",
    "three dozens."), so it is a number even though it counts nothing written."""
    t = sc.t
    return all(t.kind[i] == "p" for i in range(first)) and all(
        t.kind[i] == "p" for i in range(last + 1, t.n))


# nouns a fraction of one still measures: "0.1 point" (of a percentage)
_MEASURED_IN_PARTS = frozenset(("point", "pt", "pp", "percentage"))


def counted_noun(sc: Scan, core: Core, d: Draft) -> None:
    """The noun a count counts ("3,000 tests per day"), or a bare rate ("20 per week")."""
    t = sc.t
    np = noun_phrase(sc, d.pos, one=core.value == 1 and not d.is_range)
    if np is not None:
        d.subject, np_attrs, np_first, head_last, d.resume = np
        if core.kind == "digits" and "." in core.digits and core.value % 1 and (
            core.scale == 1.0 and not d.is_range and not is_plural(t.low[head_last])
            and t.low[head_last] not in _MEASURED_IN_PARTS
        ):
            # "the 7.8 earthquake", "a 3.5 star hotel": a fraction of one thing is
            # no count of it but a magnitude or a grade, matched with no noun
            d.subject = ""
        d.attrs.extend(np_attrs)
        d.span_last = head_last
        if not d.surface_unit:
            d.surface_unit = sc.text[t.st[np_first] : t.en[head_last]]
        got_rate = rate_after(sc, head_last + 1)
        if got_rate is not None:
            d.attrs.append(got_rate[0])  # "three thousand tests per day"
    elif d.kind in ("digits", "spelled") and d.pos < t.n and t.low[d.pos] in _BARE_RATE:
        got_rate = rate_after(sc, d.pos)
        if got_rate is not None and got_rate[0].split()[-1] in TIME_WORDS:
            d.attrs.append(got_rate[0])  # "an average of 20 per week"
            d.last = d.span_last = got_rate[1]
            d.resume = d.last + 1


def measured_noun(sc: Scan, d: Draft) -> None:
    """What a measure is of: "47 km of new line"."""
    np = noun_phrase(sc, d.pos + 1, measured=True)
    if np is not None and d.unit is not None:
        d.subject, np_attrs, _, _, d.resume = np
        d.attrs.extend(np_attrs)


# Adjectives of frequency, which end in "-ly" as adverbs do: "40 daily flights"
# counts flights ("the 5 recently" ends its phrase)
_FREQUENCY = frozenset((
    "daily", "weekly", "monthly", "yearly", "hourly", "nightly", "quarterly", "fortnightly",
))


def _frequency_before_noun(t: Tokens, k: int, low: str) -> bool:
    return low in _FREQUENCY and k + 1 < t.n and t.low[k + 1][:1].isalpha()
