"""Fuzzing the loaders, the number parser, the recognizers and the renderers.

    make fuzz                      # FUZZ_EXAMPLES=2000 by default, a few minutes
    FUZZ_EXAMPLES=20000 make fuzz

Not part of ``make test`` (the file name does not match ``test_*.py``): it runs
for minutes. Every input it finds that breaks a property is kept as a test in
``tests/test_hostile_*.py``. The properties are what a user may rely on: bytes
either load or raise InputError, any text gives claims that quote it exactly,
and every report renders to encodable UTF-8.
"""

from __future__ import annotations

import math
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import discrepancy
from discrepancy.errors import InputError
from discrepancy.report import FORMATS, render
from discrepancy.text.load import decode, document_from_text
from discrepancy.text.numbers import parse_number

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2000"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=list(HealthCheck))

# News-like pieces, so that the recognizers are reached, mixed with anything at all.
WORDS = st.sampled_from([
    "more than", "about", "2,013,450", "1.5", "million", "billion", "tons", "tonnes", "%",
    "$", "£", "twenty-one", "dozens of", "rail cars", "people", "on Friday", "since",
    "September", "January 5, 2024", "2023", "said", "told", "according to", "Reuters",
    "the U.S.", "Gen.", "|", "---", "\n", "\n\n", ".", ",", "“", "”", '"', "(", ")", "-",
    "first", "anniversary", "between", "and", "to", "up", "down", "per cent", "km", "1,1,1",
])
NEWSY = st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=60).map(" ".join)
TEXT = st.one_of(NEWSY, st.text(max_size=300))


@FUZZ
@given(st.binary(max_size=400))
def test_bytes_load_or_raise_input_error(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt")
    except InputError as e:
        assert "\n" not in str(e)
        return
    doc = document_from_text(text)
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)
    assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)


@FUZZ
@given(TEXT)
def test_numbers_parse_or_decline(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float) and not math.isnan(value)


@FUZZ
@given(TEXT)
def test_claims_quote_the_text_exactly(text: str) -> None:
    doc = document_from_text(text)
    for c in discrepancy.extract(doc):
        assert doc.text[c.start:c.end] == c.text
        assert 0 <= c.sentence < max(1, len(doc.sentences))


@FUZZ
@given(TEXT, TEXT)
def test_every_report_renders_to_utf8(target: str, source: str) -> None:
    if not target.strip() or not source.strip():
        return
    report = discrepancy.check(target, [source])
    for fmt in FORMATS:
        render(report, fmt).encode("utf-8")
