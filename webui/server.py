"""Run the app under gunicorn: pre-forked worker processes, each with an event loop.

Searching is CPU work in Python, so worker processes (one per core) give the
throughput. Inside each, gevent's event loop reads and writes every connection, and
only a complete request goes to one of the process's native threads, which runs the
app (as gunicorn's ``gthread`` worker runs it). A client that is idle, or sends its
request a byte at a time, costs a parked greenlet and no thread, so 50 such clients
keep no reader waiting; with ``gthread`` each slow request line held one of the 4
threads, and 8 slow clients stopped the server (``tests/tools/slow_clients.py``).
``gthread`` stays available.

Each worker builds its own app after the fork, so no index file or searcher is
shared between processes. Gunicorn's own error answers (a request line over the
limit: 414; headers too large: 431; a malformed request: 400) carry the app's
security headers too: :func:`_write_error` replaces gunicorn's writer in each
worker (``gunicorn.util.write_error``, the one private call, tested through a
real server in ``tests/test_trust_two.py``).
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable

from flask import Flask
from gunicorn import util as gunicorn_util
from gunicorn.app.base import BaseApplication
from gunicorn.workers.ggevent import GeventWorker
from gunicorn.workers.gthread import ThreadWorker

WORKER_CLASSES = ("gevent", "gthread")
# gunicorn's maximum request line (its default, 4,094 bytes, refused a Vietnamese query
# under the documented 2,000 characters: about 4,600 bytes once URL-encoded, 5,250 for
# 2,000 characters of "dân vận "); the app itself refuses longer queries, with its message
LONGEST_REQUEST_LINE = 8190
# gunicorn's refusals, said in the pages' language
REFUSALS_VI = {
    414: "Địa chỉ yêu cầu quá dài: hãy rút ngắn câu tìm (tối đa 2.000 ký tự).",
    431: "Phần đầu của yêu cầu quá lớn.",
    400: "Yêu cầu không hợp lệ.",
}


def _write_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """Gunicorn's answer to a request it refuses before the app sees it, with headers."""
    from webui import SECURITY_HEADERS

    said = REFUSALS_VI.get(status_int, "Yêu cầu không được chấp nhận.")
    body = (f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>{html.escape(reason)}</title>'
            f"<h1>{status_int} {html.escape(reason)}</h1><p>{html.escape(said)}</p>"
            f'<p lang="en">{html.escape(mesg)}</p></html>').encode("utf-8")
    head = [f"HTTP/1.1 {status_int} {reason}", "Connection: close", "Content-Type: text/html; charset=utf-8",
            f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in SECURITY_HEADERS.items())]
    gunicorn_util.write_nonblock(sock, ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)


class EventWorker(GeventWorker):
    """gevent worker that runs the app in native threads, whose own error answers
    carry the security headers, and which accepts one connection per wake-up: gevent's
    default (100) lets the process that wakes first take a burst of connections and
    queue them while the other process idles."""

    def init_process(self) -> None:
        from gevent.baseserver import BaseServer

        BaseServer.max_accept = 1  # a documented setting of gevent's servers
        gunicorn_util.write_error = _write_error
        super().init_process()

    def patch(self) -> None:
        """As gunicorn's, but threads stay native: the app runs in a pool of them."""
        from gevent import monkey, socket as gsocket

        monkey.patch_all(thread=False)
        self.sockets = [gsocket.socket(s.FAMILY, gsocket.SOCK_STREAM, fileno=s.sock.detach())
                        for s in self.sockets]

    def load_wsgi(self) -> None:
        super().load_wsgi()
        self.wsgi = _in_threads(self.wsgi, self.cfg.threads)


def _in_threads(app, size: int):
    """Run each request's app call (the CPU work: searching) in a pool of native
    threads, as gthread does, while the event loop keeps reading and writing sockets.
    The body is made in the pool too, a block at a time (:class:`_Body`)."""
    from gevent.threadpool import ThreadPool

    pool = ThreadPool(size)

    def call(environ, start_response):
        return _Body(pool, pool.apply(app, (environ, start_response)))

    return call


BLOCK_BYTES = 64 * 1024  # a streamed body leaves in blocks of about this size...
BLOCK_SECONDS = 0.25  # ...or of what was made in this time, whichever comes first


class _Body:
    """A response body made in the pool's threads and written by the event loop a block
    at a time: a streamed answer (an export of every match) leaves as it is made
    instead of being held whole; a page is one block, as before."""

    def __init__(self, pool, result) -> None:
        self.pool = pool
        self.result = result

    def __iter__(self):
        chunks = self.pool.apply(iter, (self.result,))
        while True:
            block = self.pool.apply(_block, (chunks,))
            if block is None:
                return
            if block:
                yield block

    def close(self) -> None:
        close = getattr(self.result, "close", None)
        if close is not None:
            self.pool.apply(close)


def _block(chunks) -> bytes | None:
    """The next block of a body (None once it is over)."""
    parts, size, started = [], 0, time.monotonic()
    for chunk in chunks:
        parts.append(chunk)
        size += len(chunk)
        if size >= BLOCK_BYTES or time.monotonic() - started >= BLOCK_SECONDS:
            break
    return b"".join(parts) if parts else None


class ThreadedWorker(ThreadWorker):
    """gthread worker whose own error answers carry the security headers."""

    def init_process(self) -> None:
        gunicorn_util.write_error = _write_error
        super().init_process()


class _Server(BaseApplication):
    def __init__(self, factory: Callable[[], Flask], options: dict) -> None:
        self.factory = factory
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.factory()


def _bound_malloc() -> None:
    """Keep the workers' heaps from growing with the load (glibc, Linux): searches
    allocate and free arrays of hundreds of kilobytes from several threads, which by
    default lands in up to eight heaps per core that seldom shrink (32 clients on
    100,000 articles: 670 MB). Two heaps, and arrays above 256 KB mapped and returned
    to the system when freed. Workers inherit it (set before they are forked)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-8, 2)  # M_ARENA_MAX
        libc.mallopt(-3, 256 * 1024)  # M_MMAP_THRESHOLD (also stops its growth)
    except (OSError, AttributeError):
        pass  # another C library: its defaults


def run(factory: Callable[[], Flask], host: str, port: int, workers: int, threads: int,
        worker_class: str = "gevent", connections: int = 1000) -> None:
    _bound_malloc()
    _Server(factory, {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": f"webui.server.{'EventWorker' if worker_class == 'gevent' else 'ThreadedWorker'}",
        "worker_connections": connections,
        "limit_request_line": LONGEST_REQUEST_LINE,
        "timeout": 60,
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "timtin",
    }).run()
