"""Renderers: every format is built from the records in ``records.py``."""
