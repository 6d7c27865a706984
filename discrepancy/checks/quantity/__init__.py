"""The quantity check (DQ101-DQ103), one module per part:

- ``check``: the order in which a target figure is judged, and ``QuantityCheck``;
- ``agreement``: when two figures agree (rounding, open bounds, ranges, shares);
- ``time_frames``: whether two figures could describe the same time;
- ``support``: whether a related source states the same figure;
- ``written``, ``number_index``, ``source_numbers``, ``mentions``: the numbers
  the sources write, and whether they write a target figure's number;
- ``part_whole``: counts of a part and of its whole, which both hold;
- ``evidence``: which source figure a conflict shows;
- ``stray``: numbers no claim covers, and counts that point back;
- ``conflict`` (DQ101), ``unsupported`` (DQ102), ``internal`` (DQ103): the findings.
"""

from __future__ import annotations

from .agreement import (
    agree,
    as_percent,
    both_ranges,
    ends_agree,
    gap_ratio,
    known,
    plausible,
    severity_for_ratio,
    share_as_percent,
    understated,
    widened,
)
from .check import QuantityCheck, quantity_findings
from .conflict import CONFLICT, conflict_finding
from .internal import INTERNAL, internal_findings
from .number_index import figure_in, written_figures
from .source_numbers import SourceNumbers, source_numbers
from .stray import is_anaphoric, stray_figures
from .support import SupportPool, value_supported
from .time_frames import comparable, frames_compatible, is_growth
from .unsupported import UNSUPPORTED, unsupported_severity
from .written import numbers_with_surroundings, sentence_lemmas, surroundings, text_numbers

__all__ = [
    "CONFLICT", "INTERNAL", "UNSUPPORTED", "QuantityCheck", "SourceNumbers", "SupportPool",
    "agree", "as_percent", "both_ranges", "comparable", "conflict_finding", "ends_agree",
    "figure_in", "frames_compatible", "gap_ratio", "internal_findings", "is_anaphoric",
    "is_growth", "known", "numbers_with_surroundings", "plausible", "quantity_findings",
    "sentence_lemmas", "severity_for_ratio", "share_as_percent", "source_numbers",
    "stray_figures", "surroundings", "text_numbers", "understated", "unsupported_severity",
    "value_supported", "widened", "written_figures",
]
