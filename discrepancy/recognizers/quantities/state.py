"""The sentence under scan: its tokens, the lexicon and the text, passed to every rule."""

from __future__ import annotations

from typing import Any

from .lexicon import Lexicon, lex
from .tokens import Tokens


class Scan:
    """One sentence being read. Rules take it first (``sc``) and read ``sc.t``, ``sc.lx``."""

    __slots__ = ("lx", "t", "text", "units_at")

    def __init__(self, text: str) -> None:
        self.lx: Lexicon = lex()
        self.t = Tokens(text)
        self.text = text
        # the unit read at a token, by (token, currency_only): a range's reader
        # and the unit reader look at the same token for one figure
        self.units_at: dict[tuple[int, bool], Any] = {}
