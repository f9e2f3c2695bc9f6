"""Words of several syllables, for reading a query: which neighbours form one word.

Vietnamese writes a word of two or three syllables as separate syllables
(``dân vận``, ``an toàn thực phẩm``), so a query's syllables must be grouped back into
words before they can be asked to stand side by side. ``data/words.list`` (one word a
line, with its accents) lists common ones; :mod:`indexer.searching` also groups by the
archive's own statistics where the list is silent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from indexer import bundled, normalize



@dataclass(frozen=True)
class WordList:
    """The neighbouring syllable pairs inside listed words, exact and folded."""

    exact_pairs: frozenset = field(default_factory=frozenset)
    folded_pairs: frozenset = field(default_factory=frozenset)

    @classmethod
    def of(cls, words: list[str]) -> WordList:
        exact_pairs, folded_pairs = set(), set()
        for word in words:
            parts = [w for w, _, _ in normalize.tokens(normalize.clean(word))]
            exact = [normalize.exact(w) for w in parts]
            folded = [normalize.folded(w) for w in parts]
            exact_pairs.update(zip(exact, exact[1:]))
            folded_pairs.update(zip(folded, folded[1:]))
        return cls(frozenset(exact_pairs), frozenset(folded_pairs))

    def joins(self, a: str, b: str, strict: bool) -> bool:
        """Whether exact words *a* and *b* stand inside one listed word (any spelling
        of them unless *strict*)."""
        if strict:
            return (a, b) in self.exact_pairs
        return (normalize.folded(a), normalize.folded(b)) in self.folded_pairs


def load(path: Path) -> WordList:
    """Read a word list: UTF-8, one word a line; lines starting with # are comments."""
    text = bundled.read(path, "word list")
    return WordList.of([line for line in text.splitlines() if line.strip() and not line.startswith("#")])


_DEFAULT: WordList | None = None


def default() -> WordList:
    """The bundled list, read once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_default()
    return _DEFAULT


def load_default(path: Path | None = None) -> WordList:
    """The list at *path*, else the bundled ``data/words.list`` (an empty list when
    neither exists: queries are then grouped by the archive's statistics alone)."""
    if path is not None:
        return load(path)
    bundled_list = bundled.path("words.list")
    return load(bundled_list) if bundled_list else WordList()
