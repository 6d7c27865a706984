"""Checks own their codes: each code belongs to exactly one check of the registry,
codes and names are unique, and every finding a check makes carries one of its own."""

from __future__ import annotations

from collections import Counter

import pytest

from discrepancy import check
from discrepancy.checks.base import Code
from discrepancy.checks.codes import BY_CODE, BY_NAME, RULES
from discrepancy.checks.registry import CHECKS


def test_every_code_is_owned_by_exactly_one_check() -> None:
    owners = Counter(code for c in CHECKS for code in c.codes)
    assert all(n == 1 for n in owners.values()), owners
    assert set(owners) == set(RULES)


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    assert len(BY_CODE) == len(BY_NAME) == len(RULES)


def test_check_names_are_unique() -> None:
    assert len({c.name for c in CHECKS}) == len(CHECKS)


@pytest.mark.parametrize("code", RULES, ids=lambda r: r.code)
def test_a_code_is_named_for_its_category_and_kind(code: Code) -> None:
    assert code.name == f"{code.category}.{code.kind}"
    assert code.summary.endswith(".")


def test_codes_are_listed_in_registry_order() -> None:
    assert RULES == tuple(code for c in CHECKS for code in c.codes)


def test_each_finding_carries_a_code_of_the_check_that_made_it() -> None:
    from discrepancy.checks.engine import _documents
    from discrepancy.options import Options
    from discrepancy.recognizers.extract import extract

    target, sources = _documents(
        "The port handled 30 million tonnes on March 3, 2021, Reuters reported. "
        "The port handled 20 million tonnes, the mayor said.",
        ["The port handled 20 million tonnes on March 5, 2021, the minister said."],
    )
    pairs = [(d, extract(d)) for d in sources]
    claims = extract(target)
    found = 0
    for c in CHECKS:
        own = {code.code for code in c.codes}
        for f in c.run(target, claims, pairs, Options()):
            assert f.code in own, (c.name, f.code)
            assert (f.name, f.kind, f.category) == (
                BY_CODE[f.code].name, BY_CODE[f.code].kind, BY_CODE[f.code].category
            )
            found += 1
    assert found and check(target, sources).findings
