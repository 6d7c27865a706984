import math

import pytest

from discrepancy.checks.quantity import (
    agree,
    frames_compatible,
    gap_ratio,
    internal_findings,
    quantity_findings,
    severity_for_ratio,
)
from discrepancy.model import Period
from discrepancy.text.load import document_from_text

from helpers import qclaim

INF = math.inf


def _q(low, high=None, **kw):
    c = qclaim("x", low, high, **kw)
    assert c.quantity is not None
    return c.quantity


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (_q(2e6, tolerance=0.25), _q(2.1e6, tolerance=0.05), True),  # "two million" vs "2.1m"
        (_q(2_013_450), _q(2e6, tolerance=0.25), True),
        (_q(2_013_450), _q(2e6), False),  # both exact: no rounding slack
        (_q(2e7, INF, qualifier="plus"), _q(2e6, INF, qualifier="more_than"), False),
        (_q(2.2e6, INF, qualifier="plus"), _q(2e6, INF, qualifier="more_than"), True),
        (_q(2e7, INF, qualifier="plus"), _q(2e6, 2e6, tolerance=0.25), False),
        (_q(24, 100, qualifier="vague"), _q(800, INF, qualifier="more_than"), False),
        (_q(1243), _q(1200, INF, qualifier="more_than"), True),
        (_q(1430), _q(1243), False),
        (_q(22, tolerance=0.5 / 22), _q(21, tolerance=0.5 / 21), False),  # touching ends
        (_q(21, tolerance=0.5 / 21), _q(21), True),  # a point on the other's interval
        (_q(0, INF, qualifier="unknown"), _q(24, 100, qualifier="vague"), False),
    ],
)
def test_agreement_uses_intervals_and_rounding(a, b, expected) -> None:
    assert agree(a, b) is expected
    assert agree(b, a) is expected


@pytest.mark.parametrize(
    "ratio, severity",
    [(10.0, "high"), (2.0, "high"), (1.5, "medium"), (1.15, "medium"), (1.05, "low")],
)
def test_severity_grows_with_the_ratio(ratio: float, severity: str) -> None:
    assert severity_for_ratio(ratio) == severity


def test_gap_ratio_measures_the_gap_between_intervals() -> None:
    assert gap_ratio(_q(2e7, INF), _q(2e6)) == pytest.approx(10)
    assert gap_ratio(_q(24, 100), _q(800, INF)) == pytest.approx(8)


def test_relative_frames_never_block_a_comparison() -> None:
    recent = Period("2023-10-23", "2024-01-23", granularity="relative")
    winter = Period("2022-09-01", "2023-01-31", granularity="month")
    spring = Period("2023-03-01", "2023-05-31", granularity="month")
    assert frames_compatible(recent, winter)
    assert not frames_compatible(winter, spring)
    assert frames_compatible(None, spring)


TARGET = document_from_text("Summary with figures.")


def _src(*claims):
    return [(document_from_text("Source."), list(claims))]


def test_conflict_found_with_severity_and_ratio() -> None:
    t = [qclaim("20 million+", 2e7, INF, subject="artillery shell", qualifier="plus")]
    s = _src(qclaim("more than two million rounds", 2e6, INF, subject="artillery shell",
                    qualifier="more_than", doc="source1", tolerance=0.25))
    findings = quantity_findings(TARGET, t, s)
    assert [(f.kind, f.severity) for f in findings] == [("conflict", "high")]
    assert findings[0].ratio is not None and findings[0].ratio > 5
    assert findings[0].evidence[0].text == "more than two million rounds"
    assert findings[0].code == "DQ101"


def test_figure_with_no_source_is_unsupported() -> None:
    t = [qclaim("at least 25-30 tons", 25000, INF, subject="armament", dimension="mass",
                qualifier="at_least")]
    s = _src(qclaim("10,000 containers", 1e4, subject="container", doc="source1"))
    findings = quantity_findings(TARGET, t, s)
    assert [(f.kind, f.code) for f in findings] == [("unsupported", "DQ102")]


def test_same_value_elsewhere_in_source_counts_as_support() -> None:
    t = [qclaim("1,200 families", 1200, subject="family", context="flood displaced valley")]
    s = _src(qclaim("1,200 households", 1200, subject="household", doc="source1",
                    context="flood displaced river valley"))
    assert quantity_findings(TARGET, t, s) == []


def test_same_value_in_an_unrelated_sentence_is_no_support() -> None:
    t = [qclaim("1,200 families", 1200, subject="family", context="flood displaced valley")]
    s = _src(qclaim("1,200 tickets", 1200, subject="ticket", doc="source1",
                    context="concert sold weekend"))
    assert [f.kind for f in quantity_findings(TARGET, t, s)] == ["unsupported"]


def test_different_things_never_conflict() -> None:
    t = [qclaim("20 million+", 2e7, INF, subject="artillery shell", qualifier="plus")]
    s = _src(qclaim("more than 10,000 containers", 1e4, INF, subject="container",
                    qualifier="more_than", doc="source1"),
             qclaim("20 million containers", 2e7, subject="container", doc="source1"))
    assert [f.kind for f in quantity_findings(TARGET, t, s)] == ["unsupported"]


def test_figures_for_different_times_do_not_conflict() -> None:
    october = Period("0001-01-01", "2023-10-15", granularity="open", open_start=True)
    february = Period("2023-09-01", "2024-02-23", granularity="open", open_end=True)
    t = [qclaim("1,000 containers", 1000, subject="container", frame=october)]
    s = _src(qclaim("more than 10,000 containers", 1e4, INF, subject="container",
                    qualifier="more_than", doc="source1", frame=february))
    assert [f.kind for f in quantity_findings(TARGET, t, s)] == ["unsupported"]


def test_internal_conflict_reported_once_per_pair() -> None:
    claims = [
        qclaim("dozens of rail cars", 24, 100, subject="rail car", qualifier="vague",
               context="rail car transported armament russia"),
        qclaim("more than 800 rail cars", 800, INF, subject="rail car", start=100,
               qualifier="more_than", context="exported rail car ammunition russia",
               sentence=1),
    ]
    findings = internal_findings(TARGET, claims)
    assert len(findings) == 1
    f = findings[0]
    assert (f.kind, f.code, f.severity) == ("internal", "DQ103", "high")
    assert f.claim.text == "dozens of rail cars"
    assert f.evidence[0].text == "more than 800 rail cars"


def test_unknown_figure_conflicts_with_a_known_one() -> None:
    t = [qclaim("Missiles Unknown", 0, INF, subject="missile", qualifier="unknown")]
    s = _src(qclaim("dozens of ballistic missiles", 24, 100, subject="ballistic missile",
                    qualifier="vague", doc="source1"))
    findings = quantity_findings(TARGET, t, s)
    assert [(f.kind, f.severity) for f in findings] == [("conflict", "medium")]


def test_bound_far_below_an_exact_figure_is_a_low_severity_conflict() -> None:
    t = [qclaim("more than 500 people", 500, INF, subject="person", qualifier="more_than")]
    s = _src(qclaim("1,243 people", 1243, subject="person", doc="source1"))
    findings = quantity_findings(TARGET, t, s)
    assert [(f.kind, f.severity) for f in findings] == [("conflict", "low")]


def test_bound_close_to_an_exact_figure_agrees() -> None:
    t = [qclaim("more than 1,200 people", 1200, INF, subject="person", qualifier="more_than")]
    s = _src(qclaim("1,243 people", 1243, subject="person", doc="source1"))
    assert quantity_findings(TARGET, t, s) == []


def test_a_figure_reported_on_a_day_is_not_a_running_total() -> None:
    since = Period("2022-09-01", "2024-01-23", granularity="open", open_end=True)
    friday = Period("2023-09-08", "2023-09-08", granularity="day")
    t = [qclaim("20 million+", 2e7, INF, subject="artillery shell", qualifier="plus",
                frame=since)]
    s = _src(qclaim("more than two million rounds", 2e6, INF, subject="artillery shell",
                    qualifier="more_than", doc="source1", frame=friday))
    assert [f.kind for f in quantity_findings(TARGET, t, s)] == ["conflict"]


def test_a_part_is_not_an_internal_conflict_with_its_total() -> None:
    claims = [
        qclaim("more than 500 individuals and entities", 500, INF,
               subject="individual and entity", qualifier="more_than"),
        qclaim("Two entities", 2, subject="entity", start=200),
    ]
    assert internal_findings(TARGET, claims) == []


def test_overlapping_bounds_for_other_things_are_no_support() -> None:
    t = [qclaim("more than 800 rail cars", 800, INF, subject="rail car", qualifier="more_than")]
    s = _src(qclaim("more than 500 individuals", 500, INF, subject="individual",
                    qualifier="more_than", doc="source1"))
    assert [f.kind for f in quantity_findings(TARGET, t, s)] == ["unsupported"]


def test_same_subject_in_unrelated_sentences_is_no_internal_conflict() -> None:
    claims = [
        qclaim("19 people", 19, subject="person", context="flood killed region official"),
        qclaim("640 residents", 640, subject="resident", start=100,
               context="evacuation resident left home monday"),
    ]
    assert internal_findings(TARGET, claims) == []
