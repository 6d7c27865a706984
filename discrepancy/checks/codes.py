"""Every finding code, as the checks of the registry own them, in registry order.

A code is declared by the check that emits it (``base.Code``); this module
only gathers them for config, the SARIF rule list and the docs.
"""

from __future__ import annotations

from .base import Code
from .registry import CHECKS

Rule = Code  # the name config and older callers know

RULES: tuple[Code, ...] = tuple(code for check in CHECKS for code in check.codes)
BY_CODE: dict[str, Code] = {r.code: r for r in RULES}
BY_NAME: dict[str, Code] = {r.name: r for r in RULES}
