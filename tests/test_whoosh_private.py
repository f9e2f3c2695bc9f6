"""The private Whoosh calls timtin makes (indexer/whoosh_private.py) still exist with the
shape used: a Whoosh upgrade that moves one fails here, by name (issue #14)."""

import importlib
import inspect

import pytest

from indexer import indexing, whoosh_private
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl


def _resolve(dotted: str):
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for name in parts[i:]:
            obj = getattr(obj, name)
        return obj
    raise ImportError(dotted)


@pytest.mark.parametrize("owner, name", whoosh_private.USED)
def test_each_private_name_is_where_timtin_expects_it(owner, name):
    obj = _resolve(owner)
    if inspect.isfunction(obj):  # a keyword of a function
        assert name in inspect.signature(obj).parameters, f"{owner} lost its {name} parameter"
    elif name == "_added":  # set in __init__, not a class attribute
        assert "_added" in inspect.getsource(_resolve(owner + ".__init__")), f"{owner} lost {name}"
    else:
        assert callable(getattr(obj, name, None)), f"{owner}.{name} is gone"


def test_merge_segments_and_commit_toc_take_the_arguments_used():
    from whoosh.writing import SegmentWriter

    assert list(inspect.signature(SegmentWriter._merge_segments).parameters)[1:] == ["mergetype", "optimize", "merge"]
    assert list(inspect.signature(SegmentWriter._commit_toc).parameters)[1:] == ["segments"]


def test_segments_written_apart_commit_together_through_the_adapter(tmp_path):
    """Two runs of worker-written segments, committed without merging: every article found."""
    for run in range(2):
        rows = [{"id": f"r{run}-{i}", "title": f"Tin dân vận {i}", "body": "Công tác dân vận ở cơ sở."} for i in range(30)]
        indexing.update(tmp_path / "index", [write_jsonl(tmp_path / f"run{run}.jsonl", rows)], procs=2)
    ix = indexing._open_index(str(indexing.current_generation(tmp_path / "index")))
    assert len(whoosh_private.segments(ix)) >= 2  # nothing was merged
    assert Searcher(tmp_path / "index").search(SearchRequest(query="dan van")).total == 60
