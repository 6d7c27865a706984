"""Checks: which claims the sources contradict or do not support."""
