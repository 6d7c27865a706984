"""The HTTP API's work, without the web framework: JSON request in, CLI output out.

A request names documents the way files are named on the command line, and
every step after reading them is the CLI's own code (document ids, the config
table, ``merge_reports``, ``apply_ignores``, the renderers), so
``POST /api/check`` gives exactly the bytes of ``discrepancy check --format
json`` on files of those names.

Errors are ``ApiError`` with the HTTP status and one line for people; the
messages of document and config errors are the CLI's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..app.config import Config, parse_config
from ..app.inputs import unique_id
from ..app.results import exit_code
from ..checks.engine import apply_ignores, merge_reports
from ..errors import ConfigError, InputError
from ..model import Document, Role
from ..report import FORMATS, MEDIA_TYPES
from ..report.figure_table import FIGURE_FORMATS
from ..text.fetch import FetchError, RefusedAddress, is_url
from ..text.load import decode, text_to_document

MAX_DOCUMENTS = 50  # one summary is checked against a handful of sources, not a corpus
MAX_NAME = 500
# What the page offers for download; ``format=all`` returns these in one response.
PAGE_FORMATS = ("json", "csv", "markdown", "html")


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = " ".join(message.split())


@dataclass(frozen=True)
class Result:
    """A rendered result: ``body`` in ``media_type``; ``exit_code`` as the CLI's."""

    body: str
    media_type: str
    exit_code: int
    warnings: tuple[str, ...] = ()  # links skipped by "links": true, as the CLI's stderr


def parse_body(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise ApiError(400, "request body is not UTF-8") from None
    except json.JSONDecodeError as e:
        raise ApiError(400, f"request body is not valid JSON: {e}") from None
    if not isinstance(data, dict):
        raise ApiError(422, f"request body must be a JSON object, not {type(data).__name__}")
    return data


@dataclass(frozen=True)
class DocSpec:
    """One document of a request: pasted ``text`` or a ``url``, shown as ``name``."""

    name: str
    text: str | None = None
    url: str | None = None
    where: str = ""  # "sources[1]": where in the request, for messages


def doc_spec(value: Any, where: str, default_name: str) -> DocSpec:
    if not isinstance(value, Mapping):
        raise ApiError(422, f"{where} must be an object with \"text\" or \"url\"")
    unknown = set(value) - {"name", "text", "url"}
    if unknown:
        raise ApiError(422, f"{where}: unknown field {sorted(unknown)[0]!r} "
                            "(fields: name, text, url)")
    text, url, name = value.get("text"), value.get("url"), value.get("name")
    if (text is None) == (url is None):
        raise ApiError(422, f"{where} needs exactly one of \"text\" and \"url\"")
    if text is not None and not isinstance(text, str):
        raise ApiError(422, f"{where}.text must be a string")
    if url is not None and (not isinstance(url, str) or not is_url(url)):
        raise ApiError(422, f"{where}.url must be an http:// or https:// URL")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise ApiError(422, f"{where}.name must be a non-empty string")
    if name is not None and len(name) > MAX_NAME:
        raise ApiError(422, f"{where}.name is longer than {MAX_NAME} characters")
    shown = name or url or default_name
    return DocSpec(name=shown, text=text, url=url, where=where)


def load_spec(spec: DocSpec, role: Role, taken: set[str], public_only: bool) -> Document:
    """The document as the CLI would read a file called ``spec.name`` (or the URL)."""
    from pathlib import Path

    try:
        if spec.url is not None:
            from ..text.fetch import load_url

            doc = load_url(spec.url, id=unique_id(spec.name, spec.name, taken), role=role,
                           public_only=public_only)
            return replace(doc, path=spec.name) if spec.name != spec.url else doc
        assert spec.text is not None
        try:
            data = spec.text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape
            raise ApiError(422, f"{spec.where}.text is not valid Unicode") from None
        doc_id = unique_id(Path(spec.name).stem or spec.name, spec.name, taken)
        return text_to_document(decode(data, spec.name), spec.name, id=doc_id, role=role,
                                path=spec.name)
    except RefusedAddress as e:
        raise ApiError(403, str(e)) from None
    except FetchError as e:
        raise ApiError(422, str(e)) from None
    except InputError as e:
        raise ApiError(422, str(e)) from None


def _config(options: Any, drop: Sequence[str] = ()) -> Config:
    if options is None:
        return Config()
    if not isinstance(options, Mapping):
        raise ApiError(422, "options must be an object, as [tool.discrepancy] in pyproject.toml")
    try:
        return parse_config({k: v for k, v in options.items() if k not in drop}, "options")
    except ConfigError as e:
        raise ApiError(422, str(e)) from None


def _format(fmt: str | None, configured: str | None, formats: Sequence[str]) -> str:
    fmt = fmt or (configured if configured in formats else None) or "json"
    if fmt != "all" and fmt not in formats:
        raise ApiError(422, f"format must be one of {', '.join((*formats, 'all'))}; got {fmt!r}")
    return fmt


def _sources(data: Mapping[str, Any], key: str, minimum: int) -> list[Any]:
    if key not in data:
        raise ApiError(422, f"missing field {key!r}")
    items = data[key]
    if not isinstance(items, list) or len(items) < minimum:
        raise ApiError(422, f"{key} must be a list of at least {minimum} document"
                            f"{'s' if minimum > 1 else ''}")
    if len(items) > MAX_DOCUMENTS:
        raise ApiError(422, f"{key}: at most {MAX_DOCUMENTS} documents per request")
    return items


def _bundle(
    results: dict[str, str], code: int, summary: str, warnings: Sequence[str] = ()
) -> Result:
    body = json.dumps({"exit_code": code, "summary": summary, "warnings": list(warnings),
                       "formats": results}, ensure_ascii=False)
    return Result(body=body, media_type="application/json", exit_code=code,
                  warnings=tuple(warnings))


def run_check(data: Mapping[str, Any], fmt: str | None, public_only: bool) -> Result:
    """``POST /api/check``: the report of ``target`` against ``sources``."""
    from .. import check
    from ..report import render
    from ..report.common import summary_line
    from ..report.records import report_to_dict

    unknown = set(data) - {"target", "sources", "options", "links"}
    if unknown:
        raise ApiError(422, f"unknown field {sorted(unknown)[0]!r} (fields: target, sources, "
                            "links, options)")
    if "target" not in data:
        raise ApiError(422, "missing field 'target'")
    links = data.get("links", False)
    if not isinstance(links, bool):
        raise ApiError(422, "links must be true or false")
    target = doc_spec(data["target"], "target", "target")
    raw = data.get("sources", []) if links else _sources(data, "sources", 1)
    if links and (not isinstance(raw, list) or len(raw) > MAX_DOCUMENTS):
        raise ApiError(422, f"sources must be a list of at most {MAX_DOCUMENTS} documents")
    sources = [doc_spec(s, f"sources[{i}]", f"source-{i + 1}") for i, s in enumerate(raw)]
    config = _config(data.get("options"))
    fmt = _format(fmt, config.format, FORMATS)
    taken: set[str] = set()
    target_doc = load_spec(target, "target", taken, public_only)
    source_docs = [load_spec(s, "source", taken, public_only) for s in sources]
    warnings: list[str] = []
    if links:
        source_docs += _linked(target, target_doc, taken, public_only, warnings)
    report = merge_reports([check(target_doc, source_docs, config.options())])
    report = apply_ignores(report, config)
    code = exit_code(report, config.fail_on)
    if fmt == "all":
        rendered = {f: render(report, f) for f in PAGE_FORMATS}
        return _bundle(rendered, code, summary_line(report_to_dict(report)), warnings)
    return Result(body=render(report, fmt), media_type=MEDIA_TYPES[fmt], exit_code=code,
                  warnings=tuple(warnings))


def _linked(
    spec: DocSpec, doc: Document, taken: set[str], public_only: bool, warnings: list[str]
) -> list[Document]:
    """Sources from the links the target lists, as ``check --links``. Links are read
    from the text sent (or the page fetched), never from a file of that name here."""
    from ..text.fetch import HTML_TYPES, fetch
    from ..text.links import find_links, link_sources
    from ..text.load import looks_like_html

    def urls_of(_doc: Document) -> list[str]:
        if spec.url is not None:
            page = fetch(spec.url, public_only=public_only)
            return [u for u in find_links(page.text, page.content_type in HTML_TYPES)
                    if u != spec.url]
        assert spec.text is not None
        return find_links(spec.text, looks_like_html(spec.text, spec.name))

    try:
        linked = link_sources([doc], lambda url: unique_id(url, url, taken), warnings.append,
                              urls_of=urls_of, public_only=public_only)
    except RefusedAddress as e:
        raise ApiError(403, str(e)) from None
    except InputError as e:
        raise ApiError(422, str(e)) from None
    return linked[doc.id]


def run_compare(data: Mapping[str, Any], fmt: str | None, public_only: bool) -> Result:
    """``POST /api/compare``: the figure table of ``documents``, as ``discrepancy compare``."""
    from ..figure_table import figure_table, peer_documents
    from ..recognizers.extract import extract
    from ..report.figure_table import render_figures, summary_line

    unknown = set(data) - {"documents", "options"}
    if unknown:
        raise ApiError(422, f"unknown field {sorted(unknown)[0]!r} (fields: documents, options)")
    specs = [doc_spec(d, f"documents[{i}]", f"document-{i + 1}")
             for i, d in enumerate(_sources(data, "documents", 2))]
    options = data.get("options") or {}
    min_sources = options.get("min-sources", 1) if isinstance(options, Mapping) else 1
    if isinstance(min_sources, bool) or not isinstance(min_sources, int) or min_sources < 1:
        raise ApiError(422, f"options: min-sources must be an integer >= 1; got {min_sources!r}")
    config = _config(data.get("options"), drop=("min-sources",))
    fmt = _format(fmt, config.format, FIGURE_FORMATS)
    taken: set[str] = set()
    docs = peer_documents([load_spec(s, "peer", taken, public_only) for s in specs])
    claims = [c for d in docs for c in extract(d)]
    table = figure_table(docs, claims, config.options())
    if min_sources > 1:
        table = replace(table, groups=tuple(g for g in table.groups if len(g.cells) >= min_sources))
    code = 1 if table.conflicts else 0
    if fmt == "all":
        rendered = {f: render_figures(table, f) for f in PAGE_FORMATS}
        return _bundle(rendered, code, summary_line(table.to_dict()))
    return Result(body=render_figures(table, fmt), media_type=MEDIA_TYPES[fmt], exit_code=code)
