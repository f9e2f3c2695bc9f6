"""A load and fault test you can rerun: searches keep answering while the index is rebuilt
and a rebuild is killed.

    make soak                         # 3,000 synthetic articles, 4 clients, about a minute
    python -m tests.tools.soak --articles 300 --clients 2   # the short form CI runs

It indexes a synthetic archive (on a small tmpfs it mounts when it can), starts
``timtin serve`` on loopback, and while clients search without pause, and 50 idle and
8 slowloris connections hold the server, it (1) starts a ``reindex`` and kills it with
SIGKILL part-way, (2) runs a ``reindex`` to the end, and (3) on the tmpfs, runs an
``index`` of eight times as many articles more, which must fill the disk and fail with
one message, leaving the space as it was. It then checks that no reader's request
failed and that the archive holds as many articles as before, and prints latency and
error figures. Exit code 0 when all hold, 1 otherwise. Every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from tests.tools import synth
from tests.tools.bench import free_port, percentiles

QUERIES = ["dân vận", "dan van", "tỉnh ủy", "chu tich ubnd tinh", '"công tác dân vận"', "hội nghị -covid",
           "giao thông", "bao lu", "Lạng Sơn", ""]


def timtin(*args: str) -> list[str]:
    return [sys.executable, "-m", "indexer", *args]


def total(port: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", "/api/search?per_page=1")
        return json.loads(conn.getresponse().read())["total"]
    finally:
        conn.close()


class SlowClients:
    """Connections that hold a server's attention without asking anything of it: *idle*
    ones that send nothing, and *slow* ones that send a request line, then one header
    byte every *gap* seconds (slowloris). A connection the server closes is opened again,
    so the pressure lasts until :meth:`stop`."""

    def __init__(self, port: int, idle: int = 50, slow: int = 8, gap: float = 2.0) -> None:
        self.port, self.idle, self.slow, self.gap = port, idle, slow, gap
        self.stop_event = threading.Event()
        self.reopened = 0
        self.thread = threading.Thread(target=self._run, name="slow-clients", daemon=True)

    def _open(self, slow: bool) -> socket.socket | None:
        try:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
            if slow:
                sock.sendall(b"GET /api/search?q=dan+van HTTP/1.1\r\nHost: x\r\n")
            return sock
        except OSError:
            return None

    def _run(self) -> None:
        conns = [(self._open(False), False) for _ in range(self.idle)]
        conns += [(self._open(True), True) for _ in range(self.slow)]
        while not self.stop_event.wait(self.gap):
            for i, (sock, slow) in enumerate(conns):
                alive = sock is not None
                try:
                    if alive and slow:
                        sock.sendall(b"X")
                    elif alive:
                        readable, _, _ = select.select([sock], [], [], 0)
                        alive = not (readable and sock.recv(1) == b"")
                except OSError:
                    alive = False
                if not alive:
                    if sock is not None:
                        sock.close()
                    conns[i] = (self._open(slow), slow)
                    self.reopened += 1
        for sock, _ in conns:
            if sock is not None:
                sock.close()

    def start(self) -> SlowClients:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stop_event.set()
        self.thread.join(timeout=30)


def mount_tmpfs(folder: Path, size_mb: int) -> str | None:
    """Mount a tmpfs of *size_mb* on *folder*; None when done, else why it could not be."""
    if os.geteuid() != 0:
        return "not root"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    return None if done.returncode == 0 else (done.stderr.strip() or f"mount exited {done.returncode}")


def free_mb(folder: Path) -> float:
    info = os.statvfs(folder)
    return info.f_bavail * info.f_frsize / 1e6


def run(articles: int, clients: int, kill_after: float, limit: float) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        disk = work / "disk"
        disk.mkdir()
        # room for the index and a rebuild beside it (about 7 KB an article, twice, and a
        # segment written twice), not for eight times as many articles more
        unmounted = mount_tmpfs(disk, max(20, articles * 25 // 1000))
        try:
            return _run(work, disk if unmounted is None else work, unmounted, articles, clients, kill_after, limit)
        finally:
            if unmounted is None:
                subprocess.run(["umount", "-l", str(disk)], check=False)


def _run(work: Path, disk: Path, unmounted: str | None, articles: int, clients: int, kill_after: float,
         limit: float) -> int:
    source = synth.write(work / "articles.jsonl", articles)
    index = disk / "index"
    subprocess.run(timtin("index", str(source), "--index", str(index), "--procs", "2",
                          "--officials", os.devnull), check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(timtin("serve", "--index", str(index), "--port", str(port)),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while True:
            try:
                before = total(port)
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    print("timtin serve did not start")
                    return 1
                time.sleep(0.2)
        stop = threading.Event()
        times: list[float] = []
        failures: list[str] = []
        lock = threading.Lock()

        def client(k: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            i = k
            while not stop.is_set():
                path = "/api/search?" + urlencode({"q": QUERIES[i % len(QUERIES)], "page": 1 + i % 3})
                i += 1
                started = time.perf_counter()
                try:
                    conn.request("GET", path)
                    answer = conn.getresponse()
                    body = answer.read()
                    ok = answer.status == 200 and "total" in json.loads(body)
                    why = f"{answer.status} {body[:200]!r}"
                except (OSError, http.client.HTTPException, ValueError) as err:
                    ok, why = False, repr(err)
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    times.append((time.perf_counter() - started) * 1000)
                    if not ok:
                        failures.append(f"{path}: {why}")
            conn.close()

        slow = SlowClients(port).start()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        started = time.time()
        killed = subprocess.Popen(timtin("reindex", "--index", str(index), "--procs", "2", "--officials",
                                         os.devnull), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(kill_after)
        killed_early = killed.poll() is None
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        finished = subprocess.run(timtin("reindex", "--index", str(index), "--procs", "2", "--officials",
                                         os.devnull), capture_output=True, text=True,
                                  timeout=max(60.0, limit - (time.time() - started)))
        time.sleep(1.0)  # searches on the new generation too
        full_disk = "skipped: a full disk needs a small tmpfs, and mount is not allowed here " \
                    f"({unmounted}); run as root to include it"
        full_ok = True
        if unmounted is None:
            free = free_mb(disk)
            more = synth.write(work / "more.jsonl", articles * 8)
            filled = subprocess.run(timtin("index", str(more), "--index", str(index), "--procs", "2",
                                           "--officials", os.devnull), capture_output=True, text=True,
                                    timeout=max(60.0, limit - (time.time() - started)))
            message = filled.stderr.strip().splitlines()[-1:] or [""]
            full_ok = (filled.returncode == 1 and "The disk holding the index is full" in message[0]
                       and "Traceback" not in filled.stderr and free_mb(disk) >= free - 0.5)
            full_disk = (f"an index run of {articles * 8} more articles on the small tmpfs, with "
                         f"{free:.1f} MB free: exit {filled.returncode}, {free_mb(disk):.1f} MB free after; "
                         f"{message[0][:160]}")
            time.sleep(1.0)
        stop.set()
        for t in threads:
            t.join(timeout=60)
        slow.stop()
        after = total(port)
    finally:
        server.terminate()
        server.wait(timeout=10)
    stats = percentiles(times)
    print(f"soak: {articles} articles, {clients} clients, {len(times)} requests over "
          f"{time.time() - started:.1f} s; a reindex killed with SIGKILL after {kill_after:g} s "
          f"({'mid-way' if killed_early else 'after it had finished'}), then one run to the end "
          f"(exit {finished.returncode}).")
    print(f"slow clients: {slow.idle} idle and {slow.slow} slowloris connections held open throughout "
          f"({slow.reopened} reopened after the server closed them)")
    print(f"full disk: {full_disk}")
    print(f"latency ms: median {stats['median']}, p95 {stats['p95']}, max {stats['max']}")
    print(f"failed requests: {len(failures)}")
    for failure in failures[:10]:
        print(f"  {failure}")
    print(f"articles before: {before}, after: {after}, lost: {before - after}")
    if finished.returncode != 0:
        print(finished.stdout, finished.stderr)
    if not full_ok:
        print("the full-disk run did not fail cleanly:", filled.stdout[-2000:], filled.stderr[-2000:])
    return 0 if not failures and before == after and finished.returncode == 0 and full_ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Searches during a killed and a finished reindex.")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--kill-after", type=float, default=3.0, help="seconds into the first reindex")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds the whole run may take")
    args = parser.parse_args(argv)
    return run(args.articles, args.clients, args.kill_after, args.limit)


if __name__ == "__main__":
    sys.exit(main())
