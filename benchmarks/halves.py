"""The fixed split of every dev file into two halves, by article.

``read``: the half whose errors the team reads and groups by cause.
``measure``: the half nobody reads; it only measures whether a change carried
over. A change that lifts only ``read`` is tuning, not progress.

The key is the article (``source_key``, ``doc_id``) so that summaries of one
article never fall on both sides; sentence sets without articles use the
sentence id. The hash is salted so the halves do not line up with the data
builders' own dev/test split.
"""

from __future__ import annotations

import hashlib

HALVES = ("read", "measure")
_SALT = "discrepancy-halves-v1:"


def half(key: str) -> str:
    digest = hashlib.sha256((_SALT + key).encode("utf-8")).digest()
    return HALVES[digest[0] & 1]
