"""The real news of ``../shared/real-news`` for the eval tools: where it is, and a cached index.

Indexing the 15,000 real articles takes a few minutes, so the tools that measure
on them (:mod:`tests.tools.eval_matching`, :mod:`tests.tools.eval_restore`)
share one index in ``var/`` and rebuild it only when the source file changed
(size or time), when this timtin refuses to open it (another index layout) or
when asked to.
"""

from __future__ import annotations

import importlib.util

import json
import shutil
import sys
from pathlib import Path

from indexer import indexing
from indexer.errors import TimtinError

ROOT = Path(__file__).resolve().parent.parent.parent
REAL_NEWS = ROOT.parent / "shared" / "real-news" / "articles.jsonl"
REAL_INDEX = ROOT / "var" / "eval-real-index"
KEY_FILE = "eval-source.json"  # beside the generations; timtin ignores it


def source_key(source: Path) -> dict[str, object]:
    """What identifies the indexed file: its path, size and modification time."""
    stat = source.stat()
    return {"source": str(source.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _usable(folder: Path, key: dict[str, object]) -> bool:
    try:
        if json.loads((folder / KEY_FILE).read_text(encoding="utf-8")) != key:
            return False
        indexing.check_schema(indexing.require_generation(folder))
    except (OSError, ValueError, TimtinError):
        return False
    return True


def cached_index(source: Path, folder: Path = REAL_INDEX, rebuild: bool = False, procs: int = 2) -> Path:
    """An index of *source* in *folder*, built unless a usable one is there; returns *folder*."""
    key = source_key(source)
    if not rebuild and _usable(folder, key):
        return folder
    print(f"Indexing {source} into {folder} ({procs} processes)...", file=sys.stderr, flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    indexing.update(folder, [source], procs=procs)
    (folder / KEY_FILE).write_text(json.dumps(key), encoding="utf-8")
    return folder


def load_module(path: Path, name: str):
    """Another copy of a module of ours (an older ``officials.py``, ``snapshot.py``), loaded
    under *name* beside this one, to time both in one process (the benchmarks' ``--compare``)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
