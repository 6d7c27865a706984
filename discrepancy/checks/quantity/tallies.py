"""Scores and vote tallies: "won 4-3", "a 38-12 lead", "voted 5-4".

A score is one figure written as two numbers. Each number alone is usually
written somewhere in a match report ("a 26-point lead", "38-12"), so a wrong
score ("defeated Castleford 38-26") passes a number-by-number look. A pair is
supported only by a source writing the same two numbers as a pair, in either
order ("lost 1-2" restates "won 2-1"); otherwise it is unsupported, and the
message names the pairs the sources do write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...model import Claim, Document, Finding, Quantity
from ...text import wordlists
from ...text.months import month_of_day
from ..findings import make_finding, sentence_of
from .unsupported import UNSUPPORTED
from .written import text_numbers

# Two numbers of up to three digits joined by a dash, not inside a longer
# number, a date ("2016-17", "20-21,") or a percent. Linear: no nested repetition.
_PAIR = re.compile(
    r"(?<![\w.,/-])(\d{1,3}) ?[-–] ?(\d{1,3})(?![\w/%-]|[.,]\d|\s?(?:percent|per cent))"
)
# Two shares written as one descending pair: "a 51-49 per cent two-party-preferred
# lead". Bounded, linear.
_SHARE_SPLIT = re.compile(
    r"(?<![\w.,/-])(\d{1,2}) ?[-–] ?(\d{1,2}) ?(?:%|percent\b|per cent\b)"
)
# A source's pair in words: "by a vote of 51 to 49", "46 percent to 40 percent",
# "51% to 41%", "approved 64-to-13". Bounded, linear.
_WORDED_PAIR = re.compile(
    r"(?<![\w.,/:-])(\d{1,3})(?: ?%| percent| per cent)?(?: to |-to-)"
    r"(\d{1,3})(?: ?%| percent| per cent)?(?![\w%:]|[.,]\d)"
)
# A source's score with a colon, as European reports write it: "beat Bilibili 3:2". One
# digit after it: "3:20" is a time. Bounded, linear.
_COLON_PAIR = re.compile(r"(?<![\w.,/:-])(\d{1,2}):(\d)(?![\w:%]|[.,]\d)")
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
# A source's pair in words: "a seven-to-two vote", "won three to one". Bounded: linear.
_SPELLED_PAIR = re.compile(
    rf"\b({'|'.join(_SMALL)})[- ]to[- ]({'|'.join(_SMALL)})\b", re.IGNORECASE
)
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
WORDS_BEFORE = 3
SHOWN = 3  # source pairs named in a finding's message


@dataclass(frozen=True)
class Tally:
    start: int
    end: int
    pair: tuple[int, int]  # the two numbers, smaller first: either order restates it
    final: bool = False  # given as a match's or a vote's result
    downward: bool = False  # worded, the larger side first ("92 to 51")


def _pairs(text: str, pattern: re.Pattern[str] = _PAIR) -> list[Tally]:
    out = []
    for m in pattern.finditer(text):
        if month_of_day(text, m.start(), m.end()) is not None:
            continue  # "May 7 to 11", "Oct. 27-29": days of a month, no tally
        a, b = int(m.group(1)), int(m.group(2))
        downward = a > b and pattern is not _PAIR  # "4-3" is a range or a tally alike
        out.append(Tally(m.start(), m.end(), (min(a, b), max(a, b)), downward=downward))
    return out


def _spelled_pairs(text: str) -> list[Tally]:
    out = []
    for m in _SPELLED_PAIR.finditer(text):
        a, b = _SMALL.index(m.group(1).lower()), _SMALL.index(m.group(2).lower())
        out.append(Tally(m.start(), m.end(), (min(a, b), max(a, b)), downward=a > b))
    return out


def _beside(text: str, t: Tally) -> tuple[list[str], list[str]]:
    """The three words before a pair and the first word after it (past "in", "the").
    An "it" counts only after "make" ("made it 4-2", a score on the way): "rejected
    it 92 to 51" is the result."""
    before = _WORD.findall(text[max(0, t.start - 40):t.start].lower())[-WORDS_BEFORE - 1:]
    before = [
        w for i, w in enumerate(before) if w != "it" or (i > 0 and before[i - 1] in _MAKE)
    ][-WORDS_BEFORE:]
    after = _WORD.findall(text[t.end:t.end + 24].lower())[:2]
    return before, [w for w in after if w not in ("in", "the", "a")][:1]


_MAKE = frozenset(("make", "makes", "made", "making"))


def _has(text: str, t: Tally, section: str, after_section: str | None = None) -> bool:
    words = wordlists.sections("tally_words.txt")
    before, after = _beside(text, t)
    return any(w in words[section] for w in before) or any(
        w in words[after_section or section] for w in after
    )


def _is_tally(text: str, t: Tally) -> bool:
    """A pair with a word of scoring just before it or after it: "made it 4-3",
    "a 38-12 lead"; not "120-130 pounds" or "aged 18-24". A worded pair the larger
    side first is one in any words ("outnumbered advancers by 10 to 3"): no range
    runs downwards."""
    return t.downward or _has(text, t, "before", "after") or _between_names(text, t)


# "Tottenham 0-1 Liverpool", "Arsenal 0-1 Man City": a result between two names
_NAME_BEFORE = re.compile(r"[A-Z][\w'’.&-]*\s$")
_NAME_AFTER = re.compile(r"\s[A-Z]")


def _between_names(text: str, t: Tally) -> bool:
    return _NAME_BEFORE.search(text, max(0, t.start - 30), t.start) is not None and (
        _NAME_AFTER.match(text, t.end) is not None
    )


def scores_written(sources: list[Document]) -> frozenset[tuple[int, int]]:
    """The pairs the sources write as scores or tallies, a word of scoring beside
    them ("trailed just 51-44 at halftime") or each side named ("ROCKETS 115,
    GRIZZLIES 103"); not every dash between two numbers ("aged 18-24")."""
    out: set[tuple[int, int]] = set()
    for d in sources:
        out.update(t.pair for t in _pairs(d.text) if _is_tally(d.text, t))
        out.update(named_scores(d.text))
    return frozenset(out)


def target_tallies(doc: Document, claims: list[Claim]) -> list[Tally]:
    """The scores and tallies of a target, outside every figure and date read
    there (a range "120-130 pounds" is a figure's)."""
    taken = [(c.start, c.end) for c in claims if c.category in ("quantity", "date")]
    return [
        replace(t, final=_has(doc.text, t, "final"))
        for t in _pairs(doc.text) + _pairs(doc.text, _WORDED_PAIR) + _spelled_pairs(doc.text)
        if _is_tally(doc.text, t) and not any(a < t.end and t.start < b for a, b in taken)
    ]


@dataclass(frozen=True)
class SourcePairs:
    """The pairs the sources write, in any context ("made it 38-12."), in order;
    ``results``: those not given as a score on the way."""

    written: list[tuple[int, int]]
    results: frozenset[tuple[int, int]]
    # the numbers of each source sentence of a vote: "Eight members of the
    # nine-member board supported it" is a reader's "eight to one" (a side and
    # the whole)
    sentence_numbers: tuple[frozenset[float], ...] = ()
    # the numbers of every source sentence: "While the USA secured 44 silver
    # medals, China earned 27" is a reader's "44 to 27"
    all_sentence_numbers: tuple[frozenset[float], ...] = ()


def source_pairs(sources: list[Document]) -> SourcePairs:
    written: dict[tuple[int, int], None] = {}
    results: set[tuple[int, int]] = set()
    for d in sources:
        for t in (_pairs(d.text) + _pairs(d.text, _WORDED_PAIR) + _spelled_pairs(d.text)
                  + _pairs(d.text, _COLON_PAIR)):
            written[t.pair] = None
            if _is_result(d.text, t):
                results.add(t.pair)
        for pair in vote_pairs(d):
            written[pair] = None
            results.add(pair)
        for pair in share_pairs(d):
            written[pair] = None
        for pair in sorted(named_scores(d.text)):
            written[pair] = None
            results.add(pair)
        for m in _SHARE_SPLIT.finditer(d.text):
            a, b = int(m.group(1)), int(m.group(2))
            if a > b:  # "a 51-49 per cent lead": no span runs downward, a split
                written[(b, a)] = None
        level = _levelled(d.text, [p for p in written if p[1] - p[0] == 1])
        if level is not None:  # no later lead: a higher one would be the top
            written[level] = None
            results.add(level)
        if _NIL_NIL.search(d.text):
            # "a goalless draw", "a scoreless tie", "nil-nil": a 0-0 written in words
            written[(0, 0)] = None
            results.add((0, 0))
    every = [
        (sent.text, frozenset(text_numbers(sent.text))) for d in sources for sent in d.sentences
    ]
    numbers = tuple(nums for text, nums in every if _TALLY_SENTENCE_WORDS.search(text))
    return SourcePairs(
        list(written), frozenset(results), numbers, tuple(nums for _, nums in every)
    )


# A goal that levels the score. Fixed words: linear.
_EQUALISER = re.compile(r"\b(?:equali[sz]\w*|levell?ed\s(?:the\s)?(?:score|match|game))\b",
                        re.IGNORECASE)


def _levelled(text: str, leads: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The draw an equaliser makes of the highest one-goal lead a source gives:
    "fighting back from 2-0 down to lead 3-2 ... conceded an injury-time
    equaliser" ends 3-3. A reader's count, as a score's margin is."""
    if not leads or _EQUALISER.search(text) is None:
        return None
    top = max(leads, key=sum)[1]
    return top, top


# A sentence that may give a vote's sides as counts. Bounded: linear.
_TALLY_SENTENCE_WORDS = re.compile(
    r"\b(?:vot\w*|support\w*|oppos\w*|dissent\w*|favou?r|against|backed)\b", re.IGNORECASE
)


# A result written as two sides, each its score: "ROCKETS 115, GRIZZLIES 103:",
# "Celtics 110, Lakers 102", "Nets 109 (13-15), Celtics 107 (10-17)" (each side's
# season record after its score). One to three capitalised words a side; bounded, linear.
_SIDE = r"[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,2}"
_RECORD = r"(?: \(\d{1,3}-\d{1,3}(?:-\d{1,3})?\))?"
_NAMED_SCORE = re.compile(
    rf"(?<![\w,.]){_SIDE} (\d{{1,3}}){_RECORD}, {_SIDE} (\d{{1,3}})(?![\w%]|[.,]\d)"
)


def named_scores(text: str) -> set[tuple[int, int]]:
    out = set()
    for m in _NAMED_SCORE.finditer(text):
        if month_of_day(text, *m.span(1)) is not None:
            continue  # "May 12, June 14": two days
        a, b = int(m.group(1)), int(m.group(2))
        out.add((min(a, b), max(a, b)))
    return out


_NIL_NIL = re.compile(r"\b(?:goalless|scoreless|nil[- ](?:nil|all))\b", re.IGNORECASE)


# A vote written as two counts: "52 MPs voting in favour, 11 voting against",
# "111 MPs voted in favour. There were 106 MPs who voted against it." Up to 40
# characters, no digit and no full stop, between a count and its side's word.
# Bounded gaps: linear.
# ... a side's count spelled too: "14 votes in support and one against"
_SIDE_COUNT = r"\d{1,3}|" + "|".join(_SMALL)
_GAP = rf"(?:(?!\b(?:{_SIDE_COUNT})\b)[^.;\d]){{0,40}}?"
_FOR = re.compile(
    rf"(?<![\w.,])({_SIDE_COUNT})\b{_GAP}\b(?:in favou?r|in support|voted for|voting for|"
    r"votes? for|yes votes?|ayes)\b", re.IGNORECASE)
_AGAINST = re.compile(
    rf"(?<![\w.,])({_SIDE_COUNT})\b{_GAP}\b(?:against|opposed|no votes?|nays|"
    r"voted otherwise)\b",
    re.IGNORECASE)
def _side(word: str) -> int:
    return int(word) if word.isdigit() else _SMALL.index(word.lower())
VOTE_COUNTS = 4  # counts of one side in a window paired; past it, a table of votes


def vote_pairs(doc: Document) -> set[tuple[int, int]]:
    """The tallies a source writes as the counts for and against, in one sentence
    or the next: a reader's "52-11"."""
    out: set[tuple[int, int]] = set()
    sents = doc.sentences
    for i, sent in enumerate(sents):
        window = sent.text if i + 1 >= len(sents) else f"{sent.text} {sents[i + 1].text}"
        ayes = [_side(m.group(1)) for m in _FOR.finditer(window)][:VOTE_COUNTS]
        if not ayes:
            continue
        noes = [_side(m.group(1)) for m in _AGAINST.finditer(window)][:VOTE_COUNTS]
        out.update((min(a, b), max(a, b)) for a in ayes for b in noes if a != b)
    return out


def _is_result(text: str, t: Tally) -> bool:
    """A source pair given as a result: no word of a score on the way beside it,
    or a word of a result right before it ("overturned a 2-0 deficit to win
    3-2": the deficit is the other pair's)."""
    before, _ = _beside(text, t)
    if before and before[-1] in wordlists.sections("tally_words.txt")["final"]:
        return True
    return not _has(text, t, "running")


# A whole percent: "52 percent of likely voters", "44%". Bounded: linear.
_WHOLE_PERCENT = re.compile(r"(?<![\w.,])(\d{1,2})(?: ?%| percent\b| per cent\b)")
SHARES_PAIRED = 3  # percents of one sentence paired; past it, a table of results


def share_pairs(doc: Document) -> set[tuple[int, int]]:
    """The pairs a poll or a vote writes as two shares of one sentence: "52 percent
    ... would vote for the president and 44 percent for the senator" is a
    reader's "52-44" (a score on the way: it needs no word of a result)."""
    out: set[tuple[int, int]] = set()
    alone: int | None = None  # the one share of the sentence before
    for sent in doc.sentences:
        shares = (
            [int(m.group(1)) for m in _WHOLE_PERCENT.finditer(sent.text)]
            if "%" in sent.text or "cent" in sent.text else []
        )
        if 2 <= len(shares) <= SHARES_PAIRED:
            out.update((min(a, b), max(a, b)) for a in shares for b in shares if a < b)
        if len(shares) == 1 and alone is not None and alone != shares[0]:
            # one share a line: "Kay Hagan – 45% (+2)" then "Elizabeth Dole – 43%"
            out.add((min(alone, shares[0]), max(alone, shares[0])))
        alone = shares[0] if len(shares) == 1 else None
    return out


def supported(t: Tally, pairs: SourcePairs) -> bool:
    """A result ("won 4-2", "the game ended 4-2") needs a source pair that is not
    a score on the way: "made it 4-2 before Ling got one back" does not end it.
    A small worded ratio ("led by roughly three to one") may simplify a larger
    pair ("73 percent to 24 percent")."""
    if t.pair in (pairs.results if t.final else set(pairs.written)):
        return True
    low, high = t.pair
    if t.downward and (
        any(high in nums and low in nums for nums in pairs.all_sentence_numbers)
        or any(high in nums and high + low in nums for nums in pairs.sentence_numbers)
    ):
        return True  # two figures a sentence gives, or a vote's side and its whole
    return t.downward and 0 < low <= RATIO_SIDE_MAX and any(
        a > low and abs((b / a) / (high / low) - 1) <= RATIO_SLACK for a, b in pairs.written if a
    )


RATIO_SIDE_MAX = 10  # the smaller side of a pair read as a ratio ("10 to 3")
RATIO_SLACK = 0.1  # a ratio's rounding of a pair ("three to one" for 73 to 24)


def tally_findings(target: Document, tallies: list[Tally], pairs: SourcePairs) -> list[Finding]:
    out = []
    for t in tallies:
        if supported(t, pairs):
            continue
        out.append(_finding(target, t, pairs))
    return out


def _finding(target: Document, t: Tally, pairs: SourcePairs) -> Finding:
    said = target.text[t.start:t.end]
    if t.pair in pairs.written:
        tail = " The sources give it only as a score on the way, not as the result."
        message = f'No source gives "{said}" as the result.{tail}'
    else:
        shown = ", ".join(f'"{b}-{a}"' for a, b in pairs.written[:SHOWN])
        tail = f" The sources give {shown}." if shown else ""
        message = f'No source gives "{said}" as a score or tally.{tail}'
    sent = target.sentence_at(t.start)
    value = float(t.pair[1])
    claim = Claim(
        doc=target.id, category="quantity", text=said, start=t.start, end=t.end,
        sentence=sent.index if sent else 0,
        quantity=Quantity(low=value, high=value, value=value, qualifier="exact",
                          surface_value=said, tolerance=0.0),
    )
    sev = "medium"
    if _on_the_way(target.text, t) and any(
        t.pair[0] <= a and t.pair[1] <= b and (a, b) != t.pair for a, b in pairs.written
    ):
        # "Salah made it 2-0" of a 4-1 win: a score on the way that the result
        # allows, which the article's goals tell and its digits need not
        sev = "low"
        message += " It is a score on the way that the result allows."
    return make_finding(UNSUPPORTED, sev, message, claim, (),
                        sentence_text=sentence_of(target, claim))


# A score on the way: "made it 2-0", "to make it 3-1". Fixed words: linear.
_MADE_IT = re.compile(r"\b(?:made|make|makes|making)\s+it\s+$", re.IGNORECASE)


def _on_the_way(text: str, t: Tally) -> bool:
    return _MADE_IT.search(text, max(0, t.start - 16), t.start) is not None
