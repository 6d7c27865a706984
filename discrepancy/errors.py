"""Errors a user can cause; the CLI turns them into one line and exit code 2."""


class DiscrepancyError(Exception):
    """Base class for every error the tool reports without a traceback."""


class InputError(DiscrepancyError):
    """A document could not be read: missing, binary, not UTF-8, empty, too large."""


class ConfigError(DiscrepancyError):
    """Configuration in pyproject.toml or on the command line is invalid."""


class OutputError(DiscrepancyError):
    """--output or --write-baseline names something that must not be replaced."""
