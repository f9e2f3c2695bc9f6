"""The modules searching.py was split into, each on its own (issue #14): the index folder's
layout, a snapshot's postings, scoring, and spelling; on the sample archive (data/)."""

import numpy as np
import pytest

from indexer import layout, normalize, spelling
from indexer.abbreviations import load_default
from indexer.scoring import Scorer
from indexer.searching import Searcher
from indexer.snapshot import open_snapshot
from indexer.wordlist import default as default_words


@pytest.fixture(scope="module")
def snap(sample_index):
    return open_snapshot(layout.require_generation(sample_index))


def test_layout_names_the_live_generation_and_writes_atomically(sample_index, tmp_path):
    gen = layout.current_generation(sample_index)
    assert gen.name.startswith("gen-") and (sample_index / layout.CURRENT).read_text().strip() == gen.name
    layout.check_schema(gen)  # this timtin's schema
    assert layout.current_generation(tmp_path) is None
    layout.write_atomic(tmp_path / "x.json", "{}")
    assert (tmp_path / "x.json").read_text() == "{}" and not list(tmp_path.glob("*.tmp"))
    assert layout.new_generation_name(sample_index) > gen.name


def test_a_snapshot_reads_a_words_postings_and_a_pairs_as_spelled(snap):
    docs, contrib = snap.term("body", normalize.folded("dân"))
    assert len(docs) > 3 and docs.dtype == np.int32 and (contrib > 0).all()
    strict, _ = snap.pair("body", "dân", "vận", strict=True)
    loose, _ = snap.pair("body", "dan", "van", strict=False)
    assert 0 < len(strict) <= len(loose)
    assert set(strict.tolist()) <= set(loose.tolist())


def test_scoring_a_phrase_as_typed_is_narrower_than_any_spelling(sample_index, snap):
    searcher = Searcher(sample_index, load_default())
    strict = Scorer(snap, strict=True).query(searcher.parse("dân vận", snap))
    loose = Scorer(snap).query(searcher.parse("dan van", snap))
    assert 0 < strict.sum() <= loose.sum() and not (strict & ~loose).any()


def test_spelling_restores_accents_and_finds_the_nearest_word(snap):
    assert spelling.restore(snap, ["dan", "van"], load_default(), words=default_words()) == ["dân", "vận"]
    assert spelling.known(snap, "dân") and not spelling.known(snap, "dânn")
    assert spelling.one_edit("nhũg", "nhũng") and not spelling.one_edit("nhu", "nhũng")
    assert spelling.nearest("dnaa", {"dana": 3, "dao": 9}) == "dana"  # one swap away
    assert spelling.nearest("xyzw", {"dana": 3}) is None


def test_officials_counted_over_any_set_of_documents_as_the_articles_name_them(sample_index, snap):
    """The facet counts only the matching documents' (document, official) pairs (#13);
    on any subset of the sample archive, each official's count is the number of those
    articles that name them, read back article by article."""
    searcher = Searcher(sample_index, load_default())
    named = {}
    for doc in np.flatnonzero(snap.live):
        article = searcher._article(snap, snap.searcher.stored_fields(int(doc))["id"])
        named[int(doc)] = {searcher.person_key(o, int(doc)) for o in article.officials}
    assert sum(map(len, named.values())) > 20
    rng = np.random.default_rng(5)
    for share in (0.0, 0.1, 0.5, 1.0):
        docs = snap.live & (rng.random(snap.size) < share)
        counts = snap.official_counts(docs)
        expected = {}
        for doc in np.flatnonzero(docs):
            for key in named[int(doc)]:
                expected[key] = expected.get(key, 0) + 1
        assert {snap.names[i]: int(c) for i, c in enumerate(counts) if c} == expected
