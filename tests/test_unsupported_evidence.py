"""DQ102 at medium needs evidence that a figure is new: its number is written
nowhere in the sources about anything like it.

A number the sources write beside a word of the summary's own surroundings is
the same figure, however differently the rest of the two sentences runs ("Robert
Hardy, 89," and "mr hardy , 89 , is a keen military historian"). Rows are from
real LLM summaries (FaithBench / RAGTruth) and their articles."""

from __future__ import annotations

import discrepancy


def _gated(summary: str, source: str) -> list[str]:
    report = discrepancy.check(summary, [source])
    return [f.claim.text for f in report.findings
            if f.severity in ("medium", "high") and f.category == "quantity"]


def test_a_small_count_of_something_the_sources_never_name_is_flagged() -> None:
    got = _gated("Two shootings in Maryland on Tuesday left three firefighters hurt.",
                 "A gunman opened fire at a mall on Tuesday, police said.")
    assert "three firefighters" in got
