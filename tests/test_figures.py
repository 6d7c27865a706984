import io
import json
import math
import random
from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.figure_table import (
    FigureTable,
    figure_table,
    group_claims,
    interval,
    max_coverage,
)
from discrepancy.model import Claim, Period
from discrepancy.options import Options
from discrepancy.report.figure_table import FIGURE_FORMATS, render_figures
from discrepancy.text.load import document_from_text

from helpers import qclaim

INF = math.inf
DOCS = [document_from_text("Some text.", id=i) for i in ("a", "b", "c", "d")]
OCT = Period("2023-09-01", "2023-10-15", granularity="month", open_start=True)  # by mid-Oct
SINCE_SEP = Period("2023-09-01", "2024-02-23", granularity="month", open_end=True)


def table(*claims: Claim, docs=DOCS, options: Options | None = None) -> FigureTable:
    return figure_table(docs, list(claims), options)


def shells(doc: str, text: str, low: float, high: float | None = None, **kw) -> Claim:
    kw.setdefault("subject", "artillery shell")
    return qclaim(text, low, high, doc=doc, **kw)


TWO_M = [
    shells("a", "two million rounds", 2e6, subject="round", tolerance=0.25),
    shells("b", "2m shells", 2e6, subject="shell", tolerance=0.25),
    shells("c", "over 2,000,000 artillery shells", 2e6, INF, qualifier="more_than"),
]


def _layout(t: FigureTable) -> list[tuple[str, list[str]]]:
    return [(g.verdict, [c.text for c in g.claims]) for g in t.groups]


def test_paraphrases_of_one_figure_form_one_agreeing_group() -> None:
    t = table(*TWO_M)
    assert _layout(t) == [
        ("agree", ["two million rounds", "2m shells", "over 2,000,000 artillery shells"])
    ]
    g = t.groups[0]
    assert g.documents == ("a", "b", "c")
    assert (g.consensus_low, g.consensus_high) == (2e6, 2.5e6)
    assert g.outliers == ()


def test_the_outlier_among_three_is_named() -> None:
    t = table(*TWO_M[:2], shells("d", "20 million+", 2e7, INF, qualifier="plus"))
    (g,) = t.groups
    assert g.verdict == "conflict"
    assert g.outliers == ("d",)
    assert g.consensus_low == pytest.approx(1.5e6)
    assert g.consensus_high == pytest.approx(2.5e6)


def test_two_documents_that_disagree_conflict_without_a_majority() -> None:
    t = table(
        shells("a", "20 million+", 2e7, INF, qualifier="plus"),
        shells("b", "more than two million rounds", 2e6, INF, qualifier="more_than",
               subject="round", tolerance=0.25),
    )
    (g,) = t.groups
    assert (g.verdict, g.outliers, g.consensus_low) == ("conflict", (), None)


def test_single_source() -> None:
    t = table(qclaim("38 ships", 38, subject="ship", doc="b"))
    (g,) = t.groups
    assert (g.verdict, g.documents, g.consensus_low, g.consensus_high) == (
        "single source", ("b",), 38, 38,
    )


def test_similar_subjects_do_not_chain_unrelated_things() -> None:
    # "container ship" ~ "ship" ~ "cruise ship", but a container ship is no cruise ship:
    # single linkage would put all three in one group and call it a conflict.
    t = table(
        qclaim("500 container ships", 500, subject="container ship", doc="a"),
        qclaim("500 ships", 500, subject="ship", doc="b"),
        qclaim("20 cruise ships", 20, subject="cruise ship", doc="c"),
    )
    assert _layout(t) == [
        ("agree", ["500 container ships", "500 ships"]),
        ("single source", ["20 cruise ships"]),
    ]


@pytest.mark.parametrize(
    "frame_a, frame_b, groups",
    [
        (OCT, SINCE_SEP, 2),  # totals at different dates: growth, not conflict
        (None, SINCE_SEP, 1),  # no frame: comparable with anything
        (SINCE_SEP, SINCE_SEP, 1),
    ],
)
def test_time_frames_keep_growing_totals_apart(frame_a, frame_b, groups) -> None:
    t = table(
        qclaim("1,000 containers", 1000, subject="container", doc="a", frame=frame_a),
        qclaim("more than 10,000 containers", 10_000, INF, qualifier="more_than",
               subject="container", doc="b", frame=frame_b),
    )
    assert len(t.groups) == groups
    assert [g.verdict for g in t.groups].count("conflict") == (1 if groups == 1 else 0)


def test_one_document_with_two_different_figures_gives_two_groups() -> None:
    t = table(
        qclaim("1,000 containers", 1000, subject="container", doc="a"),
        qclaim("10,000 containers", 10_000, subject="container", doc="a", start=40),
        qclaim("10,000 containers", 10_000, subject="container", doc="b"),
    )
    assert _layout(t) == [
        ("agree", ["10,000 containers", "10,000 containers"]),
        ("single source", ["1,000 containers"]),
    ]


def test_a_repeated_figure_fills_one_cell() -> None:
    t = table(
        qclaim("38 ships", 38, subject="ship", doc="a"),
        qclaim("38 vessels", 38, subject="vessel", doc="a", start=30),
        qclaim("38 ships", 38, subject="ship", doc="b"),
    )
    (g,) = t.groups
    assert [c.text for c in g.claims_for("a")] == ["38 ships", "38 vessels"]
    assert t.to_frame().loc["G1", "a"] == "38 ships; 38 vessels"


def test_context_decides_between_equally_similar_subjects() -> None:
    def person(doc: str, text: str, n: float, ctx: tuple[str, ...], start: int = 0) -> Claim:
        return replace(qclaim(text, n, subject="person", doc=doc, start=start), context=ctx)

    killed = ("flood", "kill", "village")
    evacuated = ("evacuate", "home", "flood")
    t = table(
        person("a", "12 people", 12, killed),
        person("a", "3,000 people", 3000, evacuated, start=50),
        person("b", "3,000 residents", 3000, evacuated),
        person("b", "12 people", 12, killed, start=50),
    )
    assert sorted(_layout(t)) == [
        ("agree", ["12 people", "12 people"]),
        ("agree", ["3,000 people", "3,000 residents"]),
    ]


def test_unknown_and_subjectless_figures_are_left_out() -> None:
    t = table(
        qclaim("Unknown", 0, INF, qualifier="unknown", subject="rocket", doc="a"),
        qclaim("2020", 2020, subject="", doc="b"),
    )
    assert t.groups == ()
    assert t.to_frame().empty
    assert list(t.to_frame().columns)[4:8] == ["a", "b", "c", "d"]


def test_dimensions_never_mix() -> None:
    t = table(
        qclaim("2m tonnes of cargo", 2e6, subject="cargo", dimension="mass", unit="tonne", doc="a"),
        qclaim("2m pieces of cargo", 2e6, subject="cargo", doc="b"),
    )
    assert sorted(g.dimension for g in t.groups) == ["count", "mass"]


def test_groups_are_sorted_and_numbered_conflicts_first() -> None:
    t = table(
        qclaim("38 ships", 38, subject="ship", doc="a"),
        qclaim("38 vessels", 38, subject="vessel", doc="b"),
        qclaim("5 cranes", 5, subject="crane", doc="c"),
        *TWO_M[:2], shells("d", "20 million+", 2e7, INF, qualifier="plus"),
    )
    assert [(g.id, g.verdict, g.subject) for g in t.groups] == [
        ("G1", "conflict", "round"),
        ("G2", "agree", "ship"),
        ("G3", "single source", "crane"),
    ]


def test_same_claims_in_any_order_give_the_same_table() -> None:
    claims = [
        *TWO_M, shells("d", "20 million+", 2e7, INF, qualifier="plus"),
        qclaim("38 ships", 38, subject="ship", doc="a", start=100),
        qclaim("38 vessels", 38, subject="vessel", doc="b", start=100),
        qclaim("1,000 containers", 1000, subject="container", doc="c", start=100, frame=OCT),
        qclaim("10,000 containers", 10_000, subject="container", doc="d", start=100,
               frame=SINCE_SEP),
    ]
    expected = render_figures(table(*claims), "json")
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(claims)
        assert render_figures(table(*claims), "json") == expected


def test_to_frame_is_a_pivot_with_documents_in_argument_order() -> None:
    docs = [DOCS[2], DOCS[0], DOCS[3], DOCS[1]]  # c, a, d, b
    t = table(*TWO_M, shells("d", "20 million+", 2e7, INF, qualifier="plus"), docs=docs)
    frame = t.to_frame()
    assert list(frame.columns) == [
        "subject", "dimension", "unit", "period", "c", "a", "d", "b",
        "consensus_low", "consensus_high", "verdict", "outliers",
    ]
    row = frame.loc["G1"]
    assert row["c"] == "over 2,000,000 artillery shells"
    assert row["d"] == "20 million+"
    assert (row["verdict"], row["outliers"]) == ("conflict", "d")


def test_to_dict_names_each_cell_with_its_location() -> None:
    doc = document_from_text("Headline\nThey fired 2m shells last week.", id="a")
    start = doc.text.index("2m shells")
    c = replace(
        qclaim("2m shells", 2e6, subject="shell", doc="a", start=start, tolerance=0.25),
        sentence=1,
    )
    data = figure_table([doc], [c]).to_dict()
    (cell,) = data["groups"][0]["cells"]["a"]
    assert (cell["line"], cell["column"], cell["text"]) == (2, 12, "2m shells")
    assert cell["sentence"] == "They fired 2m shells last week."
    assert data["summary"] == {
        "documents": 1, "claims": 1, "groups": 1, "conflict": 0, "agree": 0, "single source": 1,
    }


# -- consensus arithmetic -------------------------------------------------------------------


@pytest.mark.parametrize(
    "intervals, count, regions",
    [
        ([(1, 2), (1.5, 3), (10, 20)], 2, [(1.5, 2)]),
        ([(1, 2), (2, 3)], 2, [(2, 2)]),  # touching intervals overlap, as in agree()
        ([(1, 2), (3, 4)], 1, [(1, 2), (3, 4)]),
        ([(1, 5), (2, 3), (4, 6)], 2, [(2, 3), (4, 5)]),
        ([], 0, []),
    ],
)
def test_max_coverage(intervals, count, regions) -> None:
    assert max_coverage(intervals) == (count, regions)


# -- renderers ------------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script> | *20* & more'


def _hostile_table() -> FigureTable:
    doc = document_from_text(f"They said {HOSTILE} shells.", id="evil<doc>")
    start = doc.text.index(HOSTILE)
    c = qclaim(HOSTILE, 2e7, subject="shell", doc="evil<doc>", start=start)
    other = qclaim("2m shells", 2e6, subject="shell", doc="b", tolerance=0.25)
    return figure_table([doc, DOCS[1]], [c, other])


@pytest.mark.parametrize("fmt", FIGURE_FORMATS)
def test_every_format_renders_deterministically(fmt: str) -> None:
    t = table(*TWO_M, shells("d", "20 million+", 2e7, INF, qualifier="plus"))
    out = render_figures(t, fmt)
    assert out == render_figures(t, fmt)
    assert out.endswith("\n")
    assert "\r" not in out


def test_json_parses_back() -> None:
    t = table(*TWO_M, shells("d", "20 million+", 2e7, INF, qualifier="plus"))
    data = json.loads(render_figures(t, "json"))
    assert [d["id"] for d in data["documents"]] == ["a", "b", "c", "d"]
    (g,) = data["groups"]
    assert (g["verdict"], g["outliers"], g["consensus"]) == (
        "conflict", ["d"], {"low": 2000000, "high": 2500000},
    )
    assert list(g["cells"]) == ["a", "b", "c", "d"]


def test_csv_reads_back_into_the_frame() -> None:
    t = table(*TWO_M, shells("d", "20 million+", 2e7, INF, qualifier="plus"),
              qclaim("38 ships", 38, subject="ship", doc="b", start=100))
    back = pd.read_csv(io.StringIO(render_figures(t, "csv")), index_col="group")
    frame = t.to_frame()
    assert list(back.columns) == list(frame.columns)
    assert list(back.index) == ["G1", "G2"]
    assert back.loc["G1", "d"] == "20 million+"
    assert back.loc["G2", "b"] == "38 ships"
    assert pd.isna(back.loc["G2", "a"])
    assert back.loc["G1", "consensus_high"] == 2.5e6


def test_html_escapes_document_text_and_loads_nothing() -> None:
    out = render_figures(_hostile_table(), "html")
    assert "<script" not in out
    assert "&lt;script&gt;" in out
    assert "evil&lt;doc&gt;" in out
    assert "default-src &#x27;none&#x27;" in out
    assert "http://" not in out and "https://" not in out
    # each figure opens to its quote and location
    assert "<details><summary>" in out and "<blockquote>" in out


def test_markdown_escapes_table_syntax() -> None:
    out = render_figures(_hostile_table(), "markdown")
    row = next(line for line in out.splitlines() if line.startswith("| G1"))
    assert row.count(" | ") == 5  # group, subject, 2 documents, consensus, verdict
    assert "<script>" not in out


def test_table_marks_the_outlier() -> None:
    t = table(*TWO_M, shells("d", "20 million+", 2e7, INF, qualifier="plus"))
    out = render_figures(t, "table")
    assert "✗" in out
    assert "outlier d" in out
    assert out.splitlines()[-1] == (
        "1 conflict, 0 agree, 0 single source — 1 figure group in 4 documents"
    )


# -- properties -----------------------------------------------------------------------------

SUBJECTS = ["shell", "round", "artillery shell", "container", "ship", "cruise ship", "cargo"]


@st.composite
def claim_sets(draw: st.DrawFn) -> list[Claim]:
    n = draw(st.integers(1, 14))
    out = []
    for i in range(n):
        low = draw(st.sampled_from([10, 12, 100, 1000, 2e6, 2.2e6, 2e7]))
        open_ = draw(st.booleans())
        out.append(qclaim(
            f"c{i}", low, INF if open_ else low, qualifier="more_than" if open_ else "exact",
            subject=draw(st.sampled_from(SUBJECTS)), doc=draw(st.sampled_from("abcd")),
            start=i * 10, tolerance=draw(st.sampled_from([0.0, 0.25])),
            frame=draw(st.sampled_from([None, OCT, SINCE_SEP])),
        ))
    return out


@settings(max_examples=60, deadline=None)
@given(claim_sets())
def test_groups_partition_the_claims_and_verdicts_follow_the_intervals(claims) -> None:
    from discrepancy.checks.matching import subject_scores

    groups = group_claims(sorted(claims, key=lambda c: (c.doc, c.start)))
    assert sorted(c.text for g in groups for c in g) == sorted(c.text for c in claims)
    for g in groups:
        scores = subject_scores([c.subject for c in g], [c.subject for c in g])
        assert (scores >= Options().min_subject_score).all()  # complete linkage: every pair

    t = table(*claims)
    for g in t.groups:
        # A document agrees where any of its figures does; some point (a left end) must
        # then lie in a figure of every document.
        spans = {doc: [interval(c) for c in cs] for doc, cs in g.cells}
        ends = [lo for ivs in spans.values() for lo, _ in ivs]
        all_overlap = any(
            all(any(lo <= x <= hi for lo, hi in ivs) for ivs in spans.values()) for x in ends
        )
        if len(g.cells) == 1:
            assert g.verdict == "single source"
        else:
            assert (g.verdict == "agree") == all_overlap
        if g.outliers:
            assert g.verdict == "conflict" and len(g.outliers) < len(g.cells)


# -- figures without a subject --------------------------------------------------------------


def _bare(doc: str, text: str, low: float, ctx: tuple[str, ...], **kw) -> Claim:
    kw.setdefault("dimension", "mass")
    kw.setdefault("unit", "kilogram")
    return replace(qclaim(text, low, doc=doc, **kw), context=ctx)


STRANDED = ("port", "strike", "tonne", "cargo", "stranded", "quay")


def test_a_figure_without_subject_joins_the_group_it_repeats() -> None:
    named = [
        replace(qclaim("two million tonnes", 2e9, subject="cargo", dimension="mass",
                       unit="kilogram", tolerance=0.25, doc="a"), context=STRANDED),
        replace(qclaim("20 million tonnes", 2e10, subject="cargo", dimension="mass",
                       unit="kilogram", tolerance=0.25, doc="d"), context=STRANDED),
    ]
    bare = [
        _bare("b", "2m tonnes", 2e9, ("cargo", "stranded", "quay", "storage"), tolerance=0.25),
        _bare("c", "over 2,000,000 tonnes", 2e9, ("stoppage", "tonne", "cargo", "quay")),
    ]
    (g,) = table(*named, *bare).groups
    assert g.documents == ("a", "b", "c", "d")
    assert (g.verdict, g.outliers) == ("conflict", ("d",))


def test_a_context_match_never_makes_a_conflict() -> None:
    wage = ("union", "operator", "offer", "increase", "volume")
    t = table(
        _bare("a", "14%", 14, wage, dimension="percent", unit="percent"),
        _bare("b", "6%", 6, wage, dimension="percent", unit="percent"),
        _bare("c", "14%", 14, wage, dimension="percent", unit="percent"),
    )
    assert _layout(t) == [("agree", ["14%", "14%"]), ("single source", ["6%"])]


def test_unrelated_sentences_keep_bare_figures_apart() -> None:
    t = table(
        _bare("a", "€18m a day", 1.8e7, ("cost", "economy", "day"), dimension="currency:EUR",
              unit="EUR"),
        _bare("b", "€18m", 1.8e7, ("fine", "court", "ruling"), dimension="currency:EUR",
              unit="EUR"),
    )
    assert [g.verdict for g in t.groups] == ["single source", "single source"]
