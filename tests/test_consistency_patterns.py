"""Patterns found reading every miss and false alarm of ``benchmarks/consistency.py``.

Short quotes from FRANK (CNN/DM, BBC) and SummEdits news summaries and their
articles; each row is a general cause, not a record.
"""

import pytest

import discrepancy
from discrepancy.checks.quantity import figure_in, source_numbers, stray_figures, text_numbers
from discrepancy.model import SEVERITY_RANK, Quantity
from discrepancy.text.load import document_from_text


def _flagged(summary: str, source: str) -> list[str]:
    report = discrepancy.check(summary, [source])
    return [f.claim.text for f in report.findings if SEVERITY_RANK[f.severity] >= 2]


# Inconsistent: the summary's figure is written nowhere in the article.
@pytest.mark.parametrize(
    "summary, source",
    [
        # a figure without a subject: ages
        ("tributes have been paid to british writer adrian gill, who has died of cancer aged 84.",
         "The writer AA Gill has died at the age of 62, his family said. He fell ill in 2016."),
        # spans of time stated precisely
        ("Andrew Tate and his brother were ordered to spend another 60 days in detention.",
         "A judge ordered Andrew Tate and his brother held for another 30 days. They were held "
         "for 24 hours at first."),
        # a number the extractor does not read as a figure
        ("Lordstown will voluntarily recall 20 Endurance pickups to address an issue.",
         "Lordstown Motors is recalling 19 of its Endurance pickups to fix an electrical issue."),
        # tokenised thousands in model output
        ("plans to build more than 1, 000 old buildings have been approved.",
         "Plans to build 250 homes on the seafront have been approved by councillors."),
        # CNN/DM writes the pound sign as '#'
        ("a collection of art worth more than # 100,000 has been donated to a museum.",
         "The collection, worth about £25,000, was donated to the Bowes Museum."),
        # a precise figure is not a rounding of a loose one
        ("Binance secretly transferred $1.5 billion worth of funds to hedge funds.",
         "Binance transferred $1.8 billion. Its fund held $1 billion in reserves."),
        # a scale word changed: the bare "1.8" of "$1.8 billion" is not support
        ("Binance secretly transferred $1.8 million worth of funds to hedge funds.",
         "Binance secretly transferred $1.8 billion worth of funds to hedge funds."),
        # the number is in the article, but in a sentence about something else
        ("Police caught the gunman who executed six in a pool hall massacre on Tuesday.",
         "Police caught the gunman who executed seven in a pool hall massacre. He fired "
         "from no more than six feet away."),
    ],
)
def test_figures_no_source_writes_are_flagged(summary: str, source: str) -> None:
    assert _flagged(summary, source)


# Consistent: nothing at medium or above.
@pytest.mark.parametrize(
    "summary, source",
    [
        # vague amounts commit to no number
        ("A report by Forbes found that Binance transferred $1.8 billion to several hedge funds.",
         "Forbes reported Binance moved $1.8 billion of collateral to hedge funds."),
        ("a dumfries teacher who downloaded hundreds of indecent images has been struck off.",
         "A teacher who downloaded indecent images of children has been struck off."),
        # the same figure, spelled differently
        ("the gunman killed seven people in the pool hall.",
         "Police said 7 people were shot dead in the pool hall."),
        # tokenised thousands ("1, 000") in CNN/DM model output
        ("more than 1, 000 people were evacuated .", "More than 1,000 people were evacuated."),
        ("police say 2, 500 fans attended , and 40 were arrested .",
         "About 2,500 fans attended and police made 40 arrests."),
        ("The fund raised £1.5m.", "The fund raised 1.5 million pounds."),
        ("roughly a third of voters stayed home.", "Turnout was low: 33% of voters stayed home."),
        # tokenised '£ 20' reads as a count; the article's sentence writes the number
        ("he was fined £ 110 and ordered to pay a £ 20 victim surcharge and £ 85 costs .",
         "He was fined £110 and ordered to pay a £20 victim surcharge and £85 costs."),
        # two figures for one thing, both in the article: no internal conflict
        ("with just five goals in 29 games he looked out of place . bueno has scored 17 goals "
         "for rayo vallecano this season .",
         "With just five goals in 29 games he looked out of place. Bueno has scored 17 goals "
         "for Rayo Vallecano this season."),
        # a summary rounding its source
        ("almost 15,000 rat exterminations were carried out.",
         "Birmingham carried out 14,862 rat exterminations."),
    ],
)
def test_consistent_summaries_raise_nothing(summary: str, source: str) -> None:
    assert _flagged(summary, source) == []


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("He paid £1.5m", {1.5, 1_500_000}),
        ("more than 1, 000 people", {1000}),
        ("twenty-one dogs and seven cats", {21, 7}),
        ("in excess of 2,500 tickets", {2500}),
    ],
)
def test_text_numbers_reads_every_written_form(text: str, numbers: set[float]) -> None:
    assert numbers <= text_numbers(text)


def test_fractions_are_found_as_percents() -> None:
    doc = document_from_text("Turnout was a third of voters.")
    nums = source_numbers([(doc, discrepancy.extract(doc))])
    q = Quantity(low=33, high=33, value=33, unit="percent", dimension="percent",
                 surface_value="33", tolerance=0.015)
    assert figure_in(q, nums)


def test_stray_figures_skip_numbers_the_extractor_read() -> None:
    doc = document_from_text("Lordstown will recall 20 Endurance pickups. The gunman executed six "
                             "in a pool hall on the m4.")
    claims = discrepancy.extract(doc)
    stray = [c.text for c in stray_figures(doc, claims)]
    assert "20" in stray and "six" in stray
    assert not any("4" in s for s in stray)  # "m4" is a name, not a figure


@pytest.mark.parametrize(
    "summary, source, flagged",
    [
        ("Roughly a third of the firm's staff will lose their jobs.",
         "The firm said 33% of its staff would lose their jobs.", False),
        ("33% of the firm's staff will lose their jobs.",
         "The firm said about a third of its staff would lose their jobs.", False),
        ("Roughly a third of the firm's staff will lose their jobs.",
         "The firm said 60% of its staff would lose their jobs.", True),
    ],
)
def test_fractions_and_percents_are_one_figure(summary: str, source: str, flagged: bool) -> None:
    assert bool(_flagged(summary, source)) is flagged


def test_a_round_figure_against_a_same_subject_figure_needs_the_written_number() -> None:
    # "400-bed" matched to "40-bed" is a conflict; "380" cases in the headline,
    # a related sentence, is no rounding of it.
    source = ("Measles cases pass 380 as Graz hospital opens isolation ward. The hospital "
              "opened a 40-bed isolation unit.")
    summary = "The hospital in Graz has opened a 400-bed isolation unit in a surgical ward."
    assert "400-bed" in _flagged(summary, source)


@pytest.mark.parametrize(
    "summary, source, flagged",
    [
        # adjacent whole numbers: each one's rounding only touches the other's
        ("Since then, 457 deaths have been reported in 22 countries.",
         "Since then, 457 deaths have been reported in 21 countries.", True),
        ("Since then, 457 deaths have been reported in 21 countries.",
         "Since then, 457 deaths have been reported in 21 countries.", False),
        # a share is no count: "nine in ten patients" beside "71 patients"
        ("Seventy-one patients have been in hospital. Nearly nine in ten patients had "
         "not received both doses.",
         "Of those infected, 71 patients have needed hospital treatment. Nearly nine in "
         "ten patients had not received both doses.", False),
    ],
)
def test_close_exact_figures_and_shares(summary: str, source: str, flagged: bool) -> None:
    assert bool(_flagged(summary, source)) is flagged


@pytest.mark.parametrize(
    "summary, source",
    [
        # an open bound far below the figure is literally true but misleads
        ("more than 100 south korean students have taken the test in seoul.",
         "Some 5,500 students took the test in Seoul on Thursday."),
        # a figure without a subject is not supported by a rounding of one said
        # of something else in an unrelated sentence ("20" may round 19..21)
        ("police are searching for a man who has been missing for more than 20 years.",
         "His uncle served 19 years in the army. Police in Cork said the man was last "
         "seen in 2011."),
    ],
)
def test_loose_support_does_not_hide_a_wrong_figure(summary: str, source: str) -> None:
    assert _flagged(summary, source)


@pytest.mark.parametrize(
    "summary, source",
    [
        # "30" rounds 25..35 exclusive: the article's "35 years ago" is not it
        ("An Australian pleaded guilty to manslaughter in the death 30 years ago of an "
         "American who fell from a Sydney cliff top.",
         "An Australian pleaded guilty to manslaughter in the death 35 years ago of an "
         "American who fell from a Sydney cliff top."),
        # "$1bn" is no rounding of the "$1.5bn" profit in a related sentence
        ("The company guided for sales of $1bn in 2023 in the fourth quarter.",
         "Profit for the fourth quarter was $1.5bn. The company expects sales of $5bn in 2023."),
    ],
)
def test_rounding_intervals_exclude_their_ends(summary: str, source: str) -> None:
    assert _flagged(summary, source)


def test_a_number_inside_a_name_is_no_stray_figure() -> None:
    doc = document_from_text("Sales of SARS-CoV-2 vaccines fell.")
    assert stray_figures(doc, []) == []


def test_a_number_with_another_unit_in_a_related_sentence_is_not_the_figure() -> None:
    # "20 minutes" in a sentence about the plea does not write "20 years ago"
    summary = ("An Australian has pleaded guilty to manslaughter in the death 20 years ago "
               "of an American who fell from a Sydney clifftop.")
    source = ("An Australian pleaded guilty to manslaughter in the death 35 years ago of an "
              "American who fell from a Sydney clifftop. About 20 minutes later, he said he "
              "had been confused when he pleaded guilty to the death.")
    assert "20 years" in _flagged(summary, source)


def test_the_same_number_means_the_same_number() -> None:
    # "458" is not written where the article says "457", however close
    source = ("In total, 870 people worldwide have been infected, and 457 deaths have been "
              "reported in 21 countries.")
    summary = "Since then, around 870 infections have been reported worldwide, with 458 deaths."
    assert "458 deaths" in _flagged(summary, source)


@pytest.mark.parametrize(
    "summary, source, flagged",
    [
        # an age is no rounding of a span of time: "White, 52," does not write "50 years ago"
        ("An Australian pleaded guilty to murder in the death 50 years ago of an American "
         "who fell from a Sydney clifftop.",
         "An Australian pleaded guilty to manslaughter in the death of an American who fell "
         "from a Sydney clifftop, decades ago. White, 52, was arrested in Sydney.", True),
        # ages written three ways are one figure
        ("Scott White, 52, pleaded guilty in Sydney.",
         "Scott White, who is 52 years old, pleaded guilty in Sydney.", False),
        ("A man aged 40 was arrested in Leeds.",
         "A 40-year-old man was arrested in Leeds on Friday.", False),
        # a name with an inner capital, in tokenised text
        ("Britt McHenry , 28 , has been suspended from ESPN for one week .",
         "ESPN suspended reporter Britt McHenry for one week. The 28-year-old apologised.",
         False),
    ],
)
def test_ages_support_only_ages(summary: str, source: str, flagged: bool) -> None:
    assert bool(_flagged(summary, source)) is flagged


@pytest.mark.parametrize(
    "summary, source, flagged",
    [
        # a year no source mentions
        ("Bird flu was not deemed to be a threat to humans until 1987, after an outbreak "
         "in Hong Kong.",
         "Avian influenza was not deemed to be a threat to humans until a 1997 outbreak in "
         "Hong Kong.", True),
        ("Binance transferred $1.8 billion worth of funds to hedge funds in August 2021.",
         "CANBERRA, Feb. 23, 2023 - According to Forbes, the transfers of $1.8 billion "
         "started on 17 August last year and ran until December 2022.", True),
        # the same year, written as "last year" or as the bare year: supported
        ("Binance transferred $1.8 billion worth of funds to hedge funds in August 2022.",
         "CANBERRA, Feb. 23, 2023 - According to Forbes, the transfers of $1.8 billion "
         "started on 17 August last year.", False),
        ("The coroner first ruled on the death in 1989.",
         "A coroner had initially ruled in 1989 that the man had taken his own life.", False),
    ],
)
def test_a_year_no_source_mentions_is_unsupported(
    summary: str, source: str, flagged: bool
) -> None:
    report = discrepancy.check(summary, [source])
    dates = [f for f in report.findings if f.category == "date"]
    assert bool(dates) is flagged
    if flagged:
        assert dates[0].code in ("DQ201", "DQ202")


BRAZIL = (
    "Police have killed a gunman who slaughtered seven in a fit of rage after losing two games "
    "of pool in Brazil. Ezequias Souza Ribeiro went on the run Tuesday after executing a group "
    "of people who laughed at him. His accomplice, 30-year-old Edgar Ricardo de Oliveira, also "
    "ran from police but surrendered himself on Thursday morning and confessed to the crimes."
)


@pytest.mark.parametrize(
    "summary, flagged",
    [
        ("The gunman was killed. His accomplice, also on the run, surrendered himself to "
         "police on Friday.", True),
        ("The gunman was killed. His accomplice, also on the run, surrendered himself to "
         "police on Thursday.", False),
        ("The gunman was killed. His accomplice, also on the run, surrendered himself to "
         "police on Thursday.", False),
        # the same day, another part of it
        ("The gunman was killed. His accomplice, also on the run, surrendered himself to "
         "police on Thursday afternoon.", True),
        # a weekday for another event of the story is not compared with this one
        ("The gunman was killed on Wednesday after a chase.", False),
    ],
)
def test_weekday_names_of_the_same_event_must_agree(summary: str, flagged: bool) -> None:
    # neither text has a dateline, so weekdays resolve to no day: the names are compared
    report = discrepancy.check(summary, [BRAZIL])
    dates = [f for f in report.findings if f.code == "DQ201"]
    assert bool(dates) is flagged
    if flagged:
        assert dates[0].claim.text in ("on Friday", "on Thursday afternoon")
        assert dates[0].evidence[0].text == "on Thursday morning"


@pytest.mark.parametrize(
    "summary, source, flagged",
    [
        # a bare round figure is no rounding of a more precise one 10%+ away
        ("Swansea's £1bn tidal lagoon has been rated unrealistic.",
         "The £1.3bn Swansea tidal lagoon project is a test bed.", True),
        ("Binance secretly transferred $2 billion worth of funds to hedge funds.",
         "Binance transferred nearly $1.8 billion worth of collateral to hedge funds.", True),
        # ... but "about", "more than" and close roundings still hold
        ("Swansea's tidal lagoon will cost about £1bn.",
         "The £1.3bn Swansea tidal lagoon project is a test bed.", False),
        ("Swansea's tidal lagoon will cost more than £1bn.",
         "The £1.3bn Swansea tidal lagoon project is a test bed.", False),
        # an open bound reaches past its number only for the same thing
        ("North Korea shipped more than 800 rail cars of munitions to Russia.",
         "North Korea shipped 1,000 containers of munitions to Russia.", True),
        # two bounds the same way compare as written
        ("The Met Office warned of winds of up to 90mph in parts of Wales.",
         "The Met Office warned of gusts of up to 75mph in parts of Wales.", True),
        ("The Met Office warned of winds of up to 75mph in parts of Wales.",
         "The Met Office said gusts of 70mph were recorded in parts of Wales.", False),
        ("North Korea has shipped two million artillery shells to Russia.",
         "North Korea has shipped 2,013,450 artillery shells to Russia.", False),
        ("The council carried out 15,000 rat exterminations.",
         "Birmingham City Council carried out 14,862 rat exterminations.", False),
    ],
)
def test_bare_round_figures_round_at_most_ten_percent(
    summary: str, source: str, flagged: bool
) -> None:
    assert bool(_flagged(summary, source)) is flagged


def test_code_in_a_document_is_no_figure() -> None:
    # a pasted "<script>alert(1)</script>" is shown escaped in reports, never a figure
    doc = document_from_text("The accomplice surrendered on Thursday. <script>alert(1)</script>")
    assert [c for c in discrepancy.extract(doc) if c.quantity] == []
    assert stray_figures(doc, []) == []


def test_a_figure_without_subject_is_set_against_the_same_statement() -> None:
    # "16%" has no counted thing to match on; the source sentence saying the same
    # with "14%" is the evidence an editor needs, not "no source gives a figure"
    summary = ("The union walked out on Monday, demanding a 16% wage increase over two years, "
               "while terminal operators have offered 6%.")
    source = ("Some 4,200 dockworkers walked out on Monday. The union is demanding a 14% wage "
              "increase over two years; terminal operators have offered 6%.")
    report = discrepancy.check(summary, [source])
    [f] = [f for f in report.findings if f.severity != "low"]
    assert (f.code, f.claim.text, f.evidence[0].text) == ("DQ101", "16%", "14%")
    assert "(1.14x apart)" in f.message
