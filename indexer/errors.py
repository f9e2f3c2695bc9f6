"""Errors the core raises; the CLI and the web turn them into messages.

Every message says what is wrong, the value, and what to do about it.
"""

from __future__ import annotations


class TimtinError(Exception):
    """Base class of every error timtin reports to a user."""


class ParseError(TimtinError):
    """An article (a file, or a line of a JSONL file) that cannot be read."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class IndexNotFound(TimtinError):
    """No index at the given folder."""

    def __init__(self, index_dir: object) -> None:
        super().__init__(
            f'No index at {index_dir}. Run "timtin index data/" first '
            "(or point --index / TIMTIN_INDEX at an existing index)."
        )


class IndexBusy(TimtinError):
    """Another process is writing the index."""


class QueryError(TimtinError):
    """A search request with a bad parameter."""


class DiskFull(TimtinError):
    """The disk holding the index filled up; what the run wrote was removed."""

    def __init__(self, index_dir: object, free: int, needed: int) -> None:
        super().__init__(
            f"The disk holding the index is full: {free / 1e6:.1f} MB free, about {needed / 1e6:.0f} MB needed. "
            f"Nothing was changed in {index_dir}, and what this run had written was removed; free some space "
            "(or give another --index) and run again."
        )
        self.free = free
        self.needed = needed
