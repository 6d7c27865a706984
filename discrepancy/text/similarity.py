"""How much two bags of words overlap: Jaccard of two claims' contexts, and Dice
and the overlap coefficient of many stem lists against many at once.

Stem lists are sorted and unique, so rapidfuzz's ``fuzz.ratio`` of two lists is
exactly their Dice coefficient, and ``process.cdist`` scores all pairs in one
call. numpy and rapidfuzz are imported on first use: ``import discrepancy``
stays light.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..limits import note

if TYPE_CHECKING:
    import numpy as np

    from ..model import Claim

# Passages weighed per row, best first. A news claim matches a handful;
# text repeated a thousand times matched every copy, all claims against all.
MAX_MATCHES = 200
# A stem in more passages than this names no one event (an article has a few
# hundred sentences); past it, it is not used to find candidates, which keeps
# every row's cost bounded however often a text repeats itself.
MAX_POSTINGS = 1000


def context_overlap(a: Claim, b: Claim) -> float:
    """Jaccard overlap of sentence content lemmas: a tie-breaker between candidates."""
    sa, sb = set(a.context), set(b.context)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def dice_matrix(a: Sequence[list[str]], b: Sequence[list[str]]) -> np.ndarray:
    """Pairwise Dice x 100 of stem sets (rows ``a``, columns ``b``)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not a or not b:
        return np.zeros((len(a), len(b)))
    return process.cdist(list(a), list(b), scorer=fuzz.ratio, dtype=np.float32)


def overlap_matrix(
    a: Sequence[list[str]], b: Sequence[list[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """(shared stem counts, overlap coefficient) for all pairs, from one cdist call.

    Dice is symmetric in length, which punishes a long source sentence for
    saying more than the summary; the overlap coefficient does not.
    """
    import numpy as np

    dice = dice_matrix(a, b)
    la = np.array([len(x) for x in a], dtype=np.float32)[:, None]
    lb = np.array([len(x) for x in b], dtype=np.float32)[None, :]
    shared = np.rint(dice / 100.0 * (la + lb) / 2.0)
    smaller = np.maximum(np.minimum(la, lb), 1.0)
    return shared, shared / smaller


@dataclass(frozen=True)
class OverlapRow:
    """One row of ``overlap_matrix`` with only the columns sharing a stem (every
    other column shares 0, below any threshold): ``cols`` ascending, and the same
    float32 ``shared`` and ``coef`` values the dense matrix has there."""

    cols: np.ndarray
    shared: np.ndarray
    coef: np.ndarray

    def ranked(
        self, ok: np.ndarray, keys: tuple[np.ndarray, ...], limit: int = MAX_MATCHES
    ) -> list[int]:
        """Columns where ``ok`` holds, in ``ranked`` order (ties by column), the
        best ``limit`` of them."""
        import numpy as np

        idx = np.flatnonzero(ok)
        if len(idx) > limit:
            note(f"a claim is weighed against its best {limit} matching passages")
        order = np.lexsort(tuple(k[idx] for k in keys))[:limit]
        return [int(c) for c in self.cols[idx[order]]]


class SparseOverlap:
    """``overlap_matrix`` row by row through an inverted index of stems.

    The dense matrix is |a| x |b|: 16,000 dates against themselves were 256 million
    cells. Here a row costs the postings of its own stems; columns sharing no stem
    are never visited. Keys are sorted unique stems, so the Dice of two keys
    (rapidfuzz's ratio of the lists) is 2|A∩B|/(|A|+|B|) and ``shared`` is |A∩B|.
    """

    def __init__(self, a: Sequence[list[str]], b: Sequence[list[str]]) -> None:
        import numpy as np

        self.a = a
        self.lb = np.array([len(x) for x in b], dtype=np.float32)
        index: dict[str, list[int]] = {}
        for j, key in enumerate(b):
            for stem in key:
                index.setdefault(stem, []).append(j)
        self.index = {
            stem: np.array(js, dtype=np.intp) for stem, js in index.items()
            if len(js) <= MAX_POSTINGS
        }
        if len(self.index) < len(index):
            note(f"a word in over {MAX_POSTINGS:,} passages is not used for matching")

    def row(self, i: int) -> OverlapRow:
        import numpy as np

        postings = [self.index[w] for w in self.a[i] if w in self.index]
        if not postings:
            empty = np.zeros(0, dtype=np.float32)
            return OverlapRow(np.zeros(0, dtype=np.intp), empty, empty)
        cols, counts = np.unique(np.concatenate(postings), return_counts=True)
        # float32 as in overlap_matrix, so thresholds compare exactly as before
        shared = counts.astype(np.float32)
        la = np.float32(len(self.a[i]))
        smaller = np.maximum(np.minimum(la, self.lb[cols]), np.float32(1.0))
        return OverlapRow(cols, shared, shared / smaller)


def ranked(ok: np.ndarray, keys: tuple[np.ndarray, ...]) -> list[int]:
    """Indices where ``ok`` holds, ordered by ``np.lexsort(keys)`` (last key
    first), ties by index. Only the candidates are sorted: a long source has
    thousands of sentences and few of them match."""
    import numpy as np

    idx = np.flatnonzero(ok)
    order = np.lexsort(tuple(k[idx] for k in keys))
    return [int(j) for j in idx[order]]
