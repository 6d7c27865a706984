"""Knobs of the comparison, set from pyproject.toml or the command line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    # Extra relative slack on top of the rounding tolerance read from each figure.
    tolerance: float = 0.0
    # Minimum rapidfuzz score (0-100) for two subjects to be the same thing.
    min_subject_score: float = 80.0
    # Extra synonym groups of counted things, e.g. (("drone", "uav"),).
    synonyms: tuple[tuple[str, ...], ...] = ()
    # Codes (DQ101) or names (quantity.conflict) never reported.
    disabled: tuple[str, ...] = ()
