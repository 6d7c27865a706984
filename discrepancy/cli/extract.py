"""``discrepancy extract ARTICLE``: every figure, date and attribution found in one text."""

from __future__ import annotations

import click

from ..app.inputs import load_inputs
from .files import expand_inputs
from .group import debug_option


@click.command("extract")
@click.argument("article", metavar="ARTICLE")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@debug_option
def extract_command(article: str, fmt: str) -> None:
    """List every figure, date and attribution found in ARTICLE (- for stdin)."""
    from .. import extract
    from ..report.claims import render_claims_json, render_claims_table

    files = expand_inputs([article], "article")
    if len(files) != 1:
        raise click.UsageError(f"{article}: give one file, not a directory of {len(files)}")
    doc = load_inputs(files, "target", set())[0]
    claims = extract(doc)
    text = render_claims_json(doc, claims) if fmt == "json" else render_claims_table(doc, claims)
    click.echo(text, nl=False)
