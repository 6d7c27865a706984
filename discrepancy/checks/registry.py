"""The checks the engine runs, in order: findings come out in this order before
sorting, and codes are listed in it (config, SARIF, docs)."""

from __future__ import annotations

from .attributions import AttributionCheck
from .base import Check
from .dates import DateCheck
from .quantity import QuantityCheck

CHECKS: tuple[Check, ...] = (QuantityCheck(), DateCheck(), AttributionCheck())
