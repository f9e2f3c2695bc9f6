"""Fixtures build on each other: articles on disk -> index_dir -> searcher -> runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer import indexing
from indexer.abbreviations import load_default
from indexer.searching import SearchRequest, Searcher

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory) -> Path:
    """The repo's sample archive (data/), indexed once for the session."""
    root = tmp_path_factory.mktemp("sample") / "index"
    report = indexing.update(root, [SAMPLE_DATA])
    assert report.added >= 40
    return root


@pytest.fixture(scope="session")
def sample_searcher(sample_index) -> Searcher:
    return Searcher(sample_index, load_default())


@pytest.fixture
def search(sample_searcher):
    """search("dan van", year=2021) -> SearchResult, from URL-like parameters."""

    def run(q: str = "", **params):
        return sample_searcher.search(SearchRequest.from_params({"q": q, **params}))

    return run


@pytest.fixture
def runner() -> CliRunner:
    try:  # click 8.1 mixes stderr into stdout unless told not to; 8.2 always keeps them apart
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


@pytest.fixture
def make_index(tmp_path):
    """Index JSONL rows in a fresh index; returns a Searcher."""

    def build(rows: list[dict]) -> Searcher:
        src = write_jsonl(tmp_path / "src" / "articles.jsonl", rows)
        root = tmp_path / "index"
        indexing.update(root, [src])
        return Searcher(root, load_default())

    return build
