"""A weekday no source gives in any form: "derailed Monday" where the story says
the train derailed "Tuesday" and names no Monday.

Weekday names are compared between passages about the same event (``dates``),
and a summary's passage often fits none closely ("An Amtrak passenger train
derailed Monday in rural central Mississippi" against "derailed about 25 miles
north of Jackson Tuesday"). A weekday is still a checkable fact: where no source
writes it, nor anything a reader could turn into it (a day of a month, a
relative day such as "yesterday" or "the next day", a dateline), it came from
nowhere. The finding names the weekdays the sources do give. Patterns are fixed
words: linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Claim, Document, Finding
from ..text.months import weekday_numbers
from ..text.words import content_stems
from .base import Code
from .findings import make_finding, sentence_of
from .month_days import any_day, relative_day

EVENT_SHARED = 2  # content words a source sentence naming a weekday shares with the claim's
DATED_SENTENCES = 200  # source sentences naming weekdays compared: bounded work

_WEEKDAY = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b)\b", re.IGNORECASE
)
# A weekday in a name: "Black Friday", "Super Tuesday", "the Sunday Times"
_NAME_BEFORE = re.compile(
    r"\b(?:Black|Super|Good|Ash|Cyber|Bloody|Easter|Palm|Holy|Maundy|Shrove|Giving|Fat|Blue"
    r"|Manic|Small\sBusiness)\s$",
    re.IGNORECASE,
)
# "The Sunday Times", "Monday Night Football": names, no day (read by ``dates`` too)
NAME_AFTER = (
    r"\s(?:Times|Telegraph|Mirror|Express|Post|Herald|Independent|World|People|Tribune"
    r"|Mail|Star|Sport|Business\sPost|Night\s(?:Football|Live|Lights|Raw|Fever)"
    r"|Morning\s(?:Herald|Post))\b"
)
_NAME_AFTER = re.compile(NAME_AFTER)
# "officials said on Thursday": the day of telling, not of the event
_TOLD_ON = re.compile(
    r"\b(?:said|says|told|reported|announced|stated|confirmed|added|wrote)"
    r"(?:\s[\w.-]+){0,2}\s(?:on\s|late\s|early\s)?$",
    re.IGNORECASE,
)
_ABBREVIATED = re.compile(r"\b(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?")
# Words a reader turns into a weekday with the story's date
_TOLD_FROM_NOW = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|overnight|last\snight|this\s(?:morning|afternoon"
    r"|evening|week|weekend)|earlier\sthis\sweek|(?:last|next)\sweek(?:end)?)\b",
    re.IGNORECASE,
)


def _days() -> list[str]:
    """The weekday names, Monday first (``data/date_words.txt``)."""
    return sorted(weekday_numbers(), key=weekday_numbers().__getitem__)


def _named(text: str) -> set[str]:
    out = {m.group(1).lower() for m in _WEEKDAY.finditer(text)}
    for m in _ABBREVIATED.finditer(text):
        head = m.group(1).lower()[:3]
        out.update(d for d in _days() if d.startswith(head))
    return out


def _written_days(sources: Sequence[Document]) -> set[str] | None:
    """The weekdays the sources name; None where they give a day a reader may name
    from the story's date (a day of a month, "yesterday", "the next day")."""
    written: set[str] = set()
    for d in sources:
        if _TOLD_FROM_NOW.search(d.text) or relative_day(d.text) or any_day().search(d.text):
            return None
        written |= _named(d.text)
    return written


def _in_a_name(text: str, m: re.Match[str]) -> bool:
    """ "Black Friday", "Sunday Times", "Friday Night Lights"; or the day something
    was said ("officials said on Thursday")."""
    return (
        _NAME_BEFORE.search(text, max(0, m.start() - 20), m.start()) is not None
        or _NAME_AFTER.match(text, m.end()) is not None
        or _TOLD_ON.search(text, max(0, m.start() - 40), m.start()) is not None
    )


def invented_weekdays(
    target: Document, sources: Sequence[Document], taken: Sequence[Finding], code: Code
) -> list[Finding]:
    """A ``code`` finding on each weekday of the summary that no source writes, where
    the sources give no day a reader could name it from; none on a span of
    ``taken``. Medium where a source sentence naming another weekday tells the same
    event (``EVENT_SHARED`` content words with the summary's sentence): the day the
    summary should have given; low where the sources' weekdays date other things."""
    mine = list(_WEEKDAY.finditer(target.text))
    written = _written_days(sources) if mine and sources else None
    if written is None:
        return []
    dated = [
        set(content_stems(s.text)) for d in sources for s in d.sentences if _named(s.text)
    ][:DATED_SENTENCES]
    spans = [(f.claim.start, f.claim.end) for f in taken]
    given = ", ".join(d.capitalize() for d in _days() if d in written)
    out: list[Finding] = []
    for m in mine:
        if m.group(1).lower() in written or _in_a_name(target.text, m) or any(
            a < m.end() and m.start() < b for a, b in spans
        ):
            continue
        sent = target.sentence_at(m.start())
        claim = Claim(doc=target.id, category="date", text=m.group(0), start=m.start(),
                      end=m.end(), sentence=sent.index if sent else 0)
        stems = set(content_stems(sent.text)) if sent else set()
        related = any(len(theirs & stems) >= EVENT_SHARED for theirs in dated)
        out.append(make_finding(
            code, "medium" if related else "low",
            f'No source gives the day "{m.group(0)}"'
            + (f"; the sources name {given}." if given else "."),
            claim, (), sentence_text=sentence_of(target, claim),
        ))
    return out
