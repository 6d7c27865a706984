"""Source figures of one sentence that count the same noun with different numbers.

"The fleet includes three squadrons of F-16 fighter jets, two squadrons of A-10
aircraft": both figures count squadrons, so subject similarity cannot tell which
one a summary's "three squadrons of A-10 aircraft" repeats. The words after each
figure say what it counts; a claim is compared with the sibling whose following
words it shares most, and is no longer "supported" by the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ...model import Claim, Document
from ...text import units
from ...text.lemmas import stopwords
from ...text.wordlists import words
from .agreement import agree
from .written import ANY_WORD, SURROUNDING_CHARS, SURROUNDING_WORDS, sentence_lemmas


def words_after(text: str, c: Claim) -> frozenset[str]:
    """Content lemmas of the few words after a figure, up to the next number:
    what it counts ("more than 70 pills -- 24 pills in morning": pills, not
    the morning's)."""
    kept: list[str] = []
    hi = c.end + SURROUNDING_CHARS
    end = _AFTER_END.search(text, c.end, hi)
    for m in ANY_WORD.finditer(text, c.end, end.start() if end else hi):
        if len(kept) == SURROUNDING_WORDS:
            break
        if _own_figure(text, m):
            break
        kept.append(m.group())
    return sentence_lemmas(" ".join(kept))


# Where a sentence ends: the words of the next bullet or sentence are not a
# figure's ("- Net sales down 22.4% YoY\n- Tons sold beat expectations")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# ... and where a clause about another subject begins: "266,877 units, as starts
# of multi-unit buildings rose" (a list's ", and" stays: its words are shared)
_AFTER_END = re.compile(r"[.!?](?=\s)|\n|,\s+(?:as|while|whereas)\b")
# Where the words before a figure stop: they belong to the list item or clause
# before it ("three squadrons of F-16 fighter jets and one squadron of ...").
# (a comma inside a number, "530,000", breaks nothing)
_ITEM_BREAK = re.compile(
    r".*(?:,(?!\d)|[;:()]|\b(?:and|or|while|but|whereas)\b)", re.IGNORECASE
)


# A figure in brackets right after a name: "Northland ($450,000), Manawatu ($269,000)"
_BRACKET_BEFORE = re.compile(r"(?<=[A-Za-z])\s?\(\s?[$£€]?\s?$")


_WORD_BEFORE = re.compile(r"[\w/.-]+$")


def owner_end(text: str, c: Claim) -> int:
    """Where the words of whose figure it is end: before the bracket a figure
    opens right after a word ("Northland ($450,000)", "the ramping rate (42.2%)";
    not "2,298 km (1,428 mile)", a conversion), else at it."""
    m = _BRACKET_BEFORE.search(text, max(0, c.start - 5), c.start)
    if m is None:
        return c.start
    word = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if word is None or word.group()[-1].isdigit() or units.lookup(word.group()) is not None:
        return c.start  # "2,298 km (1,428 mile)": a conversion, whose it is comes before
    return m.start()


def words_before(text: str, c: Claim, words: int = SURROUNDING_WORDS) -> frozenset[str]:
    """Content lemmas of the few words before a figure, back to the number,
    comma or conjunction before it: whose it is ("while Jahlil Okafor had 18
    points")."""
    reach = SURROUNDING_CHARS * words // SURROUNDING_WORDS
    at = owner_end(text, c)
    lo = clause_start(text, at, reach)
    # the change is read back past the commas of its restatement ("increased $867
    # million, or 34 percent, to $3.4 billion"), within the sentence
    change = None if c.subject else _CHANGE_BEFORE.search(
        text, max(sentence_start(text, c.start, reach), c.start - CHANGE_REACH), c.start
    )
    if change is not None and change.start() < lo:
        lo = clause_start(text, change.start(), reach)
    # "The party grew from 12 seats to 171 seats": the level's words are those
    # before its "from", whatever it counts
    change = change or _FROM_BEFORE.search(text, max(lo, c.start - CHANGE_REACH), c.start)
    hi = change.start() if change is not None else at
    # "The deficit grew by $6.7 billion to $71 billion": an amount's words are its
    # change's, read past the change ("by $6.7 billion to"); a count's noun says
    # what it counts, and its words stay its own
    aside = _ASIDE.search(text, max(0, hi - ASIDE_REACH), hi)
    if aside is not None and aside.end() > lo:
        lo = clause_start(text, aside.start(), reach)
    before = list(ANY_WORD.finditer(text, lo, hi))
    if aside is not None:
        # "The number of long-term unemployed -- those jobless for 27 weeks or
        # more -- was unchanged at 3 million": the aside between dashes is another's
        before = [m for m in before if not aside.start() <= m.start() < aside.end()]
    kept: list[str] = []
    for m in reversed(before[-words:]):
        if _own_figure(text, m):
            break
        kept.append(m.group())
    return sentence_lemmas(" ".join(kept))


# An aside set off by two dashes ("— those jobless for 27 weeks or more —"),
# bounded: linear
_ASIDE = re.compile(r"\s(?:—|–|--)\s[^—–]{1,120}?\s(?:—|–|--)\s")
ASIDE_REACH = 200
# A change right before a level: "by $6.7 billion to", "24.1 per cent to"
_CHANGE_BEFORE = re.compile(
    r"\b(?:by\s)?[$£€]?\d[\d,.]*(?:\s?(?:%|per\s?cent|percent|[mb]n|million|billion))?"
    # ... restated: "increased $867 million, or 34 percent, to"
    r"(?:,\sor\s[$£€]?\d[\d,.]*(?:\s?(?:%|per\s?cent|percent|[mb]n|million|billion))?,?)?"
    r"(?:\s(?:in|during)\s[A-Z][a-z]{2,8})?\sto\s$",  # "..., in July to $261.2 billion"
    re.IGNORECASE,
)
CHANGE_REACH = 50
_FROM_BEFORE = re.compile(
    r"\bfrom\s[$£€]?\d[\d,.]*(?:\s?(?:%|per\s?cent|percent|million|billion))?"
    r"(?:\s[a-z]+){0,2}\sto\s$",
    re.IGNORECASE,
)


def sentence_start(text: str, at: int, reach: int = SURROUNDING_CHARS) -> int:
    """Where the sentence holding offset ``at`` starts, looking back at most ``reach``."""
    lo = max(0, at - reach)
    ends = [m for m in _SENTENCE_END.finditer(text, lo, at) if not _abbreviation_dot(text, m)]
    return ends[-1].end() if ends else lo


def clause_start(text: str, at: int, reach: int = SURROUNDING_CHARS) -> int:
    """Where the sentence, list item or clause holding offset ``at`` starts,
    looking back at most ``reach`` characters."""
    lo = sentence_start(text, at, reach)
    cut = _ITEM_BREAK.match(text, lo, at)
    return cut.end() if cut else lo


_WORD_BEFORE_DOT = re.compile(r"([A-Za-z]{1,6})$")


def _abbreviation_dot(text: str, m: re.Match[str]) -> bool:
    """A full stop that ends an abbreviation ("General Motors Co. slid", "Mr. Lee
    said") or an initial, not a sentence."""
    if text[m.start()] != ".":
        return False
    w = _WORD_BEFORE_DOT.search(text, max(0, m.start() - 7), m.start())
    if w is None:
        return False
    word = w.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in words("abbreviations.txt")


def _own_figure(text: str, m: re.Match[str]) -> bool:
    """A word that is a figure of its own ("24"), not part of a name ("F-16")."""
    return m.group()[0].isdigit() and (m.start() == 0 or text[m.start() - 1] in " \t\n$£€(")


# A name shared by the claim's clause and a figure's says whose figure it is more
# surely than a shared word: "Adele sold 257,731 copies, and Madonna opened with
# sales of 217,610 copies" gives Madonna's.
NAME_WEIGHT = 2
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)?\b")


def clause_names(text: str, c: Claim) -> frozenset[str]:
    """Capitalized words of the figure's clause before it that are no stopword
    ("The", "In"): the names of whose figure it is."""
    stop = stopwords()
    at = owner_end(text, c)
    lo = clause_start(text, at)
    return frozenset(w for w in _CAPITALIZED.findall(text, lo, at) if w.lower() not in stop)


def words_around(text: str, c: Claim) -> frozenset[str]:
    return words_before(text, c) | words_after(text, c)


# A sentence listing one noun more often than this is no list of things each
# figure counts ("and 12 boats went by and 13 boats went by ..."): the rule stays
# out, which also keeps its work constant per figure on hostile text.
MAX_SIBLINGS = 8


class Siblings:
    """Source figures grouped by (document, sentence, counted noun)."""

    def __init__(self, sources: Sequence[tuple[Document, Sequence[Claim]]]) -> None:
        self._text = {d.id: d.text for d, _ in sources}
        self._by: dict[tuple[str, int, str], list[Claim]] = {}
        self._after: dict[int, frozenset[str]] = {}  # by id of a source figure
        self._named: dict[int, frozenset[str]] = {}  # by id of a source figure
        for _, claims in sources:
            for s in claims:
                if s.quantity is not None:
                    self._by.setdefault(_key(s), []).append(s)

    def _words_around(self, text: str, s: Claim) -> frozenset[str]:
        got = self._after.get(id(s))
        if got is None:
            got = self._after[id(s)] = words_around(text, s)
        return got

    def outranked(
        self, c: Claim, c_text: str, s: Claim, beside: Callable[[Claim], bool] = lambda r: False
    ) -> bool:
        """Whether another figure of ``s``'s sentence, for the same noun with
        another number, stands among words nearer the claim's: the words after
        it (what it counts) and before it (whose it is). Figures that count no
        noun ("rose 16.3%", "was $3.50") are siblings by their dimension when
        the claim counts none either: "Organic sales rose 16.3%, and operating
        margin was 19.6%" writes 19.6% for the margin."""
        if s.quantity is None or bool(s.subject) != bool(c.subject):
            return False
        group = self._by.get(_key(s), ())
        text = self._text.get(s.doc)
        if len(group) < 2 or len(group) > MAX_SIBLINGS or text is None:
            return False
        # a rival the claim's own sentence writes is its part ("12 of the 50
        # patients"), not another reading of its figure (``beside``)
        rivals = [
            r for r in group
            if r is not s and r.quantity is not None and not agree(r.quantity, s.quantity)
            and not beside(r) and not _move_partner(text, r, s)
        ]
        if not rivals:
            return False
        named = _named_by_whole_noun(c, s, rivals)
        if named is not None:
            return not named
        mine = words_around(c_text, c)
        own = len(mine & self._words_around(text, s))
        if not s.subject:
            # few words stand around a bare "5%": only a figure among none of the
            # claim's words, beside one among two or more, was written for another;
            # and no figure the claim's own sentence writes too ("rose $55.4
            # million to $192.6 million": the change and the level, both stated)
            return own == 0 and any(
                len(mine & self._words_around(text, r)) >= 2
                and not written_beside(c_text, c, r)
                and not _level_for_change(c, r) and not _other_scale(c, r)
                for r in rivals
            )
        names = clause_names(c_text, c)
        own += NAME_WEIGHT * len(names & self._names(text, s))
        return any(
            len(mine & (self._words_around(text, r) - _between(text, r, s)))
            + NAME_WEIGHT * len(names & self._names(text, r)) > own
            # "slipped to 14 seats, and the Liberal Reform Party took 11": the
            # claim's sentence gives the rival's number to the rival's own words
            # (a swap gives it to other words: "closed 894, leaving 400 open")
            and not rival_written_alike(c_text, c, text, r)
            for r in rivals
        )

    def _names(self, text: str, s: Claim) -> frozenset[str]:
        got = self._named.get(id(s))
        if got is None:
            got = self._named[id(s)] = clause_names(text, s)
        return got


    def counted_beside(self, c: Claim, s: Claim) -> bool:
        """Whether ``s`` counts another noun than the claim in a sentence that
        counts the claim's noun with another number: "2,000 runs and 200
        wickets" writes "2,000" for runs, and says 200 of the claim's wickets."""
        if not c.subject or not s.subject or c.quantity is None:
            return False
        noun = c.subject.split()[-1]
        if s.subject.split()[-1] == noun:
            return False
        rivals = self._by.get((s.doc, s.sentence, noun), ())
        return any(
            r.quantity is not None and not agree(r.quantity, c.quantity) for r in rivals
        )


BETWEEN_CHARS = 120  # past this, the words between two figures are no shared run
_CLAUSE_MARK = re.compile(r"[,;:()\u2013\u2014]")


def _between(text: str, r: Claim, s: Claim) -> frozenset[str]:
    """The words between a rival and the source figure: after one and before the
    other, they are no more the rival's than the figure's ("conducted in all 50
    states show obesity rates stayed about the same in 45 states")."""
    lo, hi = (r.end, s.start) if r.end <= s.start else (s.end, r.start)
    if not 0 < hi - lo <= BETWEEN_CHARS or _CLAUSE_MARK.search(text, lo, hi):
        # "2.5 sacks on the season, a far cry from the 9 sacks": a clause each
        return frozenset()
    return sentence_lemmas(text[lo:hi])


def _level_for_change(c: Claim, r: Claim) -> bool:
    """The claim states a change ("increased $1.01") and ``r`` a level ("$3.50
    per diluted share"): the level is no other reading of the change."""
    q, rq = c.quantity, r.quantity
    return q is not None and rq is not None and q.change in ("up", "down") and rq.change == "="


# Figures this many times apart are no two readings of one ("$1.01" a share
# against "$55.4 million" of net earnings, in one sentence)
SIBLING_SCALE = 20.0


def _other_scale(c: Claim, r: Claim) -> bool:
    q, rq = c.quantity, r.quantity
    if q is None or rq is None or q.value <= 0 or rq.value <= 0:
        return False
    return max(q.value, rq.value) / min(q.value, rq.value) > SIBLING_SCALE


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# a rival written in one word: "three", "twelve", "forty"
_SPELLED = re.compile(r"[A-Za-z]+$")
BESIDE_CHARS = 150  # the stretch of the claim's sentence searched for a rival's number


def written_beside(text: str, c: Claim, r: Claim) -> bool:
    """Whether the number of source figure ``r`` is written near the claim."""
    m = _DIGITS.search(r.text)
    if m is None:
        return False
    near = text[max(0, c.start - BESIDE_CHARS):c.end + BESIDE_CHARS].replace(",", "")
    number = m.group().replace(",", "")
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)", near) is not None


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
RIVAL_WORDS_BEFORE = 4  # words before a rival's number read for whose it is


def rival_written_alike(c_text: str, c: Claim, text: str, r: Claim) -> bool:
    """The claim's sentence writes rival ``r``'s number after a word that stands
    before ``r`` in its source too ("Liberal Reform Party took 11" for "the
    centrist Liberal Reform Party 11 seats")."""
    m = _DIGITS.search(r.text) or _SPELLED.match(r.text)
    if m is None:
        return False
    number = re.escape(m.group())
    lo, hi = max(0, c.start - BESIDE_CHARS), c.end + BESIDE_CHARS
    theirs = {w.lower() for w in _WORD.findall(text, max(0, r.start - 40), r.start)} - _SMALL_WORDS
    # a spelled rival is found as a word ("on day three" in both texts)
    pattern = (rf"(?<![\d.,]){number}(?![\d]|[.,]\d)" if m.re is _DIGITS
               else rf"(?i)\b{number}\b")
    for at in re.finditer(pattern, c_text[lo:hi]):
        start = lo + at.start()
        if c.start <= start < c.end:
            continue
        mine = [w.lower() for w in _WORD.findall(c_text, max(0, start - 40), start)]
        if set(mine[-RIVAL_WORDS_BEFORE:]) & theirs:
            return True
    return False


def same_words_before(c_text: str, t: Claim, text: str, r: Claim) -> bool:
    """Target figure ``t`` is written after a word that stands before source
    figure ``r`` too ("for a 211-kg bluefin" for "16.88 million yen for a 211-kg
    bluefin")."""
    theirs = {w.lower() for w in _WORD.findall(text, max(0, r.start - 40), r.start)} - _SMALL_WORDS
    mine = [w.lower() for w in _WORD.findall(c_text, max(0, t.start - 40), t.start)]
    return bool(set(mine[-RIVAL_WORDS_BEFORE:]) & theirs)


_SMALL_WORDS = frozenset(("the", "a", "an", "and", "of", "to", "in", "on", "at", "its", "with"))


def _key(s: Claim) -> tuple[str, int, str]:
    if not s.subject:
        assert s.quantity is not None
        return (s.doc, s.sentence, "#" + s.quantity.dimension)
    return (s.doc, s.sentence, s.subject.split()[-1])


# Two figures of one move: "trimmed the lead to 31 points from 48", "from 48 to 31",
# each end perhaps dated: "from 43 million bags last year to 33 million bags".
# No nested repeats: linear.
_MOVE_GAP = re.compile(
    r"\s+(?:(?:in\s+)?(?:(?:last|this|next|a|the|previous|prior)\s+)?"
    r"(?:year|month|week|quarter|season|(?:19|20)\d\d)(?:\s+earlier|\s+ago)?,?\s+)?"
    r"(?:from|to)\s+",
    re.IGNORECASE,
)


def _named_by_whole_noun(c: Claim, s: Claim, rivals: list[Claim]) -> bool | None:
    """Whether the claim's whole noun of several words names ``s`` and no rival
    (True), a rival and not ``s`` (False), or neither alone (None): "175,272
    first-time asylum applications" is the part, not "a total of 188,967 asylum
    applications, including" it, whatever words stand before the total; and
    "188,967 first-time asylum applications" gives the total's number to the part."""
    if not c.subject or len(c.subject.split()) < 2:
        return None
    mine = any(r.subject == c.subject for r in rivals)
    if s.subject == c.subject and not mine:
        return True
    if s.subject != c.subject and mine:
        return False
    return None


# ... or of one comparison: "producing 50 to 60 bushels short of the 150 to 160
# bushels per acre", "40 seats more than the 35 it held", "3,816,360 passengers in
# December, compared to 3,333,424 passengers"
_COMPARED_GAP = re.compile(
    r"(?:\s+[\w-]+){0,3},?\s+(?:short\s+of|(?:more|less|fewer|higher|lower)\s+than|out\s+of"
    r"|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:(?:the|its|their|a)\s+)?",
    re.IGNORECASE,
)


# "159.9 billion pieces, down 5 percent from 168.3 billion pieces": a level, its move and
# its start. Fixed words, one run of digits: linear.
_MOVED_FROM_GAP = re.compile(
    r",?\s+(?:down|up|higher|lower|rising|falling)\s+(?:by\s+)?[$£€]?\d[\d,.]*"
    r"\s?(?:%|percent|per\s?cent|points?)?\s+(?:from|on|against)\s+(?:(?:the|its|a)\s+)?",
    re.IGNORECASE,
)


def _move_partner(text: str, r: Claim, s: Claim) -> bool:
    """``r`` and ``s`` are the two levels of one move or the two sides of one
    comparison: the words around the pair are both figures' ("Verstappen's
    lead", "bushels per acre"), so neither is the other's rival for them."""
    a, b = (r, s) if r.start < s.start else (s, r)
    return r.doc == s.doc and (
        _MOVE_GAP.fullmatch(text, a.end, b.start) is not None
        or _COMPARED_GAP.fullmatch(text, a.end, b.start) is not None
        or _MOVED_FROM_GAP.fullmatch(text, a.end, b.start) is not None
    )
