"""Errors the core raises; the CLI and the web turn them into messages.

Every message says what is wrong, the value, and what to do about it.
"""

from __future__ import annotations

import json
import pickle

from whoosh.index import EmptyIndexError


class TimtinError(Exception):
    """Base class of every error timtin reports to a user.

    *status* is the HTTP status the web answers it with, :meth:`public` the message
    a web visitor sees (no folders of the server; the JSON API's language, English),
    :meth:`public_vi` the same in Vietnamese for the web pages; the CLI prints the
    whole message.
    """

    status = 500
    vi: str | None = None

    def public(self) -> str:
        return str(self)

    def public_vi(self) -> str:
        return self.vi or self.public()


class ParseError(TimtinError):
    """An article (a file, or a line of a JSONL file) that cannot be read."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class IndexNotFound(TimtinError):
    """No index at the given folder."""

    status = 503

    vi = 'Chưa có chỉ mục: hãy chạy "timtin index data/" trên máy chủ (hoặc trỏ TIMTIN_INDEX tới một chỉ mục).'

    def public(self) -> str:
        return 'There is no index yet: run "timtin index data/" on the server (or point TIMTIN_INDEX at an index).'

    def __init__(self, index_dir: object) -> None:
        super().__init__(
            f'No index at {index_dir}. Run "timtin index data/" first '
            "(or point --index / TIMTIN_INDEX at an existing index)."
        )


class IndexDamaged(TimtinError):
    """An index whose files cannot be read (a segment or table of contents cut short)."""

    status = 503

    def __init__(self, err: BaseException) -> None:
        super().__init__(f"The index looks damaged: one of its files cannot be read ({type(err).__name__}: {err}). "
                         "Run `timtin reindex` to rebuild it from its sources; if that fails too, index the "
                         "sources again into a new folder (--index)")

    vi = 'Chỉ mục bị hỏng: có tệp không đọc được. Hãy chạy "timtin reindex" trên máy chủ để dựng lại.'

    def public(self) -> str:
        return 'The index is damaged: run "timtin reindex" on the server.'


# what reading a damaged index raises (Whoosh's EOFError of a truncated segment, a table of
# contents cut short, garbage metadata, a generation folder emptied): the CLI and the web name it as IndexDamaged
DAMAGE = (EOFError, pickle.UnpicklingError, json.JSONDecodeError, EmptyIndexError)


class IndexOutdated(TimtinError):
    """An index built by a timtin with another index layout."""

    status = 503

    def __init__(self, index_dir: object, version: object, wanted: int) -> None:
        super().__init__(
            f"The index at {index_dir} was built by another version of timtin "
            f'(schema {version}, this one reads {wanted}). Run "timtin reindex" to rebuild it.'
        )

    vi = 'Chỉ mục do một phiên bản timtin khác tạo ra. Hãy chạy "timtin reindex" trên máy chủ để dựng lại.'

    def public(self) -> str:
        return 'The index was built by another version of timtin. Run "timtin reindex" on the server to rebuild it.'


class IndexBusy(TimtinError):
    """Another process is writing the index."""

    status = 503


class QueryError(TimtinError):
    """A search request with a bad parameter; *vi* says it in Vietnamese."""

    status = 400

    def __init__(self, message: str, vi: str) -> None:
        super().__init__(message)
        self.vi = vi


class DiskFull(TimtinError):
    """The disk holding the index filled up; what the run wrote was removed."""

    status = 507

    def __init__(self, index_dir: object, free: int, needed: int) -> None:
        super().__init__(
            f"The disk holding the index is full: {free / 1e6:.1f} MB free, about {needed / 1e6:.0f} MB needed. "
            f"Nothing was changed in {index_dir}, and what this run had written was removed; free some space "
            "(or give another --index) and run again."
        )
        self.free = free
        self.needed = needed
