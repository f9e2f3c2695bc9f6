"""Every private Whoosh call timtin makes, in one place (Whoosh 2.7.4, pinned).

timtin writes segments in worker processes and commits them together without merging,
as Whoosh's own ``MpWriter`` does; Whoosh offers no public API for that, so these few
calls reach into its writer and index. ``tests/test_whoosh_private.py`` checks that each
still exists with the shape used here and runs a commit through them, so a Whoosh
upgrade that moves one fails there, by name, not somewhere in an index run.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh.writing import NO_MERGE, SegmentWriter

# (class, attribute) of every private name used below; the test checks each
USED = (
    ("whoosh.writing.SegmentWriter", "_finalize_segment"),
    ("whoosh.writing.SegmentWriter", "_added"),
    ("whoosh.writing.SegmentWriter", "_merge_segments"),
    ("whoosh.writing.SegmentWriter", "_close_segment"),
    ("whoosh.writing.SegmentWriter", "_commit_toc"),
    ("whoosh.writing.SegmentWriter", "_finish"),
    ("whoosh.index.FileIndex", "_segments"),
    ("whoosh.writing.SegmentWriter.__init__", "_lk"),
)


def segments(ix) -> list:
    """The segments the index's latest commit holds."""
    return ix._segments()


def segment_writer(ix, codec, limitmb: int) -> SegmentWriter:
    """A writer of one new segment that takes no lock: the process that commits holds it."""
    return SegmentWriter(ix, _lk=False, codec=codec, limitmb=limitmb)


def finalize_segment(writer: SegmentWriter):
    """Write out the writer's segment without committing it; returns the segment."""
    return writer._finalize_segment()


def added_documents(writer: SegmentWriter) -> bool:
    """Whether documents were added to *writer* itself (not through finished segments)."""
    return bool(writer._added)


def commit_with(writer: SegmentWriter, segments_: list, before_toc: Callable[[list], None]) -> None:
    """Commit *writer* with the finished *segments_* added and no merging, calling
    ``before_toc(old)`` (the segments kept from the last commit) before the new table
    of contents names the generation."""
    old = writer._merge_segments(NO_MERGE, False, False)
    writer._close_segment()
    before_toc(old)
    writer._commit_toc(old + segments_)
    writer._finish()
