from pathlib import Path

import pytest

from discrepancy.errors import InputError
from discrepancy.text.load import document_from_text, load_document, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The U.S. Embassy in Georgia said the world must act. Diplomats agreed.",
            ["The U.S. Embassy in Georgia said the world must act.", "Diplomats agreed."],
        ),
        (
            "The vote is set for Jan. 23 in Washington. Results follow on Feb. 2.",
            ["The vote is set for Jan. 23 in Washington.", "Results follow on Feb. 2."],
        ),
        (
            "He lives at No. 3 Elm Road. Dr. Patel treated him.",
            ["He lives at No. 3 Elm Road.", "Dr. Patel treated him."],
        ),
        (
            "Table 1. Known North Korean arms transfers to Russia",
            ["Table 1. Known North Korean arms transfers to Russia"],
        ),
        (
            '"We are ready," the minister said. "Are you?" She laughed.',
            ['"We are ready," the minister said.', '"Are you?"', "She laughed."],
        ),
        (
            "Headline Without A Full Stop\nThe body starts here. It has 2.5 million readers.",
            [
                "Headline Without A Full Stop",
                "The body starts here.",
                "It has 2.5 million readers.",
            ],
        ),
        (
            "J. K. Rowling sold 500 million books. Sales rose 5 p.c. in March.",
            ["J. K. Rowling sold 500 million books.", "Sales rose 5 p.c. in March."],
        ),
        (
            "The U.N. Security Council met on Friday. Russia vetoed the resolution.",
            ["The U.N. Security Council met on Friday.", "Russia vetoed the resolution."],
        ),
        (
            # fresh probe (round 16): "Ill." is also a word, but figures in brackets
            # after it go on the sentence; a bracketed caption after a full stop does not
            "EF4 tornadoes hit Washington, Ill. (166-200 mph). It was bad. (Photo: AP) Next.",
            ["EF4 tornadoes hit Washington, Ill. (166-200 mph).", "It was bad.",
             "(Photo: AP) Next."],
        ),
        (
            # fresh probe (round 105): a title after a hyphen is still a title
            "Gillibrand leads ex-Rep. Joe DioGuardi by 21 points. Then-Gov. Jerry Brown "
            "spoke. It was about well-being. Next.",
            ["Gillibrand leads ex-Rep. Joe DioGuardi by 21 points.",
             "Then-Gov. Jerry Brown spoke.", "It was about well-being.", "Next."],
        ),
    ],
)
def test_sentence_boundaries_survive_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # wire copy wrapped at a fixed width: the sentence runs on (fresh probe, round 8)
        (
            "On Thursday the group, which trails market leader Tesco,\nWal-Mart's Asda and "
            "Sainsbury's in annual\nsales, reported an underlying pretax profit of 345 million\n"
            "pounds ($516 million) in the year to Feb. 1.\nShares fell.",
            [
                "On Thursday the group, which trails market leader Tesco,\nWal-Mart's Asda and "
                "Sainsbury's in annual\nsales, reported an underlying pretax profit of "
                "345 million\npounds ($516 million) in the year to Feb. 1.",
                "Shares fell.",
            ],
        ),
        # a heading, a short line and a line ending a sentence stay lines
        (
            "Toyota forecasts a drop\nnet profit to fall 2.4 percent\nThe yen weighed.",
            ["Toyota forecasts a drop", "net profit to fall 2.4 percent", "The yen weighed."],
        ),
        # a text in lower case throughout (a tokenised corpus) keeps every line
        (
            "sugar ray leonard celebrates after roberto duran quit in november 1980\n"
            "leonard decided to use his exceptional speed .",
            [
                "sugar ray leonard celebrates after roberto duran quit in november 1980",
                "leonard decided to use his exceptional speed .",
            ],
        ),
    ],
)
def test_hard_wrapped_lines_join_only_inside_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_locations_are_one_based_lines_and_columns() -> None:
    doc = document_from_text("First line.\nSecond line has 800 rail cars.\n")
    offset = doc.text.index("800")
    assert doc.location(offset) == (2, 17)
    sent = doc.sentence_at(offset)
    assert sent is not None and sent.text == "Second line has 800 rail cars."
    assert (sent.line, sent.column) == (2, 1)


def test_crlf_is_read_as_newlines() -> None:
    doc = document_from_text("One.\r\nTwo has 5 cars.\r\n")
    assert [s.text for s in doc.sentences] == ["One.", "Two has 5 cars."]
    assert doc.sentences[1].line == 2


def test_seed_summary_sentences_carry_offsets() -> None:
    doc = load_document(SEEDS / "000_49d02485ee17d19b.txt")
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    texts = [s.text for s in doc.sentences]
    assert "Artillery Shells 20 million+" in texts
    assert "June 20, 2024" in texts


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"  \n\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("Caf\u00e9 prices rose 5% to \u00a33.".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_files_raise_one_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "article.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_document(p)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        load_document(tmp_path)


def test_enormous_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    with pytest.raises(InputError, match="too large"):
        load_document(p)


def test_html_page_is_reduced_to_article_text(tmp_path: Path) -> None:
    body = " ".join(
        f"Paragraph {i} reports that officials counted 1,200 displaced families in the valley."
        for i in range(6)
    )
    page = (
        "<!DOCTYPE html><html><head><title>Flood</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> Subscribe now</nav>"
        f"<article><h1>Floods displace families</h1><p>{body}</p></article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"
    )
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    doc = load_document(p)
    assert "1,200 displaced families" in doc.text
    assert "Subscribe now" not in doc.text


def test_html_without_article_text_is_an_input_error(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text("<html><body><div><span></div></body>", encoding="utf-8")
    with pytest.raises(InputError):
        load_document(p)


def test_loading_never_writes_to_the_input(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Officials said 40 homes flooded.\r\n", encoding="utf-8")
    before = p.read_bytes(), p.stat().st_mtime_ns
    load_document(p)
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


def test_malformed_html_still_yields_its_paragraphs() -> None:
    doc = load_document(Path(__file__).resolve().parent.parent / "fixtures/bad/malformed.html")
    assert "Repairs will cost an estimated 45 million zloty" in doc.text
    assert "Sport" not in doc.text  # the navigation menu is not article text
