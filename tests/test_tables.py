"""Plain-text, pipe and tab tables in AI summaries as quantity claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from discrepancy.model import Document, Quantity
from discrepancy.recognizers.tables import extract_table_claims

from helpers import fake_cell

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_plain_table_with_caption() -> None:
    doc = Document.from_text((SEEDS / "000_49d02485ee17d19b.txt").read_text("utf-8"))
    rows = extract_table_claims(doc, fake_cell)
    assert [(r.subject, r.text) for r in rows] == [
        ("artillery shell", "20 million+"),
        ("rocket", "Unknown"),
        ("missile", "Unknown"),
    ]
    for r in rows:
        assert r.source == "table" and r.category == "quantity"
        assert doc.text[r.start:r.end] == r.text
        assert r.time_frame is not None and r.time_frame.start == "2022-09-01"
        assert r.time_frame.open_end
        assert "known" in r.context  # the caption's words, for matching
    assert rows[0].quantity is not None and rows[0].quantity.low == 20e6
    assert rows[1].quantity is not None and rows[1].quantity.qualifier == "unknown"


def test_seed_table_with_real_cell_parser() -> None:
    doc = Document.from_text((SEEDS / "000_49d02485ee17d19b.txt").read_text("utf-8"))
    rows = extract_table_claims(doc)
    assert len(rows) == 3
    assert rows[0].quantity is not None and rows[0].quantity.low == pytest.approx(20e6)
    assert rows[2].quantity is not None and rows[2].quantity.qualifier == "unknown"


def test_pipe_table_with_unit_in_header() -> None:
    text = (
        "Shipments by type.\n\n"
        "| Item | Volume (tons) |\n"
        "|------|--------------:|\n"
        "| Rice | 1,200 |\n"
        "| Wheat | 300 |\n"
    )
    doc = Document.from_text(text)
    got: list[tuple[str, str]] = []

    def spy(value: str, subject: str) -> Quantity | None:
        got.append((value, subject))
        return fake_cell(value, subject)

    rows = extract_table_claims(doc, spy)
    assert [r.text for r in rows] == ["1,200", "300"]
    assert got == [("1,200 tons", "Rice"), ("300 tons", "Wheat")]


def test_pipe_table_picks_the_value_column() -> None:
    text = "| Country | Quantity | Source |\n|---|---|---|\n| Iran | 400 | Reuters |\n"
    rows = extract_table_claims(Document.from_text(text), fake_cell)
    assert [(r.subject, r.text) for r in rows] == [("iran", "400")]


def test_tab_separated_table() -> None:
    text = "Weapon\tQuantity\nShells\t2 million\nDrones\tUnknown\n"
    rows = extract_table_claims(Document.from_text(text), fake_cell)
    assert [(r.subject, r.text) for r in rows] == [("shell", "2 million"), ("drone", "Unknown")]
    assert all(r.time_frame is None for r in rows)


def test_plain_table_caption_above() -> None:
    text = (
        "Table 2: Deliveries in 2023\n"
        "Category Total\n"
        "Tanks 120\n"
        "Howitzers 45\n"
    )
    rows = extract_table_claims(Document.from_text(text), fake_cell)
    assert [r.text for r in rows] == ["120", "45"]
    assert rows[0].time_frame is not None and rows[0].time_frame.start == "2023-01-01"


