"""Scoring: the match mask and the BM25 scores of one query over a snapshot.

Words count folded, and again as typed (or as restored, for a query without accents);
the syllables of a word must stand side by side (pair terms); titles weigh more. The
ranking's key (:func:`order_key`) puts exact matches first, then the score.
"""

from __future__ import annotations

import itertools

import numpy as np

from indexer.query import Clause, ParsedQuery
from indexer.snapshot import Snapshot

TITLE_WEIGHT = 2.0
FIELDS = (("title", TITLE_WEIGHT), ("body", 1.0))  # the text fields, with their weights
EXACT_WEIGHT = 1.0  # added again for words matching with their accents as typed
PAIR_WEIGHT = 10.0  # neighbouring words side by side; measured on real news (README)
# Ways of writing a phrase parted by punctuation whose texts are read (each part in each of
# its forms: "UBND, HĐND" is four)
MAX_WRITINGS = 16


class Scorer:
    """Builds the match mask and the scores of one query over a snapshot.

    A *strict* query (typed with accents) matches words and pairs as spelled; a loose
    one (no accent anywhere) matches every spelling, and ranks the spelling its
    reading restored first (a clause's ``exact`` words are that reading).
    """

    def __init__(self, snap: Snapshot, strict: bool = False, breaks: frozenset = frozenset()) -> None:
        """:param breaks: folded word pairs that never stand side by side in the forms of
        the abbreviation table (``hoa the`` in ``Văn hóa, Thể thao và Du lịch``)."""
        self.snap = snap
        self.strict = strict
        self.breaks = breaks
        self.scores = np.zeros(snap.size, np.float32)
        # how many words and pairs of the likely reading a document holds as spelled:
        # it ranks first, so "dan van" finds "dân vận" before "dân vẫn"
        self.exact = np.zeros(snap.size, np.int16)

    def _add(self, fieldname: str, term: str, weight: float, mask: np.ndarray | None) -> None:
        """Score a term (unless *weight* is 0) and mark the documents holding it in *mask*."""
        dense = self.snap.dense(fieldname, term)
        if dense is not None:
            if weight:
                self.scores += weight * dense[1]
            if mask is not None:
                mask |= dense[0]
            return
        ids, contrib = self.snap.term(fieldname, term)
        if len(ids):
            if weight:
                self.scores[ids] += weight * contrib
            if mask is not None:
                mask[ids] = True

    def word(self, e: str, f: str, strict: bool, score: bool = True) -> np.ndarray:
        """Documents holding the word (exact *e*, folded *f*); scores it on the way."""
        present = np.zeros(self.snap.size, bool)
        boost = np.zeros(self.snap.size, bool) if score and not strict and e != f else None
        for fieldname, weight in FIELDS:
            folded_mask = None if strict else present
            if score or not strict:
                self._add(fieldname, f, weight if score else 0.0, folded_mask)
            if strict and e != f:
                self._add(fieldname, e, weight * EXACT_WEIGHT if score else 0.0, present)
            elif strict:
                present[self.snap.plain(fieldname, f)[0]] = True
            elif boost is not None:
                self._add(fieldname, e, weight * EXACT_WEIGHT, boost)
        if boost is not None:
            self.exact += boost
        return present

    def pairs(self, exact: list[str], folded: list[str], strict: bool, score: bool = True) -> np.ndarray:
        """Documents holding every neighbouring pair of the words side by side."""
        present = np.ones(self.snap.size, bool)
        for (a, b), (fa, fb) in zip(zip(exact, exact[1:]), zip(folded, folded[1:])):
            if (fa, fb) in self.breaks:
                continue  # the index holds no such pair: the words are asked for alone
            both = np.zeros(self.snap.size, bool)
            boost = np.zeros(self.snap.size, bool) if score and not strict and (a, b) != (fa, fb) else None
            for fieldname, weight in FIELDS:
                ids, contrib = self.snap.pair(fieldname, a, b, strict)
                both[ids] = True
                if score:
                    self.scores[ids] += weight * PAIR_WEIGHT * contrib
                if boost is not None:
                    ids, contrib = self.snap.pair(fieldname, a, b, True)
                    boost[ids] = True
                    self.scores[ids] += weight * EXACT_WEIGHT * PAIR_WEIGHT * contrib
            present &= both
            if boost is not None:
                self.exact += boost
        return present

    def form(self, exact: list[str], folded: list[str], strict: bool, score: bool = True) -> np.ndarray:
        """Documents holding the words, side by side when there are several."""
        present = np.ones(self.snap.size, bool)
        for e, f in zip(exact, folded):
            present &= self.word(e, f, strict, score)
        if len(folded) > 1:
            present &= self.pairs(exact, folded, strict, score)
        # every pair somewhere is not the words in a row: read the texts, for each part of
        # three words or more between the form's breaks (a comma the table writes)
        cuts = [0, *(k + 1 for k, pair in enumerate(zip(folded, folded[1:])) if pair in self.breaks), len(folded)]
        holding_all = present  # the form whole: the articles holding its own words and pairs
        for start, end in zip(cuts, cuts[1:]):
            if end - start > 2:
                part_exact, part_folded = exact[start:end], folded[start:end]
                holding = holding_all if (start, end) == (0, len(folded)) else self._holding(
                    part_exact, part_folded, strict)
                kept = np.zeros_like(present)  # the part's answer over every article holding its own pairs
                kept[self.snap.phrase(part_exact, part_folded, strict, np.flatnonzero(holding))] = True
                present = present & kept
        return present

    def _holding(self, exact: list[str], folded: list[str], strict: bool) -> np.ndarray:
        """Documents holding the words and every pair of them, unscored: the articles a
        phrase's texts are read in (the same whatever else a query asks, so cached)."""
        plain = Scorer(self.snap, self.strict, self.breaks)
        present = np.ones(self.snap.size, bool)
        for e, f in zip(exact, folded):
            present &= plain.word(e, f, strict, score=False)
        return present & plain.pairs(exact, folded, strict, score=False)

    def clause(self, clause: Clause, strict: bool, score: bool = True) -> np.ndarray:
        """Documents holding the clause in any of its forms (an abbreviation or its long form).

        With several forms, a document is scored by the form it holds best, each form's
        score per unit of its weight (:func:`_weight`: the long form's four words and three
        pairs of ``Hội đồng nhân dân`` weigh as much as ``HĐND``), and ranks with the exact
        matches when it holds a form as spelled (``UBND``, which has no accent to restore,
        as much as ``Ủy ban nhân dân``). Summed, the long form's pairs outscored the
        abbreviation several times over, and an article writing ``UBND`` in its title and
        body ranked below one writing the long form once."""
        forms = [(clause.exact, clause.folded), *clause.synonyms]
        if len(forms) == 1 or not score:
            present = np.zeros(self.snap.size, bool)
            for exact, folded in forms:
                present |= self.form(exact, folded, strict, score)
            return present
        widest = max(_weight(folded) for _, folded in forms)
        chances = max(max(self._chances(e, f, strict) for e, f in forms), 1)
        best = np.zeros_like(self.scores)
        best_exact = np.zeros(self.snap.size, np.float32)  # the share of a form's words and pairs as spelled
        present = np.zeros(self.snap.size, bool)
        for exact, folded in forms:
            alone = Scorer(self.snap, self.strict, self.breaks)  # this form's scores, apart from the others'
            holds = alone.form(exact, folded, strict)
            np.maximum(best, alone.scores * (widest / _weight(folded)), out=best)
            k = self._chances(exact, folded, strict)
            share = alone.exact / k if k else np.ones(self.snap.size, np.float32)
            np.maximum(best_exact, np.where(holds, share, 0), out=best_exact)
            present |= holds
        self.scores += best
        self.exact += np.rint(best_exact * chances).astype(self.exact.dtype)
        return present

    def _chances(self, exact: list[str], folded: list[str], strict: bool) -> int:
        """How many of a form's words and pairs count toward the exact matches of a loose
        query (:attr:`exact`): those whose reading differs from their folded form."""
        if strict:
            return 0
        words = sum(e != f for e, f in zip(exact, folded))
        pairs = sum((a, b) != (fa, fb) and (fa, fb) not in self.breaks
                    for (a, b), (fa, fb) in zip(zip(exact, exact[1:]), zip(folded, folded[1:])))
        return words + pairs

    def alternative(self, clauses: list[Clause]) -> np.ndarray:
        present = np.ones(self.snap.size, bool)
        for clause in clauses:
            present &= self.clause(clause, self.strict)
        for parts in _parted(clauses):
            if len(parts) > 1:
                present &= self.in_a_row(parts)
        # clauses side by side rank above scattered ones
        for a, b in _boundaries(clauses):
            for fieldname, weight in FIELDS:
                ids, contrib = self.snap.pair(fieldname, a, b, self.strict)
                self.scores[ids] += weight * PAIR_WEIGHT * contrib
        return present

    def in_a_row(self, parts: list[Clause]) -> np.ndarray:
        """Documents holding the parts of a phrase that punctuation parts (``"Hà Nội, Đà
        Nẵng"``) one after the other, with at most a little punctuation between them: each
        part anywhere is not the phrase typed. The texts of the articles holding every part
        are read (:meth:`Snapshot.phrase`), for each way of writing the parts (``"UBND,
        HĐND"`` is also "Ủy ban nhân dân, Hội đồng nhân dân"; at most :data:`MAX_WRITINGS`)."""
        kept = np.zeros(self.snap.size, bool)
        for forms in itertools.islice(itertools.product(*(part.forms() for part in parts)), MAX_WRITINGS):
            holding = np.ones(self.snap.size, bool)
            for exact, folded in forms:
                holding &= self._holding(exact, folded, self.strict)
            apart = tuple(itertools.accumulate(len(folded) for _, folded in forms[:-1]))
            kept[self.snap.phrase([w for exact, _ in forms for w in exact], [w for _, folded in forms for w in folded],
                                  self.strict, np.flatnonzero(holding), apart)] = True
        return kept

    def excluded(self, clause: Clause) -> np.ndarray:
        """Documents to leave out, spelled as the rest of the query is read."""
        return self.clause(clause, self.strict, score=False)

    def query(self, parsed: ParsedQuery) -> np.ndarray:
        if parsed.is_empty():
            mask = self.snap.live.copy()
        else:
            mask = np.zeros(self.snap.size, bool)
            for alt in parsed.alternatives:
                mask |= self.alternative(alt)
            mask &= self.snap.live
        for clause in parsed.excluded:
            if clause.phrase_at < 0:
                mask &= ~self.excluded(clause)
        for parts in _parted(parsed.excluded):  # left out where its parts stand in a row
            holds = self.in_a_row(parts) if len(parts) > 1 else np.ones(self.snap.size, bool)
            for part in parts:
                holds &= self.excluded(part)
            mask &= ~holds
        return mask


def _weight(folded: list[str]) -> float:
    """The weight of a form's terms in its score: its words, and its pairs ten times."""
    return len(folded) + PAIR_WEIGHT * (len(folded) - 1)


def _parted(clauses: list[Clause]) -> list[list[Clause]]:
    """The clauses of each phrase that punctuation parted into several, in order (one part
    left, the others past the query's words: the part alone)."""
    phrases: dict[int, list[Clause]] = {}
    for clause in clauses:
        if clause.phrase_at >= 0:
            phrases.setdefault(clause.phrase_at, []).append(clause)
    return list(phrases.values())


def _boundaries(clauses: list[Clause]) -> set[tuple[str, str]]:
    """The exact word pairs where neighbouring unquoted clauses meet, in each of their
    forms (``UBND`` | ``tỉnh`` and ``dân`` | ``tỉnh``), for the side-by-side boost."""
    plain = [c for c in clauses if not c.quoted]
    return {
        (left[-1], right[0])
        for a, b in zip(plain, plain[1:])
        for left, _ in a.forms()
        for right, _ in b.forms()
    }


def order_key(snap: Snapshot, scorer: Scorer, sort: str, parsed: ParsedQuery) -> np.ndarray:
    """Per document, higher is shown first: the ranking's key (see :meth:`Searcher._rank`)."""
    if sort == "relevance" and not parsed.is_empty():
        return scorer.exact.astype(np.float64) * 1e9 + scorer.scores
    days = snap.days.astype(np.float64)
    return -np.where(days == 0, 99999999, days) if sort == "oldest" else days
