"""Readers' latency while idle and slowloris clients hold the server, per worker class.

    python -m tests.tools.slow_clients                      # gevent and gthread, 3,000 articles
    python -m tests.tools.slow_clients --worker-class gthread --seconds 30

For each worker class it starts ``timtin serve`` on a synthetic archive, lets 4 readers
search without pause for a while alone, then with 50 idle and 8 slowloris connections
open (:class:`tests.tools.soak.SlowClients`), and prints requests, failures and latency
of the readers in each phase. The README's figures for ``timtin serve`` come from it.
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from tests.tools import synth
from tests.tools.bench import free_port, percentiles
from tests.tools.soak import QUERIES, SlowClients, timtin, total


def readers(port: int, seconds: float, count: int = 4) -> tuple[list[float], int]:
    """*count* readers, each a new connection per request with a 10 s timeout."""
    times: list[float] = []
    failures = [0]
    stop = threading.Event()

    def read(k: int) -> None:
        i = k
        while not stop.is_set():
            path = "/api/search?" + urlencode({"q": QUERIES[i % len(QUERIES)]})
            i += 1
            started = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", path)
                answer = conn.getresponse()
                answer.read()
                conn.close()
                ok = answer.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
            times.append((time.perf_counter() - started) * 1000)
            failures[0] += not ok

    threads = [threading.Thread(target=read, args=(k,)) for k in range(count)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=30)
    return times, failures[0]


def measure(index: Path, worker_class: str, seconds: float) -> None:
    port = free_port()
    server = subprocess.Popen(timtin("serve", "--index", str(index), "--port", str(port),
                                     "--worker-class", worker_class),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while True:
            try:
                total(port)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        readers(port, 3)  # warm: arrays loaded, caches filled
        for label, slow in (("alone", None), ("with 50 idle + 8 slowloris", SlowClients(port))):
            if slow:
                slow.start()
                time.sleep(3)
            times, failed = readers(port, seconds)
            if slow:
                slow.stop()
            stats = percentiles(times)
            print(f"{worker_class}: {label}: {len(times)} requests, {failed} failed, median {stats['median']} ms, "
                  f"p95 {stats['p95']} ms, max {stats['max']} ms", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker-class", choices=["gevent", "gthread"], action="append")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source = synth.write(Path(tmp) / "articles.jsonl", args.articles)
        index = Path(tmp) / "index"
        subprocess.run(timtin("index", str(source), "--index", str(index), "--procs", "2", "--officials",
                              os.devnull), check=True, stdout=subprocess.DEVNULL)
        for worker_class in args.worker_class or ["gevent", "gthread"]:
            measure(index, worker_class, args.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
