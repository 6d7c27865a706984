"""Subject scores of target figures against source figures, block by block."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..matching import subject_scores

SCORE_BLOCK = 512  # distinct target subjects scored per cdist call: bounded memory


def score_rows(
    t_subjects: list[str], s_subjects: list[str], synonyms: tuple[tuple[str, ...], ...]
) -> Iterator[Any]:
    """Subject scores of each target claim against every source claim. Each
    distinct pair of subjects is scored once (articles repeat their subjects),
    in blocks of ``SCORE_BLOCK`` target subjects, then spread out row by row."""
    import numpy as np

    if not s_subjects:
        yield from ([] for _ in t_subjects)
        return
    s_uniq = sorted(set(s_subjects))
    col = {u: k for k, u in enumerate(s_uniq)}
    spread = np.array([col[x] for x in s_subjects])
    t_uniq = sorted(set(t_subjects))
    row_of = {u: k for k, u in enumerate(t_uniq)}
    blocks: dict[int, Any] = {}
    for t in t_subjects:
        b, r = divmod(row_of[t], SCORE_BLOCK)
        if b not in blocks:
            blocks.clear()  # one block held at a time
            blocks[b] = subject_scores(
                t_uniq[b * SCORE_BLOCK:(b + 1) * SCORE_BLOCK], s_uniq, synonyms
            )
        yield blocks[b][r][spread]
