"""Claims and findings as pandas DataFrames, one row per record, for work at scale."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..model import Claim

if TYPE_CHECKING:
    import pandas as pd

CLAIM_COLUMNS = (
    "doc", "category", "text", "start", "end", "sentence", "subject", "source",
    "low", "high", "value", "unit", "dimension", "qualifier", "tolerance",
    "frame_start", "frame_end", "period_start", "period_end", "speaker", "outlet",
)


def claim_row(c: Claim) -> dict[str, Any]:
    q, tf, p, a = c.quantity, c.time_frame, c.period, c.attribution
    nan = math.nan
    return {
        "doc": c.doc, "category": c.category, "text": c.text, "start": c.start, "end": c.end,
        "sentence": c.sentence, "subject": c.subject, "source": c.source,
        "low": q.low if q else nan, "high": q.high if q else nan,
        "value": q.value if q else nan, "unit": q.unit if q else None,
        "dimension": q.dimension if q else None, "qualifier": q.qualifier if q else None,
        "tolerance": q.tolerance if q else nan,
        "frame_start": tf.start if tf else None, "frame_end": tf.end if tf else None,
        "period_start": p.start if p else None, "period_end": p.end if p else None,
        "speaker": a.speaker if a else None, "outlet": a.outlet if a else None,
    }


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([claim_row(c) for c in claims], columns=list(CLAIM_COLUMNS))
