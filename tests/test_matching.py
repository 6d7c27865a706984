import pytest

from discrepancy.checks.matching import canonical_subject, match_quantities, subject_scores
from discrepancy.options import Options

from helpers import qclaim


@pytest.mark.parametrize(
    "a, b",
    [
        ("artillery shell", "round"),
        ("artillery shell", "shell"),
        ("rail car", "railcar"),
        ("rail car", "wagon"),
        ("ballistic missile", "missile"),
        ("container", "shipping container"),
        ("individual", "person"),
        ("north korean vessel", "ship"),
    ],
)
def test_synonyms_and_modifiers_match(a: str, b: str) -> None:
    assert subject_scores([a], [b])[0, 0] >= 80


@pytest.mark.parametrize(
    "a, b",
    [
        ("container", "artillery shell"),
        ("rail car", "ballistic missile"),
        ("missile boat", "missile"),
        ("", "shell"),
        ("tanker", "tank"),
    ],
)
def test_different_things_do_not_match(a: str, b: str) -> None:
    assert subject_scores([a], [b])[0, 0] < 80


def test_canonical_subject_prefers_longest_phrase() -> None:
    assert canonical_subject("artillery round") == "shell"
    assert canonical_subject("rail car") == "rail_car"


def test_user_synonym_groups_extend_the_lexicon() -> None:
    t = [qclaim("12 drones", 12, subject="quadcopter")]
    s = [qclaim("a dozen UAVs", 12, subject="uav", doc="s")]
    assert not match_quantities(t, s)
    assert match_quantities(t, s, Options(synonyms=(("uav", "quadcopter"),)))


def test_only_same_dimension_is_matched() -> None:
    t = [qclaim("25 tons of armaments", 25000, subject="armament", dimension="mass")]
    s = [qclaim("25 armaments", 25, subject="armament", doc="s")]
    assert match_quantities(t, s) == []


def test_many_to_many_matching_pairs_every_candidate() -> None:
    t = [qclaim("20 million+", 2e7, float("inf"), subject="artillery shell"),
         qclaim("800 rail cars", 800, subject="rail car", start=50)]
    s = [qclaim("two million rounds", 2e6, subject="artillery shell", doc="s"),
         qclaim("10,000 containers", 1e4, subject="container", doc="s", start=30),
         qclaim("2m shells", 2e6, subject="shell", doc="s", start=60)]
    pairs = {(m.claim.text, m.evidence.text) for m in match_quantities(t, s)}
    assert pairs == {("20 million+", "two million rounds"), ("20 million+", "2m shells")}
