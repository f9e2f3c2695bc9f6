"""Vietnamese text normalisation: one set of rules for indexing and for queries.

Three layers, each built on the one before:

* :func:`clean` makes a whole text canonical: Unicode NFC with Vietnamese marks in
  their usual order, odd spaces turned into plain ones, invisible characters removed,
  and the look-alike ``Ð`` (U+00D0, eth) read as ``Đ``.
* :func:`exact` turns one word into its *exact* form: lower case with one tone
  placement (``hoà`` and ``hòa`` both become ``hòa``; ``uỷ`` and ``ủy`` become ``ủy``).
* :func:`fold` turns a word into its accent-free form: ``Đường`` -> ``duong``.

:func:`tokens` splits a text into words with their character offsets; the Whoosh
analyzers in :mod:`indexer.schema` and the snippet maker in :mod:`indexer.searching`
both use it, so the index, the queries and the highlighting agree on what a word is.
One-letter words (``ý``, ``ở``) are words like any other: there is no stop list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from unidecode import unidecode

# Tone marks, in the decomposed form: grave, acute, tilde, hook above, dot below.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Marks that change the vowel itself (circumflex, breve, horn) come before the tone.
_VOWEL_MARKS = frozenset("\u0302\u0306\u031b")
_VOWELS = frozenset("aăâeêioôơuưy")
_MODIFIED_VOWELS = frozenset("ăâêôơư")

_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
             "\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"),
    " ",
)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# control characters no text shows (a JSON "\u0000", "\u001b" or "\u009b" an encoder let through;
# a terminal would obey them)
_INVISIBLE.update(dict.fromkeys([*range(0x00, 0x09), *range(0x0e, 0x20), *range(0x7f, 0xa0)], None))
_LOOKALIKES = {0x00D0: "Đ", 0x00F0: "đ"}  # Ð ð (Icelandic eth) typed for Đ đ
_CLEAN_TABLE = {**_SPACES, **_INVISIBLE, **_LOOKALIKES, ord("\r"): None}

_COMBINING = re.compile("[\u0300-\u036f]")
# a word: letters and digits (marks included); a number's dots and commas between digits are
# part of it, as Vietnamese writes thousands and decimals (``1.300``, ``2,4``, ``19.5``)
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_](?:[^\W_]|[\u0300-\u036f])*")


def clean(text: str) -> str:
    """Return *text* in canonical form: NFC, plain spaces, no invisible characters.

    Line breaks are kept (the parser reads paragraphs from them); ``\\r`` is dropped.
    """
    text = text.translate(_CLEAN_TABLE)
    if _COMBINING.search(text):
        text = _order_marks(unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", text)


def _order_marks(decomposed: str) -> str:
    """Put vowel marks before tone marks after each base letter.

    NFC alone cannot compose ``e`` + acute + circumflex (both have combining class
    230, so their order is kept as typed); Vietnamese keyboards sometimes type them
    that way round.
    """
    out: list[str] = []
    marks: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            marks.append(ch)
            continue
        if marks:
            out.extend(sorted(marks, key=lambda m: m not in _VOWEL_MARKS))
            marks = []
        out.append(ch)
    out.extend(sorted(marks, key=lambda m: m not in _VOWEL_MARKS))
    return "".join(out)


@lru_cache(maxsize=4096)
def _split_tone(ch: str) -> tuple[str, str]:
    """Split one NFC letter into (letter without tone, tone mark or "")."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = "".join(m for m in decomposed if m in TONE_MARKS)
    if not tone:
        return ch, ""
    base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in TONE_MARKS))
    return base, tone


def _has_tone(word: str) -> bool:
    return any(_split_tone(ch)[1] for ch in word if ord(ch) > 0x7F)


def unify_tone(syllable: str) -> str:
    """Place the tone mark of one Vietnamese syllable by the traditional rule.

    The press writes both ``hoà`` and ``hòa``, ``thuỷ`` and ``thủy``, and typists
    produce ``qúy`` for ``quý``. We keep one form, the one most Vietnamese papers
    use: on the letter with a vowel mark (``ươ`` takes it on ``ơ``); else on the
    only vowel; else, before a final consonant, on the last vowel; else on the
    first of two vowels (``hòa``, ``thủy``, ``khỏe``) or the middle of three
    (``ngoài``). ``qu`` and ``gi`` + vowel count as consonants. Words that are
    not one Vietnamese syllable are returned unchanged.
    """
    if syllable.isascii() or not _has_tone(syllable):
        return syllable
    parts = [_split_tone(ch) for ch in syllable]
    toned = [i for i, (_, tone) in enumerate(parts) if tone]
    if len(toned) != 1:
        return syllable
    tone = parts[toned[0]][1]
    bases = [base for base, _ in parts]
    lower = [b.lower() for b in bases]
    vowel_at = [i for i, b in enumerate(lower) if b in _VOWELS]
    if not vowel_at:
        return syllable
    start, end = vowel_at[0], vowel_at[-1] + 1
    if end - start != len(vowel_at):  # two vowel groups: not one syllable
        return syllable
    if start > 0 and end - start > 1 and (
        (lower[start] == "u" and lower[start - 1] == "q")
        or (lower[start] == "i" and lower[start - 1] == "g")
    ):
        start += 1
    cluster = range(start, end)
    modified = [i for i in cluster if lower[i] in _MODIFIED_VOWELS]
    if modified:
        target = modified[-1]
    elif len(cluster) == 1:
        target = start
    elif end < len(lower):  # a final consonant follows
        target = end - 1
    elif len(cluster) == 2:
        target = start
    else:
        target = start + 1
    if target == toned[0]:
        return syllable
    bases[target] = unicodedata.normalize("NFC", bases[target] + tone)
    return "".join(bases)


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {cp: None for cp in range(0x0300, 0x0370)}
    for lo, hi in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for cp in range(lo, hi):
            ascii_form = unidecode(chr(cp))
            if ascii_form.isalpha() and ascii_form.isascii():
                table[cp] = ascii_form
    return table


_FOLD_TABLE = _build_fold_table()


def letter_forms() -> dict[str, str]:
    """Each plain lower-case letter -> every letter :func:`fold` makes it, both cases
    (``d``: ``dDđĐ...``): to find a folded word in a text as written."""
    forms: dict[str, set[str]] = {}
    for c in [*map(chr, range(0x61, 0x7B))] + [chr(cp) for cp, base in _FOLD_TABLE.items() if base]:
        base = fold(c).lower()
        if len(base) == 1 and base.isalpha():
            forms.setdefault(base, set()).update({c, c.lower(), c.upper()})
    return {base: "".join(sorted(cs)) for base, cs in forms.items()}


def has_marks_apart(text: str) -> bool:
    """Whether *text* holds combining marks (decomposed, NFD): :func:`clean` composes them."""
    return _COMBINING.search(text) is not None


def fold(text: str) -> str:
    """Drop every accent and read ``đ``/``Đ`` as ``d``/``D``: ``Đường`` -> ``Duong``.

    Works on NFC and NFD text alike. (Stripping combining marks alone leaves ``đ``,
    which has no decomposition.)
    """
    return text.translate(_FOLD_TABLE)


# i and y are one sound after a consonant, and the press writes both:
# kỹ/kĩ, lý/lí, Mỹ/Mĩ, sỹ/sĩ, quý/quí, công ty/công ti. We match them as one.
_IY = re.compile(r"^(?:[bdđhklmnrstvx]|ph|th|ch|tr|nh|kh|qu)[yýỳỷỹỵ]$")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")


def same_iy(word: str) -> str:
    """One spelling for syllables written with i or y: ``kỹ`` -> ``kĩ``, ``quý`` -> ``quí``."""
    return word.translate(_Y_TO_I) if _IY.match(word) else word


# The spelling the press mostly writes, for syllables :func:`same_iy` reads as one: y in
# "kỷ luật", "lý do", "Mỹ", "quý", "quy định", "tỷ đồng", "ký kết", "kỳ họp", "kỹ thuật",
# "hy vọng" (i stays where the press writes i: "bác sĩ", "mì", "tí", "vi", "thi")
_AS_WRITTEN = {"kì": "kỳ", "kí": "ký", "kỉ": "kỷ", "kĩ": "kỹ", "lí": "lý", "li": "ly", "mĩ": "mỹ",
               "qui": "quy", "quí": "quý", "quì": "quỳ", "quỉ": "quỷ", "quĩ": "quỹ", "tỉ": "tỷ", "hi": "hy"}


def as_written(word: str) -> str:
    """An :func:`exact` word to show as the press writes it: ``kỉ`` -> ``kỷ`` (a suggestion
    read "kỉ luật", which 13 of 15,000 real articles write, for the 269 writing "kỷ luật")."""
    return _AS_WRITTEN.get(word, word)


@lru_cache(maxsize=200_000)
def exact(word: str) -> str:
    """The exact form of a word: lower case, tone placed by :func:`unify_tone`, i/y as one."""
    return same_iy(unify_tone(word.lower()))


@lru_cache(maxsize=200_000)
def folded(word: str) -> str:
    """The accent-free lower-case form of a word (i/y as one)."""
    return same_iy(fold(word.lower()))


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(word, start, end)`` for each word of *text*, as written.

    A word is a run of letters and digits (marks included, so NFD text is not cut
    at its accents), and a number keeps the dots and commas between its digits
    (``1.300``, ``2,4``: one word). Offsets index into *text* itself.
    """
    for match in _WORD.finditer(text):
        yield match.group(), match.start(), match.end()


_PARTS = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")


def parts(text: str) -> Iterator[tuple[str, int, int]]:
    """As :func:`tokens`, but a number's digit groups apart (``19.5`` is 19 and 5, as
    ``19/5`` and ``19-5`` are): what a copy keeps when an outlet writes dates and figures
    its own way (:mod:`indexer.stories`)."""
    for match in _PARTS.finditer(text):
        yield match.group(), match.start(), match.end()


def words(text: str) -> list[str]:
    """The exact forms of the words of *text* (cleaned first)."""
    return [exact(w) for w, _, _ in tokens(clean(text))]


def has_accents(text: str) -> bool:
    """Whether *text* holds any letter that folding would change."""
    return fold(text) != text


def title_case(name: str) -> str:
    """Capitalise each syllable: ``PHƯƠNG DUNG`` -> ``Phương Dung``."""
    return " ".join(part[:1].upper() + part[1:].lower() for part in name.split())


def canonical_name(name: str) -> str:
    """One spelling per person: cleaned, tones unified, each syllable capitalised."""
    return title_case(" ".join(unify_tone(w) for w in clean(name).split()))


# A Vietnamese syllable, accents dropped: an initial consonant, one to three vowels, a final.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")


def is_syllable(word: str) -> bool:
    """Whether *word* is spelled as a Vietnamese syllable (``Lừa``, ``Nguyễn``; not ``Obama``)."""
    return _SYLLABLE.fullmatch(fold(clean(word)).lower()) is not None


def name_key(name: str) -> str:
    """Accent-free lower-case key of a name, for matching what a user types."""
    return " ".join(folded(w) for w, _, _ in tokens(clean(name)))
