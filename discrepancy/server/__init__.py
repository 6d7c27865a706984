"""``discrepancy serve``: a local web page and an HTTP API over the same pipeline.

``api`` turns a JSON request into the CLI's output (no web framework in it),
``app`` is the Starlette application, ``command`` the click command. Importing
this package imports nothing heavy; the CLI loads it only for ``serve``.
"""
