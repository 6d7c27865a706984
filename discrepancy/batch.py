"""The import path the README documents; the batch API lives in ``discrepancy.app.batch``."""

from .app.batch import BatchResult, check_batch, check_documents, check_one, load_sources

__all__ = ["BatchResult", "check_batch", "check_documents", "check_one", "load_sources"]
