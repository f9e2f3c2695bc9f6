"""Benchmark timtin against plain Whoosh and SQLite FTS5 on the same articles and queries.

    make bench                          # 5,000 synthetic articles: a quick look
    make bench BENCH_N=100000           # the full run (about 40 minutes)
    python -m tests.tools.bench --source ../shared/real-news/articles.jsonl

It measures, in one run:

* indexing: articles/s with 1 process (on a subset) and 2, a full ``reindex``,
  index size against the raw text, peak memory of the indexing process;
* searching in process: latency (median, p95, max) for the top 10 only, with
  facets, and with facets and highlighted snippets, for timtin and both baselines;
* searching over HTTP against ``timtin serve``: sequential, then 8 and 32 concurrent
  clients for a bounded time (loopback only), with requests/s, errors and the
  server's resident memory.

The baselines are written as a newcomer would: (a) Whoosh with StandardAnalyzer and
a folded copy of the text, ``groupedby`` facets and ``hit.highlights``; (b) SQLite
FTS5 with ``unicode61 remove_diacritics 2`` (``đ`` folded by hand), ``snippet()``
and ``GROUP BY`` facets. Results go to a Markdown table and a JSON file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

from indexer import indexing, normalize
from indexer.query import SearchRequest
from indexer.searching import Searcher
from tests.tools import synth

ROOT = Path(__file__).resolve().parent.parent.parent


# -- helpers -------------------------------------------------------------------

def percentiles(values: list[float]) -> dict:
    if not values:
        return {"median": None, "p95": None, "max": None, "n": 0}
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), 2),
        "p95": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 2),
        "max": round(ordered[-1], 2),
        "n": len(ordered),
    }


def run_measured(cmd: list[str]) -> tuple[float, int, str]:
    """Run a command; (seconds, the peak resident memory in MB of its largest process,
    output). The peak is each process's own high-water mark after exec, polled (the
    kernel's ru_maxrss counts the benchmark's own memory, copied at fork)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
    peak = [0.0]
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.2):
            for pid in [proc.pid, *descendants(proc.pid)]:
                peak[0] = max(peak[0], rss_mb(pid, "VmHWM"))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    output = proc.stdout.read().decode("utf-8", "replace")
    proc.stdout.close()
    proc.wait()
    done.set()
    watcher.join()
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{output}")
    return seconds, round(peak[0]), output


def descendants(pid: int) -> list[int]:
    """The processes started by *pid* and by those, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            out.append(child)
            todo.append(child)
    return out


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def live_mb(index: Path) -> float:
    """Size of the live generation (a reindex keeps the one before for a while)."""
    return round(folder_bytes(indexing.current_generation(index)) / 1e6, 1)


def read_rows(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if row.get("title") and row.get("body"):
                    rows.append(row)
    return rows


def write_rows(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


# -- the query set ---------------------------------------------------------------

def make_queries(rows: list[dict], officials: list[str], seed: int = 7, more: int = 0) -> list[dict]:
    """A fixed, seeded set: 1-3 syllables with and without accents, phrases, common
    and rare words, with and without date and official filters, pages 1 and 5; the
    first 45 or so are the set the baselines are asked, and *more* distinct ones of
    the same kinds (from another seed) follow them."""
    first = _queries(rows, officials, seed, 8, 10)
    if not more:
        return first
    seen = {json.dumps(p, sort_keys=True) for p in first}
    extra = []
    for params in _queries(rows, officials, seed + 1, more // 4, more // 3):
        key = json.dumps(params, sort_keys=True)
        if key not in seen:
            seen.add(key)
            extra.append(params)
    return first + extra[:more]


def _queries(rows: list[dict], officials: list[str], seed: int, words_n: int, phrases_n: int) -> list[dict]:
    rnd = random.Random(seed)
    words = Counter()
    sample = rows[:: max(1, len(rows) // 2000)]
    for row in sample:
        words.update(w.lower() for w, _, _ in normalize.tokens(row["body"]) if not w.isdigit())
    common = [w for w, _ in words.most_common(30)]
    rare = [w for w, n in words.items() if 3 <= n <= 10] or common
    queries: list[str] = ["tỉnh", "năm", "dan van", "dân vận", "chu tich ubnd tinh", '"tỉnh ủy"']
    for _ in range(words_n):
        queries.append(rnd.choice(common))
        queries.append(rnd.choice(rare))
    for _ in range(phrases_n):
        row = rnd.choice(sample)
        ws = [w for w, _, _ in normalize.tokens(row["body"]) if not w.isdigit()]
        n = rnd.choice([2, 3])
        i = rnd.randrange(0, max(1, len(ws) - n))
        phrase = " ".join(ws[i:i + n])
        queries.append(phrase)
        queries.append(normalize.fold(phrase).lower())
        if rnd.random() < 0.4:
            queries.append(f'"{phrase}"')
    out = []
    years = sorted({r["date"][:4] for r in sample if r.get("date")})
    for i, q in enumerate(queries):
        params = {"q": q}
        if i % 4 == 1 and years:
            params["year"] = rnd.choice(years)
        if i % 6 == 2 and officials:
            params["official"] = rnd.choice(officials[:20])
        if i % 5 == 3:
            params["page"] = "5"
        out.append(params)
    return out


# -- timtin ----------------------------------------------------------------------

def bench_timtin_index(work: Path, articles: Path, subset: Path, n: int, n1: int) -> tuple[list[dict], Path]:
    rows = []
    timtin = [sys.executable, "-m", "indexer"]
    for procs, source, count in ((1, subset, n1), (2, articles, n)):
        index = work / f"timtin-index-p{procs}"
        shutil.rmtree(index, ignore_errors=True)
        seconds, rss, _ = run_measured(timtin + ["index", str(source), "--index", str(index),
                                                 "--procs", str(procs), "--officials", os.devnull])
        rows.append({"config": f"timtin index, {procs} process{'es' if procs > 1 else ''}", "articles": count,
                     "seconds": round(seconds, 1), "articles_per_s": round(count / seconds, 1), "peak_rss_mb": rss,
                     "index_mb": live_mb(index)})
    index = work / "timtin-index-p2"
    seconds, rss, _ = run_measured(timtin + ["reindex", "--index", str(index), "--procs", "2",
                                             "--officials", os.devnull])
    rows.append({"config": "timtin reindex, 2 processes", "articles": n, "seconds": round(seconds, 1),
                 "articles_per_s": round(n / seconds, 1), "peak_rss_mb": rss, "index_mb": live_mb(index)})
    return rows, index


def timed(fn, queries: list[dict], rounds: int) -> dict:
    times = []
    for _ in range(rounds):
        for params in queries:
            started = time.perf_counter()
            fn(params)
            times.append((time.perf_counter() - started) * 1000)
    return percentiles(times)


def bench_timtin_search(index: Path, queries: list[dict], rounds: int, every: list[dict] | None = None,
                        label: str = "") -> list[dict]:
    """In process: the first query (opening the index), then every query of *every*
    once cold (each the first time this searcher sees it, as a server mostly does) and
    once warm, with facets and snippets; then the baseline *queries*, warm, *rounds*
    times, for the top 10 only, + facets, + snippets."""
    searcher = Searcher(index)
    started = time.perf_counter()
    searcher.warm()
    opened = (time.perf_counter() - started) * 1000
    rows = []
    every = every or queries
    for state in ("cold", "warm"):
        stats = timed(lambda p: searcher.search(SearchRequest.from_params(p)), every, 1)
        rows.append({"config": f"timtin in process, {state}, facets + snippets{label}", **stats})
    rows[0]["first_query_ms"] = round(opened, 1)
    for params in queries:  # warm the term cache once, as a running server has
        searcher.search(SearchRequest.from_params(params))
    for name, facets, snippets in (("top 10", False, False), ("+ facets", True, False),
                                   ("+ facets + snippets", True, True)):
        stats = timed(lambda p, f=facets, s=snippets: searcher.search(SearchRequest.from_params(p), facets=f, snippets=s),
                      queries, rounds)
        rows.append({"config": f"timtin in process, {name}{label}", **stats})
    return rows


# -- HTTP ------------------------------------------------------------------------

def warm_up_seconds(search_rows: list[dict]) -> float:
    """How long a fresh server is left to warm up before the first request: twice what
    the warm-up took in process (its workers warm up side by side on a shared machine),
    at least 3 s. At 100,000 articles it takes 10-25 s (opening the index, grouping
    stories); a request before it ends waits for it, which is not a search's time."""
    opened = next((r["first_query_ms"] for r in search_rows if "first_query_ms" in r), 0.0)
    return max(3.0, 2 * opened / 1000)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int, key: str = "VmRSS") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (gunicorn's workers)."""
    total = rss_mb(pid)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            total += rss_mb(int(stat.parent.name))
    return round(total, 1)


def http_paths(queries: list[dict]) -> list[str]:
    return ["/api/search?" + urlencode(p) for p in queries]


def start_server(index: Path) -> tuple[subprocess.Popen, int]:
    """``timtin serve`` on a free loopback port, answering /healthz."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "indexer", "serve", "--index", str(index), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
    )
    deadline = time.time() + 30
    while True:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return server, port
        except OSError:
            if time.time() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("timtin serve did not start")
            time.sleep(0.2)
        finally:
            conn.close()


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def sequential(port: int, paths: list[str]) -> tuple[list[float], int]:
    times, errors = [], 0
    one = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for path in paths:
        started = time.perf_counter()
        one.request("GET", path)
        answer = one.getresponse()
        answer.read()
        times.append((time.perf_counter() - started) * 1000)
        errors += answer.status != 200
    one.close()
    return times, errors


def bench_http(index: Path, queries: list[dict], seconds: float, every: list[dict] | None = None,
               label: str = "", concurrent: bool = True, settle: float = 3.0) -> list[dict]:
    """Over HTTP: a freshly started server asked every query of *every* once, one after
    another (cold: the first time each is asked, the server just started), then all
    again (warm); then, on another fresh server, 8 and 32 clients for *seconds* each,
    starting cold, each client taking the queries from its own place in the list."""
    rows = []
    every = every or queries
    server, port = start_server(index)
    try:
        time.sleep(settle)  # the server's own warm-up (opening the index, grouping stories) is not a search
        for state in ("cold", "warm"):
            times, errors = sequential(port, http_paths(every))
            rows.append({"config": f"timtin /api/search over HTTP, {state}, sequential{label}", **percentiles(times),
                         "errors": errors, "server_rss_mb": tree_rss_mb(server.pid)})
    finally:
        stop_server(server)
    if not concurrent:
        return rows
    server, port = start_server(index)
    try:
        time.sleep(settle)
        for clients in (8, 32):
            rows.append(_concurrent(port, http_paths(every), clients, seconds, server.pid, label))
    finally:
        stop_server(server)
    return rows


def _concurrent(port: int, paths: list[str], clients: int, seconds: float, pid: int, label: str = "") -> dict:
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds
    peak = [0.0]

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, bad, i = [], 0, k * len(paths) // clients
        while time.perf_counter() < stop:
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                answer = conn.getresponse()
                answer.read()
                bad += answer.status != 200
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append((time.perf_counter() - started) * 1000)
        conn.close()
        with lock:
            times.extend(mine)
            errors[0] += bad

    def watch() -> None:
        while time.perf_counter() < stop:
            peak[0] = max(peak[0], tree_rss_mb(pid))
            time.sleep(0.25)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)] + [threading.Thread(target=watch)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return {"config": f"timtin /api/search over HTTP, {clients} clients for {seconds:g} s{label}", **percentiles(times),
            "requests_per_s": round(len(times) / elapsed, 1), "errors": errors[0], "server_rss_mb": peak[0]}


# -- baseline (a): plain Whoosh as a newcomer writes it ------------------------------

BASELINE_KEY = "bench-source.json"  # beside the plain Whoosh index: which articles it holds, its indexing row


def bench_whoosh_baseline(work: Path, rows: list[dict], queries: list[dict], rounds: int,
                          articles: Path | None = None) -> list[dict]:
    """Plain Whoosh: its index (reused when the one in *work* holds the same *articles*
    file: indexing 100,000 takes about half an hour; its row then says which run
    measured it), then the queries."""
    from unidecode import unidecode
    from whoosh import fields, index as whoosh_index
    from whoosh.analysis import StandardAnalyzer

    folder = work / "whoosh-baseline"
    key = _source_key(articles) if articles else None
    try:
        kept = json.loads((folder / BASELINE_KEY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        kept = {}
    if key and kept.get("source") == key and whoosh_index.exists_in(str(folder)):
        return _whoosh_searches(whoosh_index.open_dir(str(folder)), queries, rounds,
                                [{**kept["row"], "from_run": kept["date"]}])
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(stored=True, analyzer=StandardAnalyzer()),
        body=fields.TEXT(stored=True, analyzer=StandardAnalyzer()),
        title_f=fields.TEXT(analyzer=StandardAnalyzer()),
        body_f=fields.TEXT(analyzer=StandardAnalyzer()),
        date=fields.DATETIME(sortable=True),
        ym=fields.ID(sortable=True),
        year=fields.ID(sortable=True),
        official=fields.KEYWORD(commas=True, lowercase=True),
    )
    ix = whoosh_index.create_in(str(folder), schema)
    started = time.perf_counter()
    writer = ix.writer(procs=2, limitmb=256)
    for row in rows:
        when = dt.datetime.fromisoformat(row["date"]) if row.get("date") else None
        writer.add_document(
            id=row["id"], title=row["title"], body=row["body"],
            title_f=unidecode(row["title"]), body_f=unidecode(row["body"]),
            date=when, ym=row["date"][:7] if when else "", year=row["date"][:4] if when else "",
            official=",".join(row.get("_officials", [])),
        )
    writer.commit()
    index_seconds = time.perf_counter() - started
    out = [{"config": "plain Whoosh index, 2 processes", "articles": len(rows), "seconds": round(index_seconds, 1),
            "articles_per_s": round(len(rows) / index_seconds, 1), "index_mb": round(folder_bytes(folder) / 1e6, 1)}]
    if key:
        (folder / BASELINE_KEY).write_text(json.dumps(
            {"source": key, "row": out[0], "date": dt.datetime.now().isoformat(timespec="seconds")}), encoding="utf-8")
    return _whoosh_searches(ix, queries, rounds, out)


def _source_key(path: Path) -> dict:
    stat = path.stat()
    return {"path": str(path.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _whoosh_searches(ix, queries: list[dict], rounds: int, out: list[dict]) -> list[dict]:
    """The queries asked of plain Whoosh: top 10, + facets, + highlights; after the *out* rows."""
    from unidecode import unidecode
    from whoosh import sorting
    from whoosh.qparser import MultifieldParser
    from whoosh.query import And, Term

    schema = ix.schema
    searcher = ix.searcher()
    parser = MultifieldParser(["title_f", "body_f"], schema)

    def query_of(params):
        q = parser.parse(unidecode(params["q"]))
        filters = []
        if params.get("year"):
            filters.append(Term("year", params["year"]))
        if params.get("official"):
            filters.append(Term("official", params["official"].lower()))
        return q, (And(filters) if filters else None)

    facets = {"ym": sorting.FieldFacet("ym"), "official": sorting.FieldFacet("official", allow_overlap=True)}

    def run(params, with_facets, with_highlights):
        q, filt = query_of(params)
        page = int(params.get("page", 1))
        results = searcher.search_page(q, page, pagelen=10, filter=filt, groupedby=facets if with_facets else None)
        if with_facets:
            results.results.groups("ym")
            results.results.groups("official")
        if with_highlights:
            for hit in results:
                hit.highlights("body")
        return results

    for label, f, h in (("top 10", False, False), ("+ facets", True, False), ("+ facets + snippets", True, True)):
        out.append({"config": f"plain Whoosh in process, {label}", **timed(lambda p, f=f, h=h: run(p, f, h), queries, rounds)})
    return out


# -- baseline (b): SQLite FTS5 ---------------------------------------------------

def _fold_d(text: str) -> str:
    return text.replace("đ", "d").replace("Đ", "D")


def bench_fts5(work: Path, rows: list[dict], queries: list[dict], rounds: int) -> list[dict]:
    path = work / "fts5.sqlite"
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path, check_same_thread=False)
    started = time.perf_counter()
    db.executescript("""
        CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT, title TEXT, day TEXT, ym TEXT, year TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TABLE officials(doc INTEGER, name TEXT);
    """)
    with db:
        for i, row in enumerate(rows, start=1):
            day = row.get("date") or ""
            db.execute("INSERT INTO docs VALUES (?,?,?,?,?,?)", (i, row["id"], row["title"], day, day[:7], day[:4]))
            db.execute("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)",
                       (i, _fold_d(row["title"]), _fold_d(row["body"])))
            db.executemany("INSERT INTO officials VALUES (?,?)", [(i, n) for n in row.get("_officials", [])])
    db.execute("CREATE INDEX officials_name ON officials(name)")
    db.execute("CREATE INDEX officials_doc ON officials(doc)")
    seconds = time.perf_counter() - started
    out = [{"config": "SQLite FTS5 index", "articles": len(rows), "seconds": round(seconds, 1),
            "articles_per_s": round(len(rows) / seconds, 1), "index_mb": round(path.stat().st_size / 1e6, 1)}]

    def match_of(q: str) -> str:
        parts = []
        for clause in q.replace('"', ' " ').split('"'):
            words = [w for w, _, _ in normalize.tokens(_fold_d(normalize.clean(clause)))]
            if words:
                parts.append('"' + " ".join(words) + '"' if len(words) > 1 and clause != q else
                             " AND ".join(f'"{w}"' for w in words))
        return " AND ".join(parts) or '""'

    def run(params, with_facets, with_snippets):
        where = ["fts MATCH ?"]
        args: list = [match_of(params["q"])]
        if params.get("year"):
            where.append("docs.year = ?")
            args.append(params["year"])
        if params.get("official"):
            where.append("fts.rowid IN (SELECT doc FROM officials WHERE name = ?)")
            args.append(params["official"])
        cond = " AND ".join(where)
        offset = (int(params.get("page", 1)) - 1) * 10
        snippet = ", snippet(fts, 1, '<mark>', '</mark>', '…', 24)" if with_snippets else ""
        db.execute(f"SELECT docs.id, docs.title{snippet} FROM fts JOIN docs ON docs.rowid = fts.rowid "
                   f"WHERE {cond} ORDER BY bm25(fts) LIMIT 10 OFFSET {offset}", args).fetchall()
        if with_facets:
            db.execute(f"SELECT docs.ym, count(*) FROM fts JOIN docs ON docs.rowid = fts.rowid "
                       f"WHERE {cond} GROUP BY docs.ym", args).fetchall()
            db.execute(f"SELECT o.name, count(*) FROM fts JOIN officials o ON o.doc = fts.rowid "
                       f"JOIN docs ON docs.rowid = fts.rowid WHERE {cond} GROUP BY o.name "
                       f"ORDER BY count(*) DESC LIMIT 30", args).fetchall()

    for label, f, s in (("top 10", False, False), ("+ facets", True, False), ("+ facets + snippets", True, True)):
        out.append({"config": f"SQLite FTS5 in process, {label}", **timed(lambda p, f=f, s=s: run(p, f, s), queries, rounds)})
    db.close()
    return out


# -- report ----------------------------------------------------------------------

COLUMNS = ["config", "articles", "seconds", "articles_per_s", "index_mb", "peak_rss_mb", "median", "p95", "max",
           "requests_per_s", "errors", "server_rss_mb"]


def markdown(rows: list[dict]) -> str:
    cols = [c for c in COLUMNS if any(c in r for r in rows)]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in rows:
        lines.append("| " + " | ".join("" if row.get(c) is None else str(row.get(c)) for c in cols) + " |")
    return "\n".join(lines)


def ratios(rows: list[dict]) -> list[str]:
    by = {r["config"]: r for r in rows}
    out = []
    for label in ("top 10", "+ facets", "+ facets + snippets"):
        ours = by.get(f"timtin in process, {label}")
        for base in ("plain Whoosh", "SQLite FTS5"):
            theirs = by.get(f"{base} in process, {label}")
            if ours and theirs and ours["p95"] and ours["median"]:
                out.append(f"- {label}: {base} / timtin = {theirs['median'] / ours['median']:.1f}x at the median, "
                           f"{theirs['p95'] / ours['p95']:.1f}x at p95")
    for base in ("plain Whoosh index, 2 processes", "SQLite FTS5 index"):
        ours, theirs = by.get("timtin index, 2 processes"), by.get(base)
        if ours and theirs:
            out.append(f"- indexing: timtin (2 processes) / {base} = "
                       f"{ours['articles_per_s'] / theirs['articles_per_s']:.2f}x articles/s; index size "
                       f"{ours['index_mb'] / theirs['index_mb']:.2f}x")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark timtin against plain Whoosh and SQLite FTS5.")
    parser.add_argument("--n", type=int, default=100_000, help="synthetic articles (ignored with --source)")
    parser.add_argument("--source", type=Path, help="a JSONL file of real articles instead")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--subset", type=int, default=5000, help="articles indexed with 1 process")
    parser.add_argument("--http-seconds", type=float, default=30.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--no-real", action="store_true",
                        help="skip the rows on the real news of ../shared/real-news beside the synthetic ones")
    parser.add_argument("--queries", type=int, default=210, help="distinct queries asked cold, then warm")
    parser.add_argument("--reuse-index", action="store_true",
                        help="search the index a previous run left in --out (its indexing rows are kept)")
    args = parser.parse_args(argv)
    work = args.out
    work.mkdir(parents=True, exist_ok=True)

    if args.source:
        rows = read_rows(args.source)
        articles = write_rows(work / "articles.jsonl", rows)
    else:
        real = synth.REAL_NEWS.exists()
        articles = work / f"synthetic-{args.n}-{'real' if real else 'sample'}-model.jsonl"
        if not articles.exists():
            print(f"Writing {args.n} synthetic articles, the model trained on "
                  f"{'the real news of ' + str(synth.REAL_NEWS) if real else 'data/'}...", flush=True)
            synth.write(articles, args.n, source=synth.REAL_NEWS, train=min(synth.TRAIN, max(3000, args.n)))
        rows = read_rows(articles)
    n = len(rows)
    n1 = min(n, args.subset)
    subset = write_rows(work / "subset.jsonl", rows[:n1])
    raw_mb = sum(len(r["title"].encode()) + len(r["body"].encode()) for r in rows) / 1e6
    print(f"{n} articles, {raw_mb:.1f} MB of text", flush=True)

    results = []
    previous = work / "bench.json"
    kept: list[dict] = []  # rows of the previous run that this one does not measure again
    if args.reuse_index and previous.exists():
        index = work / "timtin-index-p2"
        old = json.loads(previous.read_text(encoding="utf-8"))
        index_rows = [r for r in old["rows"] if r["config"].startswith(("timtin index", "timtin reindex"))
                      and "(real news)" not in r["config"]]
        if args.no_baselines:
            kept = [{**r, "from_run": old["date"]} for r in old["rows"]
                    if r["config"].startswith(("plain Whoosh", "SQLite FTS5"))]
    else:
        index_rows, index = bench_timtin_index(work, articles, subset, n, n1)
    results += index_rows
    print(markdown(index_rows), flush=True)
    officials = [c["value"] for c in Searcher(index).search(SearchRequest()).to_json()["facets"]["official"]]
    queries = make_queries(rows, officials)
    every = make_queries(rows, officials, more=max(0, args.queries - len(queries)))
    # the baselines get the officials timtin found, so the filters mean the same
    if not args.no_baselines:
        _attach_officials(index, rows)
    search_rows = bench_timtin_search(index, queries, args.rounds, every)
    settle = warm_up_seconds(search_rows)
    results += search_rows
    print(markdown(search_rows), flush=True)
    http_rows = bench_http(index, queries, args.http_seconds, every, settle=settle)
    results += http_rows
    print(markdown(http_rows), flush=True)
    real_rows: list[dict] = []
    if not args.source and not args.no_real and synth.REAL_NEWS.exists():
        real_rows = bench_real(work, args.rounds)
        results += real_rows
        print(markdown(real_rows), flush=True)
    if not args.no_baselines:
        for bench in (bench_fts5, partial(bench_whoosh_baseline, articles=articles)):
            more = bench(work, rows, queries, args.rounds)
            results += more
            print(markdown(more), flush=True)
    results += kept

    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    report = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine,
        "articles": n,
        "raw_text_mb": round(raw_mb, 1),
        "index_to_raw": round(next(r for r in index_rows if "reindex" in r["config"])["index_mb"] / raw_mb, 2),
        "real_index_to_raw": next((r["index_to_raw"] for r in real_rows if "index_to_raw" in r), None),
        "queries": len(queries),
        "rows": results,
        "ratios": ratios(results),
    }
    (work / "bench.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    reused = (f" Indexing rows{' and baselines' if kept else ''} from the run of "
              f"{kept[0]['from_run'] if kept else 'before'} on the same articles and queries."
              if args.reuse_index else "")
    text = (f"Benchmark of {dt.date.today()} on {machine}: {n} articles ({raw_mb:.1f} MB of text), "
            f"{len(every)} distinct queries cold then warm ({len(queries)} for the baselines); index "
            f"{report['index_to_raw']}x the raw text"
            + (f" ({report['real_index_to_raw']}x on the real news)" if report["real_index_to_raw"] else "")
            + f".{reused}\n\n"
            + markdown(results) + "\n\n" + "\n".join(report["ratios"]) + "\n")
    (work / "bench.md").write_text(text, encoding="utf-8")
    print("\n" + text)
    print(f"Written: {work / 'bench.md'}, {work / 'bench.json'}")
    return 0


def bench_real(work: Path, rounds: int) -> list[dict]:
    """The same measures on the real news of ../shared/real-news, to set beside the
    synthetic archive's: indexing, size, cold and warm searches in process and over HTTP."""
    rows = read_rows(synth.REAL_NEWS)
    raw_mb = sum(len(r["title"].encode()) + len(r["body"].encode()) for r in rows) / 1e6
    index = work / "timtin-index-real"
    shutil.rmtree(index, ignore_errors=True)
    seconds, rss, _ = run_measured([sys.executable, "-m", "indexer", "index", str(synth.REAL_NEWS), "--index",
                                    str(index), "--officials", os.devnull])
    size = live_mb(index)
    out = [{"config": "timtin index, default processes (real news)", "articles": len(rows),
            "seconds": round(seconds, 1), "articles_per_s": round(len(rows) / seconds, 1), "peak_rss_mb": rss,
            "index_mb": size, "index_to_raw": round(size / raw_mb, 2)}]
    officials = [c["value"] for c in Searcher(index).search(SearchRequest()).to_json()["facets"]["official"]]
    queries = make_queries(rows, officials)
    every = make_queries(rows, officials, more=210 - len(queries))
    searches = bench_timtin_search(index, queries, rounds, every, " (real news)")
    out += searches
    out += bench_http(index, queries, 0, every, " (real news)", concurrent=False, settle=warm_up_seconds(searches))
    return out


def _attach_officials(index: Path, rows: list[dict]) -> None:
    """Give each row the officials timtin found in it (for the baselines' facets)."""
    searcher = Searcher(index)
    for row in rows:
        article = searcher.article(row["id"])
        row["_officials"] = [o.name for o in article.officials] if article else []


if __name__ == "__main__":
    sys.exit(main())
