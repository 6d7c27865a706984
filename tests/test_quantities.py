"""Quantity extraction on news-style sentences: value interval, qualifier, unit, subject."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.model import Claim, Document, Sentence
from discrepancy.recognizers.quantities import extract_quantities, quantity_from_cell

INF = math.inf


def doc(text: str) -> Document:
    return Document("t", text, sentences=(Sentence(0, 0, len(text), 1, 1, text),))


def claims(text: str) -> list[Claim]:
    return extract_quantities(doc(text))


def only(text: str, span: str) -> Claim:
    found = [c for c in claims(text) if c.text == span]
    assert found, f"no claim {span!r} in {[c.text for c in claims(text)]}"
    return found[0]


# (sentence, claim text, low, high, qualifier, dimension, unit, subject)
CASES: list[tuple[str, str, float, float, str, str, str, str]] = [
    # --- the seed mentions
    ("North Korea has shipped more than two million rounds of 152mm artillery shells to Russia.",
     "more than two million rounds", 2e6, INF, "more_than", "count", "", "artillery shell"),
    ("Analysts said North Korea exported more than 800 rail cars worth of rockets.",
     "more than 800 rail cars", 800, INF, "more_than", "count", "", "rail car"),
    ("Each rail car likely contained at least 25-30 tons of armaments.",
     "at least 25-30 tons", 25000, INF, "at_least", "mass", "kilogram", "armament"),
    ("It shipped more than 10,000 containers of munitions since September.",
     "more than 10,000 containers", 10000, INF, "more_than", "count", "", "container"),
    # "some" before a figure is "about", also after a verb's particle ("brought in")
    ("The company has brought in some 300 agency drivers to clear deliveries.",
     "some 300 agency drivers", 250, 350, "approx", "count", "", "agency driver"),
    ("About 1,000 containers of equipment have been delivered.",
     "About 1,000 containers", 500, 1500, "approx", "count", "", "container"),
    ("Officials said 1,000 containers arrived in Russia.",
     "1,000 containers", 1000, 1000, "exact", "count", "", "container"),
    ("Russia has launched dozens of ballistic missiles at Ukraine.",
     "dozens of ballistic missiles", 24, 100, "vague", "count", "", "ballistic missile"),
    ("The US imposed sanctions against more than 500 individuals and entities.",
     "more than 500 individuals and entities", 500, INF, "more_than", "count", "",
     "individual and entity"),
    ("Artillery Shells 20 million+",
     "20 million+", 20e6, INF, "plus", "count", "", "artillery shell"),
    # --- digits, separators, decimals, scale words
    ("The company sold 10,000 units last quarter.",
     "10,000 units", 10000, 10000, "exact", "count", "", "unit"),
    ("Prices rose to 2.5 euros a kilo.", "2.5 euros a kilo", 2.5, 2.5, "exact", "currency:EUR",
     "EUR", ""),
    ("The deal is worth 1.2bn dollars.", "1.2bn dollars", 1.2e9, 1.2e9, "exact", "currency:USD",
     "USD", ""),
    ("The firm raised $3.5m in new funding.", "$3.5m", 3.5e6, 3.5e6, "exact", "currency:USD",
     "USD", ""),
    ("He was paid £1.5m last year.", "£1.5m", 1.5e6, 1.5e6, "exact", "currency:GBP", "GBP", ""),
    ("The fine is €200,000.", "€200,000", 2e5, 2e5, "exact", "currency:EUR", "EUR", ""),
    ("The app has 20k users.", "20k users", 2e4, 2e4, "exact", "count", "", "user"),
    ("The museum drew 2 million visitors.", "2 million visitors", 2e6, 2e6, "exact", "count", "",
     "visitor"),
    ("Revenue reached US$7.2 billion.", "US$7.2 billion", 7.2e9, 7.2e9, "exact", "currency:USD",
     "USD", ""),
    ("The bill came to 333.6 million yen.", "333.6 million yen", 333.6e6, 333.6e6, "exact",
     "currency:JPY", "JPY", ""),
    ("Sales fell to 9 billion yuan.", "9 billion yuan", 9e9, 9e9, "exact", "currency:CNY", "CNY",
     ""),
    ("Passengers paid a total of HK$216,925 for flights.", "HK$216,925", 216925, 216925, "exact",
     "currency:HKD", "HKD", ""),
    ("Tickets cost ¥5,000 each.", "¥5,000", 5000, 5000, "exact", "currency:JPY", "JPY", ""),
    ("Turnover was 1.23 billion shekels.", "1.23 billion shekels", 1.23e9, 1.23e9, "exact",
     "currency:ILS", "ILS", ""),
    ("The highest forecast is 84.75 cents.", "84.75 cents", 0.8475, 0.8475, "exact",
     "currency:USD", "USD", ""),
    ("The property sold for AUD1.5m last week.", "AUD1.5m", 1.5e6, 1.5e6, "exact",
     "currency:AUD", "AUD", ""),
    # --- spelled-out numbers
    ("There are twenty-five schools in the district.", "twenty-five schools", 25, 25, "exact",
     "count", "", "school"),
    ("The city planted a dozen trees.", "a dozen trees", 12, 12, "exact", "count", "", "tree"),
    ("Half a million people attended.", "Half a million people", 5e5, 5e5, "exact", "count", "",
     "person"),
    ("Seven bedrooms and 8.5 bathrooms finish off the floor plan.", "Seven bedrooms", 7, 7,
     "exact", "count", "", "bedroom"),
    ("There are four to five thousand people.", "four to five thousand people", 4000, 5000,
     "range", "count", "", "person"),
    # --- bounds and approximations
    ("Over 100 people were injured.", "Over 100 people", 100, INF, "more_than", "count", "",
     "person"),
    ("At least 74 mph winds were recorded.", "At least 74 mph", 74 * 0.44704, INF, "at_least",
     "speed", "meter_per_second", ""),
    ("The company plans to hire up to 400 people.", "up to 400 people", 0, 400, "at_most",
     "count", "", "person"),
    ("Nearly 2,000 homes lost power.", "Nearly 2,000 homes", 1500, 2500, "approx", "count", "",
     "home"),
    ("Almost 60 commercial fishermen work the port.", "Almost 60 commercial fishermen",
     55, 65, "approx", "count", "", "commercial fisherman"),
    ("Roughly 1,300 meters of bridge remain.", "Roughly 1,300 meters", 1235, 1365, "approx",
     "length", "meter", "bridge"),
    ("Some 300 recorded songs were released.", "Some 300 recorded songs", 250, 350, "approx",
     "count", "", "recorded song"),
    ("Fewer than 20 minutes were needed.", "Fewer than 20 minutes", 0, 1200, "less_than",
     "duration", "second", ""),
    ("Less than 5% of voters agreed.", "Less than 5%", 0, 5, "less_than", "percent", "percent",
     "voter"),
    ("Around 70 per cent of the index rose.", "Around 70 per cent", 65, 75, "approx", "percent",
     "percent", ""),
    ("Demand for sub-300 sq m office space has surged.", "sub-300 sq m", 0, 300, "less_than",
     "area", "square_meter", ""),
    ("The ticket costs 100 dollars or more.", "100 dollars or more", 100, INF, "at_least",
     "currency:USD", "USD", ""),
    # --- ranges
    ("He works 40 to 50 hours a week.", "40 to 50 hours a week", 40 * 3600, 50 * 3600, "range",
     "duration", "second", ""),
    ("The upper limit for adults is between 15kHz and 17kHz.", "between 15kHz and 17kHz",
     15000, 17000, "range", "frequency", "hertz", ""),
    ("Growth will be between 5 and 7 percent.", "between 5 and 7 percent", 5, 7, "range",
     "percent", "percent", ""),
    ("Shares are priced from $62 to $68 per share.", "from $62 to $68 per share", 62, 68,
     "range", "currency:USD", "USD", ""),
    ("Fines range from $250,000 to $1 million.", "from $250,000 to $1 million", 250000, 1e6,
     "range", "currency:USD", "USD", ""),
    ("Let's get from $10 to $15 billion.", "from $10 to $15 billion", 10e9, 15e9, "range",
     "currency:USD", "USD", ""),
    ("Expect a 5% to 10% improvement.", "5% to 10%", 5, 10, "range", "percent", "percent", ""),
    ("Fresh fruit prices will increase between 5% and 6%.", "between 5% and 6%", 5, 6, "range",
     "percent", "percent", ""),
    ("The cookies bake in 25–40 min.", "25–40 min", 1500, 2400, "range", "duration", "second",
     ""),
    ("Over the past three or four years, rates fell.", "three or four years", 3 * 31557600,
     4 * 31557600, "range", "duration", "second", ""),
    ("It weighs 5 to 7 kilograms.", "5 to 7 kilograms", 5, 7, "range", "mass", "kilogram", ""),
    ("Horsepower jumped from 240 to 273.", "from 240 to 273", 240, 273, "range", "count", "", ""),
    # --- vague amounts
    ("Hundreds of protesters gathered.", "Hundreds of protesters", 200, 1000, "vague", "count", "",
     "protester"),
    ("Thousands of job cuts were announced.", "Thousands of job cuts", 2000, 5e5, "vague",
     "count", "", "job cut"),
    ("It adds tens of thousands of dollars to the price.", "tens of thousands of dollars",
     20000, 100000, "vague", "currency:USD", "USD", ""),
    ("Millions of people watched.", "Millions of people", 2e6, 5e8, "vague", "count", "",
     "person"),
    ("Several suspects were arrested.", "Several suspects", 3, 10, "vague", "count", "", "suspect"),
    ("A few minutes later it ended.", "A few minutes", 120, 360, "vague", "duration", "second", ""),
    ("A few hundred people gathered.", "A few hundred people", 200, 600, "vague", "count", "",
     "person"),
    ("Several thousand troops were deployed.", "Several thousand troops", 3000, 10000, "vague",
     "count", "", "troop"),
    ("A handful of stores remain open.", "A handful of stores", 2, 6, "vague", "count", "",
     "store"),
    # --- multipliers
    ("Shipments increased tenfold last year.", "tenfold", 10, 10, "multiplier", "ratio", "", ""),
    ("Revenue more than doubled.", "more than doubled", 2, INF, "more_than", "ratio", "", ""),
    ("Production tripled in 2023.", "tripled", 3, 3, "multiplier", "ratio", "", ""),
    ("The stock trades at 6.5 times earnings.", "6.5 times", 6.5, 6.5, "multiplier", "ratio", "",
     ""),
    ("Prices are three times higher.", "three times", 3, 3, "multiplier", "ratio", "", ""),
    ("Output grew 10-fold.", "10-fold", 10, 10, "multiplier", "ratio", "", ""),
    # --- percentages
    ("Inflation rose 5% in June.", "5%", 5, 5, "exact", "percent", "percent", ""),
    ("The index gained 5 per cent.", "5 per cent", 5, 5, "exact", "percent", "percent", ""),
    ("Unemployment fell five percent.", "five percent", 5, 5, "exact", "percent", "percent", ""),
    ("Rates rose 3 percentage points.", "3 percentage points", 3, 3, "exact", "percentage_point",
     "percentage_point", ""),
    ("The bank cut rates by 25 basis points.", "25 basis points", 0.25, 0.25, "exact",
     "percentage_point", "percentage_point", ""),
    ("Britain can borrow at an interest rate of 1.38pc.", "1.38pc", 1.38, 1.38, "exact",
     "percent", "percent", ""),
    # --- physical units
    ("The aircraft is 72.7 metres long.", "72.7 metres", 72.7, 72.7, "exact", "length", "meter",
     ""),
    ("The shot came from 30 yards.", "30 yards", 30 * 0.9144, 30 * 0.9144, "exact", "length",
     "meter", ""),
    ("The tuna weighed 278kg.", "278kg", 278, 278, "exact", "mass", "kilogram", ""),
    ("It produces 6kW of power.", "6kW", 6000, 6000, "exact", "power", "watt", "power"),
    ("It has a 5.5kWh battery.", "5.5kWh", 5.5 * 3.6e6, 5.5 * 3.6e6, "exact", "energy", "joule",
     ""),
    ("It goes 0 to 80km/h quickly.", "0 to 80km/h", 0, 80 / 3.6, "range", "speed",
     "meter_per_second", ""),
    ("The plants cool gas to minus-260 degrees Fahrenheit.", "minus-260 degrees Fahrenheit",
     (-260 - 32) * 5 / 9, (-260 - 32) * 5 / 9, "exact", "temperature", "degree_Celsius", ""),
    ("The boot stands at 24.5 cubic feet.", "24.5 cubic feet", 24.5 * 28.316846592,
     24.5 * 28.316846592, "exact", "volume", "liter", ""),
    ("The phone has 64GB of storage.", "64GB", 64e9, 64e9, "exact", "information", "byte",
     "storage"),
    ("It was a 1.6 liter engine.", "1.6 liter", 1.6, 1.6, "exact", "volume", "liter", ""),
    ("The mine will produce 1.2m tons of ilmenite.", "1.2m tons", 1.2e9, 1.2e9, "exact", "mass",
     "kilogram", "ilmenite"),
    ("They shipped 3 short tons of grain.", "3 short tons", 3 * 907.18474, 3 * 907.18474,
     "exact", "mass", "kilogram", "grain"),
    ("The comet orbits the sun every 33 years.", "33 years", 33 * 31557600, 33 * 31557600,
     "exact", "duration", "second", ""),
    # --- fractions
    ("Nearly two-thirds of sales came from CDs.", "Nearly two-thirds", 2 / 3 * 0.95,
     2 / 3 * 1.05, "approx", "count", "", ""),
    ("The recipe needs 1/2 pound of chocolate.", "1/2 pound", 0.5 * 0.45359237,
     0.5 * 0.45359237, "exact", "mass", "kilogram", "chocolate"),
    ("A third of the population lives there.", "A third", 1 / 3, 1 / 3, "exact", "count", "", ""),
    ("One out of three Germans have housing problems.", "One out of three Germans", 1 / 3, 1 / 3,
     "exact", "count", "", "german"),
    ("Nine in 10 voters agree.", "Nine in 10 voters", 0.9, 0.9, "exact", "count", "", "voter"),
    ("The firm was fined 5 million pounds.", "5 million pounds", 5e6, 5e6, "exact",
     "currency:GBP", "GBP", ""),
    ("He weighs 208 pounds.", "208 pounds", 208 * 0.45359237, 208 * 0.45359237, "exact", "mass",
     "kilogram", ""),
    # --- negative numbers
    ("The Hornets' total offense was minus-5 yards.", "minus-5 yards", -5 * 0.9144, -5 * 0.9144,
     "exact", "length", "meter", ""),
    ("In Europe: DAX -1.6%.", "-1.6%", -1.6, -1.6, "exact", "percent", "percent", ""),
]


@pytest.mark.parametrize(
    "text,span,low,high,qualifier,dimension,unit,subject", CASES, ids=[c[1] for c in CASES]
)
def test_extracts(
    text: str, span: str, low: float, high: float, qualifier: str, dimension: str, unit: str,
    subject: str,
) -> None:
    c = only(text, span)
    q = c.quantity
    assert q is not None
    assert c.category == "quantity"
    assert c.text == text[c.start : c.end]
    assert q.qualifier == qualifier
    assert q.dimension == dimension
    assert q.unit == unit
    assert q.subject == subject
    assert q.low == pytest.approx(low, rel=0.02, abs=1e-9)
    assert q.high == pytest.approx(high, rel=0.02, abs=1e-9)


# (sentence, claim text, NewsQuant-style change)
CHANGES = [
    ("Core inflation rose 0.3% in June.", "0.3%", "up"),
    ("The Dow Jones Industrial Average lost 190 points, or 0.6%.", "0.6%", "down"),
    ("The Dow Jones Industrial Average lost 190 points, or 0.6%.", "190 points", "down"),
    ("Tesla shares are up nearly 57% this year.", "nearly 57%", "~"),
    ("Nvidia advanced 8%, Qualcomm rose under 4%.", "under 4%", "up"),
    ("Its shares have climbed more than 3% in 2018.", "more than 3%", ">"),
    ("Dell plans to lay off more than 6,650 employees.", "more than 6,650 employees", ">"),
    ("The speed limit is up to 400 metres per second.", "up to 400 metres per second", "<"),
    ("Walmart shares rose about 1.5% in premarket trading.", "about 1.5%", "up"),
    ("Exports to China dropped 7% to $2.3 billion.", "$2.3 billion", "="),
    ("The S&P 500 was down 2.1% and the Nasdaq fell 2.5%.", "2.5%", "down"),
    ("Customers with more than 7.5 million Danish crowns (US $1.1 million) pay.",
     "US $1.1 million", ">"),
    ("The estimate was revised upward by $40 million.", "$40 million", "up"),
    ("Temperatures dropped by 1 to 1.5 degrees Celsius.", "1 to 1.5 degrees Celsius", "down"),
    ("Heineken Malaysia rose 18 sen to RM23.50.", "RM23.50", "up"),
    ("Ethereum fell from $2,415 to $2,315 overnight.", "from $2,415 to $2,315", "down"),
    ("The range grows from up to 252 miles to 287 miles.", "from up to 252 miles to 287 miles",
     "="),
    ("Exports rose 5% to $2.3 billion.", "$2.3 billion", "="),
    ("In Europe: Stoxx 50 -1.3% FTSE -0.6%.", "-1.3%", "down"),
    ("Revenue grew more than sixfold last year.", "more than sixfold", ">"),
    ("Crowns (US $1.1 million) and about $113 trillion ($161 trillion).", "$161 trillion", "="),
]


@pytest.mark.parametrize("text,span,change", CHANGES, ids=[c[1] for c in CHANGES])
def test_change(text: str, span: str, change: str) -> None:
    q = only(text, span).quantity
    assert q is not None
    assert q.change == change


def test_tolerance_follows_how_the_figure_was_written() -> None:
    # a bare round figure rounds at most 10% ("£1bn" is no rounding of "£1.3bn");
    # "about" keeps the full half-unit of its last digit
    assert only("It sold 2 million copies.", "2 million copies").quantity.tolerance == (
        pytest.approx(0.1)
    )
    assert only("It sold two million copies.", "two million copies").quantity.tolerance == (
        pytest.approx(0.1)
    )
    assert only("It sold about two million copies.",
                "about two million copies").quantity.tolerance == pytest.approx(0.25)
    assert only("It sold 1.5 million copies.", "1.5 million copies").quantity.tolerance == (
        pytest.approx(0.5 * 0.1 / 1.5)
    )
    exact = only("It sold 2,013,450 copies.", "2,013,450 copies").quantity
    assert exact.tolerance < 1e-5
    assert only("They raised $1.5m.", "$1.5m").quantity.tolerance == pytest.approx(1 / 30)
    vague = only("Dozens of ballistic missiles hit.", "Dozens of ballistic missiles").quantity
    assert vague.tolerance >= 0.5


def test_attributes_and_surface() -> None:
    q = only(
        "more than two million rounds of 152mm artillery shells",
        "more than two million rounds",
    ).quantity
    assert q.attributes == ("152mm",)
    assert q.surface_value == "two million"
    assert q.surface_unit == "rounds"
    rate = only("The plan is $14.95 a month.", "$14.95 a month").quantity
    assert "per month" in rate.attributes
    age = only("a 50 year-old man", "50 year-old").quantity
    assert "age" in age.attributes
    age = only("crane operator Jakub Mazur, 41, said", "41").quantity
    assert (age.dimension, age.attributes) == ("duration", ("age",))
    assert age.value == pytest.approx(41 * 31557600)


def test_context_is_lemmas_of_content_words() -> None:
    text = "Analysts said North Korea exported more than 800 rail cars."
    c = only(text, "more than 800 rail cars")
    assert "analyst" in c.context
    assert "car" in c.context
    assert "than" not in c.context
    assert all(not any(ch.isdigit() for ch in w) for w in c.context)


def test_offsets_with_several_sentences() -> None:
    text = "First line here.\nIt rose 5% to $3.5m. Then 20 people came."
    d = Document(
        "d",
        text,
        sentences=(
            Sentence(0, 0, 16, 1, 1, text[0:16]),
            Sentence(1, 17, 37, 2, 1, text[17:37]),
            Sentence(2, 38, len(text), 2, 22, text[38:]),
        ),
    )
    found = extract_quantities(d)
    assert [c.text for c in found] == ["5%", "$3.5m", "20 people"]
    assert [c.sentence for c in found] == [1, 1, 2]
    for c in found:
        assert text[c.start : c.end] == c.text


NEGATIVE = [
    "Dallas Cowboys quarterback Dak Prescott (4) celebrates.",
    "He played in the 2020-21 season.",
    "The Supreme Court issued a 5-4 ruling.",
    "Properties including 22 Ave Foch, Paris, were sold.",
    "Volkswagen introduced the tech in its ID.3 and ID.4 models.",
    "Healthcare, 2018s best performing sector, dropped.",
    "The co-op has a .500 record.",
    "The war began between November 2022 and January 2023.",
    "Deliveries should finish by mid-October.",
    "On January 22nd, the British government reported to the committee.",
    "Jan 23, 2024",
    "The report was published on September 13, 2023.",
    "Missiles were displayed at parades in 2020 and 2022.",
    "She finished first in the race.",
    "He took 2nd place in the final.",
    "It was the 10th straight record.",
    "Call 555-123-4567 for details.",
    "Call (555) 123-4567 for details.",
    "The match ended 2-0.",
    "They drew 2-2 on aggregate.",
    "Tickets in Section 427 Row 21 are on sale.",
    "He wore No. 3 for the team.",
    "The COVID-19 pandemic changed everything.",
    "The Galaxy S23 launched last year.",
    "It happened in the 1990s.",
    "The meeting starts at 11:30.",
    "The meeting starts at 5pm.",
    "The meeting starts at 5 p.m. sharp.",
    "Brexit is due to take place on March 29.",
    "Prices are listed as of 2019-09-01T10:38:07.190Z today.",
    "The store is open 24/7.",
    "The hunt runs Sept. 20-24 this fall.",
    "The temple was built in A.D. 1000.",
    "Samsung released the iPhone 11 Pro rival.",
    "It is the only one left.",
    "Gdańsk is one of the largest ports on the Baltic.",
    '"It is a canyon," one terminal executive told the paper.',
    "Each one of them agreed.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_quantities(text: str) -> None:
    assert [c.text for c in claims(text)] == []


def test_rates_and_scales_on_counts() -> None:
    q = only("They provide three thousand tests per day.", "three thousand tests").quantity
    assert (q.value, q.subject, q.attributes) == (3000, "test", ("per day",))
    q = only("The population is about 8 B people.", "about 8 B people").quantity
    assert q.value == 8e9 and q.subject == "person"
    q = only("It sold 2.7m combined digital and physical sales.", "2.7m").quantity
    assert q.value == 2.7e6 and q.dimension == "count"
    q = only("The skeleton is 37m (121ft) long.", "37m").quantity
    assert q.dimension == "length"


def test_noun_phrase_edges() -> None:
    q = only("It costs more for the 5 speed manual transmission version and", "5 speed").quantity
    assert q.subject == "speed"
    q = only("We had an average of 20 per week lately.", "20 per week").quantity
    assert q.attributes == ("per week",)
    q = only("Its 3 cylinder engine delivered power today.", "3 cylinder").quantity
    assert q.subject == "cylinder"
    q = only("We had a three course meal, all in.", "three course meal").quantity
    assert q.subject == "course meal"


@pytest.mark.parametrize(
    "text, span, subject",
    [
        # model numbers and names with digits stay inside the counted thing
        ("The airline ordered two new 737 Max jets from Boeing.", "two new 737 Max jets",
         "737 max jet"),
        ("Tesla delivered 63,150 Model 3s in the quarter.", "63,150 Model 3s", "model 3s"),
        ("Labs ran thousands of COVID-19 tests a day.", "thousands of COVID-19 tests",
         "covid-19 test"),
        # ... but a number that starts another figure does not
        ("He scored 2 goals in 2019 games.", "2 goals", "goal"),
    ],
)
def test_names_with_numbers_in_the_counted_thing(text: str, span: str, subject: str) -> None:
    assert only(text, span).quantity.subject == subject


@pytest.mark.parametrize(
    "text, span, subject, dimension",
    [
        # a bare number compared with the figure before it counts the same thing
        ("Sales reached 3.9 million headsets, up from 2.4 million a year earlier.",
         "2.4 million", "headset", "count"),
        ("The FTSE fell to 7,425.81 points from 7,500 on Friday.", "7,500", "point", "count"),
        ("Revenue was $5bn, against 4bn a year ago.", "4bn", "", "currency:USD"),
        # ... not one that counts something else
        ("The fire killed 3 people from 2 villages.", "2 villages", "village", "count"),
    ],
)
def test_compared_figures_take_the_unit_before(
    text: str, span: str, subject: str, dimension: str
) -> None:
    q = only(text, span).quantity
    assert (q.subject, q.dimension) == (subject, dimension)


def test_metres_millions_and_modifiers() -> None:
    assert only("It runs 520m trains daily.", "520m").quantity.dimension == "length"
    assert only("The siding is 775 m.", "775 m").quantity.dimension == "length"
    assert only("Some 5m people watched.", "Some 5m people").quantity.value == 5e6
    assert only("Five more bodies were found.", "Five more bodies").quantity.subject == "body"
    assert only("They built 47 km of new line.", "47 km").quantity.subject == "line"
    beds = only("It opened a 400-bed isolation unit.", "400-bed").quantity
    assert (beds.value, beds.subject) == (400, "bed")
    decades = only("It lasted more than two decades.", "more than two decades").quantity
    assert (decades.dimension, decades.low) == ("duration", pytest.approx(20 * 31557600))
    rng = only("It cut its forecast from €35bn-€36bn.", "from €35bn-€36bn").quantity
    assert rng.qualifier == "range" and "from-to" not in rng.attributes


def test_years_next_to_quantities_are_skipped() -> None:
    found = claims("VR headset sales rose 60% in 2018 to 3.9 million headsets.")
    assert [c.text for c in found] == ["60%", "3.9 million headsets"]


def test_cell_values() -> None:
    q = quantity_from_cell("20 million+", "Artillery Shells")
    assert q is not None
    assert (q.low, q.high, q.qualifier, q.subject) == (20e6, INF, "plus", "artillery shell")
    for cell in ("Unknown", "N/A", "unclear"):
        u = quantity_from_cell(cell, "Rockets")
        assert u is not None
        assert u.qualifier == "unknown"
        assert (u.low, u.high) == (0, INF)
        assert math.isnan(u.value)
        assert u.subject == "rocket"
    assert quantity_from_cell("", "Rockets") is None
    assert quantity_from_cell("n/a", "Missiles").subject == "missile"


def test_hostile_input_completes() -> None:
    # Linear by design: no nested quantifiers; these must simply finish.
    for text in ("1," * 50000, "a " * 50000, "1" * 100000, "-1" * 50000, "$" * 100000,
                 "one " * 25000, "more than " * 10000, "1.2." * 25000, "twenty-" * 14000):
        claims(text)


_PIECES = [
    "1", "25", "2,013,450", "3.5", "-", "–", "to", "and", "between", "from", "$", "US", "HK",
    "€", "m", "bn", "k", "million", "%", "per", "cent", "a", "year", "more", "than", "at",
    "least", "up", "one", "two", "twenty", "-", "dozens", "of", "rounds", "tons", "km", "/",
    "h", "(", ")", ",", ".", "rose", "fell", "minus", "sub", "+", "½", "1/2", "x", "10", "fold",
    "times", "January", "2023", "No", "Section", "RM", "PS", "p", "cents", "or", "more", ":",
]


@settings(deadline=None, max_examples=400)  # the first call loads pint
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.lists(st.booleans(), max_size=14))
def test_never_raises_on_figure_soup(pieces: list[str], glue: list[bool]) -> None:
    text = ""
    for i, p in enumerate(pieces):
        text += p if (i < len(glue) and glue[i]) else " " + p
    for c in claims(text):
        assert c.text == text[c.start : c.end]
        assert c.quantity is not None and c.quantity.low <= c.quantity.high


@settings(deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_any_text(text: str) -> None:
    for c in claims(text):
        assert c.text == text[c.start : c.end]
