"""Recognizers: every claim a document makes (figures, dates, who said what).

``base`` holds the contract (``Recognizer``: name, category, ``recognize(doc,
context)``), ``registry`` the recognizers in the order they run, and ``extract``
the engine: it runs the registry, then the post-stages of the figures
(``not_claims``, ``heights``, ``timeframes``). Adding a recognizer is its module
(a ``Recognizer`` subclass) and one line in ``registry``.
"""
