"""Find the figures in a document and read each as an interval with a unit.

One linear tokenizer regex, then a left-to-right scan over tokens: at each
token that can start a figure (digits, a number word, a currency mark, a
vague amount) we read, in order, the qualifier and change verb before it,
the number, a range, the unit or currency, and the counted noun after it.
Word lists live in ``data/``; nothing here is sentence-specific.

Not quantities: years, dates, times, ordinals, scores ("2-0"), phone
numbers and identifiers ("Section 427", "No. 3", "COVID-19", "S23").

The stages, one module each (``scanner`` runs them; ``assemble.finish`` runs the
stages of one figure in order):

- ``tokens``: the tokenizer; ``lexicon``: the word lists read from ``data/`` (the small
  ones in ``data/quantity_words.json``, each named for its rule);
- ``state``: the sentence under scan; ``mention``: the records between stages;
- ``cores``: the number itself, with its currency mark, scale and glued unit;
- ``vague``: vague amounts and multiplier words ("dozens of", "tenfold");
- ``qualifiers``: "about", "more than", "or more" and change verbs ("rose");
- ``ranges``: the upper end of "5 to 7", "25-30", "between 5 and 7";
- ``units_after``: the unit or currency after the number, and rates ("a year");
- ``vetoes``: named rules that reject a candidate (years, dates, times, ids);
- ``context``: sentence starts and month names, which vetoes read;
- ``noun_phrase``: the counted thing ("dozens of rail cars" counts rail cars);
- ``assemble``: puts the pieces of one figure together into a ``Mention``;
- ``claims``: mentions into ``Claim`` and ``Quantity`` records.

Every rule is a function named for what it reads, with an example in its docstring:
grep the example ("dozens of") or the name (``dozens_of_nouns``).
"""

from __future__ import annotations

from .claims import extract_quantities, quantity_from_cell, sentence_context, to_quantity
from .mention import Mention
from .scanner import quantities_in_text

__all__ = [
    "extract_quantities", "quantity_from_cell", "quantities_in_text", "Mention",
    "sentence_context", "to_quantity",
]
