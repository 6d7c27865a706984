"""The OpenAPI 3.1 description served at ``/openapi.json``.

Written by hand: five endpoints do not need a schema generator, and the report
schema itself is the one the CLI ships (``schema/report.schema.json``).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from .. import __version__
from ..report import FORMATS
from ..report.figure_table import FIGURE_FORMATS

_DOCUMENT = {
    "type": "object",
    "description": "Pasted text or a URL to fetch. `name` is what locations show "
                   "(default: `target`, `source-N`, `document-N`, or the URL); a name "
                   "ending in .html/.htm/.xhtml, or text starting with <html>, is read "
                   "as a web page's article text.",
    "properties": {
        "name": {"type": "string", "maxLength": 500},
        "text": {"type": "string"},
        "url": {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"},
    },
    "oneOf": [{"required": ["text"]}, {"required": ["url"]}],
    "additionalProperties": False,
}
_OPTIONS = {
    "type": "object",
    "description": "As [tool.discrepancy] in pyproject.toml: fail-on, tolerance, "
                   "min-subject-score, synonyms, disable, per-file-ignores, format.",
    "properties": {
        "fail-on": {"enum": ["low", "medium", "high", "never"]},
        "tolerance": {"type": "number", "minimum": 0},
        "min-subject-score": {"type": "number", "minimum": 0, "maximum": 100},
        "synonyms": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
        "disable": {"type": "array", "items": {"type": "string"}},
        "per-file-ignores": {"type": "object",
                             "additionalProperties": {"type": "array",
                                                      "items": {"type": "string"}}},
        "format": {"type": "string"},
    },
    "additionalProperties": False,
}
_ERROR = {
    "description": "A clear error: bad JSON (400), SSRF refusal (403), body over the cap "
                   "(413), not JSON (415), missing or invalid fields, unreadable document "
                   "or unreachable URL (422).",
    "content": {"application/json": {"schema": {
        "type": "object", "required": ["error", "status"],
        "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
    }}},
}


def _format_param(formats: tuple[str, ...]) -> dict[str, Any]:
    return {
        "name": "format", "in": "query", "required": False,
        "description": "Output format, as the CLI's --format (default json). `all` returns "
                       "{exit_code, summary, formats: {json, csv, markdown, html}}.",
        "schema": {"enum": [*formats, "all"]},
    }


def _post(summary: str, body: dict[str, Any], formats: tuple[str, ...],
          ok: dict[str, Any]) -> dict[str, Any]:
    return {"post": {
        "summary": summary,
        "parameters": [_format_param(formats)],
        "requestBody": {"required": True,
                        "content": {"application/json": {"schema": body}}},
        "responses": {
            "200": {
                "description": "The output of the CLI for the same documents; the header "
                               "X-Discrepancy-Exit-Code is the CLI's exit code (0 or 1).",
                "headers": {"X-Discrepancy-Exit-Code": {"schema": {"enum": ["0", "1"]}}},
                "content": {"application/json": {"schema": ok}},
            },
            **{code: _ERROR for code in ("400", "403", "413", "415", "422")},
        },
    }}


@cache
def _report_schema() -> dict[str, Any]:
    text = resources.files("discrepancy").joinpath("schema/report.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    schema.pop("$schema", None)
    return schema


def openapi() -> dict[str, Any]:
    check_body = {
        "type": "object", "required": ["target"], "additionalProperties": False,
        "properties": {"target": _DOCUMENT,
                       "sources": {"type": "array", "maxItems": 50, "items": _DOCUMENT,
                                   "description": "At least one, unless links is true."},
                       "links": {"type": "boolean", "default": False,
                                 "description": "Also fetch, as sources, the http(s) links "
                                                "the target lists (as check --links); "
                                                "skipped links are listed in the header "
                                                "X-Discrepancy-Warnings."},
                       "options": _OPTIONS},
    }
    compare_body = {
        "type": "object", "required": ["documents"], "additionalProperties": False,
        "properties": {"documents": {"type": "array", "minItems": 2, "maxItems": 50,
                                     "items": _DOCUMENT},
                       "options": {"type": "object",
                                   "description": "tolerance, min-subject-score, synonyms, "
                                                  "min-sources"}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "discrepancy", "version": __version__,
                 "description": "Check the figures, dates and attributions in a summary "
                                "against its sources. Responses are exactly the CLI's output."},
        "paths": {
            "/api/check": _post("Check a target document against sources "
                                "(as `discrepancy check`)", check_body, FORMATS,
                                _report_schema()),
            "/api/compare": _post("Compare the figures of several documents "
                                  "(as `discrepancy compare`)", compare_body, FIGURE_FORMATS,
                                  {"type": "object"}),
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {
                "description": "ok", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"status": {"const": "ok"},
                                                     "version": {"type": "string"}}}}}}}}},
            "/openapi.json": {"get": {"summary": "This description",
                                      "responses": {"200": {"description": "OpenAPI 3.1"}}}},
        },
    }
