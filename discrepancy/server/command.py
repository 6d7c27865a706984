"""``discrepancy serve``: the page and the API on one local port."""

from __future__ import annotations

import errno
import socket

import click

from ..cli.group import debug_option
from ..errors import DiscrepancyError


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, bound here so a taken port is one clear line, not a log."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise DiscrepancyError(f"--host {host}: not an address of this machine") from None
    family, _type, _proto, _name, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise DiscrepancyError(
                f"{host}:{port}: address already in use; choose another --port"
            ) from None
        raise DiscrepancyError(f"{host}:{port}: cannot listen ({e.strerror or e})") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but localhost makes the page reachable "
                   "from other machines, and URL sources then may only be public addresses.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--max-body-mb", type=click.IntRange(1, 1024), default=25, show_default=True,
              help="Largest request body accepted, in MB.")
@debug_option
def serve_command(host: str, port: int, max_body_mb: int) -> None:
    """Serve the checking page and the HTTP API (POST /api/check, /api/compare).

    \b
    Examples:
      discrepancy serve                 # then open http://127.0.0.1:8765/
      curl -s localhost:8765/api/check -H 'Content-Type: application/json' \\
        -d '{"target": {"text": "..."}, "sources": [{"url": "https://..."}]}'
    """
    import uvicorn

    from .app import create_app, is_local

    sock = bind(host, port)
    bound_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    app = create_app(host, max_body=max_body_mb * 1024 * 1024)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on",
                            timeout_graceful_shutdown=3)
    server = uvicorn.Server(config)
    click.echo(f"discrepancy: serving http://{shown}:{bound_port}/ (Ctrl+C stops)", err=True)
    if not is_local(host):
        click.echo("discrepancy: reachable from other machines: URL sources may only point at "
                   "public addresses", err=True)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # Ctrl+C is how a server is stopped: uvicorn has shut down cleanly, exit 0
    click.echo("discrepancy: stopped", err=True)
