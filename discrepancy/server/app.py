"""The Starlette application behind ``discrepancy serve``.

Why Starlette on uvicorn: the page and five endpoints need routing, request
streaming (to cap bodies while reading) and a thread pool for the CPU-bound
check, and nothing more. Starlette gives exactly that with two small pure-Python
dependencies (anyio, and h11 through uvicorn), imports in about 0.2 s and keeps
``discrepancy serve`` starting in well under a second; FastAPI would add
pydantic (a compiled dependency and a slower import) for validation and docs we
write by hand in a few lines (``api.py``, ``openapi.py``).

Safety, in order of the requests it concerns:

* every response carries ``nosniff``, ``no-referrer`` and a strict
  Content-Security-Policy (our own script and styles only, no inline code, no
  third-party anything, no framing);
* API calls must say ``Content-Type: application/json``: a browser cannot send
  that cross-site without a CORS preflight, which this server never grants, so
  another web site cannot make the local server fetch URLs for it;
* bound to localhost, the Host header must be a local name too, so a web site
  that rebinds its DNS name to 127.0.0.1 is refused;
* bound to any other address, URL sources may only point at public addresses
  (``fetch.public_only``);
* bodies are capped while they are read; documents live only in memory for the
  length of the request (no multipart parsing, so nothing is spooled to disk).
"""

from __future__ import annotations

import ipaddress
import json
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import __version__
from .api import ApiError, parse_body, run_check, run_compare

MAX_BODY = 25 * 1024 * 1024  # one document at the 20 MB file limit, a summary, JSON escaping
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# path -> (package, file, media type): the only files served; no directory is exposed.
ASSETS: dict[str, tuple[str, str, str]] = {
    "/": ("discrepancy.server", "static/index.html", "text/html; charset=utf-8"),
    "/static/page.js": ("discrepancy.server", "static/page.js", "text/javascript; charset=utf-8"),
    "/static/page.css": ("discrepancy.server", "static/page.css", "text/css; charset=utf-8"),
    "/static/report.css": ("discrepancy.report", "html.css", "text/css; charset=utf-8"),
}


def is_local(host: str) -> bool:
    """Whether binding to ``host`` keeps the server reachable from this machine only."""
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


async def _read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    too_big = ApiError(413, f"request body is larger than {limit // (1024 * 1024)} MB")
    if length and length.isdigit() and int(length) > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


Runner = Callable[[dict[str, Any], "str | None", bool], Any]


def _endpoint(
    run: Runner, public_only: bool, limit: int
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media != "application/json":
                raise ApiError(415, "send the request as JSON (Content-Type: application/json)")
            data = parse_body(await _read_body(request, limit))
            fmt = request.query_params.get("format")
            # The check is CPU-bound: in the thread pool it leaves /healthz answering.
            result = await run_in_threadpool(run, data, fmt, public_only)
        except ApiError as e:
            return _error(e.status, e.message)
        headers = {"X-Discrepancy-Exit-Code": str(result.exit_code)}
        if result.warnings:  # a JSON list: header values cannot hold new lines
            headers["X-Discrepancy-Warnings"] = json.dumps(list(result.warnings))
        if result.media_type == "text/html":
            from ..report.htmlreport import csp

            headers["Content-Security-Policy"] = _report_csp(csp)
        return Response(result.body, media_type=result.media_type, headers=headers)

    return endpoint


def _report_csp(csp: Callable[[str, str], str]) -> str:
    report = resources.files("discrepancy.report")
    return csp(report.joinpath("html.css").read_text("utf-8"),
               report.joinpath("html.js").read_text("utf-8"))


async def _asset(request: Request) -> Response:
    package, name, media_type = ASSETS[request.url.path]
    body = resources.files(package).joinpath(name).read_bytes()
    return Response(body, media_type=media_type, headers={"Cache-Control": "no-cache"})


async def _no_icon(_request: Request) -> Response:
    return Response(status_code=204)  # browsers ask for one; a 404 would clutter their log


async def _healthz(_request: Request) -> Response:
    return JSONResponse({"status": "ok", "version": __version__})


async def _openapi(_request: Request) -> Response:
    from .openapi import openapi

    return JSONResponse(openapi())


async def _security_headers(request: Request, call_next: Any) -> Response:
    response: Response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def _warm_up() -> None:
    # The first check imports pint, pandas-free extraction tables and data files
    # (~1 s); doing it in the background keeps start-up fast and the first
    # request as quick as the rest.
    from .. import check

    try:
        check("More than 800 rail cars left on 5 May 2023, officials said.",
              ["About 800 rail cars left in May 2023."])
    except Exception:  # pragma: no cover - warming up must never stop the server
        pass


def create_app(
    host: str = "127.0.0.1", *, max_body: int = MAX_BODY, warm_up: bool = True
) -> Starlette:
    """The application as served on ``host`` (which decides the URL and Host rules)."""
    from starlette.middleware.base import BaseHTTPMiddleware

    local = is_local(host)
    public_only = not local

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if warm_up:
            threading.Thread(target=_warm_up, name="discrepancy-warm-up", daemon=True).start()
        yield

    routes = [
        Route("/healthz", _healthz, methods=["GET"]),
        Route("/favicon.ico", _no_icon, methods=["GET"]),
        Route("/openapi.json", _openapi, methods=["GET"]),
        Route("/api/check", _endpoint(run_check, public_only, max_body), methods=["POST"]),
        Route("/api/compare", _endpoint(run_compare, public_only, max_body), methods=["POST"]),
        *(Route(path, _asset, methods=["GET"]) for path in ASSETS),
    ]
    middleware = [Middleware(BaseHTTPMiddleware, dispatch=_security_headers)]
    if local:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(LOCAL_NAMES)))
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={404: _not_found, 405: _not_allowed})
    app.state.public_only = public_only
    return app


async def _not_found(_request: Request, _exc: Exception) -> Response:
    return _error(404, "no such page; the API is POST /api/check and POST /api/compare")


async def _not_allowed(request: Request, _exc: Exception) -> Response:
    return _error(405, f"{request.method} is not allowed here")


__all__ = ["MAX_BODY", "create_app", "is_local"]
