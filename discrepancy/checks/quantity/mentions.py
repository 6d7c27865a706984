"""Whether the sources write a target figure's number: in a sentence about the
same thing, beside the claim's own words, or by listing what it counts."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache, cached_property

from ...model import Claim, Document, Quantity
from ...recognizers.dates import extract_dates
from ...recognizers.quantities.noun_phrase import PART_OF
from ...text import wordlists
from ...text.lemmas import lemma
from ...text.months import month_of_day
from ...text.numbers import parse_number
from ...text.words import with_event_names
from ..clock_times import clock_minutes, minutes
from ..findings import sentence_of
from ..matching import canonical_subject
from .agreement import plausible
from .date_gaps import DateGaps, counted_window, own_gaps
from .days import source_days
from .frames import claim_frame
from .listed import LIST_MIN, Listed, list_lengths
from .named_totals import named_parts_total
from .number_index import first_inside, significant_digits
from .ordinals import ordinals_in
from .own_totals import PERIOD_SECONDS, own_sum_or_difference
from .source_numbers import MONTH_SECONDS, SourceNumbers, named_years, years_window
from .stray import LISTED_COUNT_MAX
from .tallies import scores_written
from .worked_out import WorkedOut
from .written import numbers_with_surroundings, sentence_lemmas, surroundings, text_numbers

# A multiple or share the summary computes: its own rounding, and this much more
# ("about nine times" for 55,000 against 6,000 is 9.2)
RATIO_SLACK = 0.1
RATIO_NUMBERS_MAX = 8  # numbers of a sentence paired; past it, some two give any ratio
# what opens a list the count before it announces: "two signings: A and B"
_LIST_OPENS = re.compile(r"[^\n:;.—–]{0,40}?\s*(?::|—|–|\s-\s)\s*")
# the words that give a figure as a total of parts: bounded, linear
_TOTAL = re.compile(
    r"\b(?:in total|a total of|totall?ing|in all|altogether|combined|together|between them)\b",
    re.IGNORECASE,
)
VAGUE_SHARED = 2
SHORT_SENTENCE_LEMMAS = 6  # content words of a sentence that leans on the one before
VAGUE_SENTENCES = 2_000  # source sentences searched for a vague word, per claim
YEAR_SECONDS = 31557600.0  # a Julian year, the unit of durations
AGE_MAX = 115
ORDINAL_SHARED_MIN = 3  # content words an ordinal's sentence shares with a count it gives
YEAR_MIN, YEAR_MAX = 1800, 2100  # a bare four-digit number here reads as a year


# A time of day after a stray number, and every time of day a source gives.
# Bounded, linear.
_AND_OTHERS = re.compile(r"\band\s+(\w+)\s+others?\b", re.IGNORECASE)
# "around 5,000, a fifth of them Irish": a share of the total just written
_SHARE_OF_THEM = re.compile(
    r"(\d[\d,]*)(?:\s+[a-z]+){0,3}\s*,?\s+(?:a|one)\s+(half|third|quarter|fifth|sixth|tenth)\s+of\s+"
    r"(?:them|those|these|whom|which)\b",
    re.IGNORECASE,
)
_PARTS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "sixth": 1 / 6,
          "tenth": 0.1}
SHARE_SLACK = 0.05  # a share worked out and rounded ("roughly 1,000" for 5,000 / 5)
_MULTIPLE_WORDS = frozenset(("double", "triple", "treble", "quadruple", "twice", "halve"))
_SCORE_SIDE = re.compile(r"\d\s?[-–]\s?$")
_CLOCK_AFTER = re.compile(r"\s?([ap])\.?m\b", re.IGNORECASE)
CLOCK_SLACK_MINUTES = 60
# the words after a margin that say what it is measured against ("more than the
# rival offer")
_IN_ALL_AFTER = re.compile(r"(?:\s[a-z]{2,15}){0,2}\s(?:in\sall|all\stold)\b", re.IGNORECASE)
# A margin right before the figure it is set against: "16 more than the 31 days".
# Bounded words: linear.
_MARGIN_BEFORE_BASE = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)(?:\s[a-z]+)?\s(?:more|fewer|less|higher|lower)\sthan"
    r"(?:\s(?:the|its|their|a|an))?\s$",
    re.IGNORECASE,
)
MARGIN_REACH = 48  # characters before a figure read for the margin it is the base of
# The figure a multiple is of, a few words after it: "times last winter's 1,548",
# "times the 1,098". Bounded words: linear.
_BASE_AFTER = re.compile(
    r"(?:\s(?:the|its|their|his|her|a|an|that|this|last|previous|year's|winter's|"
    r"[a-z]+'s|[a-z]+’s)){0,3}\s\$?(\d[\d,]*(?:\.\d+)?)(?![\d.,]\d)",
    re.IGNORECASE,
)
# A span of time a sentence states, and the seconds of each unit a rate is per
_SPAN = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s(hour|day|week|month|year)s?\b",
                   re.IGNORECASE)
RATE_SLACK = 0.02
# A sentence that opens by pointing back to the one before: "That is", "This was"
_POINTS_BACK = re.compile(r"\s*(?:That|This|It)(?:'s|’s|\s(?:is|was|would\sbe))\b")
def _scaled_pair(values: Sequence[float]) -> bool:
    """One number read twice, as written and with its scale word ("Rs 2,900 crore":
    2,900 and 29,000,000,000)."""
    return len(values) == 2 and values[0] > 0 and any(
        math.isclose(values[1] / values[0], s) for s in _SCALES
    )


_SCALES = frozenset((1e3, 1e5, 1e6, 1e7, 1e9, 1e12))

# A length of time told from the event before: "five days later", "a month earlier";
# not "in the five years after he was diagnosed", a period a source states as a figure.
# Fixed words: linear.
_OFFSET_AFTER = re.compile(r",?\s{1,2}(?:later|afterwards|earlier)\b", re.IGNORECASE)
# the word before a margin: "trailing by seven", "a lead of 12"
_MARGIN_BEFORE = re.compile(r"\b(?:by|of)\s$", re.IGNORECASE)
TALLY_MARGIN_MAX = 99
DAY_SECONDS = 86_400.0
CLOCK_TIMES_MAX = 12  # times of day paired; past it, some two are any span apart
CLOCK_ROUNDING = 60.0  # seconds: a span between two clock minutes is told to the minute
_MARGIN_AFTER = re.compile(
    r"\s(?:(?:more|less|fewer|higher|lower|greater|warmer|colder|faster|slower)\sthan"
    r"|above|below|short\sof|shy\sof|ahead\sof|behind|clear\sof)\b",
    re.IGNORECASE,
)


def margin_after(text: str, c: Claim) -> bool:
    """The figure is a difference its next words measure from another ("15 months
    short of the maximum", "three years less than the eight-year term")."""
    return _MARGIN_AFTER.match(text, c.end) is not None
# "... less than the eight": a margin's word, then the number it is set against
_THAN_BASE = re.compile(
    r"\s(?:more|less|fewer|higher|lower|greater)\sthan\s(?:the\s|a\s)?"
    r"(\$?[\d.,]+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)",
    re.IGNORECASE,
)
PRECISE_OPERAND_DIGITS = 3  # "40.33": seldom a number less a small margin by chance
MARGIN_MIN = 10  # a margin of one digit is met by any two numbers of a story


_PART_OF_YEAR = re.compile(r"\b(first|last|final)\s{1,2}$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s{1,2}of\b", re.IGNORECASE)
_PERIOD_NAMED = {
    (True, 3): re.compile(r"\b(?:first[-\s]quarter|Q1|1Q)\b", re.IGNORECASE),
    (False, 3): re.compile(r"\b(?:fourth[-\s]quarter|Q4|4Q)\b", re.IGNORECASE),
    (True, 6): re.compile(r"\b(?:first[-\s]half|H1)\b", re.IGNORECASE),
    (False, 6): re.compile(r"\b(?:second[-\s]half|H2)\b", re.IGNORECASE),
}


_PERCENT = re.compile(r"\d\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
_POINTS = re.compile(r"\b(?:points?|pts?)\b", re.IGNORECASE)  # "10 points", "8-point", "3 pts"
WORKED_WORDS_AROUND = 6  # words either side of a figure read for a word of arithmetic
_WORD = re.compile(r"[A-Za-z]+")


# "267 of ", "1,200 out of ": a part written right before the claim. Bounded: linear.
_PART_OF_BEFORE = re.compile(r"\d[\d,.]*\s(?:out\s)?of\s(?:the\s)?$")


def _worked_words(text: str, c: Claim) -> bool:
    """Words beside the figure say it was worked out: "some 3,100 below the
    year-earlier figure", "a margin of roughly 2.1 million" (``worked_out_words``)."""
    words = wordlists.words("worked_out_words.txt")
    before = _WORD.findall(text[max(0, c.start - 60):c.start])[-WORKED_WORDS_AROUND:]
    after = _WORD.findall(text[c.end:c.end + 60])[:WORKED_WORDS_AROUND]
    inside = _WORD.findall(c.text)  # "about 2,100 more ships"
    if before and before[-1].lower() == "by":
        return True  # "beat it by $1.5 million"; but "led by Kaminsky, who scored 27"
    if _PART_OF_BEFORE.search(text, max(0, c.start - 24), c.start):
        return True  # "results from 267 of 276 constituencies": the whole of a part
    if _IN_ALL_AFTER.match(text, c.end):
        return True  # "more than 4.2 lakh in all", "22,200 homes all told"
    return any(w.lower() in words for w in before + inside + after) or _moved_by(before, after)


def _moved_by(before: list[str], after: list[str]) -> bool:
    """The figure is the size of a move its own words state: "Colorado rose 90 cents
    to $10.20", "a 4-cent bump" (the difference of a source's two ends); not the
    level a move reached ("increased their lead to 27 points"), nor a verb of the
    next clause ("27 points, while Dekker added 16")."""
    moves = _move_words()
    # "could climb by another £3.9m to £12m": past a word of more
    if len(before) > 1 and before[-1].lower() in _MORE_WORDS:
        before = before[:-1]
        if before[-1].lower() == "by":
            return True
    if before and before[-1].lower() in moves:
        return True
    return bool(after) and after[0].lower() in _MOVE_NOUNS


_MORE_WORDS = frozenset(("another", "further", "extra", "additional"))
# Nouns of a move right after its size: "a 4-cent bump", "a 9% rise"
_MOVE_NOUNS = frozenset((
    "bump", "rise", "increase", "hike", "jump", "gain", "drop", "fall", "decline", "cut",
    "raise", "boost",
))


@cache
def _move_words() -> frozenset[str]:
    """Verbs of a move, as the change words hold them (one word each)."""
    change = wordlists.data("change_words.json")
    return frozenset(w for w in (*change["up"], *change["down"]) if " " not in w)


def _worded_fraction(q: Quantity) -> bool:
    """A fraction in words ("a quarter of the Roman city", "half"), whose word a
    source writes of the same thing: "an entire quarter of the ancient Roman city"
    is a district, and the summary took the source's word, not a share."""
    share = q.value / 100 if q.dimension == "percent" else q.value
    return 0 < share < 1 and not any(ch.isdigit() for ch in q.surface_value)


def _in_words(c: Claim) -> bool:
    """A figure written in words ("two-thirds", "nearly a quarter"): a share worked
    out from two counts is written so; "69%" in digits is a figure to check."""
    return not any(ch.isdigit() for ch in c.text)
_PAIR = re.compile(r"(?<![\d.,])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d]|[.,]\d)")


# A figure that says by how much: "five more than the previous record". Bounded.
_COMPARATIVES = r"(?:more|fewer|less|higher|lower|better|worse|greater|bigger|smaller)"
_COMPARED = re.compile(rf"\s(?:\w+\s)?{_COMPARATIVES}\sthan\b", re.IGNORECASE)
_THAN_CLAUSE = re.compile(r"[^,.;:()]{1,60}")
_COMPARATIVE_WORD = re.compile(rf"\s{_COMPARATIVES}\b", re.IGNORECASE)
_THAN = re.compile(r"\sthan\b", re.IGNORECASE)
_VOTE = re.compile(r"\b(?:split|vot(?:e|es|ed|ing))\b", re.IGNORECASE)
VOTE_REACH = 30  # characters either side of a pair searched for a word of a vote


# Numbers of one sentence weighed beside each of its figures: an article's
# sentence writes a handful; past this, a table or a list, whose numbers tie
# nothing to each other
BESIDE_NUMBERS_MAX = 40
# "25 of the 40 runners": a part and its whole. Bounded: linear.
_PART_OF = re.compile(
    r"(\d{1,3}(?:,\d{3})*)\s(?:out\s)?of\s(?:the\s|its\s|their\s)?(\d{1,3}(?:,\d{3})*)\b"
)
PART_REACH = 24


@cache
def _vague_alike() -> dict[str, tuple[str, ...]]:
    """Each vague word, with the words that say the same amount (``alike`` of
    ``data/vague_quantities.json``)."""
    out: dict[str, tuple[str, ...]] = {}
    for group in wordlists.data("vague_quantities.json").get("alike", []):
        for w in group:
            out[w] = tuple(group)
    return out


# "445 out of 8,768", "one in 20": a part and its whole. Bounded: linear.
_OUT_OF = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s+(?:out\s+of|in)\s+(?:every\s+)?(\d[\d,]*(?:\.\d+)?)")
PROPORTION_MIN = 100


class Mentions:
    """Lookups of one target's figures in the sources' ``SourceNumbers``; the
    content lemmas of each target sentence are read once."""

    def __init__(
        self, target: Document, numbers: SourceNumbers,
        sources: Sequence[tuple[Document, Sequence[Claim]]] = (),
        own: Sequence[Claim] = (),
    ) -> None:
        self.target = target
        self._own = own
        self.numbers = numbers
        self._sources = sources
        self._lemmas: dict[int, frozenset[str]] = {}
        self._totals: dict[int, bool] = {}  # whether a sentence gives a total, by index
        self._writing: dict[str, list[frozenset[str]]] = {}
        self._pairs: dict[tuple[str, str], bool] = {}  # a tally's answer, read once
        self._beside_cache: dict[int, frozenset[float]] = {}  # numbers, by sentence index

    @cached_property
    def _own_worked(self) -> WorkedOut:
        """Values the summary's own figures give by a sum or difference, read on the
        first figure asked."""
        return WorkedOut([(self.target, self._own)])

    def own_worked_out(self, c: Claim) -> bool:
        """A hedged figure, or one with a word of arithmetic, that figures the summary
        itself states close by give ("The system is around 3.5 billion years old, a
        billion years younger than ours ... about 4.5 billion"): the writer's
        arithmetic on figures each checked on its own."""
        q = c.quantity
        if q is None or not self._own:
            return False
        if q.qualifier == "exact" and not _worked_words(self.target.text, c):
            return False
        # worked from the figures before it only: "grew by $1 billion, which puts
        # them at about $4.5 billion" works the level out, never the move from it
        before = frozenset(
            v for f in self._own if f.end <= c.start and f.quantity is not None
            for v in (f.quantity.low, f.quantity.value, f.quantity.high)
        )
        return self._own_worked.holds(
            q, self._sentence_lemmas(c), self._numbers_beside(c), True, only_from=before
        )

    @cached_property
    def gaps(self) -> DateGaps:
        """The times between the sources' dates, read on the first duration asked."""
        return DateGaps(self._sources)

    def margin_of_stated(self, c: Claim) -> bool:
        """A margin the claim's words say it is ("Rs 2,900 crore more than the rival
        offer") between a number its own sentence states and one
        any source writes: 18,000 less the source's 15,100. The margin keeps two
        significant digits or more, so the difference is seldom met by chance."""
        q = c.quantity
        if q is None or q.dimension in ("percent", "percentage_point") or (
            not _MARGIN_AFTER.match(self.target.text, c.end)
        ):
            return False
        written = sorted(m for m in text_numbers(c.text) if m > 0)
        if not written or (len(written) > 1 and not _scaled_pair(written)):
            return False
        return any(self._margin_of(c, m) for m in written)

    def _margin_of(self, c: Claim, m: float) -> bool:
        """``margin_of_stated`` for the number ``m`` as written or with its scale."""
        # a margin of one digit is met by any two numbers of a story, unless the
        # operand beside it is precise ("0.16 degrees above the 40.17" of 40.33)
        sizable = m >= MARGIN_MIN and sum(ch.isdigit() for ch in str(int(m)).rstrip("0")) >= 2
        every = self.numbers.all
        # both operands larger than the margin: "100 nations" less 97 is no margin of 3
        def written(x: float) -> bool:
            return first_inside(every, (x * (1 - 1e-6), x * (1 + 1e-6), True)) is not None

        beside = self._numbers_beside(c)
        base = self._compared_base(c)
        # "... to five years in prison. That is three years less than the eight-year
        # term": the other end in the sentence the anaphor points back to
        ends = beside | self._numbers_pointed_back(c.sentence)
        return any(
            (sizable or significant_digits(f"{b:g}") >= PRECISE_OPERAND_DIGITS
             # a small margin whose base follows its "than" and whose other end the
             # sentence states too: "five years, three less than the eight prosecutors
             # wanted", where the sources write 5 and 8
             or (b == base and written(b) and ((b - m) in ends or (b + m) in ends)))
            and (b > 2 * m and written(b - m) or written(b + m))
            for b in beside if b > m
        )

    def _compared_base(self, c: Claim) -> float | None:
        """The number right after the claim's "than" ("less than the eight"), if any."""
        m = _THAN_BASE.match(self.target.text, c.end)
        if m is None:
            return None
        got = text_numbers(m.group(1))
        return next(iter(got)) if len(got) == 1 else None

    def base_of_margin(self, c: Claim) -> bool:
        """The figure a margin its own sentence states is set against: "47 days -- 16
        more than the 31 days of July 2021" is 47 less 16, where the source writes
        47 and "16 more than July 2021"."""
        q = c.quantity
        if q is None or not q.value > 0:
            return False
        m = _MARGIN_BEFORE_BASE.search(self.target.text, max(0, c.start - MARGIN_REACH), c.start)
        if m is None:
            return False
        margin = parse_number(m.group(1).replace(",", ""))
        if margin is None or margin <= 0:
            return False
        every = self.numbers.all
        levels = [b for b in self._numbers_beside(c) if b != margin]
        mine = text_numbers(c.text)  # as written: "31 days" is 31, not its seconds
        return any(
            math.isclose(level - margin, x, rel_tol=1e-9)
            or math.isclose(level + margin, x, rel_tol=1e-9)
            for level in levels for x in mine
            if first_inside(every, (level * (1 - 1e-6), level * (1 + 1e-6), True)) is not None
            and first_inside(every, (margin * (1 - 1e-6), margin * (1 + 1e-6), True)) is not None
        )

    def multiple_of_stated(self, c: Claim) -> bool:
        """A multiple of the figure the claim's own words set it against, whose
        product a source writes: "about 3.5 times last winter's 1,548" where the
        source gives 5,408 this winter. The product of two written numbers lands
        on a third only by a reader's division."""
        q = c.quantity
        if q is None or q.dimension != "ratio" or not q.value > 0:
            return False
        m = _BASE_AFTER.match(self.target.text, c.end)
        if m is None:
            return False
        base = parse_number(m.group(1).replace(",", ""))
        if base is None or base <= 0:
            return False
        p = plausible(q)
        lo, hi = base * p.low * (1 - RATIO_SLACK), base * p.high * (1 + RATIO_SLACK)
        if not (math.isfinite(lo) and math.isfinite(hi)):
            return False
        return first_inside(self.numbers.all, (lo, hi, True)) is not None

    def said_by_word(self, c: Claim) -> bool:
        """A small count a related source sentence states by a word of how many:
        "the quartet released Tuesday" for "four condors"."""
        assert c.quantity is not None
        return self.listed.counts(c.quantity, self._sentence_lemmas(c), by_word=True)

    def names_listed(self, c: Claim) -> bool:
        """A small count of names a related source sentence lists one by one:
        "he climbed six peaks in its first month" for "Purja ticked off Annapurna,
        Dhaulagiri, Kanchenjunga, Everest, Lhotse and Makalu in just one month"."""
        assert c.quantity is not None
        return self.listed.names_one_of(c.quantity, self._sentence_lemmas(c))

    def counted(self, c: Claim) -> bool:
        """A small count of something the sources name ("two shootings", "six
        authors: three British, two American, one Australian") or list in a
        related sentence ("a woman, her husband and their daughter" for "three
        members of one family"): a reader counts what an article gives one by
        one, so no source need write the number."""
        q = c.quantity
        assert q is not None
        if self.listed.counts(q, self._sentence_lemmas(c)):
            return True
        if q.dimension != "count" or q.qualifier != "exact" or not c.subject:
            return False
        if PART_OF in q.attributes:
            return False  # "nine of whom were injured": what is counted is said after
        if not 0 < q.value <= LISTED_COUNT_MAX or q.value != int(q.value):
            return False
        return lemma(c.subject.split()[-1]) in self.numbers.words

    def vague_written(self, c: Claim) -> bool:
        """A vague amount whose word a related source sentence writes: "Dozens are
        still newly infected each week" for "Dozens of people are still infected
        each week", though that sentence counts no noun and another gives
        "more than 25,000 people"."""
        q = c.quantity
        if q is None or not q.surface_value or not (
            q.qualifier == "vague" or _worded_fraction(q)
        ):
            return False
        lemmas = self._sentence_lemmas(c)
        # the word itself is the figure: two more shared words relate the sentences
        need = min(VAGUE_SHARED, len(lemmas))
        word = q.surface_value.lower().split()[-1]
        return any(
            len(lemmas & theirs) >= need
            for alike in _vague_alike().get(word, (word,))
            for theirs in self._sentences_writing(alike)
        )

    def _sentences_writing(self, word: str) -> list[frozenset[str]]:
        """The content lemmas of the source sentences that write ``word``, read
        once per word (the first ``VAGUE_SENTENCES`` sentences)."""
        got = self._writing.get(word)
        if got is None:
            rx = re.compile(rf"\b{re.escape(word)}\b")
            got = self._writing[word] = [
                lemmas for text, lemmas in self._lower_sentences if rx.search(text)
            ]
        return got

    @cached_property
    def _lower_sentences(self) -> list[tuple[str, frozenset[str]]]:
        out: list[tuple[str, frozenset[str]]] = []
        for doc, _ in self._sources:
            for sent in doc.sentences[:VAGUE_SENTENCES]:
                out.append((sent.text.lower(), sentence_lemmas(sent.text)))
        return out

    @cached_property
    def listed(self) -> Listed:
        """The lists of the sources' sentences, read on the first count asked."""
        return Listed(self._sources)

    def summed(self, c: Claim, loose: bool = False) -> bool:
        """The figure is a total of parts, or the difference of two figures, a
        related source sentence gives: a reader's arithmetic, no rival's figure.
        ``loose``: no word of arithmetic is needed beside it, and a short sentence
        is read with the one before (for a hedged figure no source gives: "fell
        about $81m to $866m", "That is a swing of nearly $1 billion")."""
        assert c.quantity is not None
        lemmas = self._sentence_lemmas(c)
        return (
            self.numbers.summed_near(c.quantity, lemmas)
            or (self.numbers.totalled_across(c.quantity, lemmas) and self._totalled(c))
            or self.numbers.differenced(c.quantity, lemmas)
            or self.numbers.worked.holds(
                c.quantity, self._context_lemmas(c) if loose else lemmas,
                self._numbers_beside(c), loose or _worked_words(self.target.text, c)
            )
            or self.numbers.worked.holds_across(
                c.quantity, self._context_lemmas(c) if loose else lemmas, self._numbers_beside(c)
            )
            or self._compared_difference(c)
            # "78 cases ..., with 68 in California and 10 elsewhere": the rest of
            # two figures the claim's own sentence states
            or own_sum_or_difference(self.target, c)
            or named_parts_total(sentence_of(self.target, c), c, self._source_claims)
            or (self._points_of_shares(c) and self.numbers.points_worked_out(
                c.quantity, lemmas, self._numbers_beside(c)
            ))
            or self.numbers.ratio_between(c.quantity, lemmas)
            # a share in words, or hedged in digits ("a fatality rate of about 2.3%"
            # for 72 of 3,148): "69%" bare is a figure to check
            or ((_in_words(c) or c.quantity.qualifier == "approx")
                and self.numbers.share_between(c.quantity, lemmas))
        )

    def _numbers_beside(self, c: Claim) -> frozenset[float]:
        """The numbers the claim's sentence writes besides the claim's own (read
        once per sentence: a sentence of thousands of figures asks for each)."""
        sent = self.target.sentence_at(c.start)
        if sent is None:
            return frozenset()
        every = self._beside_cache.get(sent.index)
        if every is None:
            found = text_numbers(sent.text)
            every = self._beside_cache[sent.index] = (
                frozenset(found) if len(found) <= BESIDE_NUMBERS_MAX else frozenset()
            )
        return every - text_numbers(c.text)

    def _points_of_shares(self, c: Claim) -> bool:
        """A count of points in a sentence that gives shares in percent: "55.19% to
        44.81%, a lead of about 10 points" (a game's "lead to 27 points" is a score)."""
        if c.quantity is None or c.quantity.dimension != "count" or not _POINTS.search(c.text):
            return False
        sent = self.target.sentence_at(c.start)
        return sent is not None and _PERCENT.search(sent.text) is not None

    def _totalled(self, c: Claim) -> bool:
        """The claim's sentence gives it as a total ("in total", "altogether")."""
        if c.sentence not in self._totals:
            sent = self.target.sentence_at(c.start)
            self._totals[c.sentence] = sent is not None and _TOTAL.search(sent.text) is not None
        return self._totals[c.sentence]

    def near(self, c: Claim, exact: bool = False) -> bool:
        """The number is written in a source sentence about the same thing, of
        a frame that fits the claim's (``frames``)."""
        assert c.quantity is not None
        return self.numbers.written_near(
            c.quantity, self._sentence_lemmas(c), exact
        ) and self._frame_ok(c)

    def rounds_near(self, c: Claim) -> bool:
        """The claim rounds a more precise bare number a source sentence about the
        same thing writes (``source_numbers.rounded_near``)."""
        assert c.quantity is not None
        return self.numbers.rounded_near(c.quantity, self._sentence_lemmas(c)) and (
            self._frame_ok(c)
        )

    def _frame_ok(self, c: Claim) -> bool:
        assert c.quantity is not None
        return self.numbers.frame_ok(c.quantity, claim_frame(self.target, c))

    def _period_named(self, c: Claim) -> bool:
        """ "the first three months of the year" where a source names the first
        quarter ("first six months": the first half; "last"/"final": the fourth
        quarter, the second half): a period's name, no span of time."""
        q = c.quantity
        assert q is not None
        text = self.target.text
        before = _PART_OF_YEAR.search(text, max(0, c.start - 8), c.start)
        if before is None or _OF_AFTER.match(text, c.end) is None:
            return False
        if q.dimension != "duration" or not q.surface_unit.lower().startswith("month"):
            return False
        months = round(q.value / MONTH_SECONDS)
        first = before.group(1).lower() == "first"
        name = _PERIOD_NAMED.get((first, months))
        return name is not None and any(name.search(d.text) for d in self.numbers.documents)

    def _sentence_lemmas(self, c: Claim) -> frozenset[str]:
        if c.sentence not in self._lemmas:
            self._lemmas[c.sentence] = sentence_lemmas(sentence_of(self.target, c))
        return self._lemmas[c.sentence]

    def _context_lemmas(self, c: Claim) -> frozenset[str]:
        """The claim's sentence's words; a short sentence's with the one before,
        which it goes on from ("That is a swing of nearly $1 billion")."""
        own = self._sentence_lemmas(c)
        if len(own) >= SHORT_SENTENCE_LEMMAS or not 0 < c.sentence < len(self.target.sentences):
            return own
        return own | sentence_lemmas(self.target.sentences[c.sentence - 1].text)

    def mentioned(self, c: Claim) -> bool:
        """The number is in the sources about something like it, or is the sum of
        parts, the years between two dates or the points between two percents a
        related source sentence gives: no evidence that it is new. Not support
        against a rival figure (``near`` is)."""
        assert c.quantity is not None
        # the claim's own words count too: "over 20 deaths" is "more than 20 people
        # dead" (its noun is inside its span, outside its surroundings)
        words = surroundings(self.target.text, c.start, c.end) | with_event_names(
            sentence_lemmas(c.text)
        )
        # frames are left out here: a number written for another frame ("40
        # injured" for "killed 40") is no support, but no evidence of a new
        # figure either; only a rival of the claim's own frame shows the error
        return (
            self._written_as_such(c, words)
            or self.numbers.summed_near(c.quantity, self._sentence_lemmas(c))
            or (self.numbers.totalled_across(c.quantity, self._sentence_lemmas(c))
                and self._totalled(c))
            or self.numbers.differenced(c.quantity, self._sentence_lemmas(c))
            or self.numbers.years_between(c.quantity, self._sentence_lemmas(c))
            or self.numbers.points_between(c.quantity, self._sentence_lemmas(c))
            or self.numbers.points_from_stated(
                c.quantity, self._sentence_lemmas(c), self._numbers_beside(c))
            or self.numbers.ratio_between(c.quantity, self._sentence_lemmas(c))
            or (_in_words(c) and self.numbers.share_between(c.quantity, self._sentence_lemmas(c)))
            or self.gaps.between(c.quantity, self._sentence_lemmas(c))
            or self.numbers.period_glossed(c.quantity, self._sentence_lemmas(c))
            or self._period_named(c)
            or self._day_dated(c)
            or self._an_age(c)
            or self._a_year_written(c)
            or self._told_otherwise(c)
        )

    def offset_of_dates(self, c: Claim) -> bool:
        """A length of time told as the distance between two events ("Five days later,
        Citigroup shareholders rejected ...") that is the time between two dates of a
        related source window ("12 April: ..." and "17 April: ..."): the writer's count
        of days, no misreading of another duration ("for a year during which")."""
        q = c.quantity
        if q is None or q.dimension != "duration":
            return False
        return _OFFSET_AFTER.match(self.target.text, c.end) is not None and self.gaps.between(
            q, self._sentence_lemmas(c)
        )

    def _told_otherwise(self, c: Claim) -> bool:
        """The number is the summary's own arithmetic or count ("won six medals at the
        1992 and 1996 Games", "79 cases over 21 days, about 3.8 a day"), or one a
        source gives another way: a score's margin, a span between two clock times."""
        return (
            self.own_years_between(c)
            or self.own_date_gap(c)
            or self._own_ratio(c)
            or self._own_list(c)
            or self._share_of_a_total(c)
            or self._multiple_word_written(c)
            or self._tally_margin(c)
            or self._own_rate(c)
            or self._between_clock_times(c)
            or self.base_of_margin(c)
        )

    def _between_clock_times(self, c: Claim) -> bool:
        """A length of time between two times of day a source gives: "about an hour
        and 20 minutes into the journey" for a train that left at 6.15 a.m. and
        came off the track at 7.35 a.m."""
        q = c.quantity
        assert q is not None
        if q.dimension != "duration" or not 0 < q.high <= DAY_SECONDS:
            return False
        times = sorted(self._source_clock_times)[:CLOCK_TIMES_MAX]
        low, high = q.low - CLOCK_ROUNDING, q.high + CLOCK_ROUNDING
        return any(
            low <= (b - a) * 60 <= high for i, a in enumerate(times) for b in times[i + 1:]
        )

    def _own_rate(self, c: Claim) -> bool:
        """A rate its own sentence works out from a count and a span of time it
        states: "79 new cases ... over the last 21 days, an average of about 3.8 a
        day"."""
        q = c.quantity
        assert q is not None
        per = next((a[4:] for a in q.attributes if a.startswith("per ")), None)
        sent = self.target.sentence_at(c.start)
        if per not in PERIOD_SECONDS or sent is None or not q.value > 0:
            return False
        lengths = []  # the sentence's spans of time, in the rate's unit
        for n, unit in _SPAN.findall(sent.text):
            v = parse_number(n.replace(",", ""))
            if v is not None and v > 0:
                lengths.append(v * PERIOD_SECONDS[unit.lower()] / PERIOD_SECONDS[per])
        p = plausible(q)
        lo, hi = p.low * (1 - RATE_SLACK), p.high * (1 + RATE_SLACK)
        counts = self._numbers_beside(c)
        return any(lo <= n / length <= hi for n in counts for length in lengths)

    def _tally_margin(self, c: Claim) -> bool:
        """A margin the two sides of a score a source writes give: "trailing by seven
        at the break" for "trailed just 51-44 at halftime", "won by 12" for "98-86".
        A score's two numbers are written as one pair, seldom by chance."""
        q = c.quantity
        assert q is not None
        if q.dimension != "count" or q.qualifier not in ("exact", "approx") or not (
            0 < q.value <= TALLY_MARGIN_MAX and q.value == int(q.value)
        ) or not _MARGIN_BEFORE.search(self.target.text, max(0, c.start - 12), c.start):
            return False
        return any(b - a == q.value for a, b in self._scores)

    @cached_property
    def _scores(self) -> frozenset[tuple[int, int]]:
        return scores_written(list(self.numbers.documents))

    def _multiple_word_written(self, c: Claim) -> bool:
        """A multiple said by its word that a related source sentence writes: "expected
        it to double in size" for "Officials said they expected it would double"."""
        q = c.quantity
        assert q is not None
        word = q.surface_value.lower()
        if word not in _MULTIPLE_WORDS:
            return False
        lemmas = self._sentence_lemmas(c)
        need = min(VAGUE_SHARED, len(lemmas))
        return any(len(lemmas & theirs) >= need for theirs in self._sentences_writing(word))

    def _share_of_a_total(self, c: Claim) -> bool:
        """A count that is a share a source sentence gives of a total it writes:
        "roughly 1,000 of them Irish" for "around 5,000, a fifth of them Irish"."""
        q = c.quantity
        assert q is not None
        if q.dimension != "count" or not q.value > 0:
            return False
        slack = max(q.tolerance, SHARE_SLACK) * q.value
        mine = self._sentence_lemmas(c)
        return any(
            abs(share - q.value) <= slack and not lemmas.isdisjoint(mine)
            for share, lemmas in self._shares_of_totals
        )

    @cached_property
    def _shares_of_totals(self) -> list[tuple[float, frozenset[str]]]:
        """Each share a source sentence gives of a total it writes, worked out, with
        the sentence's content lemmas (read once: a claim asks each)."""
        out: list[tuple[float, frozenset[str]]] = []
        for doc, _ in self._sources:
            for m in _SHARE_OF_THEM.finditer(doc.text):
                total = parse_number(m.group(1).replace(",", ""))
                part = _PARTS.get(m.group(2).lower())
                sent = doc.sentence_at(m.start())
                if total is not None and part is not None and sent is not None:
                    out.append((total * part, sentence_lemmas(sent.text)))
        return out

    def _written_as_such(self, c: Claim, words: frozenset[str]) -> bool:
        """The number is written in the sources: near the claim's words or beside
        its surroundings, precisely enough to be its own, rounded by it, or with
        another number its sentence states."""
        q = c.quantity
        assert q is not None
        return (
            self.numbers.written_near(q, self._sentence_lemmas(c), kin=True)
            or self.numbers.written_beside(q, words)
            or self.numbers.precise_written(q)
            or self.numbers.precise_rounded(q)
            or self.numbers.rounds_precise(q)
            or self.numbers.written_with(q, self._numbers_beside(c))
            or self.numbers.range_together(q)
            or self._rest_of_whole(c)
            or self.numbers.off_a_stated(q, self._numbers_beside(c))
        )

    def _rest_of_whole(self, c: Claim) -> bool:
        """The claim is a part of a whole its sentence writes with it ("25 of the
        40 runners"), or that whole, and a source sentence gives the whole and
        the rest of it (``rest_of_whole``)."""
        q = c.quantity
        assert q is not None
        if q.dimension != "count" or q.qualifier != "exact":
            return False
        text = self.target.text
        m = _PART_OF.search(text, max(0, c.start - PART_REACH), c.end + PART_REACH)
        if m is None or not m.start() <= c.start < m.end():
            return False
        part, whole = (parse_number(m.group(g).replace(",", "")) for g in (1, 2))
        return part is not None and whole is not None and self.numbers.rest_of_whole(part, whole)

    def stray_mentioned(self, c: Claim) -> bool:
        """``mentioned`` for a number read with no noun or unit ("killing four
        and injuring seven", "banned from driving for two"): its unit was left
        out, so the source's figure beside its words counts in any measure."""
        assert c.quantity is not None
        if self.mentioned(c):
            return True
        words = surroundings(self.target.text, c.start, c.end)
        return self.numbers.written_beside(c.quantity, words, any_measure=True) or (
            self._clock_near(c) or self._pair_written(c) or self._year_dated(c)
            or own_sum_or_difference(self.target, c) or self._noun_in_sentence(c)
            or self._compared_difference(c) or self._counted_to(c) or self._one_and_others(c)
            # "one of four no votes" for four members named as voting no
            or self.listed.names_count(c.quantity, self._sentence_lemmas(c))
        )

    def _one_and_others(self, c: Claim) -> bool:
        """A count of one named and the others a source counts beside it: "Carney
        and four others voted to hold, a 5-3 split" for "Governor Mark Carney and
        four other policymakers voted to leave rates unchanged"."""
        assert c.quantity is not None
        v = c.quantity.value
        return 2 <= v <= LISTED_COUNT_MAX and v - 1 in self._others_counted

    @cached_property
    def _others_counted(self) -> frozenset[float]:
        """The numbers of "and four others" in the sources (read once)."""
        return frozenset(
            n for doc, _ in self._sources for m in _AND_OTHERS.finditer(doc.text)
            if (n := parse_number(m.group(1))) is not None
        )

    def _counted_to(self, c: Claim) -> bool:
        """A count with no noun that a source sentence about the same thing gives
        as an ordinal: "two solo chart-toppers ... and ten in all, counting eight
        with Oasis" for "his tenth in total including eight previous chart-toppers
        with Oasis"."""
        assert c.quantity is not None
        # "first" is in every article, and a score's "4-1" counts nothing
        if c.quantity.value < 2 or _SCORE_SIDE.search(self.target.text, max(0, c.start - 2),
                                                      c.start):
            return False
        mine = self._sentence_lemmas(c)
        return any(
            len(lemmas & mine) >= ORDINAL_SHARED_MIN
            for lemmas in self._ordinal_sentences.get(c.quantity.value, ())
        )

    @cached_property
    def _ordinal_sentences(self) -> dict[float, list[frozenset[str]]]:
        """The content lemmas of each source sentence writing an ordinal, by its
        value (read once)."""
        out: dict[float, list[frozenset[str]]] = {}
        for doc, _ in self._sources:
            for value, at in ordinals_in(doc.text):
                sent = doc.sentence_at(at)
                if sent is not None:
                    out.setdefault(value, []).append(sentence_lemmas(sent.text))
        return out

    def _compared_difference(self, c: Claim) -> bool:
        """A count that says by how much its sentence's figure beats a source
        figure: "won 18 Emmys, five more than the previous record" of 13; "89
        blazes ..., 15 more fires than on Friday" (74). The
        source figure's sentence must name what the "than" names ("The previous
        record ... was 13"): the summary's 25 nominations less 18 give seven."""
        assert c.quantity is not None
        m = _COMPARED.match(self.target.text, c.end)
        if m is None and _COMPARATIVE_WORD.search(c.text):
            # the comparative inside the figure: "15 more fires than on Friday"
            m = _THAN.match(self.target.text, c.end)
        if m is None:
            return False
        than = _THAN_CLAUSE.match(self.target.text, m.end())
        lemmas = sentence_lemmas(than.group()) if than is not None else frozenset()
        return bool(lemmas) and self.numbers.worked.holds(
            c.quantity, lemmas, self._numbers_beside(c), True, True
        )

    @cached_property
    def _source_claims(self) -> tuple[Claim, ...]:
        return tuple(s for _, claims in self._sources for s in claims)

    def _noun_in_sentence(self, c: Claim) -> bool:
        """A count whose noun was left out that its sentence names elsewhere, as
        the source counts it with the number: "Six-member MPC split, with two
        wanting a cut" for "two members of the committee voted for a reduction"."""
        q = c.quantity
        assert q is not None
        counted = self._counts_by_value.get(q.value, ())
        if not counted:
            return False
        names = {canonical_subject(w) for w in self._sentence_lemmas(c)}
        return any(
            math.isclose(s.quantity.value, q.value)  # type: ignore[union-attr]
            and canonical_subject(s.subject.split()[-1]) in names  # "5 deputies" for "seats"
            for s in counted
        )

    @cached_property
    def _counts_by_value(self) -> dict[float, list[Claim]]:
        """The source counts with a noun, by value (read once: a summary of thousands
        of figures asks of each)."""
        out: dict[float, list[Claim]] = {}
        for s in self._source_claims:
            if s.quantity is not None and s.subject and s.quantity.dimension == "count":
                out.setdefault(s.quantity.value, []).append(s)
        return out

    def _year_dated(self, c: Claim) -> bool:
        """A year ("Calgary's 2020 hailstorm") that a source's date names in other
        words: "Last year's Calgary hailstorm" under an "Aug. 4, 2021" dateline."""
        q = c.quantity
        assert q is not None
        if not (YEAR_MIN <= q.value <= YEAR_MAX and q.value == int(q.value)):
            return False
        year = str(int(q.value))
        return year in self._years_dated

    @cached_property
    def _years_dated(self) -> frozenset[str]:
        """The years a source date covers whole or in part, one year long at most."""
        return frozenset(
            s.period.start[:4] for _, claims in self._sources for s in claims
            if s.category == "date" and s.period is not None and s.period.start
            and s.period.start[:4] == (s.period.end or "")[:4]
        )

    def _pair_written(self, c: Claim) -> bool:
        """A number of a tally or score ("voting 51-48", "won 116-109") whose two
        numbers a source writes as one pair ("voted 51-48", "51 to 48"), whatever
        words stand around it."""
        text = self.target.text
        m = next((p for p in _PAIR.finditer(text, max(0, c.start - 6), c.end + 6)
                  if p.start() <= c.start and c.end <= p.end()), None)
        if m is None:
            return False
        key = (m.group(1), m.group(2))
        if key not in self._pairs:
            a, b = key
            written = re.compile(rf"(?<![\d.,]){a}\s?(?:[-–]|to)\s?{b}(?![\d]|[.,]\d)")
            # ... or, for a vote, one source sentence gives both counts: "two members
            # voted for a cut, while the other four wanted" for "split 4–2" (a
            # game's "4-1" is a score: a long story gives any two small numbers)
            vote = _VOTE.search(text, max(0, m.start() - VOTE_REACH), m.end() + VOTE_REACH)
            self._pairs[key] = any(
                written.search(doc.text) for doc in self.numbers.documents
            ) or (a != b and vote is not None and any(
                {float(a), float(b)} <= nums for nums in self._sentence_numbers
            ))
        return self._pairs[key]

    def proportion_written(self, c: Claim) -> bool:
        """A proportion whose two numbers one source sentence writes ("445 out of
        8,768" for "445 jailed from 8,768"): the writer put the source's pair in
        other words. Counts of a hundred or more only: small pairs meet by chance."""
        m = _OUT_OF.search(c.text)
        if m is None:
            return False
        a, b = parse_number(m.group(1).replace(",", "")), parse_number(m.group(2).replace(",", ""))
        if a is None or b is None or a == b or max(a, b) < PROPORTION_MIN:
            return False
        return any({a, b} <= nums for nums in self._sentence_numbers)

    @cached_property
    def _sentence_numbers(self) -> tuple[frozenset[float], ...]:
        """The numbers of each source sentence with the next one's: a vote's two
        sides may take a sentence each ("Three members preferred the increase.
        Two members preferred 50 basis points.")."""
        out: list[frozenset[float]] = []
        for doc in self.numbers.documents:
            each = [frozenset(text_numbers(sent.text)) for sent in doc.sentences]
            out.extend(a | b for a, b in zip(each, [*each[1:], frozenset()], strict=True))
        return tuple(out)

    def _clock_near(self, c: Claim) -> bool:
        """A time of day ("just after 3 a.m.", "near 6 a.m.") within an hour of
        one the sources give ("3:13 a.m.", "about 5:50 a.m."): the writer rounded it."""
        m = _CLOCK_AFTER.match(self.target.text, c.end)
        if m is None or not (0 < c.quantity.value <= 12) or c.quantity.value % 1:
            return False
        mine = minutes(int(c.quantity.value), 0, m.group(1))
        return any(abs(t - mine) <= CLOCK_SLACK_MINUTES for t in self._source_clock_times)

    @cached_property
    def _source_clock_times(self) -> frozenset[int]:
        """Every time of day the sources give, in minutes after midnight (read once)."""
        return frozenset().union(*(clock_minutes(doc.text) for doc in self.numbers.documents))

    def _own_list(self, c: Claim) -> bool:
        """A small count the claim's own sentence lists after a colon or a dash
        ("two signings: centre-back Myles Anderson, 27, and striker Ruairi
        Keating"): the writer counted its own list, whose items are checked apart."""
        q = c.quantity
        if q is None or q.dimension != "count" or q.qualifier != "exact":
            return False
        if q.value != int(q.value) or not LIST_MIN <= q.value <= LISTED_COUNT_MAX:
            return False
        if not 0 <= c.sentence < len(self.target.sentences):
            return False
        sent = self.target.sentences[c.sentence]
        m = _LIST_OPENS.match(self.target.text, c.end, sent.end)
        if m is None:
            return False
        return int(q.value) in list_lengths(self.target.text[m.end():sent.end])

    def _own_ratio(self, c: Claim) -> bool:
        """A multiple or a share of two numbers the claim's own sentence writes
        ("more than 55,000 copies, about nine times the just over 6,000 sales";
        "of the nineteen deaths, seven, more than a third"): the writer's
        division; the two numbers are checked as figures."""
        q = c.quantity
        if q is None or not 0 <= c.sentence < len(self.target.sentences):
            return False
        multiple = q.dimension == "ratio" or q.qualifier == "multiplier"
        p = plausible(q)
        # a share in words ("more than a third", "one in seven": read as a
        # percent) or a multiple; a percent in digits is a figure of its own, and
        # one that happens to equal some two numbers' ratio is no derivation
        worded_share = q.dimension == "percent" and not any(ch.isdigit() for ch in c.text)
        if not (multiple or worded_share or (q.dimension == "count" and 0 < q.value < 1)):
            return False
        scale = 100.0 if q.dimension == "percent" else 1.0
        lo, hi = p.low / scale, p.high / scale
        if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= 0:
            return False
        lo, hi = lo * (1 - RATIO_SLACK), hi * (1 + RATIO_SLACK)
        sent = self.target.sentences[c.sentence]
        values = sorted({
            v for at, v, _ in numbers_with_surroundings(sent.text)
            if v > 0 and not c.start <= sent.start + at < c.end
        } | self._numbers_pointed_back(c.sentence))
        if len(values) > RATIO_NUMBERS_MAX:
            return False
        if multiple and any(lo <= 1 + v / 100 <= hi for v in values):
            return True  # "rose by 150% ... to two and a half times its level"
        return any(
            lo <= r <= hi
            for i, a in enumerate(values) for b in values[i + 1:]
            for r in (b / a, a / b)
        )

    def _numbers_pointed_back(self, k: int) -> frozenset[float]:
        """The numbers of the sentence before one that opens by pointing back to it
        ("... about $3 million over its first weekend. That is roughly a third of
        ... $9 million")."""
        if k < 1 or not _POINTS_BACK.match(self.target.sentences[k].text):
            return frozenset()
        return frozenset(
            v for _, v, _ in numbers_with_surroundings(self.target.sentences[k - 1].text) if v > 0
        )

    def own_years_between(self, c: Claim) -> bool:
        """A number of years between two years the summary itself writes in the
        claim's sentence or the one before ("won six medals at the 1992
        Paralympics and switched to cycling thirteen years later, in 2005"): the
        writer's subtraction; the two years are checked as dates."""
        window = years_window(c.quantity) if c.quantity is not None else None
        if window is None:
            return False
        sents = self.target.sentences
        lo = sents[c.sentence - 1].start if 0 < c.sentence < len(sents) else None
        hi = sents[c.sentence].end if 0 <= c.sentence < len(sents) else None
        if lo is None and hi is not None:
            lo = sents[c.sentence].start
        if lo is None or hi is None:
            return False
        years = named_years(self.target.text[lo:hi])
        return any(
            window[0] < b - a < window[1] for i, a in enumerate(years) for b in years[i + 1:]
        )

    @cached_property
    def _own_dates(self) -> dict[int, list[Claim]]:
        """The summary's dates by sentence (each sentence's read once, not per claim)."""
        out: dict[int, list[Claim]] = {}
        for d in extract_dates(self.target):
            out.setdefault(d.sentence, []).append(d)
        return out

    def own_date_gap(self, c: Claim) -> bool:
        """A length of time between two dates the summary writes in the claim's
        sentence or the one before ("launched July 14, 2023 and landed August 23,
        40 days later"): the writer's count of days; the dates are checked as
        dates."""
        q = c.quantity
        window = counted_window(q) if q is not None else None
        if window is None:
            return False
        lo, hi = window
        return any(
            lo <= g <= hi for g in own_gaps(
                [*self._own_dates.get(c.sentence - 1, ()), *self._own_dates.get(c.sentence, ())]
            )
        )

    def _a_year_written(self, c: Claim) -> bool:
        """A bare year ("a 2010 appearance", "New Year's Eve 2012") the sources
        write anywhere: a year names one time whatever the words around it."""
        q = c.quantity
        if q is None or q.dimension != "count" or c.subject or q.qualifier != "exact":
            return False
        return YEAR_MIN <= q.value <= YEAR_MAX and q.value == int(q.value) and (
            self.numbers.written(q)
        )

    @cached_property
    def _ages(self) -> frozenset[float]:
        """The ages the sources give, in years."""
        return frozenset(
            round(s.quantity.value / YEAR_SECONDS, 6) for _, claims in self._sources
            for s in claims
            if s.quantity is not None and "age" in s.quantity.attributes
        )

    def _an_age(self, c: Claim) -> bool:
        """A number the sources give as someone's age: "The former NFL star, 25,"
        for "the 25-year-old defendant" (an age we did not read as one)."""
        q = c.quantity
        if q is not None and "age" in q.attributes and q.qualifier == "exact":
            # an age the sources give as an age, whoever's: "Martin Richard, who was
            # 8" for "an eight-year-old boy"
            return round(q.value / YEAR_SECONDS, 6) in self._ages
        if q is None or q.dimension != "count" or c.subject or q.qualifier != "exact":
            return False
        return 0 < q.value <= AGE_MAX and q.value == int(q.value) and q.value in self._ages

    @cached_property
    def _days(self) -> frozenset[tuple[int, int]]:
        return source_days(self._sources)

    def _day_dated(self, c: Claim) -> bool:
        """A day of a month the sources date ("April 10" for a story's "on Friday")."""
        q = c.quantity
        if q is None or q.dimension != "count" or not 1 <= q.value <= 31 or q.value != int(q.value):
            return False
        month = month_of_day(self.target.text, c.start, c.end)
        return month is not None and (month, int(q.value)) in self._days
