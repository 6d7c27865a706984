"""Checks: which claims the sources contradict or do not support.

- ``base``: the contract (``Check``: name, the ``Code`` records it owns, ``run``);
- ``registry``: the checks the engine runs, in order;
- ``engine``: ``check``/``check_extracted``; superseding, disabling, ignores and
  the order of findings (``sort_key``);
- ``quantity/`` (DQ101-DQ103), ``dates`` (DQ201-DQ203), ``attributions``
  (DQ301-DQ302): the checks; ``matching`` pairs figures by subject, ``events``
  keys passages by the event they name;
- ``codes``: every code, gathered from the registry; ``findings``: building a
  ``Finding`` from a ``Code``.

A new finding code is a ``Code`` in the module of the check that emits it, added
to that check's ``codes``, plus its row in the README (and docs/wire-schema.md).
A new check is a module with a class like ``dates.DateCheck`` and a line in
``registry.CHECKS``.
"""
