"""Data files that ship with timtin: the abbreviation table, the word list and the
curated officials list.

In a source checkout they are the files of ``data/``; in an installed copy the same
files sit inside the package (``indexer/data/``, see ``pyproject.toml``) and are
found with :mod:`importlib.resources`. Never from the current folder: timtin reads the
same tables wherever it is run from. A user's own files are given by option or
environment variable (``TIMTIN_ABBREVIATIONS``, ``TIMTIN_OFFICIALS``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from indexer.errors import TimtinError

_CHECKOUT = Path(__file__).resolve().parent.parent / "data"


def path(name: str) -> Path | None:
    """The bundled file *name* (``abbreviations.tsv``, ``words.list``, ``officials.csv``),
    or None when this copy of timtin has none."""
    try:
        ref = resources.files("indexer.data") / name
        if ref.is_file():
            return Path(str(ref))
    except (ModuleNotFoundError, TypeError):
        pass
    here = _CHECKOUT / name
    return here if here.is_file() else None


def read(path: Path, what: str) -> str:
    """The text of a table file (UTF-8, with or without a BOM), or a message naming it."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise TimtinError(f"{path}: cannot read the {what} ({err}); it should be UTF-8 text") from None
