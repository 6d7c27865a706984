"""The import path the README documents; the engines live in ``discrepancy.app.batch_run``."""

from .app.batch_run import *  # noqa: F403
from .app.batch_run import __all__  # noqa: F401
