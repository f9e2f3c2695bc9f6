"""Where an index's bytes go: per kind of file and, in the term files, per field.

    python -m tests.tools.index_bytes var/index [--raw-mb 53.6]

Whoosh segments are compound files (``.seg``) of sub-files (``.trm`` lexicon, ``.pst``
postings, ``.col`` columns, stored fields in ``_stored.col``); loose ones are counted
the same. The term files are split per field: keys, term infos with postings inlined
(Whoosh inlines a term found in one document or a few), and postings written apart.
Our own files (``vocab-*.json``, the text postings ``postings-*.tpl``) are listed by
name, and the postings file's terms and postings counted.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import FileStorage

from indexer import indexing, postings


def sub_files(gen: Path) -> Counter:
    """Bytes per kind of file (the extension, or the column name for columns)."""
    out: Counter = Counter()
    storage = FileStorage(str(gen), supports_mmap=False)
    for path in gen.iterdir():
        if not path.is_file():
            continue
        if path.suffix == ".seg":
            with storage.open_file(path.name) as fh:
                compound = CompoundStorage(fh, use_mmap=False)
                for name, entry in compound._dir.items():
                    out[_kind(name)] += entry["length"] if isinstance(entry, dict) else entry[1]
        elif path.name.startswith("MAIN_") or path.name.startswith("_MAIN_"):
            out[_kind(path.name)] += path.stat().st_size
        else:
            out[path.name.split("-")[0] + "*" + path.suffix] += path.stat().st_size
    return out


def _kind(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[1:]) if len(parts) > 1 else name


def term_bytes(gen: Path) -> dict[str, Counter]:
    """Per field: terms, distinct terms, key bytes, term-info bytes, inlined terms, postings bytes."""
    ix = FileStorage(str(gen), supports_mmap=False).open_index()
    out: dict[str, Counter] = defaultdict(Counter)
    distinct: dict[str, set] = defaultdict(set)
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            table = leaf._terms._tindex
            fieldmap = table.extras["fieldmap"]
            names = {v: k for k, v in fieldmap.items()}
            for key, value in table.items():
                fieldname = names[int.from_bytes(key[:2], "big")]
                c = out[fieldname]
                c["terms"] += 1
                c["key_bytes"] += len(key)
                c["info_bytes"] += len(value)
                c["inlined"] += value[0] == 1
                if value[0] != 1:
                    c["postings_bytes"] += int.from_bytes(value[-4:], "big")
                if fieldname in ("title", "body"):
                    term = key[2:]
                    kind = "pair" if b" " in term else "word"
                    c[f"{kind}_terms"] += 1
                    c[f"{kind}_key_bytes"] += len(key)
                    c[f"{kind}_info_bytes"] += len(value)
                    distinct[f"{fieldname} {kind}"].add(term)
    for name, terms in distinct.items():
        fieldname, kind = name.split()
        out[fieldname][f"distinct_{kind}_terms"] = len(terms)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--raw-mb", type=float, help="the raw text's size, for ratios")
    args = parser.parse_args(argv)
    gen = indexing.require_generation(args.index)
    files = sub_files(gen)
    total = sum(files.values())
    print(f"{gen}: {total / 1e6:.1f} MB" + (f", {total / 1e6 / args.raw_mb:.2f}x the text" if args.raw_mb else ""))
    for kind, size in files.most_common():
        print(f"  {kind:24} {size / 1e6:9.1f} MB  {100 * size / total:5.1f}%")
    for path in sorted(gen.glob(f"{postings.LAYOUT_PREFIX}*{postings.SUFFIX}")):
        lay = postings.Layout(path)
        n_keys, n_postings = len(lay.keys), int(lay.starts[-1]) if len(lay.starts) else 0
        print(f"  {path.name}: {n_keys:,} terms (keys and starts {n_keys * 16 / 1e6:.1f} MB), "
              f"{n_postings:,} postings (documents and counts {n_postings * 6 / 1e6:.1f} MB)")
        lay.close()
    for fieldname, c in sorted(term_bytes(gen).items()):
        print(f"  field {fieldname}: " + ", ".join(
            f"{k} {v / 1e6:.1f} MB" if k.endswith("bytes") else f"{k} {v:,}" for k, v in sorted(c.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
