"""Recognizers: every claim a document makes (figures, dates, who said what)."""
