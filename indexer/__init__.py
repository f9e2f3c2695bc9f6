"""timtin: full-text search over Vietnamese local news.

The core (everything here but :mod:`indexer.cli`) knows nothing of click or Flask:
:mod:`parsing` reads articles, :mod:`normalize` makes Vietnamese text canonical,
:mod:`officials` finds the officials an article names, :mod:`schema` and
:mod:`indexing` build the Whoosh index, and :mod:`searching` answers queries.
"""

__version__ = "0.1.0"
