"""What a run's report means to the caller: the exit code of ``check`` and of the API."""

from __future__ import annotations

from ..model import SEVERITY_RANK, Report


def exit_code(report: Report, fail_on: str) -> int:
    """1 if any finding is at or above ``fail_on`` (low|medium|high|never), else 0."""
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    return int(any(SEVERITY_RANK[f.severity] >= floor for f in report.findings))
