"""The contract every check keeps: a name, the finding codes it owns, and ``run``.

A check judges the claims of one target against the claims of its sources and
returns findings, each built from one of its own ``Code`` records
(``findings.make_finding``). The engine runs the checks of ``registry.CHECKS``
in order, then supersedes, disables and orders what they found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model import Claim, Document, Finding
from ..options import Options

Sources = Sequence[tuple[Document, Sequence[Claim]]]


@dataclass(frozen=True)
class Code:
    """A stable finding code. Codes never change meaning; new ones are only added."""

    code: str  # "DQ101"
    name: str  # "quantity.conflict": the readable name config and reports accept
    kind: str  # conflict | unsupported | internal (``model.KINDS``)
    category: str  # quantity | date | attribution (``model.CATEGORIES``)
    summary: str  # one sentence for the docs and the SARIF rule list


class Check(Protocol):
    name: str
    codes: tuple[Code, ...]

    def run(
        self,
        target: Document,
        target_claims: Sequence[Claim],
        sources: Sources,
        options: Options,
    ) -> list[Finding]:
        """Findings about ``target``, each with one of ``codes``."""
        ...
