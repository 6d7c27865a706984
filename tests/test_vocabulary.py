"""The vocabulary of categories, kinds and codes is defined once (``model``,
``codes``); the JSON schema, which cannot import it, is held to it here."""

from __future__ import annotations

import json
from importlib import resources

from discrepancy.checks.codes import RULES
from discrepancy.model import CATEGORIES, KINDS


def _schema() -> dict:
    text = resources.files("discrepancy.schema").joinpath("report.schema.json").read_text("utf-8")
    return json.loads(text)


def _enums(node: object, key: str) -> list[list[str]]:
    found: list[list[str]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key and isinstance(v, dict) and "enum" in v:
                found.append(v["enum"])
            found += _enums(v, key)
    elif isinstance(node, list):
        for v in node:
            found += _enums(v, key)
    return found


def test_the_schema_lists_the_models_categories_and_kinds() -> None:
    schema = _schema()
    assert _enums(schema, "category") and all(
        e == list(CATEGORIES) for e in _enums(schema, "category")
    )
    assert _enums(schema, "kind") and all(e == list(KINDS) for e in _enums(schema, "kind"))


def test_every_rule_uses_the_vocabulary() -> None:
    assert {r.category for r in RULES} == set(CATEGORIES)
    assert {r.kind for r in RULES} == set(KINDS)
