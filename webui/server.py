"""Run the app under gunicorn: pre-forked worker processes, each with an event loop.

Searching is CPU work in Python, so worker processes (one per core) give the
throughput. Inside each, gevent's event loop holds every connection: a client that
is idle, or sends its request a byte at a time, costs a parked greenlet and no
thread, so 50 such clients cannot keep other readers waiting (with gunicorn's
``gthread`` worker each slow request line held one of the 4 threads, and 8 slow
clients stopped the server; measured in the README). ``gthread`` stays available.

Each worker builds its own app after the fork, so no index file or searcher is
shared between processes. Gunicorn's own error answers (a request line over the
limit: 414; headers too large: 431; a malformed request: 400) carry the app's
security headers too: :func:`_write_error` replaces gunicorn's writer in each
worker (``gunicorn.util.write_error``, the one private call, tested through a
real server in ``tests/test_trust_two.py``).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from flask import Flask
from gunicorn import util as gunicorn_util
from gunicorn.app.base import BaseApplication
from gunicorn.workers.ggevent import GeventWorker
from gunicorn.workers.gthread import ThreadWorker

WORKER_CLASSES = ("gevent", "gthread")


def _write_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """Gunicorn's answer to a request it refuses before the app sees it, with headers."""
    from webui import SECURITY_HEADERS

    body = (f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>{html.escape(reason)}</title>'
            f"<h1>{status_int} {html.escape(reason)}</h1><p>{html.escape(mesg)}</p></html>").encode("utf-8")
    head = [f"HTTP/1.1 {status_int} {reason}", "Connection: close", "Content-Type: text/html; charset=utf-8",
            f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in SECURITY_HEADERS.items())]
    gunicorn_util.write_nonblock(sock, ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)


class EventWorker(GeventWorker):
    """gevent worker whose own error answers carry the security headers."""

    def init_process(self) -> None:
        gunicorn_util.write_error = _write_error
        super().init_process()


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


def run(factory: Callable[[], Flask], host: str, port: int, workers: int, threads: int,
        worker_class: str = "gevent", connections: int = 1000) -> None:
    _Server(factory, {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": f"webui.server.{'EventWorker' if worker_class == 'gevent' else 'ThreadedWorker'}",
        "worker_connections": connections,
        "timeout": 60,
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "timtin",
    }).run()
