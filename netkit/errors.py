"""Exceptions raised by netkit; the CLI turns each into a one-line message."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "EncodingProblem",
    "MissingColumns",
    "NetkitError",
    "ParseError",
    "SchemaError",
    "UnknownNode",
    "UnknownTerm",
    "UnsupportedFormat",
]


class NetkitError(Exception):
    """Base class of every error netkit raises on purpose.

    Parameters
    ----------
    message : str
        What is wrong and, where possible, how to fix it.
    path : str or None
        The file concerned, named first in the message.
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class UnsupportedFormat(NetkitError, ValueError):
    """The input is not a format netkit reads (an .xlsx, a PDF, an empty file...)."""


class EncodingProblem(NetkitError, UnicodeError):
    """The bytes cannot be decoded as text in any encoding netkit tries."""


class MissingColumns(NetkitError, KeyError):
    """A table lacks the columns a reader needs."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return Exception.__str__(self)


class ParseError(NetkitError, ValueError):
    """A record cannot be read; ``line`` is its 1-based line number in the file."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.line = line
        where = f"{path}, line {line}" if path and line else path
        self.path = path
        self.message = message
        Exception.__init__(self, f"{where}: {message}" if where else message)


class SchemaError(NetkitError, ValueError):
    """A graph does not follow netkit's schema; the message names the first offender."""


class UnknownNode(NetkitError, LookupError):
    """A node named by the user (``--ego``) is not in the network; the message lists
    the closest names."""


class UnknownTerm(NetkitError, ValueError):
    """A sector, role, place or id that netkit does not know; lists the closest known ones.

    Parameters
    ----------
    kind : str
        What was asked for: "sector", "role", "territory", "organisation", "function"…
    term : str
        The text as given.
    suggestions : sequence of str
        The closest known terms, best first.

    Examples
    --------
    >>> str(UnknownTerm("sector", "renewabel", ["renewable energy", "renewables"]))
    "unknown sector 'renewabel'; closest known: renewable energy, renewables"
    """

    def __init__(self, kind: str, term: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.term = term
        self.suggestions = tuple(suggestions)
        message = f"unknown {kind} '{term}'"
        if self.suggestions:
            message += "; closest known: " + ", ".join(self.suggestions)
        super().__init__(message)
