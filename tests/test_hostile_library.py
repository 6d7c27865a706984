"""The library used wrongly says what is wrong, at the door: a TypeError naming
the argument, not an AttributeError from inside a recognizer."""

from __future__ import annotations

from typing import Any

import pytest

import discrepancy
from discrepancy import Document, Options
from discrepancy.report import FORMATS, render

TEXT = "The port handled 20 million tonnes in 2023."
SOURCE = "The port handled 2 million tonnes in 2023."


@pytest.mark.parametrize(("call", "says"), [
    (lambda: discrepancy.check(None, [SOURCE]), "target must be a str (the text) or a Document, "
                                                "not NoneType"),
    (lambda: discrepancy.check(123, [SOURCE]), "target must be a str (the text) or a Document, "
                                               "not int"),
    (lambda: discrepancy.check(TEXT, [None]), "sources[0] must be a str (the text) or a "
                                              "Document, not NoneType"),
    (lambda: discrepancy.check(TEXT, [SOURCE, b"bytes"]), "sources[1] must be a str"),
    (lambda: discrepancy.check(TEXT, 5), "sources must be a list of str or Document, not int"),
    (lambda: discrepancy.check(TEXT, [SOURCE], options=5), "options must be a discrepancy."
                                                          "Options or None, not int"),
    (lambda: discrepancy.check(TEXT, [SOURCE], {"tolerance": 1}), "options must be"),
    (lambda: discrepancy.extract(None), "doc must be a str (the text) or a Document, "
                                        "not NoneType"),
    (lambda: discrepancy.extract(b"20 cars"), "doc must be a str"),
    (lambda: discrepancy.compare([TEXT, None]), "documents[1] must be a str"),
    (lambda: discrepancy.compare(TEXT), "documents must be a list of str or Document, not str"),
    (lambda: discrepancy.compare([TEXT, SOURCE], options=1.5), "options must be"),
    (lambda: Document.from_text(None), "text must be a str, not NoneType"),  # type: ignore[arg-type]
    (lambda: Document.from_path(None), "path must be a str or os.PathLike, not NoneType"),  # type: ignore[arg-type]
])
def test_wrong_argument_types_raise_a_type_error_naming_the_argument(
    call: Any, says: str
) -> None:
    with pytest.raises(TypeError) as info:
        call()
    assert says in str(info.value)


def test_right_types_still_work() -> None:
    report = discrepancy.check(TEXT, SOURCE, Options())
    assert [f.code for f in report.findings] == ["DQ101"]
    again = discrepancy.check(Document.from_text(TEXT), (SOURCE,))
    assert [f.message for f in again.findings] == [f.message for f in report.findings]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_lone_surrogate_renders_in_every_format(fmt: str) -> None:
    text = "The port \ud800handled 20 million tonnes in 2023 \udfff."
    report = discrepancy.check(text, [SOURCE])
    assert report.findings
    assert "\ud800" not in report.documents[0].text
    assert report.documents[0].text.count("\ufffd") == 2
    out = render(report, fmt)
    out.encode("utf-8")  # what writing it to a file or a terminal does
    assert len(report.documents[0].text) == len(text)  # offsets unchanged
