"""Abbreviations and their long forms: UBND finds "Ủy ban nhân dân", and the reverse.

The table (``data/abbreviations.tsv``: abbreviation, tab, long form) is read by
:func:`load`. :func:`expand` rewrites a parsed query so that every abbreviation,
and every long form, also matches the other: ``UBND tỉnh Yên Bái`` finds articles
that write ``Ủy ban nhân dân tỉnh Yên Bái``, inside quoted phrases too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from indexer import bundled, normalize, schema
from indexer.errors import TimtinError
from indexer.query import Clause, ParsedQuery, typed_words


def _breaks(text: str) -> set[tuple[str, str]]:
    """The folded neighbours of *text* that do not stand side by side (a comma, a dash)."""
    text = normalize.clean(text)
    found = list(normalize.tokens(text))
    return {
        (normalize.folded(a), normalize.folded(b))
        for (a, _, end), (b, start, _) in zip(found, found[1:])
        if not schema.joins(text[end:start])
    }


def _words(text: str) -> tuple[list[str], list[str]]:
    words = [w for w, _, _ in normalize.tokens(normalize.clean(text))]
    return [normalize.exact(w) for w in words], [normalize.folded(w) for w in words]


@dataclass(frozen=True)
class Abbreviations:
    """Pairs of (abbreviation, long form), each form as (exact words, folded words)."""

    pairs: tuple = ()
    shown: dict = field(default_factory=dict, compare=False)  # folded abbreviation -> as written
    _by_first: dict = field(default_factory=dict, compare=False)
    # folded neighbours that a form writes apart (``hoa the`` in "Văn hóa, Thể thao"): the
    # index holds no pair there, so a search does not ask for one
    breaks: frozenset = field(default_factory=frozenset, compare=False)
    # pair index -> the first pair of its group (rows sharing a form, directly or through
    # other rows: TP.HCM, TPHCM, thành phố Hồ Chí Minh; :func:`row_groups`)
    group_of: tuple = field(default=(), compare=False)

    @classmethod
    def of(cls, rows: list[tuple[str, str]]) -> Abbreviations:
        pairs, by_first, shown = [], {}, {}
        breaks: set[tuple[str, str]] = set()
        for short, long in rows:
            a, b = _words(short), _words(long)
            breaks |= _breaks(short) | _breaks(long)
            if not a[1] or not b[1]:
                continue
            index = len(pairs)
            pairs.append((a, b))
            shown[" ".join(a[1])] = short
            for form in (a, b):
                by_first.setdefault(form[1][0], []).append((form[1], index))
        for options in by_first.values():
            options.sort(key=lambda o: -len(o[0]))
        groups = row_groups([(tuple(a[1]), tuple(b[1])) for a, b in pairs])
        return cls(tuple(pairs), shown, by_first, frozenset(breaks), tuple(groups))

    def match(self, folded: list[str], i: int) -> tuple[int, int] | None:
        """(length, pair index) of the longest form starting at folded[i], or None."""
        for form, index in self._by_first.get(folded[i], ()):
            if folded[i:i + len(form)] == form:
                return len(form), index
        return None

    def write_short(self, folded: list[str]) -> list[str]:
        """Folded words with every form of the table written as its abbreviation's
        (``uy ban nhan dan tinh`` -> ``ubnd tinh``): posts compare so however written. Rows
        sharing a form write one abbreviation, their group's first (``TPHCM``, ``thành phố
        Hồ Chí Minh`` -> ``tp hcm``), as :meth:`other_forms` finds them all from any."""
        out, i = [], 0
        while i < len(folded):
            hit = self.match(folded, i)
            if hit:
                out += self.pairs[self.group_of[hit[1]]][0][1]
                i += hit[0]
            else:
                out.append(folded[i])
                i += 1
        return out

    def other_forms(self, folded: list[str]) -> list[tuple[list[str], list[str]]]:
        """The forms that stand for the same thing as the folded words *folded*: every
        form of the rows of its group (``TP.HCM`` and ``TPHCM``, both ``thành phố Hồ Chí
        Minh``, find each other), in the table's order."""
        groups = {self.group_of[k] for k, (a, b) in enumerate(self.pairs) if folded in (a[1], b[1])}
        seen, out = {tuple(folded)}, []
        for k, row in enumerate(self.pairs):
            if self.group_of[k] in groups:
                for form in row:
                    if tuple(form[1]) not in seen:
                        seen.add(tuple(form[1]))
                        out.append(form)
        return out


def load_default(path: Path | None = None) -> Abbreviations | None:
    """The table at *path*, else ``data/abbreviations.tsv`` beside the package (None
    when neither exists, as in an install without the repository's data)."""
    if path is not None:
        return load(path)
    bundled_table = bundled.path("abbreviations.tsv")
    return load(bundled_table) if bundled_table else None


def load(path: Path) -> Abbreviations:
    """Read a tab-separated table; lines starting with # are comments."""
    return Abbreviations.of(read_rows(path))


def read_rows(path: Path) -> list[tuple[str, str]]:
    """The (abbreviation, long form) rows of a table as written (a BOM, blank lines and
    comments aside), or a message naming the bad line."""
    text = bundled.read(path, "abbreviations")
    rows = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 2 or not all(parts):
            raise TimtinError(f"{path}:{lineno}: expected an abbreviation, a tab, then its long form")
        rows.append((parts[0], parts[1]))
    return rows


def expand(parsed: ParsedQuery, table: Abbreviations | None) -> ParsedQuery:
    """*parsed* with each abbreviation or long form also matching the other."""
    if table is None or not table.pairs:
        return parsed
    return replace(
        parsed,
        alternatives=[_expand_clauses(alt, table) for alt in parsed.alternatives],
        excluded=[_with_synonyms(c, table) for c in parsed.excluded],
    )


def _expand_clauses(clauses: list[Clause], table: Abbreviations) -> list[Clause]:
    out: list[Clause] = []
    i = 0
    while i < len(clauses):
        clause = clauses[i]
        if clause.prefix:  # ``UBND*``: the words starting so, read by the searcher
            out.append(clause)
            i += 1
            continue
        if clause.quoted or len(clause.folded) > 1:
            out.append(_with_synonyms(clause, table))
            i += 1
            continue
        # a run of single words may hold a long form ("ủy ban nhân dân")
        run = []
        j = i
        while j < len(clauses) and not clauses[j].quoted and not clauses[j].prefix and len(clauses[j].folded) == 1:
            run.append(clauses[j].folded[0])
            j += 1
        found = table.match(run, 0)
        if found:
            length, _ = found
            words = clauses[i:i + length]
            merged = Clause([w.exact[0] for w in words], [w.folded[0] for w in words], typed=typed_words(words))
            out.append(_with_synonyms(merged, table))
            i += length
        else:
            out.append(clause)
            i += 1
    return out


def row_groups(keys: list[tuple[tuple, tuple]]) -> list[int]:
    """For each row, given as the keys of its two forms (their folded words), the index of
    the first row of its group: rows sharing a form, directly or through other rows, are
    one group (``TP.HCM`` and ``TPHCM``, both ``thành phố Hồ Chí Minh``)."""
    group = list(range(len(keys)))

    def root(k: int) -> int:
        while group[k] != k:
            group[k] = group[group[k]]
            k = group[k]
        return k

    first_with: dict[tuple, int] = {}
    for k, forms in enumerate(keys):
        for form in forms:
            if form in first_with:
                low, high = sorted((root(first_with[form]), root(k)))
                group[high] = low
            else:
                first_with[form] = k
    return [root(k) for k in range(len(keys))]


def _is_word(folded: list[str]) -> bool:
    """Whether an abbreviation is also a word of the language: one word of one or two
    letters with a vowel, folded (``TƯ``: "tư"; not ``TP``, ``DN``). A rough test: it would
    also call ``UB`` a word; the table holds no such row now."""
    return len(folded) == 1 and len(folded[0]) <= 2 and any(v in folded[0] for v in "aeiouy")


def _capitals(clause: Clause, i: int, length: int) -> bool:
    """Whether words i..i+length of the clause were typed in capitals (or are not known as typed)."""
    typed = clause.typed[i:i + length] if clause.typed else None
    return typed is None or all(w.isupper() for w in typed)


def _with_synonyms(clause: Clause, table: Abbreviations) -> Clause:
    """The clause with its forms in which one abbreviation is swapped for its long form
    (or the reverse)."""
    synonyms = []
    folded = clause.folded
    i = 0
    while i < len(folded):
        found = table.match(folded, i)
        if not found:
            i += 1
            continue
        length, index = found
        short = table.pairs[index][0][1]
        if folded[i:i + length] == short and len("".join(short)) <= 2 and not _capitals(clause, i, length):
            i += length  # "tư" is a word; only "TƯ" is Trung ương
            continue
        for exact, fold in table.other_forms(folded[i:i + length]):
            if _is_word(fold):
                continue  # the index cannot tell "TƯ" from "tư" (đầu tư): "trung ương" does not ask for it
            synonyms.append((clause.exact[:i] + exact + clause.exact[i + length:],
                             folded[:i] + fold + folded[i + length:]))
        i += length
    return replace(clause, synonyms=synonyms) if synonyms else clause
