"""Spelling: accents restored to a query typed without them (``dan van`` -> ``dân vận``),
from how many articles hold each spelling of a word and of two words side by side
(a Viterbi path over the spellings, pairs inside listed words preferred), and the
nearest known word of a misspelt one.
"""

from __future__ import annotations

import math

from indexer import normalize
from indexer.abbreviations import Abbreviations
from indexer.officials import PROVINCES
from indexer.snapshot import Snapshot
from indexer.wordlist import WordList

SPELLINGS = 24  # accented spellings tried per word (postings' lengths: cheap)
PAIR_EVIDENCE = 32.0  # weight of two spellings seen side by side against one alone (tuned on real news)
TITLE_EVIDENCE = 3.0  # a title holding a pair, against an article body holding it
WORD_EVIDENCE = 2.0  # a pair inside a listed word, in units of log(pair count): "dân vận" over "dân vẫn"
OPERATORS = frozenset({"OR", "AND", "NOT"})


def known(snap: Snapshot, word: str) -> bool:
    """Whether the archive holds *word* as spelled (accents and all)."""
    counts, spellings = snap.words()
    e, f = normalize.exact(word), normalize.folded(word)
    if e == f:
        return f in counts
    return any(s == e for s, _ in spellings.get(f, ()))


def restore(
    snap: Snapshot,
    folded: list[str],
    table: Abbreviations | None,
    typed: list[tuple[str, bool]] | None = None,
    words: WordList | None = None,
) -> list[str] | None:
    """The most likely accented spelling of a folded word sequence, from the index.

    Officials' names and abbreviations are taken whole; *typed* words (exact form,
    and whether the archive knows it) are kept where known, and where not, become a
    known spelling one letter from what was typed (``nhũg`` -> ``nhũng``); a word the
    index never saw becomes the nearest one it did (one letter off); then each
    position's spellings are chosen together
    (Viterbi): how often each spelling occurs, and above all how often two
    neighbouring spellings stand side by side in titles and bodies.
    """
    key = ("restore", tuple(folded), tuple(typed) if typed else None, id(table), id(words))
    with snap.lock:
        if key in snap.cache:  # the reading and the suggestion of one query restore alike
            hit = snap.cache[key]
            return list(hit) if hit is not None else None
    best = _restore_uncached(snap, folded, table, typed, words)
    with snap.lock:
        snap._keep(key, tuple(best) if best is not None else None, 64 * len(folded) + 64)
    return best


def _restore_uncached(
    snap: Snapshot,
    folded: list[str],
    table: Abbreviations | None,
    typed: list[tuple[str, bool]] | None,
    words: WordList | None,
) -> list[str] | None:
    counts, spellings = snap.words()
    out: list[list[tuple[str, float]]] = []  # per position: candidates with a base score
    fixed: dict[int, str] = {}
    i = 0
    names = snap.whole_names()
    while i < len(folded):
        for size in (4, 3, 2):  # an official's full name
            key = " ".join(folded[i:i + size])
            if len(folded[i:i + size]) == size and key in names and not (typed and any(k for _, k in typed[i:i + size])):
                for k, part in enumerate(names[key].split()):
                    fixed[i + k] = part
                i += size
                break
        else:
            i += 1
    changed = False
    for i, word in enumerate(folded):
        if typed and typed[i][1]:
            out.append([(typed[i][0], 0.0)])
            continue
        if i in fixed:
            out.append([(fixed[i], 0.0)])
            changed = True
            continue
        if table and word in table.shown and len(word) >= 3:  # UBND, not "tu" (TƯ)
            out.append([(table.shown[word], 0.0)])
            changed = changed or table.shown[word] != word
            continue
        if word not in counts and not word.isdigit() and len(word) >= 3:
            near = nearest(word, counts)
            if near:
                word, changed = near, True
        options = spellings.get(word, [])[:SPELLINGS]
        total = counts.get(word, 0)
        plain = total - sum(n for _, n in options)
        cands = [(w, math.log1p(n)) for w, n in options]
        cands.append((word, math.log1p(max(plain, 0))))  # the word may be written so too
        if typed and normalize.has_accents(typed[i][0]):  # keep the accents that were typed
            cands = [c for c in cands if one_edit(c[0], typed[i][0])] or cands
        out.append(cands)
    best = _capitalise_places(_viterbi(snap, out, words))
    if not changed and best == folded:
        return None
    return best


_PLACES = {tuple(normalize.folded(w) for w in p.split()): p.split() for p in PROVINCES}


def _capitalise_places(words: list[str]) -> list[str]:
    """Province names as written: "tỉnh đồng tháp" -> "tỉnh Đồng Tháp"."""
    out = list(words)
    keys = [normalize.folded(w) for w in words]
    for i in range(len(words)):
        for size in (4, 3, 2, 1):
            place = _PLACES.get(tuple(keys[i:i + size]))
            if place and len(keys[i:i + size]) == size:
                out[i:i + size] = place
                break
    return out


def best_spelling(snap: Snapshot, before: str | None, word: str, words: WordList | None = None) -> str:
    """The likeliest spelling of one folded word, after the spelled word *before*."""
    counts, spellings = snap.words()
    accented = spellings.get(word, [])[:SPELLINGS]
    options = [*accented, (word, max(0, counts.get(word, 0) - sum(n for _, n in accented)))]
    if before is None:
        return max(options, key=lambda o: o[1])[0]
    evidence = _pair_evidence(snap, [(before, 0.0)], [(w, 0.0) for w, _ in options], words)[0]
    return max(zip(options, evidence), key=lambda oe: math.log1p(oe[0][1]) + PAIR_EVIDENCE * oe[1])[0][0]


def _viterbi(snap: Snapshot, cands: list[list[tuple[str, float]]], words: WordList | None = None) -> list[str]:
    """The best spelling per position: each spelling's count, and above all how often
    two neighbouring spellings stand side by side."""
    scores = [base for _, base in cands[0]]
    back: list[list[int]] = []
    for i in range(1, len(cands)):
        evidence = _pair_evidence(snap, cands[i - 1], cands[i], words)
        new_scores, pointers = [], []
        for j, (_, base) in enumerate(cands[i]):
            options = [scores[k] + PAIR_EVIDENCE * evidence[k][j] for k in range(len(cands[i - 1]))]
            k = max(range(len(options)), key=options.__getitem__)
            new_scores.append(options[k] + base)
            pointers.append(k)
        scores = new_scores
        back.append(pointers)
    k = max(range(len(scores)), key=scores.__getitem__)
    path = [k]
    for pointers in reversed(back):
        k = pointers[k]
        path.append(k)
    path.reverse()
    return [cands[i][k][0] for i, k in enumerate(path)]


def _pair_evidence(snap: Snapshot, left, right, words: WordList | None = None) -> list[list[float]]:
    """log(1 + how often two spellings stand side by side), for each combination:
    articles whose body holds the pair so spelled, and titles, which weigh more; and
    a pair inside a listed word more (a query is made of words: ``dan van`` is "dân
    vận" even where running text says "dân vẫn" more)."""
    fa, fb = normalize.folded(left[0][0]), normalize.folded(right[0][0])
    titles = snap.spelling_counts("title", fa, fb)
    bodies = snap.spelling_counts("body", fa, fb)
    out = []
    for a, _ in left:
        row = []
        for b, _ in right:
            key = f"{normalize.exact(a)} {normalize.exact(b)}"
            evidence = math.log1p(TITLE_EVIDENCE * titles.get(key, 0) + bodies.get(key, 0))
            if evidence and words is not None and words.joins(normalize.exact(a), normalize.exact(b), True):
                evidence += WORD_EVIDENCE
            row.append(evidence)
        out.append(row)
    return out


def one_edit(a: str, b: str) -> bool:
    """Whether *a* and *b* differ by at most one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def nearest(word: str, counts: dict[str, int]) -> str | None:
    """The most frequent known word one edit away (delete, swap, replace, insert)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    known = [(counts[e], e) for e in edits if e in counts]
    return max(known)[1] if known else None
