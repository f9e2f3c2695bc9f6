"""Helpers for the web page tests: text in the Windows-1258 encoding, as old CMSs wrote it."""

from __future__ import annotations

import unicodedata

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese text in Windows-1258: letters with their vowel marks
    precomposed (â, ơ, ư, đ...), tones as combining marks after them."""
    letters: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and letters:
            letters[-1].append(ch)
        else:
            letters.append([ch])
    out = []
    for base, *marks in letters:
        out.append(unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in TONES))
                   + "".join(m for m in marks if m in TONES))
    return "".join(out).encode("cp1258")
