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
